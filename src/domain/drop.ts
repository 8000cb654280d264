/**
 * Where a drop lands and what it would do, before it happens: hit testing in canvas coordinates
 * and a verdict computed by validating the document as it would be after the drop. Pure, so the
 * drop hints and the drop itself can never disagree.
 */
import type { Point, Size, StackDocument } from "./document.ts";
import type { DiagramIndex } from "./diagram.ts";
import { descendantsOf } from "./diagram.ts";
import type { Problem } from "./rules/types.ts";

/**
 * How a drop is checked against the rules: `validate` of src/domain/rules, handed in by the caller
 * (the editor loads the rules engine on demand, so nothing here imports it).
 */
export type Check = (doc: StackDocument) => readonly Problem[];
import { addNode, reparent, type ReparentRefusal } from "./edit.ts";
import type { Kind } from "./kinds/catalog.ts";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const rectCache = new WeakMap<StackDocument, Map<string, Rect>>();

/** Absolute rectangles of every node (positions are relative to parents in the document). */
export function absoluteRects(doc: StackDocument, index: DiagramIndex): ReadonlyMap<string, Rect> {
  const cached = rectCache.get(doc);
  if (cached) return cached;
  const out = new Map<string, Rect>();
  for (const n of index.order) {
    const parent = n.parentId != null ? out.get(n.parentId) : undefined;
    const pos = n.position ?? { x: 0, y: 0 };
    const size = n.size ?? { width: 0, height: 0 };
    out.set(n.id, {
      x: (parent?.x ?? 0) + pos.x,
      y: (parent?.y ?? 0) + pos.y,
      width: size.width,
      height: size.height,
    });
  }
  rectCache.set(doc, out);
  return out;
}

/** The innermost node whose box contains the point, skipping `exclude` (a dragged subtree). */
export function nodeAt(
  doc: StackDocument,
  index: DiagramIndex,
  p: Point,
  exclude?: ReadonlySet<string>,
): string | null {
  const rects = absoluteRects(doc, index);
  let best: string | null = null;
  let bestDepth = -1;
  for (const n of index.order) {
    if (exclude?.has(n.id)) continue;
    const r = rects.get(n.id)!;
    if (p.x < r.x || p.y < r.y || p.x > r.x + r.width || p.y > r.y + r.height) continue;
    const depth = index.context.get(n.id)?.depth ?? 0;
    // Later siblings are drawn on top: on equal depth the later one wins.
    if (depth >= bestDepth) {
      best = n.id;
      bestDepth = depth;
    }
  }
  return best;
}

/**
 * The nodes under the point, innermost first: the innermost node there ({@link nodeAt}) and its
 * ancestors (which hold it, so the point is in them too).
 */
export function nodesUnder(
  doc: StackDocument,
  index: DiagramIndex,
  p: Point,
  exclude?: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let cur = nodeAt(doc, index, p, exclude); cur != null && !seen.has(cur);) {
    seen.add(cur);
    out.push(cur);
    cur = index.byId.get(cur)?.parentId ?? null;
  }
  return out;
}

/**
 * Which node receives a drop (null = the canvas root), among `under` (innermost first) and then the
 * root: the one where the drop leaves the fewest errors (`errors`: what the dropped nodes and the
 * target would have there) — so the innermost that takes it without a new error when there is one.
 * On a tie between places that all leave errors, the dragged nodes' own parent when it is under
 * the pointer (`stay`: moving them gains nothing), else the innermost; the root only when it is strictly better than every node
 * under the pointer. A node whose box is narrower or shorter than any of `sizes` (the dragged
 * boxes) never receives.
 */
export function chooseReceiver(
  under: readonly string[],
  rects: ReadonlyMap<string, Rect>,
  sizes: readonly Size[],
  errors: (target: string | null) => number,
  stay?: string | null,
): string | null {
  const fits = under.filter((id) => {
    const r = rects.get(id);
    return r !== undefined && sizes.every((s) => r.width >= s.width && r.height >= s.height);
  });
  let best: string | null = null;
  let least = Infinity;
  for (const id of fits) {
    const n = errors(id);
    // A tie between bad places goes to the own parent; a good one is never passed by.
    if (n < least || (n === least && n > 0 && id === stay)) {
      best = id;
      least = n;
    }
    if (least === 0) break;
  }
  if (least > 0 && errors(null) < least) return null;
  return best;
}

export interface DropVerdict {
  ok: boolean;
  refused?: ReparentRefusal;
  /** The first new error the drop would cause, if any. */
  problem?: Problem;
  /** How many errors make it bad (0 when ok): what decides where a drop goes ({@link chooseReceiver}). */
  errors?: number;
  /** The document after the drop (absent when refused). */
  after?: StackDocument;
}

const key = (p: Problem) => `${p.rule}|${p.nodeIds.join("|")}|${p.edgeId ?? ""}`;

/**
 * The keys of a document's problems, once per document: a drag judges every candidate receiver
 * against the same document as the drag found it (one validation of 20,000 nodes, not one per
 * receiver the pointer passes). Documents are never mutated, so the object is the key.
 */
const keysMemo = new WeakMap<Check, WeakMap<StackDocument, ReadonlySet<string>>>();
function problemKeysOf(doc: StackDocument, check: Check): ReadonlySet<string> {
  let byDoc = keysMemo.get(check);
  if (byDoc === undefined) keysMemo.set(check, (byDoc = new WeakMap()));
  let keys = byDoc.get(doc);
  if (keys === undefined) byDoc.set(doc, (keys = new Set(check(doc).map(key))));
  return keys;
}

/**
 * A drop is bad when, afterwards, a dropped node itself has an error (wherever it came from:
 * a container dropped on a server needs an engine there, even if it needed one before), or when
 * the drop causes a new error for a node in a dropped subtree or the target.
 */
export function dropVerdict(
  before: StackDocument,
  after: StackDocument,
  dropped: ReadonlySet<string>,
  involved: ReadonlySet<string>,
  check: Check,
): DropVerdict {
  const had = problemKeysOf(before, check);
  const bad = check(after).filter(
    (p) =>
      p.severity === "error" &&
      p.suppressed === undefined &&
      (dropped.has(p.nodeIds[0]!) || (!had.has(key(p)) && p.nodeIds.some((id) => involved.has(id)))),
  );
  if (bad.length === 0) return { ok: true, errors: 0, after };
  return { ok: false, problem: bad[0]!, errors: bad.length, after };
}

/** Moving an existing node (with its subtree) into `target` (null = the root) at a relative position. */
export function moveVerdict(
  doc: StackDocument,
  index: DiagramIndex,
  id: string,
  target: string | null,
  position: Point,
  check: Check,
): DropVerdict {
  const r = reparent(doc, id, target, position);
  if (!r.ok) return { ok: false, refused: r.reason };
  const involved = new Set([id, ...descendantsOf(index, id)]);
  if (target) involved.add(target);
  return dropVerdict(doc, r.doc, new Set([id]), involved, check);
}

/** Adding a new node of a preset into `target` at a relative position. */
export function addVerdict(
  doc: StackDocument,
  node: { kind: Kind; label?: string; props?: Record<string, unknown>; size: Size },
  target: string | null,
  position: Point,
  check: Check,
): DropVerdict & { id?: string } {
  const added = addNode(doc, { ...node, parentId: target, position });
  const involved = new Set([added.id]);
  if (target) involved.add(target);
  return { ...dropVerdict(doc, added.doc, new Set([added.id]), involved, check), id: added.id };
}
