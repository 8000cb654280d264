/**
 * What `validate` found in each file, in no output format yet: the formats (./formats/*.ts) turn
 * a list of these into text, JSON, SARIF or JUnit. Messages and fix titles are already in the
 * `--lang` language here, so every format says the same words.
 */
import type { StackDocument } from "../domain/document.ts";
import type { Lang } from "../domain/kinds/props.ts";
import type { Problem } from "../domain/rules/index.ts";
import { problemMessage } from "../domain/rules/messages.ts";
import type { IoError } from "../io/errors/types.ts";

/** A problem as every format reports it. */
export interface Reported {
  problem: Problem;
  /** In the `--lang` language. */
  message: string;
  /** The fixes offered, first first; titles in the `--lang` language. */
  fixes: { id: string; title: string }[];
  /** Set when the problem is suppressed: the node's reason. */
  reason?: string;
}

/** A fix `--fix` applied. */
export interface AppliedFix {
  rule: string;
  fixId: string;
  nodeId: string;
}

/** One file's outcome. */
export type FileOutcome =
  | {
      kind: "document";
      /** The path as given on the command line. */
      file: string;
      /** The document checked (after `--fix`, the fixed one). */
      doc: StackDocument;
      /** The text the document was read from (before any fix), for positions. */
      text: string;
      /** Problems that count, in the engine's order. */
      problems: Reported[];
      /** Suppressed problems: listed, never counted. */
      suppressed: Reported[];
      /** With `--fix`: what was applied, in order. */
      fixed?: AppliedFix[];
    }
  | {
      kind: "invalid";
      file: string;
      /** The reader's errors, or one `cannotRead`. Never empty. */
      errors: IoError[];
      /** The file's text when it could be decoded, for positions. */
      text?: string;
    };

/** Splits the engine's problems into those that count and those that are suppressed, with their words. */
export function reportProblems(
  problems: readonly Problem[],
  doc: StackDocument,
  lang: Lang,
): { problems: Reported[]; suppressed: Reported[] } {
  const counted: Reported[] = [];
  const suppressed: Reported[] = [];
  for (const p of problems) {
    const r: Reported = {
      problem: p,
      message: problemMessage(p, lang, doc),
      fixes: p.fixes.map((f) => ({ id: f.id, title: f.title[lang] })),
    };
    if (p.suppressed) suppressed.push({ ...r, reason: p.suppressed.reason });
    else counted.push(r);
  }
  return { problems: counted, suppressed };
}

/** Counts of errors and warnings that count (suppressed problems never do). */
export function tally(outcomes: readonly FileOutcome[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const o of outcomes)
    if (o.kind === "document")
      for (const r of o.problems) {
        if (r.problem.severity === "error") errors++;
        else warnings++;
      }
  return { errors, warnings };
}

/** Whether a problem fails the run: an error, or a warning under `--strict`. */
export function fails(r: Reported, strict: boolean): boolean {
  return r.problem.severity === "error" || strict;
}

/** The exit status of a run (docs/cli.md): 2 when any file is invalid, else 1 when any counted problem fails, else 0. */
export function exitStatus(outcomes: readonly FileOutcome[], strict: boolean): 0 | 1 | 2 {
  if (outcomes.some((o) => o.kind === "invalid")) return 2;
  return outcomes.some((o) => o.kind === "document" && o.problems.some((r) => fails(r, strict))) ? 1 : 0;
}
