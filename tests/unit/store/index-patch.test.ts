import fc from "fast-check";
import { forestArb } from "../layout/forest.ts";
import { completeGeometry } from "../../../src/domain/geometry.ts";
import { indexDocument, withMovedNodes, type DiagramIndex } from "../../../src/domain/diagram.ts";
import type { StackDocument, StackNode } from "../../../src/domain/document.ts";

const docOf = (nodes: StackNode[]): StackDocument =>
  completeGeometry({ format: "stackdraw", version: 1, nodes, edges: [] });

/** The parts of an index a reader sees, in plain data. */
function view(ix: DiagramIndex) {
  return {
    byId: [...ix.byId.entries()].map(([k, v]) => [k, v]),
    values: [...ix.byId.values()],
    forEach: (() => {
      const out: [string, StackNode][] = [];
      ix.byId.forEach((v, k) => out.push([k, v]));
      return out;
    })(),
    size: ix.byId.size,
    roots: ix.roots,
    order: ix.order,
    children: [...ix.children.entries()],
  };
}

describe("withMovedNodes (the index during a drag)", () => {
  it("after any moves, frame after frame, reads exactly like a fresh index (property)", () => {
    fc.assert(
      fc.property(
        forestArb(30),
        fc.array(
          fc.array(fc.record({ pick: fc.nat(), dx: fc.integer({ min: -50, max: 50 }) }), { maxLength: 4 }),
          { minLength: 1, maxLength: 4 },
        ),
        (forest, frames) => {
          const doc0 = docOf(forest.nodes);
          let ix = indexDocument(doc0);
          let nodes = doc0.nodes;
          for (const moves of frames) {
            nodes = nodes.slice();
            for (const m of moves) {
              const i = m.pick % nodes.length;
              const n = nodes[i]!;
              nodes[i] = { ...n, position: { x: (n.position?.x ?? 0) + m.dx, y: n.position?.y ?? 0 } };
            }
            const next = withMovedNodes(ix, nodes);
            expect(next).not.toBeNull();
            ix = next!;
            expect(view(ix)).toEqual(view(indexDocument({ nodes })));
            for (const n of nodes) {
              expect(ix.byId.get(n.id)).toBe(n);
              expect(ix.byId.has(n.id)).toBe(true);
            }
          }
        },
      ),
    );
  });

  it("gives back the same index when nothing moved, and null when the structure changed", () => {
    const doc = docOf([
      { id: "h", kind: "physical-host" },
      { id: "k", kind: "kernel", parentId: "h" },
      { id: "k2", kind: "kernel" },
    ]);
    const ix = indexDocument(doc);
    expect(withMovedNodes(ix, doc.nodes)).toBe(ix);
    const reparented = doc.nodes.map((n) => (n.id === "k2" ? { ...n, parentId: "h" } : n));
    expect(withMovedNodes(ix, reparented)).toBeNull();
    const relabelled = doc.nodes.map((n) => (n.id === "k" ? { ...n, label: "Ubuntu" } : n));
    expect(withMovedNodes(ix, relabelled)).toBeNull();
    expect(withMovedNodes(ix, doc.nodes.slice(1))).toBeNull();
  });
});
