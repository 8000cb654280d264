/**
 * Knowing when an SVG image has drawn its text. An SVG drawn as an image loads its embedded
 * @font-face fonts by itself, after `img.decode()` has resolved, and until a font is ready the
 * text that uses it is invisible: drawn at once, the first PNG export of a session had no node
 * names. The export therefore picks, for every embedded face, one text of the image that needs it
 * (a probe), and draws only once every probe's box shows ink of its text colour.
 */
import { parseUnicodeRange } from "./fonts.ts";

/** Where one text of the SVG sits, in image pixels (the viewBox mapped to width × height). */
export interface TextProbe {
  /** The box the glyphs fall in (generous: from above the ascender to below the baseline). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The text colour, as [r, g, b]. */
  rgb: [number, number, number];
  text: string;
}

interface SvgText {
  x: number;
  y: number;
  size: number;
  anchor: string;
  rgb: [number, number, number] | null;
  /** A node's name (class sd-label): the text whose colour nothing else in its box has. */
  isLabel: boolean;
  text: string;
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

function hexRgb(hex: string | undefined): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : null;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** The `<text>` elements drawn in the UI font (not the monospace key props, which use system fonts). */
function uiTexts(svg: string): SvgText[] {
  const out: SvgText[] = [];
  for (const m of svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)) {
    const tag = m[1]!;
    if (attr(tag, "font-family") !== undefined) continue;
    const text = unescapeXml(m[2]!).trim();
    if (text === "") continue;
    out.push({
      x: Number(attr(tag, "x") ?? 0),
      y: Number(attr(tag, "y") ?? 0),
      size: Number(attr(tag, "font-size") ?? 12),
      anchor: attr(tag, "text-anchor") ?? "start",
      rgb: hexRgb(attr(tag, "fill")),
      isLabel: attr(tag, "class") === "sd-label",
      text,
    });
  }
  return out;
}

interface Frame {
  width: number;
  height: number;
  vx: number;
  vy: number;
  sx: number;
  sy: number;
}

function frameOf(svg: string): Frame {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(attr(root, "width") ?? 0);
  const height = Number(attr(root, "height") ?? 0);
  const [vx, vy, vw, vh] = (attr(root, "viewBox") ?? `0 0 ${width} ${height}`).split(/\s+/).map(Number);
  return { width, height, vx: vx!, vy: vy!, sx: vw ? width / vw : 1, sy: vh ? height / vh : 1 };
}

function probeOf(t: SvgText, f: Frame): TextProbe | null {
  // Wide enough for any face (0.7 em a character), never past the image.
  const w = t.size * 0.7 * [...t.text].length;
  const left = t.anchor === "middle" ? t.x - w / 2 : t.anchor === "end" ? t.x - w : t.x;
  const x0 = Math.max(0, Math.floor((left - f.vx) * f.sx));
  const y0 = Math.max(0, Math.floor((t.y - t.size - f.vy) * f.sy));
  const x1 = Math.min(f.width, Math.ceil((left + w - f.vx) * f.sx));
  const y1 = Math.min(f.height, Math.ceil((t.y + t.size * 0.35 - f.vy) * f.sy));
  if (x1 <= x0 || y1 <= y0 || t.rgb === null) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0, rgb: t.rgb, text: t.text };
}

/**
 * One probe per face (given by its unicode-range; "" = every character): the longest node name
 * (else the longest text) that has a character of that face. Faces no text needs get no probe.
 */
export function textProbes(svg: string, faceRanges: readonly string[]): TextProbe[] {
  const frame = frameOf(svg);
  const texts = uiTexts(svg).filter((t) => t.rgb !== null);
  const probes: TextProbe[] = [];
  const seen = new Set<SvgText>();
  for (const range of faceRanges) {
    const ranges = range.trim() ? parseUnicodeRange(range) : null;
    const inFace = (t: SvgText) =>
      ranges === null ||
      [...t.text].some((ch) => {
        const cp = ch.codePointAt(0)!;
        return ch.trim() !== "" && ranges.some(([a, b]) => cp >= a && cp <= b);
      });
    const better = (t: SvgText, b: SvgText) =>
      t.isLabel !== b.isLabel ? t.isLabel : t.text.length > b.text.length;
    let best: SvgText | undefined;
    for (const t of texts) if (inFace(t) && (!best || better(t, best))) best = t;
    if (!best || seen.has(best)) continue;
    seen.add(best);
    const probe = probeOf(best, frame);
    if (probe) probes.push(probe);
  }
  return probes;
}

/** A probe for every node name of the SVG (class sd-label), in document order. */
export function labelProbes(svg: string): TextProbe[] {
  const frame = frameOf(svg);
  return uiTexts(svg)
    .filter((t) => t.isLabel)
    .map((t) => probeOf(t, frame))
    .filter((p): p is TextProbe => p !== null);
}

/** Whether RGBA pixel data holds ink of the colour `rgb` (a glyph's stem, not only its antialiasing). */
export function hasInk(
  data: ArrayLike<number>,
  rgb: readonly [number, number, number],
  tolerance = 48,
): boolean {
  let hits = 0;
  for (let i = 0; i + 3 < data.length; i += 4) {
    if (data[i + 3]! < 200) continue;
    if (
      Math.abs(data[i]! - rgb[0]) <= tolerance &&
      Math.abs(data[i + 1]! - rgb[1]) <= tolerance &&
      Math.abs(data[i + 2]! - rgb[2]) <= tolerance &&
      ++hits >= 3
    )
      return true;
  }
  return false;
}
