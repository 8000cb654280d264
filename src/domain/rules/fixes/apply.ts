/**
 * Applying quick fixes: one (`applyFix`, the editor's button), or all of them (`fixAll`, the
 * CLI's `--fix`). Both are pure. A fix applies to the problem as the given document has it now:
 * the problem is looked up again in a fresh validation (so a problem found before an earlier fix
 * changed the document is re-planned, or refused when it is gone), and the result is checked —
 * the problem gone, no error added — before it is returned.
 */
import type { StackDocument } from "../../document.ts";
import { analyse } from "../validate.ts";
import type { FixId, Problem, RuleId } from "../types.ts";
import { FIXES, type AnyFix } from "./registry.ts";

import { problemKey } from "../problem-tally.ts";
export { problemKey };

const counts = (p: Problem): boolean => p.severity === "error" && p.suppressed === undefined;

/**
 * The errors of `after` that `before` did not have. An error is not new when `before` had one of
 * the same rule (and edge) about at least the same nodes: a port conflict of three listeners that
 * a fix brought down to two is the same conflict, smaller.
 */
export function addedErrors(before: readonly Problem[], after: readonly Problem[]): Problem[] {
  const had = new Map<string, Problem[]>();
  for (const p of before)
    if (counts(p)) {
      const k = `${p.rule}\u0000${p.edgeId ?? ""}`;
      const list = had.get(k);
      if (list === undefined) had.set(k, [p]);
      else list.push(p);
    }
  return after.filter((p) => {
    if (!counts(p)) return false;
    const same = had.get(`${p.rule}\u0000${p.edgeId ?? ""}`);
    return !same?.some((q) => p.nodeIds.every((id) => q.nodeIds.includes(id)));
  });
}

/**
 * The document with quick fix `fixId` applied to `problem`, or null when the fix does not apply to
 * this document: the problem is not reported here, does not offer that fix, or the result would
 * keep the problem or add an error. Pure: `doc` is not changed.
 */
export function applyFix(doc: StackDocument, problem: Problem, fixId: FixId): StackDocument | null {
  const a = analyse(doc);
  const key = problemKey(problem);
  const current = a.problems.find((p) => problemKey(p) === key);
  if (current === undefined || !current.fixes.some((f) => f.id === fixId)) return null;
  const spec = FIXES[fixId] as AnyFix;
  const plan = spec.plan(a, current);
  if (plan === undefined) return null;
  const next = spec.apply(doc, current, plan, a);
  if (next === doc) return null;
  const after = analyse(next).problems;
  if (after.some((p) => problemKey(p) === key)) return null;
  return addedErrors(a.problems, after).length === 0 ? next : null;
}

/** One fix `fixAll` applied: the rule, the fix and the problem's first node. */
export interface AppliedFix {
  rule: RuleId;
  fixId: FixId;
  nodeId: string;
}

/** How many times `fixAll` goes over the document's problems at most. */
export const FIX_ROUNDS = 10;

/**
 * What the CLI's `--fix` does: for each problem that is not suppressed and offers a fix, its first
 * fix, in the order of the problems; again on the result, until no fix applies (at most
 * {@link FIX_ROUNDS} rounds). Returns the fixed document and the fixes applied, in order.
 */
export function fixAll(doc: StackDocument): { doc: StackDocument; applied: AppliedFix[] } {
  let cur = doc;
  const applied: AppliedFix[] = [];
  for (let round = 0; round < FIX_ROUNDS; round++) {
    let any = false;
    for (const p of analyse(cur).problems) {
      if (p.suppressed !== undefined || p.fixes.length === 0) continue;
      const fixId = p.fixes[0]!.id;
      const next = applyFix(cur, p, fixId);
      if (next === null) continue;
      cur = next;
      any = true;
      applied.push({ rule: p.rule, fixId, nodeId: p.nodeIds[0]! });
    }
    if (!any) break;
  }
  return { doc: cur, applied };
}
