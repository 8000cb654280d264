/**
 * Full validation: one compact index pass over the tree, one pass gathering what needs the
 * whole document (bases per machine, port listeners), one pass of constant-time checks per node,
 * then the edges. Linear in the size of the document, and allocation-light: typed arrays per
 * document, one reused context object, and objects only for the problems found.
 */
import { blankContext, compactIndex, contextAt } from "../diagram.ts";
import type { StackDocument } from "../document.ts";
import { checkCloudNode } from "./cloud.ts";
import { checkEdges } from "./edges.ts";
import { collectListeners, portConflicts, type ListenerTable } from "./ports.ts";
import { checkStackNode, collectBase, type Scan } from "./stack.ts";
import type { Problem } from "./types.ts";

/**
 * Every problem of a document: the nodes' problems in document order (one node's in the order of
 * rules.md's tables), then the edges' in edge order. Never throws on a document the type allows:
 * a missing parent makes a root, absent or ill-typed props take their defaults, and nodes the
 * reader would refuse (in or under a parent cycle, repeating an id) are skipped.
 */
export function validate(doc: Pick<StackDocument, "nodes"> & { edges?: StackDocument["edges"] }): Problem[] {
  const nodes = doc.nodes;
  const ix = compactIndex(nodes);
  const n = nodes.length;
  const gather = {
    ix,
    baseCount: new Int32Array(n),
    firstBase: new Int32Array(n),
    hasKernel: new Uint8Array(n),
    moreBases: new Map<number, number[]>(),
  };
  const listeners: ListenerTable = new Map();
  for (let i = 0; i < n; i++) {
    if (ix.live[i] === 0) continue;
    const roles = ix.profile[i]!;
    if (roles.kernel !== undefined) collectBase(gather, i);
    if (roles.listens !== undefined) collectListeners(ix, i, listeners);
  }

  const scan: Scan = { ...gather, conflicts: portConflicts(ix, listeners) };
  const out: Problem[] = [];
  if (n > 0) {
    const ctx = blankContext(nodes[0]!);
    for (let i = 0; i < n; i++) {
      if (ix.live[i] === 0) continue;
      const node = nodes[i]!;
      contextAt(ix, i, ctx);
      checkStackNode(node, i, ctx, scan, out);
      checkCloudNode(node, ctx, out);
    }
  }
  if (doc.edges !== undefined) checkEdges(doc.edges, ix, out);
  return out;
}

/**
 * Problems per node id, for badges and the inspector: a problem is listed under every node it
 * names, in the order of `problems`.
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

/** How many problems are errors and how many warnings. */
export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === "error") errors++;
  return { errors, warnings: problems.length - errors };
}
