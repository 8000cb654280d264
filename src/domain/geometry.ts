/**
 * Document-level geometry operations used by the editor: complete missing geometry on load, grow
 * parents after an edit, arrange as a stack, and find a free slot for a new node. Each returns the
 * same document object when nothing changes, and shares every node it did not touch.
 */
import type { Point, Size, StackDocument, StackNode } from "./document.ts";
import type { DiagramIndex } from "./diagram.ts";
import type { Kind } from "./kinds/catalog.ts";
import {
  LAYOUT,
  contentInsets,
  growToFit,
  leafSize as layoutLeafSize,
  resolveGeometry,
  stackLayout,
  type GeometryPatch,
} from "./layout/index.ts";
import { settleAndFit, treeOfIndex, type PlacementBase } from "./placement.ts";
import { placesOf } from "./diagram.ts";

export function leafSize(kind: Kind, label?: string): Size {
  return layoutLeafSize(label === undefined ? { kind } : { kind, label });
}

function samePoint(a: Point | undefined, b: Point): boolean {
  return a !== undefined && a.x === b.x && a.y === b.y;
}
function sameSize(a: Size | undefined, b: Size): boolean {
  return a !== undefined && a.width === b.width && a.height === b.height;
}

/** The node with `patch` applied, or the same node when it already has that geometry. */
function patched(n: StackNode, p: GeometryPatch): StackNode {
  const position = p.position && !samePoint(n.position, p.position) ? p.position : undefined;
  const size = p.size && !sameSize(n.size, p.size) ? p.size : undefined;
  if (!position && !size) return n;
  return { ...n, ...(position ? { position } : {}), ...(size ? { size } : {}) };
}

/**
 * `doc` with `patches` applied (the same document when none changes anything). `places`: each
 * id's place in `doc.nodes`, when known, so that a few patches cost a few writes, not a pass.
 */
function applyGeometry(
  doc: StackDocument,
  patches: ReadonlyMap<string, GeometryPatch>,
  places?: ReadonlyMap<string, number>,
): StackDocument {
  if (patches.size === 0) return doc;
  if (places !== undefined) {
    let nodes: StackNode[] | undefined;
    let found = true;
    for (const [id, p] of patches) {
      const i = places.get(id);
      const n = i === undefined ? undefined : doc.nodes[i];
      if (n === undefined || n.id !== id) {
        found = false;
        break;
      }
      const next = patched(n, p);
      if (next !== n) (nodes ??= doc.nodes.slice())[i!] = next;
    }
    if (found) return nodes ? { ...doc, nodes } : doc;
  }
  let changed = false;
  const nodes = doc.nodes.map((n): StackNode => {
    const p = patches.get(n.id);
    const next = p ? patched(n, p) : n;
    if (next !== n) changed = true;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

/**
 * After an edit: settles the changed nodes among their siblings and fits their ancestors, grown
 * right and down only, shrunk when not sized by hand, with room for one more child
 * (src/domain/placement.ts). `base`: the document before the edit (which children moved or left).
 * Without `changedIds`, every parent. `index`: the document's own index when the caller has it, so
 * that only the changed nodes' ancestors are walked and only the patched nodes are written.
 */
export function fitDocument(
  doc: StackDocument,
  changedIds?: Iterable<string>,
  base?: PlacementBase,
  index?: DiagramIndex,
): StackDocument {
  const patches = settleAndFit(doc, changedIds, base, index && treeOfIndex(index));
  return applyGeometry(doc, patches, index && placesOf(index));
}

/** Grows every parent to hold its children (at every depth), as laid out: nothing else moves. */
export function growDocument(doc: StackDocument): StackDocument {
  return applyGeometry(doc, growToFit(doc));
}

/** Fills in every missing position and size, as the stack layout would. */
export function completeGeometry(doc: StackDocument): StackDocument {
  if (doc.nodes.every((n) => n.position && n.size)) return growDocument(doc);
  return applyGeometry(doc, resolveGeometry(doc));
}

/** Lays out the subtrees at `roots` (or the whole document) as the classic stack figure. */
export function arrangeDocument(doc: StackDocument, roots?: readonly string[]): StackDocument {
  return growDocument(applyGeometry(doc, stackLayout(doc, roots ? { roots } : {})));
}

/** Where a new child of `parentId` goes: right of its last child, at the top of its content area. */
export function nextChildSlot(index: DiagramIndex, parentId: string): Point {
  const parent = index.byId.get(parentId);
  if (!parent) return { x: 0, y: 0 };
  const insets = contentInsets(parent.kind);
  let right = insets.left - LAYOUT.gap;
  for (const cid of index.children.get(parentId) ?? []) {
    const c = index.byId.get(cid);
    if (c?.position && c.size) right = Math.max(right, c.position.x + c.size.width);
  }
  return { x: right + LAYOUT.gap, y: insets.top };
}

/** Where a new root goes: right of everything on the canvas. */
export function nextRootSlot(index: DiagramIndex): Point {
  let right = -LAYOUT.rootGap;
  let top = 0;
  for (const r of index.roots) {
    if (r.position && r.size) {
      if (r.position.x + r.size.width > right) top = r.position.y;
      right = Math.max(right, r.position.x + r.size.width);
    }
  }
  return { x: right + LAYOUT.rootGap, y: top };
}
