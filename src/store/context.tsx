import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { EditorState, EditorStore } from "./editor.ts";
import { translate, type StringKey } from "../i18n/strings.ts";

const StoreContext = createContext<EditorStore | null>(null);

/** One store per editor instance (tests and the bench mount their own). */
export function EditorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
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
