/**
 * The canvas's view, in pure terms: fitting a document into a pane, the part of the document a
 * viewport shows, and which nodes the canvas has to mount to show it. A viewport follows React
 * Flow's convention — a point p of the document is drawn at screen `p * zoom + (x, y)` — but this
 * module knows nothing of React Flow, so the rules, the CLI and the tests can use it.
 */
import type { StackDocument, Viewport } from "./document.ts";
import type { DiagramIndex } from "./diagram.ts";
import { absoluteRects, type Rect } from "./drop.ts";

export interface FitOptions {
  /** Space around the document, as a fraction of its size (React Flow's numeric `padding`). */
  padding: number;
  minZoom: number;
  maxZoom: number;
}

/** The bounding box of rectangles, or null when there are none. */
export function boundsOf(rects: Iterable<Rect>): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    if (r.x < x0) x0 = r.x;
    if (r.y < y0) y0 = r.y;
    if (r.x + r.width > x1) x1 = r.x + r.width;
    if (r.y + r.height > y1) y1 = r.y + r.height;
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The viewport that shows `bounds` whole and centred in a `width` × `height` pane, as React
 * Flow's fitView computes it: the zoom that fits the padded box, clamped to [minZoom, maxZoom].
 * Nothing to fit (no bounds, an empty pane) gives zoom 1 at the origin.
 */
export function fitViewport(bounds: Rect | null, width: number, height: number, o: FitOptions): Viewport {
  if (!bounds || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  const w = Math.max(bounds.width, 1) * (1 + o.padding);
  const h = Math.max(bounds.height, 1) * (1 + o.padding);
  const zoom = Math.min(o.maxZoom, Math.max(o.minZoom, Math.min(width / w, height / h)));
  const cx = bounds.x + bounds.width / 2;
  const cy = bounds.y + bounds.height / 2;
  return { x: width / 2 - cx * zoom, y: height / 2 - cy * zoom, zoom };
}

/** The part of the document a `width` × `height` pane shows through `viewport`. */
export function visibleArea(viewport: Viewport, width: number, height: number): Rect {
  return {
    x: -viewport.x / viewport.zoom,
    y: -viewport.y / viewport.zoom,
    width: width / viewport.zoom,
    height: height / viewport.zoom,
  };
}

/** `r` grown by `fraction` of its own size on every side. */
export function expandRect(r: Rect, fraction: number): Rect {
  const dx = r.width * fraction;
  const dy = r.height * fraction;
  return { x: r.x - dx, y: r.y - dy, width: r.width + 2 * dx, height: r.height + 2 * dy };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * The nodes a canvas must mount to draw `area` of the document: every node whose box meets the
 * area, both ends of every edge whose span meets it (an edge is drawn between two mounted nodes),
 * the `keep` nodes (the selection, the node being renamed) — and the ancestors of all of these,
 * since a child is placed relative to its parent. Everything else can stay unmounted.
 */
export function nodesToMount(
  doc: StackDocument,
  index: DiagramIndex,
  area: Rect,
  keep: Iterable<string> = [],
  routes?: RouteLookup,
): Set<string> {
  const rects = absoluteRects(doc, index);
  const out = new Set<string>();
  // Walks up until it meets a node already in, whose ancestors are then in too.
  const add = (id: string) => {
    let cur: string | undefined = id;
    while (cur != null && !out.has(cur)) {
      const n = index.byId.get(cur);
      if (!n) return;
      out.add(cur);
      cur = n.parentId ?? undefined;
    }
  };
  // Parents come first in the index's order, so a node's ancestors are usually already in.
  for (const n of index.order) {
    const r = rects.get(n.id);
    if (r && intersects(r, area)) add(n.id);
  }
  // Both ends of every edge that is mounted (an edge is drawn between two mounted nodes).
  for (const e of doc.edges)
    if (edgeInView(e, rects, area, routes)) {
      add(e.source);
      add(e.target);
    }
  for (const id of keep) add(id);
  return out;
}

/** Past this many edges, only the edges with an end or a route in view are mounted. */
export const MOUNT_ALL_MAX_EDGES = 300;

/** The routes the canvas draws, by edge id (domain/routing's Routes). */
export type RouteLookup = ReadonlyMap<string, { readonly points: readonly { x: number; y: number }[] }>;

/** The box around a route's points; null for none. */
export function pointsBounds(points: readonly { x: number; y: number }[]): Rect | null {
  if (points.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * Whether an edge shows in `area`: one of its ends does, or its route (without a route: the span
 * between its ends) passes through it.
 */
function edgeInView(
  e: StackDocument["edges"][number],
  rects: ReadonlyMap<string, Rect>,
  area: Rect,
  routes: RouteLookup | undefined,
): boolean {
  const a = rects.get(e.source);
  const b = rects.get(e.target);
  if (!a || !b) return false;
  if (intersects(a, area) || intersects(b, area)) return true;
  const route = routes?.get(e.id);
  const box = route ? pointsBounds(route.points) : boundsOf([a, b]);
  return box !== null && intersects(box, area);
}

/**
 * The edges to mount for a view (`area`, with its margin): those with an end or a route in it. A
 * 5,000-edge diagram then mounts the few hundred edges the pane shows, as it mounts its nodes.
 */
export function edgesToMount(
  doc: StackDocument,
  index: DiagramIndex,
  area: Rect,
  routes?: RouteLookup,
): Set<string> {
  const rects = absoluteRects(doc, index);
  const out = new Set<string>();
  for (const e of doc.edges) if (edgeInView(e, rects, area, routes)) out.add(e.id);
  return out;
}
