import { useEffect, useMemo, useState } from "react";
import { Canvas } from "./canvas/Canvas.tsx";
import { Palette } from "./panels/Palette.tsx";
import { Inspector } from "./panels/Inspector.tsx";
import { ProblemsPanel } from "./panels/ProblemsPanel.tsx";
import { Toolbar } from "./panels/Toolbar.tsx";
import { Legend } from "./panels/Legend.tsx";
import { Notice } from "./panels/Notice.tsx";
import { StorageBanner } from "./persist/StorageBanner.tsx";
import { TemplateGallery } from "./panels/TemplateGallery.tsx";
import { FileErrorDialog } from "./panels/FileErrorDialog.tsx";
import { pickAndOpen } from "./panels/Toolbar.tsx";
import { ShortcutsSheet } from "./panels/ShortcutsSheet.tsx";
import { useCommands } from "./commands/useCommands.ts";
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

function Shell() {
  useDocumentChrome();
  const store = useEditorStore();
  const [gallery, setGallery] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const ui = useMemo(() => ({ showShortcuts: () => setShortcuts(true), open: () => void pickAndOpen(store) }), [store]);
  useCommands(store, ui);
  return (
    <div className="sd-app">
      <Toolbar onTemplates={() => setGallery(true)} onShortcuts={() => setShortcuts(true)} />
      <Notice />
      <StorageBanner />
      <FileErrorDialog />
      {gallery && <TemplateGallery onClose={() => setGallery(false)} />}
      {shortcuts && <ShortcutsSheet onClose={() => setShortcuts(false)} />}
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
