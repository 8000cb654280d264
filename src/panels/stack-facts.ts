/**
 * The inspector's "runs on" chain and facts about a node, from the document alone.
 */
import { ownProp } from "../domain/document.ts";
import { descendantsOf, type DiagramIndex } from "../domain/diagram.ts";
import { KIND_DEFS, propSpec } from "../domain/kinds/catalog.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { isMachine, isOsKernel, kernelRole, sharesHostKernel } from "../domain/kinds/roles.ts";
import { displayLabel, hostKernelOf } from "../domain/view-model.ts";
import { translate } from "../i18n/strings.ts";

export { hostKernelOf };

/** "nginx → Docker Engine → Ubuntu (Linux kernel) → VM → ESXi → Server": the node, then each platform below it. */
export function chainOf(index: DiagramIndex, id: string, lang: Lang): string[] {
  const out: string[] = [];
  let cur = index.byId.get(id);
  const seen = new Set<string>();
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    let name = displayLabel(cur, lang);
    if (isOsKernel(cur.kind)) {
      const spec = propSpec(cur.kind, "family");
      const fam = (ownProp(cur.props, "family") as string | undefined) ?? "linux";
      const famName =
        spec?.type === "enum" ? (spec.options.find((o) => o.value === fam)?.name[lang] ?? fam) : fam;
      name += lang === "ko" ? ` (${famName} 커널)` : ` (${famName} kernel)`;
    }
    out.push(name);
    cur = index.context.get(cur.id)?.platform;
  }
  return out;
}

/** Containers whose host kernel is `kernelId`. */
export function containersOnKernel(index: DiagramIndex, kernelId: string): string[] {
  return descendantsOf(index, kernelId).filter((d) => hostKernelOf(index, d) === kernelId);
}

export function factsOf(index: DiagramIndex, id: string, lang: Lang): string[] {
  const node = index.byId.get(id);
  if (!node) return [];
  const facts: string[] = [];
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
    translate(lang, k, p);
  if (sharesHostKernel(node.kind)) {
    const k = hostKernelOf(index, id);
    if (k) {
      const others = containersOnKernel(index, k).length - 1;
      facts.push(
        others === 0
          ? t("factSharesKernelNone")
          : others === 1
            ? t("factSharesKernelOne")
            : t("factSharesKernel", { n: others }),
      );
    }
  }
  const osKernel = isOsKernel(node.kind);
  if (osKernel) facts.push(t("factKernelContainers", { n: containersOnKernel(index, id).length }));
  const below = descendantsOf(index, id);
  if (KIND_DEFS[node.kind].family !== "artifact" && below.length) {
    facts.push(t("factRunsOnIt", { n: below.length }));
    const kernels = below.filter((d) => {
      const n = index.byId.get(d);
      return n !== undefined && isOsKernel(n.kind);
    }).length;
    if (!osKernel && kernels > 0) facts.push(t("factKernels", { n: kernels }));
  }
  const m = index.context.get(id)?.managedBy ?? "user";
  facts.push(t("factManagedBy", { who: t(m === "provider" ? "whoProvider" : "whoUser") }));
  return facts;
}

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
