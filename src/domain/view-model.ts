/**
 * What a node or an edge shows, from the document and the kinds' declarations alone (no React,
 * no React Flow, no DOM): its display label, key-prop lines, highlight, and how its outline is
 * drawn. The canvas node view (src/canvas/StackNodeView.tsx with src/styles.css) and the SVG
 * renderer (src/render/svg.ts) both read these, so they cannot draw a kind differently.
 */
import {
  EDGE_KIND_DEFS,
  KIND_DEFS,
  propSpec,
  type EdgeKind,
  type EdgeStroke,
  type Kind,
  type KindLook,
} from "./kinds/catalog.ts";
import { ownProp, type StackNode } from "./document.ts";
import { descendantsOf, type DiagramIndex } from "./diagram.ts";
import type { Lang, PortMapping, ServicePort } from "./kinds/props.ts";
import { isOsKernel, runsContainers, sharesHostKernel } from "./kinds/roles.ts";

export function displayLabel(node: StackNode, lang: Lang): string {
  return node.label ?? KIND_DEFS[node.kind].name[lang];
}

/** A Service port as one short text: `80→8080`, `80→http`, `80→8080 :30080`, `/udp` after. */
export function formatServicePort(p: ServicePort): string {
  const target = p.targetPort !== undefined && p.targetPort !== p.port ? `→${p.targetPort}` : "";
  const node = p.nodePort !== undefined ? ` :${p.nodePort}` : "";
  return `${p.port}${target}${node}${p.protocol === "udp" ? "/udp" : ""}`;
}

function formatPorts(v: unknown, service = false): string | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const parts = v.map((p: unknown) => {
    if (typeof p === "number") return String(p);
    if (service) return formatServicePort(p as ServicePort);
    const m = p as PortMapping;
    const proto = m.protocol === "udp" ? "/udp" : "";
    return m.host != null ? `${m.host}→${m.container}${proto}` : `${m.container}${proto}`;
  });
  return parts.length > 3 ? `${parts.slice(0, 3).join(", ")} +${parts.length - 3}` : parts.join(", ");
}

/** Whether `label` holds `text` as a whole word or words, ignoring case. */
function saysAlready(label: string, text: string): boolean {
  if (text === label) return true;
  const l = label.toLowerCase();
  const t = text.toLowerCase();
  let at = l.indexOf(t);
  while (at >= 0) {
    const before = at === 0 ? "" : l[at - 1]!;
    const after = at + t.length >= l.length ? "" : l[at + t.length]!;
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = l.indexOf(t, at + 1);
  }
  return false;
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
    else text = formatPorts(v, spec.type === "service-ports");
    // A line the label already says says nothing ("Ubuntu" / "Ubuntu", "Docker Engine" / "docker").
    if (text && !saysAlready(label, text))
      out.push(
        spec.type === "container-ports" || spec.type === "port-list" || spec.type === "service-ports"
          ? `:${text}`
          : text,
      );
  }
  return out.slice(0, 2);
}

/**
 * Nodes to highlight for a selection, as each selected node's kind declares (`look.highlight`):
 * "shares-it" (a kernel) lights up every container sharing it as its host kernel, and the engines
 * between; "runs-on-it" (a physical host, VM, hypervisor) lights up everything running on it.
 */
export function highlightFor(index: DiagramIndex, selected: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const id of selected) {
    const n = index.byId.get(id);
    if (!n) continue;
    const highlight = KIND_DEFS[n.kind].look.highlight;
    if (highlight === "shares-it") {
      for (const d of descendantsOf(index, id)) {
        if (hostKernelOf(index, d) !== id) continue;
        out.add(d);
        out.add(index.context.get(d)!.platform!.id); // its engine
      }
    } else if (highlight === "runs-on-it") {
      for (const d of descendantsOf(index, id)) out.add(d);
    }
  }
  return out;
}

/**
 * The host kernel of a node that shares one (`roles.sharesHostKernel`: a container) — its
 * platform runs containers "on-kernel" (an engine) on an OS kernel — or undefined.
 */
export function hostKernelOf(index: DiagramIndex, id: string): string | undefined {
  const n = index.byId.get(id);
  if (n === undefined || !sharesHostKernel(n.kind)) return undefined;
  const engine = index.context.get(id)?.platform;
  if (engine === undefined || runsContainers(engine.kind) !== "on-kernel") return undefined;
  const k = index.context.get(engine.id)?.platform;
  return k !== undefined && isOsKernel(k.kind) ? k.id : undefined;
}

// ---------------------------------------------------------------------------------------------
// Outlines

/** How a node of this kind is drawn: its shapes, border and highlight (`look` in the catalog). */
export function lookOf(kind: Kind): KindLook {
  return KIND_DEFS[kind].look;
}

/**
 * The shape a node is drawn with: its kind's `shape` when it holds children, its `leafShape`
 * when it does not (an image alone is a box of text; holding others, a frame with a title bar).
 */
export function drawnShape(kind: Kind, hasChildren: boolean): KindLook["shape"] {
  const look = KIND_DEFS[kind].look;
  return hasChildren ? look.shape : look.leafShape;
}

/** The corner radius of each shape, in px (styles.css: `.sd-node` 8 px, `.sd-frame` 10 px). */
export const CORNER_RADIUS: { readonly [S in KindLook["shape"]]: number } = { box: 8, frame: 10 };

/** The SVG `stroke-dasharray` of a node border (the canvas draws CSS `border-style` of the same name). */
export const BORDER_DASHARRAY: { readonly [B in KindLook["border"]]: string | undefined } = {
  solid: undefined,
  dashed: "5 4",
};

/** The `stroke-dasharray` of an edge line, on the canvas (inline on the path) and in the exports. */
export const STROKE_DASHARRAY: { readonly [S in EdgeStroke]: string | undefined } = {
  solid: undefined,
  dashed: "6 4",
  dotted: "2 4",
  "dash-dot": "8 3 2 3",
};

/** The dash pattern of an edge of this kind, from its declared stroke. */
export function edgeDasharray(kind: EdgeKind): string | undefined {
  return STROKE_DASHARRAY[EDGE_KIND_DEFS[kind].stroke];
}
