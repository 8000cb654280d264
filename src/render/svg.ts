/**
 * The Stackdraw renderer: a document drawn to an SVG string in pure TypeScript (no DOM), shared
 * by the editor's Export, the template gallery's thumbnails and the CLI's `render`. It draws what
 * the canvas draws (src/canvas/StackNodeView.tsx with src/styles.css): the same boxes at the same
 * geometry, colours per layer and theme, labels, key props, problem badges and edges. Both read a
 * kind's shape and border, and an edge kind's stroke and weight, from the catalog
 * (src/domain/view-model.ts, src/domain/kinds/catalog.ts).
 *
 * The SVG is a public contract (docs/drawing.md, "The SVG is a public contract"): the viewBox is
 * `0 0 W H` and every coordinate, path and `data-*` box is in that one user space; every node is
 * a `<g data-node-id data-kind data-x data-y data-width data-height>`, every edge ONE
 * `<path data-edge-id data-kind data-source data-target>` whose `d` has only absolute M/H/V/L.
 *
 * Safety: document text only ever appears as XML character data, escaped and cleaned of what XML
 * cannot hold; the only document strings in attributes are node and edge ids in `data-*`
 * attributes, escaped. The output has no scripts, no `<foreignObject>` and no external
 * references; its only ids are its arrowhead markers', prefixed by a hash of the drawing, so
 * several drawings can be inlined in one page. It is deterministic: the same document and
 * options give the same string.
 */
import type { StackDocument, StackEdge, StackNode } from "../domain/document.ts";
import { indexDocument, type ManagedBy } from "../domain/diagram.ts";
import { KIND_DEFS, type EdgeKind } from "../domain/kinds/catalog.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { LAYOUT, NODE_TEXT, resolveGeometry } from "../domain/layout/index.ts";
import { problemsByNode, validate, type Problem } from "../domain/rules/index.ts";
import {
  BORDER_DASHARRAY,
  CORNER_RADIUS,
  displayLabel,
  drawnShape,
  keyPropLines,
  lookOf,
} from "../domain/view-model.ts";
import { THEMES, type ThemeColors, type ThemeName } from "./colors.ts";
import { nodeColors } from "./node-colors.ts";
import { BoxGrid, edgePath, labelSize, labelSvg, markerDef, placeLabel, type PlacedLabel } from "./edges.ts";
import { layoutLegend, legendEntries, legendSvg } from "./legend.ts";
import { edgeRoutes, type EdgeRoute } from "./routes.ts";
import {
  LINE,
  baseline,
  boxAttrs,
  elide,
  num,
  paint,
  text,
  textBox,
  textWidth,
  type Box,
  type TextStyle,
} from "./text.ts";
import { cleanText, escapeAttr } from "./xml.ts";

export { MONO_FAMILY } from "./text.ts";

/** Options of {@link renderSvg}. */
export interface RenderOptions {
  /** Colour theme; default `light`. */
  theme?: ThemeName;
  /** Language of kind names, edge words and the legend; default `en`. */
  lang?: Lang;
  /** Colour nodes by who manages them; default: on when the document's view says `managedBy`. */
  overlay?: boolean;
  /**
   * Problem badges and severity outlines: `true` (default) validates the document, `false` draws
   * none, an array draws those problems (the editor passes the ones it already has).
   */
  problems?: boolean | readonly Problem[];
  /** Space around the drawing, in diagram pixels; default 24. */
  margin?: number;
  /** Multiplier of the `width` and `height` attributes (not of the drawing); default 1. */
  scale?: number;
  /** Draw the document's title, when it has one, at the top; default true. */
  title?: boolean;
  /** Draw the legend (the edge kinds shown, the overlay's colours) under the diagram; default true. */
  legend?: boolean;
}

/** What {@link renderSvg} returns. */
export interface RenderResult {
  /** A standalone SVG document (no XML declaration). */
  svg: string;
  /** The `width` attribute: the viewBox's width times `scale`. */
  width: number;
  /** The `height` attribute: the viewBox's height times `scale`. */
  height: number;
}

/** Font stacks: the editor's UI face first, then fonts that have Hangul, then the generic. */
export const FONT_FAMILY =
  "Pretendard, 'Noto Sans KR', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', system-ui, sans-serif";

// Text metrics of the node view (styles.css: line-height 1.2; kind 10 px bold, +0.5 px spacing).
const KIND_SIZE = NODE_TEXT.kindSize;
const KIND_SPACING = NODE_TEXT.kindSpacing;
const LABEL_SIZE = NODE_TEXT.labelSize;
const PROP_SIZE = NODE_TEXT.propSize;
const BADGE_SIZE = 12;
const BADGE_HEIGHT = 20;
/** The badge on a box's kind line (styles.css `.sd-kind-row .sd-badge`). */
const LEAF_BADGE_SIZE = 11;
const LEAF_BADGE_HEIGHT = 16;
const GAP = NODE_TEXT.gap;
const BORDER = 1.5;
const TITLE_SIZE = 16;
const TITLE_GAP = 12;
const LEGEND_GAP = 16;

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

// ---------------------------------------------------------------------------------------------
// Nodes

interface NodeInput {
  node: StackNode;
  /** Its box in the SVG's user space. */
  box: Box;
  /** Its parent's id, null for a root. */
  parentId: string | null;
  hasChildren: boolean;
  problems: readonly Problem[];
  managedBy: ManagedBy | null;
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
 * and its problem badge and outline. Its `<g>` says which node it is, its box, and the box its
 * text takes (`data-text-*`, the union of its texts' line boxes and its badge; absent when it
 * shows no text).
 */
function drawNode(all: string[], inp: NodeInput, theme: ThemeColors, lang: Lang): Box | null {
  const { node, box, hasChildren, problems, managedBy } = inp;
  const def = KIND_DEFS[node.kind];
  const colors = nodeColors(theme, node, managedBy);
  const x = box.l;
  const y = box.t;
  const w = box.r - box.l;
  const h = box.b - box.t;
  const out: string[] = [];
  const inked: { box: Box | null } = { box: null };
  const ink = (b: Box) => {
    const i = inked.box;
    inked.box =
      i === null
        ? { ...b }
        : { l: Math.min(i.l, b.l), t: Math.min(i.t, b.t), r: Math.max(i.r, b.r), b: Math.max(i.b, b.b) };
  };
  /** A `<text>`, counted in the node's text box. */
  const put = (tx: number, ty: number, content: string, st: TextStyle) => {
    if (content === "") return;
    ink(textBox(tx, ty, content, st));
    out.push(text(tx, ty, content, st));
  };
  const { shape, radius, dasharray } = nodeOutline(node.kind, hasChildren);
  const frame = shape === "frame";
  const errors = problems.reduce((n, p) => n + (p.severity === "error" ? 1 : 0), 0);
  const severity = errors > 0 ? "error" : problems.length > 0 ? "warning" : null;

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

  const label = cleanText(displayLabel(node, lang));
  // As the node view: a label that is the kind's name is not said twice.
  const kindText = def.name[lang] === displayLabel(node, lang) ? "" : def.name[lang].toUpperCase();
  // A box without children carries its badge on its kind line (a smaller one), so the label and
  // key props below keep the box's whole width; elsewhere the badge sits at the strip's right end.
  const onKindLine = placement === "leaf" && !frame && kindText !== "";
  const badgeH = onKindLine ? LEAF_BADGE_HEIGHT : BADGE_HEIGHT;
  const badgeSize = onKindLine ? LEAF_BADGE_SIZE : BADGE_SIZE;
  const badgeAt = (cy: number): number => {
    if (severity === null) return 0;
    const count = String(problems.length);
    const pw = Math.max(badgeH, textWidth(count, { size: badgeSize, weight: 700 }) + (onKindLine ? 8 : 12));
    const px = x + w - LAYOUT.textInset - pw;
    ink({ l: px, t: cy - badgeH / 2, r: px + pw, b: cy + badgeH / 2 });
    out.push(
      `<rect x="${num(px)}" y="${num(cy - badgeH / 2)}" width="${num(pw)}" height="${badgeH}" rx="${badgeH / 2}" ${paint("fill", severity === "error" ? theme.error : theme.warning)}/>`,
      text(px + pw / 2, cy + badgeSize * 0.35, count, {
        size: badgeSize,
        weight: 700,
        fill: "#ffffff",
        cls: "sd-badge",
        anchor: "middle",
      }),
    );
    return pw + GAP;
  };
  let right = x + w - LAYOUT.textInset;
  if (!onKindLine) right -= badgeAt(mid);

  const left = x + LAYOUT.textInset;
  const room = right - left;
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

  /** Label then props on one baseline from `x0`, sharing the room left; returns where they end. */
  const row = (x0: number, base: number): number => {
    // A hair of slack: the room left is computed from the same widths, and must not lose to rounding.
    const shown = elide(label, labelStyle, right - x0 + 1e-6);
    // Every node has exactly one label element, even when no character of it fits.
    if (shown === "") out.push(text(x0, base, shown, labelStyle));
    else put(x0, base, shown, labelStyle);
    let cx = x0 + textWidth(shown, labelStyle) + GAP;
    for (const p of props) {
      if (right - cx < 3 * PROP_SIZE) break;
      const s = elide(p, propStyle, right - cx);
      if (s === "") break;
      put(cx, base, s, propStyle);
      cx += textWidth(s, propStyle) + GAP;
    }
    return cx;
  };

  if (placement === "band") {
    // Kind name on its own line, then label and key props on one line (styles.css wraps them).
    const kindH = kindText === "" ? 0 : KIND_SIZE * LINE;
    const top = mid - (kindH + LABEL_SIZE * LINE) / 2;
    const kind = elide(kindText, kindStyle, room);
    put(left, baseline(top, KIND_SIZE), kind, kindStyle);
    row(left, baseline(top + kindH, LABEL_SIZE));
  } else if (frame) {
    // A frame's label, key props and then its kind name on one baseline, as the node view lays out
    // a title bar: the label keeps its room, the kind name gives way first.
    const base = baseline(mid - (LABEL_SIZE * LINE) / 2, LABEL_SIZE);
    const cx = row(left, base);
    if (right - cx >= 3 * KIND_SIZE) put(cx, base, elide(kindText, kindStyle, right - cx), kindStyle);
  } else {
    // A leaf: kind name, label and key props stacked, centred in the box.
    const kindH = kindText === "" ? 0 : KIND_SIZE * LINE;
    let top = mid - (kindH + (LABEL_SIZE + props.length * PROP_SIZE) * LINE) / 2;
    const kindRoom = onKindLine ? room - badgeAt(top + kindH / 2) : room;
    const kind = elide(kindText, kindStyle, kindRoom);
    put(left, baseline(top, KIND_SIZE), kind, kindStyle);
    top += kindH;
    const shown = elide(label, labelStyle, room);
    if (shown === "") out.push(text(left, baseline(top, LABEL_SIZE), shown, labelStyle));
    else put(left, baseline(top, LABEL_SIZE), shown, labelStyle);
    top += LABEL_SIZE * LINE;
    for (const p of props) {
      put(left, baseline(top, PROP_SIZE), elide(p, propStyle, room), propStyle);
      top += PROP_SIZE * LINE;
    }
  }
  const textAttrs = inked.box === null ? "" : boxAttrs(inked.box, "data-text-");
  all.push(
    `<g class="sd-node" data-node-id="${escapeAttr(node.id)}" data-kind="${node.kind}"` +
      (inp.parentId !== null ? ` data-parent-id="${escapeAttr(inp.parentId)}"` : "") +
      `${boxAttrs(box)}${textAttrs}>`,
    ...out,
    "</g>",
  );
  return inked.box;
}

// ---------------------------------------------------------------------------------------------
// The drawing

const titleStyle = (theme: ThemeColors): TextStyle => ({
  size: TITLE_SIZE,
  weight: 700,
  fill: theme.text,
  cls: "sd-title",
});

/** FNV-1a of a string, as 8 hex digits: the markers' id prefix, unique to the drawing. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * Stands for the markers' id prefix until the drawing is complete. U+0001 can never come from a
 * document: every document string is cleaned of control characters on its way in (./xml.ts).
 */
const PREFIX = "\u0001";

/**
 * Draws a document to a standalone SVG string: its title at the top, the whole diagram with a
 * margin — nodes parents first (children on top), edges on top of the nodes, edge labels on top
 * of the edges — and the legend under it. Geometry comes from {@link resolveGeometry}, so a
 * document without positions is laid out by the stack layout; routes from {@link edgeRoutes}.
 * The viewBox is `0 0 W H`, everything is drawn in that user space, and `width`/`height` are W
 * and H times `scale`. Never throws for a valid document; document text is always escaped
 * character data.
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
  // A suppressed problem is the person's decision: no badge, no red outline or edge (as the canvas).
  const shown = problemList.filter((p) => p.suppressed === undefined);
  const byNode = problemsByNode(shown);
  const badEdges = new Set<string>();
  for (const p of shown) if (p.edgeId !== undefined) badEdges.add(p.edgeId);

  // The diagram's extent (its boxes and routes), in the diagram's coordinates.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const cover = (x0: number, y0: number, x1: number, y1: number) => {
    minX = Math.min(minX, x0);
    minY = Math.min(minY, y0);
    maxX = Math.max(maxX, x1);
    maxY = Math.max(maxY, y1);
  };
  for (const g of geometry.values())
    cover(g.absolute.x, g.absolute.y, g.absolute.x + g.size.width, g.absolute.y + g.size.height);
  const routes = edgeRoutes(doc, geometry, (e) => labelSize(e, lang));
  const drawnEdges: { e: StackEdge; route: EdgeRoute }[] = [];
  const kinds = new Set<EdgeKind>();
  for (const e of doc.edges) {
    const route = routes.get(e.id);
    if (route === undefined) continue;
    for (const p of route.points) cover(p.x, p.y, p.x, p.y);
    drawnEdges.push({ e, route });
    kinds.add(e.kind);
  }
  if (minX === Infinity) minX = minY = maxX = maxY = 0;
  const contentW = maxX - minX;
  const contentH = maxY - minY;

  // The title above, the legend below; the diagram shifted into the SVG's user space.
  const tStyle = titleStyle(theme);
  const rawTitle = opts.title === false ? "" : cleanText(doc.title ?? "").trim();
  const title = rawTitle === "" ? "" : elide(rawTitle, tStyle, Math.max(contentW, 480));
  const titleH = title === "" ? 0 : TITLE_SIZE * LINE + TITLE_GAP;
  const legend = layoutLegend(
    opts.legend === false ? [] : legendEntries(kinds, overlay && index.order.length > 0, lang),
    Math.max(contentW, 360),
  );
  const legendH = legend.height > 0 ? LEGEND_GAP + legend.height : 0;
  const titleW = title === "" ? 0 : textWidth(title, tStyle);
  const vw = Math.max(1, Math.ceil(Math.max(contentW, titleW, legend.width) + 2 * margin));
  const vh = Math.max(1, Math.ceil(titleH + contentH + legendH + 2 * margin));
  const dx = margin - minX;
  const dy = margin + titleH - minY;
  const width = Math.round(vw * scale * 100) / 100;
  const height = Math.round(vh * scale * 100) / 100;

  const body: string[] = [];
  body.push(`<rect x="0" y="0" width="${vw}" height="${vh}" ${paint("fill", theme.background)}/>`);
  if (title !== "") body.push(text(margin, baseline(margin, TITLE_SIZE), title, tStyle));
  body.push(`<g class="sd-nodes">`);
  const texts = new BoxGrid();
  for (const node of index.order) {
    const g = geometry.get(node.id);
    if (g === undefined) continue;
    const parentId = node.parentId != null && index.byId.has(node.parentId) ? node.parentId : null;
    const l = g.absolute.x + dx;
    const t = g.absolute.y + dy;
    const inked = drawNode(
      body,
      {
        node,
        box: { l, t, r: l + g.size.width, b: t + g.size.height },
        parentId,
        hasChildren: (index.children.get(node.id)?.length ?? 0) > 0,
        problems: byNode.get(node.id) ?? [],
        managedBy: overlay ? (index.context.get(node.id)?.managedBy ?? "user") : null,
      },
      theme,
      lang,
    );
    if (inked !== null) texts.add(inked);
  }
  body.push(`</g><g class="sd-edges">`);
  const markers = new Set<string>();
  const defs: string[] = [];
  const marker = (kind: EdgeKind, bad: boolean) => {
    const key = `${kind}${bad ? "!" : ""}`;
    if (markers.has(key)) return;
    markers.add(key);
    defs.push(markerDef(PREFIX, kind, bad, theme));
  };
  // Labels go on the routes, inside the diagram's area (margins included), clear of node text.
  const area: Box = { l: 0, t: titleH, r: vw, b: titleH + contentH + 2 * margin };
  const labels = new BoxGrid();
  const labelled: { e: StackEdge; bad: boolean; label: PlacedLabel | null }[] = [];
  for (const { e, route } of drawnEdges) {
    const bad = badEdges.has(e.id);
    marker(e.kind, bad);
    const shifted: EdgeRoute = {
      points: route.points.map((p) => ({ x: p.x + dx, y: p.y + dy })),
      labelAt: { x: route.labelAt.x + dx, y: route.labelAt.y + dy },
    };
    body.push(edgePath(e, shifted.points, bad, theme, PREFIX));
    labelled.push({ e, bad, label: placeLabel(e, shifted, lang, texts, labels, area) });
  }
  body.push(`</g><g class="sd-edge-labels">`);
  for (const { e, bad, label } of labelled) if (label !== null) body.push(labelSvg(e, label, bad, theme));
  body.push(`</g>`);
  if (legend.height > 0) {
    for (const k of kinds) marker(k, false);
    body.push(legendSvg(legend, margin, margin + titleH + contentH + LEGEND_GAP, theme, PREFIX));
  }
  body.push("</svg>");

  const head =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${vw} ${vh}" ` +
    `font-family="${FONT_FAMILY}" xml:space="preserve"><defs>${defs.join("")}</defs>`;
  let svg = head + body.join("");
  if (defs.length > 0) svg = svg.replaceAll(PREFIX, `sd${hash(svg)}`);
  return { svg, width, height };
}
