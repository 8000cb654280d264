/**
 * Property tests of the router on generated nested documents (nested.ts): every route keeps the
 * contract (check.ts), parallel segments of different edges keep 6 px apart unless the router
 * says the gap was too narrow (both routes `squeezed`), the result does not depend on anything
 * but the document, and an incremental re-route after a move (live or not) keeps the contract too.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StackDocument } from "../../../src/domain/document.ts";
import { rerouteAffected, routeEdges } from "../../../src/domain/routing/index.ts";
import { indexDocument, withMovedNodes } from "../../../src/domain/diagram.ts";
import { closePairs, contractViolations } from "./check.ts";
import { routedDocArb } from "./nested.ts";

describe("routeEdges on generated nested documents", () => {
  it("keeps the contract: orthogonal, on the end boxes, around other boxes and all text", () => {
    fc.assert(
      fc.property(routedDocArb(), (doc) => {
        const routes = routeEdges(doc);
        expect(contractViolations(doc, routes)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps parallel segments of different edges 6 px apart, except where both were squeezed", () => {
    fc.assert(
      fc.property(routedDocArb(16), (doc) => {
        const routes = routeEdges(doc);
        for (const { a, b, gap } of closePairs(doc, routes)) {
          const squeezed = routes.get(a.edge)!.squeezed && routes.get(b.edge)!.squeezed;
          expect({ a, b, gap, squeezed }).toMatchObject({ squeezed: true });
        }
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic: the same document gives the same routes", () => {
    fc.assert(
      fc.property(routedDocArb(), (doc) => {
        const a = routeEdges(doc);
        const b = routeEdges(structuredClone(doc));
        expect([...b]).toEqual([...a]);
      }),
      { numRuns: 100 },
    );
  });

  it("re-routes after a move and still keeps the contract", () => {
    fc.assert(
      fc.property(
        routedDocArb(),
        fc.nat(),
        fc.integer({ min: -30, max: 30 }),
        fc.integer({ min: -30, max: 30 }),
        (doc, pick, dx, dy) => {
          const index = indexDocument(doc);
          const prev = routeEdges(doc, { index });
          // Move a root (its subtree moves along, nothing else changes size).
          const roots = doc.nodes.filter((n) => n.parentId == null);
          const moved = roots[pick % roots.length]!;
          const after: StackDocument = {
            ...doc,
            nodes: doc.nodes.map((n) =>
              n.id === moved.id
                ? { ...n, position: { x: n.position!.x + dx * 4, y: n.position!.y + dy * 4 } }
                : n,
            ),
          };
          const overlaps = roots.some((r) => r.id !== moved.id && overlapsAfter(after, moved.id, r.id));
          fc.pre(!overlaps);
          const next = rerouteAffected(prev, after, [moved.id]);
          expect(contractViolations(after, next)).toEqual([]);
          // A drag step (live: no joining of nudged clusters) keeps every box and text area too.
          const live = rerouteAffected(prev, after, [moved.id], { live: true });
          expect(contractViolations(after, live)).toEqual([]);
          // The same step on the same tree (an index patched with the moved node, as the editor's
          // drag has it) looks only at what moved, and routes the same.
          const patched = withMovedNodes(index, after.nodes)!;
          expect(patched.children).toBe(index.children);
          const fast = rerouteAffected(prev, after, [moved.id], { index: patched, live: true });
          expect([...fast]).toEqual([...live]);
          expect([...next.keys()].sort()).toEqual([...routeEdges(after).keys()].sort());
        },
      ),
      { numRuns: 150 },
    );
  });
});

function overlapsAfter(doc: StackDocument, a: string, b: string): boolean {
  const na = doc.nodes.find((n) => n.id === a)!;
  const nb = doc.nodes.find((n) => n.id === b)!;
  const pa = na.position!;
  const pb = nb.position!;
  // With a margin: roots closer than 12 px leave routes no room between them, which is fine, but
  // overlapping roots are not a document the router promises anything for.
  return (
    pa.x < pb.x + nb.size!.width + 1 &&
    pb.x < pa.x + na.size!.width + 1 &&
    pa.y < pb.y + nb.size!.height + 1 &&
    pb.y < pa.y + na.size!.height + 1
  );
}
