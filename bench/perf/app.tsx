/**
 * Page B: the real Stackdraw editor with a generated document of `?n=` nodes (and `?edges=`
 * edges, which the editor routes) — opened at
 * `?vx=&vy=&vz=` when given (set as the document's `view.viewport`, which the app honours when it
 * opens a document), else fitted. Exposes for bench/perf/run.ts:
 * - `window.__benchFitView`: the editor's fit options (src/canvas/Canvas.tsx FIT_VIEW), handed to the bare page;
 * - `window.__benchEdit(id, label)`: renames a node through the store (one committed edit);
 * - `window.__exportBench(runs, variant)`: times the app's Export PNG (`exportPng(doc, opts, 2)` of
 *   src/browser/export.ts, loaded on demand as the app loads it) on the page's document.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "../../src/App.tsx";
import { FIT_VIEW } from "../../src/canvas/Canvas.tsx";
import { createEditorStore } from "../../src/store/editor.ts";
import { completeGeometry } from "../../src/domain/geometry.ts";
import { updateNode } from "../../src/domain/edit.ts";
import { absoluteRects, nodeAt } from "../../src/domain/drop.ts";
import "../../src/styles.css";
import { perfDocument, perfEdges, wrapRoots } from "./doc.ts";
import { pageParams } from "./params.ts";

const { n, edges, viewport } = pageParams();
const laid = completeGeometry(perfDocument(n));
const doc = edges > 0 ? { ...laid, edges: perfEdges(laid, edges) } : laid;
const store = createEditorStore(viewport ? { ...doc, view: { ...doc.view, viewport } } : doc);
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
    __benchEdit?: (id: string, label: string) => void;
    __benchFitView?: { padding: number; minZoom: number; maxZoom: number };
    /** A node's box in diagram coordinates (for nodes drawn on the far-zoom picture, which have no element). */
    __benchNodeBox?: (id: string) => { x: number; y: number; width: number; height: number } | null;
    /** The innermost node at a diagram point, or null (where a pan can start on the far picture). */
    __benchNodeAt?: (x: number, y: number) => string | null;
  }
}

window.__benchFitView = { padding: FIT_VIEW.padding, minZoom: FIT_VIEW.minZoom, maxZoom: FIT_VIEW.maxZoom };

window.__benchNodeAt = (x, y) => {
  const s = store.getState();
  return nodeAt(s.doc, s.index, { x, y });
};

window.__benchNodeBox = (id) => {
  const s = store.getState();
  return absoluteRects(s.doc, s.index).get(id) ?? null;
};

window.__benchEdit = (id, label) => {
  const s = store.getState();
  s.commit(updateNode(s.doc, id, { label }));
};

window.__exportBench = async (runs, variant) => {
  // On demand, as the app loads it: a static import would put the renderer into this page's initial JS.
  const { exportPng } = await import("../../src/browser/export.ts");
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
      out.push({
        ms: performance.now() - t0,
        bytes: 0,
        width: 0,
        height: 0,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
  return out;
};

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
