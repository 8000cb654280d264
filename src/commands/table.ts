/**
 * The one table of editor commands: each has a label, its key bindings and what it does. The
 * keyboard handler and the shortcuts sheet both read this table, so they cannot drift apart
 * (the way Excalidraw's Tools table drives its buttons, shortcuts and command palette).
 */
import type { EditorStore } from "../store/editor.ts";
import type { StringKey } from "../i18n/strings.ts";
import type { KeyBinding } from "./keys.ts";
import { arrange, deleteSelection, duplicateSelection, nudgeSelection } from "../store/actions.ts";
import { saveDocument } from "../store/file-actions.ts";

import type { ViewActions } from "../store/context.tsx";

export type { ViewActions };

export interface CommandContext {
  store: EditorStore;
  /** The canvas's view controls, once it has mounted. */
  view: ViewActions | null;
  ui: { showShortcuts: () => void; open: () => void };
  /** The canvas node that has keyboard focus, if any. */
  focusedNode: string | null;
}

export type CommandGroup = "edit" | "selection" | "file" | "view" | "help";

export interface Command {
  id: string;
  label: StringKey;
  group: CommandGroup;
  keys: readonly KeyBinding[];
  /**
   * "keydown": run from the key handler. "clipboard": the browser's own copy/cut/paste events run
   * it (they carry the system clipboard, which a keydown cannot read without a permission prompt).
   */
  via?: "keydown" | "clipboard";
  /** Whether it can run now; a disabled command lets the key through to the browser. */
  enabled?: (ctx: CommandContext) => boolean;
  run: (ctx: CommandContext, binding: KeyBinding) => void;
}

const hasSelection = ({ store }: CommandContext) => {
  const s = store.getState();
  return s.selectedNodes.length > 0 || s.selectedEdge !== null;
};
const hasNodes = ({ store }: CommandContext) => store.getState().selectedNodes.length > 0;

/** Nudge distance in px; Shift moves ten times as far. */
export const NUDGE = 4;

const nudge = (id: string, label: StringKey, key: string, dx: number, dy: number): Command => ({
  id,
  label,
  group: "edit",
  keys: [{ key }, { key, shift: true }],
  enabled: hasNodes,
  run: ({ store }, b) =>
    nudgeSelection(store, dx * NUDGE * (b.shift ? 10 : 1), dy * NUDGE * (b.shift ? 10 : 1)),
});

export const COMMANDS: readonly Command[] = [
  {
    id: "undo",
    label: "undo",
    group: "edit",
    keys: [{ key: "z", mod: true }],
    enabled: ({ store }) => store.getState().past.length > 0,
    run: ({ store }) => store.getState().undo(),
  },
  {
    id: "redo",
    label: "redo",
    group: "edit",
    keys: [
      { key: "z", mod: true, shift: true },
      { key: "y", ctrl: true },
    ],
    enabled: ({ store }) => store.getState().future.length > 0,
    run: ({ store }) => store.getState().redo(),
  },
  {
    id: "copy",
    label: "cmdCopy",
    group: "edit",
    keys: [{ key: "c", mod: true }],
    via: "clipboard",
    enabled: hasNodes,
    run: () => undefined,
  },
  {
    id: "cut",
    label: "cmdCut",
    group: "edit",
    keys: [{ key: "x", mod: true }],
    via: "clipboard",
    enabled: hasNodes,
    run: () => undefined,
  },
  {
    id: "paste",
    label: "cmdPaste",
    group: "edit",
    keys: [{ key: "v", mod: true }],
    via: "clipboard",
    run: () => undefined,
  },
  {
    id: "duplicate",
    label: "cmdDuplicate",
    group: "edit",
    keys: [{ key: "d", mod: true }],
    enabled: hasNodes,
    run: ({ store }) => duplicateSelection(store),
  },
  {
    id: "delete",
    label: "cmdDelete",
    group: "edit",
    keys: [{ key: "Delete" }, { key: "Backspace" }],
    enabled: hasSelection,
    run: ({ store }) => deleteSelection(store),
  },
  {
    id: "rename",
    label: "cmdRename",
    group: "edit",
    keys: [{ key: "F2" }],
    enabled: ({ store }) => store.getState().selectedNodes.length === 1,
    run: ({ store }) => store.getState().setRenaming(store.getState().selectedNodes[0]!),
  },
  nudge("nudge-left", "cmdNudgeLeft", "ArrowLeft", -1, 0),
  nudge("nudge-right", "cmdNudgeRight", "ArrowRight", 1, 0),
  nudge("nudge-up", "cmdNudgeUp", "ArrowUp", 0, -1),
  nudge("nudge-down", "cmdNudgeDown", "ArrowDown", 0, 1),
  {
    id: "select-all",
    label: "cmdSelectAll",
    group: "selection",
    keys: [{ key: "a", mod: true }],
    run: ({ store }) => store.getState().select(store.getState().doc.nodes.map((n) => n.id)),
  },
  {
    id: "select-focused",
    label: "cmdSelectFocused",
    group: "selection",
    keys: [{ key: "Enter" }, { key: " " }],
    enabled: ({ focusedNode }) => focusedNode !== null,
    run: ({ store, focusedNode }) => store.getState().select([focusedNode!]),
  },
  {
    id: "clear-selection",
    label: "cmdClearSelection",
    group: "selection",
    keys: [{ key: "Escape" }],
    enabled: hasSelection,
    run: ({ store }) => store.getState().select([], null),
  },
  { id: "open", label: "open", group: "file", keys: [{ key: "o", mod: true }], run: ({ ui }) => ui.open() },
  {
    id: "save",
    label: "save",
    group: "file",
    keys: [{ key: "s", mod: true }],
    run: ({ store }) => saveDocument(store),
  },
  {
    id: "arrange",
    label: "arrange",
    group: "view",
    keys: [{ key: "a", shift: true }],
    enabled: ({ store }) => store.getState().doc.nodes.length > 0,
    run: ({ store }) => arrange(store),
  },
  {
    id: "overlay",
    label: "overlay",
    group: "view",
    keys: [{ key: "m", shift: true }],
    run: ({ store }) => store.getState().setOverlay(!store.getState().overlay),
  },
  {
    id: "fit-view",
    label: "fitView",
    group: "view",
    keys: [{ key: "f", shift: true }],
    enabled: ({ view }) => view !== null,
    run: ({ view }) => view!.fitView(),
  },
  {
    id: "zoom-in",
    label: "zoomIn",
    group: "view",
    keys: [{ key: "+" }, { key: "=" }],
    enabled: ({ view }) => view !== null,
    run: ({ view }) => view!.zoomIn(),
  },
  {
    id: "zoom-out",
    label: "zoomOut",
    group: "view",
    keys: [{ key: "-" }],
    enabled: ({ view }) => view !== null,
    run: ({ view }) => view!.zoomOut(),
  },
  {
    id: "shortcuts",
    label: "cmdShortcuts",
    group: "help",
    keys: [{ key: "?" }],
    run: ({ ui }) => ui.showShortcuts(),
  },
];

export const GROUP_LABELS: { readonly [G in CommandGroup]: StringKey } = {
  edit: "groupEdit",
  selection: "groupSelection",
  file: "groupFile",
  view: "groupView",
  help: "groupHelp",
};
