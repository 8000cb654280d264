/**
 * Fitting the view around what covers the canvas (docs/drawing.md §1.7, §1.8): the minimap, the
 * controls and the legend float over the pane, so Fit view, Zoom to selection and the view after
 * Arrange fit into the part of the pane they leave free, with a margin in screen pixels. Pure.
 */
import type { Viewport } from "./document.ts";
import type { Rect } from "./drop.ts";

/** How far in from each side of the pane the free part starts, in screen px. */
export interface PaneInsets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The insets that keep clear of every obstacle (rects in the pane's own coordinates, 0 0 at its
 * top-left): each obstacle is cut off along the side of the pane that loses the least, so a
 * minimap in the bottom-right corner takes a strip off the bottom or the right, not both.
 */
export function insetsAround(width: number, height: number, obstacles: readonly Rect[]): PaneInsets {
  const out: PaneInsets = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const o of obstacles) {
    if (
      o.width <= 0 ||
      o.height <= 0 ||
      o.x >= width ||
      o.y >= height ||
      o.x + o.width <= 0 ||
      o.y + o.height <= 0
    )
      continue;
    // What each side would have to give up to clear it, as a share of the pane.
    const cuts: [keyof PaneInsets, number, number][] = [
      ["top", o.y + o.height, (o.y + o.height) / height],
      ["bottom", height - o.y, (height - o.y) / height],
      ["left", o.x + o.width, (o.x + o.width) / width],
      ["right", width - o.x, (width - o.x) / width],
    ];
    let best = cuts[0]!;
    for (const c of cuts)
      if (c[2] - fractionOf(out, c[0], width, height) < best[2] - fractionOf(out, best[0], width, height))
        best = c;
    out[best[0]] = Math.max(out[best[0]], best[1]);
  }
  return out;
}

const SIDES: readonly (keyof PaneInsets)[] = ["top", "bottom", "left", "right"];

/**
 * The insets that keep clear of every obstacle and leave `bounds` the biggest zoom: each obstacle
 * is cut off along one side of the pane, and of all the ways to choose those sides (4 per obstacle;
 * a pane has a handful of obstacles) the one whose free part fits `bounds` largest wins — a wide
 * diagram gives up the bottom strip under the minimap, a tall one the right strip. Ties go to
 * the insets that lose the least of the pane.
 */
export function insetsFor(
  bounds: Rect,
  width: number,
  height: number,
  obstacles: readonly Rect[],
  margin: number,
): PaneInsets {
  const live = obstacles.filter(
    (o) =>
      o.width > 0 && o.height > 0 && o.x < width && o.y < height && o.x + o.width > 0 && o.y + o.height > 0,
  );
  if (live.length > 5) return insetsAround(width, height, obstacles);
  let best: PaneInsets = insetsAround(width, height, live);
  let bestZoom = -1;
  let bestLost = Infinity;
  const choose = (k: number, cur: PaneInsets): void => {
    if (k === live.length) {
      const w = width - cur.left - cur.right - 2 * margin;
      const h = height - cur.top - cur.bottom - 2 * margin;
      if (w <= 0 || h <= 0) return;
      const zoom = Math.min(w / Math.max(bounds.width, 1), h / Math.max(bounds.height, 1));
      const lost = width * height - w * h;
      if (zoom > bestZoom + 1e-9 || (Math.abs(zoom - bestZoom) <= 1e-9 && lost < bestLost)) {
        best = cur;
        bestZoom = zoom;
        bestLost = lost;
      }
      return;
    }
    const o = live[k]!;
    const cut: PaneInsets = {
      top: o.y + o.height,
      bottom: height - o.y,
      left: o.x + o.width,
      right: width - o.x,
    };
    for (const side of SIDES) choose(k + 1, { ...cur, [side]: Math.max(cur[side], cut[side]) });
  };
  choose(0, { top: 0, right: 0, bottom: 0, left: 0 });
  return best;
}

function fractionOf(i: PaneInsets, side: keyof PaneInsets, width: number, height: number): number {
  return i[side] / (side === "top" || side === "bottom" ? height : width);
}

export interface FitInto {
  /** Screen px kept free around the bounds inside the free part of the pane. */
  margin: number;
  minZoom: number;
  maxZoom: number;
}

/** The viewport that shows `bounds` whole, centred in the free part of a `width` × `height` pane. */
export function fitInto(
  bounds: Rect,
  width: number,
  height: number,
  insets: PaneInsets,
  o: FitInto,
): Viewport {
  const w = Math.max(1, width - insets.left - insets.right - 2 * o.margin);
  const h = Math.max(1, height - insets.top - insets.bottom - 2 * o.margin);
  const zoom = Math.min(
    o.maxZoom,
    Math.max(o.minZoom, Math.min(w / Math.max(bounds.width, 1), h / Math.max(bounds.height, 1))),
  );
  const cx = insets.left + o.margin + w / 2;
  const cy = insets.top + o.margin + h / 2;
  return {
    x: cx - (bounds.x + bounds.width / 2) * zoom,
    y: cy - (bounds.y + bounds.height / 2) * zoom,
    zoom,
  };
}

/** Whether `bounds` is wholly in the free part of the pane through `vp`, `margin` px in from its edges. */
export function showsWhole(
  vp: Viewport,
  bounds: Rect,
  width: number,
  height: number,
  insets: PaneInsets,
  margin = 0,
): boolean {
  const x0 = bounds.x * vp.zoom + vp.x;
  const y0 = bounds.y * vp.zoom + vp.y;
  const x1 = x0 + bounds.width * vp.zoom;
  const y1 = y0 + bounds.height * vp.zoom;
  return (
    x0 >= insets.left + margin - 0.5 &&
    y0 >= insets.top + margin - 0.5 &&
    x1 <= width - insets.right - margin + 0.5 &&
    y1 <= height - insets.bottom - margin + 0.5
  );
}
