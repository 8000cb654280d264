/**
 * Export to SVG and PNG: the document drawn by src/render/svg.ts with the UI font's subsets that
 * its text needs inlined (./fonts.ts), so the file looks the same on a machine without the font,
 * and for PNG rasterised on a canvas. Loaded on demand by Export (src/store/file-actions.ts
 * `exportAs`): none of this is needed for the first paint.
 */
import { renderSvg } from "../render/svg.ts";
import { legibleText, pngScale } from "../render/raster.ts";
import { drawnText, embeddedFaces, embeddedFacesCss, withFontCss } from "./fonts.ts";
import { hasInk, textProbes, type TextProbe } from "./text-probe.ts";
import type { StackDocument } from "../domain/document.ts";
import type { Lang } from "../domain/kinds/props.ts";
import type { Problem } from "../domain/rules/index.ts";

export interface ExportOptions {
  theme: "light" | "dark";
  lang: Lang;
  overlay: boolean;
  problems: readonly Problem[];
}

function draw(doc: StackDocument, o: ExportOptions) {
  return renderSvg(doc, { theme: o.theme, lang: o.lang, overlay: o.overlay, problems: [...o.problems] });
}

/**
 * Export ▸ SVG: the drawing with the font subsets its text needs embedded as @font-face data URLs
 * (docs/drawing.md, the SVG contract). A subset that cannot be fetched is left out: the file then
 * names the font, and a machine that has it still draws it.
 */
export async function exportSvgFile(doc: StackDocument, o: ExportOptions): Promise<Blob> {
  const { svg } = draw(doc, o);
  const faces = await embeddedFaces(drawnText(svg)).catch(() => []);
  return new Blob([withFontCss(svg, embeddedFacesCss(faces))], { type: "image/svg+xml" });
}

/**
 * Draws the document's SVG onto a canvas at `wanted`× density (less for a huge diagram, see
 * {@link pngScale}; text that would come out too small to read is left out, {@link legibleText})
 * and returns the PNG.
 */
export async function exportPng(doc: StackDocument, o: ExportOptions, wanted = 2): Promise<Blob> {
  const drawn = draw(doc, o);
  const { width, height } = drawn;
  const scale = pngScale(width, height, wanted);
  // A diagram too big for the caps comes out at a density where its text cannot be read: that
  // text is left out (and with it the font wait), the boxes and edges stay.
  const svg = legibleText(drawn.svg, scale);
  // The image cannot see the page's fonts: inline the UI font's subsets it needs (Hangul too).
  const faces = await embeddedFaces(drawnText(svg)).catch(() => []);
  const css = embeddedFacesCss(faces);
  const url = URL.createObjectURL(new Blob([withFontCss(svg, css)], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "async";
    img.src = url;
    await img.decode();
    // Never draw before the image's fonts are ready (./text-probe.ts).
    await textDrawn(img, textProbes(svg, faces.length ? faces.map((f) => f.unicodeRange) : [""]));
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Longer than a browser's font block period (3 s): past it, text shows in a fallback font anyway. */
const FONT_WAIT_MS = 4000;

/** Resolves once every probe's box of `img` shows its text, or after {@link FONT_WAIT_MS}. */
async function textDrawn(img: HTMLImageElement, probes: TextProbe[]) {
  if (probes.length === 0) return;
  const scratch = document.createElement("canvas");
  const ctx = scratch.getContext("2d", { willReadFrequently: true });
  if (!ctx) return;
  const inked = (p: TextProbe) => {
    scratch.width = p.width;
    scratch.height = p.height;
    ctx.clearRect(0, 0, p.width, p.height);
    ctx.drawImage(img, p.x, p.y, p.width, p.height, 0, 0, p.width, p.height);
    return hasInk(ctx.getImageData(0, 0, p.width, p.height).data, p.rgb);
  };
  const deadline = performance.now() + FONT_WAIT_MS;
  let pending = probes;
  while ((pending = pending.filter((p) => !inked(p))).length > 0 && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 16));
}
