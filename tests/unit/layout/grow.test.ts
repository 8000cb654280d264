import fc from "fast-check";
import {
  LAYOUT,
  contentInsets,
  growToFit,
  stackLayout,
  type GeometryPatch,
} from "../../../src/domain/layout/index.ts";
import {
  absoluteRects,
  chain,
  containmentProblems,
  depthOf,
  forestArb,
  withGeometry,
  type Nodes,
  type Rect,
} from "./forest.ts";

const laidOut = (doc: Nodes): Nodes => withGeometry(doc, stackLayout(doc));
const apply = (doc: Nodes, patches: ReadonlyMap<string, GeometryPatch>): Nodes => withGeometry(doc, patches);
const move = (doc: Nodes, id: string, to: { x: number; y: number }): Nodes => ({
  nodes: doc.nodes.map((n) => (n.id === id ? { ...n, position: to } : n)),
});
const contains = (outer: Rect, inner: Rect): boolean =>
  outer.x <= inner.x &&
  outer.y <= inner.y &&
  outer.x + outer.width >= inner.x + inner.width &&
  outer.y + outer.height >= inner.y + inner.height;

describe("growToFit after a drag", () => {
  // c0 … c5, c5 at depth 5 inside c4 at depth 4 beside its sibling s5; each other level holds
  // only the next, so growing c4 must grow every ancestor.
  const base = laidOut({ nodes: chain(6).nodes.filter((n) => n.id.startsWith("c") || n.id === "s5") });
  const size = (doc: Nodes, id: string) => doc.nodes.find((n) => n.id === id)!.size!;

  it("grows a parent at depth 4 when its child is moved to its edge, and every ancestor in cascade", () => {
    expect(depthOf(base, "c4")).toBe(4);
    const c4 = size(base, "c4");
    const dragged = move(base, "c5", { x: c4.width - 20, y: LAYOUT.padding });
    const patches = growToFit(dragged, ["c5"]);
    expect([...patches.keys()].sort()).toEqual(["c0", "c1", "c2", "c3", "c4"]);
    const after = apply(dragged, patches);
    expect(size(after, "c4").width).toBe(c4.width - 20 + LAYOUT.leaf.width + LAYOUT.padding);
    for (const id of ["c0", "c1", "c2", "c3", "c4"]) {
      expect(size(after, id).width).toBeGreaterThan(size(base, id).width);
      expect(size(after, id).height).toBe(size(base, id).height);
      expect(patches.get(id)!.position).toBeUndefined();
    }
    expect(containmentProblems(after)).toEqual([]);
  });

  it("grows downward when a child is moved into the band, so the band stays below it", () => {
    const c4 = size(base, "c4");
    const dragged = move(base, "c5", { x: LAYOUT.padding, y: c4.height - 30 });
    const after = apply(dragged, growToFit(dragged, ["c5"]));
    expect(size(after, "c4").height).toBe(
      c4.height - 30 + LAYOUT.leaf.height + contentInsets("container-engine").bottom,
    );
    expect(containmentProblems(after)).toEqual([]);
  });

  it("grows left and up when a child is moved past the top-left corner, keeping every child in place", () => {
    const dragged = move(base, "c5", { x: -40, y: -30 });
    const before = absoluteRects(dragged);
    const patches = growToFit(dragged, ["c5"]);
    const after = apply(dragged, patches);
    const rects = absoluteRects(after);
    expect(containmentProblems(after)).toEqual([]);
    // c5 and its sibling s5 moved right/down inside c4 by exactly what c4 moved left/up.
    const dx = LAYOUT.padding + 40;
    const dy = LAYOUT.padding + 30;
    expect(patches.get("c5")!.position).toEqual({ x: LAYOUT.padding, y: LAYOUT.padding });
    expect(rects.get("c5")).toEqual(before.get("c5"));
    expect(rects.get("s5")).toEqual(before.get("s5"));
    expect(rects.get("c4")!.x).toBe(before.get("c4")!.x - dx);
    expect(rects.get("c4")!.y).toBe(before.get("c4")!.y - dy);
    for (const [id, r] of before) expect(contains(rects.get(id)!, r)).toBe(true);
  });

  it("returns nothing for a document whose parents already fit", () => {
    fc.assert(
      fc.property(forestArb(), (doc) => {
        const placed = laidOut(doc);
        expect(growToFit(placed).size).toBe(0);
        expect(
          growToFit(
            placed,
            placed.nodes.map((n) => n.id),
          ).size,
        ).toBe(0);
      }),
    );
  });

  it("after any move or resize: children inside parents, nothing moves on the canvas, boxes only grow", () => {
    fc.assert(
      fc.property(
        forestArb(30),
        fc.nat(),
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: -400, max: 400 }),
        fc.option(
          fc.record({ width: fc.integer({ min: 1, max: 400 }), height: fc.integer({ min: 1, max: 400 }) }),
        ),
        (doc, pick, dx, dy, resize) => {
          const placed = laidOut(doc);
          const target = placed.nodes[pick % placed.nodes.length]!;
          const edited: Nodes = {
            nodes: placed.nodes.map((n) =>
              n.id === target.id
                ? {
                    ...n,
                    position: { x: n.position!.x + dx, y: n.position!.y + dy },
                    ...(resize ? { size: resize } : {}),
                  }
                : n,
            ),
          };
          const before = absoluteRects(edited);
          const patches = growToFit(edited, [target.id]);
          const after = apply(edited, patches);
          expect(containmentProblems(after)).toEqual([]);
          const rects = absoluteRects(after);
          const isParent = new Set(after.nodes.map((n) => n.parentId));
          for (const [id, r] of before) {
            expect(contains(rects.get(id)!, r)).toBe(true);
            if (!isParent.has(id)) expect(rects.get(id)).toEqual(r);
          }
          // Untouched nodes are not reported; the full check agrees with the incremental one.
          for (const [id, p] of patches) {
            const n = edited.nodes.find((m) => m.id === id)!;
            if (p.position) expect(p.position).not.toEqual(n.position);
            if (p.size) expect(p.size).not.toEqual(n.size);
          }
          expect(growToFit(edited)).toEqual(patches);
        },
      ),
    );
  });

  it("sizes parents that have no size and places children that have no position", () => {
    const doc: Nodes = {
      nodes: [
        { id: "k", kind: "kernel", position: { x: 100, y: 100 } },
        { id: "e", kind: "container-engine", parentId: "k", position: { x: 12, y: 12 } },
        {
          id: "a",
          kind: "container",
          parentId: "e",
          position: { x: 12, y: 12 },
          size: { width: 160, height: 64 },
        },
        { id: "b", kind: "container", parentId: "e", size: { width: 160, height: 64 } },
      ],
    };
    const patches = growToFit(doc, []);
    expect(patches.get("b")).toEqual({ position: { x: 12 + 160 + LAYOUT.gap, y: 12 } });
    expect(patches.get("e")!.size).toEqual({
      width: 12 + 2 * 160 + LAYOUT.gap + 12,
      height: 12 + 64 + contentInsets("container-engine").bottom,
    });
    expect(patches.get("k")!.size).toBeDefined();
    expect(patches.has("a")).toBe(false);
    expect(containmentProblems(apply(doc, patches))).toEqual([]);
  });

  it("never shrinks a parent that is bigger than it needs", () => {
    const doc: Nodes = {
      nodes: [
        { id: "g", kind: "group", position: { x: 0, y: 0 }, size: { width: 900, height: 700 } },
        {
          id: "k",
          kind: "kernel",
          parentId: "g",
          position: { x: 20, y: 50 },
          size: { width: 160, height: 64 },
        },
      ],
    };
    expect(growToFit(doc, ["k"]).size).toBe(0);
  });
});
