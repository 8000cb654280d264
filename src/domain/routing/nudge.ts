/**
 * Spreading parallel segments of different edges apart (the nudging pass). Each edge is routed
 * alone, so edges that share a gap between boxes share its middle line; here every segment that
 * runs alongside a segment of another edge closer than the spacing is moved sideways, as little
 * as possible, within the room it has: the band between the nearest boxes (and text areas) on
 * either side over its length, and for a first or last segment the side of its end box it
 * starts or ends on. Moving a segment sideways only stretches its two neighbours, which stay in
 * the swept room, so a route stays clear of every box it avoided.
 *
 * When a gap is too narrow for `n` segments at the spacing, they are spread evenly across it
 * instead (spacing and wall clearance scaled down together) and their routes are marked squeezed.
 */
import type { Point } from "../document.ts";
import type { Box } from "./box.ts";

export interface NudgeInput {
  /** Points of the route; moved in place. */
  pts: Point[];
  /** Boxes the route must stay out of. */
  obstacles: readonly Box[];
  /** The box the route stays inside. */
  region: Box;
  source: Box;
  target: Box;
  /** Set when some segment of this route had to take less than the spacing. */
  squeezed: boolean;
}

export interface NudgeOptions {
  spacing: number;
  /** Wanted room between a moved segment and the nearest box. */
  clearance: number;
}

interface Seg {
  route: number;
  k: number;
  /** Position across the axis (y of a horizontal segment), at the start of the pass. */
  pos: number;
  /** Extent along the axis. */
  a: number;
  b: number;
  /** Room across the axis (computed when the segment is first placed: NaN before). */
  lo: number;
  hi: number;
  first: boolean;
  last: boolean;
  /** Where the route goes at the `a` and `b` ends: −1 towards smaller positions, +1 larger, 0 none. */
  turnA: number;
  turnB: number;
}

const EPS = 1e-6;

/** Nudges every route's segments apart: horizontal, vertical, and both once more. */
export function nudge(routes: NudgeInput[], opts: NudgeOptions): void {
  for (let round = 0; round < 2; round++) {
    pass(routes, true, opts);
    pass(routes, false, opts);
  }
  for (const r of routes) tidy(r.pts);
}

/** Removes zero-length segments and merges collinear ones (in place). */
export function tidy(pts: Point[]): void {
  let w = 0;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!;
    if (w > 0 && Math.abs(pts[w - 1]!.x - p.x) < EPS && Math.abs(pts[w - 1]!.y - p.y) < EPS) continue;
    if (w >= 2) {
      const a = pts[w - 2]!;
      const b = pts[w - 1]!;
      if (
        (Math.abs(a.x - b.x) < EPS && Math.abs(b.x - p.x) < EPS) ||
        (Math.abs(a.y - b.y) < EPS && Math.abs(b.y - p.y) < EPS)
      ) {
        pts[w - 1] = p;
        continue;
      }
    }
    pts[w++] = p;
  }
  pts.length = w;
}

function pass(routes: NudgeInput[], horizontal: boolean, opts: NudgeOptions): void {
  const segs: Seg[] = [];
  for (let r = 0; r < routes.length; r++) {
    const ri = routes[r]!;
    tidy(ri.pts);
    const pts = ri.pts;
    const last = pts.length - 1;
    for (let k = 0; k < last; k++) {
      const p = pts[k]!;
      const q = pts[k + 1]!;
      if ((p.y === q.y) !== horizontal) continue;
      const pos = horizontal ? p.y : p.x;
      const pa = horizontal ? p.x : p.y;
      const qa = horizontal ? q.x : q.y;
      if (Math.abs(pa - qa) < EPS) continue;
      // Where the route goes before point k and after point k+1.
      const before = k > 0 ? pts[k - 1]! : undefined;
      const after = k + 2 <= last ? pts[k + 2]! : undefined;
      const bv = before === undefined ? pos : horizontal ? before.y : before.x;
      const av = after === undefined ? pos : horizontal ? after.y : after.x;
      const tk = bv < pos - EPS ? -1 : bv > pos + EPS ? 1 : 0;
      const tq = av < pos - EPS ? -1 : av > pos + EPS ? 1 : 0;
      const forward = pa < qa;
      const seg: Seg = {
        route: r,
        k,
        pos,
        a: forward ? pa : qa,
        b: forward ? qa : pa,
        lo: NaN,
        hi: NaN,
        first: k === 0,
        last: k + 1 === last,
        turnA: forward ? tk : tq,
        turnB: forward ? tq : tk,
      };
      segs.push(seg);
    }
  }
  const n = segs.length;
  if (n < 2) return;
  segs.sort(bySegPos);

  const parentOf = new Int32Array(n);
  for (let i = 0; i < n; i++) parentOf[i] = i;
  const find = (i: number): number => {
    while (parentOf[i] !== i) i = parentOf[i] = parentOf[parentOf[i]!]!;
    return i;
  };
  const current = new Float64Array(n);
  for (let i = 0; i < n; i++) current[i] = segs[i]!.pos;
  const order = Array.from({ length: n }, (_, i) => i);
  const dirty = new Set<number>();
  /** Joins the groups of segments of different routes closer than the spacing alongside each other. */
  const conflicts = (): void => {
    order.sort((x, y) => current[x]! - current[y]! || x - y);
    for (let oi = 0; oi < n; oi++) {
      const i = order[oi]!;
      const si = segs[i]!;
      const ci = current[i]!;
      for (let oj = oi + 1; oj < n; oj++) {
        const j = order[oj]!;
        if (current[j]! - ci >= opts.spacing - EPS) break;
        const sj = segs[j]!;
        if (si.route === sj.route) continue;
        if (Math.min(si.b, sj.b) - Math.max(si.a, sj.a) <= EPS) continue;
        const a = find(i);
        const b = find(j);
        // Within one group the placement already did what it could.
        if (a === b) continue;
        const root = Math.min(a, b);
        parentOf[Math.max(a, b)] = root;
        dirty.delete(Math.max(a, b));
        dirty.add(root);
      }
    }
  };

  for (let iteration = 0; iteration < 8; iteration++) {
    dirty.clear();
    conflicts();
    if (dirty.size === 0) break;
    const groups = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const g = find(i);
      if (!dirty.has(g)) continue;
      let list = groups.get(g);
      if (list === undefined) groups.set(g, (list = []));
      list.push(i);
    }
    for (const members of groups.values()) {
      members.sort((x, y) => compare(segs[x]!, segs[y]!));
      for (const m of members) {
        const sm = segs[m]!;
        if (Number.isNaN(sm.lo)) room(sm, routes[sm.route]!, horizontal);
      }
      const placed = place(
        members.map((m) => segs[m]!),
        opts,
      );
      for (let idx = 0; idx < members.length; idx++) current[members[idx]!] = placed.at[idx]!;
      if (placed.squeezed) for (const m of members) routes[segs[m]!.route]!.squeezed = true;
    }
  }
  for (let i = 0; i < n; i++) {
    const s = segs[i]!;
    const v = current[i]!;
    if (v === s.pos) continue;
    const pts = routes[s.route]!.pts;
    const p = pts[s.k]!;
    const q = pts[s.k + 1]!;
    if (horizontal) {
      pts[s.k] = { x: p.x, y: v };
      pts[s.k + 1] = { x: q.x, y: v };
    } else {
      pts[s.k] = { x: v, y: p.y };
      pts[s.k + 1] = { x: v, y: q.y };
    }
  }
}

function bySegPos(x: Seg, y: Seg): number {
  return x.pos - y.pos || x.route - y.route || x.k - y.k;
}

/** The room of a segment across its axis: up to the nearest obstacle over its extent. */
function room(seg: Seg, r: NudgeInput, horizontal: boolean): void {
  const { pos, a, b } = seg;
  let lo = horizontal ? r.region.t : r.region.l;
  let hi = horizontal ? r.region.b : r.region.r;
  for (const o of r.obstacles) {
    const oa = horizontal ? o.l : o.t;
    const ob = horizontal ? o.r : o.b;
    if (!(oa < b - EPS && ob > a + EPS)) continue;
    const olo = horizontal ? o.t : o.l;
    const ohi = horizontal ? o.b : o.r;
    if (ohi <= pos + EPS) lo = Math.max(lo, ohi);
    else if (olo >= pos - EPS) hi = Math.min(hi, olo);
    else {
      lo = hi = pos;
      break;
    }
  }
  // A first or last segment slides its end along the side of its box, away from the corners.
  const side = (bx: Box) => {
    const from = horizontal ? bx.t : bx.l;
    const to = horizontal ? bx.b : bx.r;
    const m = Math.min(8, (to - from) / 2);
    lo = Math.max(lo, Math.min(from + m, pos));
    hi = Math.min(hi, Math.max(to - m, pos));
  };
  if (seg.first) side(r.source);
  if (seg.last) side(r.target);
  seg.lo = Math.min(lo, pos);
  seg.hi = Math.max(hi, pos);
}

/**
 * Order of two segments at the same place: the one that reaches further past the other's end
 * goes on the side away from where the other turns, so the two do not cross there.
 */
function compare(x: Seg, y: Seg): number {
  if (Math.abs(x.pos - y.pos) > EPS) return x.pos - y.pos;
  if (Math.abs(x.a - y.a) > EPS) {
    const [other, sign] = x.a < y.a ? [y, -1] : [x, 1];
    if (other.turnA !== 0) return other.turnA < 0 ? -sign : sign;
  } else if (x.turnA !== y.turnA) return x.turnA - y.turnA;
  if (Math.abs(x.b - y.b) > EPS) {
    const [other, sign] = x.b > y.b ? [y, -1] : [x, 1];
    if (other.turnB !== 0) return other.turnB < 0 ? -sign : sign;
  } else if (x.turnB !== y.turnB) return x.turnB - y.turnB;
  return x.route - y.route || x.k - y.k;
}

/**
 * Positions for segments in this order, each within its room, consecutive ones at least the
 * spacing apart, as near their current places as the pool-adjacent-violators fit gives. When
 * that does not fit, the spacing and the clearance shrink together until it does.
 */
function place(ms: Seg[], opts: NudgeOptions): { at: number[]; squeezed: boolean } {
  const n = ms.length;
  const attempt = (t: number): number[] | null => {
    const s = opts.spacing * t;
    const c = opts.clearance * t;
    // q_i = p_i − i·s turns the spacing into q being non-decreasing.
    const want = ms.map((m, i) => m.pos - i * s);
    const q = isotonic(want);
    const lo = ms.map((m, i) => Math.min(m.lo + c, m.pos) - i * s);
    const hi = ms.map((m, i) => Math.max(m.hi - c, m.pos) - i * s);
    for (let i = 0; i < n; i++) q[i] = Math.max(q[i]!, lo[i]!, i > 0 ? q[i - 1]! : -Infinity);
    for (let i = n - 1; i >= 0; i--) q[i] = Math.min(q[i]!, hi[i]!, i + 1 < n ? q[i + 1]! : Infinity);
    for (let i = 0; i < n; i++) if (q[i]! < lo[i]! - EPS || (i > 0 && q[i]! < q[i - 1]! - EPS)) return null;
    return q.map((v, i) => v + i * s);
  };
  const full = attempt(1);
  if (full) return { at: full, squeezed: false };
  let lo = 0;
  let hi = 1;
  let best = attempt(0) ?? ms.map((m) => m.pos);
  for (let it = 0; it < 16; it++) {
    const mid = (lo + hi) / 2;
    const got = attempt(mid);
    if (got) {
      best = got;
      lo = mid;
    } else hi = mid;
  }
  return { at: best, squeezed: true };
}

/** Least-squares non-decreasing fit (pool adjacent violators). */
function isotonic(v: number[]): number[] {
  const val: number[] = [];
  const cnt: number[] = [];
  for (const x of v) {
    val.push(x);
    cnt.push(1);
    while (val.length >= 2 && val[val.length - 2]! > val[val.length - 1]!) {
      const c = cnt.pop()!;
      const x2 = val.pop()!;
      const c1 = cnt[cnt.length - 1]!;
      val[val.length - 1] = (val[val.length - 1]! * c1 + x2 * c) / (c1 + c);
      cnt[cnt.length - 1] = c1 + c;
    }
  }
  const out: number[] = [];
  val.forEach((x, i) => {
    for (let k = 0; k < cnt[i]!; k++) out.push(x);
  });
  return out;
}
