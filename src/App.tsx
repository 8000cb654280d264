import { useEffect } from "react";
import { Canvas } from "./canvas/Canvas.tsx";
import { Palette } from "./panels/Palette.tsx";
import { Inspector } from "./panels/Inspector.tsx";
import { ProblemsPanel } from "./panels/ProblemsPanel.tsx";
import { Toolbar } from "./panels/Toolbar.tsx";
import { Legend } from "./panels/Legend.tsx";
import { EditorProvider, useEditor } from "./store/context.tsx";
import type { EditorStore } from "./store/editor.ts";

function useDocumentChrome() {
  const lang = useEditor((s) => s.lang);
  const theme = useEditor((s) => s.theme);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    const root = document.documentElement;
    const media = window.matchMedia?.("(prefers-color-scheme: dark)");
    const apply = () => {
      root.dataset.theme = theme === "system" ? (media?.matches ? "dark" : "light") : theme;
    };
    apply();
    media?.addEventListener("change", apply);
    return () => media?.removeEventListener("change", apply);
  }, [theme]);
}

function Shell() {
  useDocumentChrome();
  return (
    <div className="sd-app">
      <Toolbar />
      <div className="sd-main">
        <Palette />
        <main className="sd-center">
          <Canvas />
          <Legend />
          <ProblemsPanel />
        </main>
        <Inspector />
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
