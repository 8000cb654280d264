/**
 * A drag as the canvas drives it, without the canvas: the document when the drag began (laid
 * out, as the store holds it), the dragged nodes moved by the pointer, and absolute boxes to
 * check where things end up on screen.
 */
import type { Point, StackDocument } from "../../../src/domain/document.ts";
import { indexDocument } from "../../../src/domain/diagram.ts";
import { absoluteRects, type Rect } from "../../../src/domain/drop.ts";
import { beginNodeDrag, withPositions, type DragNow, type NodeDrag } from "../../../src/domain/drag.ts";
import { completeGeometry } from "../../../src/domain/geometry.ts";
import { problemsByNode, validate } from "../../../src/domain/rules/index.ts";

/** The document with the stack layout's geometry, as the editor holds it. */
export const laidOut = (doc: StackDocument): StackDocument => completeGeometry(doc);

/** A node's box on the canvas (absolute). */
export function boxOf(doc: StackDocument, id: string): Rect {
  const r = absoluteRects(doc, indexDocument(doc)).get(id);
  if (!r) throw new Error(`no node ${id}`);
  return r;
}

export const centreOf = (doc: StackDocument, id: string): Point => {
  const r = boxOf(doc, id);
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
};

/** A drag of `dragged` in `doc`, as the canvas begins it (the store's per-node problems included). */
export function startDrag(doc: StackDocument, dragged: readonly string[]): NodeDrag {
  return beginNodeDrag(
    { doc, index: indexDocument(doc), problems: problemsByNode(validate(doc)), check: validate },
    dragged,
  );
}

/** The document mid-drag: every dragged top moved by (dx, dy) on screen, as React Flow reports it. */
export function movedBy(drag: NodeDrag, dx: number, dy: number): DragNow {
  const moves = new Map<string, Point>();
  for (const id of drag.tops) {
    const p = drag.still.index.byId.get(id)!.position ?? { x: 0, y: 0 };
    moves.set(id, { x: p.x + dx, y: p.y + dy });
  }
  const doc = withPositions(drag.still.doc, moves);
  return { doc, index: indexDocument(doc) };
}

export const parentOf = (doc: StackDocument, id: string): string | null =>
  doc.nodes.find((n) => n.id === id)?.parentId ?? null;
