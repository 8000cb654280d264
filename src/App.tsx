import { useEffect, useState } from "react";
import { Canvas } from "./canvas/Canvas.tsx";
import { Palette } from "./panels/Palette.tsx";
import { Inspector } from "./panels/Inspector.tsx";
import { ProblemsPanel } from "./panels/ProblemsPanel.tsx";
import { Toolbar } from "./panels/Toolbar.tsx";
import { Legend } from "./panels/Legend.tsx";
import { Notice } from "./panels/Notice.tsx";
import { TemplateGallery } from "./panels/TemplateGallery.tsx";
import { FileErrorDialog } from "./panels/FileErrorDialog.tsx";
import { pickAndOpen } from "./panels/Toolbar.tsx";
import { saveDocument } from "./store/files.ts";
import { useEditorStore } from "./store/context.tsx";
import { EditorProvider, useEditor } from "./store/context.tsx";
import type { EditorStore } from "./store/editor.ts";
import { themeCssVariables } from "./render/colors.ts";

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
      const resolved = theme === "system" ? (media?.matches ? "dark" : "light") : theme;
      root.dataset.theme = resolved;
      // One colour table for the canvas and the SVG export (src/render/colors.ts).
      for (const [name, value] of Object.entries(themeCssVariables(resolved))) root.style.setProperty(name, value);
    };
    apply();
    media?.addEventListener("change", apply);
    return () => media?.removeEventListener("change", apply);
  }, [theme]);
}

/** Ctrl/Cmd+O opens, Ctrl/Cmd+S saves (instead of the browser's own page dialogs). */
function useFileShortcuts() {
  const store = useEditorStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key === "o") {
        e.preventDefault();
        void pickAndOpen(store);
      } else if (key === "s") {
        e.preventDefault();
        saveDocument(store);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store]);
}

function Shell() {
  useDocumentChrome();
  useFileShortcuts();
  const [gallery, setGallery] = useState(false);
  return (
    <div className="sd-app">
      <Toolbar onTemplates={() => setGallery(true)} />
      <Notice />
      <FileErrorDialog />
      {gallery && <TemplateGallery onClose={() => setGallery(false)} />}
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
