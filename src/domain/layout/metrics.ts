/**
 * Measures of a laid-out drawing: how big it is, how long its edges are and how often they
 * cross, and which boxes are too wide. The layout's tests and benches judge a layout with these,
 * and the layout itself uses {@link countCrossings} and {@link segmentsCross} to choose between
 * orders of siblings.
 */
import type { StackDocument } from "../document.ts";
import { resolveGeometry } from "./resolve.ts";

/** A box that holds more than {@link WIDE_BOX_CHILDREN} children and is wider than twice its height. */
export interface WideBox {
  id: string;
  width: number;
  height: number;
  children: number;
}

export interface LayoutMetrics {
  /** The bounding box of every root tree. */
  width: number;
  height: number;
  /** width / height. */
  aspect: number;
  /** Sum over edges of the distance between the centres of their two boxes. */
  edgeLength: number;
  /** Pairs of edges whose centre-to-centre segments cross (edges sharing a node never count). */
  crossings: number;
  /** Boxes with more than three children that are wider than twice their height. */
  wideBoxes: WideBox[];
}

/** A box with more children than this must not be wider than twice its height. */
export const WIDE_BOX_CHILDREN = 3;

export interface Segment {
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** True when the two segments cross at a point inside both (touching ends and collinear overlaps do not count). */
export function segmentsCross(s: Segment, t: Segment): boolean {
  const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/**
 * Crossings among segments; `ends[i]` are segment i's two node ids, and segments that share a
 * node are never counted (they meet at that node, they do not cross).
 */
export function countCrossings(
  segs: readonly Segment[],
  ends: readonly (readonly [string, string])[],
): number {
  let n = 0;
  for (let i = 0; i < segs.length; i++) {
    const si = segs[i]!;
    const [a, b] = ends[i]!;
    const minX = Math.min(si.ax, si.bx);
    const maxX = Math.max(si.ax, si.bx);
    const minY = Math.min(si.ay, si.by);
    const maxY = Math.max(si.ay, si.by);
    for (let j = i + 1; j < segs.length; j++) {
      const sj = segs[j]!;
      if (Math.max(sj.ax, sj.bx) < minX || Math.min(sj.ax, sj.bx) > maxX) continue;
      if (Math.max(sj.ay, sj.by) < minY || Math.min(sj.ay, sj.by) > maxY) continue;
      const [c, d] = ends[j]!;
      if (a === c || a === d || b === c || b === d) continue;
      if (segmentsCross(si, sj)) n++;
    }
  }
  return n;
}

/**
 * Measures a document as it would be drawn (missing geometry is filled in by
 * {@link resolveGeometry}). Edges whose ends are not both drawn are skipped.
 */
export function measureLayout(
  doc: Pick<StackDocument, "nodes"> & { edges?: StackDocument["edges"] },
): LayoutMetrics {
  const geo = resolveGeometry(doc);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const kids = new Map<string, number>();
  for (const n of doc.nodes) {
    const g = geo.get(n.id);
    if (g === undefined) continue;
    const pid = n.parentId;
    if (pid != null && pid !== n.id && geo.has(pid)) kids.set(pid, (kids.get(pid) ?? 0) + 1);
    else {
      minX = Math.min(minX, g.absolute.x);
      minY = Math.min(minY, g.absolute.y);
      maxX = Math.max(maxX, g.absolute.x + g.size.width);
      maxY = Math.max(maxY, g.absolute.y + g.size.height);
    }
  }
  const wideBoxes: WideBox[] = [];
  for (const [id, count] of kids) {
    const s = geo.get(id)!.size;
    if (count > WIDE_BOX_CHILDREN && s.width > 2 * s.height)
      wideBoxes.push({ id, width: s.width, height: s.height, children: count });
  }
  wideBoxes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const segs: Segment[] = [];
  const ends: [string, string][] = [];
  let edgeLength = 0;
  for (const e of doc.edges ?? []) {
    const a = geo.get(e.source);
    const b = geo.get(e.target);
    if (a === undefined || b === undefined || e.source === e.target) continue;
    const s = {
      ax: a.absolute.x + a.size.width / 2,
      ay: a.absolute.y + a.size.height / 2,
      bx: b.absolute.x + b.size.width / 2,
      by: b.absolute.y + b.size.height / 2,
    };
    edgeLength += Math.hypot(s.bx - s.ax, s.by - s.ay);
    segs.push(s);
    ends.push([e.source, e.target]);
  }
  const width = Number.isFinite(maxX) ? maxX - minX : 0;
  const height = Number.isFinite(maxY) ? maxY - minY : 0;
  return {
    width,
    height,
    aspect: height > 0 ? width / height : 0,
    edgeLength,
    crossings: countCrossings(segs, ends),
    wideBoxes,
  };
}
