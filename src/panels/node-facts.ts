/**
 * The inspector's "runs on" chain and facts about a selected node, from the document alone
 * (loaded with the inspector's forms, src/panels/InspectorForms.tsx).
 */
import { ownProp } from "../domain/document.ts";
import { descendantsOf, type DiagramIndex } from "../domain/diagram.ts";
import { KIND_DEFS, propSpec } from "../domain/kinds/catalog.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { isOsKernel, sharesHostKernel } from "../domain/kinds/roles.ts";
import { displayLabel, hostKernelOf } from "../domain/view-model.ts";
import { translatePanel } from "../i18n/panel-strings.ts";

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
  const t = (k: Parameters<typeof translatePanel>[1], p?: Record<string, string | number>) =>
    translatePanel(lang, k, p);
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
