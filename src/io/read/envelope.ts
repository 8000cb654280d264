/** Stage 3, envelope: the root is an object with `format: "stackdraw"` and a version this build reads. */
import { CURRENT_VERSION, FORMAT, LIMITS } from "../../domain/document.ts";
import type { DocumentError } from "../errors/types.ts";
import { docError, fail, found, get, has, isObject, typeOf, type Json, type StageResult } from "./stage.ts";

/** A parsed root that is a Stackdraw document of a known version. */
export interface Envelope {
  raw: Json;
  version: number;
}

/** `tooManyNodes` when `nodes` is a list over LIMITS.nodes (checked again after migrations). */
export function checkNodeCount(raw: Json): DocumentError | undefined {
  const nodes = get(raw, "nodes");
  if (Array.isArray(nodes) && nodes.length > LIMITS.nodes)
    return docError("nodes", "tooManyNodes", { count: nodes.length, limit: LIMITS.nodes });
  return undefined;
}

/** `tooManyEdges` when `edges` is a list over LIMITS.edges: refused before any edge is read. */
export function checkEdgeCount(raw: Json): DocumentError | undefined {
  const edges = get(raw, "edges");
  if (Array.isArray(edges) && edges.length > LIMITS.edges)
    return docError("edges", "tooManyEdges", { count: edges.length, limit: LIMITS.edges });
  return undefined;
}

export function checkEnvelope(root: unknown): StageResult<Envelope> {
  if (!isObject(root)) return fail("$", "notAnObject", { actual: typeOf(root) });
  const format = get(root, "format");
  if (format !== FORMAT)
    return fail("format", "wrongFormat", format === undefined ? {} : { value: found(format) });
  if (!has(root, "version")) return fail("version", "versionMissing", { current: CURRENT_VERSION });
  const version = root.version;
  if (typeof version !== "number" || !Number.isInteger(version))
    return fail("version", "versionInvalid", { value: found(version), current: CURRENT_VERSION });
  if (version > CURRENT_VERSION)
    return fail("version", "versionTooNew", { version, current: CURRENT_VERSION });
  const tooMany = checkNodeCount(root) ?? checkEdgeCount(root);
  if (tooMany) return { ok: false, errors: [tooMany] };
  return { ok: true, value: { raw: root, version } };
}
