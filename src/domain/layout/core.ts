/**
 * The one bottom-up step that the stack layout, growToFit and resolveGeometry all run, so that
 * "laid out", "grown to fit" and "filled in" mean the same geometry.
 *
 * Every function here is iterative over arrays handed in parents-first; nothing recurses over the
 * tree, so depth is bounded only by memory.
 */
import type { Point, Size, StackEdge, StackNode } from "../document.ts";
import { isArtifactKind } from "../kinds/catalog.ts";
import { LAYOUT, contentInsets, stripPlacement } from "./constants.ts";
import { canonical, compareCodeUnits, siblingLinks, type Link, type SiblingLinks } from "./graph.ts";
import {
  chooseRows,
  countsFor,
  greedyOrder,
  offTarget,
  orderAndPlace,
  sizeOf as rowsSize,
  type Box,
  type Placement,
  type RowFrame,
  type RowStats,
} from "./rows.ts";
import { labelBoxWidth, leafSize } from "./text.ts";

/**
 * Working geometry of one node while a pass runs. Fields are replaced (never mutated in place)
 * when they change, so identity against the document's objects tells what changed.
 */
export interface WorkGeometry {
  position: Point | undefined;
  size: Size | undefined;
}

export type WorkMap = Map<string, WorkGeometry>;

/**
 * The tree as the layout needs it. Same reading as `indexDocument` (a node whose parent is
 * missing, or itself, is a root; nodes caught in a parent cycle are left out), without the
 * per-node rule context, which the layout does not use and which would cost more than the layout
 * itself on every drag.
 */
export interface LayoutTree {
  byId: ReadonlyMap<string, StackNode>;
  /** Children in document order; absent for a leaf. */
  children: ReadonlyMap<string, readonly StackNode[]>;
  /** Parent of every non-root node in `order`. */
  parent: ReadonlyMap<string, StackNode>;
  /** Root nodes in document order. */
  roots: readonly StackNode[];
  /** Every node reachable from a root, parents before children. */
  order: readonly StackNode[];
}

const NONE: readonly StackNode[] = [];

export function layoutTree(nodes: readonly StackNode[]): LayoutTree {
  const byId = new Map<string, StackNode>();
  for (const n of nodes) byId.set(n.id, n);
  const children = new Map<string, StackNode[]>();
  const parent = new Map<string, StackNode>();
  const roots: StackNode[] = [];
  for (const n of nodes) {
    const pid = n.parentId;
    const p = pid != null && pid !== n.id ? byId.get(pid) : undefined;
    if (p === undefined) {
      roots.push(n);
      continue;
    }
    let list = children.get(p.id);
    if (list === undefined) children.set(p.id, (list = []));
    list.push(n);
    parent.set(n.id, p);
  }
  const order: StackNode[] = [...roots];
  for (let i = 0; i < order.length; i++) {
    const kids = children.get(order[i]!.id);
    if (kids !== undefined) for (const k of kids) order.push(k);
  }
  return { byId, children, parent, roots, order };
}

export function kidsOf(tree: LayoutTree, id: string): readonly StackNode[] {
  return tree.children.get(id) ?? NONE;
}

/** The document's position if it is usable; the same object, so identity marks "unchanged". */
export function validPoint(p: Point | undefined): Point | undefined {
  return p !== undefined && p !== null && Number.isFinite(p.x) && Number.isFinite(p.y) ? p : undefined;
}

/** The document's size if it is usable (finite and positive); the same object. */
export function validSize(s: Size | undefined): Size | undefined {
  return s !== undefined &&
    s !== null &&
    Number.isFinite(s.width) &&
    Number.isFinite(s.height) &&
    s.width > 0 &&
    s.height > 0
    ? s
    : undefined;
}

/**
 * How a pass lays siblings out: the links that order them (none: canonical order), and how wide
 * a single row of a few children may be (see {@link chooseRows}).
 */
export interface LayoutContext {
  links: SiblingLinks | undefined;
  rowLimit: number;
  /** False: siblings in canonical order whatever their links (for measuring the ordering). */
  connect: boolean;
  stats?: RowStats;
}

/** The context of growToFit: no links, the classic row. */
export const PLAIN: LayoutContext = { links: undefined, rowLimit: Infinity, connect: false };

const ZERO_FRAME: RowFrame = { left: 0, right: 0, top: 0, bottom: 0, gap: LAYOUT.gap, minWidth: 0 };

/**
 * Lays `kids` out in rows (see rows.ts) inside `frame`: their canonical order, their sizes, the
 * links among them under `parentKey`. Returns the children in slot order with the placement.
 */
function rowsOf(
  parentKey: string | null,
  kids: readonly StackNode[],
  geo: WorkMap,
  frame: RowFrame,
  ctx: LayoutContext,
  rowLimit: number,
): { kids: StackNode[]; place: Placement } {
  const sorted = canonical(kids);
  const boxes = sorted.map((k) => geo.get(k.id)!.size ?? leafSize(k));
  const all = ctx.links !== undefined ? ctx.links.linksAmong(parentKey, sorted) : [];
  // Edges between these siblings need room to run between their boxes.
  if (frame.gap < LAYOUT.linkGap && all.some((l) => l.direct)) frame = { ...frame, gap: LAYOUT.linkGap };
  const links = ctx.connect ? all : [];
  const r = orderAndPlace(boxes, links, frame, {
    rowLimit,
    connect: ctx.connect,
    ...(ctx.stats !== undefined ? { stats: ctx.stats } : {}),
  });
  return { kids: r.order.map((i) => sorted[i]!), place: r.place };
}

/**
 * Whether a stack node's new children put their volumes on a shelf: a layer (an engine, a kernel)
 * holding volumes beside what runs on it keeps the volumes in a row of their own at its floor,
 * beneath the containers, rather than among them. Frames (a pod, a cluster) keep theirs in rows.
 */
function onShelf(node: StackNode, kids: readonly StackNode[]): boolean {
  if (stripPlacement(node.kind) !== "band") return false;
  let shelf = false;
  let rest = false;
  for (const k of kids) {
    if (k.kind === SHELF_KIND) shelf = true;
    else rest = true;
    if (shelf && rest) return true;
  }
  return false;
}

const SHELF_KIND = "volume";

/**
 * The children of a layer with a shelf: what runs on it in rows, then its volumes in rows of their
 * own beneath. Both are ordered together by their links, each side keeping its own slots (a volume
 * never swaps with a container), so that the edges down to the shelf are short and cross little —
 * the boxes above by their own connections first, their mounts counting for less; then each volume
 * slides along its row as near as it goes to the middle of what mounts it. The rows above are the
 * ones they would take alone unless, with the shelf beneath, the box would be wider than 2:1; the
 * shelf wraps where the whole box comes closest to the target shape, a shelf wider than the rows
 * above counting as that much further off. Gaps widen for the edges that run down between boxes.
 */
function rowsWithShelf(
  parentKey: string,
  kids: readonly StackNode[],
  geo: WorkMap,
  frame: RowFrame,
  ctx: LayoutContext,
  rowLimit: number,
): { kids: StackNode[]; place: Placement } {
  const mains = canonical(kids.filter((k) => k.kind !== SHELF_KIND));
  const shelf = canonical(kids.filter((k) => k.kind === SHELF_KIND));
  const all = [...mains, ...shelf];
  const m = mains.length;
  const v = shelf.length;
  const boxes = all.map((k): Size => geo.get(k.id)!.size ?? leafSize(k));
  const found = ctx.links !== undefined ? ctx.links.linksAmong(parentKey, all) : [];
  // Who mounts each volume (main indices), from the direct links.
  const mountedBy: number[][] = shelf.map(() => []);
  const own: Link[] = [];
  const links: Link[] = [];
  let direct = false;
  let mounts = 0;
  for (const l of found) {
    if (l.direct) direct = true;
    if (l.b < m) {
      own.push(l);
      links.push(l);
    } else if (l.a < m && l.direct) {
      links.push({ ...l, weight: l.weight * MOUNT_WEIGHT });
      mountedBy[l.b - m]!.push(l.a);
      mounts += l.weight;
    }
  }
  // Edges down to the shelf run between the boxes above and beside them: more of them than there
  // are boxes need wider gaps, and more room between the outer boxes and the layer's sides.
  const crowd = Math.min(2 * LAYOUT.linkGap, EDGE_ROOM * Math.max(0, mounts - m));
  const gap = (direct ? Math.max(frame.gap, LAYOUT.linkGap) : frame.gap) + crowd;
  const base: RowFrame = {
    ...frame,
    left: frame.left + crowd,
    right: frame.right + crowd,
    gap,
    minWidth: 0,
  };
  const below = direct
    ? LAYOUT.linkGap + Math.min(2 * LAYOUT.linkGap, EDGE_ROOM * Math.max(0, mounts - SHELF_EDGES))
    : gap;
  const bare: RowFrame = { ...base, left: 0, right: 0, top: 0, bottom: 0 };
  const { maxBox, target, smallRow } = LAYOUT.aspect;
  const hard = m + v > smallRow;
  // The rows above and the shelf's (the boxes in their first order: the ones above first).
  const chooseCounts = (first: readonly Box[]): number[] => {
    const top = first.slice(0, m);
    const low = first.slice(m);
    const alone = chooseRows(top, { ...base, bottom: 0 }, rowLimit).length;
    let best: number[] | undefined;
    /** 0: the rows taken alone, within 2:1; 1: other rows within 2:1; 2: neither. */
    let bestRank = 3;
    let bestOff = Infinity;
    for (let r1 = 1; r1 <= Math.min(m, SHELF_ROWS_TRIED); r1++) {
      const upper = countsFor(m, r1);
      const inner = rowsSize(top, upper, bare).width;
      for (let r2 = 1; r2 <= Math.min(v, SHELF_ROWS_TRIED); r2++) {
        const lower = countsFor(v, r2);
        const span = rowsSize(low, lower, bare).width;
        const counts = [...upper, ...lower];
        const s = rowsSize(first, counts, { ...base, splitRow: r1, splitGap: below });
        const width = Math.max(frame.minWidth, s.width);
        const ok = !hard || width <= maxBox * s.height;
        const rank = ok ? (r1 === alone ? 0 : 1) : 2;
        const off = ok ? offTarget(width, s.height, target) * Math.max(1, span / inner) : width / s.height;
        if (rank < bestRank || (rank === bestRank && off < bestOff)) {
          best = counts;
          bestRank = rank;
          bestOff = off;
        }
        if (ok && span <= inner) break; // more shelf rows would only make it taller
      }
    }
    return best!;
  };
  const classes = all.map((_, i) => (i < m ? 0 : 1));
  const used = ctx.connect ? links : [];
  const identity = all.map((_, i) => i);
  const first = (used.length > 0 ? greedyOrder(all.length, used) : identity).sort(
    (p, q) => classes[p]! - classes[q]!,
  );
  const counts = chooseCounts(first.map((i) => boxes[i]!));
  let split = 0;
  for (let sum = 0; sum < m;) sum += counts[split++]!;
  // One more start: the boxes above ordered by their own connections alone, the shelf after them.
  const starts: number[][] = [];
  if (used.length > 0 && own.length > 0) {
    const upper = counts.slice(0, split);
    const alone = orderAndPlace(boxes.slice(0, m), own, base, {
      rowLimit,
      connect: true,
      chooseCounts: () => upper,
    });
    starts.push([...alone.order, ...identity.slice(m)]);
  }
  const r = orderAndPlace(
    boxes,
    used,
    { ...base, splitRow: split, splitGap: below },
    {
      rowLimit,
      connect: ctx.connect,
      classes,
      chooseCounts: () => counts,
      starts,
    },
  );
  const place = r.place;
  // Slide each volume along its row towards the middle of what mounts it, keeping the order.
  const slotOf = new Int32Array(m + v);
  r.order.forEach((child, s) => (slotOf[child] = s));
  const inner = place.width - base.left - base.right;
  let s0 = m;
  for (let row = split; row < counts.length; row++) {
    const slots = Array.from({ length: counts[row]! }, (_, i) => s0 + i);
    s0 += slots.length;
    if (!ctx.connect) continue;
    let cursor = 0;
    for (const s of slots) {
      const vol = r.order[s]! - m;
      const by = mountedBy[vol]!;
      const w = boxes[m + vol]!.width;
      let want = place.x[s]! - base.left;
      if (by.length > 0) {
        let sum = 0;
        for (const i of by) sum += place.x[slotOf[i]!]! + boxes[i]!.width / 2;
        want = sum / by.length - base.left - w / 2;
      }
      place.x[s] = Math.max(cursor, Math.min(want, inner - w));
      cursor = place.x[s]! + w + gap;
    }
    let limit = inner;
    for (let i = slots.length - 1; i >= 0; i--) {
      const s = slots[i]!;
      place.x[s] = Math.min(place.x[s]!, limit - boxes[r.order[s]!]!.width);
      limit = place.x[s]! - gap;
    }
    for (const s of slots) place.x[s] = base.left + place.x[s]!;
  }
  return {
    kids: r.order.map((i) => all[i]!),
    place: { ...place, width: Math.max(frame.minWidth, place.width) },
  };
}

/** How much an edge down to the shelf counts in the order, against an edge between the boxes above. */
const MOUNT_WEIGHT = 0.25;
/** Room each further edge takes in a gap: the router keeps parallel edges this far apart. */
const EDGE_ROOM = 6;
/** Edges down to a shelf that its plain gap above holds. */
const SHELF_EDGES = 4;
/** Row counts tried above a shelf and on it, from one row up. */
const SHELF_ROWS_TRIED = 64;

/**
 * Sizes one node from its children and places those without a position.
 *
 * - A leaf without a size gets {@link leafSize}.
 * - Children with a position stay where they are. Those without one are laid out in rows
 *   (rows.ts: wrapped to a good shape, ordered by their links), after the placed ones (to their
 *   right) or from the content origin, the last row standing on the parent's floor — the top
 *   of a stack node's band, the bottom padding of a frame — and each row's children on its
 *   ground line, so a short sibling stands on its base like a real stack.
 * - A parent with a size only grows: to the union of its own box and what its children need.
 *   One without a size is exactly as big as its children need (never narrower than its label).
 * - Children left of or above the content area are not pulled in: the parent's content moves
 *   right/down by the shortfall and the parent itself moves left/up by the same amount, so every
 *   child keeps its place on the canvas and the parent grows towards it. The parent's own parent
 *   then sees it at its new place when it is fitted in turn.
 */
export function fitNode(
  node: StackNode,
  kids: readonly StackNode[],
  geo: WorkMap,
  ctx: LayoutContext = PLAIN,
): void {
  const g = geo.get(node.id)!;
  if (kids.length === 0) {
    if (g.size === undefined) g.size = leafSize(node);
    return;
  }
  const ins = contentInsets(node.kind);
  const gap = LAYOUT.gap;
  let minX = Infinity;
  let minY = Infinity;
  let maxR = -Infinity;
  let maxB = -Infinity;
  const unplaced: StackNode[] = [];
  for (const kid of kids) {
    const cg = geo.get(kid.id)!;
    const cs = cg.size ?? leafSize(kid);
    const p = cg.position;
    if (p === undefined) {
      unplaced.push(kid);
      continue;
    }
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x + cs.width > maxR) maxR = p.x + cs.width;
    if (p.y + cs.height > maxB) maxB = p.y + cs.height;
  }
  const placed = unplaced.length < kids.length;
  const dx = placed ? Math.max(0, ins.left - minX) : 0;
  const dy = placed ? Math.max(0, ins.top - minY) : 0;
  if (dx > 0 || dy > 0) {
    for (const kid of kids) {
      const cg = geo.get(kid.id)!;
      if (cg.position !== undefined) cg.position = { x: cg.position.x + dx, y: cg.position.y + dy };
    }
    maxR += dx;
    maxB += dy;
  }
  const own = g.size;
  let block: { kids: StackNode[]; place: Placement } | undefined;
  let needW: number;
  let needH: number;
  if (!placed) {
    // Only new children: the rows are the whole content, insets and label included.
    const frame: RowFrame = { ...ins, gap, minWidth: own === undefined ? labelBoxWidth(node) : 0 };
    block = onShelf(node, unplaced)
      ? rowsWithShelf(node.id, unplaced, geo, frame, ctx, ctx.rowLimit)
      : rowsOf(node.id, unplaced, geo, frame, ctx, ctx.rowLimit);
    needW = block.place.width;
    needH = block.place.height;
  } else {
    if (unplaced.length > 0) block = rowsOf(node.id, unplaced, geo, ZERO_FRAME, ctx, ctx.rowLimit);
    const rowX = maxR + gap;
    needW = (block !== undefined ? rowX + block.place.width : maxR) + ins.right;
    needH = Math.max(maxB, block !== undefined ? ins.top + block.place.height : 0) + ins.bottom;
  }
  const width = own ? Math.max(own.width + dx, needW) : Math.max(needW, labelBoxWidth(node));
  const height = own ? Math.max(own.height + dy, needH) : needH;
  if (own === undefined || width !== own.width || height !== own.height) g.size = { width, height };
  if (block !== undefined) {
    // The block's last row stands on the floor, however tall the parent is.
    const x0 = placed ? maxR + gap : 0;
    const y0 = placed ? height - ins.bottom - block.place.height : height - needH;
    block.kids.forEach((kid, s) => {
      geo.get(kid.id)!.position = { x: x0 + block.place.x[s]!, y: y0 + block.place.y[s]! };
    });
  }
  if ((dx > 0 || dy > 0) && g.position !== undefined)
    g.position = { x: g.position.x - dx, y: g.position.y - dy };
}

/** Absolute centres of the nodes of `tree` whose position and size are known so far. */
function centres(tree: LayoutTree, geo: WorkMap): Map<string, Point> {
  const abs = new Map<string, Point>();
  const out = new Map<string, Point>();
  for (const n of tree.order) {
    const g = geo.get(n.id);
    if (g?.position === undefined || g.size === undefined) continue;
    const parent = tree.parent.get(n.id);
    const base = parent === undefined ? { x: 0, y: 0 } : abs.get(parent.id);
    if (base === undefined) continue;
    const a = { x: base.x + g.position.x, y: base.y + g.position.y };
    abs.set(n.id, a);
    out.set(n.id, { x: a.x + g.size.width / 2, y: a.y + g.size.height / 2 });
  }
  return out;
}

/**
 * Places root trees from `origin`: the trees in rows (rows.ts, as children in a box without
 * insets, {@link LAYOUT.rootGap} apart, ordered by their links, shaped towards the target aspect),
 * each row's trees bottom-aligned on its ground line; artifact roots (registries, images —
 * things the stacks refer to, not things they run on) on a shelf beneath the rows when they are
 * wide, or in a column to their right when they are tall, whichever keeps the figure closer to a
 * landscape screen, each artifact as close as it goes to the middle of what links to it. Sizes
 * must be known.
 */
export function placeForest(
  roots: readonly StackNode[],
  geo: WorkMap,
  origin: Point,
  ctx: LayoutContext,
  tree: LayoutTree,
  edges: readonly StackEdge[],
): void {
  const trees: StackNode[] = [];
  const shelf: StackNode[] = [];
  for (const r of roots) (isArtifactKind(r.kind) ? shelf : trees).push(r);
  const sizeOf = (n: StackNode): Size => geo.get(n.id)!.size!;
  let rowW = 0;
  let rowH = 0;
  if (trees.length > 0) {
    const frame: RowFrame = { left: 0, right: 0, top: 0, bottom: 0, gap: LAYOUT.rootGap, minWidth: 0 };
    // The canvas has no classic row: its trees always take the rows closest to the target shape.
    const rows = rowsOf(null, trees, geo, frame, ctx, 0);
    rows.kids.forEach((r, s) => {
      geo.get(r.id)!.position = { x: origin.x + rows.place.x[s]!, y: origin.y + rows.place.y[s]! };
    });
    rowW = rows.place.width;
    rowH = rows.place.height;
  }
  if (shelf.length === 0) return;
  const below = trees.length === 0 || rowW >= rowH * LAYOUT.landscape;
  // Each artifact goes as near as it can to the middle of the tree nodes linked to it.
  const at = centres(tree, geo);
  const shelved = new Set(shelf.map((a) => a.id));
  const pull = new Map<string, { sum: number; count: number }>();
  for (const e of edges) {
    for (const [mine, other] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      if (!shelved.has(mine) || shelved.has(other)) continue;
      const c = at.get(other);
      if (c === undefined) continue;
      const p = pull.get(mine) ?? { sum: 0, count: 0 };
      p.sum += below ? c.x : c.y;
      p.count++;
      pull.set(mine, p);
    }
  }
  const key = (a: StackNode): number => {
    const p = pull.get(a.id);
    return p === undefined ? Infinity : p.sum / p.count;
  };
  const ordered = canonical(shelf).sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const sg = LAYOUT.shelfGap;
  if (below) {
    // A row beneath, wrapping at the trees' width.
    const wrap = Math.max(rowW, LAYOUT.shelfMinWrap.width);
    let sx = origin.x;
    let sy = origin.y + (trees.length > 0 ? rowH + LAYOUT.rootGap : 0);
    let lineH = 0;
    for (const a of ordered) {
      const s = sizeOf(a);
      if (sx > origin.x && sx + s.width > origin.x + wrap) {
        sx = origin.x;
        sy += lineH + sg;
        lineH = 0;
      }
      geo.get(a.id)!.position = { x: sx, y: sy };
      sx += s.width + sg;
      lineH = Math.max(lineH, s.height);
    }
  } else {
    // A column to the right, wrapping at the trees' height.
    const wrap = Math.max(rowH, LAYOUT.shelfMinWrap.height);
    let sx = origin.x + rowW + LAYOUT.rootGap;
    let sy = origin.y;
    let colW = 0;
    for (const a of ordered) {
      const s = sizeOf(a);
      if (sy > origin.y && sy + s.height > origin.y + wrap) {
        sy = origin.y;
        sx += colW + sg;
        colW = 0;
      }
      geo.get(a.id)!.position = { x: sx, y: sy };
      sy += s.height + sg;
      colW = Math.max(colW, s.width);
    }
  }
}

/** The nodes of the subtrees at `roots`, parents before children, siblings in document order. */
export function subtreeOrder(tree: LayoutTree, roots: readonly StackNode[]): StackNode[] {
  const out: StackNode[] = [...roots];
  for (let i = 0; i < out.length; i++) for (const k of kidsOf(tree, out[i]!.id)) out.push(k);
  return out;
}

/** The edges in a canonical order (by source, target, id), so no sum depends on how they were listed. */
export function sortedEdges<E extends Pick<StackEdge, "id" | "source" | "target">>(edges: readonly E[]): E[] {
  return [...edges].sort(
    (e, f) =>
      compareCodeUnits(e.source, f.source) ||
      compareCodeUnits(e.target, f.target) ||
      compareCodeUnits(e.id, f.id),
  );
}

/** The sibling links of `edges` over `tree` (artifact roots kept off the rows, on their shelf). */
export function linksOf(tree: LayoutTree, edges: readonly StackEdge[]): SiblingLinks {
  const depth = new Map<string, number>();
  for (const n of tree.order) {
    const p = tree.parent.get(n.id);
    depth.set(n.id, p === undefined ? 0 : depth.get(p.id)! + 1);
  }
  return siblingLinks(edges, tree.parent, depth, (id) => {
    const n = tree.byId.get(id);
    return n !== undefined && !tree.parent.has(id) && isArtifactKind(n.kind);
  });
}

/** How one pass did: boxes of more than three children wider than twice their height, and how far the figure is from a slide's shape (1 = within). */
export interface PassScore {
  wide: number;
  off: number;
}

/** Judges a pass: the boxes of `fitted` and the figure made by `figures` (each one box, or the forest). */
export function scorePass(
  tree: LayoutTree,
  fitted: readonly StackNode[],
  geo: WorkMap,
  figure: Size | undefined,
): PassScore {
  let wide = 0;
  for (const n of fitted) {
    const kids = kidsOf(tree, n.id);
    if (kids.length <= LAYOUT.aspect.smallRow) continue;
    const s = geo.get(n.id)!.size!;
    if (s.width > LAYOUT.aspect.maxBox * s.height) wide++;
  }
  let off = 1;
  if (figure !== undefined && figure.height > 0 && figure.width > 0) {
    const a = figure.width / figure.height;
    const { min, max } = LAYOUT.aspect.slide;
    off = a > max ? a / max : a < min ? min / a : 1;
  }
  return { wide, off };
}

/** The bounding box of the root trees `roots` (positions and sizes known). */
export function forestBox(roots: readonly StackNode[], geo: WorkMap): Size | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of roots) {
    const g = geo.get(r.id)!;
    minX = Math.min(minX, g.position!.x);
    minY = Math.min(minY, g.position!.y);
    maxX = Math.max(maxX, g.position!.x + g.size!.width);
    maxY = Math.max(maxY, g.position!.y + g.size!.height);
  }
  return roots.length > 0 ? { width: maxX - minX, height: maxY - minY } : undefined;
}

/**
 * Runs `pass` with each row limit of {@link LAYOUT.aspect.rowLimits} in turn — the classic row
 * first, then stricter ones — and keeps the first whose figure passes (no box of more than three
 * children wider than twice its height, the whole figure within a slide's shape); when none
 * does, the best (fewest wide boxes, then closest to a slide), the earliest on ties. A limit
 * that cannot change anything (no classic row was kept wider than it) is skipped.
 */
export function solve(
  links: SiblingLinks | undefined,
  connect: boolean,
  pass: (ctx: LayoutContext) => { geo: WorkMap; score: PassScore },
): WorkMap {
  let best: { geo: WorkMap; score: PassScore } | undefined;
  let last = Infinity;
  for (const rowLimit of LAYOUT.aspect.rowLimits) {
    if (best !== undefined && rowLimit >= last) continue;
    const stats: RowStats = { classicMax: 0 };
    const run = pass({ links, rowLimit, connect, stats });
    const s = run.score;
    if (
      best === undefined ||
      s.wide < best.score.wide ||
      (s.wide === best.score.wide && s.off < best.score.off)
    )
      best = run;
    if (best.score.wide === 0 && best.score.off === 1) break;
    if (stats.classicMax === 0) break;
    last = stats.classicMax;
  }
  return best!.geo;
}
