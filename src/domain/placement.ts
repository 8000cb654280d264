/**
 * Placement after an edit (docs/drawing.md §1): where a dropped, added, moved or pasted node
 * settles in its parent, and how its ancestors fit it. The rules, in the order they apply to each
 * parent, bottom-up from the changed nodes:
 *
 * 1. **A parent never moves because of its children.** A child left of or above its parent's
 *    content area is moved inside it; its ancestors grow right and down only.
 * 2. **A child that left leaves no hole.** In a parent that is not sized by hand, the siblings in
 *    the departed child's row that stood right of it close up.
 * 3. **Growth pushes, never covers.** A child that grew pushes the siblings it now overlaps right
 *    (or, when they stand left of it, down).
 * 4. **Children never overlap their siblings.** A moved or new child goes where it was put when
 *    that place is free, else to the next free place at the end of the last row ({@link freeSlot}).
 * 5. **Parents fit their children.** A parent the person never resized is exactly as big as its
 *    children need, with room for one more default leaf (160 × 64) at the end of its last row,
 *    and never narrower than its label; it grows and shrinks with them. A parent sized by hand
 *    (`manualSize`) keeps at least its size and is never smaller than its children need. A parent
 *    whose last child left becomes a leaf of its label's size again (unless sized by hand).
 *
 * Root trees follow rules 3 and 4 too (a tree that lands on another slides right of it), with
 * {@link LAYOUT.rootGap} between them. Pure; costs O(changed nodes' ancestors and their children).
 */
import type { Point, Size, StackDocument, StackNode } from "./document.ts";
import {
  LAYOUT,
  contentInsets,
  labelBoxWidth,
  leafSize,
  type GeometryPatch,
  type Insets,
} from "./layout/index.ts";
import { kidsOf, layoutTree, validPoint, validSize, type LayoutTree } from "./layout/core.ts";
import type { DiagramIndex } from "./diagram.ts";

/** An axis-aligned box in one parent's coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the document looked like before the edit: its nodes and each parent's children (ids). */
export interface PlacementBase {
  byId: ReadonlyMap<string, StackNode>;
  children: ReadonlyMap<string, readonly string[]>;
}

/** Strict overlap: boxes that only touch do not overlap. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * The next free place for a box of `size` among `placed` (siblings, in their parent's
 * coordinates) inside a content area starting at `ins`: at the end of the last row — standing on
 * the ground of the lowest sibling, right of every sibling that shares its height band. It
 * overlaps none of `placed`. An empty parent's free place is its content origin.
 */
export function freeSlot(placed: readonly Box[], size: Size, ins: Insets, gap: number = LAYOUT.gap): Point {
  if (placed.length === 0) return { x: ins.left, y: ins.top };
  let ground = -Infinity;
  for (const r of placed) ground = Math.max(ground, r.y + r.height);
  const y = Math.max(ins.top, ground - size.height);
  let x = ins.left;
  for (const r of placed)
    if (r.y < y + size.height && r.y + r.height > y) x = Math.max(x, r.x + r.width + gap);
  return { x, y };
}

/** A root tree at `want` that overlaps other trees slides right of them until it is free. */
function slideFree(placed: readonly Box[], box: Box, gap: number): Point {
  let x = box.x;
  for (let guard = 0; guard <= placed.length; guard++) {
    let right = -Infinity;
    for (const r of placed) if (overlaps({ ...box, x }, r)) right = Math.max(right, r.x + r.width);
    if (right === -Infinity) break;
    x = right + gap;
  }
  return { x, y: box.y };
}

interface Work extends Box {
  id: string;
}

/**
 * Pushes the boxes that `grown` now overlap right (down, when they stand left of it), cascading;
 * `fixed` boxes never move. Bounded: after n² pushes whatever still overlaps is left to the caller.
 */
function pushApart(boxes: Work[], grown: readonly Work[], gap: number): void {
  const queue = [...grown];
  let budget = boxes.length * boxes.length + boxes.length;
  while (queue.length > 0 && budget-- > 0) {
    const g = queue.shift()!;
    for (const s of boxes) {
      if (s === g || !overlaps(g, s)) continue;
      if (s.x >= g.x) s.x = g.x + g.width + gap;
      else s.y = g.y + g.height + gap;
      queue.push(s);
    }
  }
}

/** Closes the hole `gone` left: siblings right of it in its row move left, as far as they are free. */
function closeHole(boxes: Work[], gone: Box, ins: Insets, gap: number): void {
  const shift = gone.width + gap;
  const row = boxes
    .filter((b) => b.x >= gone.x + gone.width && b.y < gone.y + gone.height && b.y + b.height > gone.y)
    .sort((a, b) => a.x - b.x);
  for (const b of row) {
    let x = Math.max(ins.left, b.x - shift);
    for (const o of boxes)
      if (o !== b && o.x + o.width <= b.x && o.y < b.y + b.height && o.y + o.height > b.y)
        x = Math.max(x, o.x + o.width + gap);
    if (x < b.x) b.x = x;
  }
}

/**
 * Whether an edit may have changed what `n` takes up: it is new, moved, resized, renamed, of
 * another kind or sized another way, or a child of it left. A prop edit leaves the layout alone.
 */
function reshaped(base: PlacementBase, n: StackNode, kids: readonly StackNode[] | undefined): boolean {
  const old = base.byId.get(n.id);
  if (old === undefined) return true;
  if (old !== n) {
    if (
      (old.parentId ?? null) !== (n.parentId ?? null) ||
      old.position?.x !== n.position?.x ||
      old.position?.y !== n.position?.y ||
      old.size?.width !== n.size?.width ||
      old.size?.height !== n.size?.height ||
      old.label !== n.label ||
      old.kind !== n.kind ||
      old.manualSize !== n.manualSize
    )
      return true;
  }
  const before = base.children.get(n.id) ?? [];
  if (before.length !== (kids?.length ?? 0)) return true;
  const now = new Set(kids?.map((k) => k.id));
  return before.some((id) => !now.has(id));
}

/**
 * The nodes of `todo` (every node when undefined) that hang from a root, children before their
 * parents: `tree.order` backwards, or — for a few ancestor chains — the chains sorted deepest
 * first, without a walk of the whole tree. Nodes at one depth are independent of each other.
 */
function bottomUp(tree: LayoutTree, todo: ReadonlySet<string> | undefined): readonly StackNode[] {
  if (todo === undefined || todo.size * 16 > tree.order.length) {
    const out: StackNode[] = [];
    for (let i = tree.order.length - 1; i >= 0; i--) {
      const n = tree.order[i]!;
      if (todo === undefined || todo.has(n.id)) out.push(n);
    }
    return out;
  }
  // Depth of each todo node, found by walking up to a root; a walk that meets itself is a cycle,
  // which `order` leaves out (so does this).
  const depth = new Map<string, number>();
  const chain: StackNode[] = [];
  for (const id of todo) {
    if (depth.has(id)) continue;
    chain.length = 0;
    let cur = tree.byId.get(id);
    let base = -1;
    const seen = new Set<string>();
    while (cur !== undefined) {
      const known = depth.get(cur.id);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (seen.has(cur.id)) {
        base = NaN;
        break;
      }
      seen.add(cur.id);
      chain.push(cur);
      cur = tree.parent.get(cur.id);
    }
    for (let k = chain.length - 1; k >= 0; k--) depth.set(chain[k]!.id, (base = base + 1));
  }
  const out: StackNode[] = [];
  for (const id of todo) {
    const d = depth.get(id)!;
    if (!Number.isNaN(d)) out.push(tree.byId.get(id)!);
  }
  return out.sort((a, b) => depth.get(b.id)! - depth.get(a.id)!);
}

/**
 * A read-only map whose values are computed from their key on first use (and kept); its keys are
 * those `keys` yields. Lets a layout tree be seen through an index without an O(N) build.
 */
class LazyMap<K, V> implements ReadonlyMap<K, V> {
  private readonly memo = new Map<K, V | undefined>();
  constructor(
    private readonly keySource: () => Iterable<K>,
    private readonly compute: (k: K) => V | undefined,
  ) {}
  get(k: K): V | undefined {
    if (this.memo.has(k)) return this.memo.get(k);
    const v = this.compute(k);
    this.memo.set(k, v);
    return v;
  }
  has(k: K): boolean {
    return this.get(k) !== undefined;
  }
  get size(): number {
    let n = 0;
    for (const _ of this.entries()) n++;
    return n;
  }
  *entries(): MapIterator<[K, V]> {
    for (const k of this.keySource()) {
      const v = this.get(k);
      if (v !== undefined) yield [k, v];
    }
  }
  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(cb: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) cb.call(thisArg, v, k, this);
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/**
 * The layout tree of an indexed document, the same as `layoutTree(index.nodes)`, made in O(1):
 * a parent's child list is built when first asked for. An edit settles a few nodes' ancestors,
 * which must not cost a walk of the whole document.
 */
export function treeOfIndex(index: DiagramIndex): LayoutTree {
  const { byId } = index;
  return {
    byId,
    children: new LazyMap(
      () => index.children.keys(),
      (id) => index.children.get(id)?.map((c) => byId.get(c)!),
    ),
    parent: new LazyMap(
      () => byId.keys(),
      (id) => {
        const pid = byId.get(id)?.parentId;
        return pid != null && pid !== id ? byId.get(pid) : undefined;
      },
    ),
    roots: index.roots,
    order: index.order,
  };
}

/**
 * The geometry changes that settle the nodes of `changedIds` (new, moved, reparented, resized,
 * or the parents of removed nodes) and fit their ancestors, by the rules above. `base` (the
 * document before the edit) tells which children moved and which left; without it, only children
 * without a position are placed. Without `changedIds`, every parent is fitted.
 */
export function settleAndFit(
  doc: Pick<StackDocument, "nodes">,
  changedIds?: Iterable<string>,
  base?: PlacementBase,
  indexed?: LayoutTree,
): Map<string, GeometryPatch> {
  const tree = indexed ?? layoutTree(doc.nodes);
  const changed = new Set<string>();
  let todo: Set<string> | undefined;
  if (changedIds !== undefined) {
    todo = new Set();
    for (const id of changedIds) {
      const n = tree.byId.get(id);
      if (n === undefined || (base !== undefined && !reshaped(base, n, tree.children.get(id)))) continue;
      changed.add(id);
      for (let n = tree.byId.get(id); n !== undefined && !todo.has(n.id); n = tree.parent.get(n.id))
        todo.add(n.id);
    }
  }
  const work = new Map<string, Work>();
  const box = (n: StackNode): Work => {
    let w = work.get(n.id);
    if (w === undefined) {
      const p = validPoint(n.position);
      const s = validSize(n.size) ?? leafSize(n);
      w = { id: n.id, x: p?.x ?? NaN, y: p?.y ?? NaN, width: s.width, height: s.height };
      work.set(n.id, w);
    }
    return w;
  };
  /** Whether a child was put where it is by this edit (new, moved or reparented), or has no place yet. */
  const moved = (n: StackNode): boolean => {
    if (validPoint(n.position) === undefined) return true;
    if (base === undefined || !changed.has(n.id)) return false;
    const old = base.byId.get(n.id);
    return (
      old === undefined ||
      (old.parentId ?? null) !== (n.parentId ?? null) ||
      old.position?.x !== n.position!.x ||
      old.position?.y !== n.position!.y
    );
  };
  const grew = (n: StackNode, w: Work): boolean => {
    const s = validSize(n.size);
    return s !== undefined && (w.width > s.width || w.height > s.height);
  };

  for (const node of bottomUp(tree, todo)) {
    const kids = kidsOf(tree, node.id);
    const self = box(node);
    if (kids.length === 0) {
      const hadKids = (base?.children.get(node.id)?.length ?? 0) > 0;
      if ((hadKids && node.manualSize !== true) || validSize(node.size) === undefined) {
        const s = leafSize(node);
        self.width = s.width;
        self.height = s.height;
      }
      continue;
    }
    const ins = contentInsets(node.kind);
    const gap = LAYOUT.gap;
    const anchored: Work[] = [];
    const toPlace: Work[] = [];
    for (const k of kids) (moved(k) ? toPlace : anchored).push(box(k));
    for (const b of anchored) {
      b.x = Math.max(b.x, ins.left);
      b.y = Math.max(b.y, ins.top);
    }
    if (base !== undefined && node.manualSize !== true) {
      const now = new Set(kids.map((k) => k.id));
      for (const id of base.children.get(node.id) ?? []) {
        const old = base.byId.get(id);
        if (now.has(id) || old?.position === undefined || old.size === undefined) continue;
        closeHole(anchored, { ...old.position, ...old.size }, ins, gap);
      }
    }
    pushApart(
      anchored,
      anchored.filter((b) => grew(tree.byId.get(b.id)!, b)),
      gap,
    );
    placeAll(anchored, toPlace, ins, gap, false);
    let right = -Infinity;
    let bottom = -Infinity;
    for (const k of kids) {
      const b = box(k);
      right = Math.max(right, b.x + b.width);
      bottom = Math.max(bottom, b.y + b.height);
    }
    const own = validSize(node.size);
    if (node.manualSize === true && own !== undefined) {
      self.width = Math.max(own.width, right + ins.right);
      self.height = Math.max(own.height, bottom + ins.bottom);
    } else {
      const room = freeSlot(anchored, LAYOUT.leaf, ins, gap);
      right = Math.max(right, room.x + LAYOUT.leaf.width);
      bottom = Math.max(bottom, room.y + LAYOUT.leaf.height);
      self.width = Math.max(right + ins.right, labelBoxWidth(node));
      self.height = bottom + ins.bottom;
    }
  }

  // Root trees: the moved ones land free of the others, and grown ones push their neighbours.
  if (todo === undefined || tree.roots.some((r) => todo.has(r.id))) {
    const anchored: Work[] = [];
    const toPlace: Work[] = [];
    for (const r of tree.roots) {
      if (todo !== undefined && !todo.has(r.id) && validPoint(r.position) !== undefined) {
        anchored.push(box(r));
        continue;
      }
      (moved(r) ? toPlace : anchored).push(box(r));
    }
    pushApart(
      anchored,
      anchored.filter((b) => grew(tree.byId.get(b.id)!, b)),
      LAYOUT.rootGap,
    );
    placeAll(anchored, toPlace, NO_INSETS, LAYOUT.rootGap, true);
  }

  const out = new Map<string, GeometryPatch>();
  for (const [id, w] of work) {
    const n = tree.byId.get(id)!;
    const patch: GeometryPatch = {};
    const p = validPoint(n.position);
    if (p === undefined || p.x !== w.x || p.y !== w.y) patch.position = { x: w.x, y: w.y };
    const s = validSize(n.size);
    if (s === undefined || s.width !== w.width || s.height !== w.height)
      patch.size = { width: w.width, height: w.height };
    if (patch.position !== undefined || patch.size !== undefined) out.set(id, patch);
  }
  return out;
}

/**
 * Places each box of `toPlace` (in order) where it is when that is free of `placed` (clamped into
 * the content area), else at the next free place; each then counts as placed. Roots slide right of
 * what they land on instead.
 */
function placeAll(placed: Work[], toPlace: readonly Work[], ins: Insets, gap: number, roots: boolean): void {
  for (const b of toPlace) {
    if (Number.isNaN(b.x) || Number.isNaN(b.y)) {
      const p = roots ? freeSlot(placed, b, NO_INSETS, gap) : freeSlot(placed, b, ins, gap);
      b.x = p.x;
      b.y = p.y;
    } else if (roots) {
      const p = slideFree(placed, b, gap);
      b.x = p.x;
    } else {
      b.x = Math.max(b.x, ins.left);
      b.y = Math.max(b.y, ins.top);
      if (placed.some((o) => overlaps(o, b))) {
        const p = freeSlot(placed, b, ins, gap);
        b.x = p.x;
        b.y = p.y;
      }
    }
    placed.push(b);
  }
}

/** The next free place for a new child of `size` in `parentId` ({@link freeSlot} over its children). */
export function freeSlotIn(
  byId: ReadonlyMap<string, StackNode>,
  children: ReadonlyMap<string, readonly string[]>,
  parentId: string,
  size: Size,
): Point {
  const parent = byId.get(parentId);
  if (parent === undefined) return { x: 0, y: 0 };
  const placed: Box[] = [];
  for (const id of children.get(parentId) ?? []) {
    const k = byId.get(id);
    const p = validPoint(k?.position);
    const s = validSize(k?.size);
    if (p && s) placed.push({ ...p, ...s });
  }
  return freeSlot(placed, size, contentInsets(parent.kind));
}

/**
 * The smallest box a node may be resized to, as the edges that may move: `right`/`bottom` when its
 * left/top edge stays (its children's extent plus the content insets), `left`/`top` the farthest
 * its left/top edge may move right/down (so that its children stay inside its content area).
 * A leaf has no children to keep: {@link MIN_LEAF}.
 */
export interface ResizeLimits {
  /** Minimum width and height when resizing from the right and bottom. */
  minWidth: number;
  minHeight: number;
  /** How far right and down the left and top edges may move. */
  maxLeft: number;
  maxTop: number;
  /**
   * How far left and up the left and top edges may move: to the parent's content edge (a parent
   * never grows left or up), without limit for a root.
   */
  growLeft: number;
  growUp: number;
}

/** The smallest a leaf may be made by hand. */
export const MIN_LEAF: Size = { width: 80, height: 40 };

export function resizeLimits(
  byId: ReadonlyMap<string, StackNode>,
  children: ReadonlyMap<string, readonly string[]>,
  id: string,
): ResizeLimits {
  const node = byId.get(id);
  const size = validSize(node?.size) ?? MIN_LEAF;
  const parent = node?.parentId != null ? byId.get(node.parentId) : undefined;
  const at = validPoint(node?.position) ?? { x: 0, y: 0 };
  const pins = parent !== undefined ? contentInsets(parent.kind) : undefined;
  const growLeft = pins !== undefined ? Math.max(0, at.x - pins.left) : Infinity;
  const growUp = pins !== undefined ? Math.max(0, at.y - pins.top) : Infinity;
  let minX = Infinity;
  let minY = Infinity;
  let maxR = -Infinity;
  let maxB = -Infinity;
  for (const cid of children.get(id) ?? []) {
    const k = byId.get(cid);
    const p = validPoint(k?.position);
    const s = validSize(k?.size);
    if (!p || !s) continue;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxR = Math.max(maxR, p.x + s.width);
    maxB = Math.max(maxB, p.y + s.height);
  }
  if (node === undefined || minX === Infinity)
    return {
      minWidth: MIN_LEAF.width,
      minHeight: MIN_LEAF.height,
      maxLeft: Math.max(0, size.width - MIN_LEAF.width),
      maxTop: Math.max(0, size.height - MIN_LEAF.height),
      growLeft,
      growUp,
    };
  const ins = contentInsets(node.kind);
  return {
    minWidth: maxR + ins.right,
    minHeight: maxB + ins.bottom,
    maxLeft: Math.max(0, minX - ins.left),
    maxTop: Math.max(0, minY - ins.top),
    growLeft,
    growUp,
  };
}
