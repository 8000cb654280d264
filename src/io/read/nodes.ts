/**
 * Stage 5, nodes: checks every entry of `nodes` on its own — id, kind, parentId, label, the props
 * its kind declares, position, size, manualSize and suppress. References between nodes are the
 * tree stage's.
 */
import { LIMITS, type StackNode } from "../../domain/document.ts";
import { codePointLength, propTextLimit } from "../../domain/limits.ts";
import { isKind, propSpec, type Kind } from "../../domain/kinds/catalog.ts";
import { checkPropValue } from "../../domain/kinds/prop-values.ts";
import type { PropSpec } from "../../domain/kinds/props.ts";
import type { PropExpectation } from "../errors/types.ts";
import { normalizeAlias } from "./aliases.ts";
import { checkNodeCount } from "./envelope.ts";
import { checkId, checkNumber, checkObject, checkText, copyBag } from "./fields.ts";
import {
  found,
  get,
  has,
  isObject,
  keySegment,
  NODE_FIELD,
  SECTION,
  typeOf,
  type ErrorKey,
  type Errors,
  type Json,
  type ReadStage,
} from "./stage.ts";

/** What the node stage learns about each entry of `nodes`, for the edge and tree stages. */
export interface NodeFacts {
  /** Node (and later edge) id → the path of its first use. */
  ids: Map<string, string>;
  /** Node id → index of its first node. */
  nodeIndex: Map<string, number>;
  /** Per entry: its string id, if any. */
  idAt: (string | undefined)[];
  /** Per entry: its string parentId, if any (null and absent are both undefined). */
  parentAt: (string | undefined)[];
  /** Per entry: the normalized node, or undefined when the entry has errors. */
  nodes: (StackNode | undefined)[];
}

/** What checkPropValue expected, as data, from the same descriptor and sub-path. */
export function propExpectation(spec: PropSpec, subPath: string): PropExpectation {
  switch (spec.type) {
    case "enum":
      return { type: "enum", options: spec.options.map((o) => o.value) };
    case "text":
      return { type: "text" };
    case "count":
      return { type: "count" };
    case "text-list":
      return subPath === "" ? { type: "textList" } : { type: "text" };
    case "port-list":
      return subPath === "" ? { type: "portList" } : { type: "port" };
    case "container-ports":
      if (subPath === "") return { type: "portMappings" };
      if (subPath.endsWith(".protocol")) return { type: "protocol" };
      if (subPath.endsWith(".hostIp")) return { type: "ipAddress" };
      if (subPath.endsWith(".host") || subPath.endsWith(".container")) return { type: "port" };
      return { type: "portMapping" };
    case "service-ports":
      if (subPath === "") return { type: "servicePorts" };
      if (subPath.endsWith(".protocol")) return { type: "protocol" };
      if (subPath.endsWith(".targetPort")) return { type: "targetPort" };
      if (subPath.endsWith(".port") || subPath.endsWith(".nodePort")) return { type: "port" };
      return { type: "servicePort" };
  }
}

/** The value at a checkPropValue sub-path such as `[1].host`. */
function valueAt(value: unknown, subPath: string): unknown {
  let cur = value;
  for (const m of subPath.matchAll(/\[(\d+)\]|\.([A-Za-z_$][\w$]*)/g)) {
    if (m[1] !== undefined) cur = Array.isArray(cur) ? cur[Number(m[1])] : undefined;
    else if (m[2] !== undefined) cur = isObject(cur) ? get(cur, m[2]) : undefined;
  }
  return cur;
}

/** A text prop (or one entry of a text list) over its limit (LIMITS.notesLength, else LIMITS.propTextLength). */
export function textTooLong(
  prop: string,
  value: unknown,
): { subPath: string; params: { length: number; limit: number } } | undefined {
  const limit = propTextLimit(prop);
  const over = (s: unknown) => (typeof s === "string" && s.length > limit ? codePointLength(s) : 0);
  if (typeof value === "string") {
    const n = over(value);
    return n > limit ? { subPath: "", params: { length: n, limit } } : undefined;
  }
  if (Array.isArray(value))
    for (let i = 0; i < value.length; i++) {
      const n = over(value[i]);
      if (n > limit) return { subPath: `[${i}]`, params: { length: n, limit } };
    }
  return undefined;
}

/**
 * Checks the props a kind declares and returns a fresh copy of the bag, with aliases of enum
 * values normalized (`arch: "amd64"` reads as `"x86_64"`); unknown props are kept as they are.
 * Undefined after reporting a bad prop.
 */
function readProps(
  errors: Errors,
  stage: ReadStage,
  props: Json,
  kind: Kind | undefined,
  base: string,
  key: ErrorKey,
): Record<string, unknown> | undefined {
  const out = copyBag(props);
  if (kind === undefined) return out;
  let ok = true;
  for (const k of Object.keys(out)) {
    const spec = propSpec(kind, k);
    if (spec === undefined) {
      // Unknown props are kept as they are, within the same text limits (src/domain/limits.ts).
      const long = textTooLong(k, out[k]);
      if (long !== undefined) {
        ok = false;
        errors.add(stage, `${base}${keySegment(k)}${long.subPath}`, "tooLong", long.params, key);
      }
      continue;
    }
    const value = normalizeAlias(k, spec, out[k]);
    const bad = checkPropValue(spec, value);
    if (bad === null) {
      const long = textTooLong(k, value);
      if (long !== undefined) {
        ok = false;
        errors.add(stage, `${base}${keySegment(k)}${long.subPath}`, "tooLong", long.params, key);
        continue;
      }
      out[k] = value; // an own key already (copyBag), so plain assignment stays a data property
      continue;
    }
    ok = false;
    errors.add(
      stage,
      `${base}${keySegment(k)}${bad.subPath}`,
      "invalidProp",
      { expected: propExpectation(spec, bad.subPath), value: found(valueAt(value, bad.subPath)) },
      key,
    );
  }
  return ok ? out : undefined;
}

/**
 * A node's `suppress`: an object whose every value is a reason — a non-empty string of at most
 * LIMITS.labelLength code points. Any key is accepted (a key that is no rule id suppresses nothing
 * and the rules report it); `__proto__` stays an own key.
 */
function readSuppress(
  errors: Errors,
  stage: ReadStage,
  value: unknown,
  base: string,
  key: ErrorKey,
): Record<string, string> | undefined {
  const path = `${base}.suppress`;
  if (!isObject(value)) {
    errors.add(stage, path, "invalidSuppress", { cause: "notObject", actual: typeOf(value) }, key);
    return undefined;
  }
  let ok = true;
  for (const rule of Object.keys(value)) {
    const reason = value[rule];
    const at = `${path}${keySegment(rule)}`;
    if (typeof reason !== "string") {
      ok = false;
      errors.add(stage, at, "invalidSuppress", { cause: "notString", actual: typeOf(reason) }, key);
    } else if (reason === "") {
      ok = false;
      errors.add(stage, at, "invalidSuppress", { cause: "empty" }, key);
    } else if (checkText(errors, stage, reason, at, key) === undefined) ok = false;
  }
  return ok ? (copyBag(value) as Record<string, string>) : undefined;
}

export function readNodes(raw: Json, errors: Errors): NodeFacts | undefined {
  const stage: ReadStage = "nodes";
  const facts: NodeFacts = { ids: new Map(), nodeIndex: new Map(), idAt: [], parentAt: [], nodes: [] };
  const whole: ErrorKey = [SECTION.nodes, 0, 0];
  if (!has(raw, "nodes")) {
    errors.add(stage, "nodes", "missingField", { of: "document", field: "nodes" }, whole);
    return undefined;
  }
  const list = raw.nodes;
  if (!Array.isArray(list)) {
    errors.add(stage, "nodes", "wrongType", { expected: "array", actual: typeOf(list) }, whole);
    return undefined;
  }
  const tooMany = checkNodeCount(raw); // again: a migration may have added nodes
  if (tooMany?.code === "tooManyNodes") {
    errors.add(stage, tooMany.path, tooMany.code, tooMany.params, whole);
    return undefined;
  }
  for (let i = 0; i < list.length; i++) {
    const base = `nodes[${i}]`;
    const at = (f: number): ErrorKey => [SECTION.nodes, i, f];
    const before = errors.count;
    const n: unknown = list[i];
    facts.idAt.push(undefined);
    facts.parentAt.push(undefined);
    facts.nodes.push(undefined);
    if (!checkObject(errors, stage, n, base, at(NODE_FIELD.node))) continue;

    const id = checkId(errors, stage, facts.ids, n, base, "node", at(NODE_FIELD.id));
    if (id !== undefined) {
      facts.idAt[i] = id;
      if (!facts.nodeIndex.has(id)) facts.nodeIndex.set(id, i);
    }

    let kind: Kind | undefined;
    if (!has(n, "kind"))
      errors.add(stage, `${base}.kind`, "missingField", { of: "node", field: "kind" }, at(NODE_FIELD.kind));
    else if (!isKind(n.kind))
      errors.add(stage, `${base}.kind`, "unknownKind", { value: found(n.kind) }, at(NODE_FIELD.kind));
    else kind = n.kind;

    const parentRaw = get(n, "parentId");
    let parentId: string | undefined;
    if (typeof parentRaw === "string") parentId = facts.parentAt[i] = parentRaw;
    else if (parentRaw !== undefined && parentRaw !== null)
      errors.add(
        stage,
        `${base}.parentId`,
        "wrongType",
        { expected: "parentId", actual: typeOf(parentRaw) },
        at(NODE_FIELD.parentId),
      );

    const label = has(n, "label")
      ? checkText(errors, stage, n.label, `${base}.label`, at(NODE_FIELD.label))
      : undefined;

    let props: Record<string, unknown> | undefined;
    if (has(n, "props") && checkObject(errors, stage, n.props, `${base}.props`, at(NODE_FIELD.props)))
      props = readProps(errors, stage, n.props, kind, `${base}.props`, at(NODE_FIELD.props));

    let position: StackNode["position"];
    if (
      has(n, "position") &&
      checkObject(errors, stage, n.position, `${base}.position`, at(NODE_FIELD.position))
    ) {
      const r = { min: -LIMITS.coordinate, max: LIMITS.coordinate };
      const x = checkNumber(errors, stage, n.position, "x", `${base}.position`, r, at(NODE_FIELD.position));
      const y = checkNumber(errors, stage, n.position, "y", `${base}.position`, r, at(NODE_FIELD.position));
      if (x !== undefined && y !== undefined) position = { x, y };
    }

    let size: StackNode["size"];
    if (has(n, "size") && checkObject(errors, stage, n.size, `${base}.size`, at(NODE_FIELD.size))) {
      const r = { min: 0, max: LIMITS.coordinate, exclusiveMin: true };
      const width = checkNumber(errors, stage, n.size, "width", `${base}.size`, r, at(NODE_FIELD.size));
      const height = checkNumber(errors, stage, n.size, "height", `${base}.size`, r, at(NODE_FIELD.size));
      if (width !== undefined && height !== undefined) size = { width, height };
    }

    const manualSize = get(n, "manualSize");
    if (manualSize !== undefined && typeof manualSize !== "boolean")
      errors.add(
        stage,
        `${base}.manualSize`,
        "wrongType",
        { expected: "boolean", actual: typeOf(manualSize) },
        at(NODE_FIELD.manualSize),
      );

    const suppress = has(n, "suppress")
      ? readSuppress(errors, stage, n.suppress, base, at(NODE_FIELD.suppress))
      : undefined;

    if (errors.count === before && id !== undefined && kind !== undefined) {
      // Optional fields appear only when given, so that a round trip adds nothing.
      const node: StackNode = { id, kind };
      if (parentId !== undefined) node.parentId = parentId;
      if (label !== undefined) node.label = label;
      if (props !== undefined) node.props = props;
      if (position !== undefined) node.position = position;
      if (size !== undefined) node.size = size;
      // `false` says no more than absence does, and the writer writes the field only when true.
      if (manualSize === true) node.manualSize = true;
      if (suppress !== undefined) node.suppress = suppress;
      facts.nodes[i] = node;
    }
  }
  return facts;
}
