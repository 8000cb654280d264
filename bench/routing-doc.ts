/**
 * The documents the routing bench (bench/routing.ts) routes: the validation bench's realistic
 * nested stacks (hosts → hypervisor → VMs → kernels → engines → containers; AWS clouds with EC2,
 * ECS on Fargate and EKS) laid out by the stack layout, with registries on the artifact shelf and
 * `edges` edges picked by a seeded generator: 40 % between containers of one engine, 25 %
 * between containers of different root trees, 20 % from a container to a registry, 10 % from a
 * node to one of its ancestors, 5 % between VMs. Deterministic: the same `n` and `edges` give the
 * same document.
 */
import type { StackDocument, StackEdge, StackNode } from "../src/domain/document.ts";
import { completeGeometry } from "../src/domain/geometry.ts";
import { indexDocument } from "../src/domain/diagram.ts";
import { benchDocument } from "./validate.ts";

/** mulberry32: a small seeded generator, so every run routes the same document. */
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

/** A laid-out document of `n` nodes (registries included) and `edgeCount` edges. */
export function routingBenchDocument(n: number, edgeCount: number, seed = 1): StackDocument {
  const registries = Math.max(2, Math.round(n / 200));
  const base = benchDocument(n - registries);
  const nodes: StackNode[] = [...base.nodes];
  for (let r = 0; r < registries; r++) nodes.push({ id: `reg${r}`, kind: "registry" });
  const laid = completeGeometry({ ...base, nodes, edges: [] });
  const index = indexDocument(laid);
  const rand = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  const containers = laid.nodes.filter((x) => x.kind === "container");
  const vms = laid.nodes.filter((x) => x.kind === "vm");
  const regs = laid.nodes.filter((x) => x.kind === "registry");
  const rootOf = (id: string): string => {
    let cur = index.byId.get(id)!;
    while (cur.parentId != null) cur = index.byId.get(cur.parentId)!;
    return cur.id;
  };
  const byParent = new Map<string, StackNode[]>();
  for (const c of containers) {
    const list = byParent.get(c.parentId!) ?? [];
    list.push(c);
    byParent.set(c.parentId!, list);
  }
  const groups = [...byParent.values()].filter((g) => g.length >= 2);

  const edges: StackEdge[] = [];
  const seen = new Set<string>();
  const push = (kind: StackEdge["kind"], source: string, target: string) => {
    const key = `${source}>${target}`;
    if (source === target || seen.has(key)) return;
    seen.add(key);
    edges.push({ id: `e${edges.length}`, kind, source, target });
  };
  for (let guard = 0; edges.length < edgeCount && guard < edgeCount * 50; guard++) {
    const r = rand();
    if (r < 0.4 && groups.length > 0) {
      const g = pick(groups);
      push("network", pick(g).id, pick(g).id);
    } else if (r < 0.65) {
      const a = pick(containers);
      const b = pick(containers);
      if (rootOf(a.id) !== rootOf(b.id)) push("network", a.id, b.id);
    } else if (r < 0.85) push("pulls", pick(containers).id, pick(regs).id);
    else if (r < 0.95) {
      const a = pick(containers);
      const up = index.byId.get(index.byId.get(a.parentId!)!.parentId ?? a.parentId!)!;
      push("network", a.id, up.id);
    } else push("network", pick(vms).id, pick(vms).id);
  }
  return { ...laid, title: `routing bench ${n}/${edgeCount}`, edges };
}
