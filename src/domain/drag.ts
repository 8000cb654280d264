/**
 * Dragging on the canvas as pure functions: which node a drop at a point would go into, what it
 * would break (the green/red hint shown while dragging) and the document after the drop. The
 * canvas only turns React Flow's and the browser's events into these calls, with the pointer in
 * canvas coordinates. The hint and the drop come from one judgement, so they cannot disagree.
 *
 * A node drag, start to end:
 *
 *   beginNodeDrag(still, dragged)  once, when the drag starts: what stays still, the moving subtrees
 *   withPositions(doc, moves)      on every move: the dragged nodes where the pointer put them
 *   nodeDropHint(drag, now, p)     on every move: the hint (judged once per target and drag)
 *   dropNodes(drag, now, p)        on release: the document after the drop
 *
 * A palette preset: presetDropAt(doc, index, preset, lang, p), then presetDropHint while dragging
 * over the canvas and the verdict's `after` on release.
 */
import type { Point, Size, StackDocument, StackNode } from "./document.ts";
import { descendantsOf, type DiagramIndex } from "./diagram.ts";
import {
  absoluteRects,
  addVerdict,
  chooseReceiver,
  dropVerdict,
  nodesUnder,
  type Check,
  type DropVerdict,
} from "./drop.ts";
import { addNode, mapNodes } from "./edit.ts";
import { leafSize } from "./geometry.ts";
import type { Preset } from "./kinds/presets.ts";
import type { Lang } from "./kinds/props.ts";
import type { Problem } from "./rules/types.ts";

/** What dropping the dragged thing at the pointer would do, as the canvas shows it. */
export interface DropHint {
  /** The node it would go into; null = the canvas root. */
  targetId: string | null;
  ok: boolean;
  /** The first rule the drop would break. */
  problem?: Problem;
  /** Set when the drop is refused outright. */
  refused?: boolean;
}

/** The nodes of `ids` that have no ancestor in `ids`: a drag moves each subtree by its top. */
export function subtreeTops(index: DiagramIndex, ids: readonly string[]): string[] {
  const set = new Set(ids);
  return ids.filter((id) => {
    const seen = new Set([id]);
    for (let cur = index.byId.get(id)?.parentId; cur != null && !seen.has(cur);) {
      if (set.has(cur)) return false;
      seen.add(cur);
      cur = index.byId.get(cur)?.parentId;
    }
    return true;
  });
}

/** The dragged nodes at the positions the pointer gave them (relative to their parents, as stored). */
export function withPositions(doc: StackDocument, moves: ReadonlyMap<string, Point>): StackDocument {
  return mapNodes(doc, moves.keys(), (n) => ({ ...n, position: moves.get(n.id)! }));
}

// ---------------------------------------------------------------------------------------------
// Dragging nodes

/** What stays still during a drag: the document as it was when the drag began. */
export interface DragStill {
  doc: StackDocument;
  index: DiagramIndex;
  /** Each node's problems in `doc` (the store's per-node problems): a drop that changes no parent changes none. */
  problems: ReadonlyMap<string, readonly Problem[]>;
  /** The rules' check of a drop ({@link Check}). */
  check: Check;
}

/** The document as it is mid-drag: the same nodes, the dragged ones at new positions. */
export interface DragNow {
  doc: StackDocument;
  index: DiagramIndex;
}

/** One drag of one or more nodes, from start to drop. */
export interface NodeDrag {
  readonly still: DragStill;
  /** The top of each dragged subtree, in the order they were dragged: these change parent. */
  readonly tops: readonly string[];
  /** Every node of every dragged subtree: none of them can receive the drop. */
  readonly moving: ReadonlySet<string>;
  /**
   * Verdicts by target, judged once per drag: a verdict depends on the nodes and the target, not
   * on the exact point (no rule reads positions), and validating on every move would cost O(N).
   */
  readonly verdicts: Map<string, Verdict>;
}

/** Starts a drag of `dragged` (ids; children of dragged nodes travel with them). */
export function beginNodeDrag(still: DragStill, dragged: readonly string[]): NodeDrag {
  const tops = subtreeTops(
    still.index,
    dragged.filter((id) => still.index.byId.has(id)),
  );
  const moving = new Set<string>();
  for (const top of tops) {
    moving.add(top);
    for (const d of descendantsOf(still.index, top)) moving.add(d);
  }
  return { still, tops, moving, verdicts: new Map() };
}

/**
 * The node that would receive a drop at `pointer` (null = the canvas root), chosen among the nodes
 * under it in the still document ({@link chooseReceiver}): the innermost that takes the dragged
 * nodes without a new error, else where they end with the fewest errors (their own parent on a
 * tie: nothing changes), with the red hint; never a node smaller than a dragged box, never a
 * dragged node — so a node never goes into itself or a descendant, nor into another node of the
 * same drag.
 */
export function dropTargetAt(drag: NodeDrag, now: DragNow, pointer: Point): string | null {
  const { doc, index } = drag.still;
  const rects = absoluteRects(doc, index);
  const sizes = drag.tops.flatMap((id) => {
    const r = rects.get(id);
    return r ? [{ width: r.width, height: r.height }] : [];
  });
  // Their own parent, when they all have the same one (staying there changes nothing).
  const parents = new Set(drag.tops.map((id) => index.byId.get(id)?.parentId ?? null));
  const stay = parents.size === 1 ? [...parents][0]! : undefined;
  return chooseReceiver(
    nodesUnder(doc, index, pointer, drag.moving),
    rects,
    sizes,
    (t) => {
      const moved = movedInto(drag, now, t);
      if (moved.length === 0) return ownErrors(drag);
      const v = verdictInto(drag, now, moved, t);
      return v.refused !== undefined ? Infinity : (v.errors ?? (v.ok ? 0 : 1));
    },
    stay,
  );
}

/** How many errors the dragged nodes have where they are (what staying put leaves). */
function ownErrors(drag: NodeDrag): number {
  let n = 0;
  for (const id of drag.tops)
    for (const p of drag.still.problems.get(id) ?? []) if (p.severity === "error" && p.nodeIds[0] === id) n++;
  return n;
}

/** Good or bad, with the first rule broken (the document after it is {@link dropNodes}'). */
export type Verdict = Omit<DropVerdict, "after">;

/** What a drop at a point would do. */
export interface NodeDropJudgement {
  /** The node that receives; null = the canvas root. */
  target: string | null;
  /** The tops that would change parent (the others are in `target` already). */
  moved: readonly string[];
  /**
   * Good or bad, with the first rule broken. When nothing changes parent, the dragged nodes' own
   * errors as they stand (dragging a broken node around inside its parent keeps showing why).
   */
  verdict: Verdict;
}

/**
 * Where a moved top lands in `target`: where it is on screen now. Its old parent has not moved
 * (only dragged subtrees move, and a top's parent is not dragged), nor has the target.
 */
function positionIn(drag: NodeDrag, node: StackNode, target: string | null): Point {
  const rects = absoluteRects(drag.still.doc, drag.still.index);
  const origin = { x: 0, y: 0 };
  const parent = node.parentId != null ? (rects.get(node.parentId) ?? origin) : origin;
  const base = target !== null ? (rects.get(target) ?? origin) : origin;
  const pos = node.position ?? origin;
  return { x: parent.x + pos.x - base.x, y: parent.y + pos.y - base.y };
}

/** The tops that would change parent for a drop into `target`. */
function movedInto(drag: NodeDrag, now: DragNow, target: string | null): string[] {
  return drag.tops.filter((id) => {
    const node = now.index.byId.get(id);
    return node !== undefined && (node.parentId ?? null) !== target;
  });
}

/** The document with the `moved` tops in `target`, each where it is on screen. */
function moveInto(drag: NodeDrag, now: DragNow, moved: readonly string[], target: string | null) {
  return mapNodes(now.doc, moved, (n) => {
    const next: StackNode = { ...n, position: positionIn(drag, n, target) };
    if (target === null) delete next.parentId;
    else next.parentId = target;
    return next;
  });
}

/** The verdict of moving the `moved` tops into `target`, judged once per target and drag. */
function verdictInto(drag: NodeDrag, now: DragNow, moved: readonly string[], target: string | null): Verdict {
  const key = target ?? "";
  let verdict = drag.verdicts.get(key);
  if (!verdict) {
    const involved = new Set<string>(target !== null ? [target] : []);
    for (const id of moved) {
      involved.add(id);
      for (const d of descendantsOf(drag.still.index, id)) involved.add(d);
    }
    const { after: _after, ...judged } = dropVerdict(
      now.doc,
      moveInto(drag, now, moved, target),
      new Set(moved),
      involved,
      drag.still.check,
    );
    drag.verdicts.set(key, (verdict = judged));
  }
  return verdict;
}

/** Judges a drop at `pointer`: the one answer behind both the hint and the drop. */
export function judgeNodeDrop(drag: NodeDrag, now: DragNow, pointer: Point): NodeDropJudgement {
  const target = dropTargetAt(drag, now, pointer);
  if (target !== null && !now.index.byId.has(target))
    return { target, moved: [], verdict: { ok: false, refused: "unknown-node" } };
  const moved = movedInto(drag, now, target);
  if (moved.length === 0) {
    for (const id of drag.tops) {
      const error = drag.still.problems.get(id)?.find((p) => p.severity === "error");
      if (error) return { target, moved, verdict: { ok: false, problem: error } };
    }
    return { target, moved, verdict: { ok: true } };
  }
  return { target, moved, verdict: verdictInto(drag, now, moved, target) };
}

/** The hint for a judgement: nothing at all for a good drop that changes no parent at the root. */
export function hintFor(j: NodeDropJudgement): DropHint | null {
  if (j.moved.length === 0 && j.verdict.ok)
    return j.target !== null ? { targetId: j.target, ok: true } : null;
  return {
    targetId: j.target,
    ok: j.verdict.ok,
    ...(j.verdict.problem ? { problem: j.verdict.problem } : {}),
    ...(j.verdict.refused ? { refused: true } : {}),
  };
}

/** The hint while the dragged nodes are over `pointer`. */
export function nodeDropHint(drag: NodeDrag, now: DragNow, pointer: Point): DropHint | null {
  return hintFor(judgeNodeDrop(drag, now, pointer));
}

/**
 * The document after dropping at `pointer`: every dragged subtree that is not in the target yet
 * goes into it (or to the root), each where it is on screen. A bad drop still happens — the hint
 * said why, and undo takes it back; a refused one changes no parent.
 */
export function dropNodes(drag: NodeDrag, now: DragNow, pointer: Point): StackDocument {
  const target = dropTargetAt(drag, now, pointer);
  if (target !== null && !now.index.byId.has(target)) return now.doc;
  return moveInto(drag, now, movedInto(drag, now, target), target);
}

// ---------------------------------------------------------------------------------------------
// Dropping a palette preset

/** Where a preset dropped at a point would go, and what it would do. */
export interface PresetDrop {
  /** The node that receives; null = the canvas root. */
  target: string | null;
  /** The new node's position, relative to the target: centred on the pointer. */
  position: Point;
  /** The verdict, with the document after the drop and the new node's id. */
  verdict: DropVerdict & { id?: string };
}

type NewPreset = Pick<Preset, "kind" | "name" | "props">;

/**
 * Verdicts of adding a preset, by check and document, then by preset and target: positions change
 * no verdict.
 */
const presetVerdicts = new WeakMap<Check, WeakMap<StackDocument, Map<string, Omit<DropVerdict, "after">>>>();

function presetVerdict(
  doc: StackDocument,
  node: { kind: Preset["kind"]; label: string; props: Record<string, unknown>; size: Size },
  target: string | null,
  check: Check,
): Omit<DropVerdict, "after"> {
  let byDoc = presetVerdicts.get(check);
  if (!byDoc) presetVerdicts.set(check, (byDoc = new WeakMap()));
  let byKey = byDoc.get(doc);
  if (!byKey) byDoc.set(doc, (byKey = new Map()));
  const key = `${node.kind}\u0000${node.label}\u0000${JSON.stringify(node.props)}\u0000${target ?? ""}`;
  let v = byKey.get(key);
  if (!v) {
    const { after: _after, id: _id, ...judged } = addVerdict(doc, node, target, { x: 0, y: 0 }, check);
    byKey.set(key, (v = judged));
  }
  return v;
}

/**
 * Which node receives a new node of `preset` among `under` (innermost first; for a click, the
 * selected node and its ancestors): as for a dragged node ({@link chooseReceiver}).
 */
export function presetReceiver(
  doc: StackDocument,
  index: DiagramIndex,
  preset: NewPreset,
  lang: Lang,
  under: readonly string[],
  check: Check,
): string | null {
  const label = preset.name[lang];
  const node = { kind: preset.kind, label, props: { ...preset.props }, size: leafSize(preset.kind, label) };
  return chooseReceiver(under, absoluteRects(doc, index), [node.size], (t) => {
    const v = presetVerdict(doc, node, t, check);
    return v.refused !== undefined ? Infinity : (v.errors ?? (v.ok ? 0 : 1));
  });
}

/**
 * A new node of `preset` (labelled in `lang`) dropped at `pointer`: into the receiver there
 * ({@link presetReceiver} over the nodes under the pointer), centred on the pointer (the store's
 * placement then moves it inside, or to the next free place when that spot is taken).
 */
export function presetDropAt(
  doc: StackDocument,
  index: DiagramIndex,
  preset: NewPreset,
  lang: Lang,
  pointer: Point,
  check: Check,
): PresetDrop {
  const target = presetReceiver(doc, index, preset, lang, nodesUnder(doc, index, pointer), check);
  const base = target !== null ? (absoluteRects(doc, index).get(target) ?? { x: 0, y: 0 }) : { x: 0, y: 0 };
  const label = preset.name[lang];
  const size = leafSize(preset.kind, label);
  const position = {
    x: Math.round(pointer.x - base.x - size.width / 2),
    y: Math.round(pointer.y - base.y - size.height / 2),
  };
  const node = { kind: preset.kind, label, props: { ...preset.props }, size };
  const added = addNode(doc, { ...node, parentId: target, position });
  const verdict = { ...presetVerdict(doc, node, target, check), after: added.doc, id: added.id };
  return { target, position, verdict };
}

/** The hint while a preset is over the canvas: nothing for a good drop at the root. */
export function presetDropHint(d: PresetDrop): DropHint | null {
  if (d.target === null && d.verdict.ok) return null;
  return {
    targetId: d.target,
    ok: d.verdict.ok,
    ...(d.verdict.problem ? { problem: d.verdict.problem } : {}),
  };
}
