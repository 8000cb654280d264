/**
 * Reading a Stackdraw SVG through its public contract (docs/drawing.md, "The SVG is a public
 * contract") — the way an outside tool would, from the SVG string alone: the root's size, every
 * node's box (`data-node-id`, `data-kind`, `data-parent-id`, `data-x/y/width/height`, and the box
 * its text takes, `data-text-*`), every edge's path (`data-edge-id`, `data-kind`, `data-source`,
 * `data-target`, `d` with absolute M/L/H/V only), the edge labels' boxes, the title and the
 * legend. Then measurements the layout and routing acceptance needs: edge segments through
 * foreign boxes or across node text, parallel segments of different edges too close together,
 * labels over node text, route ends off their boxes' sides, the aspect ratio.
 *
 * {@link readDrawing} never throws for a contract violation: it reports them in `violations`, so
 * a test can show them all at once.
 */
import { elements, parseXml, textContent, type XmlElement } from "./xml-check.ts";

export interface Pt {
  x: number;
  y: number;
}
/** An axis-aligned box: left, top, right, bottom. */
export interface Rect {
  l: number;
  t: number;
  r: number;
  b: number;
}

export interface DrawnNode {
  id: string;
  kind: string;
  parentId: string | null;
  box: Rect;
  /** The box its text (and problem badge) takes; null when it shows no text. */
  text: Rect | null;
}

export interface DrawnEdge {
  id: string;
  kind: string;
  source: string;
  target: string;
  /** The polyline of its `d`, absolute, with repeated points dropped. */
  points: Pt[];
  /** Its label's box, when it has one. */
  label: Rect | null;
  labelText: string | null;
}

export interface Drawing {
  width: number;
  height: number;
  viewBox: [number, number, number, number];
  title: string | null;
  /** Legend entries: `edge:<kind>` and `overlay:user|provider`, with their words. */
  legend: { key: string; words: string }[] | null;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  /** Every way this SVG breaks the contract, in words. */
  violations: string[];
}

/** A segment between two consecutive points of an edge. */
export interface Segment {
  edge: string;
  a: Pt;
  b: Pt;
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/**
 * The points of a path's `d` when it uses only absolute `M`, `L`, `H`, `V` and starts with one
 * `M`; else the reason it does not.
 */
export function parsePathData(d: string): Pt[] | string {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? [];
  if (tokens.join("").length !== d.replace(/[\s,]+/g, "").length) return `unreadable path data "${d}"`;
  const pts: Pt[] = [];
  let cmd = "";
  let i = 0;
  const next = (): number | null => {
    const t = tokens[i];
    if (t === undefined || !NUMBER.test(t)) return null;
    i++;
    return Number(t);
  };
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (/[A-Za-z]/.test(t)) {
      cmd = t;
      i++;
      if (!"MLHV".includes(cmd)) return `command ${cmd} (only absolute M, L, H, V)`;
      if (pts.length === 0 && cmd !== "M") return "path data does not start with M";
      if (cmd === "M" && pts.length > 0) return "a second M (one edge is one polyline)";
    } else if (cmd === "") return "path data does not start with M";
    const last = pts[pts.length - 1];
    if (cmd === "M" || cmd === "L") {
      const x = next();
      const y = next();
      if (x === null || y === null) return `${cmd} without two numbers`;
      pts.push({ x, y });
      if (cmd === "M") cmd = "L";
    } else if (cmd === "H" || cmd === "V") {
      const v = next();
      if (v === null || last === undefined) return `${cmd} without a number or a start`;
      pts.push(cmd === "H" ? { x: v, y: last.y } : { x: last.x, y: v });
    }
  }
  if (pts.length < 2) return "fewer than two points";
  const out = pts.filter((p, k) => k === 0 || p.x !== pts[k - 1]!.x || p.y !== pts[k - 1]!.y);
  // A route between boxes that touch may have no length: it is still two points.
  return out.length >= 2 ? out : [pts[0]!, pts[pts.length - 1]!];
}

function numberAttr(el: XmlElement, name: string, problems: string[], what: string): number {
  const v = el.attrs.get(name);
  if (v === undefined || !NUMBER.test(v.trim())) {
    problems.push(`${what}: ${name} is ${v === undefined ? "missing" : `"${v}"`}`);
    return Number.NaN;
  }
  return Number(v);
}

function boxAttr(el: XmlElement, prefix: string, problems: string[], what: string): Rect {
  const x = numberAttr(el, `${prefix}x`, problems, what);
  const y = numberAttr(el, `${prefix}y`, problems, what);
  const w = numberAttr(el, `${prefix}width`, problems, what);
  const h = numberAttr(el, `${prefix}height`, problems, what);
  if (w < 0 || h < 0) problems.push(`${what}: negative ${prefix}width or ${prefix}height`);
  return { l: x, t: y, r: x + w, b: y + h };
}

/** Reads an SVG through the contract (throws only when it is not well-formed XML). */
export function readDrawing(svg: string): Drawing {
  const root = parseXml(svg);
  const violations: string[] = [];
  if (root.name !== "svg") violations.push(`the root is <${root.name}>`);
  const width = numberAttr(root, "width", violations, "<svg>");
  const height = numberAttr(root, "height", violations, "<svg>");
  const vb = (root.attrs.get("viewBox") ?? "")
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  let viewBox: Drawing["viewBox"] = [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  if (vb.length !== 4 || vb.some((v) => !Number.isFinite(v))) violations.push("<svg>: no readable viewBox");
  else {
    viewBox = [vb[0]!, vb[1]!, vb[2]!, vb[3]!];
    if (vb[2]! <= 0 || vb[3]! <= 0) violations.push("<svg>: empty viewBox");
    // width and height are the viewBox's size times one scale (to 2 decimals).
    const sx = width / vb[2]!;
    const sy = height / vb[3]!;
    if (!(Math.abs(sx - sy) * Math.max(vb[2]!, vb[3]!) <= 0.02))
      violations.push(`<svg>: width ${width} × height ${height} do not agree with viewBox ${vb.join(" ")}`);
  }

  const nodes: DrawnNode[] = [];
  const edges: DrawnEdge[] = [];
  const labels = new Map<string, { box: Rect; text: string }>();
  let title: string | null = null;
  let legend: Drawing["legend"] = null;
  for (const el of elements(root)) {
    const id = el.attrs.get("data-node-id");
    if (id !== undefined) {
      const what = `node ${JSON.stringify(id)}`;
      if (el.name !== "g") violations.push(`${what} is a <${el.name}>, not a <g>`);
      const kind = el.attrs.get("data-kind");
      if (!kind) violations.push(`${what}: no data-kind`);
      const hasText = el.attrs.has("data-text-x");
      nodes.push({
        id,
        kind: kind ?? "",
        parentId: el.attrs.get("data-parent-id") ?? null,
        box: boxAttr(el, "data-", violations, what),
        text: hasText ? boxAttr(el, "data-text-", violations, what) : null,
      });
    }
    const eid = el.attrs.get("data-edge-id");
    if (eid !== undefined) {
      const what = `edge ${JSON.stringify(eid)}`;
      if (el.name !== "path") violations.push(`${what} is a <${el.name}>, not a <path>`);
      const get = (name: string) => {
        const v = el.attrs.get(name);
        if (!v) violations.push(`${what}: no ${name}`);
        return v ?? "";
      };
      const parsed = parsePathData(el.attrs.get("d") ?? "");
      if (typeof parsed === "string") violations.push(`${what}: ${parsed}`);
      edges.push({
        id: eid,
        kind: get("data-kind"),
        source: get("data-source"),
        target: get("data-target"),
        points: typeof parsed === "string" ? [] : parsed,
        label: null,
        labelText: null,
      });
    }
    const lid = el.attrs.get("data-label-for");
    if (lid !== undefined)
      labels.set(lid, { box: boxAttr(el, "data-", violations, `label of ${lid}`), text: textContent(el) });
    const cls = el.attrs.get("class");
    if (el.name === "text" && cls === "sd-title") title = textContent(el);
    if (cls === "sd-legend" && el.name === "g") {
      legend = [];
      for (const entry of elements(el)) {
        if (entry.attrs.get("class") !== "sd-legend-entry") continue;
        const k = entry.attrs.get("data-edge-kind");
        const o = entry.attrs.get("data-overlay");
        legend.push({ key: k !== undefined ? `edge:${k}` : `overlay:${o}`, words: textContent(entry) });
      }
    }
  }
  const seen = new Set<string>();
  for (const n of nodes) {
    if (seen.has(n.id)) violations.push(`node ${JSON.stringify(n.id)} drawn twice`);
    seen.add(n.id);
  }
  for (const n of nodes)
    if (n.parentId !== null && !seen.has(n.parentId))
      violations.push(`node ${JSON.stringify(n.id)}: its parent ${JSON.stringify(n.parentId)} is not drawn`);
  for (const e of edges) {
    for (const end of [e.source, e.target])
      if (end && !seen.has(end))
        violations.push(`edge ${JSON.stringify(e.id)}: its end ${JSON.stringify(end)} is not drawn`);
    const l = labels.get(e.id);
    if (l) {
      e.label = l.box;
      e.labelText = l.text;
    }
  }
  return { width, height, viewBox, title, legend, nodes, edges, violations };
}

/**
 * What the contract requires of a drawing beyond its elements: a title when the document has one
 * (`expect.title`), a legend with one entry per edge kind drawn when it has edges, and every node
 * and edge inside the viewBox.
 */
export function contractProblems(d: Drawing, expect: { title?: string | undefined } = {}): string[] {
  const out = [...d.violations];
  if (expect.title !== undefined && expect.title.trim() !== "" && d.title === null)
    out.push("no title drawn");
  const kinds = [...new Set(d.edges.map((e) => e.kind))].sort();
  if (kinds.length > 0) {
    if (d.legend === null) out.push("edges but no legend");
    else {
      // One entry per edge kind drawn: none missing, none extra, none twice.
      const shown = d.legend.filter((e) => e.key.startsWith("edge:")).map((e) => e.key.slice(5));
      if ([...shown].sort().join() !== kinds.join())
        out.push(`legend shows ${shown.join(", ") || "no edge kind"}, the drawing ${kinds.join(", ")}`);
      for (const e of d.legend) if (e.words.trim() === "") out.push(`legend entry ${e.key} has no words`);
    }
  }
  const [vx, vy, vw, vh] = d.viewBox;
  const inside = (r: Rect) =>
    r.l >= vx - 0.01 && r.t >= vy - 0.01 && r.r <= vx + vw + 0.01 && r.b <= vy + vh + 0.01;
  for (const n of d.nodes) if (!inside(n.box)) out.push(`node ${JSON.stringify(n.id)} outside the viewBox`);
  for (const e of d.edges)
    for (const p of e.points)
      if (!inside({ l: p.x, t: p.y, r: p.x, b: p.y })) {
        out.push(`edge ${JSON.stringify(e.id)} leaves the viewBox`);
        break;
      }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** Every segment of every edge. */
export function segments(d: Drawing): Segment[] {
  const out: Segment[] = [];
  for (const e of d.edges)
    for (let i = 1; i < e.points.length; i++) out.push({ edge: e.id, a: e.points[i - 1]!, b: e.points[i]! });
  return out;
}

/** Whether a segment passes through the open interior of a box (running along a side does not count). */
export function crosses(a: Pt, b: Pt, r: Rect): boolean {
  // Liang–Barsky clipping against the open box, for any segment (orthogonal or not).
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q > 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  if (!clip(-dx, a.x - r.l) || !clip(dx, r.r - a.x) || !clip(-dy, a.y - r.t) || !clip(dy, r.b - a.y))
    return false;
  if (t1 - t0 <= 1e-9) return false;
  // The part inside the closed box must have a point strictly inside.
  const m = { x: a.x + dx * ((t0 + t1) / 2), y: a.y + dy * ((t0 + t1) / 2) };
  return m.x > r.l + 1e-6 && m.x < r.r - 1e-6 && m.y > r.t + 1e-6 && m.y < r.b - 1e-6;
}

function ancestry(d: Drawing): (id: string) => Set<string> {
  const parent = new Map(d.nodes.map((n) => [n.id, n.parentId]));
  return (id) => {
    const out = new Set<string>();
    for (let c: string | null | undefined = id; c != null && !out.has(c); c = parent.get(c)) out.add(c);
    return out;
  };
}

export interface Hit {
  edge: string;
  node: string;
  a: Pt;
  b: Pt;
}

/**
 * Segments that pass through the box of a node that is neither an end of their edge nor an
 * ancestor of one (drawing.md: "an edge never passes through the box of a node that is not its
 * source, its target, or an ancestor of either").
 */
export function segmentsThroughForeignBoxes(d: Drawing): Hit[] {
  const up = ancestry(d);
  const out: Hit[] = [];
  for (const e of d.edges) {
    const open = new Set([...up(e.source), ...up(e.target)]);
    for (let i = 1; i < e.points.length; i++)
      for (const n of d.nodes)
        if (!open.has(n.id) && crosses(e.points[i - 1]!, e.points[i]!, n.box))
          out.push({ edge: e.id, node: n.id, a: e.points[i - 1]!, b: e.points[i]! });
  }
  return out;
}

/** Segments that run across any node's text, its own ends' included ("never runs across any node's name"). */
export function segmentsAcrossText(d: Drawing): Hit[] {
  const out: Hit[] = [];
  for (const e of d.edges)
    for (let i = 1; i < e.points.length; i++)
      for (const n of d.nodes)
        if (n.text !== null && crosses(e.points[i - 1]!, e.points[i]!, n.text))
          out.push({ edge: e.id, node: n.id, a: e.points[i - 1]!, b: e.points[i]! });
  return out;
}

export interface CloseParallel {
  a: Segment;
  b: Segment;
  /** Distance between the two lines. */
  gap: number;
  /** Length along which they run side by side. */
  overlap: number;
}

/**
 * Pairs of parallel segments of different edges closer than `min` px (default 6) that run side by
 * side for more than `minOverlap` px (default 1): lines that would read as one.
 */
export function closeParallels(d: Drawing, min = 6, minOverlap = 1): CloseParallel[] {
  const segs = segments(d);
  const out: CloseParallel[] = [];
  for (let i = 0; i < segs.length; i++)
    for (let j = i + 1; j < segs.length; j++) {
      const s = segs[i]!;
      const t = segs[j]!;
      if (s.edge === t.edge) continue;
      const sh = s.a.y === s.b.y;
      const th = t.a.y === t.b.y;
      const sv = s.a.x === s.b.x;
      const tv = t.a.x === t.b.x;
      let gap: number;
      let overlap: number;
      if (sh && th && !sv && !tv) {
        gap = Math.abs(s.a.y - t.a.y);
        overlap =
          Math.min(Math.max(s.a.x, s.b.x), Math.max(t.a.x, t.b.x)) -
          Math.max(Math.min(s.a.x, s.b.x), Math.min(t.a.x, t.b.x));
      } else if (sv && tv && !sh && !th) {
        gap = Math.abs(s.a.x - t.a.x);
        overlap =
          Math.min(Math.max(s.a.y, s.b.y), Math.max(t.a.y, t.b.y)) -
          Math.max(Math.min(s.a.y, s.b.y), Math.min(t.a.y, t.b.y));
      } else continue;
      // Coordinates are written to 0.01 px: a gap that rounding made 5.99 is 6.
      if (gap < min - 0.015 && overlap > minOverlap) out.push({ a: s, b: t, gap, overlap });
    }
  return out;
}

/** Segments that are neither horizontal nor vertical. */
export function diagonalSegments(d: Drawing): Segment[] {
  return segments(d).filter((s) => s.a.x !== s.b.x && s.a.y !== s.b.y);
}

const onSide = (p: Pt, r: Rect, eps = 0.01): boolean =>
  p.x >= r.l - eps &&
  p.x <= r.r + eps &&
  p.y >= r.t - eps &&
  p.y <= r.b + eps &&
  (Math.abs(p.x - r.l) <= eps ||
    Math.abs(p.x - r.r) <= eps ||
    Math.abs(p.y - r.t) <= eps ||
    Math.abs(p.y - r.b) <= eps);

/** Edges whose route does not start on a side of its source's box or end on a side of its target's. */
export function endsOffSides(d: Drawing): string[] {
  const box = new Map(d.nodes.map((n) => [n.id, n.box]));
  const out: string[] = [];
  for (const e of d.edges) {
    const s = box.get(e.source);
    const t = box.get(e.target);
    const first = e.points[0];
    const last = e.points[e.points.length - 1];
    if (!s || !t || !first || !last || !onSide(first, s) || !onSide(last, t)) out.push(e.id);
  }
  return out;
}

const meet = (a: Rect, b: Rect): boolean => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;

/** Edge labels whose box covers some node's text: [edge id, node id]. */
export function labelsOverText(d: Drawing): [string, string][] {
  const out: [string, string][] = [];
  for (const e of d.edges)
    if (e.label !== null)
      for (const n of d.nodes) if (n.text !== null && meet(e.label, n.text)) out.push([e.id, n.id]);
  return out;
}

/** Edge labels whose box does not meet their own route (a label belongs on its line). */
export function labelsOffRoute(d: Drawing): string[] {
  return d.edges
    .filter((e) => e.label !== null)
    .filter((e) => {
      const r = e.label!;
      for (let i = 1; i < e.points.length; i++) {
        const a = e.points[i - 1]!;
        const b = e.points[i]!;
        const seg = {
          l: Math.min(a.x, b.x),
          t: Math.min(a.y, b.y),
          r: Math.max(a.x, b.x),
          b: Math.max(a.y, b.y),
        };
        if (seg.l <= r.r && r.l <= seg.r && seg.t <= r.b && r.t <= seg.b) return false;
      }
      return true;
    })
    .map((e) => e.id);
}

/** Width over height of the whole image (its viewBox). */
export function aspectRatio(d: Drawing): number {
  return d.viewBox[2] / d.viewBox[3];
}

/** Width over height of the box around every node (the diagram without title, legend, margins). */
export function diagramAspectRatio(d: Drawing): number {
  if (d.nodes.length === 0) return 1;
  const l = Math.min(...d.nodes.map((n) => n.box.l));
  const t = Math.min(...d.nodes.map((n) => n.box.t));
  const r = Math.max(...d.nodes.map((n) => n.box.r));
  const b = Math.max(...d.nodes.map((n) => n.box.b));
  return (r - l) / (b - t);
}
