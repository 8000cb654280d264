/**
 * The one place where the Stackdraw document becomes React Flow nodes and edges. Derivation is
 * incremental by identity: a React Flow node object is reused whenever its document node, its
 * problems and its view state are unchanged, so React Flow (which re-processes a node only when
 * its object changes) and the memoised node view do O(changed) work per edit.
 */
import type { Edge } from "@xyflow/react";
import type { StackDocument, StackNode } from "../domain/document.ts";
import type { DiagramIndex } from "../domain/diagram.ts";
import type { Problem } from "../domain/rules/index.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { EDGE_KINDS, EDGE_KIND_DEFS, type EdgeKind } from "../domain/kinds/catalog.ts";
import { edgeDasharray } from "../domain/view-model.ts";
import type { StackFlowNode, StackNodeData } from "./StackNodeView.tsx";
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

/** Per edge kind, the line's inline style from its declared stroke (shared objects, built once). */
const EDGE_STYLES = new Map<EdgeKind, Pick<Edge, "style">>(
  EDGE_KINDS.map((k) => {
    const dash = edgeDasharray(k);
    return [k, Object.freeze(dash === undefined ? {} : { style: Object.freeze({ strokeDasharray: dash }) })];
  }),
);
const edgeStyle = (kind: EdgeKind): Pick<Edge, "style"> => EDGE_STYLES.get(kind) ?? {};

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

/** Keeps the previous output to hand back identical objects for unchanged nodes. */
export class FlowAdapter {
  private nodeCache = new Map<string, StackFlowNode>();
  private edgeCache = new Map<string, Edge>();
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

  /** Only edges between two mounted nodes can be drawn; `mounted` null = all nodes are. */
  edges(
    doc: StackDocument,
    selectedEdge: string | null,
    lang: Lang,
    edgeProblems: ReadonlySet<string>,
    mounted: ReadonlySet<string> | null = null,
  ): Edge[] {
    const next = new Map<string, Edge>();
    const out: Edge[] = [];
    for (const e of doc.edges) {
      if (mounted && !(mounted.has(e.source) && mounted.has(e.target))) continue;
      const prev = this.edgeCache.get(e.id);
      const selected = e.id === selectedEdge;
      const bad = edgeProblems.has(e.id);
      // Only the person's own labels are drawn: kind names on every pull and launch line cluttered
      // the figures; the line style tells the kind, and the inspector names it.
      const label = e.label;
      let rf: Edge;
      if (
        prev &&
        prev.data?.edge === e &&
        prev.selected === selected &&
        prev.data?.lang === lang &&
        prev.data?.bad === bad
      )
        rf = prev;
      else
        rf = {
          id: e.id,
          source: e.source,
          target: e.target,
          label,
          selected,
          className: `sd-edge sd-edge-${e.kind}${bad ? " sd-edge-bad" : ""}`,
          ...edgeStyle(e.kind),
          ariaLabel: `${EDGE_KIND_DEFS[e.kind].name[lang]}: ${e.source} → ${e.target}`,
          zIndex: 1000,
          data: { edge: e, lang, bad },
        };
      next.set(e.id, rf);
      out.push(rf);
    }
    this.edgeCache = next;
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
