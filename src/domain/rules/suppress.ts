/**
 * Suppressions (rules.md, "Suppressions"): a node's `suppress: { "<rule id>": "<reason>" }`. A
 * problem whose FIRST node suppresses its rule is marked `suppressed` (still reported, never
 * counted); a key that suppresses nothing is itself reported as `document/unused-suppression`.
 * The key `document/unused-suppression` suppresses that report and is never reported itself.
 */
import type { StackDocument, StackNode } from "../document.ts";
import type { CompactIndex } from "../compact-index.ts";
import { problem } from "./problem.ts";
import type { Problem, RuleId } from "./types.ts";

const UNUSED: RuleId = "document/unused-suppression";

/** A node's suppress table when it has one with at least one key. */
export function suppressTable(node: StackNode): Readonly<Record<string, string>> | undefined {
  const s = node.suppress;
  return s !== undefined && s !== null && typeof s === "object" ? s : undefined;
}

function reasonFor(node: StackNode, rule: string): string | undefined {
  const s = suppressTable(node);
  if (s === undefined || !Object.prototype.hasOwnProperty.call(s, rule)) return undefined;
  const r: unknown = s[rule];
  return typeof r === "string" ? r : undefined;
}

/**
 * Marks the suppressed problems (in place: they are fresh objects of this validation) and appends
 * one `document/unused-suppression` problem per node whose `suppress` has keys that suppressed
 * nothing, in document order. `withSuppress` lists the positions of the nodes that have one.
 */
export function applySuppressions(
  ix: CompactIndex,
  withSuppress: readonly number[],
  problems: Problem[],
  offerRemove: (p: Problem) => Problem,
): void {
  if (withSuppress.length === 0) return;
  const used = new Map<number, Set<string>>();
  const mark = (p: Problem): void => {
    const first = p.nodeIds[0];
    const i = first === undefined ? undefined : ix.position.get(first);
    if (i === undefined || ix.live[i] === 0) return;
    const node = ix.nodes[i]!;
    if (node.suppress === undefined) return;
    const reason = reasonFor(node, p.rule);
    if (reason === undefined) return;
    p.suppressed = { reason };
    let set = used.get(i);
    if (set === undefined) used.set(i, (set = new Set()));
    set.add(p.rule);
  };
  for (const p of problems) mark(p);
  for (const i of withSuppress) {
    const node = ix.nodes[i]!;
    const s = suppressTable(node);
    if (s === undefined) continue;
    const u = used.get(i);
    const unused = Object.keys(s).filter((k) => k !== UNUSED && !(u?.has(k) ?? false));
    if (unused.length === 0) continue;
    const p = offerRemove(
      problem(UNUSED, [node.id], { rules: unused.join(", "), count: unused.length, kind: node.kind }),
    );
    mark(p);
    problems.push(p);
  }
}

/** The node's unused keys named by a `document/unused-suppression` problem. */
export function unusedKeys(p: Problem): string[] {
  const rules = p.params.rules;
  return typeof rules === "string" && rules !== "" ? rules.split(", ") : [];
}

/**
 * The document with `rule` suppressed on node `nodeId` for `reason` (trimmed; replaces an earlier
 * reason). The same document, unchanged, when there is no such node or the reason is empty.
 */
export function suppress(doc: StackDocument, nodeId: string, rule: string, reason: string): StackDocument {
  const why = reason.trim();
  if (why === "" || rule === "") return doc;
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    if (n.id !== nodeId || changed) return n;
    if (reasonFor(n, rule) === why) return n;
    changed = true;
    const table: Record<string, string> = { ...(suppressTable(n) ?? {}) };
    Object.defineProperty(table, rule, { value: why, enumerable: true, writable: true, configurable: true });
    return { ...n, suppress: table };
  });
  return changed ? { ...doc, nodes } : doc;
}

/**
 * The document without the suppression of `rule` on node `nodeId` (the field goes when it was the
 * last key). The same document when there is no such node or no such key.
 */
export function unsuppress(doc: StackDocument, nodeId: string, rule: string): StackDocument {
  return unsuppressMany(doc, nodeId, [rule]);
}

/** {@link unsuppress} for several keys at once. */
export function unsuppressMany(doc: StackDocument, nodeId: string, rules: readonly string[]): StackDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    if (n.id !== nodeId || changed) return n;
    const s = suppressTable(n);
    if (s === undefined || !rules.some((r) => Object.prototype.hasOwnProperty.call(s, r))) return n;
    changed = true;
    const table: Record<string, string> = {};
    for (const k of Object.keys(s))
      if (!rules.includes(k))
        Object.defineProperty(table, k, {
          value: s[k],
          enumerable: true,
          writable: true,
          configurable: true,
        });
    const { suppress: _gone, ...rest } = n;
    return Object.keys(table).length > 0 ? { ...rest, suppress: table } : rest;
  });
  return changed ? { ...doc, nodes } : doc;
}
