/**
 * Document edits as pure functions: each takes a document and returns a new one, sharing every
 * node and edge object it did not change. The store is a thin shell over these (and undo is just
 * keeping the previous document), and the canvas adapter relies on the shared identities to skip
 * unchanged nodes.
 */
import type { StackDocument, StackEdge, StackNode, Point, Size } from "./document.ts";
import type { EdgeKind, Kind } from "./kinds/catalog.ts";
import { ancestorsOf, indexDocument, isSelfOrAncestor, descendantsOf } from "./diagram.ts";

/** A fresh id, unique among the document's nodes and edges, built from a readable stem. */
export function freshId(doc: StackDocument, stem: string, taken?: Set<string>): string {
  const used = taken ?? usedIds(doc);
  const base =
    stem
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "node";
  for (let i = 1; ; i++) {
    const id = `${base}-${i}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

export function usedIds(doc: StackDocument): Set<string> {
  const s = new Set<string>();
  for (const n of doc.nodes) s.add(n.id);
  for (const e of doc.edges) s.add(e.id);
  return s;
}

export interface NewNode {
  kind: Kind;
  parentId?: string | null;
  label?: string;
  props?: Record<string, unknown>;
  position: Point;
  size: Size;
  id?: string;
}

export function addNode(doc: StackDocument, n: NewNode): { doc: StackDocument; id: string } {
  const id = n.id ?? freshId(doc, n.label ?? n.kind);
  const node: StackNode = {
    id,
    kind: n.kind,
    ...(n.parentId != null ? { parentId: n.parentId } : {}),
    ...(n.label !== undefined ? { label: n.label } : {}),
    ...(n.props && Object.keys(n.props).length ? { props: structuredClone(n.props) } : {}),
    position: { ...n.position },
    size: { ...n.size },
  };
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

/** Replaces nodes by id through a patch function; untouched nodes keep their identity. */
export function mapNodes(
  doc: StackDocument,
  ids: Iterable<string>,
  patch: (n: StackNode) => StackNode,
): StackDocument {
  const want = new Set(ids);
  if (want.size === 0) return doc;
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    if (!want.has(n.id)) return n;
    const next = patch(n);
    if (next !== n) changed = true;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

export interface NodePatch {
  label?: string | undefined;
  /** Keys set to `undefined` are removed. */
  props?: Record<string, unknown>;
  position?: Point;
  size?: Size;
}

export function updateNode(doc: StackDocument, id: string, patch: NodePatch): StackDocument {
  return mapNodes(doc, [id], (n) => {
    const next: StackNode = { ...n };
    if ("label" in patch) {
      if (patch.label === undefined || patch.label === "") delete next.label;
      else next.label = patch.label;
    }
    if (patch.props) {
      // Copy own keys with defineProperty semantics (spread), never Object.assign: a `__proto__`
      // key must stay a plain own property.
      const props: Record<string, unknown> = { ...(n.props ?? {}) };
      for (const [k, v] of Object.entries(patch.props)) {
        if (v === undefined) delete props[k];
        else
          Object.defineProperty(props, k, { value: v, enumerable: true, writable: true, configurable: true });
      }
      if (Object.keys(props).length) next.props = props;
      else delete next.props;
    }
    if (patch.position) next.position = patch.position;
    if (patch.size) next.size = patch.size;
    return next;
  });
}

/** Removes nodes with their whole subtrees and every edge that touches a removed node. */
export function removeNodes(doc: StackDocument, ids: Iterable<string>): StackDocument {
  const index = indexDocument(doc);
  const gone = new Set<string>();
  for (const id of ids) {
    if (!index.byId.has(id)) continue;
    gone.add(id);
    for (const d of descendantsOf(index, id)) gone.add(d);
  }
  if (gone.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !gone.has(n.id)),
    edges: doc.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  };
}

/** Why a reparent was refused. */
export type ReparentRefusal = "into-itself" | "into-descendant" | "unknown-node";

/**
 * Moves a node (with its subtree) under a new parent (or to the root), at a position relative to
 * the new parent. A node can never go into itself or its own descendants.
 */
export function reparent(
  doc: StackDocument,
  id: string,
  newParentId: string | null,
  position: Point,
): { ok: true; doc: StackDocument } | { ok: false; reason: ReparentRefusal } {
  const index = indexDocument(doc);
  if (!index.byId.has(id) || (newParentId !== null && !index.byId.has(newParentId)))
    return { ok: false, reason: "unknown-node" };
  if (newParentId === id) return { ok: false, reason: "into-itself" };
  if (newParentId !== null && isSelfOrAncestor(index, id, newParentId))
    return { ok: false, reason: "into-descendant" };
  return {
    ok: true,
    doc: mapNodes(doc, [id], (n) => {
      const next: StackNode = { ...n, position };
      if (newParentId === null) delete next.parentId;
      else next.parentId = newParentId;
      return next;
    }),
  };
}

export function addEdge(
  doc: StackDocument,
  e: { kind: EdgeKind; source: string; target: string; label?: string; id?: string },
): { doc: StackDocument; id: string } {
  const id = e.id ?? freshId(doc, `${e.kind}`);
  const edge: StackEdge = {
    id,
    kind: e.kind,
    source: e.source,
    target: e.target,
    ...(e.label ? { label: e.label } : {}),
  };
  return { doc: { ...doc, edges: [...doc.edges, edge] }, id };
}

export function updateEdge(
  doc: StackDocument,
  id: string,
  patch: { kind?: EdgeKind; label?: string },
): StackDocument {
  let changed = false;
  const edges = doc.edges.map((e) => {
    if (e.id !== id) return e;
    changed = true;
    const next: StackEdge = { ...e };
    if (patch.kind) next.kind = patch.kind;
    if ("label" in patch) {
      if (patch.label) next.label = patch.label;
      else delete next.label;
    }
    return next;
  });
  return changed ? { ...doc, edges } : doc;
}

export function removeEdges(doc: StackDocument, ids: Iterable<string>): StackDocument {
  const gone = new Set(ids);
  const edges = doc.edges.filter((e) => !gone.has(e.id));
  return edges.length === doc.edges.length ? doc : { ...doc, edges };
}

/**
 * Puts another document's nodes and edges beside this one's: ids that collide get fresh ones
 * (references follow), and the incoming roots shift right of everything already on the canvas.
 * Both documents must have complete geometry. Returns the ids the incoming nodes got.
 */
export function mergeBeside(
  doc: StackDocument,
  incoming: StackDocument,
  gap: number,
): { doc: StackDocument; ids: string[] } {
  let right = -gap;
  for (const n of doc.nodes)
    if (n.parentId == null && n.position && n.size) right = Math.max(right, n.position.x + n.size.width);
  let left = Infinity;
  for (const n of incoming.nodes) if (n.parentId == null && n.position) left = Math.min(left, n.position.x);
  const dx = doc.nodes.length && Number.isFinite(left) ? right + gap - left : 0;
  const r = insertFragment(doc, incoming, null, { offset: { x: dx, y: 0 } });
  return { doc: r.doc, ids: r.tops };
}

/**
 * The selected subtrees as a document of their own (what Copy puts on the clipboard): each
 * selected node with everything under it, the edges among them, and the tops moved to the root at
 * their absolute positions. A node under another selected node travels with it.
 */
export function extractSubtrees(doc: StackDocument, ids: Iterable<string>): StackDocument {
  const index = indexDocument(doc);
  const chosen = new Set([...ids].filter((id) => index.byId.has(id)));
  const tops = [...chosen].filter((id) => !ancestorsOf(index, id).some((a) => chosen.has(a.id)));
  const keep = new Set<string>();
  for (const t of tops) {
    keep.add(t);
    for (const d of descendantsOf(index, t)) keep.add(d);
  }
  const absolute = (id: string): Point => {
    let x = 0;
    let y = 0;
    for (let n = index.byId.get(id); n; n = n.parentId != null ? index.byId.get(n.parentId) : undefined) {
      x += n.position?.x ?? 0;
      y += n.position?.y ?? 0;
    }
    return { x, y };
  };
  const topSet = new Set(tops);
  const nodes = index.order
    .filter((n) => keep.has(n.id))
    .map((n): StackNode => {
      if (!topSet.has(n.id)) return n;
      const { parentId: _drop, ...rest } = n;
      return { ...rest, position: absolute(n.id) };
    });
  const edges = doc.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  return { format: doc.format, version: doc.version, nodes, edges };
}

/**
 * Adds a fragment's nodes and edges with fresh ids wherever an id is taken. Its top nodes go into
 * `target` at `slots` (one position per top, relative to the target), or — with no target — at
 * their own positions shifted by `offset`. Returns the new ids of the top nodes.
 */
export function insertFragment(
  doc: StackDocument,
  fragment: StackDocument,
  target: string | null,
  place: { slots?: readonly Point[]; offset?: Point },
): { doc: StackDocument; tops: string[] } {
  const taken = usedIds(doc);
  const rename = new Map<string, string>();
  for (const x of [...fragment.nodes, ...fragment.edges])
    rename.set(x.id, taken.has(x.id) ? freshId(doc, x.id, taken) : (taken.add(x.id), x.id));
  const inFragment = new Set(fragment.nodes.map((n) => n.id));
  const tops: string[] = [];
  const nodes = fragment.nodes.map((n): StackNode => {
    const id = rename.get(n.id)!;
    if (n.parentId != null && inFragment.has(n.parentId))
      return { ...n, id, parentId: rename.get(n.parentId)! };
    const slot = place.slots?.[tops.length];
    tops.push(id);
    const pos = n.position ?? { x: 0, y: 0 };
    const position = slot ?? { x: pos.x + (place.offset?.x ?? 0), y: pos.y + (place.offset?.y ?? 0) };
    const { parentId: _drop, ...rest } = n;
    return { ...rest, id, position, ...(target !== null ? { parentId: target } : {}) };
  });
  const edges = fragment.edges.map((e): StackEdge => ({
    ...e,
    id: rename.get(e.id)!,
    source: rename.get(e.source) ?? e.source,
    target: rename.get(e.target) ?? e.target,
  }));
  return { doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] }, tops };
}
