/**
 * Documents of nested boxes with edges for the routing tests, laid out here (not by the stack
 * layout) so that the tests choose the tight cases themselves: children in one row inside their
 * parent's content area, with gaps from 0 (touching) to 24 px, bottom- or top-aligned; roots in
 * a row 48 px apart. Kinds are mixed: stack kinds keep a band at the bottom, frames a title bar
 * on top, as the renderers draw them.
 */
import fc from "fast-check";
import type { StackDocument, StackEdge, StackNode } from "../../../src/domain/document.ts";
import type { Kind } from "../../../src/domain/kinds/catalog.ts";
import { contentInsets } from "../../../src/domain/layout/constants.ts";

export interface TreeSpec {
  kind: Kind;
  width: number;
  height: number;
  gap: number;
  alignTop: boolean;
  children: TreeSpec[];
}

const KINDS: Kind[] = [
  "physical-host",
  "vm",
  "kernel",
  "container-engine",
  "container",
  "cloud",
  "pod",
  "registry",
  "group",
];

const treeArb: fc.Memo<TreeSpec> = fc.memo((depth: number) =>
  fc.record({
    kind: fc.constantFrom(...KINDS),
    width: fc.integer({ min: 40, max: 200 }),
    height: fc.integer({ min: 30, max: 90 }),
    gap: fc.constantFrom(0, 6, 12, 12, 24),
    alignTop: fc.boolean(),
    children: depth <= 1 ? fc.constant([]) : fc.array(treeArb(depth - 1), { maxLength: 3 }),
  }),
);

/** Lays the forest out; returns nodes listed parents first. */
export function layOut(roots: readonly TreeSpec[]): StackNode[] {
  const nodes: StackNode[] = [];
  let next = 0;
  const place = (
    t: TreeSpec,
    parentId: string | undefined,
    x: number,
    y: number,
  ): { id: string; w: number; h: number } => {
    const id = `n${next++}`;
    const node: StackNode = { id, kind: t.kind, ...(parentId ? { parentId } : {}) };
    nodes.push(node);
    if (t.children.length === 0) {
      node.position = { x, y };
      node.size = { width: t.width, height: t.height };
      return { id, w: t.width, h: t.height };
    }
    const ins = contentInsets(t.kind);
    // Lay out the children first at relative positions, then size the parent around them.
    const placed: Array<{ node: StackNode; w: number; h: number }> = [];
    let cx = ins.left;
    for (const c of t.children) {
      const r = place(c, id, cx, ins.top);
      placed.push({ node: nodes.find((n) => n.id === r.id)!, w: r.w, h: r.h });
      cx += r.w + t.gap;
    }
    const rowH = Math.max(...placed.map((p) => p.h));
    for (const p of placed)
      p.node.position = { x: p.node.position!.x, y: ins.top + (t.alignTop ? 0 : rowH - p.h) };
    const w = Math.max(t.width, cx - t.gap + ins.right);
    const h = ins.top + rowH + ins.bottom;
    node.position = { x, y };
    node.size = { width: w, height: h };
    return { id, w, h };
  };
  let x = 0;
  for (const r of roots) x += place(r, undefined, x, r.alignTop ? 0 : 30).w + 48;
  return nodes;
}

export function docOf(nodes: StackNode[], edges: StackEdge[]): StackDocument {
  return { format: "stackdraw", version: 1, nodes, edges };
}

/** A forest of up to 4 roots, 4 levels deep, with up to 12 edges between any two distinct nodes. */
export const routedDocArb = (maxEdges = 12): fc.Arbitrary<StackDocument> =>
  fc
    .tuple(
      fc.array(treeArb(4), { minLength: 1, maxLength: 4 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: maxEdges }),
    )
    .map(([roots, pairs]) => {
      const nodes = layOut(roots);
      const edges: StackEdge[] = [];
      for (const [a, b] of pairs) {
        const s = nodes[a % nodes.length]!;
        const t = nodes[b % nodes.length]!;
        if (s.id === t.id) continue;
        edges.push({ id: `e${edges.length}`, kind: "network", source: s.id, target: t.id });
      }
      return docOf(nodes, edges);
    });
