/** Builders, generators and geometric checks shared by the layout tests. */
import fc from "fast-check";
import type { Point, Size, StackDocument, StackNode } from "../../../src/domain/document.ts";
import { KINDS, type Kind } from "../../../src/domain/kinds/catalog.ts";
import { contentInsets } from "../../../src/domain/layout/index.ts";

export type Nodes = Pick<StackDocument, "nodes">;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const LABELS = [
  undefined,
  "",
  "web",
  "Amazon Linux 2023",
  "nginx:1.27",
  "웹 서버",
  "쿠버네티스 클러스터 운영 환경",
  "Ω",
  "x".repeat(300),
];

/**
 * A random forest in document order: node i hangs under one of the nodes before it (or is a
 * root), so it never has a cycle and parents come first. Kinds are mixed freely: the layout does
 * not care whether the stack makes sense.
 */
export const forestArb = (maxLength = 40, size?: fc.SizeForArbitrary): fc.Arbitrary<Nodes> =>
  fc
    .array(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        parent: fc.nat(),
        root: fc.integer({ min: 0, max: 5 }),
        label: fc.constantFrom(...LABELS),
      }),
      { minLength: 1, maxLength, ...(size !== undefined ? { size } : {}) },
    )
    .map((rows) => ({
      nodes: rows.map((r, i): StackNode => {
        const n: StackNode = { id: `n${i}`, kind: r.kind as Kind };
        if (i > 0 && r.root !== 0) n.parentId = `n${r.parent % i}`;
        if (r.label !== undefined) n.label = r.label;
        return n;
      }),
    }));

/** A single chain `c0 → c1 → … → c{depth-1}`, with a sibling leaf `s{i}` to the left of `c{i}` at each level. */
export function chain(
  depth: number,
  kinds: readonly Kind[] = ["physical-host", "hypervisor", "vm", "kernel", "container-engine", "container"],
): Nodes {
  const nodes: StackNode[] = [];
  for (let i = 0; i < depth; i++) {
    if (i > 0) nodes.push({ id: `s${i}`, kind: "server-app", parentId: `c${i - 1}` });
    nodes.push({ id: `c${i}`, kind: kinds[i % kinds.length]!, ...(i > 0 ? { parentId: `c${i - 1}` } : {}) });
  }
  return { nodes };
}

export function depthOf(doc: Nodes, id: string): number {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  let d = 0;
  for (let p = byId.get(id)?.parentId; p != null; p = byId.get(p)?.parentId) d++;
  return d;
}

/** The same nodes, deepest first (so every parent comes after its children); siblings keep their order. */
export function childrenFirst(doc: Nodes): Nodes {
  const depth = new Map(doc.nodes.map((n) => [n.id, depthOf(doc, n.id)]));
  return { nodes: [...doc.nodes].sort((a, b) => depth.get(b.id)! - depth.get(a.id)!) };
}

/** Writes geometry into a copy of the document. */
export function withGeometry(doc: Nodes, geo: ReadonlyMap<string, { position?: Point; size?: Size }>): Nodes {
  return {
    nodes: doc.nodes.map((n) => {
      const g = geo.get(n.id);
      if (!g) return n;
      return { ...n, ...(g.position ? { position: g.position } : {}), ...(g.size ? { size: g.size } : {}) };
    }),
  };
}

/** Absolute rectangles of a fully positioned and sized document. */
export function absoluteRects(doc: Nodes): Map<string, Rect> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out = new Map<string, Rect>();
  const resolve = (n: StackNode): Rect => {
    const known = out.get(n.id);
    if (known) return known;
    const parent = n.parentId != null ? byId.get(n.parentId) : undefined;
    const base = parent ? resolve(parent) : { x: 0, y: 0 };
    const r = {
      x: base.x + n.position!.x,
      y: base.y + n.position!.y,
      width: n.size!.width,
      height: n.size!.height,
    };
    out.set(n.id, r);
    return r;
  };
  for (const n of doc.nodes) resolve(n);
  return out;
}

export const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Problems with "every child lies inside its parent's content area": empty when all is well. */
export function containmentProblems(doc: Nodes): string[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  for (const n of doc.nodes) {
    const parent = n.parentId != null ? byId.get(n.parentId) : undefined;
    if (!parent) continue;
    const ins = contentInsets(parent.kind);
    const p = n.position!;
    const s = n.size!;
    const ps = parent.size!;
    if (
      p.x < ins.left ||
      p.y < ins.top ||
      p.x + s.width > ps.width - ins.right ||
      p.y + s.height > ps.height - ins.bottom
    )
      out.push(
        `${n.id} at ${JSON.stringify(p)} ${JSON.stringify(s)} outside ${parent.id} (${parent.kind}) ${JSON.stringify(ps)}`,
      );
  }
  return out;
}

/** Pairs of siblings (or of roots) whose boxes overlap. */
export function siblingOverlaps(doc: Nodes): string[] {
  const groups = new Map<string | null, StackNode[]>();
  for (const n of doc.nodes) {
    const key = n.parentId ?? null;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(n);
  }
  const out: string[] = [];
  for (const sibs of groups.values()) {
    for (let i = 0; i < sibs.length; i++)
      for (let j = i + 1; j < sibs.length; j++) {
        const a = sibs[i]!;
        const b = sibs[j]!;
        const ra = { ...a.position!, ...a.size! };
        const rb = { ...b.position!, ...b.size! };
        if (overlaps(ra, rb)) out.push(`${a.id} overlaps ${b.id}`);
      }
  }
  return out;
}
