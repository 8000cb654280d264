/**
 * Full validation: one compact index pass over the tree, a few passes gathering what needs the
 * whole document (bases per machine, host kernels, port bindings: scan.ts), one pass of
 * constant-time checks per node,
 * then the edges, the quick fixes each problem offers and the suppressions. Linear in the size of
 * the document, and allocation-light: typed arrays per document, one reused context object, and
 * objects only for the problems found.
 */
import { blankContext } from "../diagram.ts";
import { compactIndex, contextAt, NONE } from "../compact-index.ts";
import type { StackDocument } from "../document.ts";
import type { Analysis } from "./analysis.ts";
import { checkCloudNode } from "./cloud.ts";
import { checkEdges } from "./edges.ts";
import { FIXES, RULE_FIXES, type AnyFix } from "./fixes/registry.ts";
import { offerOf } from "./fixes/titles.ts";
import { buildScan } from "./scan.ts";
import { checkStackNode } from "./stack.ts";
import { applySuppressions } from "./suppress.ts";
import type { FixOffer, Problem } from "./types.ts";

/** What `validate` reads of a document. */
export type Validatable = Pick<StackDocument, "nodes"> & { edges?: StackDocument["edges"] };

/**
 * Every problem of a document: the nodes' problems in document order (one node's in the order of
 * rules.md's tables), then the edges' in edge order, then the unused suppressions. Suppressed
 * problems are included, marked `suppressed`. Never throws on a document the type allows: a
 * missing parent makes a root, absent or ill-typed props take their defaults, and nodes the
 * reader would refuse (in or under a parent cycle, repeating an id) are skipped.
 */
export function validate(doc: Validatable): Problem[] {
  return analyse(doc).problems;
}

/** {@link validate}, with what it learnt on the way (for the quick fixes). */
export function analyse(doc: Validatable): Analysis & { problems: Problem[] } {
  const nodes = doc.nodes;
  const ix = compactIndex(nodes);
  const scan = buildScan(ix);
  const n = nodes.length;
  const out: Problem[] = [];
  if (n > 0) {
    const ctx = blankContext(nodes[0]!);
    for (let i = 0; i < n; i++) {
      if (ix.live[i] === 0) continue;
      const node = nodes[i]!;
      contextAt(ix, i, ctx);
      checkStackNode(node, i, ctx, scan, out);
      const f = ix.fargate[i]!;
      const k8s = f === NONE ? NONE : ix.k8sCluster[f]!;
      checkCloudNode(node, ctx, k8s === NONE ? undefined : nodes[k8s], out);
    }
  }
  if (doc.edges !== undefined) checkEdges(doc.edges, ix, out);
  const analysis: Analysis = { doc, ix, scan };
  for (let k = 0; k < out.length; k++) out[k] = withFixes(analysis, out[k]!);
  applySuppressions(ix, scan.withSuppress, out, (p) => withFixes(analysis, p));
  return { ...analysis, problems: out };
}

/** The problem with the fixes its rule offers that apply here (the same object when none do). */
function withFixes(a: Analysis, p: Problem): Problem {
  const candidates = RULE_FIXES[p.rule];
  if (candidates.length === 0) return p;
  let offers: FixOffer[] | undefined;
  for (const id of candidates) {
    const plan = (FIXES[id] as AnyFix).plan(a, p);
    if (plan === undefined) continue;
    (offers ??= []).push(offerOf(id, plan.variant as never));
  }
  if (offers !== undefined) p.fixes = offers;
  return p;
}

/**
 * Problems per node id, for badges and the inspector: a problem is listed under every node it
 * names, in the order of `problems` (suppressed ones too: the editor shows them muted).
 */
export function problemsByNode(problems: readonly Problem[]): Map<string, Problem[]> {
  const map = new Map<string, Problem[]>();
  for (const p of problems)
    for (const id of p.nodeIds) {
      const list = map.get(id);
      if (list === undefined) map.set(id, [p]);
      else if (list[list.length - 1] !== p) list.push(p);
    }
  return map;
}

export { countProblems } from "./problem-tally.ts";
