/**
 * The document edits quick fixes are made of: set props, and insert new nodes with nodes moved
 * under them. Each returns a new document sharing every node it does not change. New nodes get
 * fresh ids and no position or size, and a moved node loses its position (it was relative to its
 * old parent): the layout places them (drawing.md; `completeGeometry`, `resolveGeometry`).
 */
import type { StackDocument, StackNode } from "../../document.ts";
import { freshId, updateNode, usedIds } from "../../edit.ts";
import type { Kind } from "../../kinds/catalog.ts";
import type { PropsOf } from "../../kinds/nodes.ts";

/** The document with props of node `id` set (`undefined` removes a prop). */
export function setProps(doc: StackDocument, id: string, props: Record<string, unknown>): StackDocument {
  return updateNode(doc, id, { props });
}

/** A node to add: its kind, props, an optional label and its parent (build one with {@link newNode}). */
export interface NewNode {
  kind: Kind;
  props?: Record<string, unknown>;
  label?: string;
  /** The parent: an existing node's id, or the `ref` of another new node; null = the root. */
  parent: string | null;
  /** How later entries and moves refer to this node before it has an id. */
  ref: string;
  /** The existing node it goes right before in the node list (its place among its siblings). */
  before?: string;
}

/** A node to add, its props type-checked against its kind's declaration. */
export function newNode<K extends Kind>(
  kind: K,
  ref: string,
  parent: string | null,
  fields: { props?: PropsOf<K>; label?: string; before?: string } = {},
): NewNode {
  return { kind, ref, parent, ...fields };
}

/**
 * The document with `added` nodes inserted and nodes moved under new parents. Each new node goes
 * into the node list right before `before` (an existing node's id; else right after its parent,
 * else at the end), so it keeps its place among its siblings. `moves` maps a node id to its new
 * parent: an existing id or a new node's `ref`.
 */
export function insertNodes(
  doc: StackDocument,
  added: readonly NewNode[],
  moves: ReadonlyMap<string, string>,
): StackDocument {
  const taken = usedIds(doc);
  const ids = new Map<string, string>();
  for (const a of added) ids.set(a.ref, freshId(doc, a.label ?? a.kind, taken));
  const resolve = (ref: string | null): string | null => (ref === null ? null : (ids.get(ref) ?? ref));
  const made = new Map<string, StackNode>();
  for (const a of added) {
    const node: StackNode = { id: ids.get(a.ref)!, kind: a.kind };
    const parent = resolve(a.parent);
    if (parent !== null) node.parentId = parent;
    if (a.label !== undefined) node.label = a.label;
    if (a.props !== undefined && Object.keys(a.props).length > 0) node.props = { ...a.props };
    made.set(a.ref, node);
  }
  const before = new Map<string, StackNode[]>();
  const after = new Map<string, StackNode[]>();
  const atEnd: StackNode[] = [];
  for (const a of added) {
    const node = made.get(a.ref)!;
    const anchor = a.before;
    if (anchor !== undefined && !ids.has(anchor)) push(before, anchor, node);
    else if (node.parentId != null && a.parent !== null && !ids.has(a.parent))
      push(after, node.parentId, node);
    else atEnd.push(node);
  }
  const nodes: StackNode[] = [];
  for (const n of doc.nodes) {
    for (const x of before.get(n.id) ?? []) nodes.push(x);
    const to = moves.get(n.id);
    if (to === undefined) nodes.push(n);
    else {
      const { position: _old, ...rest } = n;
      nodes.push({ ...rest, parentId: resolve(to)! });
    }
    for (const x of after.get(n.id) ?? []) nodes.push(x);
    before.delete(n.id);
    after.delete(n.id);
  }
  for (const list of [...before.values(), ...after.values()]) nodes.push(...list);
  nodes.push(...atEnd);
  return { ...doc, nodes };
}

function push(map: Map<string, StackNode[]>, key: string, node: StackNode): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [node]);
  else list.push(node);
}

/** The document with nodes moved under a new parent (existing ids only). */
export function moveNodes(doc: StackDocument, ids: readonly string[], parentId: string): StackDocument {
  return insertNodes(doc, [], new Map(ids.map((id) => [id, parentId])));
}
