/**
 * Drawing by hand (docs/drawing.md §1): where a clicked preset goes, Arrange of the selection's
 * trees, "Fit to contents" and a finished resize. Each reads the state once and commits one undo
 * step; the placement itself is src/domain/placement.ts, run by the store on every commit.
 */
import { checkOf, type EditorState, type EditorStore } from "./editor.ts";
import type { Preset } from "../domain/kinds/presets.ts";
import { presetReceiver } from "../domain/drag.ts";
import { indexDocument, type DiagramIndex } from "../domain/diagram.ts";
import { absoluteRects } from "../domain/drop.ts";
import { mapNodes } from "../domain/edit.ts";
import { arrangeDocument, leafSize } from "../domain/geometry.ts";
import { boundsOf } from "../domain/viewport.ts";

/**
 * Where a clicked preset goes: the same choice as a drop, among the first selected node and its
 * ancestors (innermost first) and then the canvas root — the innermost that takes it without a new
 * error. Clicking Physical server with a server selected makes a second server beside it.
 */
export function clickReceiver(
  s: Pick<EditorState, "doc" | "index" | "selectedNodes" | "lang" | "rules">,
  preset: Preset,
) {
  const first = s.selectedNodes.find((id) => s.index.byId.has(id));
  const under: string[] = [];
  const seen = new Set<string>();
  for (
    let cur = first ?? null;
    cur != null && !seen.has(cur);
    cur = s.index.byId.get(cur)?.parentId ?? null
  ) {
    seen.add(cur);
    under.push(cur);
  }
  return presetReceiver(s.doc, s.index, preset, s.lang, under, checkOf(s));
}

/** The root of the tree `id` is in. */
export function treeRootOf(index: DiagramIndex, id: string): string {
  const seen = new Set<string>([id]);
  let cur = id;
  for (let p = index.byId.get(cur)?.parentId; p != null && !seen.has(p); p = index.byId.get(cur)?.parentId) {
    seen.add(p);
    cur = p;
  }
  return cur;
}

/**
 * Arrange (docs/drawing.md §1.7): lays out the trees of the selection — with one node selected,
 * the whole tree it belongs to — or, with nothing selected, the whole diagram, as one undo step.
 * Each arranged tree keeps its top-left corner (the whole diagram keeps its own), and the view
 * then shows the arranged trees whole, with a margin.
 */
export function arrangeTrees(store: EditorStore): void {
  const s = store.getState();
  if (s.doc.nodes.length === 0) return;
  const selected = s.selectedNodes.filter((id) => s.index.byId.has(id));
  const roots = selected.length ? [...new Set(selected.map((id) => treeRootOf(s.index, id)))] : null;
  const shown = roots ?? s.index.roots.map((r) => r.id);
  let next = arrangeDocument(s.doc, roots ?? undefined);
  if (roots === null) {
    // From (0, 0): moved back to where the diagram's top-left corner was.
    const was = boundsOf(absoluteRects(s.doc, s.index).values());
    const index = indexDocument(next);
    const is = boundsOf(absoluteRects(next, index).values());
    if (was && is && (was.x !== is.x || was.y !== is.y)) {
      const dx = was.x - is.x;
      const dy = was.y - is.y;
      next = mapNodes(next, shown, (n) => ({
        ...n,
        position: { x: (n.position?.x ?? 0) + dx, y: (n.position?.y ?? 0) + dy },
      }));
    }
  }
  if (!s.commit(next, "edit")) return;
  store.getState().frameNodes(shown);
}

/** Whether "Fit to contents" has something to do: a selected node sized by hand. */
export function canFitToContents(s: Pick<EditorState, "index" | "selectedNodes">): boolean {
  return s.selectedNodes.some((id) => s.index.byId.get(id)?.manualSize === true);
}

/**
 * "Fit to contents": the selected nodes sized by hand go back to fitting their children (a leaf:
 * its label's size), as one undo step.
 */
export function fitToContents(store: EditorStore): void {
  const s = store.getState();
  const ids = s.selectedNodes.filter((id) => s.index.byId.get(id)?.manualSize === true);
  if (ids.length === 0) return;
  s.commit(
    mapNodes(s.doc, ids, (n) => {
      const { manualSize: _m, ...rest } = n;
      return (s.index.children.get(n.id)?.length ?? 0) > 0
        ? rest
        : { ...rest, size: leafSize(n.kind, n.label) };
    }),
  );
}

export type Walk = "parent" | "first-child" | "next-sibling" | "prev-sibling";

/**
 * The node a keyboard walk goes to from the first selected node: its parent, its first child, its
 * next or previous sibling (roots are siblings too), in the order the canvas lists them — or, with
 * nothing selected, the first root. Null when there is nowhere to go.
 */
export function walkTarget(s: Pick<EditorState, "index" | "selectedNodes">, walk: Walk): string | null {
  const from = s.selectedNodes.find((id) => s.index.byId.has(id));
  if (from === undefined) return s.index.roots[0]?.id ?? null;
  const node = s.index.byId.get(from)!;
  if (walk === "parent")
    return node.parentId != null && s.index.byId.has(node.parentId) ? node.parentId : null;
  if (walk === "first-child") return s.index.children.get(from)?.[0] ?? null;
  const siblings =
    node.parentId != null && s.index.byId.has(node.parentId)
      ? (s.index.children.get(node.parentId) ?? [])
      : s.index.roots.map((r) => r.id);
  const i = siblings.indexOf(from);
  const j = walk === "next-sibling" ? i + 1 : i - 1;
  return siblings[(j + siblings.length) % siblings.length] ?? null;
}

/** Selects where a keyboard walk goes and brings it into view; false when there is nowhere to go. */
export function walkSelection(store: EditorStore, walk: Walk): boolean {
  const s = store.getState();
  const to = walkTarget(s, walk);
  if (to === null || (s.selectedNodes.length === 1 && s.selectedNodes[0] === to)) return false;
  s.revealNode(to);
  return true;
}
