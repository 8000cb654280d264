/**
 * Editor commands that combine document edits with the store: each reads the state once,
 * computes the next document with pure domain functions and commits it as one undo step.
 */
import type { EditorStore } from "./editor.ts";
import type { ReaderModule } from "../browser/on-demand.ts";
import { presetById } from "../domain/kinds/presets.ts";
import {
  addNode,
  extractSubtrees,
  insertFragment,
  mapNodes,
  mergeBeside,
  removeNodes,
} from "../domain/edit.ts";
import { writeForSave } from "../io/write.ts";
import { LIMITS, type LimitViolation } from "../domain/limits.ts";
import { limitMessage } from "../i18n/limit-strings.ts";
import { translate } from "../i18n/strings.ts";
import type { StackDocument } from "../domain/document.ts";
import { completeGeometry, leafSize, nextChildSlot, nextRootSlot } from "../domain/geometry.ts";
import { LAYOUT } from "../domain/layout/index.ts";
import type { TemplateInfo } from "../templates/index.ts";
import { loadFailedNotice, tryLoad, withRules, type Loader } from "../browser/on-demand.ts";
import { freeSlotIn } from "../domain/placement.ts";
import { clickReceiver } from "./drawing-actions.ts";

/**
 * Loads a module on demand. When it cannot be loaded — offline, or a new version was deployed and
 * this page's chunks are gone — the person is told so in both languages and null comes back: the
 * caller then changes nothing.
 */
export async function loadOnDemand<T>(store: EditorStore, load: Loader<T>): Promise<T | null> {
  const loaded = await tryLoad(load);
  if (loaded.ok) return loaded.module;
  store.getState().setNotice(loadFailedNotice());
  return null;
}

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
  // The same choice as a drop, among the selected node and its ancestors (drawing-actions.ts).
  const parentId = clickReceiver(s, preset);
  const label = preset.name[s.lang];
  const size = leafSize(preset.kind, label);
  const position = parentId
    ? freeSlotIn(s.index.byId, s.index.children, parentId, size)
    : nextRootSlot(s.index);
  const { doc, id } = addNode(s.doc, {
    kind: preset.kind,
    parentId,
    label,
    props: { ...preset.props },
    position,
    size,
  });
  if (!s.commit(doc, "add")) return null;
  // Select it and make sure it is on screen: a new root may land right of the visible canvas.
  s.revealNode(id);
  return id;
}

/** Palette adds waiting for the rules, per store: the next add goes after them. */
const waitingAdds = new WeakMap<EditorStore, Promise<unknown>>();

/**
 * {@link addPresetInto} as the palette asks for it (a click, Enter in its search). Where the preset
 * goes is the rules' judgement (the innermost of the selection's line that takes it without a new
 * error), so while the rules are still loading — the first moments of a visit — the add waits for
 * them, and adds asked for meanwhile follow in order, rather than be placed unjudged (a second
 * container would go into the first). When the rules cannot be loaded, the add is made unjudged,
 * and the store says the rules are missing.
 */
export function addPreset(store: EditorStore, presetId: string): void {
  const waiting = waitingAdds.get(store);
  const s = store.getState();
  // Into an empty canvas nothing needs judging: the preset becomes a root.
  if (waiting === undefined && (s.rules !== null || s.doc.nodes.length === 0)) {
    addPresetInto(store, presetId);
    return;
  }
  const next: Promise<unknown> = (waiting ?? s.whenRules())
    .catch(() => undefined)
    .then(() => {
      if (waitingAdds.get(store) === next) waitingAdds.delete(store);
      addPresetInto(store, presetId);
    });
  waitingAdds.set(store, next);
}

export function deleteSelection(store: EditorStore): void {
  const s = store.getState();
  if (s.selectedNodes.length) s.commit(removeNodes(s.doc, s.selectedNodes));
  else if (s.selectedEdge) s.commit({ ...s.doc, edges: s.doc.edges.filter((e) => e.id !== s.selectedEdge) });
}

/**
 * Opens a template: replacing the diagram, or beside what is already there. Either way one undo
 * step (unless `undoable: false`, for a template the address brings at startup).
 */
export function openTemplate(
  store: EditorStore,
  tpl: Pick<TemplateInfo, "build">,
  mode: "replace" | "beside" = "replace",
  opts?: { undoable?: boolean },
): boolean {
  const s = store.getState();
  const doc = tpl.build(s.lang);
  if (mode === "replace" || s.doc.nodes.length === 0) {
    return s.replaceDocument(doc, { ...opts, action: "template" });
  }
  const merged = mergeBeside(s.doc, completeGeometry(doc), LAYOUT.rootGap);
  if (!s.commit(merged.doc, "template")) return false;
  s.select(merged.ids.slice(0, 1), null);
  return true;
}

/** The templates load on first use (the gallery, or `?template=` at startup): they are not needed for the first paint. */
export const loadTemplates: Loader<typeof import("../templates/index.ts")> = withRules(
  () => import("../templates/index.ts"),
);

/**
 * Opens a template by its id (`?template=ID`), loading the templates first. Returns false and
 * changes nothing, with a notice saying why, when there is no such template or the templates
 * could not be loaded.
 */
export async function openTemplateById(
  store: EditorStore,
  id: string,
  mode: "replace" | "beside" = "replace",
  opts?: { undoable?: boolean },
  load: Loader<typeof import("../templates/index.ts")> = loadTemplates,
): Promise<boolean> {
  const templates = await loadOnDemand(store, load);
  if (!templates) return false;
  const tpl = templates.templateById(id);
  if (!tpl) {
    store.getState().setNotice({
      kind: "error",
      text: {
        en: translate("en", "unknownTemplate", { id }),
        ko: translate("ko", "unknownTemplate", { id }),
      },
    });
    return false;
  }
  return openTemplate(store, tpl, mode, opts);
}

/** Moves the selected nodes by (dx, dy) as one undo step; parents grow to keep them inside. */
export function nudgeSelection(store: EditorStore, dx: number, dy: number): void {
  const s = store.getState();
  const ids = s.selectedNodes;
  s.commit(
    mapNodes(s.doc, ids, (n) => ({
      ...n,
      position: { x: (n.position?.x ?? 0) + dx, y: (n.position?.y ?? 0) + dy },
    })),
  );
}

/** What Copy puts on the clipboard: the selected subtrees as a Stackdraw document. */
export function copySelection(store: EditorStore): string | null {
  const s = store.getState();
  if (s.selectedNodes.length === 0) return null;
  // As Save writes it: whatever the editor holds fits the reader's size limit.
  return writeForSave(extractSubtrees(s.doc, s.selectedNodes));
}

export function cutSelection(store: EditorStore): string | null {
  const text = copySelection(store);
  if (text !== null) deleteSelection(store);
  return text;
}

/** The limit a reader error says was crossed, or null when it is not a limit's. */
function limitOfRefusal(e: { path: string; code: string; params: unknown }): LimitViolation | null {
  const p = e.params as Record<string, number>;
  switch (e.code) {
    case "tooLarge":
      return { limit: "bytes", value: p.bytes!, max: LIMITS.bytes };
    case "tooManyNodes":
      return { limit: "nodes", value: p.count!, max: p.limit! };
    case "tooManyEdges":
      return { limit: "edges", value: p.count!, max: p.limit! };
    case "tooDeep":
      return { limit: "depth", value: p.depth!, max: p.limit!, nodeId: e.path };
    case "tooLong": {
      const prop = /\.props(?:\.([A-Za-z_$][\w$]*)|\["((?:[^"\\]|\\.)*)"\])/.exec(e.path);
      return prop
        ? { limit: "text", value: p.length!, max: p.limit!, prop: prop[1] ?? prop[2] ?? "" }
        : {
            limit: "label",
            value: p.length!,
            max: p.limit!,
            ...(e.path === "title" ? { title: true as const } : {}),
          };
    }
    default:
      return null;
  }
}

/** Pasted nodes land this far from where they were copied, so they never hide the originals. */
const PASTE_OFFSET = { x: 24, y: 24 };

function placeFragment(store: EditorStore, fragment: StackDocument, target: string | null) {
  const s = store.getState();
  const tops = fragment.nodes.filter((n) => n.parentId == null);
  if (target === null) return insertFragment(s.doc, fragment, null, { offset: PASTE_OFFSET });
  // Into a node: side by side after its last child.
  const slots = [];
  let slot = nextChildSlot(s.index, target);
  for (const t of tops) {
    slots.push(slot);
    slot = { x: slot.x + (t.size?.width ?? 0) + LAYOUT.gap, y: slot.y };
  }
  return insertFragment(s.doc, fragment, target, { slots });
}

/**
 * Pastes clipboard text: a Stackdraw document (what Copy writes, or a whole saved file) goes into
 * the selected node, or onto the canvas offset from where it was copied, with fresh ids, as one
 * undo step. Anything else is refused with a message and changes nothing.
 */
export function pasteText(
  store: EditorStore,
  text: string,
  readDocument: ReaderModule["readDocument"],
): boolean {
  const s = store.getState();
  const read = readDocument(text);
  const over = read.ok ? null : limitOfRefusal(read.errors[0]!);
  if (over) {
    // A Stackdraw document, but over a limit: say which, not "no Stackdraw nodes".
    s.setNotice({ kind: "error", text: limitMessage(over, "paste") });
    return false;
  }
  if (!read.ok || read.document.nodes.length === 0) {
    s.setNotice({
      kind: "error",
      text: { en: translate("en", "pasteNotStackdraw"), ko: translate("ko", "pasteNotStackdraw") },
    });
    return false;
  }
  if (s.refuseGrowth(read.document.nodes.length, read.document.edges.length, "paste")) return false;
  const fragment = completeGeometry(read.document);
  const target = s.selectedNodes.length === 1 ? s.selectedNodes[0]! : null;
  const { doc, tops } = placeFragment(store, fragment, target);
  if (!s.commit(doc, "paste")) return false;
  s.select(tops, null);
  return true;
}

/**
 * Copies each selected subtree next to itself, in the same parent, as one undo step. Refused whole
 * (false, with a notice) when the copies would cross a limit.
 */
export function duplicateSelection(store: EditorStore): boolean {
  const s = store.getState();
  if (s.selectedNodes.length === 0) return false;
  let doc = s.doc;
  const made: string[] = [];
  const fragment = extractSubtrees(s.doc, s.selectedNodes);
  // Too many copies is refused before any is made (copying 10,000 subtrees one by one takes long).
  if (s.refuseGrowth(fragment.nodes.length, fragment.edges.length, "duplicate")) return false;
  for (const top of fragment.nodes.filter((n) => n.parentId == null)) {
    const original = s.index.byId.get(top.id)!;
    const one = extractSubtrees(s.doc, [top.id]);
    const pos = original.position ?? { x: 0, y: 0 };
    const r = insertFragment(doc, one, original.parentId ?? null, {
      slots: [{ x: pos.x + PASTE_OFFSET.x, y: pos.y + PASTE_OFFSET.y }],
    });
    doc = r.doc;
    made.push(...r.tops);
  }
  if (!s.commit(doc, "duplicate")) return false;
  s.select(made, null);
  return true;
}
