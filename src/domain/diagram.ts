/**
 * Tree queries over a (valid) document: parent, children, platform, ancestors of interest.
 * Built once in O(n) — parents first — so that every rule is a constant-time lookup per node and
 * full validation stays linear in the size of the document.
 */
import { isStackKind, type Kind } from "./kinds/catalog.ts";
import { ownProp, type StackDocument, type StackNode } from "./document.ts";

export type ManagedBy = "user" | "provider";
export type Arch = "x86_64" | "arm64";

/** What a node inherits from the nodes around it, computed once per node. */
export interface NodeContext {
  node: StackNode;
  parent: StackNode | undefined;
  /** Nearest ancestor whose kind is a stack kind (grouping kinds skipped). */
  platform: StackNode | undefined;
  depth: number;
  /** Nearest ancestor of these kinds, if any. */
  cloud: StackNode | undefined;
  ecsCluster: StackNode | undefined;
  ecsTask: StackNode | undefined;
  k8sCluster: StackNode | undefined;
  pod: StackNode | undefined;
  fargate: StackNode | undefined;
  /** Nearest `container`, `ecs-task` or `pod` ancestor (a kernel below one is a mistake). */
  containerLike: StackNode | undefined;
  /** Nearest ancestor of a stack kind (a physical host below one is a mistake). */
  stackAncestor: StackNode | undefined;
  /** Hardware arch: the nearest vm ancestor with `arch` set, else the nearest physical host's. */
  hardwareArch: Arch | undefined;
  /** `managedBy` in force at this node: its own, else its default (../shared/spec/kinds.md). */
  managedBy: ManagedBy;
  /** Whether `managedBy` was set on the node itself. */
  managedByExplicit: boolean;
}

export interface DiagramIndex {
  byId: ReadonlyMap<string, StackNode>;
  /** Child ids in document order. */
  children: ReadonlyMap<string, readonly string[]>;
  roots: readonly StackNode[];
  /** Every node, parents before children. */
  order: readonly StackNode[];
  context: ReadonlyMap<string, NodeContext>;
}

const NO_CHILDREN: readonly string[] = [];

function archOf(node: StackNode): Arch | undefined {
  const a = ownProp(node.props, "arch");
  return a === "x86_64" || a === "arm64" ? a : undefined;
}

function explicitManagedBy(node: StackNode): ManagedBy | undefined {
  const m = ownProp(node.props, "managedBy");
  return m === "user" || m === "provider" ? m : undefined;
}

export function childContext(parentCtx: NodeContext | undefined, node: StackNode): NodeContext {
  const parent = parentCtx?.node;
  const pk: Kind | undefined = parent?.kind;
  const inherit = <K extends keyof NodeContext>(key: K, kind: Kind): StackNode | undefined =>
    pk === kind ? parent : (parentCtx?.[key] as StackNode | undefined);

  let hardwareArch: Arch | undefined = parentCtx?.hardwareArch;
  // A vm with its arch set overrides the hardware below it; a physical host sets it unless a vm
  // (with arch) is nearer — and a vm is always nearer than the host under it.
  if (parent) {
    if (parent.kind === "vm") hardwareArch = archOf(parent) ?? hardwareArch;
    else if (parent.kind === "physical-host") hardwareArch = archOf(parent) ?? "x86_64";
  }

  const k8sCluster = inherit("k8sCluster", "k8s-cluster");
  const explicit = explicitManagedBy(node);
  let managedBy: ManagedBy;
  if (explicit) managedBy = explicit;
  else if (node.kind === "fargate") managedBy = "provider";
  else if (node.kind === "control-plane" && k8sCluster && ownProp(k8sCluster.props, "managed") === "eks") managedBy = "provider";
  else managedBy = parentCtx?.managedBy ?? "user";

  return {
    node,
    parent,
    platform: parent === undefined ? undefined : isStackKind(parent.kind) ? parent : parentCtx?.platform,
    depth: parentCtx ? parentCtx.depth + 1 : 0,
    cloud: inherit("cloud", "cloud"),
    ecsCluster: inherit("ecsCluster", "ecs-cluster"),
    ecsTask: inherit("ecsTask", "ecs-task"),
    k8sCluster,
    pod: inherit("pod", "pod"),
    fargate: inherit("fargate", "fargate"),
    containerLike:
      pk === "container" || pk === "ecs-task" || pk === "pod" ? parent : parentCtx?.containerLike,
    stackAncestor: parent && isStackKind(parent.kind) ? parent : parentCtx?.stackAncestor,
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
  return { byId, children, roots, order, context };
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
