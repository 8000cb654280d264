/**
 * Building problems: the one place that pairs a rule id with its catalog severity.
 */
import { RULES } from "./defs.ts";
import type { FixOffer, Problem, ProblemParam, RuleId } from "./types.ts";

const NO_PARAMS: Record<string, ProblemParam> = Object.freeze({}) as Record<string, ProblemParam>;
/** The fixes of a problem that has none: one frozen list shared by all of them. */
export const NO_FIXES: FixOffer[] = Object.freeze([]) as unknown as FixOffer[];

/** A problem of `rule` about `nodeIds` (the node to fix first first), offering `fixes`. */
export function problem(
  rule: RuleId,
  nodeIds: string[],
  params?: Record<string, ProblemParam>,
  fixes?: FixOffer[],
): Problem {
  // Problems are rare next to nodes, so one object each is fine; the shared frozen params object
  // and fix list keep parameterless, fixless problems from allocating more.
  return {
    rule,
    severity: RULES[rule].severity,
    nodeIds,
    params: params ?? NO_PARAMS,
    fixes: fixes !== undefined && fixes.length > 0 ? fixes : NO_FIXES,
  };
}
