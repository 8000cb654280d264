/**
 * The one place where the Stackdraw document becomes React Flow nodes and edges. Derivation is
 * incremental by identity: a React Flow node object is reused whenever its document node, its
 * problems and its view state are unchanged, so React Flow (which re-processes a node only when
 * its object changes) and the memoised node view do O(changed) work per edit.
 */
import type { StackDocument, StackNode } from "../domain/document.ts";
import type { DiagramIndex } from "../domain/diagram.ts";
import type { Problem } from "../domain/rules/index.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { EDGE_KINDS, EDGE_KIND_DEFS, EDGE_WIDTH, type EdgeKind } from "../domain/kinds/catalog.ts";
import { edgeDasharray } from "../domain/view-model.ts";
import type { StackFlowNode, StackNodeData } from "./StackNodeView.tsx";
import type { RoutedFlowEdge } from "./RoutedEdge.tsx";
import { accessibleName } from "./view-model.ts";
import type { DropHint } from "../store/editor.ts";

export interface ViewState {
  lang: Lang;
  selected: ReadonlySet<string>;
  highlighted: ReadonlySet<string>;
  overlay: boolean;
  hint: DropHint | null;
  hintMessage: string | null;
  renaming: string | null;
  /** Zoomed far out: nodes are boxes without text. */
  far: boolean;
}

const NO_PROBLEMS: readonly Problem[] = [];

/**
 * Per edge kind, the line's inline style from its declared stroke and weight, as the export draws
 * it (shared objects, built once).
 */
const EDGE_STYLES = new Map<EdgeKind, Pick<RoutedFlowEdge, "style">>(
  EDGE_KINDS.map((k) => {
    const dash = edgeDasharray(k);
    const strokeWidth = EDGE_WIDTH[EDGE_KIND_DEFS[k].weight ?? "regular"];
    const style =
      dash === undefined
        ? { strokeWidth }
        : // Dots are round, as the export draws them.
          EDGE_KIND_DEFS[k].stroke === "dotted"
          ? { strokeWidth, strokeDasharray: dash, strokeLinecap: "round" as const }
          : { strokeWidth, strokeDasharray: dash };
    return [k, Object.freeze({ style: Object.freeze(style) })];
  }),
);
const edgeStyle = (kind: EdgeKind): Pick<RoutedFlowEdge, "style"> => EDGE_STYLES.get(kind) ?? {};

/**
 * Px of an edge's stroke that take the pointer (React Flow's invisible interaction path; its
 * default, 20, took clicks meant for the nodes a route runs beside).
 */
export const EDGE_HIT_WIDTH = 8;
/**
 * Edges are drawn above every node, a selected one too (React Flow lifts a selected node and its
 * subtree by 1,000): a route runs over its ends' ancestors, whose fill would hide it.
 */
const EDGE_Z = 2000;

function sameData(a: StackNodeData, b: StackNodeData): boolean {
  return (
    a.node === b.node &&
    a.lang === b.lang &&
    a.problems === b.problems &&
    a.hasChildren === b.hasChildren &&
    a.highlighted === b.highlighted &&
    a.managedBy === b.managedBy &&
    a.hint === b.hint &&
    a.hintMessage === b.hintMessage &&
    a.renaming === b.renaming &&
    a.far === b.far
  );
}

function edgeDom(e: StackDocument["edges"][number]): RoutedFlowEdge["domAttributes"] {
  const attrs: Record<string, string> = {
    "data-kind": e.kind,
    "data-source": e.source,
    "data-target": e.target,
  };
  return attrs;
}

/** Keeps the previous output to hand back identical objects for unchanged nodes. */
export class FlowAdapter {
  private nodeCache = new Map<string, StackFlowNode>();
  private edgeCache = new Map<string, RoutedFlowEdge>();
  /** The last edge list handed out: handed out again while every edge in it stands. */
  private edgeList: RoutedFlowEdge[] = [];
  /** The mounted ids in the index's order, for as long as the set and the tree's shape stand. */
  private mountedOrder: {
    mounted: ReadonlySet<string>;
    children: DiagramIndex["children"];
    ids: readonly string[];
  } | null = null;

  /**
   * The nodes to hand over, parents first. With a mounted set, the filtered order is kept while
   * the set and the tree's shape (the index's `children`, which a drag's index reuses) stand, so
   * each frame of a drag costs O(mounted) here rather than O(N).
   */
  private order(index: DiagramIndex, mounted: ReadonlySet<string> | null): Iterable<StackNode> {
    if (!mounted) return index.order;
    let cached = this.mountedOrder;
    if (!cached || cached.mounted !== mounted || cached.children !== index.children) {
      cached = {
        mounted,
        children: index.children,
        ids: index.order.filter((n) => mounted.has(n.id)).map((n) => n.id),
      };
      this.mountedOrder = cached;
    }
    return cached.ids.map((id) => index.byId.get(id)!);
  }

  /** `mounted`: the nodes to hand to React Flow (with their ancestors); null = all of them. */
  nodes(
    index: DiagramIndex,
    nodeProblems: ReadonlyMap<string, readonly Problem[]>,
    view: ViewState,
    mounted: ReadonlySet<string> | null = null,
  ): StackFlowNode[] {
    const next = new Map<string, StackFlowNode>();
    const out: StackFlowNode[] = [];
    // Parents before children: React Flow requires it for sub flows (xyflow#4438).
    for (const n of this.order(index, mounted)) {
      const data: StackNodeData = {
        node: n,
        lang: view.lang,
        problems: nodeProblems.get(n.id) ?? NO_PROBLEMS,
        hasChildren: (index.children.get(n.id)?.length ?? 0) > 0,
        highlighted: view.highlighted.has(n.id),
        managedBy: view.overlay ? (index.context.get(n.id)?.managedBy ?? "user") : null,
        hint: view.hint && view.hint.targetId === n.id ? (view.hint.ok ? "ok" : "bad") : null,
        hintMessage: view.hint && view.hint.targetId === n.id ? view.hintMessage : null,
        renaming: view.renaming === n.id,
        far: view.far,
      };
      const selected = view.selected.has(n.id);
      const prev = this.nodeCache.get(n.id);
      let rf: StackFlowNode;
      if (
        prev &&
        sameData(prev.data, data) &&
        prev.selected === selected &&
        prev.parentId === (n.parentId ?? undefined)
      )
        rf = prev;
      else rf = toFlowNode(n, prev && sameData(prev.data, data) ? prev.data : data, selected);
      next.set(n.id, rf);
      out.push(rf);
    }
    this.nodeCache = next;
    return out;
  }

  /**
   * Only edges between two mounted nodes can be drawn; `mounted` null = all nodes are. While no
   * edge changed (a drag moves nodes every frame, not edges), the very same array is returned, so
   * React Flow does not re-process its edges each frame (the routes change in the store, and each
   * edge reads its own).
   */
  edges(
    doc: StackDocument,
    selectedEdge: string | null,
    lang: Lang,
    edgeProblems: ReadonlySet<string>,
    mounted: ReadonlySet<string> | null = null,
    /** The edges with an end or a route in view (domain/viewport.ts edgesToMount); null = all. */
    visible: ReadonlySet<string> | null = null,
  ): RoutedFlowEdge[] {
    const next = new Map<string, RoutedFlowEdge>();
    const out: RoutedFlowEdge[] = [];
    for (const e of doc.edges) {
      if (mounted && !(mounted.has(e.source) && mounted.has(e.target))) continue;
      if (visible && !visible.has(e.id) && e.id !== selectedEdge) continue;
      const prev = this.edgeCache.get(e.id);
      const selected = e.id === selectedEdge;
      const bad = edgeProblems.has(e.id);
      let rf: RoutedFlowEdge;
      if (
        prev &&
        prev.data?.edge === e &&
        prev.selected === selected &&
        prev.data?.lang === lang &&
        prev.data?.bad === bad
      )
        rf = prev;
      else
        // The edge draws its route from the store (RoutedEdge), with its label: the person's, else
        // its kind in words.
        rf = {
          id: e.id,
          type: "routed",
          source: e.source,
          target: e.target,
          selected,
          className: `sd-edge sd-edge-${e.kind}${bad ? " sd-edge-bad" : ""}`,
          ...edgeStyle(e.kind),
          ariaLabel: `${EDGE_KIND_DEFS[e.kind].name[lang]}: ${e.source} → ${e.target}`,
          zIndex: EDGE_Z,
          interactionWidth: EDGE_HIT_WIDTH,
          // What the edge joins, on its element, as the SVG export says it.
          domAttributes: edgeDom(e),
          data: { edge: e, lang, bad },
        };
      next.set(e.id, rf);
      out.push(rf);
    }
    this.edgeCache = next;
    const last = this.edgeList;
    if (out.length === last.length && out.every((e, i) => e === last[i])) return last;
    this.edgeList = out;
    return out;
  }
}

export function toFlowNode(n: StackNode, data: StackNodeData, selected: boolean): StackFlowNode {
  const size = n.size ?? { width: 160, height: 64 };
  return {
    id: n.id,
    type: "stack",
    position: n.position ?? { x: 0, y: 0 },
    ...(n.parentId != null ? { parentId: n.parentId } : {}),
    width: size.width,
    height: size.height,
    // The size React Flow would measure (the node is drawn at exactly this size). Without it, React
    // Flow drops a changed node's handle bounds and measures the node again, and edges at its
    // handles unmount until then: every frame of a drag, for the dragged node (xyflow's
    // parseHandles keeps the bounds only of a node that comes with `measured`).
    measured: { width: size.width, height: size.height },
    data,
    selected,
    ariaLabel: accessibleName(n, data.lang),
    ariaRole: "button",
  };
}

/** Back from React Flow to the document: the geometry of a React Flow node as document fields. */
export function fromFlowNode(rf: Pick<StackFlowNode, "id" | "position" | "parentId" | "width" | "height">) {
  return {
    id: rf.id,
    parentId: rf.parentId ?? null,
    position: { x: rf.position.x, y: rf.position.y },
    size: rf.width != null && rf.height != null ? { width: rf.width, height: rf.height } : undefined,
  };
}
