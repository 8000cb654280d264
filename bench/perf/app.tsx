/**
 * Page B: the real Stackdraw editor with a generated document of `?n=` nodes. Also exposes
 * `window.__exportBench(runs, variant)` for bench/perf/run.ts: times the app's Export PNG
 * (`exportPng(doc, opts, 2)` of src/files/browser.ts) on the page's document.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "../../src/App.tsx";
import { createEditorStore } from "../../src/store/editor.ts";
import { completeGeometry } from "../../src/domain/geometry.ts";
import { exportPng } from "../../src/files/browser.ts";
import "../../src/styles.css";
import { perfDocument, wrapRoots } from "./doc.ts";
import { pageParams } from "./params.ts";

const { n } = pageParams();
const store = createEditorStore(completeGeometry(perfDocument(n)));
store.getState().setLang("en");

/** One export run: its time, the PNG's byte size and IHDR size, or why it failed. */
interface ExportRun {
  ms: number;
  bytes: number;
  width: number;
  height: number;
  error?: string;
}

declare global {
  interface Window {
    /** `page`: the editor's document as it is; `wrapped`: its root subtrees re-flowed into rows ≤ 8,000 px wide. */
    __exportBench?: (runs: number, variant: "page" | "wrapped") => Promise<ExportRun[]>;
  }
}

window.__exportBench = async (runs, variant) => {
  const s = store.getState();
  const doc = variant === "wrapped" ? wrapRoots(s.doc, 8000) : s.doc;
  const opts = { theme: "light" as const, lang: s.lang, overlay: s.overlay, problems: s.problems };
  const out: ExportRun[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    try {
      const blob = await exportPng(doc, opts, 2);
      const ms = performance.now() - t0;
      const head = new DataView(await blob.slice(0, 24).arrayBuffer());
      out.push({ ms, bytes: blob.size, width: head.getUint32(16), height: head.getUint32(20) });
    } catch (e) {
      out.push({ ms: performance.now() - t0, bytes: 0, width: 0, height: 0, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
};

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
