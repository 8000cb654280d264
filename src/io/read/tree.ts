/**
 * Stage 8, tree: what only the whole list can show — every parentId names another node, parents
 * form no cycle, and no node is nested deeper than LIMITS.depth. Iterative and linear (each node's
 * depth is computed once), so a 10,000-deep chain is refused in milliseconds.
 */
import { LIMITS } from "../../domain/document.ts";
import type { NodeFacts } from "./nodes.ts";
import { NODE_FIELD, SECTION, type ErrorKey, type Errors, type ReadStage } from "./stage.ts";

/** How many ids of a cycle an error lists before it cuts the chain short. */
const CYCLE_SHOWN = 8;

export function checkTree(facts: NodeFacts, errors: Errors): void {
  const stage: ReadStage = "tree";
  const count = facts.idAt.length;
  const parentIdx = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    const pid = facts.parentAt[i];
    if (pid === undefined) continue;
    const key: ErrorKey = [SECTION.nodes, i, NODE_FIELD.parentId];
    const path = `nodes[${i}].parentId`;
    if (pid === facts.idAt[i]) errors.add(stage, path, "selfParent", { id: pid }, key);
    else {
      const p = facts.nodeIndex.get(pid);
      if (p === undefined) errors.add(stage, path, "missingParent", { id: pid }, key);
      else parentIdx[i] = p;
    }
  }

  // depth: -2 unknown, -1 in or below a cycle, >= 0 number of ancestors. onPath marks the walk
  // in progress by its starting index, so the marks never need clearing.
  const depth = new Int32Array(count).fill(-2);
  const onPath = new Int32Array(count).fill(-1);
  const path: number[] = [];
  for (let start = 0; start < count; start++) {
    if (depth[start] !== -2) continue;
    path.length = 0;
    let cur = start;
    while (cur !== -1 && depth[cur] === -2 && onPath[cur] !== start) {
      onPath[cur] = start;
      path.push(cur);
      cur = parentIdx[cur]!;
    }
    let base: number; // depth of the first node above the walked path
    if (cur === -1) base = -1;
    else if (depth[cur] !== -2) base = depth[cur]!;
    else {
      // `cur` is on this walk: the path from it to the end is a cycle. Every member is some
      // node's parent, so every member has a string id.
      const members = path.slice(path.indexOf(cur));
      for (let m = 0; m < members.length; m++) {
        const ids: string[] = [];
        for (let k = 0; k <= Math.min(members.length, CYCLE_SHOWN); k++)
          ids.push(facts.idAt[members[(m + k) % members.length]!]!);
        errors.add(stage, `nodes[${members[m]}].parentId`, "parentCycle", { ids, total: members.length }, [
          SECTION.nodes,
          members[m]!,
          NODE_FIELD.parentId,
        ]);
        depth[members[m]!] = -1;
      }
      path.length = path.indexOf(cur);
      for (let k = path.length - 1; k >= 0; k--) depth[path[k]!] = -1;
      continue;
    }
    for (let k = path.length - 1; k >= 0; k--) {
      const node = path[k]!;
      const d = base === -1 && cur !== -1 ? -1 : base + 1;
      depth[node] = d;
      base = d;
      // Reported once per branch, at the first node past the limit, not at all its descendants.
      if (d === LIMITS.depth + 1)
        errors.add(stage, `nodes[${node}].parentId`, "tooDeep", { depth: d, limit: LIMITS.depth }, [
          SECTION.nodes,
          node,
          NODE_FIELD.parentId,
        ]);
    }
  }
}
