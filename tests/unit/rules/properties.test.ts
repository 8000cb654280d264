import fc from "fast-check";
import { blankContext, indexDocument } from "../../../src/domain/diagram.ts";
import { compactIndex, contextAt } from "../../../src/domain/compact-index.ts";
import { validate } from "../../../src/domain/rules/index.ts";
import { problemMessage } from "../../../src/domain/rules/messages.ts";
import { arbDocument, arbDocumentAndShuffle } from "./arbitraries.ts";
import { canonical } from "./check.ts";

describe("validate, on any valid document", () => {
  it("never throws, and writes a message for every problem in both languages", () => {
    fc.assert(
      fc.property(arbDocument(), (d) => {
        for (const p of validate(d)) {
          expect(problemMessage(p, "en", d)).not.toBe("");
          expect(problemMessage(p, "ko", d)).not.toBe("");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same problems whatever the order of the nodes", () => {
    fc.assert(
      fc.property(arbDocumentAndShuffle(), ([a, b]) => {
        expect(canonical(validate(b))).toEqual(canonical(validate(a)));
      }),
      { numRuns: 300 },
    );
  });

  it("names only existing nodes and edges, without repeats, and never an empty node list", () => {
    fc.assert(
      fc.property(arbDocument(), (d) => {
        const ids = new Set(d.nodes.map((n) => n.id));
        const edgeIds = new Set(d.edges.map((e) => e.id));
        for (const p of validate(d)) {
          expect(p.nodeIds.length).toBeGreaterThan(0);
          expect(new Set(p.nodeIds).size).toBe(p.nodeIds.length);
          for (const id of p.nodeIds) expect(ids.has(id)).toBe(true);
          if (p.edgeId !== undefined) expect(edgeIds.has(p.edgeId)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reports a rule at most once per node it is about", () => {
    fc.assert(
      fc.property(arbDocument(), (d) => {
        const seen = new Set<string>();
        for (const p of validate(d)) {
          if (p.rule === "network/port-conflict" || p.rule === "edge/endpoints") continue;
          const key = `${p.rule} ${p.nodeIds[0]}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the compact index", () => {
  it("gives every node the context indexDocument gives it, in any node order", () => {
    fc.assert(
      fc.property(arbDocumentAndShuffle(), ([, d]) => {
        const full = indexDocument(d);
        const ix = compactIndex(d.nodes);
        d.nodes.forEach((node, i) => {
          expect(ix.live[i]).toBe(1);
          expect(contextAt(ix, i, blankContext(node))).toEqual(full.context.get(node.id));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("leaves out nodes in or under a parent cycle and repeated ids, without looping", () => {
    const ix = compactIndex([
      { id: "a", kind: "group", parentId: "b" },
      { id: "b", kind: "group", parentId: "a" },
      { id: "c", kind: "vm", parentId: "a" },
      { id: "d", kind: "vm" },
      { id: "d", kind: "kernel", parentId: "d" },
    ]);
    expect([...ix.live]).toEqual([0, 0, 0, 1, 0]);
    expect(
      validate({
        nodes: [
          { id: "a", kind: "kernel", parentId: "b" },
          { id: "b", kind: "kernel", parentId: "a" },
        ],
        edges: [],
      }),
    ).toEqual([]);
  });
});
