/** Stage 6, edges: checks every entry of `edges`; ends must name nodes, ids must be unique among nodes and edges. */
import type { StackEdge } from "../../domain/document.ts";
import { isEdgeKind } from "../../domain/kinds/catalog.ts";
import { checkEdgeCount } from "./envelope.ts";
import { checkId, checkObject, checkText, copyBag } from "./fields.ts";
import { textTooLong, type NodeFacts } from "./nodes.ts";
import {
  EDGE_FIELD,
  found,
  has,
  keySegment,
  SECTION,
  typeOf,
  type ErrorKey,
  type Errors,
  type Json,
  type ReadStage,
} from "./stage.ts";

/** `facts` is undefined when `nodes` could not be read; ends are then not resolved (that is reported already). */
export function readEdges(raw: Json, facts: NodeFacts | undefined, errors: Errors): StackEdge[] {
  const stage: ReadStage = "edges";
  const out: StackEdge[] = [];
  if (!has(raw, "edges")) return out;
  const list = raw.edges;
  if (!Array.isArray(list)) {
    errors.add(stage, "edges", "wrongType", { expected: "array", actual: typeOf(list) }, [
      SECTION.edges,
      0,
      0,
    ]);
    return out;
  }
  const tooMany = checkEdgeCount(raw); // again: a migration may have added edges
  if (tooMany?.code === "tooManyEdges") {
    errors.add(stage, tooMany.path, tooMany.code, tooMany.params, [SECTION.edges, 0, 0]);
    return out;
  }
  const ids = facts?.ids ?? new Map<string, string>();
  for (let j = 0; j < list.length; j++) {
    const base = `edges[${j}]`;
    const at = (f: number): ErrorKey => [SECTION.edges, j, f];
    const before = errors.count;
    const e: unknown = list[j];
    if (!checkObject(errors, stage, e, base, at(EDGE_FIELD.edge))) continue;
    const id = checkId(errors, stage, ids, e, base, "edge", at(EDGE_FIELD.id));

    let kind: StackEdge["kind"] | undefined;
    if (!has(e, "kind"))
      errors.add(stage, `${base}.kind`, "missingField", { of: "edge", field: "kind" }, at(EDGE_FIELD.kind));
    else if (!isEdgeKind(e.kind))
      errors.add(stage, `${base}.kind`, "unknownEdgeKind", { value: found(e.kind) }, at(EDGE_FIELD.kind));
    else kind = e.kind;

    const end = (field: "source" | "target"): string | undefined => {
      const path = `${base}.${field}`;
      const k = at(EDGE_FIELD[field]);
      if (!has(e, field)) {
        errors.add(stage, path, "missingField", { of: "edge", field }, k);
        return undefined;
      }
      const v = e[field];
      if (typeof v !== "string") {
        errors.add(stage, path, "wrongType", { expected: "nodeId", actual: typeOf(v) }, k);
        return undefined;
      }
      if (facts !== undefined && !facts.nodeIndex.has(v)) {
        errors.add(stage, path, "missingEndpoint", { id: v }, k);
        return undefined;
      }
      return v;
    };
    const source = end("source");
    const target = end("target");
    const label = has(e, "label")
      ? checkText(errors, stage, e.label, `${base}.label`, at(EDGE_FIELD.label))
      : undefined;
    let props: Record<string, unknown> | undefined;
    if (has(e, "props") && checkObject(errors, stage, e.props, `${base}.props`, at(EDGE_FIELD.props))) {
      props = copyBag(e.props);
      for (const k of Object.keys(props)) {
        const long = textTooLong(k, props[k]);
        if (long !== undefined)
          errors.add(
            stage,
            `${base}.props${keySegment(k)}${long.subPath}`,
            "tooLong",
            long.params,
            at(EDGE_FIELD.props),
          );
      }
    }

    if (
      errors.count === before &&
      id !== undefined &&
      kind !== undefined &&
      source !== undefined &&
      target !== undefined
    ) {
      const edge: StackEdge = { id, kind, source, target };
      if (label !== undefined) edge.label = label;
      if (props !== undefined) edge.props = props;
      out.push(edge);
    }
  }
  return out;
}
