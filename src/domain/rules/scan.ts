/**
 * The first passes of a validation: what the per-node checks need from the whole document,
 * gathered in a few linear passes over typed arrays — the bases of every machine, the engines and
 * server software standing right on a machine, the host kernel of every engine and container,
 * and the port bindings with their conflicts. The quick fixes plan from the same scan; what only
 * they need (children lists, per-kernel dependants) is computed on first use.
 */
import { NONE, type CompactIndex } from "../compact-index.ts";
import { kernelRole } from "../kinds/roles.ts";
import { BindingTable, collectBindings, portConflicts, type Conflict, type PortWorld } from "./ports.ts";
import type { Problem } from "./types.ts";

export interface Scan extends PortWorld {
  ix: CompactIndex;
  /** Per machine: how many bases (OS kernels and type-1 hypervisors) have it as their platform. */
  baseCount: Int32Array;
  /** Per machine: the first of them (document order); the rest for the rare machine with more. */
  firstBase: Int32Array;
  moreBases: Map<number, number[]>;
  /** Per machine: how many of its bases are OS kernels, and the first. */
  kernelCount: Int32Array;
  firstKernel: Int32Array;
  /** Per machine: how many engines and server software have it as their platform… */
  onMachine: Int32Array;
  /** …and how many of those sit in a frame inside it rather than right on it. */
  onMachineInFrame: Int32Array;
  /**
   * Per engine and container: the host kernel (an engine's is the kernel under it, or its
   * container's host kernel in Docker-in-Docker; a container's is its engine's), or the machine
   * when the engine stands on one whose OS is not drawn (the kernel is implied); NONE otherwise.
   */
  host: Int32Array;
  /** Every port binding, by namespace and port. */
  bindings: BindingTable;
  /** Port-conflict problems, keyed by the position of the listener they are reported with. */
  conflicts: Map<number, Problem[]>;
  /** What each port-conflict problem was found from (for `next-free-port`). */
  conflictInfo: Map<Problem, Conflict>;
  /** Positions of the nodes that carry a `suppress`. */
  withSuppress: number[];
  /** Children lists, built on first use (only quick-fix plans walk subtrees). */
  children?: { start: Int32Array; list: Int32Array };
}

const UNRESOLVED = -2;
/** Stands in until the bindings are collected (the third pass). */
const EMPTY_BINDINGS = new BindingTable();

/** The first passes over a document's compact index. */
export function buildScan(ix: CompactIndex): Scan {
  const n = ix.nodes.length;
  const scan: Scan = {
    ix,
    baseCount: new Int32Array(n),
    firstBase: new Int32Array(n),
    moreBases: new Map(),
    kernelCount: new Int32Array(n),
    firstKernel: new Int32Array(n),
    onMachine: new Int32Array(n),
    onMachineInFrame: new Int32Array(n),
    host: new Int32Array(n).fill(UNRESOLVED),
    bindings: EMPTY_BINDINGS,
    conflicts: new Map(),
    conflictInfo: new Map(),
    withSuppress: [],
  };
  const { nodes, profile, platform, parent, live } = ix;
  for (let i = 0; i < n; i++) {
    if (live[i] === 0) continue;
    const roles = profile[i]!;
    if (roles.kernel !== undefined) collectBase(scan, i);
    else if (roles.runsContainers === "on-kernel" || roles.listens === "platform") {
      const m = platform[i]!;
      if (m !== NONE && profile[m]!.machine) {
        scan.onMachine[m]!++;
        if (parent[i] !== m) scan.onMachineInFrame[m]!++;
      }
    }
    if (nodes[i]!.suppress !== undefined) scan.withSuppress.push(i);
  }
  for (let i = 0; i < n; i++) {
    if (live[i] === 0) continue;
    const roles = profile[i]!;
    if (roles.sharesHostKernel || roles.runsContainers === "on-kernel") resolveHost(scan, i);
  }
  scan.bindings = collectBindings(scan);
  scan.conflicts = portConflicts(ix, scan.bindings, scan.conflictInfo);
  return scan;
}

/** Records node `i` as a base of its machine when it is a kernel the machine boots (`kernelRole`). */
function collectBase(scan: Scan, i: number): void {
  const { ix } = scan;
  const role = kernelRole(ix.nodes[i]!);
  if (role === undefined) return;
  const m = ix.platform[i]!;
  if (m === NONE || !ix.profile[m]!.machine) return;
  const count = scan.baseCount[m]!;
  if (count === 0) scan.firstBase[m] = i;
  else {
    const more = scan.moreBases.get(m);
    if (more === undefined) scan.moreBases.set(m, [i]);
    else more.push(i);
  }
  scan.baseCount[m] = count + 1;
  if (role === "os") {
    if (scan.kernelCount[m] === 0) scan.firstKernel[m] = i;
    scan.kernelCount[m]!++;
  }
}

/**
 * The host of the engine or container at `i` (see {@link Scan.host}), resolved once: the chain
 * container → engine → container… is walked up to the first node already resolved or to the
 * engine's platform, iteratively (a deep chain cannot overflow the stack).
 */
export function resolveHost(scan: Scan, i: number): number {
  const { ix, host } = scan;
  const done = host[i]!;
  if (done !== UNRESOLVED) return done;
  const chain: number[] = [];
  let cur = i;
  let result: number = NONE;
  for (;;) {
    const known = host[cur]!;
    if (known !== UNRESOLVED) {
      result = known;
      break;
    }
    chain.push(cur);
    const roles = ix.profile[cur]!;
    const p = ix.platform[cur]!;
    if (p === NONE) break;
    const on = ix.profile[p]!;
    if (roles.runsContainers === "on-kernel") {
      // An engine: on a kernel, in a container (Docker-in-Docker), or on a machine without a base.
      if (on.kernel?.type === "os") result = p;
      else if (on.sharesHostKernel) {
        cur = p;
        continue;
      } else if (on.machine && scan.baseCount[p] === 0) result = p;
      break;
    }
    if (roles.sharesHostKernel && on.runsContainers === "on-kernel") {
      cur = p;
      continue;
    }
    break;
  }
  for (const k of chain) host[k] = result;
  return result;
}

/** Whether the host at position `h` is a drawn kernel (not an implied one, not none). */
export const isKernelHost = (scan: Scan, h: number): boolean =>
  h !== NONE && scan.ix.profile[h]!.kernel?.type === "os";

/** The children of each node, as one flat list (built on first use, linear). */
export function childrenOf(scan: Scan, i: number): Int32Array {
  let c = scan.children;
  if (c === undefined) {
    const { parent, live } = scan.ix;
    const n = parent.length;
    const start = new Int32Array(n + 1);
    for (let k = 0; k < n; k++) if (live[k] === 1 && parent[k] !== NONE) start[parent[k]! + 1]!++;
    for (let k = 0; k < n; k++) start[k + 1]! += start[k]!;
    const fill = start.slice(0, n);
    const list = new Int32Array(start[n]!);
    for (let k = 0; k < n; k++) if (live[k] === 1 && parent[k] !== NONE) list[fill[parent[k]!]!++] = k;
    scan.children = c = { start, list };
  }
  return c.list.subarray(c.start[i]!, c.start[i + 1]!);
}

/** Every live descendant of `i`, parents first (not `i` itself). */
export function descendants(scan: Scan, i: number): number[] {
  const out: number[] = [];
  for (const k of childrenOf(scan, i)) out.push(k);
  for (let x = 0; x < out.length; x++) for (const k of childrenOf(scan, out[x]!)) out.push(k);
  return out;
}
