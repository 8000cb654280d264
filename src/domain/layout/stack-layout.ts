/**
 * The stack layout (the editor's Arrange action, and the CLI's layout for documents without
 * positions): the classic layer-cake figure — each stack node's own band at the bottom of its
 * box, what runs on it side by side above, frames with their title on top.
 */
import type { Point, Size, StackDocument, StackNode } from "../document.ts";
import { contentInsets } from "./constants.ts";
import {
  fitNode,
  kidsOf,
  layoutTree,
  placeForest,
  subtreeOrder,
  validPoint,
  type LayoutTree,
  type WorkMap,
} from "./core.ts";

/** Where a node sits and how big it is, in document terms. */
export interface NodeGeometry {
  /** Relative to the parent's top-left corner (root nodes: canvas coordinates). */
  position: Point;
  size: Size;
}

export interface StackLayoutOptions {
  /**
   * Lay out only the subtrees at these nodes. Each keeps its own position (one without a
   * position goes to its parent's content origin, or the canvas origin for a root); everything
   * below it is laid out afresh. Unknown ids are ignored, and so is a node whose ancestor is
   * also listed. Absent: the whole document, root trees placed side by side from (0, 0).
   */
  roots?: readonly string[];
}

function selectRoots(tree: LayoutTree, ids: readonly string[]): StackNode[] {
  const reachable = new Set<string>();
  for (const n of tree.order) reachable.add(n.id);
  const wanted = new Set<string>();
  for (const id of ids) if (reachable.has(id)) wanted.add(id);
  const out: StackNode[] = [];
  for (const id of wanted) {
    let covered = false;
    // A walk up per listed root: O(depth), and the list is a user's selection, not the document.
    for (let p = tree.parent.get(id); p !== undefined; p = tree.parent.get(p.id)) {
      if (wanted.has(p.id)) {
        covered = true;
        break;
      }
    }
    if (!covered) out.push(tree.byId.get(id)!);
  }
  return out;
}

/**
 * Lays out the document (or the subtrees at `opts.roots`) as a stack figure, ignoring the
 * positions and sizes below the roots. Returns the geometry of every node laid out, parents
 * before children; nodes caught in a parent cycle are left out. Linear in the number of nodes.
 */
export function stackLayout(
  doc: Pick<StackDocument, "nodes">,
  opts: StackLayoutOptions = {},
): Map<string, NodeGeometry> {
  const tree = layoutTree(doc.nodes);
  const roots = opts.roots === undefined ? tree.roots : selectRoots(tree, opts.roots);
  const order = subtreeOrder(tree, roots);
  const geo: WorkMap = new Map();
  for (const n of order) geo.set(n.id, { position: undefined, size: undefined });
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    fitNode(n, kidsOf(tree, n.id), geo);
  }
  if (opts.roots === undefined) placeForest(roots, geo, { x: 0, y: 0 });
  else {
    for (const r of roots) {
      const kept = validPoint(r.position);
      const parent = tree.parent.get(r.id);
      let position: Point;
      if (kept !== undefined) position = { x: kept.x, y: kept.y };
      else if (parent !== undefined) {
        const ins = contentInsets(parent.kind);
        position = { x: ins.left, y: ins.top };
      } else position = { x: 0, y: 0 };
      geo.get(r.id)!.position = position;
    }
  }
  const out = new Map<string, NodeGeometry>();
  for (const n of order) {
    const g = geo.get(n.id)!;
    out.set(n.id, { position: g.position!, size: g.size! });
  }
  return out;
}
