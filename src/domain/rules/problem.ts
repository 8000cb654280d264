/**
 * Building problems: the one place that pairs a rule id with its catalog severity.
 */
import { RULES } from "./defs.ts";
import type { Problem, ProblemParam, RuleId } from "./types.ts";

const NO_PARAMS: Record<string, ProblemParam> = Object.freeze({}) as Record<string, ProblemParam>;

/** A problem of `rule` about `nodeIds` (the node to fix first first). */
export function problem(rule: RuleId, nodeIds: string[], params?: Record<string, ProblemParam>): Problem {
  // Problems are rare next to nodes, so one object each is fine; the shared frozen params object
  // keeps parameterless problems from allocating one more.
  return { rule, severity: RULES[rule].severity, nodeIds, params: params ?? NO_PARAMS };
}
