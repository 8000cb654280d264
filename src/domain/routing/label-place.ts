/** Where an edge's label goes: on its route, its box covering no node's text (./label.ts sizes it). */
import type { Point, Size } from "../document.ts";
import { interiorsMeet, type Box } from "./box.ts";
import type { Scene } from "./scene.ts";

const FRACTIONS = [0.5, 0.35, 0.65, 0.2, 0.8, 0.08, 0.92];

/**
 * A point on the route where a label of `size`, centred there, covers no node's text area:
 * the middle of the longest segment if it is free, else other places along the segments from
 * the longest to the shortest; the middle of the longest segment when none is free.
 */
export function labelPoint(pts: readonly Point[], size: Size, scene: Scene): Point {
  if (pts.length === 0) return { x: 0, y: 0 };
  if (pts.length === 1) return pts[0]!;
  const order = [...pts.keys()].slice(0, -1);
  const len = (k: number) => Math.abs(pts[k + 1]!.x - pts[k]!.x) + Math.abs(pts[k + 1]!.y - pts[k]!.y);
  order.sort((a, b) => len(b) - len(a) || a - b);
  const hw = size.width / 2;
  const hh = size.height / 2;
  const buckets = scene.textBuckets();
  const free = (p: Point): boolean => {
    const b: Box = { l: p.x - hw, t: p.y - hh, r: p.x + hw, b: p.y + hh };
    return !buckets.any(b, (t) => interiorsMeet(b, t));
  };
  const at = (k: number, f: number): Point => {
    const p = pts[k]!;
    const q = pts[k + 1]!;
    return { x: p.x + (q.x - p.x) * f, y: p.y + (q.y - p.y) * f };
  };
  for (const k of order) for (const f of FRACTIONS) if (free(at(k, f))) return at(k, f);
  return at(order[0]!, 0.5);
}
