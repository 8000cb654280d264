/**
 * Where the renderer's edges run: ONE function, {@link edgeRoutes}, gives every edge's route (an
 * orthogonal polyline from a side of its source to a side of its target, in the diagram's absolute
 * coordinates) and the point its label is centred on. The SVG renderer draws exactly these points.
 *
 * The routes are the edge router's (src/domain/routing: around every box that is not an end or an
 * ancestor of one, clear of every band, title bar and leaf text, parallels spread 6 px apart), the
 * same router the canvas uses. Where the router cannot keep its contract (an end walled in by
 * overlapping boxes) it says so, and its own elbow stands; an edge the router leaves out (it
 * never should, both ends having a box) gets the renderer's elbow below.
 */
import type { Point, Size, StackDocument, StackEdge } from "../domain/document.ts";
import type { Rect } from "../domain/drop.ts";
import type { ResolvedGeometry } from "../domain/layout/index.ts";
import { routeEdges } from "../domain/routing/index.ts";

/** One edge's route. */
export interface EdgeRoute {
  /** At least two points; consecutive points share x or y (orthogonal segments). */
  points: readonly Point[];
  /** Where the label is centred: a point on the route. */
  labelAt: Point;
}

interface Box {
  l: number;
  t: number;
  r: number;
  b: number;
}

const boxOf = (g: ResolvedGeometry): Box => ({
  l: g.absolute.x,
  t: g.absolute.y,
  r: g.absolute.x + g.size.width,
  b: g.absolute.y + g.size.height,
});

/** Room the elbow keeps between two boxes before it turns (the arrowhead's length). */
const CLEAR = 8;

/**
 * The route of every edge whose two ends have a box, by edge id, for a document whose boxes are
 * `geometry` (absolute, as `resolveGeometry` gives them). `labelSize` is the size of each edge's
 * label box as the renderer draws it, so that the router's label point leaves it clear of text.
 */
export function edgeRoutes(
  doc: StackDocument,
  geometry: ReadonlyMap<string, ResolvedGeometry>,
  labelSize: (e: StackEdge) => Size,
): Map<string, EdgeRoute> {
  const rects = new Map<string, Rect>();
  for (const [id, g] of geometry)
    rects.set(id, { x: g.absolute.x, y: g.absolute.y, width: g.size.width, height: g.size.height });
  let routed: ReadonlyMap<string, { points: readonly Point[]; labelAt: Point }> = new Map();
  // The renderer never throws for a valid document: should the router fail, every edge gets the
  // elbow. (Boxes millions of px wide, valid up to LIMITS.coordinate, once made the router's text
  // buckets take minutes and throw; it now keeps such boxes out of its buckets.)
  if (doc.edges.length > 0)
    try {
      routed = routeEdges(doc, { rects, labelSize });
    } catch {
      routed = new Map();
    }
  const out = new Map<string, EdgeRoute>();
  for (const e of doc.edges) {
    const s = geometry.get(e.source);
    const t = geometry.get(e.target);
    if (s === undefined || t === undefined) continue;
    const r = routed.get(e.id);
    out.set(e.id, r !== undefined && r.points.length >= 2 ? r : elbow(e, boxOf(s), boxOf(t)));
  }
  return out;
}

/**
 * An orthogonal elbow from the side of the source facing the target to the side of the target
 * facing the source (right→left when the target is to the right, which is the usual case); a
 * straight line between boxes that overlap (a node and its ancestor); a small loop for an edge
 * from a node to itself. It does not go around other boxes.
 */
function elbow(e: StackEdge, s: Box, t: Box): EdgeRoute {
  const scx = (s.l + s.r) / 2;
  const scy = (s.t + s.b) / 2;
  const tcx = (t.l + t.r) / 2;
  const tcy = (t.t + t.b) / 2;
  if (e.source === e.target) {
    const ox = s.r + 24;
    return {
      points: [
        { x: s.r, y: scy - 10 },
        { x: ox, y: scy - 10 },
        { x: ox, y: scy + 10 },
        { x: s.r, y: scy + 10 },
      ],
      labelAt: { x: ox, y: scy },
    };
  }
  const horizontal = (x0: number, x1: number): EdgeRoute => {
    const mx = (x0 + x1) / 2;
    if (Math.abs(scy - tcy) < 0.5)
      return {
        points: [
          { x: x0, y: scy },
          { x: x1, y: scy },
        ],
        labelAt: { x: mx, y: scy },
      };
    return {
      points: [
        { x: x0, y: scy },
        { x: mx, y: scy },
        { x: mx, y: tcy },
        { x: x1, y: tcy },
      ],
      labelAt: { x: mx, y: (scy + tcy) / 2 },
    };
  };
  const vertical = (y0: number, y1: number): EdgeRoute => {
    const my = (y0 + y1) / 2;
    if (Math.abs(scx - tcx) < 0.5)
      return {
        points: [
          { x: scx, y: y0 },
          { x: scx, y: y1 },
        ],
        labelAt: { x: scx, y: my },
      };
    return {
      points: [
        { x: scx, y: y0 },
        { x: scx, y: my },
        { x: tcx, y: my },
        { x: tcx, y: y1 },
      ],
      labelAt: { x: (scx + tcx) / 2, y: my },
    };
  };
  if (t.l >= s.r + CLEAR) return horizontal(s.r, t.l);
  if (t.r <= s.l - CLEAR) return horizontal(s.l, t.r);
  if (t.t >= s.b + CLEAR) return vertical(s.b, t.t);
  if (t.b <= s.t - CLEAR) return vertical(s.t, t.b);
  // Boxes that overlap (a node and its ancestor, or siblings drawn across each other): from the
  // source's right side across to the target's left side, orthogonally.
  const a = { x: s.r, y: scy };
  const b = { x: t.l, y: tcy };
  if (Math.abs(a.y - b.y) < 0.5) return { points: [a, { x: b.x, y: a.y }], labelAt: mid(a, b) };
  const mx = (a.x + b.x) / 2;
  return {
    points: [a, { x: mx, y: a.y }, { x: mx, y: b.y }, b],
    labelAt: { x: mx, y: (a.y + b.y) / 2 },
  };
}

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
