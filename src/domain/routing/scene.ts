/**
 * What the router sees of a document: every node's absolute box, the area its text is drawn in
 * (its band, title bar, or the whole box of a leaf: src/render/svg.ts and the node view draw text
 * there), the tree, and for each edge the boxes its route must avoid.
 */
import type { StackDocument, StackEdge, StackNode } from "../document.ts";
import { KIND_DEFS } from "../kinds/catalog.ts";
import type { Lang } from "../kinds/props.ts";
import { NODE_TEXT, styledTextWidth } from "../layout/text.ts";
import { indexDocument, type DiagramIndex } from "../diagram.ts";
import { absoluteRects, type Rect } from "../drop.ts";
import { LAYOUT } from "../layout/constants.ts";
import { displayLabel, drawnShape, keyPropLines } from "../view-model.ts";
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
  /** The buckets if they were built (a later scene builds on them). */
  builtBuckets(): TextBuckets | undefined;
  /**
   * Built on an earlier scene: the nodes whose box, text area or parent differ from it, those it
   * did not have and those it had that are gone.
   */
  readonly changed?: ReadonlySet<string>;
}

/**
 * Room kept at the right end of a strip for a problem badge (svg.ts and the node view draw it
 * there: up to 32 px for a two-digit count, inside the text inset), with a margin.
 */
const BADGE_ZONE = LAYOUT.textInset + 36;
/** Margin past the estimated end of a strip's text (the estimates err wide already). */
const TEXT_MARGIN = 6;
/** Key suffix of a node's badge zone in {@link Scene.text}. */
export const BADGE_KEY = "\u0000badge";

const LANGS: readonly Lang[] = ["en", "ko"];

/**
 * How far from its box's left edge the text of a node's strip may reach, in either language: the
 * kind name, the label and the key props as the renderers lay them out (a band: the kind name
 * above the label and props; a title bar: all on one line), plus the left inset and a margin.
 */
export function stripTextReach(node: StackNode, frame: boolean): number {
  const T = NODE_TEXT;
  let w = 0;
  for (const lang of LANGS) {
    const kind = styledTextWidth(KIND_DEFS[node.kind].name[lang].toUpperCase(), {
      size: T.kindSize,
      spacing: T.kindSpacing,
      weight: 700,
    });
    let line = styledTextWidth(displayLabel(node, lang), { size: T.labelSize, weight: 600 }, 4096);
    for (const p of keyPropLines(node, lang))
      line += T.gap + styledTextWidth(p, { size: T.propSize, mono: true }, 4096);
    w = Math.max(w, frame ? kind + T.gap + line : Math.max(kind, line));
  }
  return LAYOUT.textInset + w + TEXT_MARGIN;
}

/** A node's text area and, for a strip with room to spare, the zone its problem badge takes. */
export interface TextAreas {
  text: Box;
  badge?: Box;
}

/**
 * The area in which a node draws its text: a node with children draws it in its strip — a band at
 * the bottom (stack kinds, `LAYOUT.bandHeight`) or a title bar at the top (frames,
 * `LAYOUT.headerHeight`) — from the strip's left end as far as its text reaches
 * ({@link stripTextReach}), plus the badge zone at its right end; the rest of the strip is free for
 * routes. A leaf draws its text centred in its whole box.
 */
export function textAreas(node: StackNode, hasChildren: boolean, b: Box): TextAreas {
  if (!hasChildren) return { text: b };
  const h = b.b - b.t;
  const frame = drawnShape(node.kind, true) === "frame";
  let t: number;
  let bottom: number;
  if (frame) {
    const strip = Math.max(0, Math.min(LAYOUT.headerHeight, h - 2 * BORDER));
    t = b.t;
    bottom = Math.min(b.b, b.t + BORDER + strip);
  } else {
    const strip = Math.max(0, Math.min(LAYOUT.bandHeight, h - 2 * BORDER));
    t = Math.max(b.t, b.b - BORDER - strip);
    bottom = b.b;
  }
  const reach = b.l + stripTextReach(node, frame);
  if (reach >= b.r - BADGE_ZONE) return { text: box(b.l, t, b.r, bottom) };
  return { text: box(b.l, t, reach, bottom), badge: box(b.r - BADGE_ZONE, t, b.r, bottom) };
}

/** The main text area alone ({@link textAreas}). */
export function textArea(node: StackNode, hasChildren: boolean, b: Box): Box {
  return textAreas(node, hasChildren, b).text;
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
    const a = textAreas(
      n,
      kids !== undefined && kids.length > 0,
      box(r.x, r.y, r.x + r.width, r.y + r.height),
    );
    out.set(n.id, a.text);
    if (a.badge !== undefined) out.set(n.id + BADGE_KEY, a.badge);
  }
  return out;
}

export const BUCKET = 256;

export interface TextBuckets {
  /** Whether `test` holds for a text area that may meet `b`. */
  any(b: Box, test: (t: Box) => boolean): boolean;
}

/**
 * Buckets that are `base` without the boxes `gone` and with the boxes `fresh` (tested one by one):
 * what a drag step changes in a scene's text areas, without building every bucket again.
 */
interface Layered extends TextBuckets {
  readonly base: TextBuckets;
  readonly gone: ReadonlySet<Box>;
  readonly fresh: readonly Box[];
}

/** Past this many changed text areas the buckets are built afresh. */
const MAX_LAYERED = 64;

function layered(base: TextBuckets, gone: ReadonlySet<Box>, fresh: readonly Box[]): Layered {
  return {
    base,
    gone,
    fresh,
    any(b, test) {
      for (const t of fresh) if (test(t)) return true;
      return base.any(b, (t) => !gone.has(t) && test(t));
    },
  };
}

/** `under` (the buckets of an earlier scene) with `gone` taken out and `fresh` put in, or null when too much changed. */
function layerOn(under: TextBuckets, gone: readonly Box[], fresh: readonly Box[]): TextBuckets | null {
  if (gone.length === 0 && fresh.length === 0) return under;
  const was = "base" in under ? (under as Layered) : undefined;
  const base = was?.base ?? under;
  const out = new Set(was?.gone ?? []);
  for (const g of gone) out.add(g);
  const kept = (was?.fresh ?? []).filter((t) => !out.has(t));
  const all = kept.concat(fresh);
  if (all.length + out.size > MAX_LAYERED) return null;
  return layered(base, out, all);
}

/** A text area spanning more buckets than this is kept in one list that every question reads. */
const MAX_BUCKETS_PER_BOX = 64;

function bucketsOf(text: ReadonlyMap<string, Box>): TextBuckets {
  const cells = new Map<number, Box[]>();
  // Boxes too big to bucket (a label box millions of px wide is a valid document): looked at always.
  const big: Box[] = [];
  const key = (cx: number, cy: number) => cx * 1_000_003 + cy;
  for (const t of text.values()) {
    if (t.r <= t.l || t.b <= t.t) continue;
    const x0 = Math.floor(t.l / BUCKET);
    const x1 = Math.floor(t.r / BUCKET);
    const y0 = Math.floor(t.t / BUCKET);
    const y1 = Math.floor(t.b / BUCKET);
    if (!((x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_BUCKETS_PER_BOX)) {
      big.push(t);
      continue;
    }
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const k = key(cx, cy);
        let list = cells.get(k);
        if (list === undefined) cells.set(k, (list = []));
        list.push(t);
      }
  }
  return {
    any(b, test) {
      for (const t of big) if (test(t)) return true;
      const x0 = Math.floor(b.l / BUCKET);
      const x1 = Math.floor(b.r / BUCKET);
      const y0 = Math.floor(b.t / BUCKET);
      const y1 = Math.floor(b.b / BUCKET);
      // A question about a huge box reads every bucket's list instead of every cell it covers.
      if (!((x1 - x0 + 1) * (y1 - y0 + 1) <= cells.size)) {
        for (const list of cells.values()) for (const t of list) if (test(t)) return true;
        return false;
      }
      for (let cx = x0; cx <= x1; cx++)
        for (let cy = y0; cy <= y1; cy++) {
          const list = cells.get(key(cx, cy));
          if (list !== undefined) for (const t of list) if (test(t)) return true;
        }
      return false;
    },
  };
}

/**
 * The scene of a document. With `prev` (the scene of an earlier version of it), the boxes and
 * text areas of nodes whose box and whether they hold children did not change are taken from it
 * (the same objects), and {@link Scene.changed} says which did change. Without `rects`, the boxes
 * are the document's positions and sizes made absolute, as `absoluteRects` gives them.
 */
export function buildScene(
  doc: StackDocument,
  index: DiagramIndex = indexDocument(doc),
  rects?: ReadonlyMap<string, Rect>,
  prev?: Scene,
  onlyMoved?: Iterable<string>,
): Scene {
  if (
    prev !== undefined &&
    onlyMoved !== undefined &&
    rects === undefined &&
    index.children === prev.index.children
  )
    return movedScene(index, prev, onlyMoved);
  const boxes = new Map<string, Box>();
  const changed = prev !== undefined ? new Set<string>() : undefined;
  const text = new Map<string, Box>();
  // Text areas of `prev` no longer in this scene, and this scene's that `prev` did not have.
  const gone: Box[] = [];
  const fresh: Box[] = [];
  let kept = 0;
  let l = Infinity;
  let t = Infinity;
  let r = -Infinity;
  let b = -Infinity;
  for (const n of index.order) {
    let x0: number;
    let y0: number;
    let w: number;
    let h: number;
    if (rects !== undefined) {
      const x = rects.get(n.id);
      if (x === undefined) continue;
      x0 = x.x;
      y0 = x.y;
      w = x.width;
      h = x.height;
    } else {
      // As absoluteRects: relative to the parent's box (parents come first), else to the origin.
      const pb = n.parentId != null ? boxes.get(n.parentId) : undefined;
      x0 = (pb?.l ?? 0) + (n.position?.x ?? 0);
      y0 = (pb?.t ?? 0) + (n.position?.y ?? 0);
      w = n.size?.width ?? 0;
      h = n.size?.height ?? 0;
    }
    const was = prev?.boxes.get(n.id);
    const same = was !== undefined && was.l === x0 && was.t === y0 && was.r === x0 + w && was.b === y0 + h;
    const bx = same ? was : box(x0, y0, x0 + w, y0 + h);
    boxes.set(n.id, bx);
    const kids = index.children.get(n.id);
    const hasChildren = kids !== undefined && kids.length > 0;
    const old = prev?.index.byId.get(n.id);
    const oldText = same ? prev!.text.get(n.id) : undefined;
    const oldHad = prev !== undefined && (prev.index.children.get(n.id)?.length ?? 0) > 0;
    const sameText =
      oldText !== undefined &&
      oldHad === hasChildren &&
      old !== undefined &&
      (old === n || (old.kind === n.kind && old.label === n.label && old.props === n.props));
    const bk = n.id + BADGE_KEY;
    const areas: TextAreas = sameText
      ? { text: oldText, badge: prev!.text.get(bk) }
      : textAreas(n, hasChildren, bx);
    const tx = areas.text;
    text.set(n.id, tx);
    if (areas.badge !== undefined) text.set(bk, areas.badge);
    if (prev !== undefined) {
      const before = prev.text.get(n.id);
      if (before !== undefined) kept++;
      if (before !== tx) {
        if (before !== undefined) gone.push(before);
        fresh.push(tx);
      }
      const badgeBefore = prev.text.get(bk);
      if (badgeBefore !== undefined) kept++;
      if (badgeBefore !== areas.badge) {
        if (badgeBefore !== undefined) gone.push(badgeBefore);
        if (areas.badge !== undefined) fresh.push(areas.badge);
      }
      if (
        !same ||
        before !== tx ||
        badgeBefore !== areas.badge ||
        old === undefined ||
        (old.parentId ?? null) !== (n.parentId ?? null)
      )
        changed!.add(n.id);
    }
    l = Math.min(l, bx.l);
    t = Math.min(t, bx.t);
    r = Math.max(r, bx.r);
    b = Math.max(b, bx.b);
  }
  if (l === Infinity) l = t = r = b = 0;
  if (prev !== undefined && kept < prev.text.size)
    for (const [id, tx] of prev.text) if (!text.has(id)) gone.push(tx);
  if (prev !== undefined && boxes.size - countNew(changed!, prev) < prev.boxes.size)
    for (const id of prev.boxes.keys()) if (!boxes.has(id)) changed!.add(id);
  // A drag step changes a few text areas: the earlier scene's buckets, if built, with those swapped.
  const under = prev?.builtBuckets();
  let buckets: TextBuckets | undefined =
    under !== undefined ? (layerOn(under, gone, fresh) ?? undefined) : undefined;
  const bounds = box(l - OUTER_MARGIN, t - OUTER_MARGIN, r + OUTER_MARGIN, b + OUTER_MARGIN);
  const pb = prev?.bounds;
  return {
    index,
    boxes,
    text,
    bounds: pb !== undefined && sameBox(pb, bounds) ? pb : bounds,
    textBuckets: () => (buckets ??= bucketsOf(text)),
    builtBuckets: () => buckets,
    ...(changed !== undefined ? { changed } : {}),
  };
}

/**
 * {@link buildScene} for a drag step: the tree is `prev`'s (the same `children`), and only the
 * nodes `moved` — with everything inside them — may have moved: the same scene as a full build,
 * with O(moved) lookups (and a copy of two maps, and a pass over the boxes for the bounds).
 */
function movedScene(index: DiagramIndex, prev: Scene, moved: Iterable<string>): Scene {
  const boxes = new Map(prev.boxes);
  const text = new Map(prev.text);
  const changed = new Set<string>();
  const gone: Box[] = [];
  const fresh: Box[] = [];
  const place = (id: string): void => {
    const n = index.byId.get(id);
    const was = prev.boxes.get(id);
    if (n === undefined || was === undefined) return;
    const pb = n.parentId != null ? boxes.get(n.parentId) : undefined;
    const x0 = (pb?.l ?? 0) + (n.position?.x ?? 0);
    const y0 = (pb?.t ?? 0) + (n.position?.y ?? 0);
    const x1 = x0 + (n.size?.width ?? 0);
    const y1 = y0 + (n.size?.height ?? 0);
    if (was.l === x0 && was.t === y0 && was.r === x1 && was.b === y1) return;
    const bx = box(x0, y0, x1, y1);
    boxes.set(id, bx);
    const kids = index.children.get(id);
    const areas = textAreas(n, kids !== undefined && kids.length > 0, bx);
    const before = prev.text.get(id);
    text.set(id, areas.text);
    if (before !== undefined) gone.push(before);
    fresh.push(areas.text);
    const bk = id + BADGE_KEY;
    const badgeBefore = prev.text.get(bk);
    if (badgeBefore !== undefined) gone.push(badgeBefore);
    if (areas.badge !== undefined) {
      text.set(bk, areas.badge);
      fresh.push(areas.badge);
    } else text.delete(bk);
    changed.add(id);
    for (const c of kids ?? []) place(c);
  };
  for (const id of moved) place(id);
  let l = Infinity;
  let t = Infinity;
  let r = -Infinity;
  let b = -Infinity;
  if (changed.size > 0)
    for (const bx of boxes.values()) {
      if (bx.l < l) l = bx.l;
      if (bx.t < t) t = bx.t;
      if (bx.r > r) r = bx.r;
      if (bx.b > b) b = bx.b;
    }
  const grown =
    l === Infinity
      ? prev.bounds
      : box(l - OUTER_MARGIN, t - OUTER_MARGIN, r + OUTER_MARGIN, b + OUTER_MARGIN);
  const bounds = sameBox(grown, prev.bounds) ? prev.bounds : grown;
  const under = prev.builtBuckets();
  let buckets: TextBuckets | undefined =
    under !== undefined ? (layerOn(under, gone, fresh) ?? undefined) : undefined;
  return {
    index,
    boxes,
    text,
    bounds,
    textBuckets: () => (buckets ??= bucketsOf(text)),
    builtBuckets: () => buckets,
    changed,
  };
}

/** How many of `ids` the earlier scene had no box for. */
function countNew(ids: ReadonlySet<string>, prev: Scene): number {
  let k = 0;
  for (const id of ids) if (!prev.boxes.has(id)) k++;
  return k;
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
    const badge = scene.text.get(x + BADGE_KEY);
    if (badge !== undefined) obstacles.push(badge);
  }
  if (lca === undefined) for (const root of index.roots) consider(root.id);
  if (!sourceInner) obstacles.push(source);
  if (!targetInner && !self) obstacles.push(target);
  const region = lca !== undefined ? scene.boxes.get(lca)! : scene.bounds;
  let reach = union(source, target);
  for (const x of open) if (x !== lca) reach = union(reach, scene.boxes.get(x) ?? reach);
  return { source, target, sourceInner, targetInner, region, obstacles, open, reach, lca, self };
}
