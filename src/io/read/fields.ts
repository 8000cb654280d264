/** Field checks shared by the content stages: ids, texts, numbers, objects, and safe copies. */
import { LIMITS } from "../../domain/document.ts";
import {
  found,
  has,
  isObject,
  typeOf,
  type ErrorKey,
  type Errors,
  type Json,
  type ReadStage,
} from "./stage.ts";

/** Code points, counted only as far as needed: a 10 MB label must not be split into an array. */
function exceedsLength(s: string, limit: number): number | undefined {
  if (s.length <= limit) return undefined;
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return count > limit ? count : undefined;
}

/**
 * The id of a node or an edge: a non-empty string, unique among nodes and edges. `ids` maps each
 * id to the path of its first use. A duplicate is reported and still returned.
 */
export function checkId(
  errors: Errors,
  stage: ReadStage,
  ids: Map<string, string>,
  o: Json,
  base: string,
  of: "node" | "edge",
  key: ErrorKey,
): string | undefined {
  const path = `${base}.id`;
  if (!has(o, "id")) {
    errors.add(stage, path, "missingField", { of, field: "id" }, key);
    return undefined;
  }
  const id = o.id;
  if (typeof id !== "string" || id === "") {
    errors.add(
      stage,
      path,
      "wrongType",
      { expected: "id", actual: typeof id === "string" ? "emptyString" : typeOf(id) },
      key,
    );
    return undefined;
  }
  const first = ids.get(id);
  if (first !== undefined) {
    errors.add(stage, path, "duplicateId", { id, first }, key);
    return id;
  }
  ids.set(id, base);
  return id;
}

/** A label or title: a string of at most LIMITS.labelLength code points. */
export function checkText(
  errors: Errors,
  stage: ReadStage,
  value: unknown,
  path: string,
  key: ErrorKey,
): string | undefined {
  if (typeof value !== "string") {
    errors.add(stage, path, "wrongType", { expected: "string", actual: typeOf(value) }, key);
    return undefined;
  }
  const long = exceedsLength(value, LIMITS.labelLength);
  if (long !== undefined) {
    errors.add(stage, path, "tooLong", { length: long, limit: LIMITS.labelLength }, key);
    return undefined;
  }
  return value;
}

/** Checks a number field; returns it (with -0 read as 0) or undefined after reporting. */
export function checkNumber(
  errors: Errors,
  stage: ReadStage,
  o: Json,
  field: string,
  base: string,
  range: { min: number; max: number; exclusiveMin?: boolean },
  key: ErrorKey,
): number | undefined {
  const path = `${base}.${field}`;
  if (!has(o, field)) {
    errors.add(stage, path, "missingField", { of: "object", field }, key);
    return undefined;
  }
  const v = o[field];
  if (typeof v !== "number") {
    errors.add(
      stage,
      path,
      "wrongType",
      { expected: "number", actual: typeOf(v), ...(typeof v === "string" ? { value: found(v) } : {}) },
      key,
    );
    return undefined;
  }
  if (!Number.isFinite(v)) {
    errors.add(stage, path, "outOfRange", { cause: "notFinite", value: v }, key);
    return undefined;
  }
  if (v > range.max || v < range.min || (range.exclusiveMin === true && v === range.min)) {
    const { min, max } = range;
    errors.add(
      stage,
      path,
      "outOfRange",
      { cause: "range", value: v, min, max, exclusiveMin: range.exclusiveMin === true },
      key,
    );
    return undefined;
  }
  return v + 0;
}

export function checkObject(
  errors: Errors,
  stage: ReadStage,
  v: unknown,
  path: string,
  key: ErrorKey,
): v is Json {
  if (isObject(v)) return true;
  errors.add(stage, path, "wrongType", { expected: "object", actual: typeOf(v) }, key);
  return false;
}

/**
 * A fresh own-property copy of an untrusted bag. defineProperty (not assignment) so that a
 * `__proto__` key stays an own data property and never reaches a prototype.
 */
export function copyBag(src: Json): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(src))
    Object.defineProperty(out, k, { value: src[k], enumerable: true, writable: true, configurable: true });
  return out;
}
