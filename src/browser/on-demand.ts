/**
 * Code the editor loads only when it is used (docs/performance.md: initial JS, "load
 * import/export code on demand"): the Compose importer, the SVG/PNG export, the templates and
 * the modal panels each come as their own chunk on first use.
 */
import type { EditorState, EditorStore } from "../store/editor.ts";
import { translate } from "../i18n/strings.ts";

/** Loads a module on demand: `() => import("…")`. Tests inject one that fails. */
export type Loader<T> = () => Promise<T>;

/**
 * The document reader (with its JSON-text diagnostics): needed to open, paste or restore a
 * diagram, never for the first paint of an empty editor.
 */
export type ReaderModule = typeof import("../io/read.ts");
export const loadReader: Loader<ReaderModule> = () => import("../io/read.ts");

/** What the person reads when a piece of the editor could not be loaded. */
export function loadFailedNotice(): NonNullable<EditorState["notice"]> {
  return { kind: "error", text: { en: translate("en", "loadFailed"), ko: translate("ko", "loadFailed") } };
}

/**
 * Runs `load`. When it fails — offline, or a new version was deployed and this page's chunks are
 * gone — the person is told so in both languages and null comes back: the caller then changes
 * nothing. A failed load is not remembered, so the next try loads again.
 */
export async function loadOnDemand<T>(store: EditorStore, load: Loader<T>): Promise<T | null> {
  try {
    return await load();
  } catch {
    store.getState().setNotice(loadFailedNotice());
    return null;
  }
}
