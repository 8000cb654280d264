/**
 * What the editor's panels ask of a list of problems (their identity, how many are errors): apart
 * from building problems (./problem.ts, which reads the rule catalog), because the toolbar and the
 * problems panel need it for the first paint and the rules engine loads on demand.
 */
import type { Problem } from "./types.ts";

/** A problem's identity across validations: its rule, its nodes, its edge. */
export const problemKey = (p: Problem): string =>
  `${p.rule}\u0000${p.nodeIds.join("\u0000")}\u0000${p.edgeId ?? ""}`;

/** How many problems are errors and how many warnings; suppressed problems do not count. */
export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.suppressed !== undefined) continue;
    if (p.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}
