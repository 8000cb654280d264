/**
 * `validate`'s text output (docs/cli.md): one line a problem, `FILE: SEVERITY RULE [NODE] MESSAGE`,
 * then `N errors, M warnings` over all files. Suppressed problems are listed only under
 * `--show-suppressed`, muted (dim when the output is a terminal) and marked `suppressed`; fixes that
 * `--fix` applied come first, one line each (`FILE: fixed RULE [NODE] FIX-ID`). The words `error`,
 * `warning`, `suppressed` and `fixed` stay English in every language, for scripts. Invalid files are reported on stderr, not here.
 */
import type { Lang } from "../../domain/kinds/props.ts";
import { TEXT } from "../errors.ts";
import { tally, type FileOutcome, type Reported } from "../outcome.ts";

export interface TextOptions {
  lang: Lang;
  showSuppressed: boolean;
  /** Dim suppressed lines with ANSI escapes (a terminal that has not asked for NO_COLOR). */
  color: boolean;
}

const DIM = "\u001b[2m";
const RESET = "\u001b[22m";

/** The node a line names: the problem's first node (an edge problem's edge when it has none). */
export function subjectOf(r: Reported): string {
  return r.problem.nodeIds[0] ?? r.problem.edgeId ?? "";
}

export function problemLine(file: string, r: Reported): string {
  return `${file}: ${r.problem.severity} ${r.problem.rule} [${subjectOf(r)}] ${r.message}`;
}

export function formatText(outcomes: readonly FileOutcome[], opts: TextOptions): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    if (o.kind !== "document") continue;
    for (const f of o.fixed ?? []) lines.push(`${o.file}: fixed ${f.rule} [${f.nodeId}] ${f.fixId}`);
    for (const r of o.problems) lines.push(problemLine(o.file, r));
    if (opts.showSuppressed)
      for (const r of o.suppressed) {
        const line = `${o.file}: suppressed ${r.problem.severity} ${r.problem.rule} [${subjectOf(r)}] ${r.message} (${TEXT.reason[opts.lang]}: ${r.reason})`;
        lines.push(opts.color ? `${DIM}${line}${RESET}` : line);
      }
  }
  const { errors, warnings } = tally(outcomes);
  lines.push(TEXT.summary[opts.lang](errors, warnings));
  return lines.join("\n") + "\n";
}
