/**
 * The edge router: every edge of a document as an orthogonal polyline around the boxes it does not
 * belong to (docs/drawing.md, "Edge routing"). Pure and synchronous; the same document gives the
 * same routes.
 *
 * Per edge (src/domain/routing/scene.ts): the route may run inside the ends' ancestors — up to
 * their lowest common ancestor, whose box it stays in — and must go around everything else: the
 * other children of those ancestors (with all they hold), the two end boxes, and every text area
 * (bands, title bars, leaves). It is searched on a grid over the boxes near the two ends
 * (search.ts), widened to the whole common ancestor when nothing fits there; then the parallel
 * segments of different edges are spread apart (nudge.ts) and each label is placed (label.ts).
 */
import type { Point, Size, StackDocument, StackEdge } from "../document.ts";
import { indexDocument, type DiagramIndex } from "../diagram.ts";
import type { Rect } from "../drop.ts";
import type { Lang } from "../kinds/props.ts";
import { grow, interiorsMeet, intersect, sameBox, segmentCrosses, type Box } from "./box.ts";
import { edgeLabelText, labelBoxSize } from "./label.ts";
import { labelPoint } from "./label-place.ts";
import { nudgeAll, type ClusterCache, type Nudged, type Searched } from "./clusters.ts";
import { tidy } from "./nudge.ts";
import { BADGE_KEY, buildScene, edgeFrame, type EdgeFrame, type Scene } from "./scene.ts";
import { search } from "./search.ts";

/** One edge's route. */
export interface Route {
  /** Absolute points; consecutive points share x or y. The first lies on the source's box, the last on the target's. */
  readonly points: readonly Point[];
  /** A point on the route where the edge's label, centred there, covers no node's text. */
  readonly labelAt: Point;
  /**
   * False when no route keeps the contract (boxes overlap so that an end is walled in): the
   * points are then a plain elbow between the two boxes, which may cross others.
   */
  readonly ok: boolean;
  /** True when a gap was too narrow to keep this route's parallel segments the spacing apart. */
  readonly squeezed: boolean;
}

/** Routes by edge id; edges with an end that has no box are left out. */
export type Routes = ReadonlyMap<string, Route>;

export interface RouteOptions {
  /** The document's index, if the caller has it. */
  index?: DiagramIndex;
  /**
   * Absolute boxes of the nodes; default `absoluteRects` of the document (which needs every
   * node's position and size — pass `resolveGeometry`'s boxes for a document without them).
   */
  rects?: ReadonlyMap<string, Rect>;
  /** Least distance between parallel segments of different edges; default 6 px. */
  spacing?: number;
  /** Cost of a bend, in px of length; default 24. */
  bendPenalty?: number;
  /**
   * Size of an edge's label box, for {@link Route.labelAt}; default: {@link labelBoxSize} of
   * {@link edgeLabelText} — its label, or without one its kind in words in `lang`, at 11 px.
   */
  labelSize?: (edge: StackEdge) => Size;
  lang?: Lang;
  /**
   * For {@link rerouteAffected} during a drag: nudge only within clusters of routes that ran
   * alongside each other before nudging, without joining clusters that nudging brought closer
   * than the spacing. Cheaper (docs/performance.md: one moved node's edges ≤ 4 ms); routes
   * still avoid every box and text area. Call again without it when the drag ends. With an
   * `index` that shares the previous one's `children` (the tree did not change: `withMovedNodes`),
   * only the `movedIds` and what they hold are looked at for moved boxes: name every node moved.
   */
  live?: boolean;
}

interface EdgeState {
  edge: StackEdge;
  frame: EdgeFrame | null;
  /** The searched route before nudging, or null when the contract could not be kept. */
  raw: Point[] | null;
}

interface Internals {
  scene: Scene;
  states: Map<string, EdgeState>;
  opts: RouteOptions;
  cache: ClusterCache;
}

const internals = new WeakMap<Routes, Internals>();

/** Room searched around the ends and their ancestors before the whole common ancestor is tried. */
const WINDOW_PAD = 96;
const MAX_STATES = 400_000;

function defaultLabelSize(lang: Lang): (e: StackEdge) => Size {
  return (e) => labelBoxSize(edgeLabelText(e, lang));
}

/** The searched route of one edge (before nudging), or null when none keeps the contract. */
function searchEdge(frame: EdgeFrame, bend: number): Point[] | null {
  if (frame.self) return selfLoop(frame);
  const s = { box: frame.source, inner: frame.sourceInner };
  const t = { box: frame.target, inner: frame.targetInner };
  const opts = { bend, maxStates: MAX_STATES };
  const near = intersect(grow(frame.reach, WINDOW_PAD), frame.region);
  const first = search(near, frame.obstacles, s, t, opts);
  if (first !== null || sameBox(near, frame.region)) return first;
  return search(frame.region, frame.obstacles, s, t, opts);
}

/** A loop from a node to itself: out of one side and back, the first side with room for it. */
function selfLoop(f: EdgeFrame): Point[] | null {
  const b = f.source;
  const cx = (b.l + b.r) / 2;
  const cy = (b.t + b.b) / 2;
  const dy = Math.min(10, (b.b - b.t) / 4);
  const dx = Math.min(10, (b.r - b.l) / 4);
  const candidates: Point[][] = [];
  for (const reach of [16, 10, 6]) {
    candidates.push(
      [
        { x: b.r, y: cy - dy },
        { x: b.r + reach, y: cy - dy },
        { x: b.r + reach, y: cy + dy },
        { x: b.r, y: cy + dy },
      ],
      [
        { x: cx - dx, y: b.t },
        { x: cx - dx, y: b.t - reach },
        { x: cx + dx, y: b.t - reach },
        { x: cx + dx, y: b.t },
      ],
      [
        { x: b.l, y: cy - dy },
        { x: b.l - reach, y: cy - dy },
        { x: b.l - reach, y: cy + dy },
        { x: b.l, y: cy + dy },
      ],
      [
        { x: cx - dx, y: b.b },
        { x: cx - dx, y: b.b + reach },
        { x: cx + dx, y: b.b + reach },
        { x: cx + dx, y: b.b },
      ],
    );
  }
  for (const pts of candidates) if (clear(pts, f)) return pts;
  return null;
}

/** Whether a route stays in its region and out of every obstacle of its frame. */
function clear(pts: readonly Point[], f: EdgeFrame): boolean {
  const R = f.region;
  for (const p of pts) if (p.x < R.l || p.x > R.r || p.y < R.t || p.y > R.b) return false;
  for (let k = 0; k + 1 < pts.length; k++)
    for (const o of f.obstacles) if (segmentCrosses(pts[k]!, pts[k + 1]!, o)) return false;
  return true;
}

/** The elbow drawn when no route keeps the contract (as src/render/svg.ts drew every edge). */
function elbow(s: Box, t: Box): Point[] {
  const scx = (s.l + s.r) / 2;
  const scy = (s.t + s.b) / 2;
  const tcx = (t.l + t.r) / 2;
  const tcy = (t.t + t.b) / 2;
  if (t.l >= s.r || t.r <= s.l) {
    const x0 = t.l >= s.r ? s.r : s.l;
    const x1 = t.l >= s.r ? t.l : t.r;
    const mx = (x0 + x1) / 2;
    return [
      { x: x0, y: scy },
      { x: mx, y: scy },
      { x: mx, y: tcy },
      { x: x1, y: tcy },
    ];
  }
  if (t.t >= s.b || t.b <= s.t) {
    const y0 = t.t >= s.b ? s.b : s.t;
    const y1 = t.t >= s.b ? t.t : t.b;
    const my = (y0 + y1) / 2;
    return [
      { x: scx, y: y0 },
      { x: scx, y: my },
      { x: tcx, y: my },
      { x: tcx, y: y1 },
    ];
  }
  return [
    { x: s.r, y: scy },
    { x: (s.r + t.l) / 2, y: scy },
    { x: (s.r + t.l) / 2, y: tcy },
    { x: t.l, y: tcy },
  ];
}

/** What {@link finish} may keep from an earlier result: labels of unchanged routes clear of changed text. */
interface Earlier {
  routes: Routes;
  states: ReadonlyMap<string, EdgeState>;
  changedText: readonly ChangedBox[];
  cache: ClusterCache;
}

function samePoints(a: readonly Point[], b: readonly Point[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.x !== b[i]!.x || a[i]!.y !== b[i]!.y) return false;
  return true;
}

function finish(scene: Scene, states: Map<string, EdgeState>, opts: RouteOptions, earlier?: Earlier): Routes {
  const spacing = opts.spacing ?? 6;
  const items: Searched[] = [];
  for (const [id, st] of states) {
    if (st.frame === null || st.raw === null || st.frame.self) continue;
    items.push({ id, raw: st.raw, frame: st.frame });
  }
  // A drag step keeps a cluster's earlier nudged routes while they stay clear of what moved.
  const changed = earlier?.changedText;
  const stillClear =
    opts.live === true && changed !== undefined
      ? (it: Searched, pts: readonly Point[]) => !blocked(pts, it.frame, changed)
      : undefined;
  const { nudged: list, cache } = nudgeAll(items, spacing, earlier?.cache, opts.live === true, stillClear);
  const nudged = new Map<string, Nudged>();
  items.forEach((it, i) => nudged.set(it.id, list[i]!));

  const sizeOf = opts.labelSize ?? defaultLabelSize(opts.lang ?? "en");
  const out = new Map<string, Route>();
  for (const [id, st] of states) {
    if (st.frame === null) continue;
    const n = nudged.get(id);
    const points = n
      ? n.points
      : st.raw !== null
        ? st.raw.map((p) => ({ x: p.x, y: p.y }))
        : elbow(st.frame.source, st.frame.target);
    if (!n) tidy(points);
    const size = sizeOf(st.edge);
    const before = earlier?.routes.get(id);
    let labelAt: Point | undefined;
    const edgeBefore = earlier?.states.get(id)?.edge;
    if (
      before !== undefined &&
      edgeBefore !== undefined &&
      edgeBefore.label === st.edge.label &&
      edgeBefore.kind === st.edge.kind &&
      samePoints(before.points, points)
    ) {
      const at = before.labelAt;
      const b: Box = {
        l: at.x - size.width / 2,
        t: at.y - size.height / 2,
        r: at.x + size.width / 2,
        b: at.y + size.height / 2,
      };
      if (!earlier!.changedText.some((c) => c.text !== undefined && interiorsMeet(b, c.text))) labelAt = at;
    }
    const ok = st.raw !== null;
    const squeezed = n?.squeezed ?? false;
    // An unchanged route is the very same object as before: whoever draws it (the canvas's
    // edges) can skip it by identity.
    if (labelAt !== undefined && before!.ok === ok && before!.squeezed === squeezed) {
      out.set(id, before!);
      continue;
    }
    out.set(id, { points, labelAt: labelAt ?? labelPoint(points, size, scene), ok, squeezed });
  }
  internals.set(out, { scene, states, opts, cache });
  return out;
}

function stateOf(scene: Scene, e: StackEdge, bend: number): EdgeState {
  const frame = edgeFrame(scene, e);
  return { edge: e, frame, raw: frame === null ? null : searchEdge(frame, bend) };
}

/** Routes every edge of the document. */
export function routeEdges(doc: StackDocument, opts: RouteOptions = {}): Routes {
  const index = opts.index ?? indexDocument(doc);
  const scene = buildScene(doc, index, opts.rects);
  const bend = opts.bendPenalty ?? 24;
  const states = new Map<string, EdgeState>();
  for (const e of doc.edges) states.set(e.id, stateOf(scene, e, bend));
  return finish(scene, states, opts);
}

/**
 * Routes after some nodes moved (or were resized): the edges with an end whose box changed, and
 * those whose route a changed box — or a moved band or title bar — now blocks, are searched
 * again; the others keep their searched routes. Then all are nudged again. Edges added, removed
 * or re-ended since `prev` are handled too. `prev` must come from {@link routeEdges} or this
 * function (anything else routes everything); `movedIds` are the nodes the caller moved — every
 * other box that changed (their subtrees, parents that grew) is found by comparing boxes. A
 * route that comes out the same (points, label place, `ok`, `squeezed`) is the very object `prev`
 * holds for it.
 */
export function rerouteAffected(
  prev: Routes,
  doc: StackDocument,
  movedIds: Iterable<string>,
  opts: RouteOptions = {},
): Routes {
  const old = internals.get(prev);
  const merged: RouteOptions = { ...(old?.opts ?? {}), live: false, ...opts };
  if (old === undefined) return routeEdges(doc, merged);
  const index = opts.index ?? indexDocument(doc);
  const moved = [...movedIds];
  // A drag step on the same tree (an index patched with the moved nodes shares `children`): only
  // what moved is looked at, not every node.
  const scene = buildScene(doc, index, opts.rects, old.scene, merged.live === true ? moved : undefined);
  const bend = merged.bendPenalty ?? 24;
  const was = old.scene;

  // Nodes whose box, text area or place in the tree changed (the scene compared them with the
  // last one's, whose unchanged boxes it shares), and the ones the caller moved.
  const changed = new Set<string>(scene.changed);
  for (const id of moved) changed.add(id);
  const changedBoxes: ChangedBox[] = [];
  const parents = new Set<string | null>();
  for (const id of changed) {
    changedBoxes.push({ id, box: scene.boxes.get(id), text: scene.text.get(id) });
    const badge = scene.text.get(id + BADGE_KEY);
    if (badge !== undefined) changedBoxes.push({ id, box: undefined, text: badge });
    parents.add(index.byId.get(id)?.parentId ?? null);
    parents.add(was.index.byId.get(id)?.parentId ?? null);
  }

  const states = new Map<string, EdgeState>();
  for (const e of doc.edges) {
    const st = old.states.get(e.id);
    const sameEnds = st !== undefined && st.edge.source === e.source && st.edge.target === e.target;
    if (!sameEnds || st.frame === null || changed.has(e.source) || changed.has(e.target)) {
      states.set(e.id, stateOf(scene, e, bend));
      continue;
    }
    // Nothing the frame was built from changed: neither its open nodes nor any of their children.
    const f = st.frame;
    let touched = changed.size > 0 && f.lca === undefined && parents.has(null);
    if (!touched) for (const id of f.open) if (changed.has(id) || parents.has(id)) touched = true;
    if (!touched) {
      // (The same state object when the edge is the same: a drag step over thousands of edges.)
      states.set(e.id, st.edge === e ? st : { edge: e, frame: f, raw: st.raw });
      continue;
    }
    const frame = edgeFrame(scene, e);
    if (frame !== null && st.raw !== null && !blocked(st.raw, frame, changedBoxes))
      states.set(e.id, { edge: e, frame, raw: st.raw });
    else states.set(e.id, stateOf(scene, e, bend));
  }
  return finish(scene, states, merged, {
    routes: prev,
    states: old.states,
    changedText: changedBoxes,
    cache: old.cache,
  });
}

/**
 * Whether a route searched before no longer keeps the contract with the boxes that changed: it
 * left its (shrunk) common ancestor, or crosses a changed box that is not an ancestor of an end,
 * or any changed text area.
 */
function blocked(pts: readonly Point[], f: EdgeFrame, changed: ReadonlyArray<ChangedBox>): boolean {
  if (changed.length === 0) return false;
  const R = f.region;
  for (const p of pts) if (p.x < R.l || p.x > R.r || p.y < R.t || p.y > R.b) return true;
  for (const c of changed) {
    const bx = c.box !== undefined && !f.open.has(c.id) ? c.box : undefined;
    for (let k = 0; k + 1 < pts.length; k++) {
      const p = pts[k]!;
      const q = pts[k + 1]!;
      if (c.text !== undefined && segmentCrosses(p, q, c.text)) return true;
      if (bx !== undefined && segmentCrosses(p, q, bx)) return true;
    }
  }
  return false;
}

interface ChangedBox {
  id: string;
  box: Box | undefined;
  text: Box | undefined;
}
