/**
 * Code the editor loads only when it is used (docs/performance.md: initial JS, "load
 * import/export code on demand"): the Compose importer, the SVG/PNG export, the templates and
 * the modal panels each come as their own chunk on first use.
 */
import type { Localized } from "../domain/kinds/props.ts";
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
export function loadFailedNotice(): { kind: "error"; text: Localized } {
  return { kind: "error", text: { en: translate("en", "loadFailed"), ko: translate("ko", "loadFailed") } };
}

/** A module, or why it could not be loaded. */
export type Loaded<T> = { ok: true; module: T } | { ok: false; error: unknown };

/**
 * Runs `load` and says how it went, never throwing. It fails when offline, or when a new version
 * was deployed and this page's chunks are gone: the caller then tells the person
 * ({@link loadFailedNotice}; the store's `loadOnDemand` does) and changes nothing. A failed load is
 * not remembered, so the next try loads again.
 */
export async function tryLoad<T>(load: Loader<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, module: await load() };
  } catch (error) {
    return { ok: false, error };
  }
}
