/**
 * The quick fixes (rules.md, "Quick fixes"), each declared once: which rules offer it, its plan
 * (whether it applies to this problem in this document, and how — computed from the validation's
 * own analysis, so offering costs no second pass) and its application (a pure transformation).
 * A plan is offered only when its application removes the problem and adds no error; `applyFix`
 * checks that again on the result, so an offer the plan got wrong is refused, never applied.
 */
import type { StackDocument } from "../../document.ts";
import type { Analysis } from "../analysis.ts";
import type { FixId, Problem, RuleId } from "../types.ts";
import { unsuppressMany, unusedKeys } from "../suppress.ts";
import { PLANS } from "./plans.ts";
import type { FixVariant } from "./titles.ts";

/** How a fix would apply to one problem: the title variant to offer, and what apply needs. */
export interface Plan<F extends FixId = FixId> {
  /** Which of the fix's titles to offer (FIX_TITLES); the default one when absent. */
  variant?: FixVariant<F>;
  data?: unknown;
}

export interface FixSpec<F extends FixId = FixId> {
  /** The plan for this problem, or undefined when the fix does not apply (it is not offered). */
  plan(a: Analysis, p: Problem): Plan<F> | undefined;
  /** The document with the fix applied (pure; shares every node it does not change). */
  apply(doc: StackDocument, p: Problem, plan: Plan<F>, a: Analysis): StackDocument;
}

/** A fix of any id, as the appliers see it. */
export type AnyFix = FixSpec<FixId>;

/** The fixes each rule may offer, in the order they are offered (the first is `--fix`'s). */
export const RULE_FIXES: { readonly [R in RuleId]: readonly FixId[] } = {
  "container/needs-engine": ["insert-engine"],
  "container/kernel-mismatch": ["set-os"],
  "container/own-kernel": [],
  "engine/needs-kernel": ["move-onto-kernel"],
  "engine/nested": [],
  "stack/os-not-drawn": ["insert-kernel"],
  "engine/unsupported-kernel": [],
  "vm/needs-hypervisor": ["insert-hypervisor"],
  "vm/no-guest-os": ["add-kernel"],
  "machine/multiple-bases": [],
  "hypervisor/placement": ["set-type"],
  "hypervisor/nested": [],
  "kernel/placement": [],
  "host/placement": [],
  "kernel/distro-family": ["set-family"],
  "app/placement": ["move-onto-kernel"],
  "network/port-conflict": ["next-free-port"],
  "arch/mismatch": ["set-arch"],
  "fargate/placement": [],
  "fargate/windows-on-eks": ["set-os"],
  "fargate/managed-layers": ["mark-provider"],
  "ecs/task-placement": [],
  "ecs/container-outside-task": ["wrap-in-task"],
  "k8s/pod-placement": [],
  "k8s/container-outside-pod": ["wrap-in-pod"],
  "k8s/control-plane-placement": [],
  "edge/endpoints": [],
  "container/moved-image": ["same-image"],
  "document/unused-suppression": ["remove-suppression"],
};

/** Every fix, by id. */
export const FIXES: { readonly [F in FixId]: FixSpec<F> } = {
  ...PLANS,
  "remove-suppression": {
    plan: (_a, p) => (unusedKeys(p).length > 0 ? {} : undefined),
    apply: (doc, p) => unsuppressMany(doc, p.nodeIds[0]!, unusedKeys(p)),
  },
};
