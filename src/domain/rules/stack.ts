/**
 * The stack rules (rules.md, "Stack rules"): what may run on what along the runs-on chain.
 * Each check is a constant-time look at one node's {@link NodeContext}, plus what the first passes
 * gathered (kinds/roles.ts answers "what is this kind"; the props are read with their defaults).
 */
import type { NodeContext } from "../diagram.ts";
import { NONE } from "../compact-index.ts";
import type { StackNode } from "../document.ts";
import { NO_ROLES, providerManaged, type KindProfile } from "../kinds/roles.ts";
import {
  archProp,
  containerOs,
  ENGINE_FAMILIES,
  engineProduct,
  hypervisorType,
  isEc2,
  isolation,
  kernelFamily,
  knownDistro,
  osHypervisor,
  textProp,
} from "./prop-values.ts";
import { isManagedLayer } from "./cloud.ts";
import { problem } from "./problem.ts";
import { isKernelHost, type Scan } from "./scan.ts";
import type { Problem, ProblemParam } from "./types.ts";

export type { Scan } from "./scan.ts";

/** The roles of the kind of the node at position `k` (none for {@link NONE}). */
const rolesAt = (scan: Scan, k: number): KindProfile => (k === NONE ? NO_ROLES : scan.ix.profile[k]!);

/** The platform as message params: its id and kind, or nothing at the root. */
function platformParams(ctx: NodeContext): Record<string, ProblemParam> {
  const p = ctx.platform;
  return p === undefined ? {} : { platform: p.id, platformKind: p.kind };
}

/**
 * Whether a kernel inside the container-like node at `cl` is allowed its own kernel (rules.md,
 * "own kernel allowed"): a container isolated by a microVM or Hyper-V, or a task or pod that
 * Fargate runs (each in its own microVM).
 */
export function ownKernelAllowed(scan: Scan, cl: number): boolean {
  const { ix } = scan;
  const roles = ix.profile[cl]!;
  if (roles.sharesHostKernel) {
    const iso = isolation(ix.nodes[cl]!);
    return iso === "microvm" || iso === "hyperv";
  }
  return rolesAt(scan, ix.platform[cl]!).runsContainers === "managed";
}

/**
 * Whether a vm needs a drawn hypervisor (ignoring the precedence of `fargate/managed-layers`):
 * its platform is not one, and no AWS-supplied virtualization applies (a cloud around it, an EC2
 * product, an ECS cluster or an EKS cluster around it).
 */
export function needsHypervisor(node: StackNode, ctx: NodeContext): boolean {
  if (ctx.platform?.kind === "hypervisor") return false;
  if (ctx.cloud !== undefined || ctx.ecsCluster !== undefined || isEc2(node)) return false;
  const k8s = ctx.k8sCluster;
  return k8s === undefined || !providerManaged(k8s);
}

function checkMachine(node: StackNode, i: number, scan: Scan, out: Problem[]): void {
  const count = scan.baseCount[i]!;
  if (count < 2) return;
  const bases = [scan.firstBase[i]!, ...(scan.moreBases.get(i) ?? [])];
  const ids = [node.id, ...bases.map((k) => scan.ix.nodes[k]!.id)];
  // The hint for KVM and Hyper-V: they are part of their OS, so draw them on it.
  const osHv = bases.some(
    (k) => scan.ix.profile[k]!.kernel?.type === "hypervisor" && osHypervisor(scan.ix.nodes[k]!) !== undefined,
  );
  out.push(problem("machine/multiple-bases", ids, { count, ...(osHv ? { osHypervisor: 1 } : {}) }));
}

function pushConflicts(i: number, scan: Scan, out: Problem[]): void {
  const list = scan.conflicts.get(i);
  if (list !== undefined) for (const p of list) out.push(p);
}

/** The base a node stands beside on machine `m`, when the machine has exactly one (else it is ambiguous). */
function besideParams(scan: Scan, m: number): Record<string, ProblemParam> {
  return scan.baseCount[m] === 1 ? { beside: scan.ix.nodes[scan.firstBase[m]!]!.id } : {};
}

/** The hint of `engine/unsupported-kernel` by the kernel's family and the engine's product. */
function unsupportedHint(kernel: StackNode, product: string): string {
  const family = kernelFamily(kernel);
  if (family === "bsd") {
    const distro = textProp(kernel, "distro");
    if (distro !== undefined && knownDistro(distro)?.name === "macos") return "macos";
  }
  if (family === "windows" && product === "podman") return "windows-podman";
  return family === "windows" ? "windows" : "other";
}

/** The stack rules about `node` (at position `i`), in the order of rules.md's table. */
export function checkStackNode(
  node: StackNode,
  i: number,
  ctx: NodeContext,
  scan: Scan,
  out: Problem[],
): void {
  const ix = scan.ix;
  const p = ix.platform[i]!;
  const on = rolesAt(scan, p);
  switch (node.kind) {
    case "container": {
      if (on.runsContainers === undefined)
        out.push(problem("container/needs-engine", [node.id], platformParams(ctx)));
      const h = scan.host[i]!;
      if (isKernelHost(scan, h)) {
        const kernel = ix.nodes[h]!;
        const os = containerOs(node);
        const family = kernelFamily(kernel);
        if (os !== family)
          out.push(problem("container/kernel-mismatch", [node.id, kernel.id], { os, family }));
      }
      pushConflicts(i, scan, out);
      const arch = archProp(node);
      if (arch !== undefined && ctx.hardwareArch !== undefined && arch !== ctx.hardwareArch)
        out.push(problem("arch/mismatch", [node.id], { arch, hardwareArch: ctx.hardwareArch }));
      return;
    }
    case "kernel": {
      const cl = ix.containerLike[i]!;
      const inContainer = cl !== NONE;
      const allowed = inContainer && ownKernelAllowed(scan, cl);
      if (inContainer && !allowed) {
        const c = ix.nodes[cl]!;
        out.push(problem("container/own-kernel", [node.id], { container: c.id, containerKind: c.kind }));
      }
      // Precedence (rules.md): a kernel inside a container is misplaced for a deeper reason, and
      // one a microVM gives its container is where it belongs.
      else if (!allowed && !on.machine) out.push(problem("kernel/placement", [node.id], platformParams(ctx)));
      const distro = textProp(node, "distro");
      if (distro !== undefined) {
        const known = knownDistro(distro);
        const family = kernelFamily(node);
        if (known !== undefined && known.family !== family)
          out.push(
            problem("kernel/distro-family", [node.id], { distro, family, distroFamily: known.family }),
          );
      }
      return;
    }
    case "container-engine": {
      const onMachine = on.machine;
      const based = onMachine && scan.baseCount[p]! > 0;
      if (p === NONE || (on.kernel?.type !== "os" && !onMachine && !on.sharesHostKernel) || based)
        out.push(
          problem("engine/needs-kernel", [node.id], {
            ...platformParams(ctx),
            ...(based ? besideParams(scan, p) : {}),
          }),
        );
      else if (on.sharesHostKernel) out.push(problem("engine/nested", [node.id], platformParams(ctx)));
      else if (onMachine)
        out.push(problem("stack/os-not-drawn", [node.id], { ...platformParams(ctx), kind: node.kind }));
      const h = scan.host[i]!;
      if (isKernelHost(scan, h)) {
        const product = engineProduct(node);
        const kernel = ix.nodes[h]!;
        const family = kernelFamily(kernel);
        const supported = product === undefined ? undefined : ENGINE_FAMILIES[product];
        if (product !== undefined && supported !== undefined && !supported.includes(family))
          out.push(
            problem("engine/unsupported-kernel", [node.id], {
              product,
              family,
              kernel: kernel.id,
              supported: supported.join(", "),
              hint: unsupportedHint(kernel, product),
            }),
          );
      }
      return;
    }
    case "vm": {
      // Precedence (rules.md): under Fargate the provider's layers are reported once, as managed.
      if (needsHypervisor(node, ctx) && !isManagedLayer(node, ctx))
        out.push(problem("vm/needs-hypervisor", [node.id], platformParams(ctx)));
      if (scan.baseCount[i] === 0 && scan.onMachine[i] === 0) out.push(problem("vm/no-guest-os", [node.id]));
      checkMachine(node, i, scan, out);
      return;
    }
    case "physical-host": {
      checkMachine(node, i, scan, out);
      const above = ctx.stackAncestor;
      if (above !== undefined)
        out.push(problem("host/placement", [node.id], { ancestor: above.id, ancestorKind: above.kind }));
      return;
    }
    case "hypervisor": {
      const type = hypervisorType(node);
      const params = { hypervisorType: type, ...platformParams(ctx) };
      if (type === "type2") {
        if (on.kernel?.type !== "os") out.push(problem("hypervisor/placement", [node.id], params));
        return;
      }
      if (on.machine && ctx.platform?.kind === "vm") {
        out.push(problem("hypervisor/nested", [node.id], platformParams(ctx)));
        return;
      }
      if (ctx.platform?.kind === "physical-host") return;
      // KVM is part of Linux and Hyper-V of Windows: drawn on its own OS, it is in place.
      const own = osHypervisor(node);
      if (on.kernel?.type === "os" && own !== undefined) {
        const family = kernelFamily(ctx.platform!);
        if ((own === "kvm" && family === "linux") || (own === "hyperv" && family === "windows")) return;
      }
      out.push(
        problem("hypervisor/placement", [node.id], {
          ...params,
          ...(own !== undefined ? { product: own } : {}),
          ...(on.kernel?.type === "os" ? { family: kernelFamily(ctx.platform!) } : {}),
        }),
      );
      return;
    }
    case "server-app": {
      const onMachine = on.machine;
      if (onMachine && scan.baseCount[p] === 0)
        out.push(problem("stack/os-not-drawn", [node.id], { ...platformParams(ctx), kind: node.kind }));
      else if (p === NONE || (on.kernel?.type !== "os" && !on.sharesHostKernel))
        out.push(
          problem("app/placement", [node.id], {
            ...platformParams(ctx),
            ...(onMachine ? besideParams(scan, p) : {}),
          }),
        );
      pushConflicts(i, scan, out);
      return;
    }
    case "fargate":
    case "group":
    case "cloud":
    case "ecs-cluster":
    case "ecs-task":
    case "k8s-cluster":
    case "control-plane":
    case "pod":
    case "registry":
    case "image":
    case "volume":
    case "k8s-service":
      return;
    default: {
      // A new kind fails to compile here until someone decides its stack rules; at run time an
      // unknown kind (which the reader refuses) is ignored rather than thrown at the UI.
      const _unhandled: never = node.kind;
      return _unhandled;
    }
  }
}
