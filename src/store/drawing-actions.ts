/**
 * Drawing by hand (docs/drawing.md §1): where a clicked preset goes, Arrange of the selection's
 * trees, "Fit to contents" and a finished resize. Each reads the state once and commits one undo
 * step; the placement itself is src/domain/placement.ts, run by the store on every commit.
 */
import type { EditorState } from "./editor.ts";
import type { Preset } from "../domain/kinds/presets.ts";
import { presetReceiver } from "../domain/drag.ts";

/**
 * Where a clicked preset goes: the same choice as a drop, among the first selected node and its
 * ancestors (innermost first) and then the canvas root — the innermost that takes it without a new
 * error. Clicking Physical server with a server selected makes a second server beside it.
 */
export function clickReceiver(
  s: Pick<EditorState, "doc" | "index" | "selectedNodes" | "lang">,
  preset: Preset,
) {
  const first = s.selectedNodes.find((id) => s.index.byId.has(id));
  const under: string[] = [];
  const seen = new Set<string>();
  for (
    let cur = first ?? null;
    cur != null && !seen.has(cur);
    cur = s.index.byId.get(cur)?.parentId ?? null
  ) {
    seen.add(cur);
    under.push(cur);
  }
  return presetReceiver(s.doc, s.index, preset, s.lang, under);
}
