/**
 * Nudging by clusters, so that a drag step re-nudges only what it touched. Routes whose searched
 * segments run alongside each other (parallel, overlapping, within {@link NEAR} px) form a
 * cluster; each cluster is nudged on its own (nudge.ts). When two nudged routes of different
 * clusters still come closer than the spacing, their clusters are joined and nudged again. A
 * cluster whose routes, and the boxes they avoid, are the very same objects as in an earlier
 * result takes that result's nudged points. Everything depends only on the searched routes and
 * their frames, so an incremental result equals a fresh one.
 */
import type { Point } from "../document.ts";
import { nudge, type NudgeInput } from "./nudge.ts";
import type { EdgeFrame } from "./scene.ts";

/** A searched route with what it avoids. */
export interface Searched {
  id: string;
  raw: readonly Point[];
  frame: EdgeFrame;
}

/** Nudged points per edge, with whether the spacing had to give. */
export interface Nudged {
  points: Point[];
  squeezed: boolean;
}

/**
 * Nudged clusters of an earlier result, by the ids of their routes. `joined`: a cluster made by
 * joining clusters whose nudged routes came too close (a full call's later rounds), not one the
 * sweep found.
 */
export type ClusterCache = Map<
  string,
  { members: readonly Searched[]; out: readonly Nudged[]; joined?: boolean }
>;

const NEAR = 6;
const EPS = 1e-6;

interface Seg {
  item: number;
  pos: number;
  a: number;
  b: number;
  horizontal: boolean;
}

function segments(pts: readonly Point[], item: number, out: Seg[]): void {
  for (let k = 0; k + 1 < pts.length; k++) {
    const p = pts[k]!;
    const q = pts[k + 1]!;
    const horizontal = p.y === q.y;
    const pa = horizontal ? p.x : p.y;
    const qa = horizontal ? q.x : q.y;
    if (Math.abs(pa - qa) < EPS) continue;
    out.push({ item, pos: horizontal ? p.y : p.x, a: Math.min(pa, qa), b: Math.max(pa, qa), horizontal });
  }
}

/** Calls `join` for segments of different items closer than `dist` across and overlapping (grown by `grow`) along. */
function sweep(segs: Seg[], dist: number, grow: number, join: (i: number, j: number) => void): void {
  segs.sort((x, y) => Number(x.horizontal) - Number(y.horizontal) || x.pos - y.pos || x.item - y.item);
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    for (let j = i + 1; j < segs.length; j++) {
      const t = segs[j]!;
      if (t.horizontal !== s.horizontal || t.pos - s.pos >= dist - EPS) break;
      if (t.item === s.item) continue;
      if (Math.min(s.b, t.b) + grow - Math.max(s.a, t.a) <= EPS) continue;
      join(s.item, t.item);
    }
  }
}

/** A searched route's segments (item 0) and the box around them, once per route object. */
const segsOfRoute = new WeakMap<readonly Point[], { segs: Seg[]; box: [number, number, number, number] }>();
function routeSegs(raw: readonly Point[]): { segs: Seg[]; box: [number, number, number, number] } {
  let hit = segsOfRoute.get(raw);
  if (hit === undefined) {
    const segs: Seg[] = [];
    segments(raw, 0, segs);
    let [l, t, r, b] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of raw) {
      l = Math.min(l, p.x);
      t = Math.min(t, p.y);
      r = Math.max(r, p.x);
      b = Math.max(b, p.y);
    }
    segsOfRoute.set(raw, (hit = { segs, box: [l, t, r, b] }));
  }
  return hit;
}

/** Whether two segments of different routes run alongside within `dist` (as {@link sweep} joins them). */
function near(s: Seg, t: Seg, dist: number): boolean {
  return (
    s.horizontal === t.horizontal &&
    Math.abs(t.pos - s.pos) < dist - EPS &&
    Math.min(s.b, t.b) - Math.max(s.a, t.a) > EPS
  );
}

/**
 * The clusters of a drag step, from the earlier result's: a route is clustered afresh only when it
 * was searched again, runs alongside one that was, or was in a cluster with one of those (or with a
 * route that is gone); every other cluster keeps its routes as they were, for nothing of what joined
 * them changed. Sweeping only those routes, not all of them, is what keeps a step over thousands of
 * edges within a frame. False when there is no earlier result to go from.
 */
function liveClusters(
  items: readonly Searched[],
  cache: ClusterCache,
  dist: number,
  union: (i: number, j: number) => boolean,
): boolean {
  if (cache.size === 0) return false;
  const at = new Map<string, number>();
  items.forEach((it, i) => at.set(it.id, i));
  const before = new Map<string, { members: readonly Searched[]; raw: readonly Point[] }>();
  // The sweep's clusters only: a joined one stands for clusters the sweep found apart, whose own
  // entries the same result holds too.
  const swept = [...cache.values()].filter((e) => e.joined !== true);
  for (const e of swept) for (const m of e.members) before.set(m.id, { members: e.members, raw: m.raw });
  const dirty = new Set<readonly Searched[]>();
  const redo = new Set<number>();
  const changed: Seg[] = [];
  let [l, t, r, b] = [Infinity, Infinity, -Infinity, -Infinity];
  items.forEach((it, i) => {
    const was = before.get(it.id);
    if (was !== undefined && was.raw === it.raw) return;
    redo.add(i);
    if (was !== undefined) dirty.add(was.members);
    const { segs, box } = routeSegs(it.raw);
    for (const sg of segs) changed.push({ ...sg, item: i });
    [l, t, r, b] = [Math.min(l, box[0]), Math.min(t, box[1]), Math.max(r, box[2]), Math.max(b, box[3])];
  });
  for (const [id, was] of before) if (!at.has(id)) dirty.add(was.members);
  // The changed segments by direction and place across, for a binary search per segment.
  const across = (h: boolean) => changed.filter((c) => c.horizontal === h).sort((x, y) => x.pos - y.pos);
  const lines = [across(false), across(true)] as const;
  const alongside = (sg: Seg): boolean => {
    const list = lines[sg.horizontal ? 1 : 0];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.pos <= sg.pos - dist + EPS) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < list.length && list[k]!.pos < sg.pos + dist - EPS; k++)
      if (near(sg, list[k]!, dist)) return true;
    return false;
  };
  if (changed.length > 0)
    items.forEach((it, i) => {
      if (redo.has(i)) return;
      const { segs, box } = routeSegs(it.raw);
      if (box[0] > r + dist || box[2] < l - dist || box[1] > b + dist || box[3] < t - dist) return;
      if (!segs.some(alongside)) return;
      redo.add(i);
      const was = before.get(it.id);
      if (was !== undefined) dirty.add(was.members);
    });
  for (const members of dirty)
    for (const m of members) {
      const i = at.get(m.id);
      if (i !== undefined) redo.add(i);
    }
  const segs: Seg[] = [];
  for (const i of redo) segments(items[i]!.raw, i, segs);
  sweep(segs, dist, 0, union);
  // The clusters nothing touched, as they were.
  for (const e of swept) {
    if (dirty.has(e.members)) continue;
    const first = at.get(e.members[0]!.id);
    if (first === undefined || redo.has(first)) continue;
    for (const m of e.members) union(first, at.get(m.id)!);
  }
  return true;
}

/** Whether two frames hold the very same boxes (a scene shares the boxes that did not change). */
function sameFrame(a: EdgeFrame, b: EdgeFrame): boolean {
  if (a === b) return true;
  if (a.region !== b.region || a.source !== b.source || a.target !== b.target) return false;
  if (a.obstacles.length !== b.obstacles.length) return false;
  for (let i = 0; i < a.obstacles.length; i++) if (a.obstacles[i] !== b.obstacles[i]) return false;
  return true;
}

/**
 * Nudges the searched routes. `live` (a drag in progress) skips joining clusters whose nudged
 * routes came too close: routes still keep every box and text area, but routes of different
 * clusters may pass closer than the spacing until the next full (not live) call. `stillClear`
 * (live only): whether a route nudged earlier still keeps clear of what changed in its (new) frame;
 * a cluster whose searched routes are the same as before and whose earlier nudged routes all still
 * are keeps them without nudging again (the cache keeps the entry it came from, so the next full
 * call nudges it afresh against the boxes as they are then).
 */
export function nudgeAll(
  items: readonly Searched[],
  spacing: number,
  cache: ClusterCache | undefined,
  live = false,
  stillClear?: (item: Searched, points: readonly Point[]) => boolean,
): { nudged: Nudged[]; cache: ClusterCache } {
  const n = items.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (i: number, j: number): boolean => {
    const a = find(i);
    const b = find(j);
    if (a === b) return false;
    parent[Math.max(a, b)] = Math.min(a, b);
    return true;
  };
  const dist = Math.max(NEAR, spacing);
  if (!live || cache === undefined || !liveClusters(items, cache, dist, union)) {
    const raw: Seg[] = [];
    for (let i = 0; i < n; i++) segments(items[i]!.raw, i, raw);
    sweep(raw, dist, 0, union);
  }

  const nudged: Nudged[] = new Array<Nudged>(n);
  const next: ClusterCache = new Map();
  const solve = (members: number[], joined: boolean): void => {
    const key = members.map((m) => items[m]!.id).join("\u0000");
    const hit = cache?.get(key) ?? next.get(key);
    if (
      hit !== undefined &&
      hit.members.length === members.length &&
      hit.members.every(
        (s, k) => s.raw === items[members[k]!]!.raw && sameFrame(s.frame, items[members[k]!]!.frame),
      )
    ) {
      members.forEach((m, k) => (nudged[m] = hit.out[k]!));
      next.set(key, !!hit.joined === joined ? hit : { ...hit, joined });
      return;
    }
    if (
      live &&
      stillClear !== undefined &&
      hit !== undefined &&
      hit.members.length === members.length &&
      hit.members.every((s, k) => s.raw === items[members[k]!]!.raw) &&
      members.every((m, k) => stillClear(items[m]!, hit.out[k]!.points))
    ) {
      members.forEach((m, k) => (nudged[m] = hit.out[k]!));
      next.set(key, !!hit.joined === joined ? hit : { ...hit, joined });
      return;
    }
    const inputs: NudgeInput[] = members.map((m) => {
      const it = items[m]!;
      return {
        pts: it.raw.map((p) => ({ x: p.x, y: p.y })),
        obstacles: it.frame.obstacles,
        region: it.frame.region,
        source: it.frame.source,
        target: it.frame.target,
        squeezed: false,
      };
    });
    if (inputs.length > 1) nudge(inputs, { spacing, clearance: spacing / 2 });
    const out = inputs.map((x) => ({ points: x.pts, squeezed: x.squeezed }));
    members.forEach((m, k) => (nudged[m] = out[k]!));
    next.set(key, { members: members.map((m) => items[m]!), out, joined });
  };
  const groups = (): Map<number, number[]> => {
    const g = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const r = find(i);
      let list = g.get(r);
      if (list === undefined) g.set(r, (list = []));
      list.push(i);
    }
    return g;
  };
  let pending = [...groups().values()];
  for (let round = 0; round < 4 && pending.length > 0; round++) {
    for (const members of pending) solve(members, round > 0);
    if (live) break;
    // Nudged routes of different clusters that still come too close: join and nudge again.
    const done: Seg[] = [];
    for (let i = 0; i < n; i++) segments(nudged[i]!.points, i, done);
    const joined = new Set<number>();
    sweep(done, spacing, 0, (i, j) => {
      if (union(i, j)) joined.add(find(i));
    });
    if (joined.size === 0) break;
    const g = groups();
    pending = [...new Set([...joined].map(find))].map((r) => g.get(r)!);
  }
  return { nudged, cache: next };
}
