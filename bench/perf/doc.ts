/**
 * A deterministic (seeded) nested document for the editor benchmark: physical hosts → hypervisor →
 * VMs → kernel → container engine → containers, listed parents first. Same `n` and seed, same document.
 */
import type { StackDocument, StackNode } from "../../src/domain/document.ts";

/** mulberry32: a tiny seeded PRNG, so the labels and counts vary but never between runs. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ["web", "api", "auth", "cache", "queue", "search", "billing", "mail", "metrics", "db"];

/** Exactly `n` nodes (n ≥ 0), parents first. */
export function perfDocument(n: number, seed = 42): StackDocument {
  const rand = seeded(seed);
  const nodes: StackNode[] = [];
  let next = 0;
  const add = (kind: StackNode["kind"], parentId: string | undefined, label: string): string => {
    const id = `n${next++}`;
    if (nodes.length < n) nodes.push({ id, kind, label, ...(parentId ? { parentId } : {}) });
    return id;
  };
  for (let h = 0; nodes.length < n; h++) {
    const host = add("physical-host", undefined, `host-${h}`);
    const hv = add("hypervisor", host, h % 2 ? "Proxmox" : "ESXi");
    const vms = 2 + Math.floor(rand() * 3);
    for (let v = 0; v < vms && nodes.length < n; v++) {
      const vm = add("vm", hv, `vm-${h}-${v}`);
      const k = add("kernel", vm, rand() < 0.5 ? "Debian 12" : "Ubuntu 24.04");
      const e = add("container-engine", k, "docker");
      const count = 2 + Math.floor(rand() * 5);
      for (let c = 0; c < count; c++) {
        const svc = SERVICES[Math.floor(rand() * SERVICES.length)] ?? "svc";
        add("container", e, `${svc}-${h}-${v}-${c}`);
      }
    }
  }
  return { format: "stackdraw", version: 1, title: `perf ${n}`, nodes, edges: [] };
}

/**
 * The same document with its root subtrees re-flowed into rows at most `maxWidth` px wide (the
 * stack layout puts every root in one row: 1,000 perf nodes are ~103,000 px wide, over a canvas's
 * 32,767 px limit at 2×). Needs positions and sizes on the roots (run completeGeometry first).
 */
export function wrapRoots(doc: StackDocument, maxWidth: number, gap = 40): StackDocument {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  const nodes = doc.nodes.map((node) => {
    if (node.parentId !== undefined || !node.size) return node;
    if (x > 0 && x + node.size.width > maxWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    const moved = { ...node, position: { x, y } };
    x += node.size.width + gap;
    rowHeight = Math.max(rowHeight, node.size.height);
    return moved;
  });
  return { ...doc, nodes };
}

/**
 * `count` edges over a laid-out {@link perfDocument} (deterministic, seeded), the mix of a real
 * diagram's connections: 45 % between containers of one engine, 25 % between containers of two
 * VMs of one host, 20 % between containers of neighbouring hosts, 10 % from a container to its VM.
 * Both benchmark pages draw the same edges: the app routes them, the bare page draws React Flow's
 * default edges between the default handles.
 */
export function perfEdges(doc: StackDocument, count: number, seed = 7): StackDocument["edges"] {
  const rand = seeded(seed);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const up = (id: string, steps: number) => {
    let cur = byId.get(id);
    for (let i = 0; i < steps && cur?.parentId; i++) cur = byId.get(cur.parentId);
    return cur!.id;
  };
  const containers = doc.nodes.filter((n) => n.kind === "container");
  // By engine, by host (container → engine → kernel → VM → hypervisor → host), hosts in order.
  const byEngine = new Map<string, string[]>();
  const byHost = new Map<string, string[]>();
  for (const c of containers) {
    const e = c.parentId!;
    byEngine.set(e, [...(byEngine.get(e) ?? []), c.id]);
    const h = up(c.id, 5);
    byHost.set(h, [...(byHost.get(h) ?? []), c.id]);
  }
  const engines = [...byEngine.values()].filter((g) => g.length >= 2);
  const hosts = [...byHost.values()];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const edges: StackDocument["edges"] = [];
  const seen = new Set<string>();
  const push = (source: string, target: string) => {
    if (source === target || seen.has(`${source}>${target}`)) return;
    seen.add(`${source}>${target}`);
    edges.push({ id: `pe${edges.length}`, kind: "network", source, target });
  };
  for (let guard = 0; edges.length < count && guard < count * 50; guard++) {
    const r = rand();
    if (r < 0.45 && engines.length) {
      const g = pick(engines);
      push(pick(g), pick(g));
    } else if (r < 0.7) {
      const h = pick(hosts);
      const a = pick(h);
      const b = pick(h);
      if (up(a, 3) !== up(b, 3)) push(a, b);
    } else if (r < 0.9 && hosts.length > 1) {
      const i = Math.floor(rand() * (hosts.length - 1));
      push(pick(hosts[i]!), pick(hosts[i + 1]!));
    } else {
      const c = pick(containers);
      push(c.id, up(c.id, 3));
    }
  }
  return edges;
}
