/**
 * The one bottom-up step that the stack layout, growToFit and resolveGeometry all run, so that
 * "laid out", "grown to fit" and "filled in" mean the same geometry.
 *
 * Every function here is iterative over arrays handed in parents-first; nothing recurses over the
 * tree, so depth is bounded only by memory.
 */
import type { Point, Size, StackNode } from "../document.ts";
import { isArtifactKind } from "../kinds/catalog.ts";
import { LAYOUT, contentInsets } from "./constants.ts";
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
 * Sizes one node from its children and places those without a position.
 *
 * - A leaf without a size gets {@link leafSize}.
 * - Children with a position stay where they are. Those without one go in a row to the right of
 *   the placed ones (or from the content origin), bottom-aligned on the parent's floor — the top
 *   of a stack node's band, the bottom padding of a frame — so a short sibling stands on its
 *   base like a real stack.
 * - A parent with a size only grows: to the union of its own box and what its children need.
 *   One without a size is exactly as big as its children need (never narrower than its label).
 * - Children left of or above the content area are not pulled in: the parent's content moves
 *   right/down by the shortfall and the parent itself moves left/up by the same amount, so every
 *   child keeps its place on the canvas and the parent grows towards it. The parent's own parent
 *   then sees it at its new place when it is fitted in turn.
 */
export function fitNode(node: StackNode, kids: readonly StackNode[], geo: WorkMap): void {
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
  let rowW = 0;
  let rowH = 0;
  let unplaced = 0;
  for (const kid of kids) {
    const cg = geo.get(kid.id)!;
    const cs = cg.size ?? leafSize(kid);
    const p = cg.position;
    if (p === undefined) {
      rowW += cs.width + (unplaced > 0 ? gap : 0);
      if (cs.height > rowH) rowH = cs.height;
      unplaced++;
      continue;
    }
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x + cs.width > maxR) maxR = p.x + cs.width;
    if (p.y + cs.height > maxB) maxB = p.y + cs.height;
  }
  const placed = unplaced < kids.length;
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
  const rowX = placed ? maxR + gap : ins.left;
  const needW = Math.max(placed ? maxR : 0, unplaced > 0 ? rowX + rowW : 0) + ins.right;
  const needH = Math.max(placed ? maxB : 0, unplaced > 0 ? ins.top + rowH : 0) + ins.bottom;
  const own = g.size;
  const width = own ? Math.max(own.width + dx, needW) : Math.max(needW, labelBoxWidth(node));
  const height = own ? Math.max(own.height + dy, needH) : needH;
  if (own === undefined || width !== own.width || height !== own.height) g.size = { width, height };
  if (unplaced > 0) {
    const floor = height - ins.bottom;
    let x = rowX;
    for (const kid of kids) {
      const cg = geo.get(kid.id)!;
      if (cg.position !== undefined) continue;
      const cs = cg.size ?? leafSize(kid);
      cg.position = { x, y: floor - cs.height };
      x += cs.width + gap;
    }
  }
  if ((dx > 0 || dy > 0) && g.position !== undefined)
    g.position = { x: g.position.x - dx, y: g.position.y - dy };
}

/**
 * Places root trees from `origin`: the trees left to right, bottom-aligned on one ground line, in
 * the order given; artifact roots (registries, images — things the stacks refer to, not things
 * they run on) on a shelf beneath the row when the row is wide, or in a column to its right when
 * it is tall, whichever keeps the figure closer to a landscape screen. Sizes must be known.
 */
export function placeForest(roots: readonly StackNode[], geo: WorkMap, origin: Point): void {
  const trees: StackNode[] = [];
  const shelf: StackNode[] = [];
  for (const r of roots) (isArtifactKind(r.kind) ? shelf : trees).push(r);
  const sizeOf = (n: StackNode): Size => geo.get(n.id)!.size!;
  // Many trees wrap into several rows, each on its own ground line, so a diagram of fifty hosts
  // stays near a screen's shape (and within what a PNG can hold) instead of one endless row.
  let area = 0;
  for (const r of trees) area += sizeOf(r).width * sizeOf(r).height;
  const wrapAt = Math.max(LAYOUT.rootRowMinWrap, Math.sqrt(area * LAYOUT.landscape));
  const rows: StackNode[][] = [];
  let rowWidth = 0;
  for (const r of trees) {
    const w = sizeOf(r).width;
    const row = rows.at(-1);
    if (row && row.length > 0 && rowWidth + LAYOUT.rootGap + w <= wrapAt) {
      row.push(r);
      rowWidth += LAYOUT.rootGap + w;
    } else {
      rows.push([r]);
      rowWidth = w;
    }
  }
  let rowW = 0;
  let y = origin.y;
  for (const row of rows) {
    let lineH = 0;
    for (const r of row) lineH = Math.max(lineH, sizeOf(r).height);
    let x = origin.x;
    for (const r of row) {
      const s = sizeOf(r);
      geo.get(r.id)!.position = { x, y: y + lineH - s.height };
      x += s.width + LAYOUT.rootGap;
    }
    rowW = Math.max(rowW, x - LAYOUT.rootGap - origin.x);
    y += lineH + LAYOUT.rootGap;
  }
  const rowH = rows.length ? y - LAYOUT.rootGap - origin.y : 0;
  if (shelf.length === 0) return;
  const sg = LAYOUT.shelfGap;
  if (trees.length === 0 || rowW >= rowH * LAYOUT.landscape) {
    // A row beneath, wrapping at the trees' width.
    const wrap = Math.max(rowW, LAYOUT.shelfMinWrap.width);
    let sx = origin.x;
    let sy = origin.y + (trees.length > 0 ? rowH + LAYOUT.rootGap : 0);
    let lineH = 0;
    for (const a of shelf) {
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
    for (const a of shelf) {
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
