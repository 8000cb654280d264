/**
 * Reads a `.stackdraw.json` document (docs/document-format.md) in named stages, each
 * returning a typed result, and never throws: the caller gets either a fresh, normalized
 * StackDocument or the first problems with JSON paths — nothing half-read
 * (docs/reliability.md, promises 4, 5, 9; rules.md, "Document errors").
 *
 *   checkSize → parseJson → checkEnvelope → migrate → readNodes → readEdges → readMeta → checkTree
 *
 * The first four stages are gates: when one fails, nothing after it runs. The last four all run
 * on a migrated envelope, so that one reading reports every kind of problem it can; the result's
 * `stage` is then the earliest of them that found a problem, and the errors are in document order.
 *
 * Decisions where the format spec is silent (each one is also tested):
 * - Unknown fields at the top level, on nodes, edges, positions, sizes and the view are ignored
 *   and dropped: StackDocument has no place for them, the format is forgiving to hand-written
 *   files, and a future field that matters comes with a new `version` (and a migration), so a
 *   v1 reader never meets a field it should have understood. Data that must survive a round trip
 *   belongs in `props`, where unknown keys are kept exactly (`__proto__` included).
 * - Ids must be non-empty strings: an empty id cannot be told apart from a forgotten one.
 * - `title` follows the label limit (1,000 characters); both are counted in code points.
 * - Depth counts ancestors, as NodeContext.depth does: a root is at depth 0, and a node may have
 *   at most LIMITS.depth ancestors.
 * - `view` is checked like everything else (wrong types are errors with paths), not dropped.
 * - A lone surrogate written as a JSON escape ("\ud800") is valid JSON and is kept as text; raw
 *   bytes that are not UTF-8 are refused as "not text".
 * - `-0` in coordinates is read as 0, because JSON writes both the same way.
 */
import {
  CURRENT_VERSION,
  FORMAT,
  LIMITS,
  type DocumentView,
  type Overlay,
  type StackDocument,
  type StackEdge,
  type StackNode,
} from "../domain/document.ts";
import { EDGE_KINDS, KINDS, isEdgeKind, isKind, propSpec, type Kind } from "../domain/kinds/catalog.ts";
import { checkPropValue, type Localized, type PropSpec } from "../domain/kinds/props.ts";
import { findExcessiveNesting, findJsonSyntaxError, positionAt } from "./json-text.ts";
import { MIGRATIONS, oldestReadable, planMigrations, type Migration } from "./migrations.ts";

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

/** What kind of problem a document error is; stable, for code and tests to match on. */
export type DocumentErrorCode =
  /** Over LIMITS.bytes. */
  | "tooLarge"
  /** Bytes that are not UTF-8 text, or a NUL character: a binary file. */
  | "notText"
  /** Nothing but whitespace. */
  | "emptyFile"
  /** A JSON syntax error; the message gives line:column. */
  | "notJson"
  /** JSON nested deeper than MAX_JSON_NESTING. */
  | "tooDeeplyNested"
  /** The root is not a JSON object. */
  | "notAnObject"
  /** `format` is missing or not "stackdraw". */
  | "wrongFormat"
  | "versionMissing"
  /** `version` is not an integer. */
  | "versionInvalid"
  /** Saved by a newer Stackdraw. */
  | "versionTooNew"
  /** Older than any version the migrations start from. */
  | "versionUnsupported"
  | "migrationFailed"
  /** Over LIMITS.nodes. */
  | "tooManyNodes"
  | "missingField"
  | "wrongType"
  | "duplicateId"
  | "unknownKind"
  | "unknownEdgeKind"
  /** A declared prop with a value of the wrong type or out of range. */
  | "invalidProp"
  /** A label or title over LIMITS.labelLength. */
  | "tooLong"
  /** A number that is not finite, or a coordinate or size out of bounds. */
  | "outOfRange"
  | "missingParent"
  | "selfParent"
  | "parentCycle"
  /** More than LIMITS.depth ancestors. */
  | "tooDeep"
  /** An edge's source or target names no node. */
  | "missingEndpoint"
  /** The reader itself failed (a bug, or a migration returning a hostile object). */
  | "internalError";

/** One problem of a document that is not loaded. */
export interface DocumentError {
  /**
   * Where: a JSON path such as `nodes[3].parentId`, `nodes[0].props.ports[1].host`,
   * `edges[2].target`, `version`, or `$` for the file as a whole. Prop keys that are not plain
   * identifiers are quoted: `nodes[0].props["my-key"]`.
   */
  path: string;
  code: DocumentErrorCode;
  /** What is wrong, in both UI languages. Does not repeat the path, which is shown beside it. */
  message: Localized;
}

/** The outcome of a read: a whole document, or the reasons there is none. Never both. */
export type ReadResult =
  | { ok: true; document: StackDocument }
  | {
      ok: false;
      /** The earliest stage that found a problem. */
      stage: ReadStage;
      /** The first problems (at most `maxErrors`), in document order; never empty. */
      errors: DocumentError[];
    };

export interface ReadOptions {
  /** The migration chain; defaults to MIGRATIONS. Tests inject fake steps here. */
  migrations?: readonly Migration[];
  /** How many errors to return at most; default MAX_ERRORS. */
  maxErrors?: number;
}

/** How many errors a failed read returns by default: the first problems, not a flood. */
export const MAX_ERRORS = 20;
/**
 * The deepest JSON nesting read. Not a format limit (the format nests about six levels, plus what
 * unknown props hold) but a guard that keeps parse, write and clone time and stack use bounded.
 */
export const MAX_JSON_NESTING = 100;

// ---------------------------------------------------------------------------------------------
// Plumbing

type Json = Record<string, unknown>;

/** A stage's outcome: its value, or errors that stop the pipeline. */
type StageResult<T> = { ok: true; value: T } | { ok: false; errors: DocumentError[] };

/** An error with its place in the document, so that errors from several stages sort together. */
interface Located extends DocumentError {
  stage: ReadStage;
  /** Sort key: [section, index in the section, field, discovery order]. */
  key: [number, number, number, number];
}

// Envelope errors stop the read on their own, so only the content sections need an order.
const SECTION = { title: 1, nodes: 2, edges: 3, view: 4 } as const;
const NODE_FIELD = {
  node: 0,
  id: 1,
  kind: 2,
  parentId: 3,
  label: 4,
  props: 5,
  position: 6,
  size: 7,
} as const;
const EDGE_FIELD = { edge: 0, id: 1, kind: 2, source: 3, target: 4, label: 5, props: 6 } as const;

class Errors {
  readonly list: Located[] = [];
  add(
    stage: ReadStage,
    path: string,
    code: DocumentErrorCode,
    en: string,
    ko: string,
    key: [number, number, number],
  ) {
    this.list.push({
      stage,
      path,
      code,
      message: { en, ko },
      key: [key[0], key[1], key[2], this.list.length],
    });
  }
}

const fail = (
  path: string,
  code: DocumentErrorCode,
  en: string,
  ko: string,
): { ok: false; errors: DocumentError[] } => ({
  ok: false,
  errors: [{ path, code, message: { en, ko } }],
});

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Own properties only: a document's keys are never looked up along the prototype chain. */
function has(o: Json, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}
function get(o: Json, key: string): unknown {
  return has(o, key) ? o[key] : undefined;
}

/** A path segment for an untrusted key: `.key` when it reads as an identifier, else `["key"]`. */
export function keySegment(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

const fmt = (n: number) => n.toLocaleString("en-US");

function typeName(v: unknown): Localized {
  if (v === null) return { en: "null", ko: "null" };
  if (Array.isArray(v)) return { en: "an array", ko: "배열" };
  switch (typeof v) {
    case "string":
      return { en: "a string", ko: "문자열" };
    case "number":
      return { en: "a number", ko: "숫자" };
    case "boolean":
      return { en: "a boolean", ko: "불리언" };
    case "object":
      return { en: "an object", ko: "객체" };
    default:
      return { en: typeof v, ko: typeof v };
  }
}

/** A short, safe rendering of a bad value for a message. */
function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  return typeName(v).en;
}

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

function bytesOfUtf8(s: string, stopAbove: number): number {
  let bytes = 0;
  for (let i = 0; i < s.length && bytes <= stopAbove; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Stages

/** Refuses input over LIMITS.bytes before decoding or parsing any of it. */
export function checkSize(input: string | Uint8Array): StageResult<string | Uint8Array> {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so long strings are refused unmeasured.
  const bytes =
    typeof input === "string"
      ? input.length > LIMITS.bytes
        ? input.length
        : input.length * 3 <= LIMITS.bytes
          ? input.length
          : bytesOfUtf8(input, LIMITS.bytes)
      : input.byteLength;
  if (bytes > LIMITS.bytes) {
    const mb = (bytes / (1024 * 1024)).toFixed(1);
    return fail(
      "$",
      "tooLarge",
      `the file is larger than 10 MB (at least ${mb} MB); Stackdraw opens documents up to 10 MB`,
      `파일이 10MB보다 큽니다(최소 ${mb}MB). Stackdraw는 10MB까지의 문서만 열 수 있습니다`,
    );
  }
  return { ok: true, value: input };
}

/**
 * Decodes (UTF-8, strict), strips a byte-order mark, and parses. Syntax errors are located by
 * our own scanner so that line:column is the same in every engine.
 */
export function parseJson(input: string | Uint8Array): StageResult<unknown> {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return fail(
        "$",
        "notText",
        "the file is not text: it holds bytes that are not UTF-8 (is it an image or another binary file?)",
        "텍스트 파일이 아닙니다: UTF-8이 아닌 바이트가 있습니다 (이미지 같은 바이너리 파일인가요?)",
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf("\u0000");
  if (nul !== -1) {
    const { line, column } = positionAt(text, nul);
    return fail(
      "$",
      "notText",
      `the file is not text: it holds a NUL byte at line ${line}, column ${column} (is it a binary file?)`,
      `텍스트 파일이 아닙니다: ${line}행 ${column}열에 NUL 바이트가 있습니다 (바이너리 파일인가요?)`,
    );
  }
  if (/^[ \t\r\n]*$/.test(text)) return fail("$", "emptyFile", "the file is empty", "파일이 비어 있습니다");
  const deep = findExcessiveNesting(text, MAX_JSON_NESTING);
  if (deep !== undefined) {
    const { line, column } = positionAt(text, deep);
    return fail(
      "$",
      "tooDeeplyNested",
      `JSON nested more than ${MAX_JSON_NESTING} levels deep at line ${line}, column ${column}; a Stackdraw document never needs that`,
      `${line}행 ${column}열에서 JSON이 ${MAX_JSON_NESTING}단계보다 깊게 중첩됩니다. Stackdraw 문서에는 그럴 일이 없습니다`,
    );
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const found = findJsonSyntaxError(text);
    const offset = found?.offset ?? 0;
    const { line, column } = positionAt(text, offset);
    const what = found?.message ?? {
      en: e instanceof Error ? e.message : String(e),
      ko: e instanceof Error ? e.message : String(e),
    };
    return fail(
      "$",
      "notJson",
      `not valid JSON at line ${line}, column ${column}: ${what.en}`,
      `올바른 JSON이 아닙니다 (${line}행 ${column}열): ${what.ko}`,
    );
  }
}

/** A parsed root that is a Stackdraw document of a known version. */
export interface Envelope {
  raw: Json;
  version: number;
}

function checkNodeCount(raw: Json): DocumentError | undefined {
  const nodes = get(raw, "nodes");
  if (Array.isArray(nodes) && nodes.length > LIMITS.nodes)
    return {
      path: "nodes",
      code: "tooManyNodes",
      message: {
        en: `the document has ${fmt(nodes.length)} nodes; Stackdraw opens documents of up to ${fmt(LIMITS.nodes)} nodes`,
        ko: `문서에 노드가 ${fmt(nodes.length)}개 있습니다. Stackdraw는 노드가 ${fmt(LIMITS.nodes)}개 이하인 문서만 열 수 있습니다`,
      },
    };
  return undefined;
}

/** Checks the root: an object, `format: "stackdraw"`, an integer `version` this build can read. */
export function checkEnvelope(root: unknown): StageResult<Envelope> {
  if (!isObject(root))
    return fail(
      "$",
      "notAnObject",
      `a Stackdraw document is a JSON object ({ "format": "stackdraw", … }), not ${typeName(root).en}`,
      `Stackdraw 문서는 JSON 객체({ "format": "stackdraw", … })여야 합니다. 지금은 ${typeName(root).ko}입니다`,
    );
  const format = get(root, "format");
  if (format !== FORMAT)
    return format === undefined
      ? fail(
          "format",
          "wrongFormat",
          '"format" is missing: this is not a Stackdraw document',
          '"format"이 없습니다: Stackdraw 문서가 아닙니다',
        )
      : fail(
          "format",
          "wrongFormat",
          `is ${show(format)}, not "stackdraw": this is not a Stackdraw document`,
          `값이 "stackdraw"가 아니라 ${show(format)}입니다: Stackdraw 문서가 아닙니다`,
        );
  if (!has(root, "version"))
    return fail(
      "version",
      "versionMissing",
      `"version" is missing; this build reads version ${CURRENT_VERSION} (and migrates older ones)`,
      `"version"이 없습니다. 이 버전의 Stackdraw는 문서 버전 ${CURRENT_VERSION}(과 그 이전 버전)을 읽습니다`,
    );
  const version = root.version;
  if (typeof version !== "number" || !Number.isInteger(version))
    return fail(
      "version",
      "versionInvalid",
      `must be a whole number such as ${CURRENT_VERSION}, not ${show(version)}`,
      `${CURRENT_VERSION} 같은 정수여야 합니다. 지금은 ${show(version)}입니다`,
    );
  if (version > CURRENT_VERSION)
    return fail(
      "version",
      "versionTooNew",
      `this file was saved by a newer Stackdraw (document version ${version}); this build reads versions up to ${CURRENT_VERSION}. Update Stackdraw to open it`,
      `더 새로운 Stackdraw에서 저장한 파일입니다(문서 버전 ${version}). 이 버전은 문서 버전 ${CURRENT_VERSION}까지만 읽을 수 있습니다. Stackdraw를 업데이트하세요`,
    );
  const tooMany = checkNodeCount(root);
  if (tooMany) return { ok: false, errors: [tooMany] };
  return { ok: true, value: { raw: root, version } };
}

/** Runs the migration chain from the document's version up to CURRENT_VERSION. */
export function migrate(
  envelope: Envelope,
  migrations: readonly Migration[] = MIGRATIONS,
): StageResult<Json> {
  const plan = planMigrations(envelope.version, migrations);
  if (!plan.ok) {
    const e = plan.error;
    return e.kind === "noPath"
      ? fail(
          "version",
          "versionUnsupported",
          `version ${e.from} is older than any this build can open (the oldest is ${oldestReadable(migrations)})`,
          `문서 버전 ${e.from}은 이 버전의 Stackdraw가 열 수 있는 가장 오래된 버전(${oldestReadable(migrations)})보다 오래되었습니다`,
        )
      : fail(
          "version",
          "migrationFailed",
          `migration "${e.name}" is broken: it ${e.reason}`,
          `변환 단계 "${e.name}"에 문제가 있습니다: ${e.reason}`,
        );
  }
  let raw: unknown = envelope.raw;
  for (const step of plan.steps) {
    try {
      raw = step.migrate(raw);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return fail(
        "version",
        "migrationFailed",
        `could not update this file from version ${step.from} to ${step.to} (migration "${step.name}"): ${reason}`,
        `이 파일을 버전 ${step.from}에서 ${step.to}로 변환하지 못했습니다 (변환 단계 "${step.name}"): ${reason}`,
      );
    }
    if (!isObject(raw))
      return fail(
        "version",
        "migrationFailed",
        `migration "${step.name}" (version ${step.from} → ${step.to}) produced ${typeName(raw).en}, not a document`,
        `변환 단계 "${step.name}"(버전 ${step.from} → ${step.to})의 결과가 문서가 아니라 ${typeName(raw).ko}입니다`,
      );
  }
  return { ok: true, value: raw as Json };
}

// ---------------------------------------------------------------------------------------------
// Content stages: they add to a shared error list instead of stopping at the first problem.

/** What the node stage learns about each entry of `nodes`, for the edge and tree stages. */
interface NodeFacts {
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

function checkId(
  errors: Errors,
  stage: ReadStage,
  ids: Map<string, string>,
  o: Json,
  base: string,
  what: Localized,
  key: [number, number, number],
): string | undefined {
  const path = `${base}.id`;
  if (!has(o, "id")) {
    errors.add(
      stage,
      path,
      "missingField",
      `every ${what.en} needs an "id"`,
      `모든 ${what.ko}에는 "id"가 있어야 합니다`,
      key,
    );
    return undefined;
  }
  const id = o.id;
  if (typeof id !== "string" || id === "") {
    errors.add(
      stage,
      path,
      "wrongType",
      `must be a non-empty string, not ${typeof id === "string" ? "an empty string" : typeName(id).en}`,
      `비어 있지 않은 문자열이어야 합니다. 지금은 ${typeof id === "string" ? "빈 문자열" : typeName(id).ko}입니다`,
      key,
    );
    return undefined;
  }
  const first = ids.get(id);
  if (first !== undefined) {
    errors.add(
      stage,
      path,
      "duplicateId",
      `id ${show(id)} is already used by ${first}; ids must be unique among nodes and edges`,
      `id ${show(id)}는 이미 ${first}에서 쓰고 있습니다. id는 노드와 엣지를 통틀어 유일해야 합니다`,
      key,
    );
    return id;
  }
  ids.set(id, base);
  return id;
}

function checkText(
  errors: Errors,
  stage: ReadStage,
  value: unknown,
  path: string,
  key: [number, number, number],
): string | undefined {
  if (typeof value !== "string") {
    errors.add(
      stage,
      path,
      "wrongType",
      `must be a string, not ${typeName(value).en}`,
      `문자열이어야 합니다. 지금은 ${typeName(value).ko}입니다`,
      key,
    );
    return undefined;
  }
  const long = exceedsLength(value, LIMITS.labelLength);
  if (long !== undefined) {
    errors.add(
      stage,
      path,
      "tooLong",
      `is ${fmt(long)} characters long; the limit is ${fmt(LIMITS.labelLength)}`,
      `${fmt(long)}자입니다. 최대 ${fmt(LIMITS.labelLength)}자까지 쓸 수 있습니다`,
      key,
    );
    return undefined;
  }
  return value;
}

/** Checks a number field; returns it (with -0 read as 0) or undefined after reporting. */
function checkNumber(
  errors: Errors,
  stage: ReadStage,
  o: Json,
  field: string,
  base: string,
  range: { min: number; max: number; exclusiveMin?: boolean },
  key: [number, number, number],
): number | undefined {
  const path = `${base}.${field}`;
  if (!has(o, field)) {
    errors.add(stage, path, "missingField", `"${field}" is required`, `"${field}"가 있어야 합니다`, key);
    return undefined;
  }
  const v = o[field];
  if (typeof v !== "number") {
    errors.add(
      stage,
      path,
      "wrongType",
      `must be a number, not ${typeName(v).en} ${typeof v === "string" ? show(v) : ""}`.trimEnd(),
      `숫자여야 합니다. 지금은 ${typeName(v).ko}입니다`,
      key,
    );
    return undefined;
  }
  if (!Number.isFinite(v)) {
    errors.add(
      stage,
      path,
      "outOfRange",
      `must be a finite number, not ${String(v)}`,
      `유한한 숫자여야 합니다. 지금은 ${String(v)}입니다`,
      key,
    );
    return undefined;
  }
  if (v > range.max || v < range.min || (range.exclusiveMin === true && v === range.min)) {
    const en = range.exclusiveMin
      ? `greater than ${fmt(range.min)} and at most ${fmt(range.max)}`
      : `between ${fmt(range.min)} and ${fmt(range.max)}`;
    const ko = range.exclusiveMin
      ? `${fmt(range.min)}보다 크고 ${fmt(range.max)} 이하`
      : `${fmt(range.min)}에서 ${fmt(range.max)} 사이`;
    errors.add(
      stage,
      path,
      "outOfRange",
      `must be ${en}, not ${show(v)}`,
      `${ko}여야 합니다. 지금은 ${show(v)}입니다`,
      key,
    );
    return undefined;
  }
  return v + 0;
}

function checkObject(
  errors: Errors,
  stage: ReadStage,
  v: unknown,
  path: string,
  key: [number, number, number],
): v is Json {
  if (isObject(v)) return true;
  errors.add(
    stage,
    path,
    "wrongType",
    `must be an object, not ${typeName(v).en}`,
    `객체여야 합니다. 지금은 ${typeName(v).ko}입니다`,
    key,
  );
  return false;
}

/** The Korean for what checkPropValue expected, from the same descriptor and sub-path. */
function expectedKo(spec: PropSpec, subPath: string): string {
  const port = "포트(1–65535 사이의 정수)";
  switch (spec.type) {
    case "enum":
      return `${spec.options.map((o) => JSON.stringify(o.value)).join(", ")} 중 하나`;
    case "text":
      return "문자열";
    case "port-list":
      return subPath === "" ? `${port}의 배열` : port;
    case "container-ports":
      if (subPath === "") return "{ host?, container, protocol? } 포트 매핑의 배열";
      if (subPath.endsWith(".protocol")) return '"tcp" 또는 "udp"';
      if (subPath.endsWith(".host") || subPath.endsWith(".container")) return port;
      return "포트 매핑 객체 { host?, container, protocol? }";
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

/**
 * A fresh own-property copy of an untrusted bag. defineProperty (not assignment) so that a
 * `__proto__` key stays an own data property and never reaches a prototype.
 */
function copyBag(src: Json): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(src))
    Object.defineProperty(out, k, { value: src[k], enumerable: true, writable: true, configurable: true });
  return out;
}

function readProps(
  errors: Errors,
  stage: ReadStage,
  props: Json,
  kind: Kind | undefined,
  base: string,
  key: [number, number, number],
): boolean {
  let ok = true;
  if (kind === undefined) return ok;
  for (const k of Object.keys(props)) {
    const spec = propSpec(kind, k);
    if (spec === undefined) continue; // unknown props are kept as they are
    const value = props[k];
    const bad = checkPropValue(spec, value);
    if (bad === null) continue;
    ok = false;
    const found = valueAt(value, bad.subPath);
    errors.add(
      stage,
      `${base}${keySegment(k)}${bad.subPath}`,
      "invalidProp",
      `must be ${bad.expected}, not ${show(found)}`,
      `${expectedKo(spec, bad.subPath)}여야 합니다. 지금은 ${show(found)}입니다`,
      key,
    );
  }
  return ok;
}

const KIND_LIST = KINDS.join(", ");
const EDGE_KIND_LIST = EDGE_KINDS.join(", ");
const NODE_WORD: Localized = { en: "node", ko: "노드" };
const EDGE_WORD: Localized = { en: "edge", ko: "엣지" };

/** Checks every entry of `nodes` on its own (references between nodes are checkTree's). */
function readNodes(raw: Json, errors: Errors): NodeFacts | undefined {
  const stage: ReadStage = "nodes";
  const facts: NodeFacts = { ids: new Map(), nodeIndex: new Map(), idAt: [], parentAt: [], nodes: [] };
  if (!has(raw, "nodes")) {
    errors.add(
      stage,
      "nodes",
      "missingField",
      '"nodes" is required (an array, possibly empty)',
      '"nodes"가 있어야 합니다 (빈 배열이어도 됩니다)',
      [SECTION.nodes, 0, 0],
    );
    return undefined;
  }
  const list = raw.nodes;
  if (!Array.isArray(list)) {
    errors.add(
      stage,
      "nodes",
      "wrongType",
      `must be an array, not ${typeName(list).en}`,
      `배열이어야 합니다. 지금은 ${typeName(list).ko}입니다`,
      [SECTION.nodes, 0, 0],
    );
    return undefined;
  }
  const tooMany = checkNodeCount(raw); // again: a migration may have added nodes
  if (tooMany) {
    errors.add(stage, tooMany.path, tooMany.code, tooMany.message.en, tooMany.message.ko, [
      SECTION.nodes,
      0,
      0,
    ]);
    return undefined;
  }
  for (let i = 0; i < list.length; i++) {
    const base = `nodes[${i}]`;
    const at = (f: number): [number, number, number] => [SECTION.nodes, i, f];
    const before = errors.list.length;
    const n: unknown = list[i];
    facts.idAt.push(undefined);
    facts.parentAt.push(undefined);
    facts.nodes.push(undefined);
    if (!checkObject(errors, stage, n, base, at(NODE_FIELD.node))) continue;

    const id = checkId(errors, stage, facts.ids, n, base, NODE_WORD, at(NODE_FIELD.id));
    if (id !== undefined) {
      facts.idAt[i] = id;
      if (!facts.nodeIndex.has(id)) facts.nodeIndex.set(id, i);
    }

    let kind: Kind | undefined;
    if (!has(n, "kind"))
      errors.add(
        stage,
        `${base}.kind`,
        "missingField",
        'every node needs a "kind"',
        '모든 노드에는 "kind"가 있어야 합니다',
        at(NODE_FIELD.kind),
      );
    else if (!isKind(n.kind))
      errors.add(
        stage,
        `${base}.kind`,
        "unknownKind",
        `unknown kind ${show(n.kind)}; the kinds are: ${KIND_LIST}`,
        `알 수 없는 종류 ${show(n.kind)}입니다. 쓸 수 있는 종류: ${KIND_LIST}`,
        at(NODE_FIELD.kind),
      );
    else kind = n.kind;

    const parentRaw = get(n, "parentId");
    let parentId: string | undefined;
    if (typeof parentRaw === "string") parentId = facts.parentAt[i] = parentRaw;
    else if (parentRaw !== undefined && parentRaw !== null)
      errors.add(
        stage,
        `${base}.parentId`,
        "wrongType",
        `must be a node id (a string) or null, not ${typeName(parentRaw).en}`,
        `노드 id(문자열)나 null이어야 합니다. 지금은 ${typeName(parentRaw).ko}입니다`,
        at(NODE_FIELD.parentId),
      );

    const label = has(n, "label")
      ? checkText(errors, stage, n.label, `${base}.label`, at(NODE_FIELD.label))
      : undefined;

    let props: Record<string, unknown> | undefined;
    if (has(n, "props") && checkObject(errors, stage, n.props, `${base}.props`, at(NODE_FIELD.props))) {
      if (readProps(errors, stage, n.props, kind, `${base}.props`, at(NODE_FIELD.props)))
        props = copyBag(n.props);
    }

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

    if (errors.list.length === before && id !== undefined && kind !== undefined) {
      // Optional fields appear only when given, so that a round trip adds nothing.
      const node: StackNode = { id, kind };
      if (parentId !== undefined) node.parentId = parentId;
      if (label !== undefined) node.label = label;
      if (props !== undefined) node.props = props;
      if (position !== undefined) node.position = position;
      if (size !== undefined) node.size = size;
      facts.nodes[i] = node;
    }
  }
  return facts;
}

/** Checks every entry of `edges`; ends must name nodes, ids must be unique among nodes and edges. */
function readEdges(raw: Json, facts: NodeFacts | undefined, errors: Errors): StackEdge[] {
  const stage: ReadStage = "edges";
  const out: StackEdge[] = [];
  if (!has(raw, "edges")) return out;
  const list = raw.edges;
  if (!Array.isArray(list)) {
    errors.add(
      stage,
      "edges",
      "wrongType",
      `must be an array, not ${typeName(list).en}`,
      `배열이어야 합니다. 지금은 ${typeName(list).ko}입니다`,
      [SECTION.edges, 0, 0],
    );
    return out;
  }
  const ids = facts?.ids ?? new Map<string, string>();
  for (let j = 0; j < list.length; j++) {
    const base = `edges[${j}]`;
    const at = (f: number): [number, number, number] => [SECTION.edges, j, f];
    const before = errors.list.length;
    const e: unknown = list[j];
    if (!checkObject(errors, stage, e, base, at(EDGE_FIELD.edge))) continue;
    const id = checkId(errors, stage, ids, e, base, EDGE_WORD, at(EDGE_FIELD.id));

    let kind: StackEdge["kind"] | undefined;
    if (!has(e, "kind"))
      errors.add(
        stage,
        `${base}.kind`,
        "missingField",
        'every edge needs a "kind"',
        '모든 엣지에는 "kind"가 있어야 합니다',
        at(EDGE_FIELD.kind),
      );
    else if (!isEdgeKind(e.kind))
      errors.add(
        stage,
        `${base}.kind`,
        "unknownEdgeKind",
        `unknown edge kind ${show(e.kind)}; the edge kinds are: ${EDGE_KIND_LIST}`,
        `알 수 없는 엣지 종류 ${show(e.kind)}입니다. 쓸 수 있는 종류: ${EDGE_KIND_LIST}`,
        at(EDGE_FIELD.kind),
      );
    else kind = e.kind;

    const end = (field: "source" | "target"): string | undefined => {
      const path = `${base}.${field}`;
      const k = at(EDGE_FIELD[field]);
      if (!has(e, field)) {
        errors.add(
          stage,
          path,
          "missingField",
          `every edge needs a "${field}" (a node id)`,
          `모든 엣지에는 "${field}"(노드 id)가 있어야 합니다`,
          k,
        );
        return undefined;
      }
      const v = e[field];
      if (typeof v !== "string") {
        errors.add(
          stage,
          path,
          "wrongType",
          `must be a node id (a string), not ${typeName(v).en}`,
          `노드 id(문자열)여야 합니다. 지금은 ${typeName(v).ko}입니다`,
          k,
        );
        return undefined;
      }
      // Without a readable nodes list there is nothing to resolve against; that is reported already.
      if (facts !== undefined && !facts.nodeIndex.has(v)) {
        errors.add(
          stage,
          path,
          "missingEndpoint",
          `no node has id ${show(v)}`,
          `id가 ${show(v)}인 노드가 없습니다`,
          k,
        );
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
    if (has(e, "props") && checkObject(errors, stage, e.props, `${base}.props`, at(EDGE_FIELD.props)))
      props = copyBag(e.props);

    if (
      errors.list.length === before &&
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

const OVERLAYS: readonly Overlay[] = ["none", "managedBy"];

/** Checks `title` and `view`, the top-level fields besides the lists. */
function readMeta(raw: Json, errors: Errors): { title?: string; view?: DocumentView } {
  const stage: ReadStage = "meta";
  const out: { title?: string; view?: DocumentView } = {};
  if (has(raw, "title")) {
    const title = checkText(errors, stage, raw.title, "title", [SECTION.title, 0, 0]);
    if (title !== undefined) out.title = title;
  }
  if (has(raw, "view") && checkObject(errors, stage, raw.view, "view", [SECTION.view, 0, 0])) {
    const before = errors.list.length;
    const view: DocumentView = {};
    const v = raw.view;
    if (has(v, "viewport") && checkObject(errors, stage, v.viewport, "view.viewport", [SECTION.view, 0, 1])) {
      const r = { min: -LIMITS.coordinate, max: LIMITS.coordinate };
      const x = checkNumber(errors, stage, v.viewport, "x", "view.viewport", r, [SECTION.view, 0, 1]);
      const y = checkNumber(errors, stage, v.viewport, "y", "view.viewport", r, [SECTION.view, 0, 1]);
      // React Flow's own zoom range is far inside this; the bound only rejects nonsense.
      const zoom = checkNumber(
        errors,
        stage,
        v.viewport,
        "zoom",
        "view.viewport",
        { min: 0, max: 1000, exclusiveMin: true },
        [SECTION.view, 0, 1],
      );
      if (x !== undefined && y !== undefined && zoom !== undefined) view.viewport = { x, y, zoom };
    }
    if (has(v, "overlay")) {
      const o = v.overlay;
      if (typeof o === "string" && (OVERLAYS as readonly string[]).includes(o)) view.overlay = o as Overlay;
      else
        errors.add(
          stage,
          "view.overlay",
          "wrongType",
          `must be one of ${OVERLAYS.map((x) => JSON.stringify(x)).join(", ")}, not ${show(o)}`,
          `${OVERLAYS.map((x) => JSON.stringify(x)).join(", ")} 중 하나여야 합니다. 지금은 ${show(o)}입니다`,
          [SECTION.view, 0, 2],
        );
    }
    if (errors.list.length === before) out.view = view;
  }
  return out;
}

const CYCLE_SHOWN = 8;

/**
 * Checks what only the whole list can show: every parentId names another node, parents form no
 * cycle, and no node is nested deeper than LIMITS.depth. Iterative and linear (each node's depth
 * is computed once), so a 10,000-deep chain is refused in milliseconds.
 */
function checkTree(facts: NodeFacts, errors: Errors): void {
  const stage: ReadStage = "tree";
  const count = facts.idAt.length;
  const parentIdx = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    const pid = facts.parentAt[i];
    if (pid === undefined) continue;
    const key: [number, number, number] = [SECTION.nodes, i, NODE_FIELD.parentId];
    const path = `nodes[${i}].parentId`;
    if (pid === facts.idAt[i])
      errors.add(
        stage,
        path,
        "selfParent",
        `node ${show(pid)} cannot sit in itself`,
        `노드 ${show(pid)}는 자기 자신 안에 놓일 수 없습니다`,
        key,
      );
    else {
      const p = facts.nodeIndex.get(pid);
      if (p === undefined)
        errors.add(
          stage,
          path,
          "missingParent",
          `no node has id ${show(pid)}`,
          `id가 ${show(pid)}인 노드가 없습니다`,
          key,
        );
      else parentIdx[i] = p;
    }
  }

  // depth: -2 unknown, -1 in or below a cycle, >= 0 number of ancestors. onPath marks the walk
  // in progress by its starting index, so the marks never need clearing.
  const depth = new Int32Array(count).fill(-2);
  const onPath = new Int32Array(count).fill(-1);
  const path: number[] = [];
  for (let start = 0; start < count; start++) {
    if (depth[start] !== -2) continue;
    path.length = 0;
    let cur = start;
    while (cur !== -1 && depth[cur] === -2 && onPath[cur] !== start) {
      onPath[cur] = start;
      path.push(cur);
      cur = parentIdx[cur]!;
    }
    let base: number; // depth of the first node above the walked path
    if (cur === -1) base = -1;
    else if (depth[cur] !== -2) base = depth[cur]!;
    else {
      // `cur` is on this walk: the path from it to the end is a cycle.
      const members = path.slice(path.indexOf(cur));
      for (let m = 0; m < members.length; m++) {
        const shown: string[] = [];
        for (let k = 0; k <= Math.min(members.length, CYCLE_SHOWN); k++)
          shown.push(show(facts.idAt[members[(m + k) % members.length]!]));
        const chain =
          shown.join(" → ") + (members.length > CYCLE_SHOWN ? ` … (${fmt(members.length)} nodes)` : "");
        errors.add(
          stage,
          `nodes[${members[m]}].parentId`,
          "parentCycle",
          `parents form a cycle: ${chain}`,
          `부모 관계가 순환합니다: ${chain}`,
          [SECTION.nodes, members[m]!, NODE_FIELD.parentId],
        );
        depth[members[m]!] = -1;
      }
      path.length = path.indexOf(cur);
      for (let k = path.length - 1; k >= 0; k--) depth[path[k]!] = -1;
      continue;
    }
    for (let k = path.length - 1; k >= 0; k--) {
      const node = path[k]!;
      const d = base === -1 && cur !== -1 ? -1 : base + 1;
      depth[node] = d;
      base = d;
      // Reported once per branch, at the first node past the limit, not at all its descendants.
      if (d === LIMITS.depth + 1)
        errors.add(
          stage,
          `nodes[${node}].parentId`,
          "tooDeep",
          `nested ${fmt(d)} levels deep; the limit is ${LIMITS.depth}`,
          `${fmt(d)}단계 깊이로 중첩되어 있습니다. 최대 ${LIMITS.depth}단계까지 가능합니다`,
          [SECTION.nodes, node, NODE_FIELD.parentId],
        );
    }
  }
}

// ---------------------------------------------------------------------------------------------

function failed(found: DocumentError[], stage: ReadStage): ReadResult {
  return { ok: false, stage, errors: found };
}

/**
 * Reads a Stackdraw document from text or bytes. Never throws; see the module comment for the
 * stages and the decisions behind them.
 */
export function readDocument(input: string | Uint8Array, opts: ReadOptions = {}): ReadResult {
  const maxErrors = Math.max(1, opts.maxErrors ?? MAX_ERRORS);
  let current: ReadStage = "size";
  try {
    const size = checkSize(input);
    if (!size.ok) return failed(size.errors, "size");
    current = "parse";
    const parsed = parseJson(size.value);
    if (!parsed.ok) return failed(parsed.errors, "parse");
    current = "envelope";
    const envelope = checkEnvelope(parsed.value);
    if (!envelope.ok) return failed(envelope.errors, "envelope");
    current = "migrate";
    const migrated = migrate(envelope.value, opts.migrations ?? MIGRATIONS);
    if (!migrated.ok) return failed(migrated.errors, "migrate");
    const raw = migrated.value;

    current = "nodes";
    const errors = new Errors();
    const facts = readNodes(raw, errors);
    const edges = readEdges(raw, facts, errors);
    const meta = readMeta(raw, errors);
    if (facts !== undefined) checkTree(facts, errors);

    if (errors.list.length > 0) {
      const stage = READ_STAGES.find((s) => errors.list.some((e) => e.stage === s))!;
      const sorted = [...errors.list].sort(
        (a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.key[3] - b.key[3],
      );
      return failed(
        sorted.slice(0, maxErrors).map(({ path, code, message }) => ({ path, code, message })),
        stage,
      );
    }
    // No errors means every entry of `nodes` was read into a node.
    const document: StackDocument = {
      format: FORMAT,
      version: CURRENT_VERSION,
      ...(meta.title !== undefined ? { title: meta.title } : {}),
      nodes: facts!.nodes as StackNode[],
      edges,
      ...(meta.view !== undefined ? { view: meta.view } : {}),
    };
    return { ok: true, document };
  } catch (e) {
    // Every stage checks before it touches, so only foreign code gets here (a migration's result
    // with a throwing getter, or a bug): it still must not crash the app or half-apply a file.
    const reason = e instanceof Error ? e.message : String(e);
    return failed(
      [
        {
          path: "$",
          code: "internalError",
          message: { en: `could not read the file: ${reason}`, ko: `파일을 읽지 못했습니다: ${reason}` },
        },
      ],
      current,
    );
  }
}
