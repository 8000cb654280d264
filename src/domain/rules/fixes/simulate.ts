/**
 * What a fix that changes where containers run would break: it gives the engine or container at
 * `root` — and everything whose host kernel comes through it (its containers, Docker-in-Docker
 * inside them) — a new host. That adds an error when one of those containers was built for another
 * OS, an engine cannot run on the new kernel, or a port they would then bind there is taken.
 * Computed from the validation's scan: linear in the subtree, plus the ports it binds.
 */
import { NONE } from "../../compact-index.ts";
import { containerOs, ENGINE_FAMILIES, engineProduct, kernelFamily, knownEngine } from "../prop-values.ts";
import { clash, containerBindings, Side, type Binding, type PlannedBinding } from "../ports.ts";
import { descendants, isKernelHost, type Scan } from "../scan.ts";

/** The engines and containers at and under `root` whose host comes through `root`. */
export function hostedThrough(scan: Scan, root: number): number[] {
  const { ix } = scan;
  const members = new Set<number>([root]);
  const out = [root];
  for (const k of descendants(scan, root)) {
    const roles = ix.profile[k]!;
    if (!roles.sharesHostKernel && roles.runsContainers !== "on-kernel") continue;
    // Hosted through root when its platform is a member and hands its host down (an engine's
    // containers; a container's engine, in Docker-in-Docker).
    const p = ix.platform[k]!;
    if (p === NONE || !members.has(p)) continue;
    const on = ix.profile[p]!;
    const handsDown = roles.sharesHostKernel ? on.runsContainers === "on-kernel" : on.sharesHostKernel;
    if (!handsDown) continue;
    members.add(k);
    out.push(k);
  }
  return out;
}

const same = (a: PlannedBinding, b: PlannedBinding): boolean =>
  a.ns === b.ns &&
  a.portKey === b.portKey &&
  a.side === b.side &&
  a.mapping === b.mapping &&
  a.address === b.address;

/**
 * Whether giving `root` the host `newHost` (a kernel, or a machine whose kernel is implied) adds no
 * error: every container hosted through it is built for that kernel's OS, every engine runs on
 * it, and every port binding that moves finds its port free. `extraEngine`: the product of an
 * engine the fix adds under `root` (insert-engine).
 */
export function hostChangeIsSafe(scan: Scan, root: number, newHost: number, extraEngine?: string): boolean {
  const { ix } = scan;
  const members = hostedThrough(scan, root);
  const family = isKernelHost(scan, newHost) ? kernelFamily(ix.nodes[newHost]!) : undefined;
  if (family !== undefined && extraEngine !== undefined) {
    const product = knownEngine(extraEngine);
    if (product !== undefined && !ENGINE_FAMILIES[product].includes(family)) return false;
  }
  const memberSet = new Set(members);
  const moved: Binding[] = [];
  const next: { ns: number; portKey: number; b: Binding }[] = [];
  for (const k of members) {
    const node = ix.nodes[k]!;
    const roles = ix.profile[k]!;
    if (roles.runsContainers === "on-kernel") {
      if (family === undefined) continue;
      const product = engineProduct(node);
      if (product !== undefined && !ENGINE_FAMILIES[product].includes(family)) return false;
      continue;
    }
    if (family !== undefined && containerOs(node) !== family) return false;
    const now = containerBindings(scan, k);
    for (const b of containerBindings(scan, k, newHost)) {
      const binding: Binding = {
        listener: k,
        side: b.side,
        address: b.address,
        count: b.count,
        mapping: b.mapping,
      };
      next.push({ ns: b.ns, portKey: b.portKey, b: binding });
      if (!now.some((c) => same(b, c))) moved.push(binding);
    }
  }
  for (const { ns, portKey, b } of next) {
    if (!moved.includes(b)) continue;
    if (b.count > 1 && b.side !== Side.App) return false;
    const others = scan.bindings.at(ns, portKey).filter((o) => !memberSet.has(o.listener));
    for (const o of next) if (o.b !== b && o.ns === ns && o.portKey === portKey) others.push(o.b);
    if (others.some((o) => clash(b, o))) return false;
  }
  return true;
}
