/**
 * Tree queries over a (valid) document: parent, children, platform, ancestors of interest.
 * Built once in O(n) — parents first — so that every rule is a constant-time lookup per node and
 * full validation stays linear in the size of the document.
 */
import type { Tracked } from "./kinds/catalog.ts";
import type { ManagedBy, PropType } from "./kinds/nodes.ts";
import { profileOf, providerManaged, type KindProfile } from "./kinds/roles.ts";
import { ownProp, type StackDocument, type StackNode } from "./document.ts";

export type { ManagedBy };
/** A CPU architecture (the `arch` prop of machines and containers). */
export type Arch = PropType<"physical-host", "arch">;

/** The nearest ancestor tracked under each name (`roles.tracks` of its kind), if any. */
export type TrackedAncestors = { [T in Tracked]: StackNode | undefined };

/** What a node inherits from the nodes around it, computed once per node. */
export interface NodeContext extends TrackedAncestors {
  node: StackNode;
  parent: StackNode | undefined;
  /** Nearest ancestor whose kind is a stack kind (grouping kinds skipped). */
  platform: StackNode | undefined;
  depth: number;
  /** Nearest container-like ancestor (`roles.containerLike`: a kernel below one is a mistake). */
  containerLike: StackNode | undefined;
  /** Nearest ancestor of a stack kind (a physical host below one is a mistake). */
  stackAncestor: StackNode | undefined;
  /**
   * Hardware arch: the nearest machine ancestor's `arch`, where a machine without one takes its
   * kind's default (a physical host: x86_64) or, without a default (a vm), the hardware under it.
   */
  hardwareArch: Arch | undefined;
  /** `managedBy` in force at this node: its own, else its default (docs/kinds.md). */
  managedBy: ManagedBy;
  /** Whether `managedBy` was set on the node itself. */
  managedByExplicit: boolean;
}

export interface DiagramIndex {
  /** The document's nodes as indexed, in document order (what an incremental update compares with). */
  nodes: readonly StackNode[];
  byId: ReadonlyMap<string, StackNode>;
  /** Child ids in document order. */
  children: ReadonlyMap<string, readonly string[]>;
  roots: readonly StackNode[];
  /** Every node, parents before children. */
  order: readonly StackNode[];
  context: ReadonlyMap<string, NodeContext>;
}

const NO_CHILDREN: readonly string[] = [];

export function archOf(node: StackNode): Arch | undefined {
  const a = ownProp(node.props, "arch");
  return a === "x86_64" || a === "arm64" ? a : undefined;
}

/** A machine kind's default hardware arch (`KindProfile.machineArch`), as an {@link Arch}. */
export function defaultArch(kind: KindProfile): Arch | undefined {
  const a = kind.machineArch;
  return a === "x86_64" || a === "arm64" ? a : undefined;
}

export function explicitManagedBy(node: StackNode): ManagedBy | undefined {
  const m = ownProp(node.props, "managedBy");
  return m === "user" || m === "provider" ? m : undefined;
}

/**
 * Whether a node whose `managedBy` is not set is managed by the provider by default (its kind's
 * `defaultManagedBy`), given the nearest Kubernetes cluster around it; undefined = inherited.
 */
export function providerByDefault(kind: KindProfile, k8sCluster: StackNode | undefined): boolean {
  const d = kind.defaultManagedBy;
  return d === "provider" || (d === "cluster" && k8sCluster !== undefined && providerManaged(k8sCluster));
}

export function childContext(parentCtx: NodeContext | undefined, node: StackNode): NodeContext {
  // Runs once per node on every validation: plain field copies, no closures or allocations
  // besides the context itself.
  const parent = parentCtx?.node;
  const own = profileOf(node.kind);
  if (parent === undefined || parentCtx === undefined) {
    const explicit = explicitManagedBy(node);
    const root = blankContext(node);
    root.managedBy = explicit ?? (providerByDefault(own, undefined) ? "provider" : "user");
    root.managedByExplicit = explicit !== undefined;
    return root;
  }
  const pk = profileOf(parent.kind);

  let hardwareArch: Arch | undefined = parentCtx.hardwareArch;
  // A machine's arch, else its kind's default, else the hardware under it (a vm with its arch
  // set overrides the host under it; a vm is always nearer than the host under it).
  if (pk.machine) hardwareArch = archOf(parent) ?? defaultArch(pk) ?? hardwareArch;

  const tracks = pk.tracks;
  const k8sCluster = tracks === "k8sCluster" ? parent : parentCtx.k8sCluster;
  const explicit = explicitManagedBy(node);
  let managedBy: ManagedBy;
  if (explicit) managedBy = explicit;
  else if (providerByDefault(own, k8sCluster)) managedBy = "provider";
  else managedBy = parentCtx.managedBy;

  const parentIsStack = pk.stack;
  return {
    node,
    parent,
    platform: parentIsStack ? parent : parentCtx.platform,
    depth: parentCtx.depth + 1,
    cloud: tracks === "cloud" ? parent : parentCtx.cloud,
    ecsCluster: tracks === "ecsCluster" ? parent : parentCtx.ecsCluster,
    ecsTask: tracks === "ecsTask" ? parent : parentCtx.ecsTask,
    k8sCluster,
    pod: tracks === "pod" ? parent : parentCtx.pod,
    fargate: tracks === "fargate" ? parent : parentCtx.fargate,
    containerLike: pk.containerLike ? parent : parentCtx.containerLike,
    stackAncestor: parentIsStack ? parent : parentCtx.stackAncestor,
    hardwareArch,
    managedBy,
    managedByExplicit: explicit !== undefined,
  };
}

/**
 * Indexes a document. Nodes may be listed in any order. A node whose parent is missing is treated
 * as a root, and nodes caught in a parent cycle are left out of `order` (the reader refuses such
 * documents; the index just never loops).
 */
export function indexDocument(doc: Pick<StackDocument, "nodes">): DiagramIndex {
  const byId = new Map<string, StackNode>();
  for (const n of doc.nodes) byId.set(n.id, n);
  const children = new Map<string, string[]>();
  const roots: StackNode[] = [];
  for (const n of doc.nodes) {
    const pid = n.parentId;
    if (pid != null && byId.has(pid) && pid !== n.id) {
      let list = children.get(pid);
      if (!list) children.set(pid, (list = []));
      list.push(n.id);
    } else roots.push(n);
  }
  const order: StackNode[] = [];
  const context = new Map<string, NodeContext>();
  for (const r of roots) {
    context.set(r.id, childContext(undefined, r));
    order.push(r);
  }
  // Breadth-first from the roots: iterative, so a 10,000-deep chain cannot overflow the stack.
  for (let i = 0; i < order.length; i++) {
    const n = order[i]!;
    const kids = children.get(n.id);
    if (!kids) continue;
    const ctx = context.get(n.id)!;
    for (const cid of kids) {
      const c = byId.get(cid)!;
      context.set(cid, childContext(ctx, c));
      order.push(c);
    }
  }
  return { nodes: doc.nodes, byId, children, roots, order, context };
}

/**
 * A map seen through a few replaced values: `get` answers from `over`, then `base`. Keys are
 * `base`'s. Building one costs O(replaced), where copying the map would cost O(N) every frame of
 * a drag.
 */
class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  constructor(
    readonly base: ReadonlyMap<K, V>,
    readonly over: ReadonlyMap<K, V>,
  ) {}
  get size() {
    return this.base.size;
  }
  get(k: K): V | undefined {
    return this.over.get(k) ?? this.base.get(k);
  }
  has(k: K): boolean {
    return this.base.has(k);
  }
  forEach(cb: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    this.base.forEach((v, k) => cb.call(thisArg, this.over.get(k) ?? v, k, this));
  }
  *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) yield [k, this.over.get(k) ?? v];
  }
  keys(): MapIterator<K> {
    return this.base.keys();
  }
  *values(): MapIterator<V> {
    for (const [k, v] of this.base) yield this.over.get(k) ?? v;
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/**
 * `m` with `changes` laid over it, in O(changes): over the first map of an overlay (never over an
 * overlay, so edits never stack up), and folded into a plain map once the changes reach an
 * eighth of it (an overlay answers every lookup with two).
 */
function overlaid<K, V>(m: ReadonlyMap<K, V>, changes: ReadonlyMap<K, V>): ReadonlyMap<K, V> {
  if (changes.size === 0) return m;
  const root = m instanceof OverlayMap ? (m.base as ReadonlyMap<K, V>) : m;
  let over: Map<K, V>;
  if (m instanceof OverlayMap) {
    over = new Map(m.over as ReadonlyMap<K, V>);
    for (const [k, v] of changes) over.set(k, v);
  } else over = new Map(changes);
  if (over.size * 8 < root.size) return new OverlayMap(root, over);
  const flat = new Map(root);
  for (const [k, v] of over) flat.set(k, v);
  return flat;
}

/** The first map under an overlay (the map itself when it is not one). */
const rootMap = <K, V>(m: ReadonlyMap<K, V>): ReadonlyMap<K, V> =>
  m instanceof OverlayMap ? (m.base as ReadonlyMap<K, V>) : m;

/** Whether two versions of a node differ in more than where they are and how big (`position`, `size`, `manualSize`). */
export function differsBeyondGeometry(a: StackNode, b: StackNode): boolean {
  if (a === b) return false;
  for (const k in a)
    if (!GEOMETRY_KEYS.has(k) && Object.hasOwn(a, k) && a[k as keyof StackNode] !== b[k as keyof StackNode])
      return true;
  for (const k in b) if (!GEOMETRY_KEYS.has(k) && Object.hasOwn(b, k) && !Object.hasOwn(a, k)) return true;
  return false;
}
const GEOMETRY_KEYS: ReadonlySet<string> = new Set(["position", "size", "manualSize"]);

/**
 * The index of `nodes` when they differ from `prev`'s only in geometry (a drag in progress): the
 * moved node objects swapped into `byId`, `roots` and `order`; structure and contexts reused.
 * Returns `prev` when nothing changed, and null when anything else did (a node added, removed,
 * reparented or changed in kind, label or props), for the caller to index afresh. Contexts keep
 * the node objects they were built from: nothing in a context depends on geometry. Moves are laid
 * over the index's first map (not over the previous frame's), so frames never stack up.
 */
export function withMovedNodes(prev: DiagramIndex, nodes: readonly StackNode[]): DiagramIndex | null {
  const base = rootMap(prev.byId);
  if (nodes.length !== base.size) return null;
  const moved = new Map<string, StackNode>();
  let changed = false;
  for (const n of nodes) {
    const cur = prev.byId.get(n.id);
    if (cur === undefined) return null;
    if (cur !== n) {
      if ((cur.parentId ?? null) !== (n.parentId ?? null) || differsBeyondGeometry(cur, n)) return null;
      changed = true;
    }
    // Everything that is not the first map's object is laid over it (earlier frames' too).
    if (base.get(n.id) !== n) moved.set(n.id, n);
  }
  if (!changed) return prev;
  const byId = moved.size ? new OverlayMap(base, moved) : base;
  const pick = (n: StackNode) => moved.get(n.id) ?? base.get(n.id) ?? n;
  return {
    nodes,
    byId,
    children: prev.children,
    roots: prev.roots.map(pick),
    order: prev.order.map(pick),
    context: prev.context,
  };
}

/**
 * The index of `nodes` when they keep `prev`'s structure — the same ids in the same document
 * order, each under the same parent — in O(changed nodes and their subtrees) beyond one identity
 * pass: the changed objects swapped in, and the contexts of the nodes changed in more than
 * geometry rebuilt with their subtrees' (a context names its ancestors: a renamed engine is
 * its containers' platform). Contexts of nodes that only moved or resized keep the objects they
 * were built from, as {@link withMovedNodes} does. Null when the structure changed (a node added,
 * removed, reordered or reparented), for the caller to index afresh; `prev` when nothing changed.
 * Equal to `indexDocument({ nodes })` in everything but geometry held in contexts.
 */
export function withChangedNodes(prev: DiagramIndex, nodes: readonly StackNode[]): DiagramIndex | null {
  const before = prev.nodes;
  if (nodes === before) return prev;
  const n = nodes.length;
  // A repeated id (which the reader refuses) would make positions and ids disagree: index afresh.
  if (n !== before.length || prev.byId.size !== n) return null;
  const replaced = new Map<string, StackNode>();
  let content: StackNode[] | undefined;
  for (let i = 0; i < n; i++) {
    const a = before[i]!;
    const b = nodes[i]!;
    if (a === b) continue;
    if (a.id !== b.id || (a.parentId ?? null) !== (b.parentId ?? null)) return null;
    replaced.set(b.id, b);
    if (differsBeyondGeometry(a, b)) (content ??= []).push(b);
  }
  if (replaced.size === 0) return { ...prev, nodes };
  const byId = overlaid(prev.byId, replaced);
  let context = prev.context;
  if (content !== undefined) {
    const rebuilt = new Map<string, NodeContext>();
    // Ancestors first, so that a child rebuilt below a rebuilt parent reads the new context.
    const depthOf = (x: StackNode) => prev.context.get(x.id)?.depth ?? -1;
    content.sort((x, y) => depthOf(x) - depthOf(y));
    for (const top of content) {
      const old = prev.context.get(top.id);
      // Not indexed (in or under a parent cycle), or rebuilt already with an ancestor's subtree.
      if (old === undefined || rebuilt.has(top.id)) continue;
      const pid = old.parent?.id;
      const parentCtx = pid === undefined ? undefined : (rebuilt.get(pid) ?? prev.context.get(pid));
      const queue = [top];
      rebuilt.set(top.id, childContext(parentCtx, top));
      for (let q = 0; q < queue.length; q++) {
        const node = queue[q]!;
        const ctx = rebuilt.get(node.id)!;
        for (const cid of prev.children.get(node.id) ?? NO_CHILDREN) {
          const c = byId.get(cid)!;
          rebuilt.set(cid, childContext(ctx, c));
          queue.push(c);
        }
      }
    }
    context = overlaid(prev.context, rebuilt);
  }
  return {
    nodes,
    byId,
    children: prev.children,
    roots: swapped(prev.roots, prev.byId, replaced),
    order: swapped(prev.order, prev.byId, replaced),
    context,
  };
}

/**
 * `list` (of nodes of `byId`) with the nodes `replaced` names swapped for their new objects. A few
 * replaced nodes are found by identity (one comparison per entry), more through the map.
 */
function swapped(
  list: readonly StackNode[],
  byId: ReadonlyMap<string, StackNode>,
  replaced: ReadonlyMap<string, StackNode>,
): StackNode[] {
  const out = list.slice();
  if (replaced.size > 32) {
    for (let i = 0; i < out.length; i++) {
      const r = replaced.get(out[i]!.id);
      if (r !== undefined) out[i] = r;
    }
    return out;
  }
  const olds: StackNode[] = [];
  const news: StackNode[] = [];
  for (const [id, n] of replaced) {
    const o = byId.get(id);
    if (o !== undefined) {
      olds.push(o);
      news.push(n);
    }
  }
  for (let k = 0; k < olds.length; k++) {
    const i = out.indexOf(olds[k]!);
    if (i >= 0) out[i] = news[k]!;
  }
  return out;
}

/** Per child map (which an index keeps while its tree's shape stands): each id's place in the node list. */
const placesMemo = new WeakMap<object, Map<string, number>>();

/**
 * Each node id's place in `index.nodes` (the first of a repeated id), built once per tree shape:
 * an index patched by {@link withChangedNodes} shares its predecessor's. Check the answer
 * (`index.nodes[i].id === id`) where nodes may have been reordered under the same shape.
 */
export function placesOf(index: DiagramIndex): ReadonlyMap<string, number> {
  let m = placesMemo.get(index.children);
  if (m === undefined) {
    m = new Map();
    const nodes = index.nodes;
    for (let i = 0; i < nodes.length; i++) if (!m.has(nodes[i]!.id)) m.set(nodes[i]!.id, i);
    placesMemo.set(index.children, m);
  }
  return m;
}

export function childrenOf(index: DiagramIndex, id: string): readonly string[] {
  return index.children.get(id) ?? NO_CHILDREN;
}

/** Ancestors of a node, nearest first. */
export function ancestorsOf(index: DiagramIndex, id: string): StackNode[] {
  const out: StackNode[] = [];
  const seen = new Set<string>([id]);
  let cur = index.byId.get(id)?.parentId;
  while (cur != null && !seen.has(cur)) {
    const n = index.byId.get(cur);
    if (!n) break;
    out.push(n);
    seen.add(cur);
    cur = n.parentId;
  }
  return out;
}

/** Every descendant id of a node (not the node itself), parents first. */
export function descendantsOf(index: DiagramIndex, id: string): string[] {
  const out: string[] = [];
  const stack = [...childrenOf(index, id)];
  while (stack.length) {
    const c = stack.pop()!;
    out.push(c);
    for (const k of childrenOf(index, c)) stack.push(k);
  }
  return out;
}

/** True when `maybeAncestor` is `id` itself or one of its ancestors. */
export function isSelfOrAncestor(index: DiagramIndex, maybeAncestor: string, id: string): boolean {
  if (maybeAncestor === id) return true;
  return ancestorsOf(index, id).some((a) => a.id === maybeAncestor);
}

/** An empty context, to be filled again and again by contextAt (./compact-index.ts). */
export function blankContext(node: StackNode): NodeContext {
  return {
    node,
    parent: undefined,
    platform: undefined,
    depth: 0,
    cloud: undefined,
    ecsCluster: undefined,
    ecsTask: undefined,
    k8sCluster: undefined,
    pod: undefined,
    fargate: undefined,
    containerLike: undefined,
    stackAncestor: undefined,
    hardwareArch: undefined,
    managedBy: "user",
    managedByExplicit: false,
  };
}
