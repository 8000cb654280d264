/**
 * The compact index: the same contexts as `indexDocument` (./diagram.ts), as typed arrays over
 * document positions: what full validation walks on every edit. Only the rules engine reads it,
 * so it loads with the rules (on demand in the editor), not with the first paint.
 */
import type { Tracked } from "./kinds/catalog.ts";
import { profileOf, type KindProfile } from "./kinds/roles.ts";
import type { StackNode } from "./document.ts";
import {
  archOf,
  defaultArch,
  explicitManagedBy,
  providerByDefault,
  type Arch,
  type NodeContext,
} from "./diagram.ts";

/** `-1` in a position array: no such node (at the root, or no ancestor of that kind). */
export const NONE = -1;

/**
 * The tree of a document as typed arrays indexed by document position: what full validation
 * walks on every edit. It allocates a fixed number of arrays whatever the size of the document
 * (no object per node), so that validating 50,000 nodes does not churn the garbage collector.
 * Same semantics as `indexDocument`: a missing parent (or the node itself) makes a root.
 * Nodes caught in a parent cycle, or below one, and nodes repeating an earlier id are not `live`.
 */
export interface CompactIndex extends TrackedPositions {
  nodes: readonly StackNode[];
  /** The roles of each node's kind, by document position (looked up once per node). */
  profile: readonly KindProfile[];
  /** Document position of each id (the first node with that id). */
  position: ReadonlyMap<string, number>;
  /** 1 for nodes that are indexed, 0 for those left out (see above). */
  live: Uint8Array;
  parent: Int32Array;
  platform: Int32Array;
  containerLike: Int32Array;
  stackAncestor: Int32Array;
  depth: Int32Array;
  /** 0 unknown, 1 x86_64, 2 arm64. */
  hardwareArch: Uint8Array;
  /** Bit 0: managed by the provider; bit 1: set on the node itself. */
  managedBy: Uint8Array;
}

/** Per tracked name, the position of each node's nearest ancestor tracked under it. */
export type TrackedPositions = { [T in Tracked]: Int32Array };

const ARCH_CODES: readonly (Arch | undefined)[] = [undefined, "x86_64", "arm64"];
const archCode = (a: Arch | undefined): number => (a === "x86_64" ? 1 : a === "arm64" ? 2 : 0);

export function compactIndex(nodes: readonly StackNode[]): CompactIndex {
  const n = nodes.length;
  const position = new Map<string, number>();
  const live = new Uint8Array(n);
  const profile: KindProfile[] = [];
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    profile.push(profileOf(node.kind));
    const id = node.id;
    if (!position.has(id)) {
      position.set(id, i);
      live[i] = 1;
    }
  }
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const pid = nodes[i]!.parentId;
    const p = pid == null ? undefined : position.get(pid);
    parent[i] = p === undefined || p === i || live[i] === 0 ? NONE : p;
  }
  const ix: CompactIndex = {
    nodes,
    profile,
    position,
    live,
    parent,
    platform: new Int32Array(n),
    cloud: new Int32Array(n),
    ecsCluster: new Int32Array(n),
    ecsTask: new Int32Array(n),
    k8sCluster: new Int32Array(n),
    pod: new Int32Array(n),
    fargate: new Int32Array(n),
    containerLike: new Int32Array(n),
    stackAncestor: new Int32Array(n),
    depth: new Int32Array(n),
    hardwareArch: new Uint8Array(n),
    managedBy: new Uint8Array(n),
  };
  // 0 = not yet, 1 = on the current walk, 2 = done. Each node is walked once: linear overall,
  // and iterative, so a 10,000-deep chain cannot overflow the call stack.
  const state = new Uint8Array(n);
  const walk = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (state[i] !== 0 || live[i] === 0) continue;
    let top = 0;
    let cur = i;
    let cycle = false;
    while (true) {
      walk[top++] = cur;
      state[cur] = 1;
      const p = parent[cur]!;
      if (p === NONE || state[p] === 2) break;
      if (state[p] === 1 || live[p] === 0) {
        cycle = true;
        break;
      }
      cur = p;
    }
    if (cycle) {
      for (let t = 0; t < top; t++) {
        const k = walk[t]!;
        state[k] = 2;
        live[k] = 0;
      }
      continue;
    }
    for (let t = top - 1; t >= 0; t--) {
      const k = walk[t]!;
      const p = parent[k]!;
      if (p !== NONE && live[p] === 0) live[k] = 0;
      else fillCompact(ix, k, p);
      state[k] = 2;
    }
  }
  return ix;
}

function fillCompact(ix: CompactIndex, i: number, p: number): void {
  const node = ix.nodes[i]!;
  const explicit = explicitManagedBy(node);
  if (p === NONE) {
    ix.platform[i] = ix.cloud[i] = ix.ecsCluster[i] = ix.ecsTask[i] = ix.k8sCluster[i] = NONE;
    ix.pod[i] = ix.fargate[i] = ix.containerLike[i] = ix.stackAncestor[i] = NONE;
    ix.depth[i] = 0;
    ix.hardwareArch[i] = 0;
    const provider = explicit ? explicit === "provider" : providerByDefault(ix.profile[i]!, undefined);
    ix.managedBy[i] = (provider ? 1 : 0) | (explicit ? 2 : 0);
    return;
  }
  const parentNode = ix.nodes[p]!;
  const pk = ix.profile[p]!;
  const stack = pk.stack;
  const tracks = pk.tracks;
  ix.platform[i] = stack ? p : ix.platform[p]!;
  ix.stackAncestor[i] = stack ? p : ix.stackAncestor[p]!;
  ix.cloud[i] = tracks === "cloud" ? p : ix.cloud[p]!;
  ix.ecsCluster[i] = tracks === "ecsCluster" ? p : ix.ecsCluster[p]!;
  ix.ecsTask[i] = tracks === "ecsTask" ? p : ix.ecsTask[p]!;
  const k8s = tracks === "k8sCluster" ? p : ix.k8sCluster[p]!;
  ix.k8sCluster[i] = k8s;
  ix.pod[i] = tracks === "pod" ? p : ix.pod[p]!;
  ix.fargate[i] = tracks === "fargate" ? p : ix.fargate[p]!;
  ix.containerLike[i] = pk.containerLike ? p : ix.containerLike[p]!;
  ix.depth[i] = ix.depth[p]! + 1;
  let hw = ix.hardwareArch[p]!;
  if (pk.machine) hw = archCode(archOf(parentNode)) || archCode(defaultArch(pk)) || hw;
  ix.hardwareArch[i] = hw;
  let provider: boolean;
  if (explicit) provider = explicit === "provider";
  else if (providerByDefault(ix.profile[i]!, k8s === NONE ? undefined : ix.nodes[k8s])) provider = true;
  else provider = (ix.managedBy[p]! & 1) === 1;
  ix.managedBy[i] = (provider ? 1 : 0) | (explicit ? 2 : 0);
}

const at = (nodes: readonly StackNode[], k: number): StackNode | undefined =>
  k === NONE ? undefined : nodes[k];

/**
 * The context of the live node at position `i`, written into `into` (reused by hot loops, so no
 * object is allocated per node) — equal field by field to `indexDocument`'s.
 */
export function contextAt(ix: CompactIndex, i: number, into: NodeContext): NodeContext {
  const nodes = ix.nodes;
  into.node = nodes[i]!;
  into.parent = at(nodes, ix.parent[i]!);
  into.platform = at(nodes, ix.platform[i]!);
  into.depth = ix.depth[i]!;
  into.cloud = at(nodes, ix.cloud[i]!);
  into.ecsCluster = at(nodes, ix.ecsCluster[i]!);
  into.ecsTask = at(nodes, ix.ecsTask[i]!);
  into.k8sCluster = at(nodes, ix.k8sCluster[i]!);
  into.pod = at(nodes, ix.pod[i]!);
  into.fargate = at(nodes, ix.fargate[i]!);
  into.containerLike = at(nodes, ix.containerLike[i]!);
  into.stackAncestor = at(nodes, ix.stackAncestor[i]!);
  into.hardwareArch = ARCH_CODES[ix.hardwareArch[i]!];
  const m = ix.managedBy[i]!;
  into.managedBy = (m & 1) === 1 ? "provider" : "user";
  into.managedByExplicit = (m & 2) === 2;
  return into;
}
