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
import { settleAndFit, type PlacementBase } from "./placement.ts";

export function leafSize(kind: Kind, label?: string): Size {
  return layoutLeafSize(label === undefined ? { kind } : { kind, label });
}

function samePoint(a: Point | undefined, b: Point): boolean {
  return a !== undefined && a.x === b.x && a.y === b.y;
}
function sameSize(a: Size | undefined, b: Size): boolean {
  return a !== undefined && a.width === b.width && a.height === b.height;
}

function applyGeometry(doc: StackDocument, patches: ReadonlyMap<string, GeometryPatch>): StackDocument {
  if (patches.size === 0) return doc;
  let changed = false;
  const nodes = doc.nodes.map((n): StackNode => {
    const p = patches.get(n.id);
    if (!p) return n;
    const position = p.position && !samePoint(n.position, p.position) ? p.position : undefined;
    const size = p.size && !sameSize(n.size, p.size) ? p.size : undefined;
    if (!position && !size) return n;
    changed = true;
    return { ...n, ...(position ? { position } : {}), ...(size ? { size } : {}) };
  });
  return changed ? { ...doc, nodes } : doc;
}

/**
 * After an edit: settles the changed nodes among their siblings and fits their ancestors, grown
 * right and down only, shrunk when not sized by hand, with room for one more child
 * (src/domain/placement.ts). `base`: the document before the edit (which children moved or left).
 * Without `changedIds`, every parent.
 */
export function fitDocument(
  doc: StackDocument,
  changedIds?: Iterable<string>,
  base?: PlacementBase,
): StackDocument {
  return applyGeometry(doc, settleAndFit(doc, changedIds, base));
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
