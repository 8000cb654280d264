/**
 * The rules engine (docs/rules.md): pure TypeScript, importable from the editor, the
 * CLI and tests alike.
 */
export {
  RULE_IDS,
  type Problem,
  type ProblemParam,
  type RuleDef,
  type RuleId,
  type Severity,
} from "./types.ts";
export { RULES, SECTIONS } from "./defs.ts";
export { validate, problemsByNode, countProblems } from "./validate.ts";
export { problemMessage } from "./messages.ts";
export { displayName, type NameSource } from "./names.ts";
export { distroFamily, normaliseDistro } from "./prop-values.ts";
