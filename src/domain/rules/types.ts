/**
 * The vocabulary of the rules engine: rule ids, severities, rule definitions and problems.
 * See docs/rules.md — the ids are a stable contract (UI, CLI JSON, tests).
 */
import type { Localized } from "../kinds/props.ts";

/**
 * Every rule id, in the order of the tables of rules.md (stack, cloud and orchestration, edges).
 * This order is also the order in which one node's problems are reported.
 */
export const RULE_IDS = [
  "container/needs-engine",
  "container/kernel-mismatch",
  "container/own-kernel",
  "engine/needs-kernel",
  "engine/unsupported-kernel",
  "vm/needs-hypervisor",
  "vm/no-guest-os",
  "machine/multiple-bases",
  "hypervisor/placement",
  "kernel/placement",
  "host/placement",
  "kernel/distro-family",
  "app/placement",
  "network/port-conflict",
  "arch/mismatch",
  "fargate/placement",
  "fargate/managed-layers",
  "ecs/task-placement",
  "ecs/container-outside-task",
  "k8s/pod-placement",
  "k8s/container-outside-pod",
  "k8s/control-plane-placement",
  "edge/endpoints",
  "container/moved-image",
] as const;

/** The stable id of a rule, e.g. `"container/kernel-mismatch"`. */
export type RuleId = (typeof RULE_IDS)[number];

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
}
