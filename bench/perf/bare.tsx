/**
 * Page A: bare React Flow with the same nodes as page B — same ids, parents, relative positions
 * and sizes from the same completed document, default node type, the same fit view. No store, no rules.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ReactFlow, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { completeGeometry } from "../../src/domain/geometry.ts";
import { perfDocument } from "./doc.ts";
import { FIT_VIEW, pageParams } from "./params.ts";

const { n, width, height } = pageParams();
const doc = completeGeometry(perfDocument(n));
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

createRoot(root).render(
  <StrictMode>
    <ReactFlow defaultNodes={nodes} defaultEdges={[]} fitView fitViewOptions={FIT_VIEW} minZoom={0.1} maxZoom={2} />
  </StrictMode>,
);
