/** Small readers over validate()'s answer, shared by the rule tests. */
import type { StackDocument } from "../../../src/domain/document.ts";
import { validate, type Problem, type RuleId } from "../../../src/domain/rules/index.ts";

/** The problems of one rule, as their nodeIds. */
export function nodesOf(d: StackDocument, rule: RuleId): string[][] {
  return validate(d)
    .filter((p) => p.rule === rule)
    .map((p) => p.nodeIds);
}

/** The rules that fired, sorted, without repeats. */
export function rulesOf(d: StackDocument): RuleId[] {
  return [...new Set(validate(d).map((p) => p.rule))].sort();
}

/** A problem set that does not depend on the order of the document's nodes. */
export function canonical(problems: readonly Problem[]): string[] {
  return problems
    .map((p) => {
      // Which listener or extra base is listed first follows document order; the rest is fixed.
      const ids =
        p.rule === "network/port-conflict"
          ? [...p.nodeIds].sort()
          : [p.nodeIds[0], ...p.nodeIds.slice(1).sort()];
      return `${p.rule} ${ids.join(",")} ${p.edgeId ?? ""} ${JSON.stringify(Object.entries(p.params).sort())}`;
    })
    .sort();
}
