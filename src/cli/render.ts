/**
 * `stackdraw render FILE -o OUT [--theme light|dark] [--lang en|ko] [--scale N]`
 * (docs/cli.md): the document drawn by the editor's own renderer (src/render/svg.ts),
 * written as SVG, or rasterised to PNG in Node with resvg (no browser).
 *
 * Fonts: resvg is given the Pretendard files of the `pretendard` npm package (OFL-1.1; Latin and
 * Hangul) and no system fonts, so a PNG looks the same on every machine and Korean never shows
 * as tofu. "Pretendard" is the first family of the SVG's font stack (FONT_FAMILY); the generic
 * families it ends with (`sans-serif`, `monospace` for key props) resolve to it as well. An SVG
 * carries the subsets of the same package's web font that its text needs, as the editor's
 * export does (src/render/fonts.ts picks them from the dynamic-subset stylesheet's ranges).
 */
import { readFile, writeFile } from "node:fs/promises";
import { readInput } from "./read-file.ts";
import { legibleText, pngScale } from "../render/raster.ts";
import { createRequire } from "node:module";
import { dirname, extname, resolve } from "node:path";
import type { Lang } from "../domain/kinds/props.ts";
import type { StackDocument } from "../domain/document.ts";
import { readDocument } from "../io/read.ts";
import { ioLine } from "../io/errors/format.ts";
import { formatDocumentErrors } from "./errors.ts";
import { renderSvg } from "../render/svg.ts";
import type { ThemeName } from "../render/colors.ts";
import {
  drawnText,
  embeddedFacesCss,
  facesFor,
  parseFontFaceCss,
  withFontCss,
  type EmbeddedFace,
  type FontFaceSource,
} from "../render/fonts.ts";

/** The family name inside the bundled font files. */
export const PNG_FONT_FAMILY = "Pretendard";
/** Regular for kind-less text, SemiBold for labels (600), Bold for kind names and badges (700). */
const FONT_FILES = ["Regular", "SemiBold", "Bold"].map(
  (w) => `pretendard/dist/public/static/Pretendard-${w}.otf`,
);

/** Default PNG density, as the editor's Export PNG. */
export const DEFAULT_SCALE = 2;

let fontFiles: string[] | undefined;
/** Absolute paths of the bundled font files (resolved from this module, not the working directory). */
export function pngFontFiles(): string[] {
  if (fontFiles === undefined) {
    const require = createRequire(import.meta.url);
    fontFiles = FONT_FILES.map((f) => require.resolve(f));
  }
  return fontFiles;
}

/** The web font's dynamic-subset stylesheet: the same subsets the editor loads (src/main.tsx). */
const SUBSET_CSS = "pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css";

let subsets: { faces: FontFaceSource[]; dir: string } | undefined;
const inlined = new Map<string, EmbeddedFace>();

/** The @font-face subsets the web font offers, with their files (read once). */
async function webFontSubsets(): Promise<{ faces: FontFaceSource[]; dir: string }> {
  if (subsets === undefined) {
    const css = createRequire(import.meta.url).resolve(SUBSET_CSS);
    subsets = { faces: parseFontFaceCss(await readFile(css, "utf8")), dir: dirname(css) };
  }
  return subsets;
}

/**
 * `svg` with the web font's subsets that its characters need inlined as @font-face data URLs,
 * so it looks the same on a machine without the font.
 */
export async function withEmbeddedFonts(svg: string): Promise<string> {
  const { faces, dir } = await webFontSubsets();
  const out: EmbeddedFace[] = [];
  for (const f of facesFor(faces, drawnText(svg))) {
    let face = inlined.get(f.url);
    if (face === undefined) {
      const bytes = await readFile(resolve(dir, f.url));
      face = {
        src: `data:font/woff2;base64,${bytes.toString("base64")}`,
        weight: f.weight,
        unicodeRange: f.unicodeRange.trim(),
      };
      inlined.set(f.url, face);
    }
    out.push(face);
  }
  return withFontCss(svg, embeddedFacesCss(out));
}

export interface RenderCliOptions {
  file: string;
  out: string;
  format: "svg" | "png";
  theme: ThemeName;
  lang: Lang;
  scale: number;
}

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Parses render's arguments; a string is the error message. */
export function parseRenderArgs(args: string[]): RenderCliOptions | string {
  let out: string | undefined;
  let theme: ThemeName = "light";
  let lang: Lang = "en";
  let scale: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf("=");
    const name = a.startsWith("--") && eq > 0 ? a.slice(0, eq) : a;
    const value = () => (name !== a ? a.slice(eq + 1) : args[++i]);
    const shown = (v: string | undefined) => (v === undefined ? "nothing" : JSON.stringify(v));
    if (name === "-o" || name === "--out" || name === "--output") {
      const v = value();
      if (v === undefined || v === "") return `${name} takes an output file (.svg or .png)`;
      out = v;
    } else if (name === "--theme") {
      const v = value();
      if (v !== "light" && v !== "dark") return `--theme takes "light" or "dark", not ${shown(v)}`;
      theme = v;
    } else if (name === "--lang") {
      const v = value();
      if (v !== "en" && v !== "ko") return `--lang takes "en" or "ko", not ${shown(v)}`;
      lang = v;
    } else if (name === "--scale") {
      const v = value();
      const n = v === undefined || v.trim() === "" ? Number.NaN : Number(v);
      if (!Number.isFinite(n) || n <= 0 || n > 16)
        return `--scale takes a number above 0 and at most 16, not ${shown(v)}`;
      scale = n;
    } else if (a === "--") {
      files.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith("-") && a !== "-") return `unknown option ${a}`;
    else files.push(a);
  }
  if (files.length !== 1) return files.length === 0 ? "no FILE given" : "give exactly one FILE";
  if (out === undefined) return "no output given: -o out.svg or -o out.png";
  const ext = extname(out).toLowerCase();
  if (ext !== ".svg" && ext !== ".png")
    return `cannot tell the output format from ${JSON.stringify(out)}: name it .svg or .png`;
  const format = ext === ".svg" ? "svg" : "png";
  if (format === "svg" && scale !== undefined) return "--scale is for PNG output only";
  return { file: files[0]!, out, format, theme, lang, scale: scale ?? DEFAULT_SCALE };
}

/** The PNG of a document's drawing at `scale`× density, rasterised by resvg with the bundled fonts. */
export async function renderPng(
  doc: StackDocument,
  opts: { theme?: ThemeName; lang?: Lang; scale?: number } = {},
): Promise<{ png: Buffer; width: number; height: number }> {
  const drawn = renderSvg(doc, { theme: opts.theme, lang: opts.lang });
  const { width, height } = drawn;
  // The app's caps (render/raster.ts: 8,192 px a side, 16 Mpx): past them the density drops
  // below the asked-for scale, as Export PNG does, instead of drawing gigabytes; text that would
  // then come out too small to read is left out, as Export PNG leaves it out.
  const scale = pngScale(width, height, opts.scale ?? DEFAULT_SCALE);
  const svg = legibleText(drawn.svg, scale);
  // Imported lazily: the native module is needed only for PNG.
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: {
      fontFiles: pngFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: PNG_FONT_FAMILY,
      sansSerifFamily: PNG_FONT_FAMILY,
      serifFamily: PNG_FONT_FAMILY,
      monospaceFamily: PNG_FONT_FAMILY,
    },
    logLevel: "off",
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** `render FILE -o OUT …`: 0 written, 2 bad arguments, an unreadable or invalid document, or a failed write. */
export async function renderCommand(args: string[], io: CliIo, usage: string): Promise<number> {
  const opts = parseRenderArgs(args);
  if (typeof opts === "string") {
    io.stderr(`stackdraw render: ${opts}\n\n${usage}`);
    return 2;
  }
  const input = await readInput(opts.file);
  if (!input.ok) {
    io.stderr(`${ioLine(input.error, opts.lang, { file: opts.file })}\n`);
    return 2;
  }
  const bytes = input.bytes;
  const read = readDocument(bytes);
  if (!read.ok) {
    io.stderr(formatDocumentErrors(opts.file, read.errors, opts.lang));
    return 2;
  }
  let data: string | Buffer;
  try {
    data =
      opts.format === "svg"
        ? await withEmbeddedFonts(renderSvg(read.document, { theme: opts.theme, lang: opts.lang }).svg)
        : (await renderPng(read.document, opts)).png;
  } catch (e) {
    io.stderr(`stackdraw render: ${opts.file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  try {
    await writeFile(opts.out, data);
  } catch (e) {
    io.stderr(`stackdraw render: cannot write ${opts.out} (${errorCode(e)})\n`);
    return 2;
  }
  return 0;
}

function errorCode(e: unknown): string {
  return e instanceof Error && "code" in e ? String((e as NodeJS.ErrnoException).code) : String(e);
}
