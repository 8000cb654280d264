/**
 * What the Kubernetes and ECS importers share: the text of a file (UTF-8, or UTF-16 with its byte
 * order mark; at most LIMITS.bytes), the located errors and warnings of one import, and reading
 * fields of the located YAML tree (compose/yaml.ts) with a line:column for every complaint.
 */
import type { LineCounter } from "yaml";
import { LIMITS } from "../../domain/limits.ts";
import { firstInvalidUtf8 } from "../read/json-text.ts";
import { keySegment } from "../read/stage.ts";
import { lineColumn, type YMap, type YScalar, type YSeq, type YValue } from "../compose/yaml.ts";
import type {
  IoError,
  ImportErrorCode,
  ImportErrorParams,
  ImportExpected,
  ImportFormat,
  YamlError,
} from "../errors/types.ts";

/** An importer's error or warning: its own codes, YAML's, or bytes that are not text; `file` when several were given. */
export type ImportError = IoError<ImportErrorCode | YamlError["code"] | "cannotRead"> & { file?: string };

/** One input file: its name (shown in errors) and its bytes or text. */
export interface ImportSource {
  name: string;
  data: string | Uint8Array;
}

/** How many errors (and, separately, warnings) an import returns at most. */
export const MAX_IMPORT_ERRORS = 20;

/** The text of a file: UTF-8 (a BOM dropped) or UTF-16 with a BOM; bytes that are neither are refused. */
export function decodeSource(
  input: string | Uint8Array,
  format: ImportFormat,
): { ok: true; text: string } | { ok: false; error: ImportError } {
  let text: string;
  if (typeof input === "string") text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else {
    if (input.length > LIMITS.bytes)
      return { ok: false, error: { path: "$", code: "importTooLarge", params: { format } } };
    const le = input[0] === 0xff && input[1] === 0xfe;
    const be = input[0] === 0xfe && input[1] === 0xff;
    try {
      text = new TextDecoder(le ? "utf-16le" : be ? "utf-16be" : "utf-8", { fatal: true }).decode(input);
    } catch {
      const offset = le || be ? 0 : (firstInvalidUtf8(input) ?? 0);
      return { ok: false, error: { path: "$", code: "cannotRead", params: { cause: "notUtf8", offset } } };
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  if (text.length > LIMITS.bytes)
    return { ok: false, error: { path: "$", code: "importTooLarge", params: { format } } };
  return { ok: true, text };
}

/** The errors and warnings of one file's import, located by line:column and capped. */
export class Report {
  readonly errors: ImportError[] = [];
  readonly warnings: ImportError[] = [];
  constructor(
    private readonly lc: LineCounter | undefined,
    private readonly file?: string,
  ) {}
  private make<C extends ImportErrorCode>(
    path: string,
    at: YValue | number | undefined,
    code: C,
    params: ImportErrorParams[C],
  ): ImportError {
    const offset = typeof at === "number" ? at : at?.offset;
    const where = this.lc !== undefined && offset !== undefined ? lineColumn(this.lc, offset) : {};
    return {
      path: path.replace(/^\$\./, ""),
      ...where,
      code,
      params,
      ...(this.file !== undefined ? { file: this.file } : {}),
    } as ImportError;
  }
  error<C extends ImportErrorCode>(
    path: string,
    at: YValue | number | undefined,
    code: C,
    params: ImportErrorParams[C],
  ) {
    if (this.errors.length < MAX_IMPORT_ERRORS) this.errors.push(this.make(path, at, code, params));
  }
  warn<C extends ImportErrorCode>(
    path: string,
    at: YValue | number | undefined,
    code: C,
    params: ImportErrorParams[C],
  ) {
    if (this.warnings.length < MAX_IMPORT_ERRORS) this.warnings.push(this.make(path, at, code, params));
  }
}

/** A field of the tree, read with its path; every wrong shape is an `importFieldInvalid` error. */
export class Fields {
  constructor(readonly report: Report) {}

  /** The value at `key` of a mapping (undefined when absent or null). */
  get(map: YMap | undefined, key: string): YValue | undefined {
    const v = map?.entries.get(key);
    return v === undefined || (v.t === "scalar" && v.value === null) ? undefined : v;
  }

  private bad(path: string, v: YValue, expected: ImportExpected): undefined {
    this.report.error(path, v, "importFieldInvalid", {
      field: lastKey(path),
      expected,
      actual: v.t === "scalar" && v.value === null ? "null" : v.t,
      ...(v.t === "scalar" && v.value !== null ? { value: v.text } : {}),
    });
    return undefined;
  }

  map(parent: YMap | undefined, key: string, path: string): YMap | undefined {
    const v = this.get(parent, key);
    if (v === undefined) return undefined;
    return v.t === "map" ? v : this.bad(`${path}${keySegment(key)}`, v, "map");
  }

  seq(parent: YMap | undefined, key: string, path: string): YSeq | undefined {
    const v = this.get(parent, key);
    if (v === undefined) return undefined;
    return v.t === "seq" ? v : this.bad(`${path}${keySegment(key)}`, v, "list");
  }

  /** A string (numbers and booleans as written: an image tag `1.10` stays `1.10`). */
  text(parent: YMap | undefined, key: string, path: string): string | undefined {
    const v = this.get(parent, key);
    if (v === undefined) return undefined;
    if (v.t !== "scalar") return this.bad(`${path}${keySegment(key)}`, v, "text");
    return typeof v.value === "string" ? v.value : v.text;
  }

  count(parent: YMap | undefined, key: string, path: string): number | undefined {
    const v = this.get(parent, key);
    if (v === undefined) return undefined;
    if (v.t === "scalar" && typeof v.value === "number" && Number.isSafeInteger(v.value) && v.value >= 0)
      return v.value;
    return this.bad(`${path}${keySegment(key)}`, v, "count");
  }

  /** A port 1–65535 (a string of digits too: JSON task definitions sometimes quote them). */
  port(parent: YMap | undefined, key: string, path: string): number | undefined {
    const v = this.get(parent, key);
    if (v === undefined) return undefined;
    const n =
      v.t === "scalar"
        ? typeof v.value === "number"
          ? v.value
          : /^\d{1,5}$/.test(String(v.value))
            ? Number(v.value)
            : NaN
        : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= 65535) return n;
    return this.bad(`${path}${keySegment(key)}`, v, "port");
  }

  bool(parent: YMap | undefined, key: string, path: string): boolean | undefined {
    const v = this.get(parent, key);
    if (v === undefined) return undefined;
    if (v.t === "scalar" && typeof v.value === "boolean") return v.value;
    return this.bad(`${path}${keySegment(key)}`, v, "boolean");
  }

  /** A mapping of plain values as text (labels, selectors); other entries are errors. */
  stringMap(parent: YMap | undefined, key: string, path: string): Map<string, string> {
    const out = new Map<string, string>();
    const m = this.map(parent, key, path);
    if (m === undefined) return out;
    for (const [k, v] of m.entries) {
      if (v.t !== "scalar") {
        this.bad(`${path}${keySegment(key)}${keySegment(k)}`, v, "text");
        continue;
      }
      out.set(k, v.value === null ? "" : typeof v.value === "string" ? v.value : v.text);
    }
    return out;
  }
}

/** The last key of a path (`spec.template.spec.containers` → `containers`), as messages name it. */
function lastKey(path: string): string {
  const m = /(?:\.([A-Za-z_$][\w$]*)|\["((?:[^"\\]|\\.)*)"\])(?:\[\d+\])*$/.exec(path);
  return m ? (m[1] ?? m[2] ?? path) : path;
}

/** A scalar's text, or undefined for anything else. */
export function scalarText(v: YValue | undefined): string | undefined {
  if (v === undefined || v.t !== "scalar" || v.value === null) return undefined;
  return typeof v.value === "string" ? v.value : (v as YScalar).text;
}

/** A safe, readable id from a name, unique in `taken`. */
export function uniqueId(name: string, taken: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 64) || "node";
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/** A label cut to the document's label limit. */
export function clipLabel(s: string): string {
  const max = LIMITS.labelLength;
  const cps = Array.from(s.length > max * 2 ? s.slice(0, max * 2) : s);
  return cps.length > max ? `${cps.slice(0, max - 1).join("")}…` : s;
}

/** Notes cut to the notes limit. */
export function clipNotes(s: string): string {
  const max = LIMITS.notesLength;
  const cps = Array.from(s.length > max * 2 ? s.slice(0, max * 2) : s);
  return cps.length > max ? `${cps.slice(0, max - 1).join("")}…` : s;
}

/** The title of the import report every importer writes on its top node's notes. */
export const REPORT_TITLE = {
  en: "Import report (not drawn):",
  ko: "가져오기 보고서 (그리지 않은 것):",
} as const;

/** The import report as notes: its title, then a "- " line per warning; undefined without any. */
export function reportNotes(lines: readonly string[], lang: keyof typeof REPORT_TITLE): string | undefined {
  return lines.length === 0
    ? undefined
    : clipNotes([REPORT_TITLE[lang], ...lines.map((l) => `- ${l}`)].join("\n"));
}

/** Other prop text (an image, a path) cut to the prop text limit. */
export function clipText(s: string): string {
  const max = LIMITS.propTextLength;
  const cps = Array.from(s.length > max * 2 ? s.slice(0, max * 2) : s);
  return cps.length > max ? `${cps.slice(0, max - 1).join("")}…` : s;
}
