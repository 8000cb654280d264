/**
 * Hand geometry for figures that compare stacks side by side: every layer on a shared baseline.
 *
 * The stack layout sizes each tree on its own, so two stacks of different depth put the same
 * layer (the kernel, the engine, the containers) at different heights. A comparison figure
 * (`ecs-docker`) needs the opposite: each layer at the same height in every column where it is
 * drawn, so the eye reads across. This module takes a document, the stack layout's own widths
 * and horizontal placement inside each column, and a table of where each node's box ends above
 * the baseline; it gives every node of the figure an explicit position and size:
 * - a node in `bottoms` ends that many px above the baseline (negative: below it, for frames);
 * - a leaf keeps its natural height; a parent reaches up to hold its children, with its insets;
 * - a node in `alignTop` is stretched up so that all of them share one top;
 * - the columns (`columns`) sit side by side under the optional `shelf` row (artifacts), inside
 *   `frame` (which gets the rest of the cloud's geometry from its insets).
 * Nodes stretched beyond what their children need are marked `manualSize`: the template's
 * author sized them, so the editor keeps them until "Fit to contents".
 */
import type { Point, Size, StackDocument, StackNode } from "../domain/document.ts";
import { LAYOUT, contentInsets, resolveGeometry } from "../domain/layout/index.ts";

export interface BandPlan {
  /**
   * The frame holding the whole figure (a cloud), which gets position 0,0 at the root; null when
   * the columns are root trees themselves.
   */
  readonly frame: string | null;
  /** The frame's children drawn side by side, left to right, on the shared baseline. */
  readonly columns: readonly string[];
  /** The frame's children drawn in one row above the columns (artifacts, services). */
  readonly shelf?: readonly string[];
  /**
   * The column the shelf stands over (it starts at that column's left and sits above that
   * column's top); by default the shelf spans the columns, above the highest of them.
   */
  readonly shelfOver?: string;
  /** How far above the baseline each listed node's box ends (px; negative below it). */
  readonly bottoms: Readonly<Record<string, number>>;
  /** Sets of nodes, each stretched up to one shared top (the columns' frames, level by level). */
  readonly alignTop?: readonly (readonly string[])[];
  /** Space between columns, and between the shelf and the columns (px). */
  readonly gap?: number;
  /** Space between the shelf and the columns, if other than `gap` (room for the edges' labels). */
  readonly shelfGap?: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The document with every node of the plan's frame placed and sized as the plan says. */
export function bandLayout(doc: StackDocument, plan: BandPlan): StackDocument {
  const natural = resolveGeometry({ nodes: doc.nodes.map(stripGeometry), edges: doc.edges });
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const kids = new Map<string, StackNode[]>();
  for (const n of doc.nodes) {
    if (n.parentId == null) continue;
    const list = kids.get(n.parentId) ?? [];
    list.push(n);
    kids.set(n.parentId, list);
  }
  const gap = plan.gap ?? (plan.frame === null ? LAYOUT.rootGap : LAYOUT.linkGap);
  const boxes = new Map<string, Box>();
  const stretched = new Set<string>();

  // Vertical: bottom-up from the table, with the baseline at y = 0 (boxes above have y < 0).
  const place = (id: string, left: number): Box => {
    const node = byId.get(id)!;
    const nat = natural.get(id)!;
    const children = kids.get(id) ?? [];
    const insets = contentInsets(node.kind);
    const childBoxes = children.map((c) => {
      const p = natural.get(c.id)!.position;
      return place(c.id, left + p.x);
    });
    const given = plan.bottoms[id];
    let bottom: number;
    let top: number;
    if (childBoxes.length === 0) {
      bottom = given === undefined ? 0 : -given;
      top = bottom - nat.size.height;
    } else {
      const need = Math.max(...childBoxes.map((b) => b.y + b.height)) + insets.bottom;
      bottom = given === undefined ? need : -given;
      if (bottom < need) throw new Error(`bandLayout: ${id} ends above its children`);
      if (bottom > need + 0.5) stretched.add(id);
      top = Math.min(...childBoxes.map((b) => b.y)) - insets.top;
    }
    const box = { x: left, y: top, width: nat.size.width, height: bottom - top };
    boxes.set(id, box);
    return box;
  };

  const frame = plan.frame === null ? undefined : byId.get(plan.frame)!;
  const inset = frame === undefined ? { left: 0, top: 0, right: 0, bottom: 0 } : contentInsets(frame.kind);
  const shelf = plan.shelf ?? [];
  let x = inset.left;
  const cols = plan.columns.map((id) => {
    const b = place(id, x);
    x += b.width + gap;
    return b;
  });
  const colsRight = x - gap;

  // One top for the aligned nodes: stretch each up (its box grows; nothing inside moves).
  for (const set of plan.alignTop ?? []) {
    const top = Math.min(...set.map((id) => boxes.get(id)!.y));
    for (const id of set) {
      const b = boxes.get(id)!;
      if (b.y > top + 0.5) stretched.add(id);
      b.height += b.y - top;
      b.y = top;
    }
  }
  // Columns' contents are only placed horizontally by the layout; line their widths up with
  // the space their children take (the natural widths already include the insets).
  const colTop = Math.min(...cols.map((b) => b.y));

  // The shelf: one row above the columns (or above one of them), bottom-aligned, left to right.
  const over = plan.shelfOver === undefined ? undefined : boxes.get(plan.shelfOver)!;
  let sx = over?.x ?? inset.left;
  let shelfH = 0;
  const shelfBoxes = shelf.map((id) => {
    const b = place(id, sx);
    sx += b.width + LAYOUT.shelfGap;
    shelfH = Math.max(shelfH, b.height);
    return b;
  });
  const shelfBottom = (over?.y ?? colTop) - (shelf.length > 0 ? (plan.shelfGap ?? gap) : 0);
  for (const b of shelfBoxes) {
    const dy = shelfBottom - (b.y + b.height);
    shift(b, dy);
  }

  // Move the whole figure so the frame's content starts at its insets; the frame at 0,0.
  const figureTop = shelf.length > 0 ? Math.min(colTop, shelfBottom - shelfH) : colTop;
  const figureBottom = Math.max(...cols.map((b) => b.y + b.height));
  const dy = inset.top - figureTop;
  for (const b of boxes.values()) b.y += dy;
  if (plan.frame !== null)
    boxes.set(plan.frame, {
      x: 0,
      y: 0,
      width: Math.max(colsRight, sx - LAYOUT.shelfGap) + inset.right,
      height: figureBottom + dy + inset.bottom,
    });

  const absolute = (id: string): Point => {
    const b = boxes.get(id)!;
    return { x: b.x, y: b.y };
  };
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const b = boxes.get(n.id);
      if (!b) return n;
      const parentAbs = n.parentId == null || n.id === plan.frame ? { x: 0, y: 0 } : absolute(n.parentId);
      const position: Point = { x: b.x - parentAbs.x, y: b.y - parentAbs.y };
      const size: Size = { width: b.width, height: b.height };
      return { ...n, position, size, ...(stretched.has(n.id) ? { manualSize: true } : {}) };
    }),
  };

  function shift(b: Box, dy: number): void {
    const moveTree = (id: string): void => {
      const bb = boxes.get(id)!;
      bb.y += dy;
      for (const c of kids.get(id) ?? []) moveTree(c.id);
    };
    // `b` is a shelf node's box: find its id by identity.
    for (const [id, box] of boxes) if (box === b) moveTree(id);
  }
}

function stripGeometry(n: StackNode): StackNode {
  const { position: _p, size: _s, manualSize: _m, ...rest } = n;
  return rest;
}
