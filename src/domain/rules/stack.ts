/**
 * The stack rules (rules.md, "Stack rules"): what may run on what along the runs-on chain.
 * Each check is a constant-time look at one node's {@link NodeContext}, plus the per-machine
 * bases and the port conflicts gathered in the first pass.
 */
import { NONE, type CompactIndex, type NodeContext } from "../diagram.ts";
import type { StackNode } from "../document.ts";
import { kernelRole, NO_ROLES, type KindProfile } from "../kinds/roles.ts";
import {
  archProp,
  containerOs,
  distroFamily,
  ENGINE_FAMILIES,
  engineProduct,
  hypervisorType,
  kernelFamily,
  textProp,
} from "./prop-values.ts";
import { isManagedLayer } from "./cloud.ts";
import { hostKernelAt } from "./ports.ts";
import { problem } from "./problem.ts";
import type { Problem, ProblemParam } from "./types.ts";

/** What the first pass gathered for the per-node checks, by document position. */
export interface Scan {
  ix: CompactIndex;
  /** Per machine (`roles.machine`): how many kernels (`roles.kernel`: OS kernels, type-1 hypervisors) run on it. */
  baseCount: Int32Array;
  /** Per machine: the first of them, and whether any is an OS kernel. */
  firstBase: Int32Array;
  hasKernel: Uint8Array;
  /** The rest of them, for the rare machine with more than one (document order). */
  moreBases: Map<number, number[]>;
  /** Port-conflict problems, keyed by the position of the listener they are reported with. */
  conflicts: Map<number, Problem[]>;
}

/** The roles of the kind of the node at position `k` (none for {@link NONE}). */
const rolesAt = (ix: CompactIndex, k: number): KindProfile => (k === NONE ? NO_ROLES : ix.profile[k]!);

/** First pass: records node `i` as a base of its machine when it is a kernel it boots (`kernelRole`). */
export function collectBase(scan: Omit<Scan, "conflicts">, i: number): void {
  const { ix } = scan;
  const node = ix.nodes[i]!;
  const role = kernelRole(node);
  if (role === undefined) return;
  const isKernel = role === "os";
  const m = ix.platform[i]!;
  if (!rolesAt(ix, m).machine) return;
  const count = scan.baseCount[m]!;
  if (count === 0) scan.firstBase[m] = i;
  else {
    const more = scan.moreBases.get(m);
    if (more === undefined) scan.moreBases.set(m, [i]);
    else more.push(i);
  }
  scan.baseCount[m] = count + 1;
  if (isKernel) scan.hasKernel[m] = 1;
}

/** The platform as message params: its id and kind, or nothing at the root. */
function platformParams(ctx: NodeContext): Record<string, ProblemParam> {
  const p = ctx.platform;
  return p === undefined ? {} : { platform: p.id, platformKind: p.kind };
}

function checkMachine(node: StackNode, i: number, scan: Scan, out: Problem[]): void {
  const count = scan.baseCount[i]!;
  if (count < 2) return;
  const ids = [node.id, scan.ix.nodes[scan.firstBase[i]!]!.id];
  for (const k of scan.moreBases.get(i) ?? []) ids.push(scan.ix.nodes[k]!.id);
  out.push(problem("machine/multiple-bases", ids, { count }));
}

function pushConflicts(i: number, scan: Scan, out: Problem[]): void {
  const list = scan.conflicts.get(i);
  if (list !== undefined) for (const p of list) out.push(p);
}

/** Second pass: the stack rules about `node` (at position `i`), in the order of rules.md's table. */
export function checkStackNode(
  node: StackNode,
  i: number,
  ctx: NodeContext,
  scan: Scan,
  out: Problem[],
): void {
  const platform = ctx.platform;
  // The platform's roles (ctx.platform is the node at ix.platform[i]).
  const on = rolesAt(scan.ix, scan.ix.platform[i]!);
  switch (node.kind) {
    case "container": {
      if (on.runsContainers === undefined)
        out.push(problem("container/needs-engine", [node.id], platformParams(ctx)));
      const k = hostKernelAt(scan.ix, i);
      if (k !== NONE) {
        const kernel = scan.ix.nodes[k]!;
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
      const inContainer = ctx.containerLike;
      if (inContainer !== undefined)
        out.push(
          problem("container/own-kernel", [node.id], {
            container: inContainer.id,
            containerKind: inContainer.kind,
          }),
        );
      // Precedence (rules.md): a kernel inside a container is misplaced for a deeper reason.
      else if (!on.machine) out.push(problem("kernel/placement", [node.id], platformParams(ctx)));
      const distro = textProp(node, "distro");
      if (distro !== undefined) {
        const expected = distroFamily(distro);
        const family = kernelFamily(node);
        if (expected !== undefined && expected !== family)
          out.push(problem("kernel/distro-family", [node.id], { distro, family, distroFamily: expected }));
      }
      return;
    }
    case "container-engine": {
      if (platform === undefined || on.kernel?.type !== "os") {
        out.push(problem("engine/needs-kernel", [node.id], platformParams(ctx)));
        return;
      }
      const product = engineProduct(node);
      const family = kernelFamily(platform);
      const supported = ENGINE_FAMILIES[product];
      if (!supported.includes(family))
        out.push(
          problem("engine/unsupported-kernel", [node.id], {
            product,
            family,
            kernel: platform.id,
            supported: supported.join(", "),
          }),
        );
      return;
    }
    case "vm": {
      // Precedence (rules.md): under Fargate the provider's layers are reported once, as managed.
      if (
        (platform === undefined || platform.kind !== "hypervisor") &&
        ctx.cloud === undefined &&
        !isManagedLayer(node, ctx)
      )
        out.push(problem("vm/needs-hypervisor", [node.id], platformParams(ctx)));
      if (scan.hasKernel[i] === 0) out.push(problem("vm/no-guest-os", [node.id]));
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
      const ok = type === "type1" ? platform?.kind === "physical-host" : platform?.kind === "kernel";
      if (!ok)
        out.push(
          problem("hypervisor/placement", [node.id], { hypervisorType: type, ...platformParams(ctx) }),
        );
      return;
    }
    case "server-app": {
      if (platform === undefined || (platform.kind !== "kernel" && platform.kind !== "container"))
        out.push(problem("app/placement", [node.id], platformParams(ctx)));
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
      return;
    default: {
      // A new kind fails to compile here until someone decides its stack rules; at run time an
      // unknown kind (which the reader refuses) is ignored rather than thrown at the UI.
      const _unhandled: never = node.kind;
      return _unhandled;
    }
  }
}
