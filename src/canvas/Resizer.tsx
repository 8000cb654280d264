/**
 * Resize handles on a selected node (React Flow's resize controls, one per edge and corner), each
 * with the minimum that keeps the node's children inside its content area
 * (src/domain/placement.ts `resizeLimits`): from the right and bottom the children's extent, from
 * the left and top as far as the nearest child, and outward from the left and top no further than
 * the parent's content edge. The limits come from the document as the gesture
 * found it, so they hold still while the handle moves. The resize itself arrives as node changes
 * (Canvas.tsx): one undo step, and the node is then sized by hand (`manualSize`).
 */
import { memo } from "react";
import { NodeResizeControl, ResizeControlVariant, type ControlPosition } from "@xyflow/react";
import { useEditor } from "../store/context.tsx";
import { stillIndex } from "../store/editor.ts";
import { MIN_LEAF, resizeLimits } from "../domain/placement.ts";

const LINES = ["top", "right", "bottom", "left"] as const;
const CORNERS = ["top-left", "top-right", "bottom-left", "bottom-right"] as const;

function ResizerImpl({ nodeId }: { nodeId: string }) {
  // One string: the handles re-render only when a limit changes.
  const key = useEditor((s) => {
    const index = stillIndex(s);
    const l = resizeLimits(index.byId, index.children, nodeId);
    const size = index.byId.get(nodeId)?.size ?? MIN_LEAF;
    return [
      l.minWidth,
      l.minHeight,
      size.width - l.maxLeft,
      size.height - l.maxTop,
      size.width + l.growLeft,
      size.height + l.growUp,
    ].join(" ");
  });
  const [minRight, minBottom, minLeft, minTop, maxLeft, maxTop] = key.split(" ").map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Outward from the left and top no further than the parent's content edge: a parent never grows
  // left or up.
  const limits = (p: ControlPosition) => ({
    minWidth: p.includes("left") ? minLeft : p.includes("right") ? minRight : MIN_LEAF.width,
    minHeight: p.includes("top") ? minTop : p.includes("bottom") ? minBottom : MIN_LEAF.height,
    ...(p.includes("left") && Number.isFinite(maxLeft) ? { maxWidth: maxLeft } : {}),
    ...(p.includes("top") && Number.isFinite(maxTop) ? { maxHeight: maxTop } : {}),
  });
  return (
    <>
      {LINES.map((p) => (
        <NodeResizeControl
          key={p}
          position={p}
          variant={ResizeControlVariant.Line}
          className="sd-resize-line"
          {...limits(p)}
        />
      ))}
      {CORNERS.map((p) => (
        <NodeResizeControl key={p} position={p} className="sd-resize-handle" {...limits(p)} />
      ))}
    </>
  );
}

export const Resizer = memo(ResizerImpl);
