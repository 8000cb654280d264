/**
 * The edge rules (rules.md, "Edge rules"): which kinds an edge kind may join (from the catalog's
 * EDGE_KIND_DEFS), and whether a moved container kept its image (references compared normalized).
 */
import type { CompactIndex } from "../compact-index.ts";
import type { StackEdge, StackNode } from "../document.ts";
import { EDGE_KIND_DEFS, edgeEnds, isEdgeKind } from "../kinds/catalog.ts";
import { normaliseImage, textProp } from "./prop-values.ts";
import { problem } from "./problem.ts";
import type { Problem, ProblemParam } from "./types.ts";

/** Checks one edge against its kind's allowed ends; undefined when it is fine. */
function endpointParams(
  edge: StackEdge,
  source: StackNode,
  target: StackNode,
): Record<string, ProblemParam> | undefined {
  if (!isEdgeKind(edge.kind)) return undefined;
  const def = EDGE_KIND_DEFS[edge.kind];
  const { sourceOk, targetOk, wrongImageType } = edgeEnds(def, source, target);
  if (sourceOk && targetOk) return undefined;
  const params: Record<string, ProblemParam> = {
    edgeKind: edge.kind,
    wrongEnd: sourceOk ? "target" : targetOk ? "source" : "both",
  };
  if (wrongImageType !== undefined) {
    params.imageType = wrongImageType;
    params.neededImageType = def.targetImageType!;
  }
  return params;
}

/**
 * The edge problems of a document, in edge order. Edges whose ends are missing are skipped (the
 * reader refuses such documents). `container/moved-image` is reported once per target container.
 */
export function checkEdges(edges: readonly StackEdge[], ix: CompactIndex, out: Problem[]): void {
  let movedTargets: Set<StackNode> | undefined;
  for (const edge of edges) {
    const s = ix.position.get(edge.source);
    const t = ix.position.get(edge.target);
    if (s === undefined || t === undefined) continue;
    const source = ix.nodes[s]!;
    const target = ix.nodes[t]!;
    const bad = endpointParams(edge, source, target);
    if (bad !== undefined) {
      const ids = source === target ? [source.id] : [source.id, target.id];
      out.push({ ...problem("edge/endpoints", ids, bad), edgeId: edge.id });
      continue;
    }
    if (edge.kind === "moves" && source !== target) {
      const from = textProp(source, "image");
      const to = textProp(target, "image");
      // An image left blank is unknown, not different: only two stated images can disagree, and
      // two spellings of one reference (`nginx`, `docker.io/library/nginx:latest`) do not.
      if (
        from !== undefined &&
        to !== undefined &&
        normaliseImage(from) !== normaliseImage(to) &&
        !movedTargets?.has(target)
      ) {
        (movedTargets ??= new Set()).add(target);
        out.push({
          ...problem("container/moved-image", [target.id], {
            source: source.id,
            image: to,
            sourceImage: from,
          }),
          edgeId: edge.id,
        });
      }
    }
  }
}
