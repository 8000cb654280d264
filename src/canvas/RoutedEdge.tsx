/**
 * An edge on the canvas drawn along its route (src/domain/routing, computed once per document change
 * in the store for every edge): one path of absolute `M`/`H`/`V` commands, an arrowhead at the
 * target, and the edge's label — the person's, else its kind in words — centred on the route where
 * the router made room for it. React Flow's handle positions (`sourceX`, …) are ignored but for a
 * straight elbow while the store has no route for the edge.
 *
 * Only the stroke takes the pointer (React Flow's interaction path, `interactionWidth` px wide); the
 * arrowhead and the label let clicks through to the nodes under them (styles.css).
 */
import { memo } from "react";
import { BaseEdge, type Edge, type EdgeProps } from "@xyflow/react";
import type { Point, StackEdge } from "../domain/document.ts";
import { EDGE_KIND_DEFS, EDGE_WIDTH } from "../domain/kinds/catalog.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { estimateTextWidth } from "../domain/layout/text.ts";
import { edgeLabelText, labelBoxSize, LABEL_FONT, LABEL_MAX } from "../domain/routing/label.ts";
import type { Route } from "../domain/routing/route.ts";
import { useEditor } from "../store/context.tsx";

/** What the adapter hands each edge (identical while the edge, its problems and the language stand). */
export interface RoutedEdgeData extends Record<string, unknown> {
  edge: StackEdge;
  lang: Lang;
  bad: boolean;
}

export type RoutedFlowEdge = Edge<RoutedEdgeData, "routed">;

/** Px, in flow coordinates, of a route's coordinates kept in the path (sub-pixel enough at zoom 2). */
const round = (v: number) => Math.round(v * 100) / 100;

/** A path's `d` through orthogonal points, with absolute commands only: `M`, then `H` and `V` (`L` off-axis). */
export function routePath(points: readonly Point[]): string {
  let d = "";
  let prev: Point | undefined;
  for (const p of points) {
    const x = round(p.x);
    const y = round(p.y);
    if (prev === undefined) d = `M${x} ${y}`;
    else if (y === prev.y) {
      if (x === prev.x) continue;
      d += `H${x}`;
    } else if (x === prev.x) d += `V${y}`;
    else d += `L${x} ${y}`;
    prev = { x, y };
  }
  // Boxes that touch give a route of no length: still a line, so that it has a stroke to show.
  if (prev !== undefined && !/[HVL]/.test(d)) d += `H${prev.x}`;
  return d;
}

/** The arrowhead of a line of this width, as the export draws it: length along the line, half-width across. */
function arrowSize(width: number): { length: number; half: number } {
  return width > EDGE_WIDTH.regular ? { length: 12, half: 6.5 } : { length: 8, half: 4.5 };
}

/** A closed triangle whose tip is the route's last point, pointing along its last segment. */
export function arrowPath(points: readonly Point[], width: number): string {
  const n = points.length;
  if (n < 2) return "";
  const tip = points[n - 1]!;
  // The last point that differs from the tip gives the direction.
  let k = n - 2;
  while (k > 0 && points[k]!.x === tip.x && points[k]!.y === tip.y) k--;
  const from = points[k]!;
  let dx = Math.sign(tip.x - from.x);
  let dy = Math.sign(tip.y - from.y);
  if (dx === 0 && dy === 0) dx = 1;
  if (dx !== 0) dy = 0;
  const { length, half } = arrowSize(width);
  const bx = tip.x - dx * length;
  const by = tip.y - dy * length;
  return (
    `M${round(tip.x)} ${round(tip.y)}L${round(bx - dy * half)} ${round(by + dx * half)}` +
    `L${round(bx + dy * half)} ${round(by - dx * half)}Z`
  );
}

/** `text` cut to fit {@link LABEL_MAX} px at the label's size, with an ellipsis when cut. */
function elided(text: string): string {
  if (estimateTextWidth(text, LABEL_FONT) <= LABEL_MAX) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (estimateTextWidth(`${text.slice(0, mid)}…`, LABEL_FONT) <= LABEL_MAX) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** While the store has no route for the edge (it has none for an edge whose end has no box). */
function elbow(sx: number, sy: number, tx: number, ty: number): Point[] {
  const mx = (sx + tx) / 2;
  return [
    { x: sx, y: sy },
    { x: mx, y: sy },
    { x: mx, y: ty },
    { x: tx, y: ty },
  ];
}

function RoutedEdgeImpl({
  id,
  data,
  style,
  sourceX,
  sourceY,
  targetX,
  targetY,
  interactionWidth,
}: EdgeProps<RoutedFlowEdge>) {
  const route: Route | undefined = useEditor((s) => s.routes.get(id));
  const points = route?.points ?? elbow(sourceX, sourceY, targetX, targetY);
  const kind = data?.edge.kind ?? "network";
  const width = EDGE_WIDTH[EDGE_KIND_DEFS[kind].weight ?? "regular"];
  const text = data ? edgeLabelText(data.edge, data.lang) : "";
  const own = data !== undefined && text === data.edge.label;
  const at = route?.labelAt;
  const size = labelBoxSize(text);
  return (
    <>
      <BaseEdge path={routePath(points)} style={style} interactionWidth={interactionWidth} data-kind={kind} />
      <path className="sd-edge-arrow" d={arrowPath(points, width)} />
      {at !== undefined && text !== "" && (
        <g
          className={`sd-edge-label${own ? "" : " sd-edge-label-kind"}`}
          transform={`translate(${round(at.x)} ${round(at.y)})`}
        >
          <rect x={-size.width / 2} y={-size.height / 2} width={size.width} height={size.height} rx={3} />
          <text textAnchor="middle" dominantBaseline="central">
            {elided(text)}
          </text>
        </g>
      )}
    </>
  );
}

export const RoutedEdge = memo(RoutedEdgeImpl);
