/**
 * The stack layout (the editor's Arrange action, and the CLI's layout for documents without
 * positions): the classic layer-cake figure — each stack node's own band at the bottom of its
 * box, what runs on it side by side above, frames with their title on top.
 */
import type { Point, Size, StackDocument, StackEdge, StackNode } from "../document.ts";
import { contentInsets } from "./constants.ts";
import {
  fitNode,
  forestBox,
  kidsOf,
  layoutTree,
  linksOf,
  placeForest,
  scorePass,
  solve,
  sortedEdges,
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
   * also listed. Absent: the whole document, root trees placed in rows from (0, 0).
   */
  roots?: readonly string[];
  /**
   * `"connections"` (the default): siblings ordered by the edges between them and their
   * descendants. `"canonical"`: by id alone, as if there were no edges (to measure what the
   * ordering gains).
   */
  order?: "connections" | "canonical";
}

/** What the layout reads of a document: its nodes, and its edges when it has them. */
export type LayoutInput = Pick<StackDocument, "nodes"> & { readonly edges?: readonly StackEdge[] };

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
 * positions and sizes below the roots: children in rows ordered by their connections, each box
 * shaped towards a slide, the whole figure within a slide's shape (see {@link solve}). Returns
 * the geometry of every node laid out, parents before children; nodes caught in a parent cycle
 * are left out. The result depends on the nodes, their tree and their edges, never on the order
 * the document lists them in.
 */
export function stackLayout(doc: LayoutInput, opts: StackLayoutOptions = {}): Map<string, NodeGeometry> {
  const tree = layoutTree(doc.nodes);
  const roots = opts.roots === undefined ? tree.roots : selectRoots(tree, opts.roots);
  const order = subtreeOrder(tree, roots);
  const edges = sortedEdges(doc.edges ?? []);
  const connect = opts.order !== "canonical";
  const links = edges.length > 0 ? linksOf(tree, edges) : undefined;
  const geo = solve(links, connect, (ctx) => {
    const geo: WorkMap = new Map();
    for (const n of order) geo.set(n.id, { position: undefined, size: undefined });
    for (let i = order.length - 1; i >= 0; i--) {
      const n = order[i]!;
      fitNode(n, kidsOf(tree, n.id), geo, ctx);
    }
    let figure: Size | undefined;
    if (opts.roots === undefined) {
      placeForest(roots, geo, { x: 0, y: 0 }, ctx, tree, edges);
      figure = forestBox(roots, geo);
    } else {
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
      // Each chosen tree is judged alone: the widest of them stands for the figure.
      for (const r of roots) {
        const s = geo.get(r.id)!.size!;
        if (figure === undefined || s.width * figure.height > figure.width * s.height) figure = s;
      }
    }
    return { geo, score: scorePass(tree, order, geo, figure) };
  });
  const out = new Map<string, NodeGeometry>();
  for (const n of order) {
    const g = geo.get(n.id)!;
    out.set(n.id, { position: g.position!, size: g.size! });
  }
  return out;
}
