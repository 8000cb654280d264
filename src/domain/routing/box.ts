/** Axis-aligned boxes as the router uses them: left, top, right, bottom (absolute, zoom 1). */
import type { Point } from "../document.ts";

export interface Box {
  readonly l: number;
  readonly t: number;
  readonly r: number;
  readonly b: number;
}

export function box(l: number, t: number, r: number, b: number): Box {
  return { l, t, r, b };
}

/** Whether the open interiors of two boxes meet (touching sides do not count). */
export function interiorsMeet(a: Box, b: Box): boolean {
  return a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
}

/** Whether the segment p–q (horizontal or vertical) passes through the open interior of `o`. */
export function segmentCrosses(p: Point, q: Point, o: Box): boolean {
  if (p.y === q.y) {
    const lo = Math.min(p.x, q.x);
    const hi = Math.max(p.x, q.x);
    return p.y > o.t && p.y < o.b && lo < o.r && hi > o.l;
  }
  const lo = Math.min(p.y, q.y);
  const hi = Math.max(p.y, q.y);
  return p.x > o.l && p.x < o.r && lo < o.b && hi > o.t;
}

/** Whether a point lies on the boundary of `o` (within `eps`). */
export function onBoundary(p: Point, o: Box, eps = 1e-6): boolean {
  const inX = p.x >= o.l - eps && p.x <= o.r + eps;
  const inY = p.y >= o.t - eps && p.y <= o.b + eps;
  if (!inX || !inY) return false;
  return (
    Math.abs(p.x - o.l) <= eps ||
    Math.abs(p.x - o.r) <= eps ||
    Math.abs(p.y - o.t) <= eps ||
    Math.abs(p.y - o.b) <= eps
  );
}

/** The smallest box holding both. */
export function union(a: Box, b: Box): Box {
  return { l: Math.min(a.l, b.l), t: Math.min(a.t, b.t), r: Math.max(a.r, b.r), b: Math.max(a.b, b.b) };
}

/** `a` grown by `d` on every side. */
export function grow(a: Box, d: number): Box {
  return { l: a.l - d, t: a.t - d, r: a.r + d, b: a.b + d };
}

/** The part of `a` inside `clip` (may be empty: l > r or t > b). */
export function intersect(a: Box, clip: Box): Box {
  return {
    l: Math.max(a.l, clip.l),
    t: Math.max(a.t, clip.t),
    r: Math.min(a.r, clip.r),
    b: Math.min(a.b, clip.b),
  };
}

export function sameBox(a: Box | undefined, b: Box | undefined): boolean {
  return (
    a === b ||
    (a !== undefined && b !== undefined && a.l === b.l && a.t === b.t && a.r === b.r && a.b === b.b)
  );
}
