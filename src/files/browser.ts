/**
 * The browser side of files: downloading, reading picked or dropped files, rasterising the SVG
 * export to PNG, and packing a document into a share link. Everything that decides anything
 * (reading, validating, rendering) is in src/io and src/render; this is only the DOM plumbing.
 */
import { renderSvg } from "../render/svg.ts";
import { pngScale } from "../render/raster.ts";
import { embeddedFontCss, withFontCss } from "./fonts.ts";
import type { StackDocument } from "../domain/document.ts";
import type { Lang } from "../domain/kinds/props.ts";
import type { Problem } from "../domain/rules/index.ts";

export function download(data: Blob, filename: string): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the diagram's title: letters, digits, Hangul and dashes only. */
export function fileStem(title: string | undefined): string {
  const stem = (title ?? "").trim().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  return stem || "diagram";
}

export interface ExportOptions {
  theme: "light" | "dark";
  lang: Lang;
  overlay: boolean;
  problems: readonly Problem[];
}

export function exportSvg(doc: StackDocument, o: ExportOptions): Blob {
  const { svg } = renderSvg(doc, { theme: o.theme, lang: o.lang, overlay: o.overlay, problems: [...o.problems] });
  return new Blob([svg], { type: "image/svg+xml" });
}

/**
 * Draws the document's SVG onto a canvas at `wanted`× density (less for a huge diagram, see
 * {@link pngScale}) and returns the PNG.
 */
export async function exportPng(doc: StackDocument, o: ExportOptions, wanted = 2): Promise<Blob> {
  const { svg, width, height } = renderSvg(doc, { theme: o.theme, lang: o.lang, overlay: o.overlay, problems: [...o.problems] });
  const scale = pngScale(width, height, wanted);
  // The image cannot see the page's fonts: inline the UI font's subsets it needs (Hangul too).
  const css = await embeddedFontCss(svg).catch(() => "");
  const url = URL.createObjectURL(new Blob([withFontCss(svg, css)], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "async";
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

// ---------------------------------------------------------------------------------------------
// Share links: the document, deflated and base64url-encoded, in the URL fragment (never sent).

export const SHARE_PREFIX = "#d=";
/** Links longer than this are refused: browsers and chat apps cut long URLs. */
export const SHARE_MAX_CHARS = 1_500_000;

function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    // A small link can inflate into gigabytes (a zip bomb): stop at the document limit.
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function shareFragment(json: string): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream("deflate-raw"), Number.POSITIVE_INFINITY);
  return SHARE_PREFIX + toBase64Url(packed!);
}

export type ShareDecode = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too-long" | "broken" | "too-large" };

/** Unpacks a share fragment into the document's bytes (then read them with readDocument). */
export async function decodeShareFragment(hash: string, maxBytes: number): Promise<ShareDecode> {
  const body = hash.slice(SHARE_PREFIX.length);
  if (body.length > SHARE_MAX_CHARS) return { ok: false, reason: "too-long" };
  const packed = fromBase64Url(body);
  if (!packed) return { ok: false, reason: "broken" };
  try {
    const bytes = await pipe(packed, new DecompressionStream("deflate-raw"), maxBytes);
    return bytes ? { ok: true, bytes } : { ok: false, reason: "too-large" };
  } catch {
    return { ok: false, reason: "broken" };
  }
}

/** Lets the person pick one file; resolves null when they cancel. */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = accept;
    input.addEventListener("change", () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener("cancel", () => resolve(null), { once: true });
    input.click();
  });
}
