/**
 * The vocabulary of the rules engine: rule ids, severities, rule definitions and problems.
 * See docs/rules.md — the ids are a stable contract (UI, CLI JSON, tests).
 */
import type { Localized } from "../kinds/props.ts";

/**
 * Every rule id (rules version 2), in the order of the tables of rules.md (stack, cloud and
 * orchestration, edges, then the suppressions' own rule). Every id of version 1 is kept.
 */
export const RULE_IDS = [
  "container/needs-engine",
  "container/kernel-mismatch",
  "container/own-kernel",
  "engine/needs-kernel",
  "engine/nested",
  "stack/os-not-drawn",
  "engine/unsupported-kernel",
  "vm/needs-hypervisor",
  "vm/no-guest-os",
  "machine/multiple-bases",
  "hypervisor/placement",
  "hypervisor/nested",
  "kernel/placement",
  "host/placement",
  "kernel/distro-family",
  "app/placement",
  "network/port-conflict",
  "arch/mismatch",
  "fargate/placement",
  "fargate/windows-on-eks",
  "fargate/managed-layers",
  "ecs/task-placement",
  "ecs/container-outside-task",
  "k8s/pod-placement",
  "k8s/container-outside-pod",
  "k8s/control-plane-placement",
  "edge/endpoints",
  "container/moved-image",
  "document/unused-suppression",
] as const;

/** The stable id of a rule, e.g. `"container/kernel-mismatch"`. */
export type RuleId = (typeof RULE_IDS)[number];

/** Whether a string is a rule id (a `suppress` key may be any string). */
export function isRuleId(x: string): x is RuleId {
  return RULE_ID_SET.has(x);
}
const RULE_ID_SET: ReadonlySet<string> = new Set(RULE_IDS);

/**
 * Every quick fix id (rules.md, "Quick fixes"): a named, pure transformation of the document
 * offered with a problem. Stable, like the rule ids (the CLI's JSON and the editor use them).
 */
export const FIX_IDS = [
  "insert-engine",
  "set-os",
  "move-onto-kernel",
  "insert-kernel",
  "insert-hypervisor",
  "add-kernel",
  "set-type",
  "set-family",
  "next-free-port",
  "set-arch",
  "mark-provider",
  "wrap-in-task",
  "wrap-in-pod",
  "same-image",
  "remove-suppression",
] as const;

/** The stable id of a quick fix, e.g. `"insert-engine"`. */
export type FixId = (typeof FIX_IDS)[number];

/** A quick fix offered with a problem: its id and a title for a button or a list. */
export interface FixOffer {
  id: FixId;
  title: Localized;
}

/** `error` makes a document fail validation (CLI exit 1); `warning` does not (unless `--strict`). */
export type Severity = "error" | "warning";

/** One rule of the catalog. */
export interface RuleDef {
  id: RuleId;
  severity: Severity;
  /** A short name of the rule, for lists and tooltips. */
  title: Localized;
  /**
   * The section of the study notes the rule comes from: `ko` is the original Korean title,
   * `en` the English rendering's title (docs/rules.md, "Sources").
   */
  section: Localized;
}

/** A parameter value carried by a problem: enough for its message to be written later. */
export type ProblemParam = string | number;

/**
 * One thing wrong with a document.
 *
 * Invariants: `nodeIds` is never empty (every rule is about at least one node), holds only ids
 * of nodes of the validated document, has no duplicates, and lists the node to fix first first.
 * `params` holds what the message needs, computed at validation time; values that name other
 * nodes are node ids (resolved to labels when the message is written).
 */
export interface Problem {
  rule: RuleId;
  severity: Severity;
  nodeIds: string[];
  /** Set for edge rules: the edge the problem is about. */
  edgeId?: string;
  params: Record<string, ProblemParam>;
  /**
   * The quick fixes offered with it, the one `--fix` applies first (always present; often empty,
   * and then shared: never mutate it). Each is offered only when applying it to the validated
   * document removes this problem and adds no error.
   */
  fixes: FixOffer[];
  /**
   * Set when the problem's first node suppresses its rule (`suppress` on the node): it is still
   * reported, but not counted, not an error for the exit status, and shown muted with the reason.
   */
  suppressed?: { reason: string };
}
