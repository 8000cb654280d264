/**
 * Stage 2, JSON text: decodes (UTF-8, strict), strips a byte-order mark, refuses binary, empty and
 * absurdly nested text, and parses. Syntax errors are located by our own scanner (./json-text.ts)
 * so that line:column is the same in every engine.
 */
import {
  findDuplicateKey,
  findExcessiveNesting,
  findJsonSyntaxError,
  firstInvalidUtf8,
  positionAt,
} from "./json-text.ts";
import { fail, keySegment, type StageResult } from "./stage.ts";
import { LIMITS } from "../../domain/limits.ts";

/**
 * The deepest JSON nesting read. Not a format limit (the format nests about six levels, plus what
 * unknown props hold) but a guard that keeps parse, write and clone time and stack use bounded.
 */
export const MAX_JSON_NESTING = 100;

/** Whether the parsed root lists more nodes or edges than the limits allow. */
function overCounts(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { nodes, edges } = value as { nodes?: unknown; edges?: unknown };
  return (
    (Array.isArray(nodes) && nodes.length > LIMITS.nodes) ||
    (Array.isArray(edges) && edges.length > LIMITS.edges)
  );
}

export function parseJson(input: string | Uint8Array): StageResult<unknown> {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      // The one rule for bytes that are not UTF-8, in the editor and the CLI: refused, saying where.
      return fail("$", "notText", { cause: "encoding", offset: firstInvalidUtf8(input) ?? 0 });
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf("\u0000");
  if (nul !== -1) return fail("$", "notText", { cause: "nul", ...positionAt(text, nul) });
  if (/^[ \t\r\n]*$/.test(text)) return fail("$", "emptyFile", {});
  const deep = findExcessiveNesting(text, MAX_JSON_NESTING);
  if (deep !== undefined)
    return fail("$", "tooDeeplyNested", { ...positionAt(text, deep), limit: MAX_JSON_NESTING });
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (e) {
    const syntaxError = findJsonSyntaxError(text);
    return fail("$", "notJson", {
      ...positionAt(text, syntaxError?.offset ?? 0),
      syntax: syntaxError?.problem ?? { kind: "engine", detail: e instanceof Error ? e.message : String(e) },
    });
  }
  // JSON.parse keeps the last of two equal keys; a document that says two things is refused. (Not
  // scanned when the envelope will refuse it for its counts anyway: a 100,000-edge file is
  // refused at once.)
  const dup = overCounts(value) ? undefined : findDuplicateKey(text, keySegment);
  if (dup !== undefined)
    return fail(dup.path, "duplicateKey", { key: dup.key, ...positionAt(text, dup.offset) });
  return { ok: true, value };
}
