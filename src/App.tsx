import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { Canvas, type CanvasPlace } from "./canvas/Canvas.tsx";
import { Palette } from "./panels/Palette.tsx";
import { Inspector } from "./panels/Inspector.tsx";
import { ProblemsPanel } from "./panels/ProblemsPanel.tsx";
import { Toolbar } from "./panels/Toolbar.tsx";
import { Legend } from "./panels/Legend.tsx";
import { Notice } from "./panels/Notice.tsx";
import { OnDemandPanel } from "./panels/OnDemand.tsx";
import { pickAndOpen } from "./panels/Toolbar.tsx";
import { useCommands } from "./commands/useCommands.ts";
import { EditorProvider, useEditor, useEditorStore, useLoaded, useT } from "./store/context.tsx";
import { resolvedTheme, type EditorStore } from "./store/editor.ts";
import { themeCssVariables } from "./render/colors.ts";
import { onDemand } from "./browser/on-demand.ts";
import {
  initialPanels,
  initialWheelZooms,
  rememberPanels,
  rememberWheelZooms,
  type PanelsShown,
} from "./i18n/preference.ts";
import type { PanelName } from "./commands/table.ts";
import type { StringKey } from "./i18n/strings.ts";
import { countProblems } from "./domain/rules/problem-tally.ts";

// ---------------------------------------------------------------------------------------------
// Panels that load on first use (src/panels/OnDemand.tsx), none of them needed for the first paint:
// the template gallery (with the templates and the SVG renderer for its thumbnails), the shortcuts
// sheet, the right-click menu, and the dialogs of a file action (its question, a refused file),
// which only a file the person picked or dropped opens. The menu and the dialogs start loading at
// the person's first press (src/main.tsx), so that what it opens does not wait.

export const templateGallery = onDemand(() => import("./panels/TemplateGallery.tsx"));
export const shortcutsSheet = onDemand(() => import("./panels/ShortcutsSheet.tsx"));
export const contextMenu = onDemand(() => import("./panels/ContextMenu.tsx"));
export const importQuestion = onDemand(() => import("./panels/ImportQuestion.tsx"));
export const fileErrorDialog = onDemand(() => import("./panels/FileErrorDialog.tsx"));
/** Autosave's warnings: loaded with autosave itself, before the first render (src/main.tsx). */
export const storageBanner = onDemand(() => import("./persist/StorageBanner.tsx"));

function StorageBanner() {
  const m = useLoaded(storageBanner);
  return m ? <m.StorageBanner /> : null;
}

/** The question an open or an import waits on; Cancel when its dialog cannot be loaded. */
function Question() {
  const question = useEditor((s) => s.question);
  const cancel = useCallback(() => question?.answer(null), [question]);
  if (!question) return null;
  return (
    <OnDemandPanel part={importQuestion} onLoadFailed={cancel}>
      {(m) => <m.ImportQuestion />}
    </OnDemandPanel>
  );
}

/** Why a file was refused; when its dialog cannot be loaded, the notice says it instead. */
function FileError() {
  const store = useEditorStore();
  const refused = useEditor((s) => s.fileError !== null);
  const dismiss = useCallback(() => store.getState().setFileError(null), [store]);
  if (!refused) return null;
  return (
    <OnDemandPanel part={fileErrorDialog} onLoadFailed={dismiss}>
      {(m) => <m.FileErrorDialog />}
    </OnDemandPanel>
  );
}

function useDocumentChrome() {
  const store = useEditorStore();
  const lang = useEditor((s) => s.lang);
  const theme = useEditor(resolvedTheme);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // The system's light or dark mode, told to the store: it resolves a "system" choice with it
  // (for the page and for Export) without reading the DOM.
  useEffect(() => {
    const media = window.matchMedia?.("(prefers-color-scheme: dark)");
    if (!media) return;
    const tell = () => store.getState().setSystemTheme(media.matches ? "dark" : "light");
    tell();
    media.addEventListener("change", tell);
    return () => media.removeEventListener("change", tell);
  }, [store]);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    // One colour table for the canvas and the SVG export (src/render/colors.ts).
    for (const [name, value] of Object.entries(themeCssVariables(theme))) root.style.setProperty(name, value);
  }, [theme]);
}

/** The names of the buttons that hide and show each panel (docs/drawing.md §1.8). */
const PANEL_BUTTONS: { readonly [P in PanelName]: { hide: StringKey; show: StringKey } } = {
  palette: { hide: "hidePalette", show: "showPalette" },
  problems: { hide: "hideProblems", show: "showProblems" },
  inspector: { hide: "hideInspector", show: "showInspector" },
};
const PANEL_ICONS: { readonly [P in PanelName]: { hide: string; show: string } } = {
  palette: { hide: "‹", show: "›" },
  problems: { hide: "⌄", show: "⌃" },
  inspector: { hide: "›", show: "‹" },
};

/**
 * A panel with its Hide button in its top corner; hidden, a thin rail in its place with the Show
 * button, so the canvas takes the rest of the room.
 */
function PanelSlot({
  panel,
  shown,
  onToggle,
  children,
}: {
  panel: PanelName;
  shown: boolean;
  onToggle: (panel: PanelName) => void;
  children: ReactNode;
}) {
  const t = useT();
  const name = t(shown ? PANEL_BUTTONS[panel].hide : PANEL_BUTTONS[panel].show);
  const button = (
    <button
      type="button"
      className="sd-panel-toggle"
      aria-label={name}
      title={name}
      onClick={() => onToggle(panel)}
    >
      <span aria-hidden="true">{shown ? PANEL_ICONS[panel].hide : PANEL_ICONS[panel].show}</span>
    </button>
  );
  return (
    <div className={`sd-panel-slot sd-panel-slot-${panel}${shown ? "" : " sd-panel-hidden"}`}>
      {shown && children}
      {button}
    </div>
  );
}

function Shell() {
  useDocumentChrome();
  const store = useEditorStore();
  const [gallery, setGallery] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  // Which panels are shown, remembered in this browser: hiding one gives its room to the canvas.
  const [panels, setPanels] = useState<PanelsShown>(initialPanels);
  // A template too big to read with the panels beside it gets their room, for this visit only (the
  // person's remembered choice stays): the problems panel too when there is no problem to list.
  // The panels' rails keep their Show buttons in view; no banner pushes the canvas down.
  const makeRoom = useCallback(() => {
    const decide = () => {
      const open = countProblems(store.getState().problems);
      setPanels((p) => ({
        palette: false,
        inspector: false,
        problems: p.problems && open.errors + open.warnings > 0,
      }));
    };
    if (!store.getState().problemsPending) return decide();
    // The rules are still loading (src/store/rules.ts): the room is given once they have said
    // whether the problems panel has anything to list — in one step, so that the canvas fits the
    // view again once, to the pane as it ends up.
    const stop = store.subscribe((s) => {
      if (s.problemsPending) return;
      stop();
      decide();
    });
  }, [store]);
  const togglePanel = useCallback((panel: PanelName) => {
    setPanels((p) => {
      const next = { ...p, [panel]: !p[panel] };
      // Remember this panel's new state over the person's earlier choices, not the room a
      // template was given for its visit.
      rememberPanels({ ...initialPanels(), [panel]: next[panel] });
      return next;
    });
  }, []);
  const [wheelZooms, setWheelZooms] = useState(initialWheelZooms);
  const toggleWheelZooms = useCallback(() => {
    setWheelZooms((on) => {
      rememberWheelZooms(!on);
      return !on;
    });
  }, []);
  const ui = useMemo(
    () => ({
      showShortcuts: () => setShortcuts(true),
      open: () => void pickAndOpen(store),
      togglePanel,
      toggleWheelZooms,
      wheelZooms,
    }),
    [store, togglePanel, toggleWheelZooms, wheelZooms],
  );
  // The right-click menu, where it was opened and on what.
  const [menu, setMenu] = useState<{ place: CanvasPlace; at: { x: number; y: number } } | null>(null);
  const openMenu = useCallback(
    (place: CanvasPlace, at: { x: number; y: number }) => setMenu({ place, at }),
    [],
  );
  const closeMenu = useCallback(() => setMenu(null), []);
  const closeGallery = useCallback(() => setGallery(false), []);
  const openGallery = useCallback(() => setGallery(true), []);
  const closeShortcuts = useCallback(() => setShortcuts(false), []);
  useCommands(store, ui);
  return (
    <div className="sd-app">
      <Toolbar onTemplates={() => setGallery(true)} onShortcuts={() => setShortcuts(true)} />
      <Notice />
      <StorageBanner />
      <FileError />
      {gallery && (
        <OnDemandPanel part={templateGallery} onLoadFailed={closeGallery}>
          {(m) => <m.TemplateGallery onClose={closeGallery} />}
        </OnDemandPanel>
      )}
      {shortcuts && (
        <OnDemandPanel part={shortcutsSheet} onLoadFailed={closeShortcuts}>
          {(m) => <m.ShortcutsSheet onClose={closeShortcuts} />}
        </OnDemandPanel>
      )}
      <Question />
      {menu && (
        <OnDemandPanel part={contextMenu} onLoadFailed={closeMenu}>
          {(m) => <m.ContextMenu place={menu.place} at={menu.at} ui={ui} onClose={closeMenu} />}
        </OnDemandPanel>
      )}
      <div className="sd-main">
        <PanelSlot panel="palette" shown={panels.palette} onToggle={togglePanel}>
          <Palette />
        </PanelSlot>
        <main className="sd-center">
          <Canvas
            wheelZooms={wheelZooms}
            onContextMenu={openMenu}
            onOpenTemplates={openGallery}
            onNeedRoom={makeRoom}
          />
          <Legend />
          <PanelSlot panel="problems" shown={panels.problems} onToggle={togglePanel}>
            <ProblemsPanel />
          </PanelSlot>
        </main>
        <PanelSlot panel="inspector" shown={panels.inspector} onToggle={togglePanel}>
          <Inspector />
        </PanelSlot>
      </div>
    </div>
  );
}

export function App({ store }: { store: EditorStore }) {
  return (
    <EditorProvider store={store}>
      <Shell />
    </EditorProvider>
  );
}
