/**
 * Fonts for the exports. An SVG drawn through an <img> cannot see the page's web fonts, and an
 * exported SVG opened elsewhere cannot either, so on a machine without the UI font (or a Korean
 * system font) its text would change face or its Hangul come out as boxes. The @font-face subsets
 * of the UI font that cover the drawing's characters are inlined into the SVG as data URLs
 * (fetched from this origin, so the page's CSP holds), for the PNG and for the SVG file.
 */
import { embeddedFacesCss, facesFor, type EmbeddedFace, type FontFaceSource } from "../render/fonts.ts";

// The pure part (which subsets a text needs, the CSS that carries them) is shared with the CLI.
export {
  drawnText,
  EMBED_FAMILY,
  embeddedFacesCss,
  facesFor,
  parseUnicodeRange,
  withFontCss,
  type EmbeddedFace,
  type FontFaceSource,
} from "../render/fonts.ts";

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

/** @font-face CSS with the needed subsets inlined; "" when the page has none (the export still works). */
export async function embeddedFontCss(
  text: string,
  faces: readonly FontFaceSource[] = pageFontFaces(),
): Promise<string> {
  return embeddedFacesCss(await embeddedFaces(text, faces));
}
