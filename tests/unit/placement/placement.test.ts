/**
 * Placement after an edit (src/domain/placement.ts), as the store runs it on every commit and at
 * the end of every drag: growth right and down only, no sibling overlapped, room for one more
 * child, the place a node was put honoured when free, holes closed when a child leaves, hand-sized
 * parents kept. Plus a property: for any sequence of adds, moves, reparents and removals, no child
 * overlaps a sibling and every child lies inside its parent's content area.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Point, StackDocument } from "../../../src/domain/document.ts";
import { emptyDocument } from "../../../src/domain/document.ts";
import { indexDocument } from "../../../src/domain/diagram.ts";
import { absoluteRects } from "../../../src/domain/drop.ts";
import { addNode, mapNodes, removeNodes, reparent } from "../../../src/domain/edit.ts";
import { fitDocument, leafSize } from "../../../src/domain/geometry.ts";
import { KINDS, type Kind } from "../../../src/domain/kinds/catalog.ts";
import { LAYOUT, contentInsets } from "../../../src/domain/layout/index.ts";
import { freeSlot, overlaps } from "../../../src/domain/placement.ts";
import { changedSince } from "../../../src/store/editor.ts";

/** One edit as the store commits it: the next document, settled and fitted against the last. */
function commit(before: StackDocument, after: StackDocument): StackDocument {
  const base = indexDocument(before);
  return fitDocument(after, changedSince(base, after), base);
}

function add(d: StackDocument, kind: Kind, parentId: string | null, position: Point, id?: string) {
  const r = addNode(d, { kind, parentId, position, size: leafSize(kind) });
  const next = commit(d, r.doc);
  return { doc: id ? rename(next, r.id, id) : next, id: id ?? r.id };
}
/** Gives a node a readable id (no geometry changes). */
function rename(d: StackDocument, from: string, to: string): StackDocument {
  return {
    ...d,
    nodes: d.nodes.map((n) => ({
      ...n,
      ...(n.id === from ? { id: to } : {}),
      ...(n.parentId === from ? { parentId: to } : {}),
    })),
  };
}
function moved(d: StackDocument, id: string, parent: string | null, at: Point): StackDocument {
  const r = reparent(d, id, parent, at);
  if (!r.ok) throw new Error(r.reason);
  return r.doc;
}
const box = (d: StackDocument, id: string) => absoluteRects(d, indexDocument(d)).get(id)!;
const node = (d: StackDocument, id: string) => d.nodes.find((n) => n.id === id)!;

/** Every child inside its parent's content area, and no two siblings overlapping. */
function checkTidy(d: StackDocument) {
  const index = indexDocument(d);
  for (const [pid, kids] of index.children) {
    const p = index.byId.get(pid)!;
    const ins = contentInsets(p.kind);
    for (const id of kids) {
      const k = index.byId.get(id)!;
      expect(k.position!.x).toBeGreaterThanOrEqual(ins.left);
      expect(k.position!.y).toBeGreaterThanOrEqual(ins.top);
      expect(k.position!.x + k.size!.width).toBeLessThanOrEqual(p.size!.width - ins.right);
      expect(k.position!.y + k.size!.height).toBeLessThanOrEqual(p.size!.height - ins.bottom);
    }
    for (let i = 0; i < kids.length; i++)
      for (let j = i + 1; j < kids.length; j++) {
        const a = index.byId.get(kids[i]!)!;
        const b = index.byId.get(kids[j]!)!;
        expect(overlaps({ ...a.position!, ...a.size! }, { ...b.position!, ...b.size! })).toBe(false);
      }
  }
}

/** The five-drop build: server, Ubuntu into it, Docker Engine into the kernel, two containers. */
function fiveDrops(at: Point = { x: 40, y: 30 }) {
  let d = emptyDocument();
  d = add(d, "physical-host", null, at, "server").doc;
  d = add(d, "kernel", "server", { x: -20, y: -15 }, "ubuntu").doc;
  d = add(d, "container-engine", "ubuntu", { x: -30, y: -30 }, "engine").doc;
  d = add(d, "container", "engine", { x: -40, y: -10 }, "c1").doc;
  // The second one dropped over the first: not free, so it goes after it.
  d = add(d, "container", "engine", { x: 30, y: 20 }, "c2").doc;
  return d;
}

describe("placement", () => {
  it("the five-drop build: the server stays where it was dropped, each box grows right and down", () => {
    const d = fiveDrops();
    expect(node(d, "server").position).toEqual({ x: 40, y: 30 });
    const c1 = box(d, "c1");
    const c2 = box(d, "c2");
    // Side by side in the engine, one gap apart, on one ground line.
    expect(c2.x).toBe(c1.x + c1.width + LAYOUT.gap);
    expect(c2.y).toBe(c1.y);
    checkTidy(d);
    // Every parent keeps room for one more default leaf at the end of its last row.
    for (const id of ["server", "ubuntu", "engine"]) {
      const idx = indexDocument(d);
      const p = node(d, id);
      const kids = idx.children.get(id)!.map((k) => idx.byId.get(k)!);
      const slot = freeSlot(
        kids.map((k) => ({ ...k.position!, ...k.size! })),
        LAYOUT.leaf,
        contentInsets(p.kind),
      );
      expect(slot.x + LAYOUT.leaf.width).toBeLessThanOrEqual(p.size!.width - contentInsets(p.kind).right);
      expect(slot.y + LAYOUT.leaf.height).toBeLessThanOrEqual(p.size!.height - contentInsets(p.kind).bottom);
    }
  });

  it("a child put across its parent's top-left edge is moved inside; the parent does not move", () => {
    let d = add(emptyDocument(), "physical-host", null, { x: 100, y: 100 }, "server").doc;
    d = add(d, "kernel", "server", { x: -50, y: -80 }, "k").doc;
    expect(node(d, "server").position).toEqual({ x: 100, y: 100 });
    expect(node(d, "k").position).toEqual({ x: 12, y: 12 });
  });

  it("the place a node is put is honoured when free", () => {
    let d = add(emptyDocument(), "physical-host", null, { x: 0, y: 0 }, "server").doc;
    d = add(d, "kernel", "server", { x: 12, y: 12 }, "k1").doc;
    // Into the room kept for one more, a little lower: free, so it stays there.
    const room = node(d, "k1").position!.x + node(d, "k1").size!.width + 30;
    d = add(d, "kernel", "server", { x: room, y: 20 }, "k2").doc;
    expect(node(d, "k2").position).toEqual({ x: room, y: 20 });
    checkTidy(d);
  });

  it("a child dragged out leaves no hole in an auto-sized parent, which shrinks", () => {
    const d = fiveDrops();
    const before = node(d, "engine").size!;
    const c1 = node(d, "c1").position!;
    const out = commit(d, moved(d, "c1", null, { x: 900, y: 30 }));
    expect(node(out, "c2").position).toEqual(c1);
    expect(node(out, "engine").size!.width).toBe(before.width - node(d, "c1").size!.width - LAYOUT.gap);
    expect(node(out, "server").position).toEqual({ x: 40, y: 30 });
    checkTidy(out);
  });

  it("a hand-sized parent keeps its size when a child leaves", () => {
    let d = fiveDrops();
    const size = { width: node(d, "engine").size!.width + 100, height: node(d, "engine").size!.height + 40 };
    d = commit(
      d,
      mapNodes(d, ["engine"], (n) => ({ ...n, size, manualSize: true })),
    );
    expect(node(d, "engine").size).toEqual(size);
    const out = commit(d, moved(d, "c2", null, { x: 900, y: 30 }));
    expect(node(out, "engine").size).toEqual(size);
  });

  it("a hand-sized parent still grows to hold its children", () => {
    let d = fiveDrops();
    d = commit(
      d,
      mapNodes(d, ["engine"], (n) => ({ ...n, manualSize: true })),
    );
    const w = node(d, "engine").size!.width;
    d = add(d, "container", "engine", { x: w - 40, y: 12 }, "c3").doc;
    expect(node(d, "engine").size!.width).toBeGreaterThan(w);
    checkTidy(d);
  });

  it("a parent whose last child left is a leaf again", () => {
    let d = add(emptyDocument(), "physical-host", null, { x: 0, y: 0 }, "server").doc;
    d = add(d, "kernel", "server", { x: 12, y: 12 }, "k").doc;
    expect(node(d, "server").size!.width).toBeGreaterThan(leafSize("physical-host").width);
    d = commit(d, removeNodes(d, ["k"]));
    expect(node(d, "server").size).toEqual(leafSize("physical-host"));
  });

  it("a child that grows pushes the sibling it would cover to the right", () => {
    let d = add(emptyDocument(), "physical-host", null, { x: 0, y: 0 }, "server").doc;
    d = add(d, "kernel", "server", { x: 12, y: 12 }, "k").doc;
    d = add(d, "container-engine", "k", { x: 12, y: 12 }, "e1").doc;
    d = add(d, "container-engine", "k", { x: 184, y: 12 }, "e2").doc;
    expect(node(d, "e2").position!.x).toBe(184);
    d = add(d, "container", "e1", { x: 12, y: 12 }, "c").doc;
    const e1 = node(d, "e1");
    expect(node(d, "e2").position!.x).toBeGreaterThanOrEqual(e1.position!.x + e1.size!.width);
    checkTidy(d);
  });

  it("a root tree put on another slides right of it", () => {
    let d = add(emptyDocument(), "physical-host", null, { x: 0, y: 0 }, "a").doc;
    d = add(d, "physical-host", null, { x: 50, y: 10 }, "b").doc;
    expect(node(d, "b").position!.x).toBe(node(d, "a").size!.width + LAYOUT.rootGap);
  });

  it("refitting a settled document changes nothing", () => {
    const d = fiveDrops();
    expect(fitDocument(d)).toBe(d);
  });
});

type Op =
  | { op: "add"; kind: Kind; parent: number; x: number; y: number }
  | { op: "move"; node: number; x: number; y: number }
  | { op: "reparent"; node: number; parent: number; x: number; y: number }
  | { op: "remove"; node: number };

const coord = fc.integer({ min: -300, max: 900 });
const arbOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("add" as const),
    kind: fc.constantFrom(...KINDS),
    parent: fc.nat(),
    x: coord,
    y: coord,
  }),
  fc.record({ op: fc.constant("move" as const), node: fc.nat(), x: coord, y: coord }),
  fc.record({ op: fc.constant("reparent" as const), node: fc.nat(), parent: fc.nat(), x: coord, y: coord }),
  fc.record({ op: fc.constant("remove" as const), node: fc.nat() }),
);

function apply(d: StackDocument, o: Op): StackDocument {
  const ids = d.nodes.map((n) => n.id);
  const pick = (i: number) => (ids.length ? ids[i % ids.length]! : undefined);
  switch (o.op) {
    case "add": {
      // Index past the end: a root.
      const parent = o.parent % (ids.length + 1) < ids.length ? pick(o.parent)! : null;
      return addNode(d, {
        kind: o.kind,
        parentId: parent,
        position: { x: o.x, y: o.y },
        size: leafSize(o.kind),
      }).doc;
    }
    case "move": {
      const id = pick(o.node);
      return id ? mapNodes(d, [id], (n) => ({ ...n, position: { x: o.x, y: o.y } })) : d;
    }
    case "reparent": {
      const id = pick(o.node);
      if (!id) return d;
      const parent = o.parent % (ids.length + 1) < ids.length ? pick(o.parent)! : null;
      const r = reparent(d, id, parent, { x: o.x, y: o.y });
      return r.ok ? r.doc : d;
    }
    case "remove": {
      const id = pick(o.node);
      return id ? removeNodes(d, [id]) : d;
    }
  }
}

describe("placement (property)", () => {
  it("for any sequence of drops and moves, no child overlaps a sibling or leaves its parent's content area", () => {
    fc.assert(
      fc.property(fc.array(arbOp, { minLength: 1, maxLength: 25 }), (ops) => {
        let d = emptyDocument();
        for (const o of ops) {
          const next = commit(d, apply(d, o));
          // A parent never moves because of its children: a root moves only when it was moved itself.
          for (const r of next.nodes.filter((n) => n.parentId == null)) {
            const was = d.nodes.find((n) => n.id === r.id);
            if (was && was.parentId == null && o.op !== "move" && o.op !== "reparent")
              if (r.position!.x < was.position!.x || r.position!.y < was.position!.y)
                throw new Error(`root ${r.id} moved up or left`);
          }
          d = next;
          checkTidy(d);
        }
        expect(fitDocument(d)).toBe(d);
      }),
      { numRuns: 200 },
    );
  });
});
