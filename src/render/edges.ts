/**
 * Edges in the SVG: one `<path>` per edge along its route (src/render/routes.ts), styled by its
 * kind's declared stroke and weight, with an arrowhead marker; and its label — the person's, else
 * the kind in words — placed on the route where it covers no node's text.
 */
import type { Point, Size, StackEdge } from "../domain/document.ts";
import { EDGE_KIND_DEFS, EDGE_WIDTH, type EdgeKind } from "../domain/kinds/catalog.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { LABEL_FONT, LABEL_MAX, LABEL_PAD, edgeLabelText } from "../domain/routing/index.ts";
import { edgeDasharray } from "../domain/view-model.ts";
import type { ThemeColors } from "./colors.ts";
import type { EdgeRoute } from "./routes.ts";
import {
  LINE,
  boxAttrs,
  elide,
  num,
  overlapArea,
  paint,
  text,
  textWidth,
  type Box,
  type TextStyle,
} from "./text.ts";
import { cleanText, escapeAttr } from "./xml.ts";

// The label's metrics are the router's, which places labels where they cover no text.
const LABEL_SIZE = LABEL_FONT;
/** A label's centre stays this far (along the route) from either end, clear of the arrowhead. */
const END_CLEAR = 16;
/** At most this many places are tried along one route. */
const MAX_TRIES = 160;

/** The width of an edge kind's line, from its declared weight. */
export function edgeWidth(kind: EdgeKind): number {
  return EDGE_WIDTH[EDGE_KIND_DEFS[kind].weight ?? "regular"];
}

/** The arrowhead of a line of this width: length along the line and half its width across. */
function arrowOf(width: number): { length: number; half: number } {
  return width > EDGE_WIDTH.regular ? { length: 12, half: 6.5 } : { length: 8, half: 4.5 };
}

/** The id of the arrowhead marker of an edge kind in one colour (`error` for edges in a problem). */
export function markerId(prefix: string, kind: EdgeKind, bad: boolean): string {
  return `${prefix}-${kind}${bad ? "-error" : ""}`;
}

/** One `<marker>`: a filled arrowhead whose tip is the end of the line. */
export function markerDef(prefix: string, kind: EdgeKind, bad: boolean, theme: ThemeColors): string {
  const { length: l, half: h } = arrowOf(edgeWidth(kind));
  return (
    `<marker id="${markerId(prefix, kind, bad)}" viewBox="0 0 ${l} ${2 * h}" refX="${l}" refY="${h}" ` +
    `markerWidth="${l}" markerHeight="${2 * h}" markerUnits="userSpaceOnUse" orient="auto">` +
    `<polygon points="0,0 ${l},${h} 0,${2 * h}" ${paint("fill", bad ? theme.error : theme.edge)}/></marker>`
  );
}

/** The stroke attributes of an edge kind's line: colour, width, dash. */
export function strokeAttrs(kind: EdgeKind, color: string): string {
  const dash = edgeDasharray(kind);
  const dotted = EDGE_KIND_DEFS[kind].stroke === "dotted";
  return (
    `fill="none" ${paint("stroke", color)} stroke-width="${edgeWidth(kind)}" stroke-linejoin="round"` +
    (dash !== undefined ? ` stroke-dasharray="${dash}"` : "") +
    (dotted ? ` stroke-linecap="round"` : "")
  );
}

/** A path's `d` through `points` with absolute commands only: `M`, then `H`/`V` (or `L` off-axis). */
export function pathData(points: readonly Point[]): string {
  let d = "";
  let prev: Point | undefined;
  for (const p of points) {
    if (prev === undefined) d += `M${num(p.x)} ${num(p.y)}`;
    else if (num(p.y) === num(prev.y)) {
      if (num(p.x) === num(prev.x)) continue;
      d += `H${num(p.x)}`;
    } else if (num(p.x) === num(prev.x)) d += `V${num(p.y)}`;
    else d += `L${num(p.x)} ${num(p.y)}`;
    prev = p;
  }
  // A route between boxes that touch may have no length: it is still a line of two points.
  if (prev !== undefined && d === `M${num(prev.x)} ${num(prev.y)}`) d += `H${num(prev.x)}`;
  return d;
}

/** An edge's line: one `<path>` carrying the edge's identity in `data-*` attributes. */
export function edgePath(
  e: StackEdge,
  points: readonly Point[],
  bad: boolean,
  theme: ThemeColors,
  prefix: string,
): string {
  return (
    `<path class="sd-edge-line" data-edge-id="${escapeAttr(e.id)}" data-kind="${e.kind}" ` +
    `data-source="${escapeAttr(e.source)}" data-target="${escapeAttr(e.target)}" d="${pathData(points)}" ` +
    `${strokeAttrs(e.kind, bad ? theme.error : theme.edge)} marker-end="url(#${markerId(prefix, e.kind, bad)})"/>`
  );
}

// ---------------------------------------------------------------------------------------------
// Labels

/** What an edge says (the router's {@link edgeLabelText}), as text fit to draw. */
export function edgeWords(e: StackEdge, lang: Lang): { words: string; own: boolean } {
  const own = e.label !== undefined && cleanText(e.label).trim() !== "";
  return { words: cleanText(edgeLabelText(own ? e : { ...e, label: undefined }, lang)), own };
}

/** A placed label: its words as shown and its box (the background behind the text). */
export interface PlacedLabel {
  shown: string;
  own: boolean;
  box: Box;
}

const labelMetrics = { size: LABEL_SIZE };

/** The size of an edge's label box as {@link placeLabel} draws it. */
export function labelSize(e: StackEdge, lang: Lang): Size {
  const shown = elide(edgeWords(e, lang).words, labelMetrics, LABEL_MAX);
  return { width: textWidth(shown, labelMetrics) + 2 * LABEL_PAD, height: LABEL_SIZE * LINE + LABEL_PAD };
}

/**
 * Boxes in buckets of {@link BoxGrid.CELL} px, for "what meets this box" in about constant time.
 * A box that would take more than {@link BoxGrid.MAX_CELLS} buckets (documents may be huge) is
 * kept in one list that every question looks at.
 */
export class BoxGrid {
  private static readonly CELL = 128;
  private static readonly MAX_CELLS = 64;
  private cells = new Map<number, Box[]>();
  private big: Box[] = [];

  add(b: Box): void {
    if (
      !this.each(b, (k) => {
        let list = this.cells.get(k);
        if (list === undefined) this.cells.set(k, (list = []));
        list.push(b);
      })
    )
      this.big.push(b);
  }

  /** The total area of the boxes that `b` overlaps (a box in several buckets counted once). */
  overlap(b: Box): number {
    let area = 0;
    for (const o of this.big) area += overlapArea(b, o);
    const seen = new Set<Box>();
    const visit = (k: number) => {
      for (const o of this.cells.get(k) ?? []) {
        if (seen.has(o)) continue;
        seen.add(o);
        area += overlapArea(b, o);
      }
    };
    if (!this.each(b, visit)) for (const k of this.cells.keys()) visit(k);
    return area;
  }

  /** Calls `f` with the key of every bucket `b` meets; false (and no call) when they are too many. */
  private each(b: Box, f: (key: number) => void): boolean {
    const c = BoxGrid.CELL;
    const x0 = Math.floor(b.l / c);
    const x1 = Math.floor(b.r / c);
    const y0 = Math.floor(b.t / c);
    const y1 = Math.floor(b.b / c);
    if (!((x1 - x0 + 1) * (y1 - y0 + 1) <= BoxGrid.MAX_CELLS)) return false;
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) f(x * 1_000_003 + y);
    return true;
  }
}

/** The points along a route at distances `at` from its start. */
function pointAt(points: readonly Point[], at: number): Point {
  let left = at;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    if (left <= len || i === points.length - 1) {
      const t = len > 0 ? Math.min(1, left / len) : 0;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    left -= len;
  }
  return points[0]!;
}

/** Distance along the route of its point nearest to `p`. */
function distanceAlong(points: readonly Point[], p: Point): number {
  let best = Infinity;
  let bestAt = 0;
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    const t =
      len > 0
        ? Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / (len * len)))
        : 0;
    const q = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    const d = Math.hypot(q.x - p.x, q.y - p.y);
    if (d < best) {
      best = d;
      bestAt = walked + t * len;
    }
    walked += len;
  }
  return bestAt;
}

/**
 * Places an edge's label on its route: centred on the route's `labelAt` when that covers no
 * node's text (`text`) and no label placed before (`labels`), else at the nearest place along the
 * route that does. When no place on the route is free, the person's own label goes where it
 * covers the least, and the kind's words are left out (the line's look and the legend say the
 * kind): words over a node's name would hide the name. A label stays inside `area` (moved in,
 * off the route, when its place on the route would leave it). Its box is added to `labels`.
 */
export function placeLabel(
  e: StackEdge,
  route: EdgeRoute,
  lang: Lang,
  text: BoxGrid,
  labels: BoxGrid,
  area: Box,
): PlacedLabel | null {
  const { words, own } = edgeWords(e, lang);
  const shown = elide(words, labelMetrics, LABEL_MAX);
  const { width: w, height: h } = labelSize(e, lang);
  const boxAt = (p: Point): Box => {
    const l = Math.max(area.l, Math.min(area.r - w, p.x - w / 2));
    const t = Math.max(area.t, Math.min(area.b - h, p.y - h / 2));
    return { l, t, r: l + w, b: t + h };
  };

  const pts = route.points;
  let length = 0;
  for (let i = 1; i < pts.length; i++)
    length += Math.abs(pts[i]!.x - pts[i - 1]!.x) + Math.abs(pts[i]!.y - pts[i - 1]!.y);
  const tries: Point[] = [route.labelAt];
  if (length > 2 * END_CLEAR) {
    const home = Math.max(END_CLEAR, Math.min(length - END_CLEAR, distanceAlong(pts, route.labelAt)));
    const step = Math.max(6, (length - 2 * END_CLEAR) / MAX_TRIES);
    for (let k = 1; tries.length < MAX_TRIES; k++) {
      const before = home - k * step;
      const after = home + k * step;
      const inBefore = before >= END_CLEAR;
      const inAfter = after <= length - END_CLEAR;
      if (!inBefore && !inAfter) break;
      if (inAfter) tries.push(pointAt(pts, after));
      if (inBefore) tries.push(pointAt(pts, before));
    }
  }
  let best: Box | undefined;
  let bestCost = Infinity;
  for (const p of tries) {
    const b = boxAt(p);
    // Covering a node's text is worse than covering another label.
    const cost = 4 * text.overlap(b) + labels.overlap(b);
    if (cost < bestCost) {
      best = b;
      bestCost = cost;
      if (cost === 0) break;
    }
  }
  if (bestCost > 0 && !own) return null;
  const box = best ?? boxAt(route.labelAt);
  labels.add(box);
  return { shown, own, box };
}

/** A label drawn: its background and its words, in a group that says whose label it is. */
export function labelSvg(e: StackEdge, l: PlacedLabel, bad: boolean, theme: ThemeColors): string {
  const box = l.box;
  const style: TextStyle = {
    size: LABEL_SIZE,
    fill: bad ? theme.error : l.own ? theme.text : theme.muted,
    cls: "sd-edge-label",
    anchor: "middle",
  };
  const cx = (box.l + box.r) / 2;
  const cy = (box.t + box.b) / 2;
  return (
    `<g class="sd-edge-tag" data-label-for="${escapeAttr(e.id)}"${boxAttrs(box)}>` +
    `<rect x="${num(box.l)}" y="${num(box.t)}" width="${num(box.r - box.l)}" height="${num(box.b - box.t)}" rx="3" ${paint("fill", theme.panel)} fill-opacity="0.92"/>` +
    text(cx, cy + LABEL_SIZE * 0.35, l.shown, style) +
    `</g>`
  );
}
