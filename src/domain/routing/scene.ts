/**
 * What the router sees of a document: every node's absolute box, the area its text is drawn in
 * (its band, title bar, or the whole box of a leaf: src/render/svg.ts and the node view draw text
 * there), the tree, and for each edge the boxes its route must avoid.
 */
import type { StackDocument, StackEdge } from "../document.ts";
import { indexDocument, type DiagramIndex } from "../diagram.ts";
import { absoluteRects, type Rect } from "../drop.ts";
import { LAYOUT } from "../layout/constants.ts";
import { drawnShape } from "../view-model.ts";
import { box, sameBox, union, type Box } from "./box.ts";

/** Width of a node's border as the renderers draw it (svg.ts `BORDER`, styles.css 1.5 px). */
const BORDER = 1.5;
/**
 * Room around the whole diagram that routes between root trees may use (as much as between two
 * root trees). Routes can run there: a drawing's bounds must include its routes.
 */
export const OUTER_MARGIN = LAYOUT.rootGap;

export interface Scene {
  readonly index: DiagramIndex;
  readonly boxes: ReadonlyMap<string, Box>;
  /** The area of each node that holds its text. */
  readonly text: ReadonlyMap<string, Box>;
  /** Every box, grown by {@link OUTER_MARGIN}: routes between root trees stay inside it. */
  readonly bounds: Box;
  /** Text areas in buckets of {@link BUCKET} px, built on first use. */
  textBuckets(): TextBuckets;
}

/**
 * The area in which a node draws its text: a node with children draws it in its strip — a band at
 * the bottom (stack kinds, `LAYOUT.bandHeight`) or a title bar at the top (frames,
 * `LAYOUT.headerHeight`), across the whole width; a leaf draws it centred in its whole box.
 */
export function textArea(kind: Parameters<typeof drawnShape>[0], hasChildren: boolean, b: Box): Box {
  if (!hasChildren) return b;
  const h = b.b - b.t;
  if (drawnShape(kind, true) === "frame") {
    const strip = Math.max(0, Math.min(LAYOUT.headerHeight, h - 2 * BORDER));
    return box(b.l, b.t, b.r, Math.min(b.b, b.t + BORDER + strip));
  }
  const strip = Math.max(0, Math.min(LAYOUT.bandHeight, h - 2 * BORDER));
  return box(b.l, Math.max(b.t, b.b - BORDER - strip), b.r, b.b);
}

/** The text area of every node of a document (absolute): what no route and no edge label may cross. */
export function textBoxes(
  doc: StackDocument,
  index: DiagramIndex = indexDocument(doc),
  rects: ReadonlyMap<string, Rect> = absoluteRects(doc, index),
): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const n of index.order) {
    const r = rects.get(n.id);
    if (r === undefined) continue;
    const kids = index.children.get(n.id);
    out.set(
      n.id,
      textArea(n.kind, kids !== undefined && kids.length > 0, box(r.x, r.y, r.x + r.width, r.y + r.height)),
    );
  }
  return out;
}

export const BUCKET = 256;

export interface TextBuckets {
  /** Whether `test` holds for a text area that may meet `b`. */
  any(b: Box, test: (t: Box) => boolean): boolean;
}

function bucketsOf(text: ReadonlyMap<string, Box>): TextBuckets {
  const cells = new Map<number, Box[]>();
  const key = (cx: number, cy: number) => cx * 1_000_003 + cy;
  for (const t of text.values()) {
    if (t.r <= t.l || t.b <= t.t) continue;
    for (let cx = Math.floor(t.l / BUCKET); cx <= Math.floor(t.r / BUCKET); cx++)
      for (let cy = Math.floor(t.t / BUCKET); cy <= Math.floor(t.b / BUCKET); cy++) {
        const k = key(cx, cy);
        let list = cells.get(k);
        if (list === undefined) cells.set(k, (list = []));
        list.push(t);
      }
  }
  return {
    any(b, test) {
      for (let cx = Math.floor(b.l / BUCKET); cx <= Math.floor(b.r / BUCKET); cx++)
        for (let cy = Math.floor(b.t / BUCKET); cy <= Math.floor(b.b / BUCKET); cy++) {
          const list = cells.get(key(cx, cy));
          if (list !== undefined) for (const t of list) if (test(t)) return true;
        }
      return false;
    },
  };
}

/**
 * The scene of a document. With `prev` (the scene of an earlier version of it), the text areas of
 * nodes whose box and whether they hold children did not change are taken from it.
 */
export function buildScene(
  doc: StackDocument,
  index: DiagramIndex = indexDocument(doc),
  rects: ReadonlyMap<string, Rect> = absoluteRects(doc, index),
  prev?: Scene,
): Scene {
  const boxes = new Map<string, Box>();
  const text = new Map<string, Box>();
  let l = Infinity;
  let t = Infinity;
  let r = -Infinity;
  let b = -Infinity;
  for (const n of index.order) {
    const x = rects.get(n.id);
    if (x === undefined) continue;
    const was = prev?.boxes.get(n.id);
    const same =
      was !== undefined &&
      was.l === x.x &&
      was.t === x.y &&
      was.r === x.x + x.width &&
      was.b === x.y + x.height;
    const bx = same ? was : box(x.x, x.y, x.x + x.width, x.y + x.height);
    boxes.set(n.id, bx);
    const kids = index.children.get(n.id);
    const hasChildren = kids !== undefined && kids.length > 0;
    const oldText = same ? prev!.text.get(n.id) : undefined;
    const oldHad = prev !== undefined && (prev.index.children.get(n.id)?.length ?? 0) > 0;
    text.set(
      n.id,
      oldText !== undefined && oldHad === hasChildren && prev!.index.byId.get(n.id)?.kind === n.kind
        ? oldText
        : textArea(n.kind, hasChildren, bx),
    );
    l = Math.min(l, bx.l);
    t = Math.min(t, bx.t);
    r = Math.max(r, bx.r);
    b = Math.max(b, bx.b);
  }
  if (l === Infinity) l = t = r = b = 0;
  let buckets: TextBuckets | undefined;
  const bounds = box(l - OUTER_MARGIN, t - OUTER_MARGIN, r + OUTER_MARGIN, b + OUTER_MARGIN);
  const pb = prev?.bounds;
  return {
    index,
    boxes,
    text,
    bounds: pb !== undefined && sameBox(pb, bounds) ? pb : bounds,
    textBuckets: () => (buckets ??= bucketsOf(text)),
  };
}

/** How one edge sits in the tree: which boxes it may enter and which it must go around. */
export interface EdgeFrame {
  source: Box;
  target: Box;
  /** The source contains the target (the route runs inside the source), and the reverse. */
  sourceInner: boolean;
  targetInner: boolean;
  /** Where the route stays: the ends' lowest common ancestor's box, or the diagram's bounds. */
  region: Box;
  /**
   * Candidate obstacles: every child of an ancestor of either end (the roots when they share
   * none) that is not itself such an ancestor, both ends when they hold no part of the route, and
   * the text areas of the ancestors. Boxes below these lie inside them.
   */
  obstacles: Box[];
  /** The ids of the ends and of their ancestors: boxes the route may cross. */
  open: ReadonlySet<string>;
  /** The boxes of the ends and of their ancestors below the common one: where the route must get out of. */
  reach: Box;
  /** The ends' lowest common ancestor (for a loop, the node's parent); undefined at the root. */
  lca: string | undefined;
  self: boolean;
}

function chain(index: DiagramIndex, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let c: string | null | undefined = id; c != null && !seen.has(c); c = index.byId.get(c)?.parentId) {
    if (!index.byId.has(c)) break;
    seen.add(c);
    out.push(c);
  }
  return out;
}

/** The frame of an edge, or null when one of its ends has no box. */
export function edgeFrame(scene: Scene, e: StackEdge): EdgeFrame | null {
  const source = scene.boxes.get(e.source);
  const target = scene.boxes.get(e.target);
  if (source === undefined || target === undefined) return null;
  const { index } = scene;
  const self = e.source === e.target;
  const cs = chain(index, e.source);
  const ct = self ? cs.slice(1) : chain(index, e.target);
  const inT = new Set(ct);
  // A loop from a node to itself runs around it, inside its parent.
  const lca = self ? ct[0] : cs.find((x) => inT.has(x));
  const open = new Set<string>([e.source, e.target]);
  // The ends, their ancestors up to the common one, and the common one.
  for (const x of cs) {
    open.add(x);
    if (x === lca) break;
  }
  for (const x of ct) {
    open.add(x);
    if (x === lca) break;
  }
  const sourceInner = !self && e.source === lca;
  const targetInner = !self && e.target === lca;
  const obstacles: Box[] = [];
  const consider = (id: string) => {
    if (open.has(id)) return;
    const bx = scene.boxes.get(id);
    if (bx !== undefined) obstacles.push(bx);
  };
  // Every open node but an end that holds no part of the route: its children are in the way,
  // and so is its text.
  for (const x of open) {
    if ((x === e.source && !sourceInner) || (x === e.target && !targetInner)) continue;
    for (const c of index.children.get(x) ?? []) consider(c);
    const tx = scene.text.get(x);
    if (tx !== undefined) obstacles.push(tx);
  }
  if (lca === undefined) for (const root of index.roots) consider(root.id);
  if (!sourceInner) obstacles.push(source);
  if (!targetInner && !self) obstacles.push(target);
  const region = lca !== undefined ? scene.boxes.get(lca)! : scene.bounds;
  let reach = union(source, target);
  for (const x of open) if (x !== lca) reach = union(reach, scene.boxes.get(x) ?? reach);
  return { source, target, sourceInner, targetInner, region, obstacles, open, reach, lca, self };
}
