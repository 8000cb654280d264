/**
 * What a node shows, computed from the document without React or React Flow: its display label,
 * key-prop lines, accessible name, highlight and overlay state. Shared by the canvas node view and
 * the component tests.
 */
import { KIND_DEFS, propSpec } from "../domain/kinds/catalog.ts";
import { ownProp, type StackNode } from "../domain/document.ts";
import type { DiagramIndex } from "../domain/diagram.ts";
import { descendantsOf } from "../domain/diagram.ts";
import type { Lang, PortMapping } from "../domain/kinds/props.ts";
import { translate } from "../i18n/strings.ts";

export function displayLabel(node: StackNode, lang: Lang): string {
  return node.label ?? KIND_DEFS[node.kind].name[lang];
}

export function accessibleName(node: StackNode, lang: Lang): string {
  return translate(lang, "nodeName", {
    kind: KIND_DEFS[node.kind].name[lang],
    label: displayLabel(node, lang),
  });
}

function formatPorts(v: unknown): string | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const parts = v.map((p: unknown) => {
    if (typeof p === "number") return String(p);
    const m = p as PortMapping;
    const proto = m.protocol === "udp" ? "/udp" : "";
    return m.host != null ? `${m.host}→${m.container}${proto}` : `${m.container}${proto}`;
  });
  return parts.length > 3 ? `${parts.slice(0, 3).join(", ")} +${parts.length - 3}` : parts.join(", ");
}

/** The key props a node shows under its label, each as a short line ("nginx:1.27", ":8080→80"). */
export function keyPropLines(node: StackNode, lang: Lang): string[] {
  const out: string[] = [];
  const def = KIND_DEFS[node.kind];
  const label = displayLabel(node, lang);
  for (const key of def.keyProps) {
    const spec = propSpec(node.kind, key);
    const v = ownProp(node.props, key);
    if (!spec || v === undefined || v === null || v === "") continue;
    let text: string | null = null;
    if (spec.type === "enum") text = spec.options.find((o) => o.value === v)?.name[lang] ?? String(v);
    else if (spec.type === "text") text = typeof v === "string" ? v : null;
    else text = formatPorts(v);
    // A line repeating the label says nothing ("Ubuntu" / "Ubuntu").
    if (text && text !== label)
      out.push(spec.type === "container-ports" || spec.type === "port-list" ? `:${text}` : text);
  }
  return out.slice(0, 2);
}

/**
 * Nodes to highlight for a selection: a kernel lights up every container sharing it (and the
 * engines between); a machine (physical host, VM, hypervisor) lights up everything running on it.
 */
export function highlightFor(index: DiagramIndex, selected: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const id of selected) {
    const n = index.byId.get(id);
    if (!n) continue;
    if (n.kind === "kernel") {
      for (const d of descendantsOf(index, id)) {
        const ctx = index.context.get(d);
        const dn = index.byId.get(d);
        if (!ctx || !dn) continue;
        if (dn.kind === "container" && ctx.platform?.kind === "container-engine") {
          const engineCtx = index.context.get(ctx.platform.id);
          if (engineCtx?.platform?.id === id) {
            out.add(d);
            out.add(ctx.platform.id);
          }
        }
      }
    } else if (n.kind === "physical-host" || n.kind === "vm" || n.kind === "hypervisor") {
      for (const d of descendantsOf(index, id)) out.add(d);
    }
  }
  return out;
}
