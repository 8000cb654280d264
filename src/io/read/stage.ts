/**
 * What the reader's stages share: their names, their result type, the error list of the content
 * stages (which keeps errors in document order across stages), and safe lookups on untrusted JSON.
 */
import type {
  DocumentError,
  DocumentErrorCode,
  DocumentErrorParams,
  Found,
  ValueType,
} from "../errors/types.ts";

/** The reader's stages, in the order they run. A failed read names the earliest one that failed. */
export type ReadStage = "size" | "parse" | "envelope" | "migrate" | "nodes" | "edges" | "meta" | "tree";

export const READ_STAGES: readonly ReadStage[] = [
  "size",
  "parse",
  "envelope",
  "migrate",
  "nodes",
  "edges",
  "meta",
  "tree",
];

/** A stage's outcome: its value, or errors that stop the pipeline. */
export type StageResult<T> = { ok: true; value: T } | { ok: false; errors: DocumentError[] };

/** One document error, built with its code's params checked. */
export function docError<C extends DocumentErrorCode>(
  path: string,
  code: C,
  params: DocumentErrorParams[C],
): DocumentError {
  return { path, code, params } as DocumentError;
}

/** A gate stage's refusal: one error, and nothing after it runs. */
export function fail<C extends DocumentErrorCode>(
  path: string,
  code: C,
  params: DocumentErrorParams[C],
): { ok: false; errors: DocumentError[] } {
  return { ok: false, errors: [docError(path, code, params)] };
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Own properties only: a document's keys are never looked up along the prototype chain. */
export function has(o: Json, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}
export function get(o: Json, key: string): unknown {
  return has(o, key) ? o[key] : undefined;
}

/** A path segment for an untrusted key: `.key` when it reads as an identifier, else `["key"]`. */
export function keySegment(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** A value's type, as messages name it. */
export function typeOf(v: unknown): ValueType {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/** A bad value as an error keeps it: scalars as they are, anything else by its type alone. */
export function found(v: unknown): Found {
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null) return v;
  return { type: typeOf(v) };
}

// ---------------------------------------------------------------------------------------------
// The content stages' shared error list

/** Sort key of an error: [section, index in the section, field]; discovery order breaks ties. */
export type ErrorKey = [number, number, number];

/** An error with its place in the document, so that errors from several stages sort together. */
interface Located {
  error: DocumentError;
  stage: ReadStage;
  key: [number, number, number, number];
}

// Envelope errors stop the read on their own, so only the content sections need an order.
export const SECTION = { title: 1, nodes: 2, edges: 3, view: 4 } as const;
export const NODE_FIELD = {
  node: 0,
  id: 1,
  kind: 2,
  parentId: 3,
  label: 4,
  props: 5,
  position: 6,
  size: 7,
  manualSize: 8,
  suppress: 9,
} as const;
export const EDGE_FIELD = { edge: 0, id: 1, kind: 2, source: 3, target: 4, label: 5, props: 6 } as const;

/**
 * The errors of the content stages (nodes, edges, meta, tree). They all run on one migrated
 * envelope and add here instead of stopping at the first problem, so that one reading reports
 * every kind of problem it can.
 */
export class Errors {
  private readonly list: Located[] = [];

  get count(): number {
    return this.list.length;
  }

  add<C extends DocumentErrorCode>(
    stage: ReadStage,
    path: string,
    code: C,
    params: DocumentErrorParams[C],
    key: ErrorKey,
  ): void {
    this.list.push({
      error: docError(path, code, params),
      stage,
      key: [key[0], key[1], key[2], this.list.length],
    });
  }

  /** The earliest stage that found a problem, or undefined when none did. */
  firstStage(): ReadStage | undefined {
    return READ_STAGES.find((s) => this.list.some((e) => e.stage === s));
  }

  /** The first `max` errors in document order. */
  inOrder(max: number): DocumentError[] {
    return [...this.list]
      .sort(
        (a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.key[3] - b.key[3],
      )
      .slice(0, max)
      .map((e) => e.error);
  }
}
