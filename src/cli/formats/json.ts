/**
 * `validate --json` / `--format json` (docs/cli.md): one object per file (an array for several),
 * 2-space indented. A valid document: `file`, `ok`, `problems` (each with its `fixes`), `suppressed`
 * (each with its `reason`) and, after `--fix`, `fixed`. An invalid one: `file`, `ok: false`,
 * `documentErrors: [{ path, message }]`.
 */
import type { Lang } from "../../domain/kinds/props.ts";
import { ioMessage } from "../../io/errors/format.ts";
import type { AppliedFix, FileOutcome, Reported } from "../outcome.ts";

export interface JsonProblem {
  rule: string;
  severity: string;
  nodeIds: string[];
  edgeId?: string;
  message: string;
  fixes: { id: string; title: string }[];
}

export type JsonReport =
  | {
      file: string;
      ok: boolean;
      problems: JsonProblem[];
      suppressed: (JsonProblem & { reason: string })[];
      fixed?: AppliedFix[];
    }
  | { file: string; ok: false; documentErrors: { path: string; message: string }[] };

function problem(r: Reported): JsonProblem {
  const p = r.problem;
  return {
    rule: p.rule,
    severity: p.severity,
    nodeIds: p.nodeIds,
    ...(p.edgeId !== undefined ? { edgeId: p.edgeId } : {}),
    message: r.message,
    fixes: r.fixes,
  };
}

export function jsonReport(o: FileOutcome, lang: Lang): JsonReport {
  if (o.kind === "invalid")
    return {
      file: o.file,
      ok: false,
      documentErrors: o.errors.map((e) => ({ path: e.path, message: ioMessage(e, lang) })),
    };
  return {
    file: o.file,
    ok: !o.problems.some((r) => r.problem.severity === "error"),
    problems: o.problems.map(problem),
    suppressed: o.suppressed.map((r) => ({ ...problem(r), reason: r.reason ?? "" })),
    ...(o.fixed !== undefined ? { fixed: o.fixed } : {}),
  };
}

export function formatJson(outcomes: readonly FileOutcome[], lang: Lang): string {
  const reports = outcomes.map((o) => jsonReport(o, lang));
  return JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + "\n";
}
