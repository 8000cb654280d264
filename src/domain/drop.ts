/**
 * Where a drop lands and what it would do, before it happens: hit testing in canvas coordinates
 * and a verdict computed by validating the document as it would be after the drop. Pure, so the
 * drop hints and the drop itself can never disagree.
 */
import type { Point, Size, StackDocument } from "./document.ts";
import type { DiagramIndex } from "./diagram.ts";
import { descendantsOf } from "./diagram.ts";
import { validate, type Problem } from "./rules/index.ts";
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

export interface DropVerdict {
  ok: boolean;
  refused?: ReparentRefusal;
  /** The first new error the drop would cause, if any. */
  problem?: Problem;
  /** The document after the drop (absent when refused). */
  after?: StackDocument;
}

const key = (p: Problem) => `${p.rule}|${p.nodeIds.join("|")}|${p.edgeId ?? ""}`;

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
): DropVerdict {
  const had = new Set(validate(before).map(key));
  const bad = validate(after).filter(
    (p) =>
      p.severity === "error" &&
      p.suppressed === undefined &&
      (dropped.has(p.nodeIds[0]!) || (!had.has(key(p)) && p.nodeIds.some((id) => involved.has(id)))),
  );
  return bad.length ? { ok: false, problem: bad[0]!, after } : { ok: true, after };
}

/** Moving an existing node (with its subtree) into `target` (null = the root) at a relative position. */
export function moveVerdict(
  doc: StackDocument,
  index: DiagramIndex,
  id: string,
  target: string | null,
  position: Point,
): DropVerdict {
  const r = reparent(doc, id, target, position);
  if (!r.ok) return { ok: false, refused: r.reason };
  const involved = new Set([id, ...descendantsOf(index, id)]);
  if (target) involved.add(target);
  return dropVerdict(doc, r.doc, new Set([id]), involved);
}

/** Adding a new node of a preset into `target` at a relative position. */
export function addVerdict(
  doc: StackDocument,
  node: { kind: Kind; label?: string; props?: Record<string, unknown>; size: Size },
  target: string | null,
  position: Point,
): DropVerdict & { id?: string } {
  const added = addNode(doc, { ...node, parentId: target, position });
  const involved = new Set([added.id]);
  if (target) involved.add(target);
  return { ...dropVerdict(doc, added.doc, new Set([added.id]), involved), id: added.id };
}
