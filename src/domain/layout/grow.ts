/**
 * Growing parents to fit their children, at every depth. The editor calls this after a drag or a
 * resize: React Flow's `expandParent` only looks one level up and is unreliable beyond two, so
 * the cascade is done here, in the domain, where the CLI and the tests see the same result.
 */
import type { Point, Size, StackDocument } from "../document.ts";
import { fitNode, kidsOf, layoutTree, validPoint, validSize, type WorkMap } from "./core.ts";

/** What growToFit changed on one node: only the fields that changed are present. */
export interface GeometryPatch {
  /** New position, relative to the parent (set when a parent grew left or up, or its children moved to stay inside it, or the node had none). */
  position?: Point;
  /** New size (set when a parent grew, or had none). */
  size?: Size;
}

/**
 * Makes every parent big enough to hold its children inside its content area
 * ({@link contentInsets}), cascading up to the roots. Parents only grow; a parent without a size
 * is sized to fit exactly. A child left of or above its parent's content area makes the parent
 * grow that way: the parent moves left/up and its children move right/down by the same amount,
 * so no child moves on the canvas. A child without a position is placed in a row beside its
 * placed siblings, as the stack layout would.
 *
 * `changedIds` (the nodes just moved or resized) limits the work to those nodes and their
 * ancestors — plus any parent that lacks a size or has a child without a position. Without it,
 * every parent is checked.
 *
 * Returns a patch per node whose position or size changed, and nothing for the others, so the
 * editor can keep the identity of untouched node objects.
 */
export function growToFit(
  doc: Pick<StackDocument, "nodes">,
  changedIds?: Iterable<string>,
): Map<string, GeometryPatch> {
  const tree = layoutTree(doc.nodes);
  const geo: WorkMap = new Map();
  for (const n of tree.order) geo.set(n.id, { position: validPoint(n.position), size: validSize(n.size) });

  let todo: Set<string> | undefined;
  if (changedIds !== undefined) {
    todo = new Set();
    const seeds: string[] = [];
    for (const id of changedIds) if (geo.has(id)) seeds.push(id);
    for (const n of tree.order) {
      const g = geo.get(n.id)!;
      if (g.size === undefined && kidsOf(tree, n.id).length > 0) seeds.push(n.id);
      if (g.position === undefined && tree.parent.has(n.id)) seeds.push(n.id);
    }
    for (const id of seeds) {
      // Stop at the first ancestor already collected: its own chain is in the set.
      for (let n = tree.byId.get(id); n !== undefined && !todo.has(n.id); n = tree.parent.get(n.id))
        todo.add(n.id);
    }
  }

  const touched: string[] = [];
  for (let i = tree.order.length - 1; i >= 0; i--) {
    const n = tree.order[i]!;
    const kids = kidsOf(tree, n.id);
    if (kids.length === 0 || (todo !== undefined && !todo.has(n.id))) continue;
    fitNode(n, kids, geo);
    touched.push(n.id);
    for (const k of kids) touched.push(k.id);
  }

  const out = new Map<string, GeometryPatch>();
  for (const id of touched) {
    if (out.has(id)) continue;
    const n = tree.byId.get(id)!;
    const g = geo.get(id)!;
    const patch: GeometryPatch = {};
    const p0 = validPoint(n.position);
    const s0 = validSize(n.size);
    // By value: a node shifted at one depth can be shifted back by its parent's fit.
    if (g.position !== undefined && (p0 === undefined || g.position.x !== p0.x || g.position.y !== p0.y))
      patch.position = g.position;
    // A leaf without a size keeps none: its size is intrinsic, nothing was decided for it.
    if (
      g.size !== undefined &&
      (s0 === undefined || g.size.width !== s0.width || g.size.height !== s0.height)
    )
      patch.size = g.size;
    if (patch.position !== undefined || patch.size !== undefined) out.set(id, patch);
  }
  return out;
}
