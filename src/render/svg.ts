/**
 * The Stackdraw renderer: a document drawn to an SVG string in pure TypeScript (no DOM), shared
 * by the editor's Export, the template gallery's thumbnails and the CLI's `render`. It draws what
 * the canvas draws (src/canvas/StackNodeView.tsx with src/styles.css): the same boxes at the same
 * geometry, colours per layer and theme, labels, key props, problem badges and edges. Both read a
 * kind's shape and border, and an edge kind's stroke, from the catalog (src/domain/view-model.ts).
 *
 * Safety: document text only ever appears as XML character data, escaped and cleaned of what XML
 * cannot hold; document text never goes into an attribute. The output has no scripts, no
 * `<foreignObject>`, no external references and no ids (several drawings can be inlined in one
 * page). It is deterministic: the same document and options give the same string.
 */
import type { StackDocument, StackEdge, StackNode } from "../domain/document.ts";
import { indexDocument, type ManagedBy } from "../domain/diagram.ts";
import { KIND_DEFS } from "../domain/kinds/catalog.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { LAYOUT, estimateTextWidth, resolveGeometry, type ResolvedGeometry } from "../domain/layout/index.ts";
import { problemsByNode, validate, type Problem } from "../domain/rules/index.ts";
import {
  BORDER_DASHARRAY,
  CORNER_RADIUS,
  displayLabel,
  drawnShape,
  edgeDasharray,
  keyPropLines,
  lookOf,
} from "../domain/view-model.ts";
import { THEMES, type LayerColors, type ThemeColors, type ThemeName } from "./colors.ts";
import { cleanText, escapeXml } from "./xml.ts";

/** Options of {@link renderSvg}. */
export interface RenderOptions {
  /** Colour theme; default `light`. */
  theme?: ThemeName;
  /** Language of kind names and edge-kind labels; default `en`. */
  lang?: Lang;
  /** Colour nodes by who manages them; default: on when the document's view says `managedBy`. */
  overlay?: boolean;
  /**
   * Problem badges and severity outlines: `true` (default) validates the document, `false` draws
   * none, an array draws those problems (the editor passes the ones it already has).
   */
  problems?: boolean | readonly Problem[];
  /** Space around the diagram, in diagram pixels; default 24. */
  margin?: number;
  /** Multiplier of the `width` and `height` attributes (not of the drawing); default 1. */
  scale?: number;
}

/** What {@link renderSvg} returns. */
export interface RenderResult {
  /** A standalone SVG document (no XML declaration). */
  svg: string;
  /** The `width` attribute: the diagram's width plus margins, times `scale`. */
  width: number;
  /** The `height` attribute: the diagram's height plus margins, times `scale`. */
  height: number;
}

/** Font stacks: the editor's UI face first, then fonts that have Hangul, then the generic. */
export const FONT_FAMILY =
  "Pretendard, 'Noto Sans KR', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', system-ui, sans-serif";
/** Monospace stack for key props, with Hangul-capable fallbacks. */
export const MONO_FAMILY =
  "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Noto Sans Mono CJK KR', 'Noto Sans KR', monospace";

// Text metrics of the node view (styles.css: line-height 1.2; kind 10 px bold, +0.5 px spacing).
const KIND_SIZE = 10;
const KIND_SPACING = 0.5;
const LABEL_SIZE = LAYOUT.fontSize.label;
const PROP_SIZE = LAYOUT.fontSize.prop;
const LINE = 1.2;
const BADGE_SIZE = 12;
const BADGE_HEIGHT = 20;
const EDGE_LABEL_SIZE = 11;
const EDGE_LABEL_MAX = 200;
const GAP = 6;
const BORDER = 1.5;
const ARROW_LENGTH = 8;
const ARROW_HALF = 4.5;
const ELLIPSIS = "…";

/** Formats a coordinate: two decimals at most, never `-0`. */
function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? "0" : String(r);
}

/** A fill or stroke attribute for a colour of the tables (`transparent` and `rgba()` included). */
const paints = new Map<string, string>();
function paint(attr: "fill" | "stroke", color: string): string {
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

/** `#rgb`/`#rrggbb` times `factor` (CSS `filter: brightness()` on a flat colour). */
function brightness(hex: string, factor: number): string {
  const h = hex.length === 4 ? hex.replace(/^#(.)(.)(.)$/, "#$1$1$2$2$3$3") : hex;
  const v = Number.parseInt(h.slice(1), 16);
  const ch = (shift: number) => Math.min(255, Math.round(((v >> shift) & 0xff) * factor));
  return `#${((1 << 24) | (ch(16) << 16) | (ch(8) << 8) | ch(0)).toString(16).slice(1)}`;
}

// ---------------------------------------------------------------------------------------------
// Text fitting

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

/** How text is measured: its size, letter spacing, weight and face. */
interface Metrics {
  size: number;
  spacing?: number;
  /** Bold faces run wider than the estimate's regular face. */
  weight?: number;
  /** Monospace: every narrow character is 0.6 em wide. */
  mono?: boolean;
}

/** Estimated width of `text` (stops counting past `cap`). */
function textWidth(text: string, m: Metrics, cap = Infinity): number {
  let w: number;
  if (m.mono) {
    w = 0;
    const narrow = 0.6 * m.size;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f) w += narrow;
      else {
        const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
        const e = estimateTextWidth(pair ? text.slice(i, i + 2) : text[i]!, m.size);
        if (pair) i++;
        w += e > 0 && e < narrow ? narrow : e;
      }
      if (w > cap) break;
    }
  } else w = estimateTextWidth(text, m.size, cap);
  // The layout's estimate is already calibrated for the label's weight (src/domain/layout/text.ts),
  // so boxes sized by it hold their labels here too.
  return w + (m.spacing ? m.spacing * text.length : 0);
}

/**
 * `text` (already cleaned) shortened to `room` px: whole if it fits, else its longest prefix of
 * whole graphemes that fits with "…" after it, or "" when not even "…" fits.
 */
function elide(text: string, m: Metrics, room: number): string {
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
function baseline(top: number, size: number): number {
  return top + (size * LINE - size) / 2 + size * 0.8;
}

// ---------------------------------------------------------------------------------------------
// Shapes

/** A rectangle with its own radius per corner: top-left, top-right, bottom-right, bottom-left. */
function roundedPath(
  x: number,
  y: number,
  w: number,
  h: number,
  tl: number,
  tr: number,
  br: number,
  bl: number,
): string {
  const c = (r: number) => Math.max(0, Math.min(r, w / 2, h / 2));
  const [a, b, d, e] = [c(tl), c(tr), c(br), c(bl)];
  const arc = (r: number, ex: number, ey: number) =>
    r > 0 ? `A${num(r)} ${num(r)} 0 0 1 ${num(ex)} ${num(ey)}` : `L${num(ex)} ${num(ey)}`;
  return (
    `M${num(x + a)} ${num(y)}H${num(x + w - b)}${arc(b, x + w, y + b)}V${num(y + h - d)}${arc(d, x + w - d, y + h)}` +
    `H${num(x + e)}${arc(e, x, y + h - e)}V${num(y + a)}${arc(a, x + a, y)}Z`
  );
}

interface TextStyle extends Metrics {
  fill: string;
  cls: string;
  anchor?: "middle";
}

/** One `<text>` element; `content` is document text or not, it is escaped either way. */
function text(x: number, y: number, content: string, s: TextStyle): string {
  return (
    `<text class="${s.cls}" x="${num(x)}" y="${num(y)}" font-size="${s.size}"` +
    (s.weight ? ` font-weight="${s.weight}"` : "") +
    (s.mono ? ` font-family="${MONO_FAMILY}"` : "") +
    (s.spacing ? ` letter-spacing="${s.spacing}"` : "") +
    (s.anchor ? ` text-anchor="${s.anchor}"` : "") +
    ` ${paint("fill", s.fill)}>${escapeXml(content)}</text>`
  );
}

// ---------------------------------------------------------------------------------------------
// Nodes

interface NodeInput {
  node: StackNode;
  geo: ResolvedGeometry;
  hasChildren: boolean;
  problems: readonly Problem[];
  managedBy: ManagedBy | null;
}

function nodeColors(theme: ThemeColors, node: StackNode, managedBy: ManagedBy | null): LayerColors {
  if (managedBy === null) return theme.layers[KIND_DEFS[node.kind].layer];
  const fill = managedBy === "user" ? theme.userBg : theme.providerBg;
  return { fill, border: managedBy === "user" ? theme.user : theme.provider, band: brightness(fill, 0.96) };
}

/**
 * The outline of a node as the SVG draws it, from its kind's declared look: the corner radius of
 * the shape it is drawn with ({@link drawnShape}) and the dash pattern of its border (styles.css:
 * `.sd-frame` 10 px corners, `[data-border="dashed"]`).
 */
export function nodeOutline(
  kind: StackNode["kind"],
  hasChildren: boolean,
): { shape: "box" | "frame"; radius: number; dasharray: string | undefined } {
  const shape = drawnShape(kind, hasChildren);
  return { shape, radius: CORNER_RADIUS[shape], dasharray: BORDER_DASHARRAY[lookOf(kind).border] };
}

/**
 * Draws one node as the canvas does: its box, its band (boxes with children, at the bottom) or
 * title bar (frames with children, at the top), its kind name, label and up to two key props,
 * and its problem badge and outline.
 */
function drawNode(out: string[], inp: NodeInput, theme: ThemeColors, lang: Lang): void {
  const { node, geo, hasChildren, problems, managedBy } = inp;
  const def = KIND_DEFS[node.kind];
  const colors = nodeColors(theme, node, managedBy);
  const { x, y } = geo.absolute;
  const { width: w, height: h } = geo.size;
  const { shape, radius, dasharray } = nodeOutline(node.kind, hasChildren);
  const frame = shape === "frame";
  const errors = problems.reduce((n, p) => n + (p.severity === "error" ? 1 : 0), 0);
  const severity = errors > 0 ? "error" : problems.length > 0 ? "warning" : null;

  out.push("<g>");
  if (severity !== null) {
    const halo = severity === "error" ? theme.errorBg : theme.warningBg;
    out.push(
      `<rect x="${num(x - 1)}" y="${num(y - 1)}" width="${num(w + 2)}" height="${num(h + 2)}" rx="${num(Math.min(radius + 1, (w + 2) / 2, (h + 2) / 2))}" fill="none" ${paint("stroke", halo)} stroke-width="2"/>`,
    );
  }
  const border = severity === "error" ? theme.error : severity === "warning" ? theme.warning : colors.border;
  const bw = Math.max(0, w - BORDER);
  const bh = Math.max(0, h - BORDER);
  out.push(
    `<rect x="${num(x + BORDER / 2)}" y="${num(y + BORDER / 2)}" width="${num(bw)}" height="${num(bh)}" rx="${num(Math.max(0, Math.min(radius - BORDER / 2, bw / 2, bh / 2)))}" ${paint("fill", colors.fill)} ${paint("stroke", border)} stroke-width="${BORDER}"${dasharray !== undefined ? ` stroke-dasharray="${dasharray}"` : ""}/>`,
  );

  // The strip that holds the text: a band at the bottom, a title bar at the top, or the whole box.
  const placement = !hasChildren ? "leaf" : frame ? "header" : "band";
  const ix = x + BORDER;
  const iw = Math.max(0, w - 2 * BORDER);
  let stripTop = y;
  let stripH = h;
  if (placement === "band") {
    stripH = Math.max(0, Math.min(LAYOUT.bandHeight, h - 2 * BORDER));
    stripTop = y + h - BORDER - stripH;
    const r = radius - BORDER;
    out.push(
      `<path d="${roundedPath(ix, stripTop, iw, stripH, 0, 0, r, r)}" ${paint("fill", colors.band)}/>`,
    );
  } else if (placement === "header") {
    stripH = Math.max(0, Math.min(LAYOUT.headerHeight, h - 2 * BORDER));
    stripTop = y + BORDER;
    const r = radius - BORDER;
    out.push(
      `<path d="${roundedPath(ix, stripTop, iw, stripH, r, r, 0, 0)}" ${paint("fill", colors.band)}/>`,
    );
  }
  const mid = stripTop + stripH / 2;

  // Badge at the right of the strip.
  let right = x + w - LAYOUT.textInset;
  if (severity !== null) {
    const count = String(problems.length);
    const pw = Math.max(BADGE_HEIGHT, textWidth(count, { size: BADGE_SIZE, weight: 700 }) + 12);
    const px = right - pw;
    out.push(
      `<rect x="${num(px)}" y="${num(mid - BADGE_HEIGHT / 2)}" width="${num(pw)}" height="${BADGE_HEIGHT}" rx="${BADGE_HEIGHT / 2}" ${paint("fill", severity === "error" ? theme.error : theme.warning)}/>`,
      text(px + pw / 2, mid + BADGE_SIZE * 0.35, count, {
        size: BADGE_SIZE,
        weight: 700,
        fill: "#ffffff",
        cls: "sd-badge",
        anchor: "middle",
      }),
    );
    right = px - GAP;
  }

  const left = x + LAYOUT.textInset;
  const room = right - left;
  const kindText = def.name[lang].toUpperCase();
  const label = cleanText(displayLabel(node, lang));
  const props = keyPropLines(node, lang).map(cleanText);
  const kindStyle: TextStyle = {
    size: KIND_SIZE,
    weight: 700,
    spacing: KIND_SPACING,
    fill: colors.border,
    cls: "sd-kind",
  };
  const labelStyle: TextStyle = { size: LABEL_SIZE, weight: 600, fill: theme.text, cls: "sd-label" };
  const propStyle: TextStyle = { size: PROP_SIZE, mono: true, fill: theme.muted, cls: "sd-prop" };

  /** Label then props on one baseline from `x0`, sharing the room left. */
  const row = (x0: number, base: number) => {
    const shown = elide(label, labelStyle, right - x0);
    out.push(text(x0, base, shown, labelStyle));
    let cx = x0 + textWidth(shown, labelStyle) + GAP;
    for (const p of props) {
      if (right - cx < 3 * PROP_SIZE) break;
      const s = elide(p, propStyle, right - cx);
      if (s === "") break;
      out.push(text(cx, base, s, propStyle));
      cx += textWidth(s, propStyle) + GAP;
    }
  };

  if (placement === "band") {
    // Kind name on its own line, then label and key props on one line (styles.css wraps them).
    const block = (KIND_SIZE + LABEL_SIZE) * LINE;
    const top = mid - block / 2;
    const kind = elide(kindText, kindStyle, room);
    if (kind !== "") out.push(text(left, baseline(top, KIND_SIZE), kind, kindStyle));
    row(left, baseline(top + KIND_SIZE * LINE, LABEL_SIZE));
  } else if (frame) {
    // A frame's kind name, label and key props on one baseline.
    const base = baseline(mid - (LABEL_SIZE * LINE) / 2, LABEL_SIZE);
    const kindRoom = Math.min(room, Math.max(room / 2, room - textWidth(label, labelStyle, room)) - GAP);
    const kind = elide(kindText, kindStyle, kindRoom);
    let x0 = left;
    if (kind !== "") {
      out.push(text(left, base, kind, kindStyle));
      x0 += textWidth(kind, kindStyle) + GAP;
    }
    row(x0, base);
  } else {
    // A leaf: kind name, label and key props stacked, centred in the box.
    const block = (KIND_SIZE + LABEL_SIZE + props.length * PROP_SIZE) * LINE;
    let top = mid - block / 2;
    const kind = elide(kindText, kindStyle, room);
    if (kind !== "") out.push(text(left, baseline(top, KIND_SIZE), kind, kindStyle));
    top += KIND_SIZE * LINE;
    out.push(text(left, baseline(top, LABEL_SIZE), elide(label, labelStyle, room), labelStyle));
    top += LABEL_SIZE * LINE;
    for (const p of props) {
      const s = elide(p, propStyle, room);
      if (s !== "") out.push(text(left, baseline(top, PROP_SIZE), s, propStyle));
      top += PROP_SIZE * LINE;
    }
  }
  out.push("</g>");
}

// ---------------------------------------------------------------------------------------------
// Edges

interface Box {
  l: number;
  t: number;
  r: number;
  b: number;
}
interface Pt {
  x: number;
  y: number;
}

const boxOf = (g: ResolvedGeometry): Box => ({
  l: g.absolute.x,
  t: g.absolute.y,
  r: g.absolute.x + g.size.width,
  b: g.absolute.y + g.size.height,
});

/**
 * The route of an edge and where its label goes: an orthogonal elbow from the side of the source
 * facing the target to the side of the target facing the source (right→left when the target is
 * to the right, which is the usual case); a straight line between boxes that overlap (a node and
 * its ancestor); a small loop for an edge from a node to itself.
 */
function route(s: Box, t: Box, self: boolean): { points: Pt[]; label: Pt } {
  const scx = (s.l + s.r) / 2;
  const scy = (s.t + s.b) / 2;
  const tcx = (t.l + t.r) / 2;
  const tcy = (t.t + t.b) / 2;
  const clear = ARROW_LENGTH;
  if (self) {
    const ox = s.r + 24;
    return {
      points: [
        { x: s.r, y: scy - 10 },
        { x: ox, y: scy - 10 },
        { x: ox, y: scy + 10 },
        { x: s.r, y: scy + 10 },
      ],
      label: { x: ox, y: scy },
    };
  }
  const horizontal = (x0: number, x1: number) => {
    const mx = (x0 + x1) / 2;
    const points =
      Math.abs(scy - tcy) < 0.5
        ? [
            { x: x0, y: scy },
            { x: x1, y: scy },
          ]
        : [
            { x: x0, y: scy },
            { x: mx, y: scy },
            { x: mx, y: tcy },
            { x: x1, y: tcy },
          ];
    return { points, label: { x: mx, y: (scy + tcy) / 2 } };
  };
  const vertical = (y0: number, y1: number) => {
    const my = (y0 + y1) / 2;
    const points =
      Math.abs(scx - tcx) < 0.5
        ? [
            { x: scx, y: y0 },
            { x: scx, y: y1 },
          ]
        : [
            { x: scx, y: y0 },
            { x: scx, y: my },
            { x: tcx, y: my },
            { x: tcx, y: y1 },
          ];
    return { points, label: { x: (scx + tcx) / 2, y: my } };
  };
  if (t.l >= s.r + clear) return horizontal(s.r, t.l);
  if (t.r <= s.l - clear) return horizontal(s.l, t.r);
  if (t.t >= s.b + clear) return vertical(s.b, t.t);
  if (t.b <= s.t - clear) return vertical(s.t, t.b);
  const a = { x: s.r, y: scy };
  const b = { x: t.l, y: tcy };
  return { points: [a, b], label: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
}

function drawEdge(
  out: string[],
  e: StackEdge,
  s: ResolvedGeometry,
  t: ResolvedGeometry,
  bad: boolean,
  theme: ThemeColors,
): void {
  const { points, label } = route(boxOf(s), boxOf(t), e.source === e.target);
  const color = bad ? theme.error : theme.edge;
  // Arrowhead along the last segment; the line stops at its base so dashes do not poke through.
  const end = points[points.length - 1]!;
  const prev = points[points.length - 2]!;
  let dx = end.x - prev.x;
  let dy = end.y - prev.y;
  const len = Math.hypot(dx, dy);
  if (len > 0) {
    dx /= len;
    dy /= len;
  } else dx = 1;
  const base = { x: end.x - dx * ARROW_LENGTH, y: end.y - dy * ARROW_LENGTH };
  const line = len > ARROW_LENGTH ? [...points.slice(0, -1), base] : points;
  const pattern = edgeDasharray(e.kind);
  const dash = pattern !== undefined ? ` stroke-dasharray="${pattern}"` : "";
  const d = line.map((p, i) => `${i === 0 ? "M" : "L"}${num(p.x)} ${num(p.y)}`).join("");
  out.push(`<g class="sd-edge">`);
  out.push(
    `<path class="sd-edge-line" d="${d}" fill="none" ${paint("stroke", color)} stroke-width="1.5" stroke-linejoin="round"${dash}/>`,
  );
  const wing = (sign: number) =>
    `${num(base.x - dy * ARROW_HALF * sign)},${num(base.y + dx * ARROW_HALF * sign)}`;
  out.push(`<polygon points="${num(end.x)},${num(end.y)} ${wing(1)} ${wing(-1)}" ${paint("fill", color)}/>`);

  // As on the canvas: only the person's own labels; the line style says the kind.
  const raw = e.label;
  if (raw !== undefined && raw !== "") {
    const edgeStyle: TextStyle = {
      size: EDGE_LABEL_SIZE,
      fill: bad ? theme.error : theme.text,
      cls: "sd-edge-label",
      anchor: "middle",
    };
    const shown = elide(cleanText(raw), edgeStyle, EDGE_LABEL_MAX);
    const tw = textWidth(shown, edgeStyle);
    const lh = EDGE_LABEL_SIZE * LINE + 4;
    out.push(
      `<rect x="${num(label.x - tw / 2 - 4)}" y="${num(label.y - lh / 2)}" width="${num(tw + 8)}" height="${num(lh)}" rx="3" ${paint("fill", theme.panel)} fill-opacity="0.92"/>`,
      text(label.x, label.y + EDGE_LABEL_SIZE * 0.35, shown, edgeStyle),
    );
  }
  out.push("</g>");
}

// ---------------------------------------------------------------------------------------------

/**
 * Draws a document to a standalone SVG string: the whole diagram with a margin, nodes parents
 * first (children on top), edges on top of the nodes. Geometry comes from
 * {@link resolveGeometry}, so a document without positions is laid out by the stack layout.
 * Never throws for a valid document; document text is always escaped character data.
 */
export function renderSvg(doc: StackDocument, opts: RenderOptions = {}): RenderResult {
  const theme = THEMES[opts.theme ?? "light"];
  const lang: Lang = opts.lang ?? "en";
  const overlay = opts.overlay ?? doc.view?.overlay === "managedBy";
  const margin = Number.isFinite(opts.margin) && opts.margin! >= 0 ? opts.margin! : 24;
  const scale = Number.isFinite(opts.scale) && opts.scale! > 0 ? opts.scale! : 1;

  const geometry = resolveGeometry(doc);
  const index = indexDocument(doc);
  const problemList: readonly Problem[] =
    opts.problems === false
      ? []
      : opts.problems === true || opts.problems === undefined
        ? validate(doc)
        : opts.problems;
  const byNode = problemsByNode(problemList);
  const badEdges = new Set<string>();
  for (const p of problemList) if (p.edgeId !== undefined) badEdges.add(p.edgeId);

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const g of geometry.values()) {
    minX = Math.min(minX, g.absolute.x);
    minY = Math.min(minY, g.absolute.y);
    maxX = Math.max(maxX, g.absolute.x + g.size.width);
    maxY = Math.max(maxY, g.absolute.y + g.size.height);
  }
  if (minX === Infinity) minX = minY = maxX = maxY = 0;
  const vx = minX - margin;
  const vy = minY - margin;
  const vw = maxX - minX + 2 * margin;
  const vh = maxY - minY + 2 * margin;
  const width = Math.max(1, Math.ceil(vw * scale));
  const height = Math.max(1, Math.ceil(vh * scale));

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${num(vx)} ${num(vy)} ${num(vw)} ${num(vh)}" font-family="${FONT_FAMILY}" xml:space="preserve">`,
    `<rect x="${num(vx)}" y="${num(vy)}" width="${num(vw)}" height="${num(vh)}" ${paint("fill", theme.background)}/>`,
    `<g class="sd-nodes">`,
  );
  for (const node of index.order) {
    const geo = geometry.get(node.id);
    if (geo === undefined) continue;
    drawNode(
      out,
      {
        node,
        geo,
        hasChildren: (index.children.get(node.id)?.length ?? 0) > 0,
        problems: byNode.get(node.id) ?? [],
        managedBy: overlay ? (index.context.get(node.id)?.managedBy ?? "user") : null,
      },
      theme,
      lang,
    );
  }
  out.push(`</g><g class="sd-edges">`);
  for (const e of doc.edges) {
    const s = geometry.get(e.source);
    const t = geometry.get(e.target);
    if (s === undefined || t === undefined) continue;
    drawEdge(out, e, s, t, badEdges.has(e.id), theme);
  }
  out.push("</g></svg>");
  return { svg: out.join(""), width, height };
}
