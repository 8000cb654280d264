/**
 * Editor commands that combine document edits with the store: each reads the state once,
 * computes the next document with pure domain functions and commits it as one undo step.
 */
import type { EditorStore } from "./editor.ts";
import { presetById } from "../domain/kinds/presets.ts";
import { addNode, mergeBeside, removeNodes } from "../domain/edit.ts";
import { arrangeDocument, completeGeometry, leafSize, nextChildSlot, nextRootSlot } from "../domain/geometry.ts";
import { LAYOUT } from "../domain/layout/index.ts";
import { templateById } from "../templates/index.ts";

/** The drag payload type of a palette preset (its id). */
export const PRESET_MIME = "application/x-stackdraw-preset";

/**
 * Adds a preset into the selected node (the first selected), after its last child; with nothing
 * selected, at the root to the right of everything. Selects the new node.
 */
export function addPresetInto(store: EditorStore, presetId: string): string | null {
  const preset = presetById(presetId);
  if (!preset) return null;
  const s = store.getState();
  const parentId = s.selectedNodes.find((id) => s.index.byId.has(id)) ?? null;
  const label = preset.name[s.lang];
  const size = leafSize(preset.kind, label);
  const position = parentId ? nextChildSlot(s.index, parentId) : nextRootSlot(s.index);
  const { doc, id } = addNode(s.doc, { kind: preset.kind, parentId, label, props: { ...preset.props }, position, size });
  s.commit(doc);
  s.select([id], null);
  return id;
}

export function deleteSelection(store: EditorStore): void {
  const s = store.getState();
  if (s.selectedNodes.length) s.commit(removeNodes(s.doc, s.selectedNodes));
  else if (s.selectedEdge) s.commit({ ...s.doc, edges: s.doc.edges.filter((e) => e.id !== s.selectedEdge) });
}

/** Lays the selection (or, with nothing selected, the whole diagram) out as a stack. */
export function arrange(store: EditorStore): void {
  const s = store.getState();
  s.commit(arrangeDocument(s.doc, s.selectedNodes.length ? s.selectedNodes : undefined));
}

/**
 * Opens a template: replacing the diagram, or beside what is already there. Either way one undo
 * step. Returns false (and changes nothing) when there is no such template.
 */
export function openTemplate(store: EditorStore, id: string, mode: "replace" | "beside" = "replace", opts?: { undoable?: boolean }): boolean {
  const tpl = templateById(id);
  if (!tpl) return false;
  const s = store.getState();
  const doc = tpl.build(s.lang);
  if (mode === "replace" || s.doc.nodes.length === 0) {
    s.replaceDocument(doc, opts);
    return true;
  }
  const merged = mergeBeside(s.doc, completeGeometry(doc), LAYOUT.rootGap);
  s.commit(merged.doc);
  s.select(merged.ids.slice(0, 1), null);
  return true;
}
