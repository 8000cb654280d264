/**
 * The far-zoom picture: what the editor's canvas layer (src/canvas/FarLayer.tsx) draws when a big
 * diagram is zoomed out past the point where text reads (docs/drawing.md, "Zoomed far out"). Each
 * node is its box in its layer's colours (or the overlay's), its border with its kind's dash, its
 * band or title bar, and its problem outline; each edge is its route; the selection, what it is
 * related to and a drop's receiver get rings. The same view model (src/domain/view-model.ts) and
 * colour tables (./colors.ts) as the SVG renderer, without text: at this zoom a name would be
 * under 4 px.
 *
 * Pure: {@link farScene} builds the list of shapes, {@link paintFar} plays it onto anything with
 * the few 2D-context members it uses (a `<canvas>` in the editor, a recording object in tests),
 * and {@link edgeAt} is the layer's hit test for edges (nodes use src/domain/drop.ts `nodeAt`).
 */
import type { DiagramIndex } from "../domain/diagram.ts";
import type { Point, StackDocument } from "../domain/document.ts";
import type { Rect } from "../domain/drop.ts";
import { EDGE_KIND_DEFS, EDGE_WIDTH } from "../domain/kinds/catalog.ts";
import { LAYOUT } from "../domain/layout/constants.ts";
import type { Problem } from "../domain/rules/index.ts";
import { BORDER_DASHARRAY, CORNER_RADIUS, drawnShape, edgeDasharray, lookOf } from "../domain/view-model.ts";
import { pointsBounds, type RouteLookup } from "../domain/viewport.ts";
import { THEMES, type ThemeName } from "./colors.ts";
import { MARKS, nodeColors } from "./node-colors.ts";

/** The node border's width in diagram px (the canvas's and the SVG's 1.5 px). */
const BORDER = 1.5;
/** A problem outline, a ring and an edge are never thinner than this many screen px. */
const MIN_OUTLINE_PX = 1.5;
const RING_PX = 2.5;
const MIN_EDGE_PX = 1;

/** What a node or an edge looks like in the far picture. */
export interface FarBox {
  id: string;
  /** The box in diagram coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
  radius: number;
  fill: string;
  border: string;
  /** The border's dash in diagram px (null: solid). */
  dash: readonly number[] | null;
  /** A problem outline: the border is drawn at least {@link MIN_OUTLINE_PX} screen px wide. */
  severity: "error" | "warning" | null;
  /** The band (at the bottom of a box with children) or title bar (at the top of a frame). */
  strip: { y: number; height: number; color: string } | null;
  /** A ring around the box: the drop's receiver, the selection, or what the selection relates to. */
  ring: string | null;
}

export interface FarLine {
  id: string;
  points: readonly Point[];
  color: string;
  /** Width in diagram px. */
  width: number;
  dash: readonly number[] | null;
  selected: boolean;
}

export interface FarScene {
  boxes: FarBox[];
  lines: FarLine[];
}

export interface FarInput {
  doc: StackDocument;
  index: DiagramIndex;
  /** Every node's absolute box (src/domain/drop.ts `absoluteRects`). */
  rects: ReadonlyMap<string, Rect>;
  /** What to draw: nodes and edges meeting this area, in diagram coordinates. */
  area: Rect;
  theme: ThemeName;
  nodeProblems: ReadonlyMap<string, readonly Problem[]>;
  /** Colour by who manages what (the overlay). */
  overlay: boolean;
  selected: ReadonlySet<string>;
  highlighted: ReadonlySet<string>;
  hint: { targetId: string | null; ok: boolean } | null;
  routes: RouteLookup;
  selectedEdge: string | null;
  edgeProblems: ReadonlySet<string>;
}

const meets = (a: Rect, b: Rect) =>
  a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;

const dashOf = (s: string | undefined): readonly number[] | null =>
  s === undefined ? null : s.split(/[\s,]+/).map(Number);

/** The shapes of the far picture of `area`, parents before their children. */
export function farScene(inp: FarInput): FarScene {
  const { index, rects, area } = inp;
  const theme = THEMES[inp.theme];
  const marks = MARKS[inp.theme];
  const boxes: FarBox[] = [];
  for (const n of index.order) {
    const r = rects.get(n.id);
    if (!r || !meets(r, area)) continue;
    const hasChildren = (index.children.get(n.id)?.length ?? 0) > 0;
    const managedBy = inp.overlay ? (index.context.get(n.id)?.managedBy ?? "user") : null;
    const colors = nodeColors(theme, n, managedBy);
    const problems = inp.nodeProblems.get(n.id) ?? [];
    const severity = problems.some((p) => p.severity === "error")
      ? "error"
      : problems.length > 0
        ? "warning"
        : null;
    const shape = drawnShape(n.kind, hasChildren);
    let strip: FarBox["strip"] = null;
    if (hasChildren) {
      // As the SVG draws it: inside the border, a title bar at the top of a frame, a band at the bottom of a box.
      const frame = shape === "frame";
      const h = Math.max(0, Math.min(frame ? LAYOUT.headerHeight : LAYOUT.bandHeight, r.height - 2 * BORDER));
      strip = { y: frame ? r.y + BORDER : r.y + r.height - BORDER - h, height: h, color: colors.band };
    }
    const hint = inp.hint?.targetId === n.id ? inp.hint : null;
    boxes.push({
      id: n.id,
      x: r.x,
      y: r.y,
      width: r.width,
      height: r.height,
      radius: CORNER_RADIUS[shape],
      fill: colors.fill,
      border: severity === "error" ? theme.error : severity === "warning" ? theme.warning : colors.border,
      dash: dashOf(BORDER_DASHARRAY[lookOf(n.kind).border]),
      severity,
      strip,
      ring: hint
        ? hint.ok
          ? marks.ok
          : theme.error
        : inp.selected.has(n.id)
          ? marks.accent
          : inp.highlighted.has(n.id)
            ? marks.highlight
            : null,
    });
  }
  const lines: FarLine[] = [];
  for (const e of inp.doc.edges) {
    const route = inp.routes.get(e.id);
    if (!route || route.points.length < 2 || !meets(pointsBounds(route.points)!, area)) continue;
    const selected = inp.selectedEdge === e.id;
    lines.push({
      id: e.id,
      points: route.points,
      color: selected ? marks.accent : inp.edgeProblems.has(e.id) ? theme.error : theme.edge,
      width: EDGE_WIDTH[EDGE_KIND_DEFS[e.kind].weight ?? "regular"],
      dash: dashOf(edgeDasharray(e.kind)),
      selected,
    });
  }
  return { boxes, lines };
}

/** The members of CanvasRenderingContext2D that {@link paintFar} uses. */
export interface FarContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  setLineDash(segments: number[]): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  drawImage(image: CanvasImageSource, x: number, y: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  roundRect(x: number, y: number, w: number, h: number, radii: number): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  fill(): void;
  stroke(): void;
}

/**
 * What of a scene {@link paintFar} paints: by default all of it. A drag paints the boxes that stay
 * still once (`lines` and `rings` off), then each frame that picture (`under`) with the moving
 * boxes, the edges and the rings over it.
 */
export interface FarPart {
  /** Painted first, at the canvas's origin, after clearing. */
  under?: CanvasImageSource;
  /** The boxes to paint; default all. */
  boxes?: (b: FarBox) => boolean;
  lines?: boolean;
  rings?: boolean;
}

/**
 * Paints `scene` with diagram point (x, y) at canvas pixel ((x − origin.x)·scale, (y − origin.y)·scale)
 * onto a canvas of `width` × `height` pixels, cleared first (the canvas's dot grid shows through).
 */
export function paintFar(
  ctx: FarContext,
  scene: FarScene,
  view: { origin: Point; scale: number; width: number; height: number },
  part: FarPart = {},
): void {
  const { origin, scale } = view;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, view.width, view.height);
  if (part.under) ctx.drawImage(part.under, 0, 0);
  ctx.setTransform(scale, 0, 0, scale, -origin.x * scale, -origin.y * scale);
  ctx.lineJoin = "round";
  const px = 1 / scale;
  // Corners under a screen pixel are not worth a curve.
  const shape = (x: number, y: number, w: number, h: number, r: number) => {
    ctx.beginPath();
    const rr = Math.min(r, w / 2, h / 2);
    if (rr * scale >= 1) ctx.roundRect(x, y, w, h, rr);
    else ctx.rect(x, y, w, h);
  };
  for (const b of scene.boxes) {
    if (part.boxes && !part.boxes(b)) continue;
    const inset = BORDER / 2;
    const w = Math.max(0, b.width - BORDER);
    const h = Math.max(0, b.height - BORDER);
    if (b.fill !== "transparent") {
      ctx.fillStyle = b.fill;
      shape(b.x + inset, b.y + inset, w, h, b.radius - inset);
      ctx.fill();
    }
    if (b.strip && b.strip.height > 0) {
      ctx.fillStyle = b.strip.color;
      ctx.fillRect(b.x + BORDER, b.strip.y, Math.max(0, b.width - 2 * BORDER), b.strip.height);
    }
    ctx.strokeStyle = b.border;
    ctx.lineWidth = b.severity ? Math.max(BORDER, MIN_OUTLINE_PX * px) : BORDER;
    ctx.setLineDash(b.dash && !b.severity ? [...b.dash] : []);
    shape(b.x + inset, b.y + inset, w, h, b.radius - inset);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const l of part.lines === false ? [] : scene.lines) {
    ctx.strokeStyle = l.color;
    ctx.lineWidth = Math.max(l.width, (l.selected ? 2 : MIN_EDGE_PX) * px);
    ctx.setLineDash(l.dash ? [...l.dash] : []);
    ctx.beginPath();
    ctx.moveTo(l.points[0]!.x, l.points[0]!.y);
    for (let i = 1; i < l.points.length; i++) ctx.lineTo(l.points[i]!.x, l.points[i]!.y);
    ctx.stroke();
  }
  // Rings last, over every box, at a fixed screen width (CSS draws them as a 3 px box-shadow).
  ctx.setLineDash([]);
  ctx.lineWidth = RING_PX * px;
  for (const b of part.rings === false ? [] : scene.boxes) {
    if (!b.ring) continue;
    const out = (RING_PX / 2) * px;
    ctx.strokeStyle = b.ring;
    shape(b.x - out, b.y - out, b.width + 2 * out, b.height + 2 * out, b.radius + out);
    ctx.stroke();
  }
}

/** The edge whose drawn route passes within `tolerance` (diagram px) of `p`, the nearest; null if none. */
export function edgeAt(scene: Pick<FarScene, "lines">, p: Point, tolerance: number): string | null {
  let best: string | null = null;
  let bestD = tolerance;
  for (const l of scene.lines) {
    for (let i = 1; i < l.points.length; i++) {
      const d = segmentDistance(p, l.points[i - 1]!, l.points[i]!);
      if (d <= bestD) {
        bestD = d;
        best = l.id;
      }
    }
  }
  return best;
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** The nodes whose boxes lie wholly inside `area` (a marquee's selection, as React Flow's "full" mode). */
export function nodesInside(index: DiagramIndex, rects: ReadonlyMap<string, Rect>, area: Rect): string[] {
  const out: string[] = [];
  for (const n of index.order) {
    const r = rects.get(n.id);
    if (
      r &&
      r.x >= area.x &&
      r.y >= area.y &&
      r.x + r.width <= area.x + area.width &&
      r.y + r.height <= area.y + area.height
    )
      out.push(n.id);
  }
  return out;
}
