/**
 * The file actions (./file-actions.ts: open, save, import, export, share) load on demand — warmed
 * at the first press, so a button or a shortcut does not wait for them — not in the first paint
 * (docs/performance.md: initial JS).
 */
import { loadFailedNotice, onDemand, type OnDemand } from "../browser/on-demand.ts";
import type { EditorStore } from "./editor.ts";

export type FileActions = typeof import("./file-actions.ts");

export const fileActions: OnDemand<FileActions> = onDemand<FileActions>(() => import("./file-actions.ts"));

/**
 * Runs `act` with the file actions once they are there. When they cannot be loaded, a notice says
 * so, nothing changes, and the answer is false; the next use loads again.
 */
export async function withFileActions<T>(
  store: EditorStore,
  act: (m: FileActions) => T | Promise<T>,
  part: OnDemand<FileActions> = fileActions,
): Promise<T | false> {
  let m: FileActions;
  try {
    m = await part.load();
  } catch {
    store.getState().setNotice(loadFailedNotice());
    return false;
  }
  return act(m);
}
