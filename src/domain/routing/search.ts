/**
 * The search for one edge's route: an orthogonal grid over the boxes in a window, A* over
 * (grid point, heading) with a penalty per bend.
 *
 * The grid's lines run midway between consecutive box sides (so a route keeps the middle of a
 * gap between boxes), plus the sides of the two end boxes, along which a route never runs: it
 * only starts or ends on them, leaving or entering perpendicularly. Because there is a line
 * between any two sides of a box, a step between neighbouring grid points crosses a box's inside
 * exactly when one of the two points is strictly inside it, so blocking is a per-point flag.
 */
import type { Point } from "../document.ts";
import type { Box } from "./box.ts";

export interface SearchEnd {
  box: Box;
  /** The route runs inside this box (it holds the other end): start or end on its inner side. */
  inner: boolean;
}

export interface SearchOptions {
  /** Cost of one bend, in px of length. */
  bend: number;
  /** Stop after this many expanded states (a guard; the window is then widened or given up). */
  maxStates: number;
}

// Headings: 0 = +x, 1 = −x, 2 = +y, 3 = −y; the reverse of d is d ^ 1.
const DX = [1, -1, 0, 0] as const;
const DY = [0, 0, 1, -1] as const;

interface Lines {
  at: Float64Array;
  travel: Uint8Array;
  /** Cost per px along the line: above 1 for a line in a gap narrower than {@link NARROW}. */
  weight: Float64Array;
  n: number;
}

/**
 * Gaps narrower than this (px between the box sides a line runs between) cost more to run
 * along, up to 2× at a 4 px gap: a route takes a narrow gap (such as the 4.5 px between a band
 * and the children above it) only when it saves a real detour, which leaves such gaps to the
 * edges that need them.
 */
const NARROW = 12;

/** Midlines between the distinct coordinates, plus the terminal coordinates themselves. */
function lines(coords: number[], terminals: readonly number[], lo: number, hi: number): Lines {
  coords.sort((a, b) => a - b);
  const at: number[] = [];
  const travel: number[] = [];
  const weight: number[] = [];
  let prev = NaN;
  const uniq: number[] = [];
  for (const c of coords) {
    if (c < lo || c > hi || c === prev) continue;
    uniq.push(c);
    prev = c;
  }
  for (let k = 0; k < uniq.length; k++) {
    const c = uniq[k]!;
    if (terminals.includes(c)) {
      at.push(c);
      travel.push(0);
      weight.push(1);
    }
    if (k + 1 < uniq.length) {
      const gap = uniq[k + 1]! - c;
      at.push((c + uniq[k + 1]!) / 2);
      travel.push(1);
      weight.push(gap >= NARROW ? 1 : 1 + Math.min(1, (NARROW - gap) / (NARROW - 4)));
    }
  }
  return {
    at: Float64Array.from(at),
    travel: Uint8Array.from(travel),
    weight: Float64Array.from(weight),
    n: at.length,
  };
}

/** First index whose line is > v. */
function above(l: Lines, v: number): number {
  let lo = 0;
  let hi = l.n;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (l.at[m]! > v) hi = m;
    else lo = m + 1;
  }
  return lo;
}
/** Last index whose line is < v. */
function below(l: Lines, v: number): number {
  let lo = 0;
  let hi = l.n;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (l.at[m]! < v) lo = m + 1;
    else hi = m;
  }
  return lo - 1;
}
function indexOf(l: Lines, v: number): number {
  const i = above(l, v) - 1;
  return i >= 0 && l.at[i] === v ? i : -1;
}

// Buffers reused across searches (the router is synchronous and single-threaded).
let pointCap = 0;
let blocked = new Uint8Array(0);
let startDir = new Int8Array(0);
let endDir = new Int8Array(0);
let startCost = new Float64Array(0);
let endCost = new Float64Array(0);
let diff = new Int32Array(0);
let acc = new Int32Array(0);

function ensurePoints(n: number, nx: number, ny: number): void {
  if (n > pointCap) {
    pointCap = Math.max(n, pointCap * 2);
    blocked = new Uint8Array(pointCap);
    startDir = new Int8Array(pointCap);
    endDir = new Int8Array(pointCap);
    startCost = new Float64Array(pointCap);
    endCost = new Float64Array(pointCap);
  }
  const d = (nx + 1) * (ny + 1);
  if (d > diff.length) diff = new Int32Array(Math.max(d, diff.length * 2));
  if (nx > acc.length) acc = new Int32Array(Math.max(nx, acc.length * 2));
  diff.fill(0, 0, d);
  acc.fill(0, 0, nx);
  startDir.fill(-1, 0, n);
  endDir.fill(-1, 0, n);
}

let cap = 0;
let gScore = new Float64Array(0);
let parent = new Int32Array(0);
let stamp = new Uint32Array(0);
let closed = new Uint32Array(0);
let generation = 0;
let heapF = new Float64Array(1024);
let heapS = new Int32Array(1024);

function ensure(states: number): void {
  if (states <= cap) return;
  cap = Math.max(states, cap * 2);
  gScore = new Float64Array(cap);
  parent = new Int32Array(cap);
  stamp = new Uint32Array(cap);
  closed = new Uint32Array(cap);
  generation = 0;
}

/** Statistics of the last search, for the bench. */
export const searchStats = { grids: 0, points: 0, expanded: 0 };

/**
 * The cheapest orthogonal route from the source's sides to the target's sides inside `win`,
 * avoiding the inside of every obstacle, or null when there is none in this window.
 */
export function search(
  win: Box,
  obstacles: readonly Box[],
  s: SearchEnd,
  t: SearchEnd,
  opts: SearchOptions,
): Point[] | null {
  const xs: number[] = [win.l, win.r, s.box.l, s.box.r, t.box.l, t.box.r];
  const ys: number[] = [win.t, win.b, s.box.t, s.box.b, t.box.t, t.box.b];
  const inWin: Box[] = [];
  for (const o of obstacles) {
    if (o.r <= win.l || o.l >= win.r || o.b <= win.t || o.t >= win.b) continue;
    inWin.push(o);
    xs.push(o.l, o.r);
    ys.push(o.t, o.b);
  }
  const X = lines(xs, [s.box.l, s.box.r, t.box.l, t.box.r], win.l, win.r);
  const Y = lines(ys, [s.box.t, s.box.b, t.box.t, t.box.b], win.t, win.b);
  const nx = X.n;
  const ny = Y.n;
  const n = nx * ny;
  if (n === 0) return null;
  searchStats.grids++;
  searchStats.points += n;

  ensurePoints(n, nx, ny);
  // Blocked points: strictly inside an obstacle (a 2-D difference array, then prefix sums).
  const w = nx + 1;
  for (const o of inWin) {
    const i0 = above(X, o.l);
    const i1 = below(X, o.r);
    const j0 = above(Y, o.t);
    const j1 = below(Y, o.b);
    if (i0 > i1 || j0 > j1) continue;
    diff[j0 * w + i0]!++;
    diff[j0 * w + i1 + 1]!--;
    diff[(j1 + 1) * w + i0]!--;
    diff[(j1 + 1) * w + i1 + 1]!++;
  }
  prefixBlocked(nx, ny);

  // Ends: grid points on the sides of the end boxes, with the heading a route leaves or enters by.
  const mark = (end: SearchEnd, dirs: Int8Array, costs: Float64Array, leaving: boolean): number => {
    const b = end.box;
    let count = 0;
    const sides: Array<[Lines, number, Lines, number, number, number]> = [
      // [line set of the side, side coordinate, cross lines, from, to, outward heading]
      [X, b.r, Y, b.t, b.b, 0],
      [X, b.l, Y, b.t, b.b, 1],
      [Y, b.b, X, b.l, b.r, 2],
      [Y, b.t, X, b.l, b.r, 3],
    ];
    for (const [L, at, C, from, to, out] of sides) {
      const li = indexOf(L, at);
      if (li < 0) continue;
      const len = to - from;
      const margin = Math.min(8, len / 2);
      const mid = (from + to) / 2;
      const c0 = above(C, from);
      const c1 = below(C, to);
      // Prefer points away from the corners; near them only when nothing else is there.
      let any = false;
      for (let pass = 0; pass < 2 && !any; pass++) {
        for (let c = c0; c <= c1; c++) {
          if (!C.travel[c]) continue;
          const v = C.at[c]!;
          if (pass === 0 && (v < from + margin || v > to - margin)) continue;
          const k = L === X ? c * nx + li : li * nx + c;
          if (blocked[k]) continue;
          // Leaving an outer box: its outward heading; an inner one: inward. Entering: reversed.
          const outward = end.inner ? out ^ 1 : out;
          dirs[k] = leaving ? outward : outward ^ 1;
          costs[k] = 0.25 * Math.abs(v - mid);
          any = true;
          count++;
        }
      }
    }
    return count;
  };
  if (mark(s, startDir, startCost, true) === 0) return null;
  if (mark(t, endDir, endCost, false) === 0) return null;

  const tb = t.box;
  const heuristic = (x: number, y: number): number => {
    if (t.inner) return Math.max(0, Math.min(x - tb.l, tb.r - x, y - tb.t, tb.b - y));
    return Math.max(tb.l - x, 0, x - tb.r) + Math.max(tb.t - y, 0, y - tb.b);
  };

  ensure(n * 4);
  generation++;
  if (generation === 0xffffffff) {
    stamp.fill(0);
    closed.fill(0);
    generation = 1;
  }
  const gen = generation;
  let size = 0;
  const push = (f: number, st: number) => {
    if (size === heapF.length) {
      const nf = new Float64Array(size * 2);
      nf.set(heapF);
      heapF = nf;
      const ns = new Int32Array(size * 2);
      ns.set(heapS);
      heapS = ns;
    }
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heapF[p]! <= f) break;
      heapF[i] = heapF[p]!;
      heapS[i] = heapS[p]!;
      i = p;
    }
    heapF[i] = f;
    heapS[i] = st;
  };
  const pop = (): number => {
    const top = heapS[0]!;
    const lastF = heapF[--size]!;
    const lastS = heapS[size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heapF[c + 1]! < heapF[c]!) c++;
      if (heapF[c]! >= lastF) break;
      heapF[i] = heapF[c]!;
      heapS[i] = heapS[c]!;
      i = c;
    }
    heapF[i] = lastF;
    heapS[i] = lastS;
    return top;
  };

  for (let k = 0; k < n; k++) {
    const d = startDir[k]!;
    if (d < 0) continue;
    const st = k * 4 + d;
    stamp[st] = gen;
    gScore[st] = startCost[k]!;
    parent[st] = -1;
    push(startCost[k]! + heuristic(X.at[k % nx]!, Y.at[(k / nx) | 0]!), st);
  }

  let found = -1;
  let expanded = 0;
  while (size > 0) {
    const st = pop();
    if (closed[st] === gen) continue;
    closed[st] = gen;
    const k = st >> 2;
    const d = st & 3;
    if (parent[st] !== -1 && endDir[k] === d) {
      found = st;
      break;
    }
    if (++expanded > opts.maxStates) break;
    const i = k % nx;
    const j = (k / nx) | 0;
    const g = gScore[st]!;
    for (let nd = 0; nd < 4; nd++) {
      if (nd === (d ^ 1)) continue;
      let ni = i;
      let nj = j;
      if (nd < 2) {
        if (!Y.travel[j]) continue;
        ni += DX[nd]!;
        if (ni < 0 || ni >= nx) continue;
      } else {
        if (!X.travel[i]) continue;
        nj += DY[nd]!;
        if (nj < 0 || nj >= ny) continue;
      }
      const nk = nj * nx + ni;
      if (blocked[nk]) continue;
      const ed = endDir[nk]!;
      // An end point is entered only by its own heading.
      if (ed >= 0 && ed !== nd) continue;
      const step =
        nd < 2
          ? Math.abs(X.at[ni]! - X.at[i]!) * Y.weight[j]!
          : Math.abs(Y.at[nj]! - Y.at[j]!) * X.weight[i]!;
      let cost = g + step + (nd !== d ? opts.bend : 0);
      if (ed >= 0) cost += endCost[nk]!;
      const ns = nk * 4 + nd;
      if (closed[ns] === gen) continue;
      if (stamp[ns] === gen && gScore[ns]! <= cost) continue;
      stamp[ns] = gen;
      gScore[ns] = cost;
      parent[ns] = st;
      push(cost + heuristic(X.at[ni]!, Y.at[nj]!), ns);
    }
  }
  searchStats.expanded += expanded;
  if (found < 0) return null;

  const pts: Point[] = [];
  for (let st = found; st !== -1; st = parent[st]!) {
    const k = st >> 2;
    pts.push({ x: X.at[k % nx]!, y: Y.at[(k / nx) | 0]! });
  }
  pts.reverse();
  return simplify(pts);
}

/** `blocked[j][i]` = whether the 2-D prefix sum of `diff` at (i, j) is positive (inside an obstacle). */
function prefixBlocked(nx: number, ny: number): void {
  const w = nx + 1;
  const out = blocked;
  // acc[i] = Σ over rows ≤ j of that row's prefix up to i = the 2-D prefix sum at (i, j).
  for (let j = 0; j < ny; j++) {
    let run = 0;
    for (let i = 0; i < nx; i++) {
      run += diff[j * w + i]!;
      acc[i]! += run;
      out[j * nx + i] = acc[i]! > 0 ? 1 : 0;
    }
  }
}

/** Drops repeated points and the middle point of every three on one line. */
export function simplify(pts: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last !== undefined && last.x === p.x && last.y === p.y) continue;
    if (out.length >= 2) {
      const a = out[out.length - 2]!;
      const b = out[out.length - 1]!;
      if ((a.x === b.x && b.x === p.x) || (a.y === b.y && b.y === p.y)) {
        out[out.length - 1] = p;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}
