/**
 * The renderer's small vocabulary: numbers, paints, text metrics and `<text>` elements, and the
 * boxes text takes. Shared by the nodes, the edges, the title and the legend of src/render/svg.ts.
 */
import { styledTextWidth, type TextMetrics } from "../domain/layout/index.ts";
import { escapeXml } from "./xml.ts";

/** Monospace stack for key props, with Hangul-capable fallbacks (the embedded UI font last). */
export const MONO_FAMILY =
  "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Noto Sans Mono CJK KR', 'Noto Sans KR', Pretendard, monospace";

/** Line height of every text (styles.css: line-height 1.2). */
export const LINE = 1.2;
export const ELLIPSIS = "…";

/** An axis-aligned box: left, top, right, bottom. */
export interface Box {
  l: number;
  t: number;
  r: number;
  b: number;
}

export const boxesMeet = (a: Box, b: Box): boolean => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;

/** The area two boxes share (0 when they do not meet). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.r, b.r) - Math.max(a.l, b.l);
  const h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Formats a coordinate: two decimals at most, never `-0`. */
export function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? "0" : String(r);
}

/** `data-x`, `data-y`, `data-width`, `data-height` of a box (with a `data-` prefix of choice). */
export function boxAttrs(b: Box, prefix = "data-"): string {
  return ` ${prefix}x="${num(b.l)}" ${prefix}y="${num(b.t)}" ${prefix}width="${num(b.r - b.l)}" ${prefix}height="${num(b.b - b.t)}"`;
}

/** A fill or stroke attribute for a colour of the tables (`transparent` and `rgba()` included). */
const paints = new Map<string, string>();
export function paint(attr: "fill" | "stroke", color: string): string {
  const key = attr + color;
  let p = paints.get(key);
  if (p === undefined) paints.set(key, (p = paintOf(attr, color)));
  return p;
}
function paintOf(attr: "fill" | "stroke", color: string): string {
  if (color === "transparent") return `${attr}="none"`;
  const m = /^rgba\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*([\d.]+)\s*\)$/.exec(color);
  if (m) return `${attr}="rgb(${m[1]},${m[2]},${m[3]})" ${attr}-opacity="${m[4]}"`;
  return `${attr}="${color}"`;
}

let segmenter: Intl.Segmenter | null | undefined;
function graphemes(text: string): Iterable<string> {
  if (segmenter === undefined)
    segmenter =
      typeof Intl.Segmenter === "function"
        ? new Intl.Segmenter(undefined, { granularity: "grapheme" })
        : null;
  if (segmenter === null) return Array.from(text);
  const s = segmenter;
  return (function* () {
    for (const g of s.segment(text)) yield g.segment;
  })();
}

/** How text is measured (the layout's metrics: the canvas and the exports measure alike). */
export type Metrics = TextMetrics;

/** Estimated width of `text` (stops counting past `cap`). */
export const textWidth: (text: string, m: Metrics, cap?: number) => number = styledTextWidth;

/**
 * `text` (already cleaned) shortened to `room` px: whole if it fits, else its longest prefix of
 * whole graphemes that fits with "…" after it, or "" when not even "…" fits.
 */
export function elide(text: string, m: Metrics, room: number): string {
  if (textWidth(text, m, room + m.size) <= room) return text;
  const budget = room - textWidth(ELLIPSIS, m);
  if (budget < 0) return "";
  let used = 0;
  let out = "";
  for (const g of graphemes(text)) {
    used += textWidth(g, m);
    if (used > budget) break;
    out += g;
  }
  return out + ELLIPSIS;
}

/** Baseline of a line box of `size` px text whose top is at `top` (line-height 1.2). */
export function baseline(top: number, size: number): number {
  return top + (size * LINE - size) / 2 + size * 0.8;
}

export interface TextStyle extends Metrics {
  fill: string;
  cls: string;
  anchor?: "middle";
}

/** The line box a `<text>` at (x, baseline y) takes: its estimated width by one line's height. */
export function textBox(x: number, y: number, content: string, s: TextStyle): Box {
  const w = textWidth(content, s);
  const l = s.anchor === "middle" ? x - w / 2 : x;
  const top = y - s.size * 0.8 - (s.size * LINE - s.size) / 2;
  return { l, t: top, r: l + w, b: top + s.size * LINE };
}

/** One `<text>` element; `content` is document text or not, it is escaped either way. */
export function text(x: number, y: number, content: string, s: TextStyle): string {
  return (
    `<text class="${s.cls}" x="${num(x)}" y="${num(y)}" font-size="${s.size}"` +
    (s.weight ? ` font-weight="${s.weight}"` : "") +
    (s.mono ? ` font-family="${MONO_FAMILY}"` : "") +
    (s.spacing ? ` letter-spacing="${s.spacing}"` : "") +
    (s.anchor ? ` text-anchor="${s.anchor}"` : "") +
    ` ${paint("fill", s.fill)}>${escapeXml(content)}</text>`
  );
}
