/**
 * Embedding the UI font in a drawing, as pure logic shared by the editor's export
 * (src/browser/fonts.ts fetches the page's subsets) and the CLI's `render` (src/cli/render.ts reads
 * them from the `pretendard` package): which @font-face subsets a drawing's characters need, read
 * from a dynamic-subset stylesheet's `unicode-range`s, and the @font-face rules that carry them
 * inside the SVG as data URLs, so the SVG looks the same on a machine without the font.
 */

/** One @font-face subset of a font, where its file is. */
export interface FontFaceSource {
  /** Absolute or relative URL (or path) of the font file, as the stylesheet or page gives it. */
  url: string;
  /** `unicode-range` as written, e.g. "U+AC00-D7A3, U+0041". Empty = every character. */
  unicodeRange: string;
  /** `font-weight` as written, e.g. "45 920". */
  weight: string;
}

/** One subset of the UI font, inlined. */
export interface EmbeddedFace {
  /** `data:font/woff2;base64,…` — the same string every time for the same subset. */
  src: string;
  weight: string;
  unicodeRange: string;
}

/** The family name the SVG renderer asks for first (src/render/svg.ts FONT_FAMILY). */
export const EMBED_FAMILY = "Pretendard";

/** Parses a CSS unicode-range into [from, to] code point pairs. */
export function parseUnicodeRange(range: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of range.split(",")) {
    const m = /^\s*u\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!m) continue;
    if (m[1]!.includes("?"))
      out.push([parseInt(m[1]!.replace(/\?/g, "0"), 16), parseInt(m[1]!.replace(/\?/g, "f"), 16)]);
    else out.push([parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)]);
  }
  return out;
}

/**
 * The @font-face rules of a stylesheet whose family contains `familyIncludes`: for each, its first
 * woff2 `url(…)` (as written, relative to the stylesheet), its unicode-range and its weight. Rules
 * without a woff2 source are skipped. Comments are ignored.
 */
export function parseFontFaceCss(css: string, familyIncludes = EMBED_FAMILY): FontFaceSource[] {
  const out: FontFaceSource[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  for (const m of text.matchAll(/@font-face\s*\{([^}]*)\}/gi)) {
    const decls = new Map<string, string>();
    for (const d of m[1]!.split(";")) {
      const colon = d.indexOf(":");
      if (colon > 0) decls.set(d.slice(0, colon).trim().toLowerCase(), d.slice(colon + 1).trim());
    }
    const family = (decls.get("font-family") ?? "").replace(/["']/g, "");
    if (!family.includes(familyIncludes)) continue;
    const src = decls.get("src") ?? "";
    let url: string | undefined;
    for (const s of src.matchAll(
      /url\(\s*["']?([^"')]+)["']?\s*\)\s*(?:format\(\s*["']?([^"')]+)["']?\s*\))?/g,
    ))
      if (/\.woff2$/i.test(s[1]!) || (s[2] ?? "").startsWith("woff2")) {
        url = s[1]!;
        break;
      }
    if (url === undefined) continue;
    out.push({
      url,
      unicodeRange: decls.get("unicode-range") ?? "",
      weight: decls.get("font-weight") ?? "400",
    });
  }
  return out;
}

/** The faces whose range covers at least one character of `text`. */
export function facesFor(faces: readonly FontFaceSource[], text: string): FontFaceSource[] {
  // The SVG of a big diagram is megabytes of mostly ASCII markup: collect code points with a
  // plain index loop (no per-character strings) and each ASCII one only once.
  const used = new Set<number>();
  const ascii = new Uint8Array(128);
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 128) {
      if (!ascii[cp]) {
        ascii[cp] = 1;
        used.add(cp);
      }
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    used.add(cp);
  }
  return faces.filter((f) => {
    if (!f.unicodeRange.trim()) return true;
    const ranges = parseUnicodeRange(f.unicodeRange);
    for (const cp of used) if (ranges.some(([a, b]) => cp >= a && cp <= b)) return true;
    return false;
  });
}

/** The @font-face rules that carry `faces` inside an SVG, as the family {@link EMBED_FAMILY}. */
export function embeddedFacesCss(faces: readonly EmbeddedFace[]): string {
  return faces
    .map((f) => {
      const range = f.unicodeRange ? `unicode-range:${f.unicodeRange};` : "";
      return `@font-face{font-family:"${EMBED_FAMILY}";font-weight:${f.weight};src:url(${f.src}) format("woff2");${range}}`;
    })
    .join("");
}

/**
 * Puts a `<style>` with `css` (the font faces) right after the SVG's opening tag: inside the
 * `<defs>` that the renderer opens there, else in a `<defs>` of its own. `""` changes nothing.
 */
export function withFontCss(svg: string, css: string): string {
  if (!css) return svg;
  const end = svg.indexOf(">") + 1;
  const style = `<style>${css}</style>`;
  if (svg.startsWith("<defs>", end)) return `${svg.slice(0, end + 6)}${style}${svg.slice(end + 6)}`;
  return `${svg.slice(0, end)}<defs>${style}</defs>${svg.slice(end)}`;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The characters an SVG draws: the content of its `<text>` elements, entities decoded (the
 * markup's own characters need no font). What {@link facesFor} should be asked about.
 */
export function drawnText(svg: string): string {
  const out: string[] = [];
  for (const m of svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g))
    out.push(m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!));
  return out.join(" ");
}
