/**
 * Page A: bare React Flow with the same nodes as page B — same ids, parents, relative positions
 * and sizes from the same completed document, default node type, the same view: the editor's fit
 * (`?fit=` from the runner, read off the app's FIT_VIEW) or, with `?vx=&vy=&vz=`, opened at that
 * viewport with `onlyRenderVisibleElements`. With `?edges=`, the same edges as page B's, as React
 * Flow's default edges (between the default node's handles, no routing). No store, no rules. `window.__benchEdit(id, label)`
 * renames a node through React Flow (`setNodes`, a new object for that node only).
 */
import { StrictMode, useEffect } from "react";
import { createRoot } from "react-dom/client";
import { ReactFlow, useReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { completeGeometry } from "../../src/domain/geometry.ts";
import { perfDocument, perfEdges } from "./doc.ts";
import { pageParams } from "./params.ts";

const { n, edges: edgeCount, width, height, viewport, fit, culled } = pageParams();
const doc = completeGeometry(perfDocument(n));
const edges: Edge[] =
  edgeCount > 0
    ? perfEdges(doc, edgeCount).map((e) => ({ id: e.id, source: e.source, target: e.target }))
    : [];
const nodes: Node[] = doc.nodes.map((d) => ({
  id: d.id,
  position: d.position ?? { x: 0, y: 0 },
  ...(d.parentId != null ? { parentId: d.parentId } : {}),
  width: d.size?.width ?? 160,
  height: d.size?.height ?? 64,
  data: { label: d.label ?? d.kind },
}));

// The same canvas size as the editor's canvas (the runner measures it and passes ?w=&h=).
const root = document.getElementById("root")!;
if (width && height) Object.assign(root.style, { width: `${width}px`, height: `${height}px` });

/** Hands the page a way to edit one node through React Flow, as an app built on it would. */
function EditHook() {
  const flow = useReactFlow();
  useEffect(() => {
    window.__benchEdit = (id: string, label: string) =>
      flow.setNodes((nds) => nds.map((nd) => (nd.id === id ? { ...nd, data: { ...nd.data, label } } : nd)));
    return () => {
      delete window.__benchEdit;
    };
  }, [flow]);
  return null;
}

declare global {
  interface Window {
    __benchEdit?: (id: string, label: string) => void;
  }
}

const fitOptions = fit ?? { padding: 0.06, minZoom: 0.1, maxZoom: 1 };

createRoot(root).render(
  <StrictMode>
    {viewport ? (
      <ReactFlow
        defaultNodes={nodes}
        defaultEdges={edges}
        defaultViewport={viewport}
        onlyRenderVisibleElements
        minZoom={0.1}
        maxZoom={2}
      >
        <EditHook />
      </ReactFlow>
    ) : (
      <ReactFlow
        defaultNodes={nodes}
        defaultEdges={edges}
        fitView
        fitViewOptions={fitOptions}
        onlyRenderVisibleElements={culled}
        minZoom={fitOptions.minZoom}
        maxZoom={2}
      >
        <EditHook />
      </ReactFlow>
    )}
  </StrictMode>,
);
