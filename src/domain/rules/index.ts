/**
 * The rules engine (docs/rules.md): pure TypeScript, importable from the editor, the
 * CLI and tests alike.
 */
export {
  FIX_IDS,
  RULE_IDS,
  isRuleId,
  type FixId,
  type FixOffer,
  type Problem,
  type ProblemParam,
  type RuleDef,
  type RuleId,
  type Severity,
} from "./types.ts";
export { RULES, SECTIONS } from "./defs.ts";
export { validate, problemsByNode, countProblems } from "./validate.ts";
export { addedErrors, applyFix, fixAll, problemKey, FIX_ROUNDS, type AppliedFix } from "./fixes/apply.ts";
export { FIX_TITLES } from "./fixes/titles.ts";
export { suppress, unsuppress } from "./suppress.ts";
export { displayName, type NameSource } from "./names.ts";
export { distroFamily, normaliseDistro } from "./prop-values.ts";
