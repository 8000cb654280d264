/**
 * The one table of editor commands: each has a label, its key bindings and what it does. The
 * keyboard handler and the shortcuts sheet both read this table, so they cannot drift apart
 * (the way Excalidraw's Tools table drives its buttons, shortcuts and command palette).
 */
import type { EditorStore } from "../store/editor.ts";
import type { StringKey } from "../i18n/strings.ts";
import type { PanelStringKey } from "../i18n/panel-strings.ts";

/**
 * A command's name: most are shown only in the right-click menu and the shortcuts sheet, which
 * load on demand, so their words come with them (src/i18n/panel-strings.ts).
 */
export type CommandLabel = StringKey | PanelStringKey;
import type { KeyBinding } from "./keys.ts";
import { deleteSelection, duplicateSelection, nudgeSelection } from "../store/actions.ts";
import {
  arrangeTrees,
  canFitToContents,
  fitToContents,
  walkSelection,
  type Walk,
} from "../store/drawing-actions.ts";
import { withFileActions } from "../store/file-actions-part.ts";

import type { ViewActions } from "../store/context.tsx";

export type { ViewActions };

export interface CommandContext {
  store: EditorStore;
  /** The canvas's view controls, once it has mounted. */
  view: ViewActions | null;
  ui: {
    showShortcuts: () => void;
    open: () => void;
    /** Shows or hides a panel (remembered). */
    togglePanel: (panel: PanelName) => void;
    /** Whether the mouse wheel zooms instead of panning (remembered), and its switch. */
    wheelZooms: boolean;
    toggleWheelZooms: () => void;
  };
  /** The canvas node that has keyboard focus, if any. */
  focusedNode: string | null;
}

export type CommandGroup = "edit" | "selection" | "file" | "view" | "help";

/** The panels that can be hidden (docs/drawing.md §1.8). */
export type PanelName = "palette" | "inspector" | "problems";

/** Where a right-click shows a command in its menu (docs/drawing.md §1.9). */
export type MenuPlace = "node" | "edge" | "canvas";

export interface Command {
  id: string;
  label: CommandLabel;
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
  /** The context menus that list it (right-click on a node, an edge or the canvas). */
  menu?: readonly MenuPlace[];
}

const hasSelection = ({ store }: CommandContext) => {
  const s = store.getState();
  return s.selectedNodes.length > 0 || s.selectedEdge !== null;
};
const hasNodes = ({ store }: CommandContext) => store.getState().selectedNodes.length > 0;

const walk = (id: string, label: CommandLabel, key: string, to: Walk): Command => ({
  id,
  label,
  group: "selection",
  keys: [{ key, alt: true }],
  // Always taken, even with nowhere to go: Alt+← and Alt+→ would otherwise leave the page (the
  // browser's Back and Forward).
  run: ({ store }) => void walkSelection(store, to),
});

const togglePanel = (panel: PanelName, label: CommandLabel, key: string): Command => ({
  id: `toggle-${panel}`,
  label,
  group: "view",
  keys: [{ key }],
  menu: ["canvas"],
  run: ({ ui }) => ui.togglePanel(panel),
});

/** Nudge distance in px; Shift moves ten times as far. */
export const NUDGE = 4;

const nudge = (id: string, label: CommandLabel, key: string, dx: number, dy: number): Command => ({
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
    menu: ["canvas"],
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
    menu: ["canvas"],
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
    run: ({ store }) => void duplicateSelection(store),
    menu: ["node"],
  },
  {
    id: "delete",
    label: "cmdDelete",
    group: "edit",
    keys: [{ key: "Delete" }, { key: "Backspace" }],
    enabled: hasSelection,
    run: ({ store }) => deleteSelection(store),
    menu: ["node", "edge"],
  },
  {
    id: "rename",
    label: "cmdRename",
    group: "edit",
    keys: [{ key: "F2" }],
    enabled: ({ store }) => store.getState().selectedNodes.length === 1,
    run: ({ store }) => store.getState().setRenaming(store.getState().selectedNodes[0]!),
    menu: ["node"],
  },
  {
    id: "fit-to-contents",
    label: "cmdFitToContents",
    group: "edit",
    keys: [{ key: "r", shift: true }],
    enabled: ({ store }) => canFitToContents(store.getState()),
    run: ({ store }) => fitToContents(store),
    menu: ["node"],
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
  walk("select-parent", "cmdSelectParent", "ArrowUp", "parent"),
  walk("select-first-child", "cmdSelectFirstChild", "ArrowDown", "first-child"),
  walk("select-next-sibling", "cmdSelectNextSibling", "ArrowRight", "next-sibling"),
  walk("select-prev-sibling", "cmdSelectPrevSibling", "ArrowLeft", "prev-sibling"),
  {
    id: "focus-canvas",
    label: "cmdFocusCanvas",
    group: "selection",
    keys: [{ key: "c", shift: true }],
    enabled: ({ view }) => view !== null,
    run: ({ view }) => view!.focus(),
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
    run: ({ store }) => void withFileActions(store, (m) => m.saveDocument(store)),
  },
  {
    id: "arrange",
    label: "arrange",
    group: "view",
    keys: [{ key: "a", shift: true }],
    enabled: ({ store }) => store.getState().doc.nodes.length > 0,
    run: ({ store }) => arrangeTrees(store),
    menu: ["node", "canvas"],
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
    menu: ["canvas"],
  },
  {
    id: "zoom-to-selection",
    label: "cmdZoomToSelection",
    group: "view",
    keys: [{ key: "s", shift: true }],
    enabled: ({ view, store }) => view !== null && store.getState().selectedNodes.length > 0,
    run: ({ view }) => view!.zoomToSelection(),
    menu: ["node"],
  },
  {
    id: "wheel-zooms",
    label: "wheelZooms",
    group: "view",
    keys: [{ key: "w", shift: true }],
    menu: ["canvas"],
    run: ({ ui }) => ui.toggleWheelZooms(),
  },
  togglePanel("palette", "cmdTogglePalette", "["),
  togglePanel("inspector", "cmdToggleInspector", "]"),
  togglePanel("problems", "cmdToggleProblems", "\\"),
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

export const GROUP_LABELS: { readonly [G in CommandGroup]: CommandLabel } = {
  edit: "groupEdit",
  selection: "groupSelection",
  file: "groupFile",
  view: "groupView",
  help: "groupHelp",
};
