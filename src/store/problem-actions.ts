/**
 * What the person does about a problem: a quick fix, a suppression with its reason, undoing one.
 * Each is one undo step. Only the problems' actions (src/panels/ProblemActions.tsx) and the
 * inspector's forms call them, and both load on demand.
 */
import type { EditorStore } from "./editor.ts";
import { translate } from "../i18n/strings.ts";
import { completeGeometry } from "../domain/geometry.ts";
import type { FixId, Problem } from "../domain/rules/types.ts";

/**
 * Applies quick fix `fixId` of `problem` as one undo step; nodes the fix adds get the editor's own
 * placement. Then shows what changed: the first node the fix added, else the problem's first node
 * (selected and brought into view). When the fix no longer applies to the diagram as it is (it
 * changed since the problem was shown), nothing changes and a notice says so.
 */
export function applyProblemFix(store: EditorStore, problem: Problem, fixId: FixId): boolean {
  const s = store.getState();
  // (A problem to fix means the rules are loaded: they found it.)
  const fixed = s.rules?.applyFix(s.doc, problem, fixId) ?? null;
  if (fixed === null) {
    s.setNotice({
      kind: "error",
      text: { en: translate("en", "fixNotApplied"), ko: translate("ko", "fixNotApplied") },
    });
    return false;
  }
  const next = fixed.nodes.some((n) => !n.position || !n.size) ? completeGeometry(fixed) : fixed;
  if (!s.commit(next, "fix")) return false;
  const added = next.nodes.find((n) => !s.index.byId.has(n.id));
  const shown = added?.id ?? problem.nodeIds.find((id) => store.getState().index.byId.has(id));
  if (shown !== undefined) s.revealNode(shown);
  return true;
}

/**
 * Suppresses `problem` for `reason` on its first node (the only node that can suppress it), as
 * one undo step, and selects that node. A blank reason changes nothing: a suppression must say why.
 */
export function suppressProblem(store: EditorStore, problem: Problem, reason: string): boolean {
  const nodeId = problem.nodeIds[0];
  const s = store.getState();
  if (nodeId === undefined || s.rules === null) return false;
  const next = s.rules.suppress(s.doc, nodeId, problem.rule, reason);
  if (next === s.doc) return false;
  s.commit(next);
  s.revealNode(nodeId);
  return true;
}

/** Removes the suppression of `rule` on node `nodeId`, as one undo step, and selects the node. */
export function unsuppressRule(store: EditorStore, nodeId: string, rule: string): boolean {
  const s = store.getState();
  if (s.rules === null) return false;
  const next = s.rules.unsuppress(s.doc, nodeId, rule);
  if (next === s.doc) return false;
  s.commit(next);
  s.revealNode(nodeId);
  return true;
}

/** Shows a suppressed problem again (its first node stops suppressing its rule). */
export function unsuppressProblem(store: EditorStore, problem: Problem): boolean {
  const nodeId = problem.nodeIds[0];
  return nodeId !== undefined && unsuppressRule(store, nodeId, problem.rule);
}
