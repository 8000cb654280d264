/**
 * Every quick fix's plan and application (rules.md, "Quick fixes"). A plan reads the validation's
 * scan and decides whether the fix applies to this problem in this document — only when applying
 * it removes the problem and adds no error — and how (which title, what to set). Applications are
 * pure document edits (edits.ts).
 */
import { blankContext } from "../../diagram.ts";
import { contextAt, NONE } from "../../compact-index.ts";
import type { StackDocument } from "../../document.ts";
import { ownProp } from "../../document.ts";
import { isPort } from "../../kinds/prop-values.ts";
import type { Analysis } from "../analysis.ts";
import { needsHypervisor, ownKernelAllowed } from "../stack.ts";
import {
  containerOs,
  ENGINE_FAMILIES,
  engineProduct,
  hypervisorType,
  kernelFamily,
  osHypervisor,
  textProp,
  type Arch,
  type KernelFamily,
} from "../prop-values.ts";
import { PORT_KEYS, protocolOf, Side } from "../ports.ts";
import { childrenOf, isKernelHost, type Scan } from "../scan.ts";
import type { Problem } from "../types.ts";
import { insertNodes, moveNodes, newNode, setProps } from "./edits.ts";
import { hostChangeIsSafe } from "./simulate.ts";
import type { FixSpec, Plan } from "./registry.ts";

/** The position of a problem's `k`-th node, or undefined. */
function at(a: Analysis, p: Problem, k = 0): number | undefined {
  const id = p.nodeIds[k];
  const i = id === undefined ? undefined : a.ix.position.get(id);
  return i === undefined || a.ix.live[i] === 0 ? undefined : i;
}

const node = (a: Analysis, i: number) => a.ix.nodes[i]!;
const idOf = (a: Analysis, i: number) => a.ix.nodes[i]!.id;

/** Whether a kernel could be drawn right under the node at `i` without `container/own-kernel`. */
function kernelAllowedUnder(scan: Scan, i: number): boolean {
  const cl = scan.ix.containerLike[i]!;
  if (cl !== NONE && !ownKernelAllowed(scan, cl)) return false;
  // The node itself may be the container-like one (a kernel drawn in it).
  return !scan.ix.profile[i]!.containerLike || ownKernelAllowed(scan, i);
}

/** Whether a Windows container under Fargate in a Kubernetes cluster would be one (`fargate/windows-on-eks`). */
function onEksFargate(a: Analysis, c: number): boolean {
  const f = a.ix.fargate[c]!;
  return f !== NONE && a.ix.k8sCluster[f] !== NONE;
}

// ---------------------------------------------------------------------------------------------
// Props

/** `set-os`: the container's OS to its kernel's family (or to Linux on EKS Fargate). */
const setOs: FixSpec<"set-os"> = {
  plan(a, p) {
    const c = at(a, p);
    if (c === undefined) return undefined;
    if (p.rule === "fargate/windows-on-eks") {
      const h = a.scan.host[c]!;
      if (isKernelHost(a.scan, h) && kernelFamily(node(a, h)) !== "linux") return undefined;
      return { variant: "linux", data: "linux" };
    }
    const k = at(a, p, 1);
    if (k === undefined) return undefined;
    const family = kernelFamily(node(a, k));
    if (family !== "linux" && family !== "windows") return undefined;
    if (family === "windows" && onEksFargate(a, c)) return undefined;
    return { variant: family, data: family };
  },
  apply: (doc, p, plan) => setProps(doc, p.nodeIds[0]!, { os: plan.data }),
};

/** `set-type`: type 2 for a type-1 hypervisor on a kernel, type 1 for a type-2 one on a physical host. */
const setType: FixSpec<"set-type"> = {
  plan(a, p) {
    const h = at(a, p);
    if (h === undefined) return undefined;
    const on = a.ix.platform[h]!;
    if (on === NONE) return undefined;
    const type = hypervisorType(node(a, h));
    if (type === "type1" && a.ix.profile[on]!.kernel?.type === "os") return { data: "type2" };
    if (
      type === "type2" &&
      node(a, on).kind === "physical-host" &&
      a.scan.baseCount[on] === 0 &&
      a.scan.onMachine[on] === 0
    )
      return { variant: "type1", data: "type1" };
    return undefined;
  },
  apply: (doc, p, plan) => setProps(doc, p.nodeIds[0]!, { hypervisorType: plan.data }),
};

/** What depends on each kernel's family, gathered on first use (for `set-family`). */
interface KernelDeps {
  /** Bit 1: a Linux container has it as its host kernel; bit 2: a Windows one. */
  os: number;
  /** The known engine products that have it as their host kernel. */
  engines: Set<string>;
  kvm: boolean;
  hyperv: boolean;
}
const depsOf = new WeakMap<Scan, Map<number, KernelDeps>>();

function kernelDeps(scan: Scan, k: number): KernelDeps | undefined {
  let map = depsOf.get(scan);
  if (map === undefined) {
    map = new Map();
    const { ix } = scan;
    const get = (h: number): KernelDeps => {
      let d = map!.get(h);
      if (d === undefined) map!.set(h, (d = { os: 0, engines: new Set(), kvm: false, hyperv: false }));
      return d;
    };
    for (let i = 0; i < ix.nodes.length; i++) {
      if (ix.live[i] === 0) continue;
      const roles = ix.profile[i]!;
      const n = ix.nodes[i]!;
      if (roles.sharesHostKernel || roles.runsContainers === "on-kernel") {
        const h = scan.host[i]!;
        if (!isKernelHost(scan, h)) continue;
        if (roles.sharesHostKernel) get(h).os |= containerOs(n) === "windows" ? 2 : 1;
        else {
          const product = engineProduct(n);
          if (product !== undefined) get(h).engines.add(product);
        }
      } else if (n.kind === "hypervisor" && hypervisorType(n) === "type1") {
        const p = ix.platform[i]!;
        if (p === NONE || ix.profile[p]!.kernel?.type !== "os") continue;
        const own = osHypervisor(n);
        if (own === "kvm") get(p).kvm = true;
        if (own === "hyperv") get(p).hyperv = true;
      }
    }
    depsOf.set(scan, map);
  }
  return map.get(k);
}

/** `set-family`: the kernel's family to its distribution's, unless what runs on it would break. */
const setFamily: FixSpec<"set-family"> = {
  plan(a, p) {
    const k = at(a, p);
    const to = p.params.distroFamily as KernelFamily | undefined;
    if (k === undefined || to === undefined) return undefined;
    const from = kernelFamily(node(a, k));
    const deps = kernelDeps(a.scan, k);
    if (deps !== undefined) {
      // What works on the old family and not on the new one would be a new error.
      if ((from === "linux" && deps.os & 1) || (from === "windows" && deps.os & 2)) return undefined;
      for (const e of deps.engines) {
        const ok = ENGINE_FAMILIES[e as keyof typeof ENGINE_FAMILIES];
        if (ok.includes(from) && !ok.includes(to)) return undefined;
      }
      if ((deps.kvm && from === "linux") || (deps.hyperv && from === "windows")) return undefined;
    }
    return { variant: to, data: to };
  },
  apply: (doc, p, plan) => setProps(doc, p.nodeIds[0]!, { family: plan.data }),
};

/** `set-arch`: the container's arch to the hardware's. */
const setArch: FixSpec<"set-arch"> = {
  plan(_a, p) {
    const hw = p.params.hardwareArch as Arch | undefined;
    return hw === undefined ? undefined : { variant: hw, data: hw };
  },
  apply: (doc, p, plan) => setProps(doc, p.nodeIds[0]!, { arch: plan.data }),
};

/** `mark-provider`: the layer's own `managedBy` to `provider` (drawn on purpose as AWS's). */
const markProvider: FixSpec<"mark-provider"> = {
  plan(a, p) {
    const i = at(a, p);
    if (i === undefined) return undefined;
    const n = node(a, i);
    // A vm the precedence spared `vm/needs-hypervisor` would get it once no longer managed.
    if (n.kind === "vm" && needsHypervisor(n, contextAt(a.ix, i, blankContext(n)))) return undefined;
    return {};
  },
  apply: (doc, p) => setProps(doc, p.nodeIds[0]!, { managedBy: "provider" }),
};

/** `same-image`: the moved container's image to the one it moved from. */
const sameImage: FixSpec<"same-image"> = {
  plan(a, p) {
    const s = typeof p.params.source === "string" ? a.ix.position.get(p.params.source) : undefined;
    const image = s === undefined ? undefined : textProp(node(a, s), "image");
    return image === undefined ? undefined : { data: image };
  },
  apply: (doc, p, plan) => setProps(doc, p.nodeIds[0]!, { image: plan.data }),
};

// ---------------------------------------------------------------------------------------------
// Structure

/** `insert-engine`: a Docker Engine between the container and its kernel, or the engine already there. */
const insertEngine: FixSpec<"insert-engine"> = {
  plan(a, p) {
    const c = at(a, p);
    if (c === undefined) return undefined;
    const k = a.ix.platform[c]!;
    if (k === NONE || a.ix.profile[k]!.kernel?.type !== "os") return undefined;
    // A pod or task between them would need the engine above it, with whatever else it holds:
    // not a repair this fix can promise.
    const cl = a.ix.containerLike[c]!;
    if (cl !== NONE && a.ix.depth[cl]! > a.ix.depth[k]!) return undefined;
    const engine = [...childrenOf(a.scan, k)].find((e) => a.ix.profile[e]!.runsContainers === "on-kernel");
    if (engine !== undefined) {
      const product = engineProduct(node(a, engine));
      const family = kernelFamily(node(a, k));
      if (product !== undefined && !ENGINE_FAMILIES[product].includes(family)) return undefined;
      return hostChangeIsSafe(a.scan, c, k) ? { variant: "move", data: idOf(a, engine) } : undefined;
    }
    return hostChangeIsSafe(a.scan, c, k, "docker") ? {} : undefined;
  },
  apply(doc, p, plan) {
    const c = p.nodeIds[0]!;
    if (typeof plan.data === "string") return moveNodes(doc, [c], plan.data);
    const parent = doc.nodes.find((n) => n.id === c)?.parentId ?? null;
    return insertNodes(
      doc,
      [
        newNode("container-engine", "engine", parent, {
          label: "Docker Engine",
          props: { product: "docker" },
          before: c,
        }),
      ],
      new Map([[c, "engine"]]),
    );
  },
};

/** The machine's only kernel, when a node right on the machine can move onto it. */
function onlyKernel(a: Analysis, i: number): number | undefined {
  const m = a.ix.platform[i]!;
  if (m === NONE || !a.ix.profile[m]!.machine || a.ix.parent[i] !== m) return undefined;
  return a.scan.kernelCount[m] === 1 ? a.scan.firstKernel[m]! : undefined;
}

/** `move-onto-kernel`: an engine or server software beside its machine's only kernel, moved onto it. */
const moveOntoKernel: FixSpec<"move-onto-kernel"> = {
  plan(a, p) {
    const i = at(a, p);
    if (i === undefined) return undefined;
    const k = onlyKernel(a, i);
    if (k === undefined) return undefined;
    if (a.ix.profile[i]!.runsContainers === "on-kernel")
      return hostChangeIsSafe(a.scan, i, k) ? { data: idOf(a, k) } : undefined;
    // Server software: each of its ports must be free on the kernel (it listens on every address).
    const ports = ownProp(node(a, i).props, "ports");
    if (Array.isArray(ports))
      for (const port of ports as unknown[])
        if (isPort(port) && a.scan.bindings.has(k, port * 2)) return undefined;
    return { data: idOf(a, k) };
  },
  apply: (doc, p, plan) => moveNodes(doc, [p.nodeIds[0]!], plan.data as string),
};

/** Machines that imply the kernel of a container not built for Linux (gathered on first use). */
const nonLinuxOn = new WeakMap<Scan, Set<number>>();
function impliesNonLinux(a: Analysis, m: number): boolean {
  let set = nonLinuxOn.get(a.scan);
  if (set === undefined) {
    set = new Set();
    const { ix, scan } = a;
    for (let c = 0; c < ix.nodes.length; c++) {
      const h = scan.host[c]!;
      if (
        h >= 0 &&
        ix.profile[c]!.sharesHostKernel &&
        ix.profile[h]!.machine &&
        containerOs(ix.nodes[c]!) !== "linux"
      )
        set.add(h);
    }
    nonLinuxOn.set(a.scan, set);
  }
  return set.has(m);
}

/** `insert-kernel`: a Linux kernel on the machine, with every engine and app of the machine moved onto it. */
const insertKernel: FixSpec<"insert-kernel"> = {
  plan(a, p) {
    const i = at(a, p);
    if (i === undefined) return undefined;
    const m = a.ix.platform[i]!;
    const { scan } = a;
    if (m === NONE || !a.ix.profile[m]!.machine || scan.baseCount[m] !== 0) return undefined;
    if (scan.onMachineInFrame[m] !== 0 || !kernelAllowedUnder(scan, m)) return undefined;
    // A Windows container whose kernel is implied by this machine would then be on Linux.
    if (impliesNonLinux(a, m)) return undefined;
    return { data: idOf(a, m) };
  },
  apply(doc, _p, plan) {
    const m = plan.data as string;
    const onIt: string[] = [];
    for (const n of doc.nodes)
      if (n.parentId === m && (n.kind === "container-engine" || n.kind === "server-app")) onIt.push(n.id);
    return insertNodes(
      doc,
      [newNode("kernel", "kernel", m, { props: { family: "linux" } })],
      new Map(onIt.map((id) => [id, "kernel"])),
    );
  },
};

/** `insert-hypervisor`: the hypervisor a vm lacks, under it (or a server with one, at the root). */
const insertHypervisor: FixSpec<"insert-hypervisor"> = {
  plan(a, p) {
    const v = at(a, p);
    if (v === undefined) return undefined;
    const on = a.ix.platform[v]!;
    if (on === NONE) return { variant: "host", data: "host" };
    const roles = a.ix.profile[on]!;
    if (roles.kernel?.type === "os") return { variant: "type2", data: "type2" };
    if (node(a, on).kind === "physical-host" && a.scan.baseCount[on] === 0 && a.scan.onMachine[on] === 0)
      return { data: "type1" };
    return undefined;
  },
  apply(doc, p, plan) {
    const v = p.nodeIds[0]!;
    const parent = doc.nodes.find((n) => n.id === v)?.parentId ?? null;
    if (plan.data === "host")
      return insertNodes(
        doc,
        [
          newNode("physical-host", "host", parent, { before: v }),
          newNode("hypervisor", "hv", "host", { props: { hypervisorType: "type1" }, before: v }),
        ],
        new Map([[v, "hv"]]),
      );
    const type = plan.data as "type1" | "type2";
    return insertNodes(
      doc,
      [newNode("hypervisor", "hv", parent, { props: { hypervisorType: type }, before: v })],
      new Map([[v, "hv"]]),
    );
  },
};

/** `add-kernel`: an Ubuntu kernel on the empty vm. */
const addKernel: FixSpec<"add-kernel"> = {
  plan(a, p) {
    const v = at(a, p);
    return v !== undefined && kernelAllowedUnder(a.scan, v) ? {} : undefined;
  },
  apply: (doc, p) =>
    insertNodes(
      doc,
      [newNode("kernel", "kernel", p.nodeIds[0]!, { props: { family: "linux", distro: "Ubuntu" } })],
      new Map(),
    ),
};

/** A container whose platform runs containers (an engine, Fargate): a new task or pod around it is in place. */
function wrapPlan(a: Analysis, p: Problem): Plan | undefined {
  const c = at(a, p);
  if (c === undefined) return undefined;
  const on = a.ix.platform[c]!;
  return on !== NONE && a.ix.profile[on]!.runsContainers !== undefined ? {} : undefined;
}

function wrap(doc: StackDocument, p: Problem, kind: "ecs-task" | "pod"): StackDocument {
  const c = p.nodeIds[0]!;
  const parent = doc.nodes.find((n) => n.id === c)?.parentId ?? null;
  return insertNodes(doc, [newNode(kind, "frame", parent, { before: c })], new Map([[c, "frame"]]));
}

/** `wrap-in-task`: the container into a new ECS task, where it stands. */
const wrapInTask: FixSpec<"wrap-in-task"> = { plan: wrapPlan, apply: (doc, p) => wrap(doc, p, "ecs-task") };

/** `wrap-in-pod`: the container into a new pod, where it stands. */
const wrapInPod: FixSpec<"wrap-in-pod"> = { plan: wrapPlan, apply: (doc, p) => wrap(doc, p, "pod") };

// ---------------------------------------------------------------------------------------------
// Ports

/** Which mappings of which container `next-free-port` re-publishes, and on which host ports. */
interface PortPlan {
  container: string;
  changes: { mapping: number; host: number }[];
}

/**
 * `next-free-port`: the last listener of the conflict that is a container publishing the clashing
 * ports gets, for each, the next host port free in that namespace (all its clashing mappings, or
 * all but the first when it clashes only with itself). Not offered when a listener clashes with
 * itself through replicas, or when the last container's clash is not through published ports.
 */
const nextFreePort: FixSpec<"next-free-port"> = {
  plan(a, p) {
    const c = a.scan.conflictInfo.get(p);
    if (c === undefined || c.replicated) return undefined;
    const { ix } = a;
    for (let x = c.listeners.length - 1; x >= 0; x--) {
      const l = c.listeners[x]!;
      if (!ix.profile[l]!.sharesHostKernel) continue;
      const plan = portPlan(
        a,
        c.ns,
        l,
        c.portKeys,
        c.listeners.length === 1,
        (key) => c.bindings.get(key) ?? [],
      );
      if (plan !== undefined) return { data: plan };
    }
    return undefined;
  },
  apply(doc, _p, plan) {
    const { container, changes } = plan.data as PortPlan;
    const n = doc.nodes.find((x) => x.id === container);
    const ports = ownProp(n?.props, "ports");
    if (!Array.isArray(ports)) return doc;
    const next = ports.map((m: unknown, k) => {
      const change = changes.find((ch) => ch.mapping === k);
      return change === undefined || typeof m !== "object" || m === null ? m : { ...m, host: change.host };
    });
    return setProps(doc, container, { ports: next });
  },
};

function portPlan(
  a: Analysis,
  ns: number,
  listener: number,
  portKeys: readonly number[],
  alone: boolean,
  clashingAt: (key: number) => readonly { listener: number; side: number; mapping: number }[],
): PortPlan | undefined {
  const changes: { mapping: number; host: number }[] = [];
  const taken = new Set<number>();
  const ports = ownProp(a.ix.nodes[listener]!.props, "ports");
  if (!Array.isArray(ports)) return undefined;
  // Host ports this container publishes anywhere stay taken (a port of its own twice would clash).
  for (const m of ports as unknown[]) {
    const h = typeof m === "object" && m !== null ? (m as { host?: unknown }).host : undefined;
    if (isPort(h)) taken.add(h);
  }
  for (const key of portKeys) {
    const mine = clashingAt(key).filter((b) => b.listener === listener);
    if (mine.length === 0) continue;
    if (mine.some((b) => b.side !== Side.Published)) return undefined;
    const moving = alone ? mine.slice(1) : mine;
    for (const b of moving) {
      const host = freePort(a, ns, key, taken);
      if (host === undefined) return undefined;
      taken.add(host);
      changes.push({ mapping: b.mapping, host });
    }
  }
  return changes.length > 0 ? { container: a.ix.nodes[listener]!.id, changes } : undefined;
}

/** The next port above `key`'s with nothing bound on it (any protocol) in namespace `ns`. */
function freePort(a: Analysis, ns: number, key: number, taken: ReadonlySet<number>): number | undefined {
  const protocol = protocolOf(key);
  for (let port = (key >> 1) + 1; port < PORT_KEYS >> 1; port++) {
    if (taken.has(port)) continue;
    const k = port * 2 + (protocol === "udp" ? 1 : 0);
    if (a.scan.bindings.has(ns, k) || a.scan.bindings.has(ns, k ^ 1)) continue;
    return port;
  }
  return undefined;
}

export const PLANS = {
  "insert-engine": insertEngine,
  "set-os": setOs,
  "move-onto-kernel": moveOntoKernel,
  "insert-kernel": insertKernel,
  "insert-hypervisor": insertHypervisor,
  "add-kernel": addKernel,
  "set-type": setType,
  "set-family": setFamily,
  "next-free-port": nextFreePort,
  "set-arch": setArch,
  "mark-provider": markProvider,
  "wrap-in-task": wrapInTask,
  "wrap-in-pod": wrapInPod,
  "same-image": sameImage,
} as const;
