/**
 * The rules engine (src/domain/rules) as the editor loads it: on demand — at once when the store
 * first holds a node, and warmed at the first press — not in the first paint (docs/performance.md:
 * initial JS). Until it is there the store has no problems to show (`problemsPending`) and a drop
 * is not judged. The CLI and the tests import the rules directly.
 */
export { editorRules, type RulesEngine } from "../browser/on-demand.ts";
