/**
 * The views the editor benchmark looks through, computed in the runner from the document's geometry
 * (pure; tested in tests/unit/bench/views.test.ts): React Flow's fit view, the "opened at zoom 1"
 * view, and which nodes a view shows — the load condition of both pages is "every node the view
 * shows is in the DOM and measured", since the app mounts only what is in view.
 */
import { getViewportForBounds } from "@xyflow/system";
import type { Rect } from "../../src/domain/drop.ts";
import type { Viewport } from "../../src/domain/document.ts";
import { boundsOf, type FitOptions } from "../../src/domain/viewport.ts";

export type { Rect, Viewport, FitOptions };
export interface Pane {
  width: number;
  height: number;
}

/** The bounding box of rectangles (null when there are none): the editor's own. */
export const boundsOfRects = boundsOf;

/** The viewport React Flow's `fitView` picks for these bounds (its own `getViewportForBounds`). */
export function reactFlowFit(bounds: Rect, pane: Pane, fit: FitOptions): Viewport {
  return getViewportForBounds(bounds, pane.width, pane.height, fit.minZoom, fit.maxZoom, fit.padding);
}

/** Zoom 1 with `first`'s top-left corner at `at` (canvas pixels): the "opened at zoom 1" view. */
export function openViewport(first: Rect, at = { x: 40, y: 40 }): Viewport {
  return { x: at.x - first.x, y: at.y - first.y, zoom: 1 };
}

/** `r` (document coordinates) on screen through `vp`. */
export function toScreen(r: Rect, vp: Viewport): Rect {
  return {
    x: r.x * vp.zoom + vp.x,
    y: r.y * vp.zoom + vp.y,
    width: r.width * vp.zoom,
    height: r.height * vp.zoom,
  };
}

/**
 * The ids whose box overlaps the pane shrunk by `inset` px on every side (so that a sub-pixel
 * difference between the runner's and a page's view cannot make a node at the very edge expected
 * but never mounted), in the order given.
 */
export function visibleIds(
  rects: Iterable<readonly [string, Rect]>,
  vp: Viewport,
  pane: Pane,
  inset = 2,
): string[] {
  const out: string[] = [];
  for (const [id, r] of rects) {
    const s = toScreen(r, vp);
    if (
      s.x < pane.width - inset &&
      s.x + s.width > inset &&
      s.y < pane.height - inset &&
      s.y + s.height > inset
    )
      out.push(id);
  }
  return out;
}

/** Whether two viewports agree within `px` pixels of offset and 1e-3 of zoom. */
export function sameViewport(a: Viewport, b: Viewport, px = 2): boolean {
  return Math.abs(a.x - b.x) <= px && Math.abs(a.y - b.y) <= px && Math.abs(a.zoom - b.zoom) <= 1e-3;
}
