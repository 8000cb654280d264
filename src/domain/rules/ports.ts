/**
 * `network/port-conflict` (rules.md, Definitions, "namespaces"): listeners on the same port and
 * protocol in one network namespace, on addresses that overlap.
 *
 * A namespace is a node, by document position: a kernel; a machine whose OS is not drawn (its
 * kernel is implied); a container's own network; the network a pod shares, or a Fargate task
 * (awsvpc). What binds where:
 * - server software binds each of its ports (TCP, every address) in its platform's namespace — a
 *   kernel, a baseless machine, or a container's network — except the ports its container
 *   declares, which are that container's listener already;
 * - a container binds each published `host` port (with its protocol, on its `hostIp`) in its host
 *   kernel, or the machine whose kernel is implied, or — on Fargate — its task's or pod's network,
 *   once per replica; with `network: "host"` its container ports bind there directly instead;
 *   with `network: "none"` nothing binds outside it;
 * - the container side of its ports binds once each in the network it shares with a pod or a
 *   Fargate task (a container's own network holds only what runs in it);
 * - `replicas: 0` (on the container or its pod) binds nothing.
 * Two bindings clash when their addresses overlap (a specific address overlaps itself and every
 * address) and they are of different listeners, or both are published host ports of the same
 * one (a host port bound twice); a binding repeated by replicas clashes with itself.
 *
 * Bindings go into maps keyed by port (`port * 2 + protocol`) and namespace: small integers, never
 * strings built per binding. The usual binding (every address, one replica) is stored as one
 * number; only shared slots and the unusual ones become objects.
 */
import { NONE, type CompactIndex } from "../compact-index.ts";
import { ownProp } from "../document.ts";
import { isPort } from "../kinds/prop-values.ts";
import { listenAddress, networkMode, replicas } from "./prop-values.ts";
import { problem } from "./problem.ts";
import type { Problem } from "./types.ts";

const UDP = 1;
/** Port keys (`port * 2 + protocol`) are below this. */
export const PORT_KEYS = 1 << 17;

/** How a binding came about: which ones of one listener clash with each other. */
export const Side = {
  /** A published host port of a container (two of one container on one port clash). */
  Published: 0,
  /** A container port in a shared pod or task network, or on the host with `network: "host"`. */
  Inner: 1,
  /** A port of server software. */
  App: 2,
} as const;
export type Side = (typeof Side)[keyof typeof Side];

/** One binding of a port: who, on which address (undefined = every address), how many times. */
export interface Binding {
  listener: number;
  side: Side;
  address: string | undefined;
  count: number;
  /** For a published port: the index of its mapping in the container's `ports`. */
  mapping: number;
}

/** One slot of the table: a plain binding encoded as a number, or every binding as objects. */
type Slot = number | Binding[];

/**
 * What is bound, by port key and then namespace. Both keys are small integers (V8 keeps them
 * unboxed), and the outer map has one entry per port in use, so a document of thousands of
 * namespaces makes a handful of maps.
 */
export class BindingTable {
  private readonly byPort = new Map<number, Map<number, Slot>>();

  has(ns: number, portKey: number): boolean {
    return this.byPort.get(portKey)?.has(ns) ?? false;
  }

  /** The bindings of one slot, as objects. */
  at(ns: number, portKey: number): Binding[] {
    const slot = this.byPort.get(portKey)?.get(ns);
    if (slot === undefined) return [];
    return typeof slot === "number" ? [decode(slot)] : slot;
  }

  add(ns: number, portKey: number, b: Binding | number): void {
    let slots = this.byPort.get(portKey);
    if (slots === undefined) this.byPort.set(portKey, (slots = new Map()));
    const slot = slots.get(ns);
    if (slot === undefined) {
      slots.set(ns, typeof b === "number" ? b : [b]);
      return;
    }
    const list = typeof slot === "number" ? [decode(slot)] : slot;
    list.push(typeof b === "number" ? decode(b) : b);
    if (typeof slot === "number") slots.set(ns, list);
  }

  /** Every slot holding more than one binding, or an unusual one: where conflicts may be. */
  *shared(): Generator<[ns: number, portKey: number, bindings: Binding[]]> {
    for (const [portKey, slots] of this.byPort)
      for (const [ns, slot] of slots) if (typeof slot !== "number") yield [ns, portKey, slot];
  }
}

/** A plain binding (every address, once, not a published mapping's) as one number. */
/**
 * A plain binding (every address, once) as one number: the listener, its mapping index + 1 (0 =
 * none; only indexes below {@link MAX_CODED_MAPPING} fit) and its side. Small enough to stay an
 * unboxed integer for any document the reader takes (and the 50,000-node benchmark).
 */
const MAX_CODED_MAPPING = 255;
const encode = (listener: number, side: Side, mapping: number): number =>
  (listener * 256 + (mapping + 1)) * 4 + side;
const decode = (code: number): Binding => {
  const rest = Math.floor(code / 4);
  return {
    listener: Math.floor(rest / 256),
    side: (code % 4) as Side,
    address: undefined,
    count: 1,
    mapping: (rest % 256) - 1,
  };
};

export const portKeyOf = (port: number, protocol: unknown): number =>
  port * 2 + (protocol === "udp" ? UDP : 0);
export const protocolOf = (portKey: number): "tcp" | "udp" => ((portKey & 1) === UDP ? "udp" : "tcp");

/** What the port rules need to know of the tree, beyond the compact index. */
export interface PortWorld {
  ix: CompactIndex;
  /** Per container or engine: its host kernel, or the machine whose kernel is implied; NONE. */
  host: Int32Array;
  /** Per machine: how many bases it has (a baseless machine is a namespace). */
  baseCount: Int32Array;
}

/** The pod between a container and its platform, if any. */
function podOf(w: PortWorld, c: number): number {
  const ix = w.ix;
  const pod = ix.pod[c]!;
  if (pod === NONE) return NONE;
  const p = ix.platform[c]!;
  return p === NONE || ix.depth[pod]! > ix.depth[p]! ? pod : NONE;
}

/** How many copies of a container run: its `replicas` times its pod's. */
export function effectiveReplicas(w: PortWorld, c: number): number {
  const own = replicas(w.ix.nodes[c]!);
  if (own === 0) return 0;
  const pod = podOf(w, c);
  return pod === NONE ? own : own * replicas(w.ix.nodes[pod]!);
}

/** Whether a container runs on managed capacity (Fargate) rather than on an engine. */
function onManaged(w: PortWorld, c: number): boolean {
  const p = w.ix.platform[c]!;
  return p !== NONE && w.ix.profile[p]!.runsContainers === "managed";
}

/**
 * The network a container's ports live in when not published: its pod's, else its Fargate task's,
 * else its own. `hostNs` is where its published ports go (for `network: "host"`).
 */
export function containerNetwork(w: PortWorld, c: number, hostNs: number): number {
  const ix = w.ix;
  const mode = networkMode(ix.nodes[c]!);
  if (mode === "none") return c;
  if (mode === "host" && hostNs !== NONE) return hostNs;
  const pod = podOf(w, c);
  if (pod !== NONE) return pod;
  const task = ix.ecsTask[c]!;
  if (task !== NONE) {
    const p = ix.platform[c]!;
    if (p !== NONE && ix.profile[p]!.runsContainers === "managed" && ix.depth[task]! > ix.depth[p]!)
      return task;
  }
  return c;
}

/**
 * Where a container's published ports listen: its host kernel or implied machine (`host` given
 * overrides it, for a fix that would change it), else on Fargate its task's or pod's network;
 * NONE for `network: "none"` or when there is nowhere.
 */
export function publishedNetwork(w: PortWorld, c: number, host: number = w.host[c]!): number {
  if (networkMode(w.ix.nodes[c]!) === "none") return NONE;
  if (host !== NONE) return host;
  if (!onManaged(w, c)) return NONE;
  const pod = podOf(w, c);
  if (pod !== NONE) return pod;
  const task = w.ix.ecsTask[c]!;
  return task !== NONE && w.ix.depth[task]! > w.ix.depth[w.ix.platform[c]!]! ? task : c;
}

/** The namespace a server software's ports listen in, or NONE. */
export function appNetwork(w: PortWorld, i: number): number {
  const ix = w.ix;
  const p = ix.platform[i]!;
  if (p === NONE) return NONE;
  const roles = ix.profile[p]!;
  if (roles.kernel?.type === "os") return p;
  if (roles.machine) return w.baseCount[p] === 0 ? p : NONE;
  if (roles.sharesHostKernel) {
    if (effectiveReplicas(w, p) === 0) return NONE;
    return containerNetwork(w, p, publishedNetwork(w, p));
  }
  return NONE;
}

/** Whether container `c` declares container port `port` (TCP): the app listening on it is the container's listener. */
function declares(ix: CompactIndex, c: number, port: number): boolean {
  const ports = ownProp(ix.nodes[c]!.props, "ports");
  if (!Array.isArray(ports)) return false;
  for (const m of ports as unknown[])
    if (typeof m === "object" && m !== null) {
      const r = m as { container?: unknown; protocol?: unknown };
      if (r.container === port && r.protocol !== "udp") return true;
    }
  return false;
}

/** One binding a listener would make: where, on which port key, how. */
export interface PlannedBinding {
  ns: number;
  portKey: number;
  side: Side;
  address: string | undefined;
  count: number;
  mapping: number;
}

/** Where bindings go as they are found: the validation's table, or a fix plan's list. */
interface BindingSink {
  add(
    listener: number,
    ns: number,
    portKey: number,
    side: Side,
    address: string | undefined,
    count: number,
    mapping: number,
  ): void;
}

/** The validation's sink: straight into the table, a plain binding as one number. */
class TableSink implements BindingSink {
  constructor(readonly table: BindingTable) {}
  add(
    listener: number,
    ns: number,
    portKey: number,
    side: Side,
    address: string | undefined,
    count: number,
    mapping: number,
  ): void {
    if (address === undefined && count === 1 && mapping < MAX_CODED_MAPPING)
      this.table.add(ns, portKey, encode(listener, side, mapping));
    else this.table.add(ns, portKey, { listener, side, address, count, mapping });
  }
}

/** A plan's sink: a list of bindings. */
class ListSink implements BindingSink {
  readonly list: PlannedBinding[] = [];
  add(
    _listener: number,
    ns: number,
    portKey: number,
    side: Side,
    address: string | undefined,
    count: number,
    mapping: number,
  ): void {
    this.list.push({ ns, portKey, side, address, count, mapping });
  }
}

/**
 * Every binding container `c` makes, given its host (the current one unless a fix plans another),
 * in the order of its `ports`. Container-side ports bind once each (a port mapped to two host
 * ports is one socket inside); published host ports bind once per mapping.
 */
function emitContainer(w: PortWorld, c: number, host: number, sink: BindingSink): void {
  const ix = w.ix;
  const node = ix.nodes[c]!;
  const ports = ownProp(node.props, "ports");
  if (!Array.isArray(ports) || ports.length === 0) return;
  const mode = networkMode(node);
  if (mode === "none") return;
  const count = effectiveReplicas(w, c);
  if (count === 0) return;
  const hostNs = publishedNetwork(w, c, host);
  const inner = mode === "host" ? (hostNs !== NONE ? hostNs : c) : containerNetwork(w, c, hostNs);
  // Which container ports were bound already (only needed where they bind: a shared network).
  let seen: number[] | undefined;
  for (let k = 0; k < ports.length; k++) {
    const m: unknown = ports[k];
    if (typeof m !== "object" || m === null) continue;
    const r = m as { host?: unknown; container?: unknown; protocol?: unknown; hostIp?: unknown };
    if (mode === "host") {
      // Its container ports are the host's; `host` values are ignored, as Docker does.
      if (hostNs === NONE || !isPort(r.container)) continue;
      const key = portKeyOf(r.container, r.protocol);
      if (seen?.includes(key)) continue;
      (seen ??= []).push(key);
      sink.add(c, hostNs, key, Side.Inner, undefined, count, k);
      continue;
    }
    if (inner !== c && isPort(r.container)) {
      const key = portKeyOf(r.container, r.protocol);
      if (!seen?.includes(key)) {
        (seen ??= []).push(key);
        sink.add(c, inner, key, Side.Inner, undefined, 1, k);
      }
    }
    if (hostNs !== NONE && isPort(r.host))
      sink.add(c, hostNs, portKeyOf(r.host, r.protocol), Side.Published, listenAddress(r.hostIp), count, k);
  }
}

/** Every binding server software `i` makes (its TCP ports in its namespace, each once). */
function emitApp(w: PortWorld, i: number, sink: BindingSink): void {
  const ix = w.ix;
  const ports = ownProp(ix.nodes[i]!.props, "ports");
  if (!Array.isArray(ports) || ports.length === 0) return;
  const ns = appNetwork(w, i);
  if (ns === NONE) return;
  const p = ix.platform[i]!;
  const inContainer = ix.profile[p]!.sharesHostKernel;
  for (let k = 0; k < ports.length; k++) {
    const port: unknown = ports[k];
    if (!isPort(port)) continue;
    if (inContainer && declares(ix, p, port)) continue;
    let again = false;
    for (let j = 0; j < k && !again; j++) again = ports[j] === port;
    if (!again) sink.add(i, ns, port * 2, Side.App, undefined, 1, k);
  }
}

/** {@link emitContainer} as a list (for fix plans). */
export function containerBindings(w: PortWorld, c: number, host: number = w.host[c]!): PlannedBinding[] {
  const sink = new ListSink();
  emitContainer(w, c, host, sink);
  return sink.list;
}

/** {@link emitApp} as a list (for fix plans). */
export function appBindings(w: PortWorld, i: number): PlannedBinding[] {
  const sink = new ListSink();
  emitApp(w, i, sink);
  return sink.list;
}

/** Adds the bindings of every listener (a kind that `listens`) to a new table. */
export function collectBindings(w: PortWorld): BindingTable {
  const table = new BindingTable();
  const sink = new TableSink(table);
  const { live, profile } = w.ix;
  for (let i = 0; i < live.length; i++) {
    if (live[i] === 0) continue;
    const where = profile[i]!.listens;
    if (where === "host-kernel") emitContainer(w, i, w.host[i]!, sink);
    else if (where === "platform") emitApp(w, i, sink);
  }
  return table;
}

const overlap = (a: string | undefined, b: string | undefined): boolean =>
  a === undefined || b === undefined || a === b;

/** Whether two bindings of one slot clash. */
export function clash(a: Binding, b: Binding): boolean {
  if (!overlap(a.address, b.address)) return false;
  return a.listener !== b.listener || (a.side === Side.Published && b.side === Side.Published);
}

/** The bindings of a slot that clash with another (or with themselves, through replicas). */
export function clashing(list: readonly Binding[]): Binding[] {
  const out: Binding[] = [];
  for (let x = 0; x < list.length; x++) {
    const a = list[x]!;
    let bad = a.count > 1;
    for (let y = 0; !bad && y < list.length; y++) if (y !== x && clash(a, list[y]!)) bad = true;
    if (bad) out.push(a);
  }
  return out;
}

/** One port conflict, as found: its namespace, its listeners (document order), its ports. */
export interface Conflict {
  ns: number;
  listeners: number[];
  portKeys: number[];
  /** The clashing bindings, per port key. */
  bindings: Map<number, Binding[]>;
  /** Whether some listener clashes with itself through replicas. */
  replicated: boolean;
}

/**
 * The port conflicts of the table, as problems keyed by the position of the listener they are
 * reported with (the first in document order). Conflicts of one namespace with the very same
 * listeners make one problem listing every port, so two nodes are not reported once per port.
 */
export function portConflicts(
  ix: CompactIndex,
  table: BindingTable,
  info: Map<Problem, Conflict>,
): Map<number, Problem[]> {
  const out = new Map<number, Problem[]>();
  let merged: Map<string, Conflict> | undefined;
  for (const [ns, portKey, slot] of table.shared()) {
    const bad = clashing(slot);
    if (bad.length === 0) continue;
    const listeners = [...new Set(bad.map((b) => b.listener))].sort((a, b) => a - b);
    const sig = `${ns}:${listeners.join(",")}`;
    merged ??= new Map();
    const c = merged.get(sig);
    const replicated = bad.some((b) => b.count > 1);
    if (c) {
      c.portKeys.push(portKey);
      c.bindings.set(portKey, bad);
      c.replicated ||= replicated;
    } else
      merged.set(sig, {
        ns,
        listeners,
        portKeys: [portKey],
        bindings: new Map([[portKey, bad]]),
        replicated,
      });
  }
  if (merged === undefined) return out;
  const nodes = ix.nodes;
  for (const c of merged.values()) {
    c.portKeys.sort((a, b) => a - b);
    const first = c.portKeys[0]!;
    const nsNode = nodes[c.ns]!;
    let list = out.get(c.listeners[0]!);
    if (list === undefined) out.set(c.listeners[0]!, (list = []));
    const p = problem(
      "network/port-conflict",
      c.listeners.map((k) => nodes[k]!.id),
      {
        namespace: nsNode.id,
        namespaceKind: nsNode.kind,
        port: first >> 1,
        protocol: protocolOf(first),
        ports: c.portKeys.map((k) => `${k >> 1}/${protocolOf(k)}`).join(", "),
        ...(c.replicated ? { replicated: 1 } : {}),
      },
    );
    info.set(p, c);
    list.push(p);
  }
  // Several conflicts reported with one node: lowest port first, whatever the document order.
  for (const list of out.values()) if (list.length > 1) list.sort((a, b) => portKey(a) - portKey(b));
  return out;
}

const portKey = (p: Problem): number =>
  (p.params.port as number) * 2 + (p.params.protocol === "udp" ? UDP : 0);
