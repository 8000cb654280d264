/**
 * Opening a document refused only for a limit it can be brought within (docs/reliability.md,
 * "No dead ends"): labels, titles and texts over their length are cut, and nodes nested deeper
 * than LIMITS.depth are lifted to the deepest allowed level — with a report of what changed. A
 * document refused for anything else (broken JSON, too many nodes, over 10 MB) is not repaired:
 * the reason stands.
 */
import { repairToLimits, type LimitRepair } from "../domain/limits-repair.ts";
import type { StackDocument } from "../domain/document.ts";
import type { DocumentErrorCode } from "./errors/types.ts";
import { checkSize, parseJson, readDocument, type ReadResult } from "./read.ts";

// The words of its refusals come with it (the dialog shows them when a repair is not enough).
export { ioMessages, ioWhere } from "./errors/format.ts";

/** The refusals a repair can remove. */
const REPAIRABLE: ReadonlySet<DocumentErrorCode> = new Set(["tooLong", "tooDeep"]);

/** Whether a failed read was refused only for limits a repair brings it within. */
export function isRepairable(read: ReadResult): boolean {
  return !read.ok && read.errors.length > 0 && read.errors.every((e) => REPAIRABLE.has(e.code));
}

export type RepairResult =
  { ok: true; document: StackDocument; report: LimitRepair } | Extract<ReadResult, { ok: false }>;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Reads `input`, repairing what only crosses the length and depth limits. The repair works on the
 * parsed JSON before the reader's checks, then the repaired text goes through the whole reader
 * again: what comes out is exactly what Open would accept.
 */
export function readRepaired(input: string | Uint8Array): RepairResult {
  const first = readDocument(input);
  if (first.ok)
    return { ok: true, document: first.document, report: { labelsCut: 0, textsCut: 0, lifted: 0 } };
  if (!isRepairable(first)) return first;
  const size = checkSize(input);
  if (!size.ok) return first;
  const parsed = parseJson(size.value);
  if (!parsed.ok || !isObject(parsed.value) || !Array.isArray(parsed.value.nodes)) return first;
  const raw = parsed.value;
  // The raw entries have the document's shape where it matters (ids, parents, labels, props);
  // anything else in them is carried through untouched and judged by the reader afterwards.
  const shaped = {
    ...raw,
    nodes: (raw.nodes as unknown[]).filter(isObject),
    edges: Array.isArray(raw.edges) ? (raw.edges as unknown[]).filter(isObject) : [],
  } as unknown as StackDocument;
  if (shaped.nodes.length !== (raw.nodes as unknown[]).length) return first;
  const { doc, report } = repairToLimits(shaped);
  const again = readDocument(JSON.stringify(doc));
  if (!again.ok) return again;
  return { ok: true, document: again.document, report };
}
