/**
 * Geometry for drawing a document as it is: what the SVG renderer and the editor's adapter use.
 * Documents may give positions and sizes for some nodes and not others (hand-written ones often
 * give none); whatever is missing is filled in the way the stack layout would do it, and what is
 * given is kept.
 */
import type { Point, StackNode } from "../document.ts";
import { LAYOUT } from "./constants.ts";
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
  validPoint,
  validSize,
  type LayoutContext,
  type PassScore,
  type WorkMap,
} from "./core.ts";
import type { LayoutInput, NodeGeometry } from "./stack-layout.ts";

/** A node's geometry, complete. */
export interface ResolvedGeometry extends NodeGeometry {
  /** Top-left corner in canvas coordinates (the sum of the positions up to the root). */
  absolute: Point;
}

/**
 * Completes the geometry of every node (those caught in a parent cycle are left out):
 * - a node without a size: a leaf gets its leaf size, a parent is sized to fit its children;
 * - a node without a position: placed beside its positioned siblings as the stack layout would
 *   place it (in rows ordered by the edges, the last row on the band, to the right of the
 *   positioned siblings; roots in rows after the positioned roots, artifacts on a shelf);
 * - given positions and sizes are kept, except that a parent grows to hold its children, as
 *   {@link growToFit} would make it.
 * A document without any geometry comes out exactly as {@link stackLayout} lays it out.
 * Entries come parents first.
 */
export function resolveGeometry(doc: LayoutInput): Map<string, ResolvedGeometry> {
  const tree = layoutTree(doc.nodes);
  // The edges order what has no position; a document placed whole needs neither.
  const placesAny = tree.order.some((n) => validPoint(n.position) === undefined);
  const edges = placesAny ? sortedEdges(doc.edges ?? []) : [];
  const links = edges.length > 0 ? linksOf(tree, edges) : undefined;
  const roots = tree.roots;
  let anyRootPlaced = false;
  for (const r of roots) if (validPoint(r.position) !== undefined) anyRootPlaced = true;
  const pass = (ctx: LayoutContext): { geo: WorkMap; score: PassScore } => {
    const geo: WorkMap = new Map();
    for (const n of tree.order) geo.set(n.id, { position: validPoint(n.position), size: validSize(n.size) });
    for (let i = tree.order.length - 1; i >= 0; i--) {
      const n = tree.order[i]!;
      fitNode(n, kidsOf(tree, n.id), geo, ctx);
    }
    const unplaced: StackNode[] = [];
    let right = -Infinity;
    let top = Infinity;
    for (const r of roots) {
      const g = geo.get(r.id)!;
      if (g.position === undefined) unplaced.push(r);
      else {
        right = Math.max(right, g.position.x + g.size!.width);
        top = Math.min(top, g.position.y);
      }
    }
    if (unplaced.length > 0) {
      const origin =
        unplaced.length === roots.length ? { x: 0, y: 0 } : { x: right + LAYOUT.rootGap, y: top };
      placeForest(unplaced, geo, origin, ctx, tree, edges);
    }
    return { geo, score: scorePass(tree, tree.order, geo, forestBox(roots, geo)) };
  };
  // Roots drawn where the person put them: their figure is theirs, one pass. Otherwise the
  // layout makes the whole figure, exactly as the stack layout would.
  const geo = anyRootPlaced
    ? pass({ links, rowLimit: Infinity, connect: true }).geo
    : solve(links, true, pass);

  const out = new Map<string, ResolvedGeometry>();
  for (const n of tree.order) {
    const g = geo.get(n.id)!;
    const parent = tree.parent.get(n.id);
    const base = parent === undefined ? undefined : out.get(parent.id)!.absolute;
    const p = g.position!;
    out.set(n.id, {
      position: p,
      size: g.size!,
      absolute: base === undefined ? { x: p.x, y: p.y } : { x: base.x + p.x, y: base.y + p.y },
    });
  }
  return out;
}
