/**
 * The rules engine (src/domain/rules) as the editor loads it: on demand — at once when the store
 * first holds a node, and warmed at the first press — not in the first paint (docs/performance.md:
 * initial JS). Until it is there the store has no problems to show (`problemsPending`) and a drop
 * is not judged. The CLI and the tests import the rules directly.
 */
import { onDemand, type OnDemand } from "../browser/on-demand.ts";

export type RulesEngine = typeof import("../domain/rules/index.ts");

/** The editor's rules engine, shared by every store of the page. */
export const editorRules: OnDemand<RulesEngine> = onDemand<RulesEngine>(
  () => import("../domain/rules/index.ts"),
);
