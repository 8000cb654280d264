/**
 * Siblings in rows: how many rows a parent's children take, which child goes where, and where
 * each one stands. Pure arithmetic over arrays; the same code places the children of a box and
 * the root trees on the canvas.
 *
 * - Rows go top to bottom; in each, children stand side by side from the left, bottom-aligned on
 *   the row's ground line, so the last row stands on its parent's floor (a stack node's band).
 * - The number of rows brings the box closest to {@link LAYOUT.aspect.target}; a box of more
 *   than {@link LAYOUT.aspect.smallRow} children is never wider than
 *   {@link LAYOUT.aspect.maxBox} times its height when some row count allows it. Up to that many
 *   children stay in one row while that row is no wider than `rowLimit` times its height (the
 *   classic figure: three containers side by side on their engine).
 * - Children are ordered by their connections ({@link orderChildren}): a greedy order that puts
 *   each next child beside what it is most connected to, then swaps that shorten the edges or
 *   remove crossings, within a fixed budget of tries.
 *
 * Every tie is broken by the children's canonical order, and only exact arithmetic on the sizes
 * decides (no square roots): the same input places the same way on every machine.
 */
import { LAYOUT } from "./constants.ts";
import type { Link } from "./graph.ts";

export interface Box {
  width: number;
  height: number;
}

/** Room around the rows and between children. */
export interface RowFrame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  gap: number;
  /** The box is never narrower than this (its label), whatever its rows. */
  minWidth: number;
  /** The row whose gap above is {@link splitGap} instead of `gap` (a shelf's first row). */
  splitRow?: number;
  splitGap?: number;
}

/** The gap above row `r` (r ≥ 1). */
const gapAbove = (frame: RowFrame, r: number): number =>
  r === frame.splitRow && frame.splitGap !== undefined ? frame.splitGap : frame.gap;

/** Children per row, top row first. */
export type Counts = readonly number[];

/** `n` children in `r` rows, as even as can be, the longer rows first. */
export function countsFor(n: number, r: number): number[] {
  const rows = Math.max(1, Math.min(n, r));
  const base = Math.floor(n / rows);
  const extra = n % rows;
  const out: number[] = [];
  for (let i = 0; i < rows; i++) out.push(base + (i < extra ? 1 : 0));
  return out;
}

/** Where each child stands (its top-left corner, in the parent) and how big the parent is. */
export interface Placement {
  x: number[];
  y: number[];
  width: number;
  height: number;
}

/** Places `boxes` (in slot order) in rows of `counts` inside `frame`. */
export function placeInRows(boxes: readonly Box[], counts: Counts, frame: RowFrame): Placement {
  const x: number[] = new Array<number>(boxes.length);
  const y: number[] = new Array<number>(boxes.length);
  let top = frame.top;
  let maxRight = frame.left;
  let k = 0;
  for (let r = 0; r < counts.length; r++) {
    const c = counts[r]!;
    let rowH = 0;
    for (let i = 0; i < c; i++) rowH = Math.max(rowH, boxes[k + i]!.height);
    let left = frame.left;
    for (let i = 0; i < c; i++) {
      const b = boxes[k + i]!;
      x[k + i] = left;
      y[k + i] = top + rowH - b.height;
      left += b.width + frame.gap;
    }
    if (c > 0) maxRight = Math.max(maxRight, left - frame.gap);
    top += rowH + (r < counts.length - 1 ? gapAbove(frame, r + 1) : 0);
    k += c;
  }
  return {
    x,
    y,
    width: Math.max(frame.minWidth, maxRight + frame.right),
    height: top + frame.bottom,
  };
}

/** The outer size of rows of `counts`, without placing anything. */
export function sizeOf(boxes: readonly Box[], counts: Counts, frame: RowFrame): Box {
  let w = 0;
  let h = 0;
  let k = 0;
  for (let r = 0; r < counts.length; r++) {
    const c = counts[r]!;
    let rowW = 0;
    let rowH = 0;
    for (let i = 0; i < c; i++) {
      const b = boxes[k + i]!;
      rowW += b.width + (i > 0 ? frame.gap : 0);
      rowH = Math.max(rowH, b.height);
    }
    w = Math.max(w, rowW);
    h += rowH + (r > 0 ? gapAbove(frame, r) : 0);
    k += c;
  }
  return {
    width: Math.max(frame.minWidth, frame.left + w + frame.right),
    height: frame.top + h + frame.bottom,
  };
}

/** How far an aspect ratio is from the target, as a factor ≥ 1 (no logarithms: exact). */
export function offTarget(width: number, height: number, target: number): number {
  const a = width / height;
  return a >= target ? a / target : target / a;
}

/** What a pass learns about its choices, to know whether a stricter pass would differ. */
export interface RowStats {
  /** The widest aspect of a classic row kept only because the row limit allowed it (0: none). */
  classicMax: number;
}

/** Row counts tried exhaustively up to this many children; past it, a bisection. */
const EXHAUSTIVE = 64;

/**
 * The rows for `boxes` (in slot order): one row for up to {@link LAYOUT.aspect.smallRow}
 * children while it is at most `rowLimit` times wider than tall, else the row count whose box
 * is closest to the target aspect among those no wider than twice their height (when more than
 * three children; when no count achieves that, the narrowest).
 */
export function chooseRows(
  boxes: readonly Box[],
  frame: RowFrame,
  rowLimit: number,
  stats?: RowStats,
): number[] {
  const n = boxes.length;
  if (n <= 1) return [n];
  const { target, maxBox, smallRow } = LAYOUT.aspect;
  if (n <= smallRow) {
    const one = sizeOf(boxes, [n], frame);
    if (one.width <= rowLimit * one.height) {
      // Kept as one row by the limit: a stricter limit below this aspect would change it.
      if (stats !== undefined && n > 1 && one.width > target * one.height)
        stats.classicMax = Math.max(stats.classicMax, one.width / one.height);
      return [n];
    }
  }
  const hard = n > smallRow;
  let best: number[] | undefined;
  let bestOff = Infinity;
  let bestOk = false;
  let bestAspect = Infinity;
  const consider = (r: number): void => {
    const counts = countsFor(n, r);
    const s = sizeOf(boxes, counts, frame);
    const ok = !hard || s.width <= maxBox * s.height;
    const off = offTarget(s.width, s.height, target);
    const aspect = s.width / s.height;
    // Prefer boxes that keep the hard bound; among them the closest to the target; ties: fewer rows.
    if (
      best === undefined ||
      (ok && !bestOk) ||
      (ok === bestOk && (ok ? off < bestOff : aspect < bestAspect))
    ) {
      best = counts;
      bestOff = off;
      bestOk = ok;
      bestAspect = aspect;
    }
  };
  if (n <= EXHAUSTIVE) {
    for (let r = 1; r <= n; r++) consider(r);
    return best!;
  }
  // Many children: the box gets taller and narrower with more rows, so bisect for the row
  // count where it crosses the target, then look around it.
  let lo = 1;
  let hi = n;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const s = sizeOf(boxes, countsFor(n, mid), frame);
    if (s.width / s.height > target) lo = mid;
    else hi = mid;
  }
  for (let r = Math.max(1, lo - 2); r <= Math.min(n, hi + 2); r++) consider(r);
  return best!;
}

// ---------------------------------------------------------------------------------------------
// Ordering by connections

/** What a crossing of two edges costs, in pixels of edge length. */
const CROSSING_COST = 160;
/**
 * Swap search: a fixed budget of work per parent (links looked at), not a clock, so the result
 * never depends on the machine's speed. Enough for a few passes over every pair of a few dozen
 * linked children; a bigger parent keeps the best order found within it.
 */
const WORK_BUDGET = 300_000;
/** Swap search: every pair is tried up to this many children; past it, each linked child tries the slots nearest to what it is linked to. */
const ALL_PAIRS = 24;
const NEAR_SLOTS = 12;
/** Swap search: at most this many passes over the pairs. */
const SWAP_PASSES = 8;
/** A swap must gain more than this (sums of fractional weights round). */
const EPSILON = 1e-6;
/** Crossings are counted while the parent has at most this many direct links. */
const MAX_CROSSING_LINKS = 200;

/**
 * A first order of the children: connected groups first (the largest first, then by their first
 * child in canonical order), each grown greedily — start from its most connected child, then
 * always take the child most strongly tied to those already taken (ties: tied to the latest
 * taken, then canonical order) — and unconnected children last, in canonical order. Returns
 * indices into `n` children listed in canonical order.
 */
export function greedyOrder(n: number, links: readonly Link[]): number[] {
  const adj: { to: number; w: number }[][] = Array.from({ length: n }, () => []);
  const degree = new Float64Array(n);
  for (const l of links) {
    adj[l.a]!.push({ to: l.b, w: l.weight });
    adj[l.b]!.push({ to: l.a, w: l.weight });
    degree[l.a] = degree[l.a]! + l.weight;
    degree[l.b] = degree[l.b]! + l.weight;
  }
  // Connected groups.
  const group = new Int32Array(n).fill(-1);
  const groups: number[][] = [];
  for (let s = 0; s < n; s++) {
    if (group[s] !== -1 || adj[s]!.length === 0) continue;
    const members = [s];
    group[s] = groups.length;
    for (let i = 0; i < members.length; i++)
      for (const { to } of adj[members[i]!]!)
        if (group[to] === -1) {
          group[to] = groups.length;
          members.push(to);
        }
    members.sort((p, q) => p - q);
    groups.push(members);
  }
  groups.sort((g, h) => h.length - g.length || g[0]! - h[0]!);
  const out: number[] = [];
  const taken = new Uint8Array(n);
  const tie = new Float64Array(n);
  const last = new Int32Array(n).fill(-1);
  for (const members of groups) {
    let start = members[0]!;
    for (const m of members) if (degree[m]! > degree[start]!) start = m;
    const take = (v: number): void => {
      taken[v] = 1;
      const at = out.length;
      out.push(v);
      for (const { to, w } of adj[v]!)
        if (!taken[to]) {
          tie[to] = tie[to]! + w;
          last[to] = at;
        }
    };
    take(start);
    for (let k = 1; k < members.length; k++) {
      let pick = -1;
      for (const m of members) {
        if (taken[m] || last[m] === -1) continue;
        if (
          pick === -1 ||
          tie[m]! > tie[pick]! ||
          (tie[m] === tie[pick] && (last[m]! > last[pick]! || (last[m] === last[pick] && m < pick)))
        )
          pick = m;
      }
      take(pick);
    }
  }
  for (let v = 0; v < n; v++) if (!taken[v]) out.push(v);
  return out;
}

function side(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return Math.sign((bx - ax) * (py - ay) - (by - ay) * (px - ax));
}

export interface OrderedRows {
  /** Children (indices into the canonical list) in slot order. */
  order: number[];
  counts: number[];
  place: Placement;
}

export interface RowOptions {
  /** One row for a few children while it is at most this many times wider than tall. */
  rowLimit: number;
  stats?: RowStats;
  /** Order by the links; false: canonical order (for measuring what the ordering gains). */
  connect: boolean;
  /** The rows for the boxes in their first order, instead of {@link chooseRows} (a box that also holds a shelf). */
  chooseCounts?: (boxes: readonly Box[]) => number[];
  /**
   * A class per child (indices of the canonical list): children of a lower class take the first
   * slots, and children of different classes never swap (a shelf's volumes stay on the shelf).
   */
  classes?: readonly number[];
  /** Further first orders the swaps start from (each keeping the classes' slots); the cheapest result wins. */
  starts?: readonly (readonly number[])[];
}

/**
 * The cost of an arrangement — the weighted Manhattan length of the links between centres, plus
 * {@link CROSSING_COST} per crossing of two direct links — and the part of it that involves a
 * few children, so that a swap is judged by what it changes.
 */
class Arrangement {
  readonly cx: Float64Array;
  readonly cy: Float64Array;
  private readonly direct: Link[];
  /** Per child: its links (indices into `links`), and its direct links (into `direct`). */
  private readonly incident: number[][];
  private readonly incidentDirect: number[][];
  readonly crossings: boolean;
  /** Marks for {@link local}: a link is in the current set when its mark is the current stamp. */
  private readonly mark: Int32Array;
  private readonly markDirect: Int32Array;
  private stamp = 0;

  constructor(
    private readonly links: readonly Link[],
    n: number,
  ) {
    this.cx = new Float64Array(n);
    this.cy = new Float64Array(n);
    this.direct = links.filter((l) => l.direct);
    this.crossings = this.direct.length <= MAX_CROSSING_LINKS;
    this.incident = Array.from({ length: n }, () => []);
    this.incidentDirect = Array.from({ length: n }, () => []);
    links.forEach((l, i) => {
      this.incident[l.a]!.push(i);
      this.incident[l.b]!.push(i);
    });
    this.direct.forEach((l, i) => {
      this.incidentDirect[l.a]!.push(i);
      this.incidentDirect[l.b]!.push(i);
    });
    this.mark = new Int32Array(links.length);
    this.markDirect = new Int32Array(this.direct.length);
  }

  /** Centres of the children at `place`, `order` giving the child in each slot. */
  setPlacement(order: readonly number[], boxes: readonly Box[], place: Placement): void {
    order.forEach((child, s) => {
      this.cx[child] = place.x[s]! + boxes[child]!.width / 2;
      this.cy[child] = place.y[s]! + boxes[child]!.height / 2;
    });
  }

  /**
   * The `k` slots whose children's centres are nearest (Manhattan) to the weighted middle of
   * `child`'s links: where a swap could bring it closer to what it is tied to. Ties: lower slot.
   */
  nearSlots(child: number, order: readonly number[], k: number): number[] {
    let sx = 0;
    let sy = 0;
    let sw = 0;
    for (const i of this.incident[child]!) {
      const l = this.links[i]!;
      const o = l.a === child ? l.b : l.a;
      sx += l.weight * this.cx[o]!;
      sy += l.weight * this.cy[o]!;
      sw += l.weight;
    }
    const mx = sx / sw;
    const my = sy / sw;
    const best: number[] = [];
    const dist: number[] = [];
    for (let t = 0; t < order.length; t++) {
      const c = order[t]!;
      if (c === child) continue;
      const d = Math.abs(this.cx[c]! - mx) + Math.abs(this.cy[c]! - my);
      if (best.length === k && d >= dist[k - 1]!) continue;
      // Insert in order of distance (a later slot after an equal one), dropping the farthest.
      let at = best.length < k ? best.length : k - 1;
      while (at > 0 && dist[at - 1]! > d) {
        best[at] = best[at - 1]!;
        dist[at] = dist[at - 1]!;
        at--;
      }
      best[at] = t;
      dist[at] = d;
    }
    return best;
  }

  /** True when the child has any link. */
  linked(child: number): boolean {
    return this.incident[child]!.length > 0;
  }

  private length(l: Link): number {
    return l.weight * (Math.abs(this.cx[l.a]! - this.cx[l.b]!) + Math.abs(this.cy[l.a]! - this.cy[l.b]!));
  }

  private cross(p: Link, q: Link): boolean {
    if (q.a === p.a || q.a === p.b || q.b === p.a || q.b === p.b) return false;
    const { cx, cy } = this;
    const ax = cx[p.a]!;
    const ay = cy[p.a]!;
    const bx = cx[p.b]!;
    const by = cy[p.b]!;
    const qx = cx[q.a]!;
    const qy = cy[q.a]!;
    const rx = cx[q.b]!;
    const ry = cy[q.b]!;
    // Segments whose bounding boxes are apart cannot cross.
    if (Math.max(ax, bx) < Math.min(qx, rx) || Math.max(qx, rx) < Math.min(ax, bx)) return false;
    if (Math.max(ay, by) < Math.min(qy, ry) || Math.max(qy, ry) < Math.min(ay, by)) return false;
    return (
      side(ax, ay, bx, by, qx, qy) * side(ax, ay, bx, by, rx, ry) < 0 &&
      side(qx, qy, rx, ry, ax, ay) * side(qx, qy, rx, ry, bx, by) < 0
    );
  }

  /** The whole cost, and the work it took (links looked at). */
  total(): { cost: number; work: number } {
    let cost = 0;
    for (const l of this.links) cost += this.length(l);
    let work = this.links.length;
    if (this.crossings) {
      const d = this.direct;
      for (let i = 0; i < d.length; i++)
        for (let j = i + 1; j < d.length; j++) if (this.cross(d[i]!, d[j]!)) cost += CROSSING_COST;
      work += (d.length * (d.length - 1)) / 2;
    }
    return { cost, work };
  }

  /**
   * The part of the cost that involves `children`: the lengths of their links and the crossings
   * of their direct links with any direct link (each link and each crossing once).
   */
  local(children: readonly number[]): { cost: number; work: number } {
    const stamp = ++this.stamp;
    let cost = 0;
    let work = 0;
    const mine: number[] = [];
    for (const c of children) {
      for (const i of this.incident[c]!) {
        work++;
        if (this.mark[i] === stamp) continue;
        this.mark[i] = stamp;
        cost += this.length(this.links[i]!);
      }
      if (this.crossings)
        for (const i of this.incidentDirect[c]!) {
          if (this.markDirect[i] === stamp) continue;
          this.markDirect[i] = stamp;
          mine.push(i);
        }
    }
    if (mine.length > 0) {
      const d = this.direct;
      for (const i of mine) {
        const p = d[i]!;
        for (let j = 0; j < d.length; j++) {
          // A crossing of two of mine is counted from the lower one.
          if (j === i || (this.markDirect[j] === stamp && j < i)) continue;
          if (this.cross(p, d[j]!)) cost += CROSSING_COST;
        }
      }
      work += mine.length * d.length;
    }
    return { cost, work };
  }
}

/**
 * Orders and places children (given in canonical order, with their sizes and links): the rows
 * are chosen for the greedy order; then, from the greedy order and from the canonical one in
 * turn, pairs of children swap places while that lowers the cost without making the box bigger.
 * The cheaper result wins (the greedy one on a tie).
 */
export function orderAndPlace(
  boxes: readonly Box[],
  links: readonly Link[],
  frame: RowFrame,
  opts: RowOptions,
): OrderedRows {
  const n = boxes.length;
  const identity = Array.from({ length: n }, (_, i) => i);
  const classes = opts.classes;
  const byClass = (o: number[]): number[] =>
    classes === undefined ? o : o.slice().sort((p, q) => classes[p]! - classes[q]!);
  const first = byClass(opts.connect && links.length > 0 ? greedyOrder(n, links) : identity);
  const counts =
    opts.chooseCounts !== undefined
      ? opts.chooseCounts(first.map((i) => boxes[i]!))
      : chooseRows(
          first.map((i) => boxes[i]!),
          frame,
          opts.rowLimit,
          opts.stats,
        );
  if (!opts.connect || links.length === 0 || n < 2)
    return {
      order: first,
      counts,
      place: placeInRows(
        first.map((i) => boxes[i]!),
        counts,
        frame,
      ),
    };
  // Without a bound the start always fits itself.
  const a = improve(first, counts, boxes, links, frame, undefined, classes)!;
  const b = improve(byClass(identity), counts, boxes, links, frame, a.place, classes);
  let best = b !== undefined && b.cost < a.cost - EPSILON ? b : a;
  for (const start of opts.starts ?? []) {
    const c = improve(byClass(start.slice()), counts, boxes, links, frame, a.place, classes);
    if (c !== undefined && c.cost < best.cost - EPSILON) best = c;
  }
  return { order: tidyUnlinked(best.order, boxes, links, classes), counts, place: best.place };
}

/**
 * Swaps leave the children nothing links in any order; put them back in canonical order over
 * the slots they hold, among children of one size (so nothing else moves and the cost stays).
 */
function tidyUnlinked(
  order: number[],
  boxes: readonly Box[],
  links: readonly Link[],
  classes?: readonly number[],
): number[] {
  const linked = new Uint8Array(order.length);
  for (const l of links) linked[l.a] = linked[l.b] = 1;
  const bySize = new Map<string, number[]>();
  order.forEach((child, slot) => {
    if (linked[child]) return;
    const key = `${classes?.[child] ?? 0}:${boxes[child]!.width}x${boxes[child]!.height}`;
    const slots = bySize.get(key);
    if (slots === undefined) bySize.set(key, [slot]);
    else slots.push(slot);
  });
  const out = order.slice();
  for (const slots of bySize.values()) {
    const kids = slots.map((s) => order[s]!).sort((p, q) => p - q);
    slots.forEach((s, i) => (out[s] = kids[i]!));
  }
  return out;
}

/**
 * Swaps pairs of children while that lowers the cost, within {@link WORK_BUDGET}. No swap may
 * make the box wider or taller than it started (or than `bound`, when given: a start that
 * begins bigger than the bound gives nothing), nor break the 2:1 bound it kept. A swap is judged by the part of the cost that
 * involves the children it moves: the two, or — when their sizes differ — every child whose
 * centre moved with the rows.
 */
function improve(
  order: number[],
  counts: Counts,
  boxes: readonly Box[],
  links: readonly Link[],
  frame: RowFrame,
  bound: Placement | undefined,
  classes?: readonly number[],
): { order: number[]; place: Placement; cost: number } | undefined {
  const n = order.length;
  const inSlots = (o: readonly number[]): Box[] => o.map((i) => boxes[i]!);
  let place = placeInRows(inSlots(order), counts, frame);
  const maxW = bound?.width ?? place.width;
  const maxH = bound?.height ?? place.height;
  if (place.width > maxW || place.height > maxH) return undefined;
  // A box that keeps the 2:1 bound keeps it through every swap.
  const { maxBox, smallRow } = LAYOUT.aspect;
  const bounded = n > smallRow && place.width <= maxBox * place.height;
  if (bound !== undefined && n > smallRow && bound.width <= maxBox * bound.height && !bounded)
    return undefined;
  const arr = new Arrangement(links, n);
  arr.setPlacement(order, boxes, place);
  let { cost: best, work } = arr.total();
  // Slots of linked children: a swap moves at least one of them.
  const linkedSlots = (): number[] => {
    const out: number[] = [];
    for (let s = 0; s < n; s++) if (arr.linked(order[s]!)) out.push(s);
    return out;
  };
  const oldX = new Float64Array(n);
  const oldY = new Float64Array(n);
  for (let pass = 0; pass < SWAP_PASSES && best > 0 && work < WORK_BUDGET; pass++) {
    let improved = false;
    for (const s of linkedSlots()) {
      const targets = n <= ALL_PAIRS ? undefined : arr.nearSlots(order[s]!, order, NEAR_SLOTS);
      work += targets === undefined ? 0 : n;
      const tries = targets === undefined ? n : targets.length;
      for (let k = 0; k < tries && work < WORK_BUDGET; k++) {
        work++;
        const t = targets === undefined ? k : targets[k]!;
        const u = order[s]!;
        const v = order[t]!;
        // Each pair once: from the lower slot when both are linked.
        if (t === s || (targets === undefined && arr.linked(v) && t < s)) continue;
        if (classes !== undefined && classes[u] !== classes[v]) continue;
        const bu = boxes[u]!;
        const bv = boxes[v]!;
        if (bu.width === bv.width && bu.height === bv.height) {
          // Same size: only the two move.
          const before = arr.local([u, v]);
          swapCentres(arr, u, v);
          const after = arr.local([u, v]);
          work += before.work + after.work;
          const c = best - before.cost + after.cost;
          if (c < best - EPSILON) {
            best = c;
            order[s] = v;
            order[t] = u;
            improved = true;
          } else swapCentres(arr, u, v);
          continue;
        }
        const swapped = order.slice();
        swapped[s] = v;
        swapped[t] = u;
        const p = placeInRows(inSlots(swapped), counts, frame);
        work += n;
        if (p.width > maxW || p.height > maxH) continue;
        if (bounded && p.width > maxBox * p.height) continue;
        // Children whose centre moves: compare before and after.
        for (let k = 0; k < n; k++) {
          oldX[k] = arr.cx[k]!;
          oldY[k] = arr.cy[k]!;
        }
        const moved: number[] = [];
        for (let q = 0; q < n; q++) {
          const child = swapped[q]!;
          const x = p.x[q]! + boxes[child]!.width / 2;
          const y = p.y[q]! + boxes[child]!.height / 2;
          if (x !== oldX[child] || y !== oldY[child]) moved.push(child);
        }
        const before = arr.local(moved);
        arr.setPlacement(swapped, boxes, p);
        const after = arr.local(moved);
        work += before.work + after.work + n;
        const c = best - before.cost + after.cost;
        if (c < best - EPSILON) {
          best = c;
          order.splice(0, n, ...swapped);
          place = p;
          improved = true;
          break; // the slots of linked children changed: start this slot's row of tries again next pass
        } else arr.setPlacement(order, boxes, place);
      }
      if (work >= WORK_BUDGET) break;
    }
    if (!improved) break;
  }
  // The running total drifts by rounding; the final cost is recomputed from scratch.
  place = placeInRows(inSlots(order), counts, frame);
  arr.setPlacement(order, boxes, place);
  return { order, place, cost: arr.total().cost };
}

function swapCentres(arr: Arrangement, u: number, v: number): void {
  const x = arr.cx[u]!;
  const y = arr.cy[u]!;
  arr.cx[u] = arr.cx[v]!;
  arr.cy[u] = arr.cy[v]!;
  arr.cx[v] = x;
  arr.cy[v] = y;
}
