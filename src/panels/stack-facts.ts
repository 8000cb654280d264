/**
 * What the inspector says about the whole diagram when nothing is selected, from the document
 * alone (a selected node's chain and facts are in node-facts.ts, with the inspector's forms).
 */
import { descendantsOf, type DiagramIndex } from "../domain/diagram.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { isMachine, kernelRole } from "../domain/kinds/roles.ts";
import { displayLabel } from "../domain/view-model.ts";
import { translate } from "../i18n/strings.ts";

/**
 * Kernels that run in a subtree (`roles.kernel`): OS kernels, plus type-1 hypervisors, which are
 * kernels of their own on bare metal (ESXi's VMkernel, KVM in Linux). This is the notes' comparison: a VM host runs
 * one kernel per VM and the hypervisor's; a container host runs one kernel for every container.
 */
export function kernelCount(index: DiagramIndex, id: string): { os: number; hypervisor: number } {
  let os = 0;
  let hypervisor = 0;
  for (const d of [id, ...descendantsOf(index, id)]) {
    const n = index.byId.get(d);
    const role = n === undefined ? undefined : kernelRole(n);
    if (role === "os") os++;
    else if (role === "hypervisor") hypervisor++;
  }
  return { os, hypervisor };
}

/** Facts about the whole diagram: the kernels on each machine at the root (or in a root frame). */
export function diagramFacts(index: DiagramIndex, lang: Lang): string[] {
  const out: string[] = [];
  const machines = index.order.filter((n) => isMachine(n.kind) && !index.context.get(n.id)?.stackAncestor);
  for (const m of machines) {
    const { os, hypervisor } = kernelCount(index, m.id);
    if (os + hypervisor === 0) continue;
    const label = displayLabel(m, lang);
    out.push(
      hypervisor
        ? translate(lang, "factRootKernels", { label, n: os + hypervisor, os, hv: hypervisor })
        : os === 1
          ? translate(lang, "factRootKernelsPlainOne", { label })
          : translate(lang, "factRootKernelsPlain", { label, n: os }),
    );
  }
  return out;
}
