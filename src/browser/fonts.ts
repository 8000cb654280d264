/**
 * Fonts for the PNG export. An SVG drawn through an <img> cannot see the page's web fonts, so on a
 * machine without a Korean system font its Hangul would come out as boxes. Before rasterising,
 * the @font-face subsets of the UI font that cover the drawing's characters are inlined into the
 * SVG as data URLs (fetched from this origin, so the page's CSP holds).
 */

export interface FontFaceSource {
  /** Absolute or page-relative URL of the font file. */
  url: string;
  /** `unicode-range` as written, e.g. "U+AC00-D7A3, U+0041". Empty = every character. */
  unicodeRange: string;
  /** `font-weight` as written, e.g. "45 920". */
  weight: string;
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

/** The UI font's @font-face rules as the page loaded them (same-origin stylesheets only). */
export function pageFontFaces(familyIncludes = "Pretendard"): FontFaceSource[] {
  const out: FontFaceSource[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a cross-origin sheet: not ours
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      if (!rule.style.getPropertyValue("font-family").includes(familyIncludes)) continue;
      const url = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(rule.style.getPropertyValue("src"))?.[1];
      if (!url) continue;
      out.push({
        url: new URL(url, sheet.href ?? location.href).href,
        unicodeRange: rule.style.getPropertyValue("unicode-range"),
        weight: rule.style.getPropertyValue("font-weight") || "400",
      });
    }
  }
  return out;
}

const cache = new Map<string, Promise<string | null>>();

async function dataUrl(url: string): Promise<string | null> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(url)
      .then(async (r) => {
        if (!r.ok) return null;
        const bytes = new Uint8Array(await r.arrayBuffer());
        let bin = "";
        for (let i = 0; i < bytes.length; i += 0x8000)
          bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return `data:font/woff2;base64,${btoa(bin)}`;
      })
      .catch(() => null);
    cache.set(url, p);
  }
  return p;
}

/** One subset of the UI font, inlined. */
export interface EmbeddedFace {
  /** `data:font/woff2;base64,…` — the same string every time for the same subset. */
  src: string;
  weight: string;
  unicodeRange: string;
}

/** The subsets of the UI font that `text` needs, as data URLs (fetched once per page). */
export async function embeddedFaces(
  text: string,
  faces: readonly FontFaceSource[] = pageFontFaces(),
): Promise<EmbeddedFace[]> {
  const out: EmbeddedFace[] = [];
  for (const f of facesFor(faces, text)) {
    const src = await dataUrl(f.url);
    if (src) out.push({ src, weight: f.weight, unicodeRange: f.unicodeRange.trim() });
  }
  return out;
}

/** The @font-face rules that carry `faces` inside an SVG. */
export function embeddedFacesCss(faces: readonly EmbeddedFace[]): string {
  return faces
    .map((f) => {
      const range = f.unicodeRange ? `unicode-range:${f.unicodeRange};` : "";
      return `@font-face{font-family:"${EMBED_FAMILY}";font-weight:${f.weight};src:url(${f.src}) format("woff2");${range}}`;
    })
    .join("");
}

/** @font-face CSS with the needed subsets inlined; "" when the page has none (the export still works). */
export async function embeddedFontCss(
  text: string,
  faces: readonly FontFaceSource[] = pageFontFaces(),
): Promise<string> {
  return embeddedFacesCss(await embeddedFaces(text, faces));
}

/** Puts a <style> with the font faces right after the SVG's opening tag. */
export function withFontCss(svg: string, css: string): string {
  if (!css) return svg;
  const end = svg.indexOf(">") + 1;
  return `${svg.slice(0, end)}<defs><style>${css}</style></defs>${svg.slice(end)}`;
}
