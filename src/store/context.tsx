import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { OnDemand } from "../browser/on-demand.ts";
import { useStore } from "zustand";
import type { EditorState, EditorStore } from "./editor.ts";
import { translate, type StringKey } from "../i18n/strings.ts";

const StoreContext = createContext<EditorStore | null>(null);

/** The canvas's view controls: what the fit and zoom keys run. */
export interface ViewActions {
  fitView: () => void;
  /** Shows the selected nodes whole, clear of the minimap, the controls and the legend. */
  zoomToSelection: () => void;
  /** Moves keyboard focus to the canvas (its selected node, else the canvas itself). */
  focus: () => void;
  zoomIn: () => void;
  zoomOut: () => void;
}

/**
 * Where the canvas leaves its view controls while it is mounted, for the keyboard commands to
 * find (one per editor, like the store; the commands never reach into the canvas).
 */
export interface ViewControls {
  /** The mounted canvas's controls, or null. */
  current(): ViewActions | null;
  /** Hands the controls over; the returned function takes them back (on unmount). */
  provide(actions: ViewActions): () => void;
}

function createViewControls(): ViewControls {
  let actions: ViewActions | null = null;
  return {
    current: () => actions,
    provide: (a) => {
      actions = a;
      return () => {
        if (actions === a) actions = null;
      };
    },
  };
}

const ViewContext = createContext<ViewControls | null>(null);

/** One store per editor instance (tests and the bench mount their own). */
export function EditorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  const [view] = useState(createViewControls);
  return (
    <StoreContext.Provider value={store}>
      <ViewContext.Provider value={view}>{children}</ViewContext.Provider>
    </StoreContext.Provider>
  );
}

/** The editor's view controls: the canvas provides them, the commands use them. */
export function useViewControls(): ViewControls {
  const v = useContext(ViewContext);
  if (!v) throw new Error("useViewControls outside <EditorProvider>");
  return v;
}

export function useEditorStore(): EditorStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error("useEditorStore outside <EditorProvider>");
  return s;
}

/** Subscribes to one narrow slice of the editor state. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}

/** The translator for the current UI language. */
export function useT() {
  const lang = useEditor((s) => s.lang);
  return (key: StringKey, params?: Record<string, string | number>) => translate(lang, key, params);
}

/**
 * The module of an on-demand piece once it is loaded, else undefined: while `wanted`, it starts the
 * load and renders again when the module comes. A failed load leaves it undefined (the caller shows
 * what it can without it) and is tried again at the next mount or change of `wanted`.
 */
export function useLoaded<T>(part: OnDemand<T>, wanted = true): T | undefined {
  const [module, setModule] = useState<T | undefined>(() => part.loaded);
  const now = part.loaded ?? module;
  useEffect(() => {
    if (!wanted || now !== undefined) return;
    let live = true;
    part.load().then(
      (m) => live && setModule(() => m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [part, wanted, now]);
  return now;
}
