/**
 * Reads a `.stackdraw.json` document (docs/document-format.md) in named stages, each
 * returning a typed result, and never throws: the caller gets either a fresh, normalized
 * StackDocument or the first problems with JSON paths — nothing half-read
 * (docs/reliability.md, promises 4, 5, 9; rules.md, "Document errors").
 *
 *   read/size.ts      checkSize      at most LIMITS.bytes, before decoding anything
 *   read/json.ts      parseJson      UTF-8 text, not binary, not empty, not absurdly nested, JSON
 *   read/envelope.ts  checkEnvelope  an object, `format: "stackdraw"`, a version this build reads
 *   read/migrate.ts   migrate        the chain of migrations.ts up to the current version
 *   read/nodes.ts     readNodes      each node on its own: id, kind, parent id, label, props, geometry
 *   read/edges.ts     readEdges      each edge: id, kind, ends that name nodes, label
 *   read/meta.ts      readMeta       title and view
 *   read/tree.ts      checkTree      parents exist, form no cycle, nest at most LIMITS.depth deep
 *
 * The first four stages are gates: when one fails, nothing after it runs. The last four all run
 * on a migrated envelope, so that one reading reports every kind of problem it can; the result's
 * `stage` is then the earliest of them that found a problem, and the errors are in document order.
 *
 * Errors are data (errors/types.ts: a code, its params, a path); their words in both languages
 * are in errors/messages.ts and errors/format.ts renders them. This module holds no message,
 * so the editor can load it early without the table.
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
import { CURRENT_VERSION, FORMAT, type StackDocument, type StackNode } from "../domain/document.ts";
import type { DocumentError } from "./errors/types.ts";
import { MIGRATIONS, type Migration } from "./migrations.ts";
import { readEdges } from "./read/edges.ts";
import { checkEnvelope } from "./read/envelope.ts";
import { parseJson } from "./read/json.ts";
import { readMeta } from "./read/meta.ts";
import { migrate } from "./read/migrate.ts";
import { readNodes } from "./read/nodes.ts";
import { checkSize } from "./read/size.ts";
import { docError, Errors, type ReadStage } from "./read/stage.ts";
import { checkTree } from "./read/tree.ts";

export type { DocumentError, DocumentErrorCode } from "./errors/types.ts";
export { checkEnvelope, type Envelope } from "./read/envelope.ts";
export { MAX_JSON_NESTING, parseJson } from "./read/json.ts";
export { migrate } from "./read/migrate.ts";
export { checkSize } from "./read/size.ts";
export { keySegment, READ_STAGES, type ReadStage } from "./read/stage.ts";

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

    const stage = errors.firstStage();
    if (stage !== undefined) return failed(errors.inOrder(maxErrors), stage);
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
    return failed([docError("$", "internalError", { reason })], current);
  }
}
