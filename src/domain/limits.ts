/**
 * The stated limits of a Stackdraw document (docs/reliability.md, promise 9), in one place: the
 * reader refuses what crosses them, the writer's Save stays within the size, the editor refuses an
 * edit that would cross one (changing nothing), the importers and the CLI check the same numbers.
 * So the canvas never holds a document that Save, autosave or Open would refuse.
 *
 * Pure: no DOM, no I/O. The size is measured by the caller's `bytes` function (the writer's
 * compact length, src/io/write.ts `savedByteLength`), because the writer owns the file's shape.
 */
import type { StackDocument, StackNode } from "./document.ts";

export interface Limits {
  readonly bytes: number;
  readonly nodes: number;
  readonly edges: number;
  readonly depth: number;
  readonly labelLength: number;
  readonly notesLength: number;
  readonly propTextLength: number;
  readonly coordinate: number;
}

export const LIMITS = {
  /** Bytes of the file as Save writes it (UTF-8). */
  bytes: 10 * 1024 * 1024,
  nodes: 20_000,
  /**
   * Half the node limit: far more than any real diagram draws (a few hundred), and few enough to
   * route when the diagram opens (10,000 edges ≈ 2.5 s in Node; 40,000 took 21 s).
   */
  edges: 10_000,
  /** Ancestors a node may have (a root is at depth 0). */
  depth: 64,
  /** Code points of a label, an edge label, the title and a suppression reason. */
  labelLength: 1_000,
  /** Code points of a node's notes. */
  notesLength: 10_000,
  /** Code points of any other text prop (an image, a distribution, one entry of a list). */
  propTextLength: 1_000,
  /** Coordinates beyond this are refused as nonsense rather than drawn off in space. */
  coordinate: 10_000_000,
} as const;

/** The zoom range of the canvas (src/canvas/Canvas.tsx: FIT_VIEW.minZoom, MAX_ZOOM); a saved view outside it is clamped on open. */
export const ZOOM_RANGE = { min: 0.1, max: 2 } as const;

/** How far (in screen pixels at the saved zoom) a saved view may look past the diagram's edges. */
const VIEW_SLACK_PX = 2_000;

/**
 * A saved viewport made usable: the zoom brought into ZOOM_RANGE, and the point the top-left of
 * the pane shows kept within the diagram's neighbourhood (its root boxes, widened by a pane's worth
 * at that zoom on every side), so that a hand-edited `zoom: 1e-300` or `x: 1e7` opens on the
 * diagram instead of an empty canvas. A view already in range is the same object.
 */
export function clampViewport(
  viewport: { x: number; y: number; zoom: number },
  doc: Pick<StackDocument, "nodes">,
): { x: number; y: number; zoom: number } {
  const finite = Number.isFinite(viewport.zoom) && viewport.zoom > 0 ? viewport.zoom : 1;
  const zoom = Math.min(ZOOM_RANGE.max, Math.max(ZOOM_RANGE.min, finite));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of doc.nodes) {
    if (n.parentId != null || !n.position) continue;
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + (n.size?.width ?? 0));
    maxY = Math.max(maxY, n.position.y + (n.size?.height ?? 0));
  }
  if (minX === Infinity) minX = minY = maxX = maxY = 0;
  const slack = VIEW_SLACK_PX / zoom;
  // Screen = flow × zoom + (x, y): the pane's top-left shows flow point (-x / zoom, -y / zoom).
  const clamp = (v: number, lo: number, hi: number) =>
    Math.min(hi, Math.max(lo, Number.isFinite(v) ? v : lo));
  const fx = -viewport.x / viewport.zoom;
  const fy = -viewport.y / viewport.zoom;
  const ox = clamp(fx, minX - slack, maxX + slack / 2);
  const oy = clamp(fy, minY - slack, maxY + slack / 2);
  // A coordinate the clamp left alone is kept as saved: x / zoom × zoom is not always x again.
  const same = zoom === viewport.zoom;
  const x = same && ox === fx ? viewport.x : -ox * zoom;
  const y = same && oy === fy ? viewport.y : -oy * zoom;
  if (zoom === viewport.zoom && x === viewport.x && y === viewport.y) return viewport;
  return { x: x + 0, y: y + 0, zoom };
}

/** Code points of `s` (a surrogate pair counts once, a lone surrogate once). */
export function codePointLength(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The most code points a text prop may hold: notes are longer than the rest. */
export function propTextLimit(prop: string, limits: Limits = LIMITS): number {
  return prop === "notes" ? limits.notesLength : limits.propTextLength;
}

/** Which limit a document crosses, with where and by how much. */
export type LimitViolation =
  | { limit: "bytes"; value: number; max: number }
  | { limit: "nodes"; value: number; max: number }
  | { limit: "edges"; value: number; max: number }
  | { limit: "depth"; value: number; max: number; nodeId: string }
  | { limit: "label"; value: number; max: number; nodeId?: string; edgeId?: string; title?: true }
  | { limit: "text"; value: number; max: number; nodeId?: string; edgeId?: string; prop: string };

export type LimitName = LimitViolation["limit"];

export function textOver(
  props: Record<string, unknown> | undefined,
  limits: Limits = LIMITS,
): { prop: string; value: number; max: number } | undefined {
  if (props === undefined) return undefined;
  for (const k of Object.keys(props)) {
    const v = props[k];
    const max = propTextLimit(k, limits);
    if (typeof v === "string") {
      if (v.length > max) {
        const n = codePointLength(v);
        if (n > max) return { prop: k, value: n, max };
      }
    } else if (Array.isArray(v)) {
      for (const x of v)
        if (typeof x === "string" && x.length > max) {
          const n = codePointLength(x);
          if (n > max) return { prop: k, value: n, max };
        }
    }
  }
  return undefined;
}

/** The label limit crossed by `label`, if any. */
export function labelOver(label: string | undefined, max: number = LIMITS.labelLength): number | undefined {
  if (label === undefined || label.length <= max) return undefined;
  const n = codePointLength(label);
  return n > max ? n : undefined;
}

/** Per node object, its own text checked once: edits share unchanged nodes, so a check is O(changed). */
const nodeTextCache = new WeakMap<StackNode, LimitViolation | null>();

function nodeText(n: StackNode, limits: Limits): LimitViolation | null {
  const cacheable = limits === LIMITS;
  const cached = cacheable ? nodeTextCache.get(n) : undefined;
  if (cached !== undefined) return cached;
  let out: LimitViolation | null = null;
  const l = labelOver(n.label, limits.labelLength);
  if (l !== undefined) out = { limit: "label", value: l, max: limits.labelLength, nodeId: n.id };
  else {
    const t = textOver(n.props, limits);
    if (t) out = { limit: "text", ...t, nodeId: n.id };
  }
  if (cacheable) nodeTextCache.set(n, out);
  return out;
}

/**
 * The first limit `doc` crosses, or null. Counts first (O(1)), then text and depth (O(N), cached
 * per node object), then the size as Save writes it when `bytes` is given. Depth is measured over
 * parents that exist; a parent cycle is not this module's concern (the reader and edits refuse it).
 */
export function checkLimits(
  doc: StackDocument,
  bytes?: (doc: StackDocument) => number,
  limits: Limits = LIMITS,
): LimitViolation | null {
  const L = limits;
  if (doc.nodes.length > L.nodes) return { limit: "nodes", value: doc.nodes.length, max: L.nodes };
  if (doc.edges.length > L.edges) return { limit: "edges", value: doc.edges.length, max: L.edges };
  const t = labelOver(doc.title, L.labelLength);
  if (t !== undefined) return { limit: "label", value: t, max: L.labelLength, title: true };
  for (const n of doc.nodes) {
    const v = nodeText(n, L);
    if (v) return v;
  }
  for (const e of doc.edges) {
    const l = labelOver(e.label, L.labelLength);
    if (l !== undefined) return { limit: "label", value: l, max: L.labelLength, edgeId: e.id };
    const p = textOver(e.props, L);
    if (p) return { limit: "text", ...p, edgeId: e.id };
  }
  const deep = deepestNode(doc);
  if (deep && deep.depth > L.depth)
    return { limit: "depth", value: deep.depth, max: L.depth, nodeId: deep.id };
  if (bytes) {
    const b = bytes(doc);
    if (b > L.bytes) return { limit: "bytes", value: b, max: L.bytes };
  }
  return null;
}

/**
 * {@link checkLimits} (without the byte size) of `doc`, given that `prev` passed it under the same
 * limits: the same answer, checking only what differs — the node and edge objects that are not
 * `prev`'s at the same place (and not `prev`'s node of that id), the title when it changed, and
 * the depth only when a node was added, removed, reordered or given another parent. An edit of
 * one node at 20,000 costs one identity pass, not a walk of every chain.
 */
export function checkLimitsAfter(
  prev: Pick<StackDocument, "nodes" | "edges" | "title">,
  prevById: ReadonlyMap<string, StackNode>,
  doc: StackDocument,
  limits: Limits = LIMITS,
): LimitViolation | null {
  const L = limits;
  if (doc.nodes.length > L.nodes) return { limit: "nodes", value: doc.nodes.length, max: L.nodes };
  if (doc.edges.length > L.edges) return { limit: "edges", value: doc.edges.length, max: L.edges };
  if (doc.title !== prev.title) {
    const t = labelOver(doc.title, L.labelLength);
    if (t !== undefined) return { limit: "label", value: t, max: L.labelLength, title: true };
  }
  let sameTree = doc.nodes.length === prev.nodes.length;
  for (let i = 0; i < doc.nodes.length; i++) {
    const n = doc.nodes[i]!;
    const was = prev.nodes[i];
    if (was === n) continue;
    if (was === undefined || was.id !== n.id || (was.parentId ?? null) !== (n.parentId ?? null))
      sameTree = false;
    if (prevById.get(n.id) === n) continue;
    const v = nodeText(n, L);
    if (v) return v;
  }
  if (doc.edges !== prev.edges)
    for (let i = 0; i < doc.edges.length; i++) {
      const e = doc.edges[i]!;
      if (prev.edges[i] === e) continue;
      const l = labelOver(e.label, L.labelLength);
      if (l !== undefined) return { limit: "label", value: l, max: L.labelLength, edgeId: e.id };
      const p = textOver(e.props, L);
      if (p) return { limit: "text", ...p, edgeId: e.id };
    }
  if (!sameTree) {
    const deep = deepestNode(doc);
    if (deep && deep.depth > L.depth)
      return { limit: "depth", value: deep.depth, max: L.depth, nodeId: deep.id };
  }
  return null;
}

/** The node with the most ancestors and how many (iterative, memoized: linear; cycles stop). */
export function deepestNode(doc: Pick<StackDocument, "nodes">): { id: string; depth: number } | undefined {
  const byId = new Map<string, StackNode>();
  for (const n of doc.nodes) byId.set(n.id, n);
  // A node's depth once known; ON_CHAIN while the walk from the current node passes it (every
  // walk leaves real depths behind, so ON_CHAIN met again means the walk closed a cycle).
  const ON_CHAIN = -2;
  const depth = new Map<string, number>();
  let best: { id: string; depth: number } | undefined;
  const chain: string[] = [];
  for (const n of doc.nodes) {
    chain.length = 0;
    let cur: StackNode | undefined = n;
    let base = -1;
    while (cur !== undefined) {
      const known = depth.get(cur.id);
      if (known !== undefined) {
        if (known !== ON_CHAIN) base = known;
        break;
      }
      depth.set(cur.id, ON_CHAIN);
      chain.push(cur.id);
      cur = cur.parentId != null ? byId.get(cur.parentId) : undefined;
    }
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i]!, ++base);
    const d = depth.get(n.id) ?? 0;
    if (!best || d > best.depth) best = { id: n.id, depth: d };
  }
  return best;
}
