/**
 * Open, save, export, import and share: each reads the state once and either applies a whole
 * document as one undo step or reports why not (a dialog with JSON paths or line:column) without
 * touching the canvas (../shared/spec/reliability.md, promise 4).
 */
import type { EditorStore } from "./editor.ts";
import { readDocument } from "../io/read.ts";
import { writeDocument } from "../io/write.ts";
import { importCompose } from "../io/compose.ts";
import { LIMITS } from "../domain/document.ts";
import { translate, type StringKey } from "../i18n/strings.ts";
import type { Localized } from "../domain/kinds/props.ts";
import {
  SHARE_MAX_CHARS,
  decodeShareFragment,
  download,
  exportPng,
  exportSvg,
  fileStem,
  shareFragment,
  type ExportOptions,
} from "../files/browser.ts";

const both = (key: StringKey, params?: Record<string, string | number>): Localized => ({
  en: translate("en", key, params),
  ko: translate("ko", key, params),
});

/** How many problems a refused file lists. */
const SHOWN = 8;

/** Opens a document from bytes: applied whole as one undo step, or refused with its problems. */
export function openDocumentBytes(store: EditorStore, bytes: Uint8Array | string, file: string): boolean {
  const read = readDocument(bytes);
  const s = store.getState();
  if (!read.ok) {
    s.setFileError({
      kind: "open",
      file,
      total: read.errors.length,
      problems: read.errors.slice(0, SHOWN).map((e) => ({ where: e.path, message: e.message })),
    });
    return false;
  }
  s.replaceDocument(read.document);
  s.setFileError(null);
  return true;
}

export async function openFile(store: EditorStore, file: File): Promise<boolean> {
  if (file.size > LIMITS.bytes) {
    // Refused before reading it at all: the reader would say the same after a long wait.
    return openDocumentBytes(store, new Uint8Array(LIMITS.bytes + 1), file.name);
  }
  return openDocumentBytes(store, new Uint8Array(await file.arrayBuffer()), file.name);
}

export function saveDocument(store: EditorStore): void {
  const { doc } = store.getState();
  download(new Blob([writeDocument(doc)], { type: "application/json" }), `${fileStem(doc.title)}.stackdraw.json`);
}

function exportOptions(store: EditorStore): ExportOptions {
  const s = store.getState();
  const theme = document.documentElement.dataset.theme === "dark" ? "dark" : "light";
  return { theme, lang: s.lang, overlay: s.overlay, problems: s.problems };
}

export async function exportAs(store: EditorStore, format: "png" | "svg" | "json"): Promise<void> {
  const { doc } = store.getState();
  const stem = fileStem(doc.title);
  try {
    if (format === "json") download(new Blob([writeDocument(doc)], { type: "application/json" }), `${stem}.stackdraw.json`);
    else if (format === "svg") download(exportSvg(doc, exportOptions(store)), `${stem}.svg`);
    else download(await exportPng(doc, exportOptions(store), 2), `${stem}.png`);
  } catch (e) {
    store.getState().setNotice({ kind: "error", text: both("exportFailed", { reason: e instanceof Error ? e.message : String(e) }) });
  }
}

export async function importComposeFile(store: EditorStore, file: File): Promise<boolean> {
  const text = file.size > LIMITS.bytes ? " ".repeat(LIMITS.bytes + 1) : await file.text();
  const title = file.name.replace(/\.(ya?ml)$/i, "");
  const r = importCompose(text, { title });
  const s = store.getState();
  if (!r.ok) {
    s.setFileError({
      kind: "import",
      file: file.name,
      total: r.errors.length,
      problems: r.errors.slice(0, SHOWN).map((e) => ({
        where: e.line !== undefined ? `${e.line}:${e.column ?? 1}${e.path && e.path !== "$" ? ` ${e.path}` : ""}` : e.path,
        message: e.message,
      })),
    });
    return false;
  }
  s.replaceDocument(r.document);
  s.setFileError(null);
  return true;
}

/** Puts the document into the URL fragment and copies the link. Returns the link, or null. */
export async function copyShareLink(store: EditorStore): Promise<string | null> {
  const s = store.getState();
  const fragment = await shareFragment(writeDocument(s.doc));
  if (fragment.length > SHARE_MAX_CHARS) {
    s.setNotice({ kind: "error", text: both("linkTooLong") });
    return null;
  }
  const url = `${location.origin}${location.pathname}${location.search}${fragment}`;
  history.replaceState(null, "", url);
  try {
    await navigator.clipboard.writeText(url);
    s.setNotice({ kind: "info", text: both("linkCopied") });
  } catch {
    s.setNotice({ kind: "info", text: both("linkCopyFailed") });
  }
  return url;
}

/**
 * Opens the diagram a share link carries, as one undo step — after a confirmation when the current
 * diagram has work on it. A broken or oversized link gets a message and changes nothing.
 */
export async function openShareFragment(store: EditorStore, hash: string, confirm: (question: string) => boolean): Promise<boolean> {
  const s = store.getState();
  const decoded = await decodeShareFragment(hash, LIMITS.bytes);
  if (!decoded.ok) {
    const key = decoded.reason === "too-long" ? "linkTooLong" : decoded.reason === "too-large" ? "linkTooLarge" : "linkBroken";
    s.setNotice({ kind: "error", text: both(key) });
    return false;
  }
  const read = readDocument(decoded.bytes);
  if (!read.ok) {
    s.setNotice({ kind: "error", text: both("linkBroken") });
    return false;
  }
  if (s.doc.nodes.length > 0 && !confirm(translate(s.lang, "linkReplace"))) return false;
  s.replaceDocument(read.document);
  return true;
}
