/**
 * The connections the layout orders siblings by. An edge between two nodes counts between the
 * two siblings that hold them (their ancestors just below the lowest common one): a proxy whose
 * container is deep in one VM pulls that VM towards the VM holding its app. Below those two
 * siblings, the edge leaves the boxes it starts in: siblings there whose edges go to the same
 * outside node are drawn towards each other (the pods one service routes to stay together).
 *
 * Everything here is independent of the order in which the document lists its nodes and edges:
 * edges are read in a canonical order, and every list handed out is sorted.
 */
import type { StackEdge, StackNode } from "../document.ts";

/** One connection between two siblings, as indices into their parent's ordered children. */
export interface Link {
  a: number;
  b: number;
  /** How many edges (or how strong an affinity) this link stands for. */
  weight: number;
  /** True for edges between the two; false for an affinity through a shared outside node. */
  direct: boolean;
}

/** Compares strings by UTF-16 code units, the same on every machine (never the locale). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Natural order of ids: runs of digits compare as numbers ("web-2" before "web-10"), the rest
 * by code unit; ties fall back to plain code-unit order, so the order is total.
 */
export function compareIds(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let ie = i;
      while (ie < a.length && isDigit(a.charCodeAt(ie))) ie++;
      let je = j;
      while (je < b.length && isDigit(b.charCodeAt(je))) je++;
      let is = i;
      while (is < ie - 1 && a.charCodeAt(is) === 48) is++;
      let js = j;
      while (js < je - 1 && b.charCodeAt(js) === 48) js++;
      const la = ie - is;
      const lb = je - js;
      if (la !== lb) return la - lb;
      for (let k = 0; k < la; k++) {
        const d = a.charCodeAt(is + k) - b.charCodeAt(js + k);
        if (d !== 0) return d;
      }
      i = ie;
      j = je;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  if (a.length - i !== b.length - j) return a.length - i - (b.length - j);
  return compareCodeUnits(a, b);
}

/** Nodes in their canonical order (by id, naturally): the order of siblings nothing connects. */
export function canonical<T extends Pick<StackNode, "id">>(nodes: readonly T[]): T[] {
  return [...nodes].sort((x, y) => compareIds(x.id, y.id));
}

/** Affinity through a shared outside node is counted only among this many siblings. */
const MAX_SHARED = 16;

/** Key of the root level in {@link SiblingLinks}: no node id is `null`. */
type ParentKey = string | null;

/**
 * Connections between siblings, for every parent (and the root level): who is linked to whom,
 * and how strongly. Built once per layout, read per parent in {@link linksAmong}.
 */
export class SiblingLinks {
  /** parent → smaller child id → larger child id → [direct weight, shared weight]. */
  private readonly pairs = new Map<ParentKey, Map<string, Map<string, [number, number]>>>();

  /** Adds `w` to the link between siblings `x` and `y` under `parent`. */
  add(parent: ParentKey, x: string, y: string, w: number, direct: boolean): void {
    if (x === y) return;
    const [lo, hi] = x < y ? [x, y] : [y, x];
    let byParent = this.pairs.get(parent);
    if (byParent === undefined) this.pairs.set(parent, (byParent = new Map()));
    let row = byParent.get(lo);
    if (row === undefined) byParent.set(lo, (row = new Map()));
    const cell = row.get(hi);
    if (cell === undefined) row.set(hi, direct ? [w, 0] : [0, w]);
    else cell[direct ? 0 : 1] += w;
  }

  /**
   * The links among `kids` (the children of `parent`, in the order given), as index pairs,
   * sorted by (a, b). Children not in `kids` are ignored.
   */
  linksAmong(parent: ParentKey, kids: readonly Pick<StackNode, "id">[]): Link[] {
    const byParent = this.pairs.get(parent);
    if (byParent === undefined) return [];
    const index = new Map<string, number>();
    kids.forEach((k, i) => index.set(k.id, i));
    const out: Link[] = [];
    // Map order is insertion order, which follows the edges: the sort below makes it canonical.
    for (const [x, row] of byParent) {
      const i = index.get(x);
      if (i === undefined) continue;
      for (const [y, cell] of row) {
        const j = index.get(y);
        if (j === undefined) continue;
        const a = Math.min(i, j);
        const b = Math.max(i, j);
        if (cell[0] > 0) out.push({ a, b, weight: cell[0], direct: true });
        if (cell[1] > 0) out.push({ a, b, weight: cell[1], direct: false });
      }
    }
    out.sort((p, q) => p.a - q.a || p.b - q.b || Number(q.direct) - Number(p.direct));
    return out;
  }

  /** True when nothing links any siblings (a document without edges). */
  get empty(): boolean {
    return this.pairs.size === 0;
  }
}

/**
 * The sibling links of a tree's edges. `parent` and `depth` describe the tree (roots have no
 * parent and depth 0); nodes outside it and self-loops are ignored. `shelved` tells the root
 * nodes kept off the rows (artifacts on their shelf): an edge to one of them links the root
 * trees that reach it to each other instead.
 */
export function siblingLinks(
  edges: readonly Pick<StackEdge, "id" | "source" | "target">[],
  parent: ReadonlyMap<string, StackNode>,
  depth: ReadonlyMap<string, number>,
  shelved: (id: string) => boolean = () => false,
): SiblingLinks {
  const links = new SiblingLinks();
  const sorted = [...edges].sort(
    (e, f) =>
      compareCodeUnits(e.source, f.source) ||
      compareCodeUnits(e.target, f.target) ||
      compareCodeUnits(e.id, f.id),
  );
  /** (parent, outside node, child) triples: siblings whose edges leave towards the same node. */
  const shared: [ParentKey, string, string][] = [];
  const up = (id: string): string | undefined => parent.get(id)?.id;
  for (const e of sorted) {
    if (e.source === e.target) continue;
    const ds = depth.get(e.source);
    const dt = depth.get(e.target);
    if (ds === undefined || dt === undefined) continue;
    // Walk both ends up to the children of their lowest common ancestor.
    let a = e.source;
    let b = e.target;
    let da = ds;
    let db = dt;
    const pathA: string[] = [];
    const pathB: string[] = [];
    while (da > db) {
      pathA.push(a);
      a = up(a)!;
      da--;
    }
    while (db > da) {
      pathB.push(b);
      b = up(b)!;
      db--;
    }
    if (a === b) continue; // one end holds the other: no two siblings to order
    while (up(a) !== up(b)) {
      pathA.push(a);
      pathB.push(b);
      a = up(a)!;
      b = up(b)!;
    }
    const lca: ParentKey = up(a) ?? null;
    if (lca === null && (shelved(a) || shelved(b))) {
      if (!shelved(a)) shared.push([null, b, a]);
      if (!shelved(b)) shared.push([null, a, b]);
    } else links.add(lca, a, b, 1, true);
    // Below the two siblings, each end leaves its boxes towards the other sibling.
    for (const x of pathA) {
      const p = up(x)!;
      shared.push([p, b, x]);
    }
    for (const x of pathB) {
      const p = up(x)!;
      shared.push([p, a, x]);
    }
  }
  shared.sort(
    (s, t) =>
      compareCodeUnits(s[0] ?? "", t[0] ?? "") ||
      Number(s[0] !== null) - Number(t[0] !== null) ||
      compareCodeUnits(s[1], t[1]) ||
      compareCodeUnits(s[2], t[2]),
  );
  for (let i = 0; i < shared.length;) {
    let j = i;
    const members: string[] = [];
    while (j < shared.length && shared[j]![0] === shared[i]![0] && shared[j]![1] === shared[i]![1]) {
      const m = shared[j]![2];
      if (members.at(-1) !== m) members.push(m);
      j++;
    }
    if (members.length > 1 && members.length <= MAX_SHARED) {
      const w = 1 / (members.length - 1);
      for (let x = 0; x < members.length; x++)
        for (let y = x + 1; y < members.length; y++)
          links.add(shared[i]![0], members[x]!, members[y]!, w, false);
    }
    i = j;
  }
  return links;
}
