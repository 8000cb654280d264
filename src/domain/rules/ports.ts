/**
 * `network/port-conflict`: listeners on the same port and protocol in one network namespace.
 *
 * A namespace is a node of a kind with `roles.portNamespace` (a kernel, a container). A kind that
 * `listens` in its "platform" (server software) listens there when its platform is a namespace; one
 * that listens in its "host-kernel" (a container) listens with its published `host` ports in its
 * host kernel. Unpublished container ports live in the container's own namespace and never clash
 * with anything outside it, so they are not listeners at all. Listeners go into a map per namespace (by document position) keyed by
 * `port * 2 + protocol`: small integer keys, never strings built per listener.
 */
import { NONE, type CompactIndex } from "../diagram.ts";
import { ownProp } from "../document.ts";
import { isPort } from "../kinds/props.ts";
import { problem } from "./problem.ts";
import type { Problem } from "./types.ts";

const UDP = 1;

/** Per namespace position, per port key: one listener position, or every distinct listener in document order. */
export type ListenerTable = Map<number, Map<number, number | number[]>>;

/**
 * The position of a container's host kernel: platform(container) runs containers "on-kernel" (an
 * engine), and platform(engine) is an OS kernel.
 */
export function hostKernelAt(ix: CompactIndex, i: number): number {
  const engine = ix.platform[i]!;
  if (engine === NONE || ix.profile[engine]!.runsContainers !== "on-kernel") return NONE;
  const k = ix.platform[engine]!;
  return k !== NONE && ix.profile[k]!.kernel?.type === "os" ? k : NONE;
}

function listen(table: ListenerTable, ns: number, key: number, i: number): void {
  let ports = table.get(ns);
  if (ports === undefined) table.set(ns, (ports = new Map()));
  const slot = ports.get(key);
  if (slot === undefined) ports.set(key, i);
  else if (typeof slot === "number") {
    if (slot !== i) ports.set(key, [slot, i]);
  } else if (slot[slot.length - 1] !== i) slot.push(i); // a node's listeners are added together
}

/** Adds the listeners of the node at position `i` (of a kind that `listens`) to the table. */
export function collectListeners(ix: CompactIndex, i: number, table: ListenerTable): void {
  const node = ix.nodes[i]!;
  const where = ix.profile[i]!.listens;
  if (where === "platform") {
    const ns = ix.platform[i]!;
    if (ns === NONE || !ix.profile[ns]!.portNamespace) return;
    const ports = ownProp(node.props, "ports");
    if (!Array.isArray(ports)) return;
    for (let k = 0; k < ports.length; k++) {
      const p: unknown = ports[k];
      if (isPort(p)) listen(table, ns, p * 2, i);
    }
  } else if (where === "host-kernel") {
    const ports = ownProp(node.props, "ports");
    if (!Array.isArray(ports) || ports.length === 0) return;
    const ns = hostKernelAt(ix, i);
    if (ns === NONE) return;
    for (let k = 0; k < ports.length; k++) {
      const m: unknown = ports[k];
      if (typeof m !== "object" || m === null) continue;
      const host = (m as { host?: unknown }).host;
      if (!isPort(host)) continue;
      listen(table, ns, host * 2 + ((m as { protocol?: unknown }).protocol === "udp" ? UDP : 0), i);
    }
  }
}

const protocolOf = (portKey: number): string => ((portKey & 1) === UDP ? "udp" : "tcp");

interface Conflict {
  ns: number;
  listeners: number[];
  portKeys: number[];
}

/**
 * The port conflicts of the table, as problems keyed by the position of the listener they are
 * reported with (the first in document order). Conflicts of one namespace with the very same
 * listeners make one problem listing every port, so two nodes are not reported once per port.
 */
export function portConflicts(ix: CompactIndex, table: ListenerTable): Map<number, Problem[]> {
  const out = new Map<number, Problem[]>();
  let merged: Map<string, Conflict> | undefined;
  for (const [ns, ports] of table)
    for (const [key, slot] of ports) {
      if (typeof slot === "number") continue;
      const sig = `${ns}:${slot.join(",")}`;
      merged ??= new Map();
      const c = merged.get(sig);
      if (c) c.portKeys.push(key);
      else merged.set(sig, { ns, listeners: slot, portKeys: [key] });
    }
  if (merged === undefined) return out;
  const nodes = ix.nodes;
  for (const c of merged.values()) {
    c.portKeys.sort((a, b) => a - b);
    const first = c.portKeys[0]!;
    const nsNode = nodes[c.ns]!;
    let list = out.get(c.listeners[0]!);
    if (list === undefined) out.set(c.listeners[0]!, (list = []));
    list.push(
      problem(
        "network/port-conflict",
        c.listeners.map((k) => nodes[k]!.id),
        {
          namespace: nsNode.id,
          namespaceKind: nsNode.kind,
          port: first >> 1,
          protocol: protocolOf(first),
          ports: c.portKeys.map((k) => `${k >> 1}/${protocolOf(k)}`).join(", "),
        },
      ),
    );
  }
  // Several conflicts reported with one node: lowest port first, whatever the document order.
  for (const list of out.values()) if (list.length > 1) list.sort((a, b) => portKey(a) - portKey(b));
  return out;
}

const portKey = (p: Problem): number =>
  (p.params.port as number) * 2 + (p.params.protocol === "udp" ? UDP : 0);
