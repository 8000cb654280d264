/** Wires the autosaver to the real browser: IndexedDB/localStorage, Web Locks, page lifecycle. */
import type { StackDocument } from "../domain/document.ts";
import type { EditorStore } from "../store/editor.ts";
import { openBrowserStores } from "./stores.ts";
import type { OpenedStores } from "./draft-store.ts";
import { soloElection, webLocksElection } from "./election.ts";
import { Autosaver, registerAutosaver } from "./autosaver.ts";

function onHide(cb: () => void): () => void {
  const onVisibility = () => {
    if (document.visibilityState === "hidden") cb();
  };
  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("pagehide", cb);
  return () => {
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("pagehide", cb);
  };
}

function tabId(): string {
  try {
    return crypto.randomUUID();
  } catch {
    return Math.random().toString(36).slice(2, 12);
  }
}

/**
 * Opens storage (unless `stores` were opened already), elects the writer tab and restores the
 * draft. Resolves once the editor holds what it should show; never rejects.
 */
export async function startAutosave(
  editor: EditorStore,
  opts: {
    addressHasDiagram: boolean;
    forgetAddress?: () => void;
    stores?: OpenedStores;
    /** The document on screen, when the editor already shows (see AutosaverOptions.shown). */
    shown?: StackDocument;
  },
): Promise<Autosaver> {
  const { primary, secondary } = opts.stores ?? (await openBrowserStores());
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  const saver = new Autosaver({
    editor,
    primary,
    secondary,
    election: locks ? webLocksElection(locks) : soloElection(),
    addressHasDiagram: opts.addressHasDiagram,
    ...(opts.forgetAddress ? { forgetAddress: opts.forgetAddress } : {}),
    ...(opts.shown ? { shown: opts.shown } : {}),
    onHide,
    tabId: tabId(),
  });
  registerAutosaver(editor, saver);
  await saver.start();
  return saver;
}
