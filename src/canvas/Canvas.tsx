import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent as ReactDragEvent,
  type MouseEvent as ReactMouseEvent,
} from "react";
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type NodeMouseHandler,
  type OnNodeDrag,
  type Viewport as FlowViewport,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEditor, useEditorStore, useLoaded, useT, useViewControls } from "../store/context.tsx";
import { checkOf, stillDoc, stillIndex, type EditorState } from "../store/editor.ts";
import { FlowAdapter } from "./adapter.ts";
import { StackNodeView, type StackFlowNode } from "./StackNodeView.tsx";
import { RoutedEdge, type RoutedFlowEdge } from "./RoutedEdge.tsx";
import { highlightFor } from "./view-model.ts";
import { onDemand, problemMessages } from "../browser/on-demand.ts";
import { absoluteRects } from "../domain/drop.ts";
import {
  beginNodeDrag,
  dropNodes,
  nodeDropHint,
  presetDropAt,
  presetDropHint,
  subtreeTops,
  withPositions,
  type NodeDrag,
} from "../domain/drag.ts";
import { addEdge, mapNodes, removeEdges, removeNodes } from "../domain/edit.ts";
import { defaultEdgeKind } from "../domain/kinds/catalog.ts";
import { presetById } from "../domain/kinds/presets.ts";
import { PRESET_MIME } from "../store/actions.ts";
import { withFileActions } from "../store/file-actions-part.ts";
import type { Point, Size, StackDocument, Viewport } from "../domain/document.ts";
import type { DiagramIndex } from "../domain/diagram.ts";
import {
  boundsOf,
  containsRect,
  expandRect,
  fitViewport,
  nodesToMount,
  edgesToMount,
  MOUNT_ALL_MAX_EDGES,
  visibleArea,
  type FitOptions,
} from "../domain/viewport.ts";
import type { Rect } from "../domain/drop.ts";
import { fitInto, insetsFor, showsWhole } from "../domain/view-fit.ts";

const nodeTypes = { stack: StackNodeView };
/** Every edge is drawn along the route the store keeps for it (src/domain/routing). */
const edgeTypes = { routed: RoutedEdge };
/** Fitting never zooms in past 100%: a single small node should not fill the screen. */
export const FIT_VIEW: FitOptions = { padding: 0.06, minZoom: 0.1, maxZoom: 1 };
const MAX_ZOOM = 2;
const MINIMAP_STYLE = { width: 160, height: 110 };
/**
 * Up to this many nodes everything is mounted (and the minimap shown). Past it the canvas mounts
 * only what the view shows, plus a margin: React Flow's own `onlyRenderVisibleElements` still
 * mounts every node on first load (xyflow#3883), and a node out of view costs as much as one in it.
 */
export const MOUNT_ALL_MAX_NODES = 300;
/**
 * Below this many nodes there is no minimap: such a diagram is seen whole at a readable size, and a
 * minimap over the pane would only take room from it (a template opens whole with its names at
 * 11 px or more on a laptop, docs/drawing.md §1.10).
 */
export const MINIMAP_MIN_NODES = 50;
/** How far past the view (as a fraction of its size, on each side) mounted nodes reach. */
const MOUNT_MARGIN = 0.3;
/** Below this zoom a label is under 4 px tall: nodes drop their text and show as coloured boxes. */
export const FAR_ZOOM = 0.3;
/**
 * Past this many nodes, the far-zoom view is drawn on one canvas (./FarLayer.tsx) instead of as
 * DOM boxes: a fitted big diagram puts more boxes on screen than the browser can composite in a
 * frame. It loads on demand, when a document first has that many nodes.
 */
export const FAR_LAYER_MIN_NODES = MOUNT_ALL_MAX_NODES;
const farLayerPart = onDemand(() => import("./FarLayer.tsx"));
/** In the far layer, at most this many selected nodes keep a DOM element (for focus and their names). */
const FAR_MOUNTED_SELECTION = 50;
const NOTHING: ReadonlySet<string> = new Set();

/**
 * View classes set on the canvas element directly (no React render): `sd-far` when zoomed far out
 * (the nodes themselves re-render without text then: `far` in their data); `sd-moving` while the view pans or zooms, which gives the viewport its own
 * compositor layer so that a pan moves a finished picture instead of repainting every node each
 * frame (only while moving: a promoted layer keeps its raster scale, and text would blur after a zoom).
 */
function setViewClasses(el: HTMLElement | null, vp: Viewport, moving?: boolean) {
  if (!el) return;
  el.classList.toggle("sd-far", vp.zoom < FAR_ZOOM);
  if (moving !== undefined) el.classList.toggle("sd-moving", moving);
}

/** The area worth mounting for a view; null = mount everything. */
function coverFor(vp: Viewport, pane: { width: number; height: number }): Rect | null {
  if (pane.width <= 0 || pane.height <= 0) return null;
  return expandRect(visibleArea(vp, pane.width, pane.height), MOUNT_MARGIN);
}

/** The view that shows the whole document in the pane. */
function fitAll(doc: StackDocument, index: DiagramIndex, pane: { width: number; height: number }): Viewport {
  return fitViewport(boundsOf(absoluteRects(doc, index).values()), pane.width, pane.height, FIT_VIEW);
}

/** What floats over the pane — the minimap, the controls, the legend — in the pane's own coordinates. */
function paneObstacles(section: HTMLElement): Rect[] {
  const p = section.getBoundingClientRect();
  const els = [
    ...section.querySelectorAll(".react-flow__minimap, .react-flow__controls"),
    ...(section.parentElement?.querySelectorAll(":scope > .sd-legend") ?? []),
  ];
  return els.map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - p.left, y: r.top - p.top, width: r.width, height: r.height };
  });
}

/** The root of the tree `id` is in. */
function treeRoot(index: DiagramIndex, id: string): string {
  const seen = new Set<string>();
  let cur = id;
  for (let p = index.byId.get(cur)?.parentId; p != null && !seen.has(p); p = index.byId.get(cur)?.parentId) {
    seen.add(p);
    cur = p;
  }
  return cur;
}

/** The screen margin kept around what Fit view, Zoom to selection and Arrange show. */
export const FRAME_MARGIN = 24;

/** A node drag starting now: what stays still is the document as the gesture began. */
function beginDrag(s: EditorState, dragged: readonly string[]): NodeDrag {
  return beginNodeDrag(
    { doc: stillDoc(s), index: stillIndex(s), problems: s.nodeProblems, check: checkOf(s) },
    dragged,
  );
}

function FitIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

function clientPoint(e: MouseEvent | TouchEvent): Point {
  if ("clientX" in e) return { x: e.clientX, y: e.clientY };
  const t = e.changedTouches[0] ?? e.touches[0];
  return { x: t?.clientX ?? 0, y: t?.clientY ?? 0 };
}

/** Where a right-click on the canvas landed: on a node, an edge or the empty canvas. */
export type CanvasPlace = "node" | "edge" | "canvas";

export interface CanvasProps {
  /** The mouse wheel zooms (as older editors do) instead of panning; Ctrl/⌘+wheel and pinch zoom either way. */
  wheelZooms?: boolean;
  /** A right-click, after selecting what it was on: the app shell opens the command menu there. */
  onContextMenu?: (place: CanvasPlace, at: { x: number; y: number }) => void;
  /** Opens the template gallery: the empty canvas offers it beside dragging a preset. */
  onOpenTemplates?: () => void;
  /**
   * A template opened that the pane cannot show whole with names at a readable size: the app
   * shell gives the canvas the side panels' room (the canvas then fits the view again).
   */
  onNeedRoom?: () => void;
}

const NO_EDGES: never[] = [];

/** Names are drawn at 13 px: at this zoom they are 11 px on screen, the least that reads on a laptop. */
export const READABLE_ZOOM = 11 / 13;

function CanvasInner({ wheelZooms = false, onContextMenu, onOpenTemplates, onNeedRoom }: CanvasProps) {
  const store = useEditorStore();
  const t = useT();
  const flow = useReactFlow();
  const doc = useEditor((s) => s.doc);
  const index = useEditor((s) => s.index);
  const nodeProblems = useEditor((s) => s.nodeProblems);
  const problems = useEditor((s) => s.problems);
  const lang = useEditor((s) => s.lang);
  const selectedNodes = useEditor((s) => s.selectedNodes);
  const selectedEdge = useEditor((s) => s.selectedEdge);
  const overlay = useEditor((s) => s.overlay);
  const hint = useEditor((s) => s.dropHint);
  const reveal = useEditor((s) => s.reveal);
  const theme = useEditor((s) => s.theme);
  const renaming = useEditor((s) => s.renaming);

  // What stays still during a gesture: the document as it was when the gesture began.
  const stillDocument = useEditor(stillDoc);
  const stillIdx = useEditor(stillIndex);

  // The pane's size, measured before the first paint so that React Flow starts at the right view
  // (the document's saved viewport, or the whole document fitted) instead of jumping to it; and
  // the part of the document the mounted nodes cover (a pan inside it changes nothing).
  const sectionRef = useRef<HTMLElement>(null);
  // `far`: zoomed out past FAR_ZOOM, where nodes are drawn as boxes without text.
  const [frame, setFrame] = useState<{
    pane: { width: number; height: number };
    initial: Viewport;
    cover: Rect | null;
    far: boolean;
  } | null>(null);
  const pane = frame?.pane ?? null;
  /** Follows the view: re-covers when it leaves the covered area or zooms far into it. */
  // The frame as last rendered, for `follow` to test a move against without a state update:
  // a pan calls it every frame, and almost every call changes nothing.
  const frameRef = useRef(frame);
  useLayoutEffect(() => {
    frameRef.current = frame;
  }, [frame]);
  const follow = useCallback((vp: Viewport) => {
    const covered = (f: typeof frame) => {
      if (!f?.cover) return true;
      const seen = visibleArea(vp, f.pane.width, f.pane.height);
      return containsRect(f.cover, seen) && f.cover.width * f.cover.height <= 9 * seen.width * seen.height;
    };
    const far = vp.zoom < FAR_ZOOM;
    if (covered(frameRef.current) && frameRef.current?.far === far) return;
    setFrame((f) =>
      !f || (covered(f) && f.far === far)
        ? f
        : { ...f, far, cover: covered(f) ? f.cover : coverFor(vp, f.pane) },
    );
  }, []);
  useLayoutEffect(() => {
    const el = sectionRef.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      const next = { width: r.width, height: r.height };
      setFrame((f) => {
        if (f)
          return f.pane.width === next.width && f.pane.height === next.height
            ? f
            : { ...f, pane: next, cover: coverFor(flow.getViewport(), next) };
        const s = store.getState();
        const initial = s.viewport ?? fitAll(s.doc, s.index, next);
        setViewClasses(el, initial);
        return { pane: next, initial, cover: coverFor(initial, next), far: initial.zoom < FAR_ZOOM };
      });
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [store, flow]);

  // Which nodes to mount: all of a small diagram; of a big one, what the view shows (with a margin),
  // the selection's tops and the node being renamed, with their ancestors. A gesture keeps the set
  // it started with: a drag moves mounted nodes, and re-culling on every frame would cost O(N).
  // (Two steps: what the view needs is O(N) and changes with the view and the document; what the
  // selection adds is O(selection) and changes on every click.)
  const cover = frame?.cover ?? null;
  // Recomputed when the layout may have changed (not on a label or prop edit that leaves every
  // box where it was: a new set costs O(N) and would re-render React Flow's node list).
  const layoutVersion = useEditor((s) => s.layoutVersion);
  // Zoomed far out on a big diagram, the canvas layer draws it: only what needs a DOM element is
  // mounted then (the selection, the node being renamed, the drop's receiver).
  // While it loads, nothing is mounted (building thousands of boxes to drop them a moment later
  // would cost more than the wait); should it fail to load, the boxes are DOM nodes after all.
  const big = stillDocument.nodes.length > FAR_LAYER_MIN_NODES;
  const farModule = useLoaded(farLayerPart, big);
  const [farFailed, setFarFailed] = useState(false);
  useEffect(() => {
    if (big) farLayerPart.load().catch(() => setFarFailed(true));
  }, [big]);
  const layerOn = (frame?.far ?? false) && big && !farFailed;
  const inView = useMemo(
    () =>
      layerOn
        ? NOTHING
        : stillDocument.nodes.length <= MOUNT_ALL_MAX_NODES || !cover
          ? null
          : nodesToMount(stillDocument, stillIdx, cover, [], store.getState().routes),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- stillDocument and stillIdx matter only through their layout
    [layoutVersion, cover, layerOn],
  );
  // Edges are culled as nodes are: past MOUNT_ALL_MAX_EDGES (or when nodes are culled), only the
  // edges with an end or a route in view are mounted.
  const edgesInView = useMemo(
    () =>
      layerOn
        ? NOTHING
        : !cover || (stillDocument.edges.length <= MOUNT_ALL_MAX_EDGES && !inView)
          ? null
          : edgesToMount(stillDocument, stillIdx, cover, store.getState().routes),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- stillDocument and stillIdx matter only through their layout
    [layoutVersion, cover, inView, layerOn],
  );
  const mounted = useMemo(() => {
    if (!inView) return null;
    // The selected nodes that have no selected ancestor: the ones a drag moves. (In the far layer:
    // the first selected nodes, which the keyboard focuses.)
    const keep = layerOn
      ? selectedNodes.slice(0, FAR_MOUNTED_SELECTION)
      : subtreeTops(stillIdx, selectedNodes);
    if (renaming) keep.push(renaming);
    if (keep.every((id) => inView.has(id))) return inView;
    const out = new Set(inView);
    for (const id of keep)
      for (
        let cur: string | null | undefined = id;
        cur != null && !out.has(cur);
        cur = stillIdx.byId.get(cur)?.parentId
      )
        out.add(cur);
    return out;
  }, [inView, stillIdx, selectedNodes, renaming, layerOn]);

  // One adapter per canvas: it remembers the last output to hand back unchanged node objects.
  const [adapter] = useState(() => new FlowAdapter());
  const selectedSet = useMemo(() => new Set(selectedNodes), [selectedNodes]);
  const highlighted = useMemo(() => highlightFor(index, selectedNodes), [index, selectedNodes]);
  // The messages come on demand (warmed at the first press): until then, the rule's title, from
  // the rules engine that judged the drop.
  const messages = useLoaded(problemMessages, hint?.problem !== undefined);
  const rules = useEditor((s) => s.rules);
  const hintMessage = hint?.problem
    ? (messages?.problemMessage(hint.problem, lang, doc) ??
      rules?.RULES[hint.problem.rule].title[lang] ??
      hint.problem.rule)
    : null;
  // Nothing is handed to React Flow before the pane is measured (it is not rendered until then).
  const measured = frame !== null;
  const far = frame?.far ?? false;
  const nodes = useMemo(
    () =>
      measured
        ? adapter.nodes(
            index,
            nodeProblems,
            { lang, selected: selectedSet, highlighted, overlay, hint, hintMessage, renaming, far },
            mounted,
          )
        : [],
    [
      measured,
      adapter,
      index,
      nodeProblems,
      lang,
      selectedSet,
      highlighted,
      overlay,
      hint,
      hintMessage,
      renaming,
      far,
      mounted,
    ],
  );
  const edgeProblems = useMemo(
    () => new Set(problems.flatMap((p) => (p.edgeId ? [p.edgeId] : []))),
    [problems],
  );
  // While the router loads (the first document with edges: src/store/router.ts), no edge is
  // handed over: a line drawn now would jump to its route a moment later.
  const routesPending = useEditor((s) => s.routesPending);
  const edges = useMemo(
    () =>
      routesPending ? NO_EDGES : adapter.edges(doc, selectedEdge, lang, edgeProblems, mounted, edgesInView),
    [adapter, doc, selectedEdge, lang, edgeProblems, mounted, edgesInView, routesPending],
  );

  /**
   * Shows `bounds` whole in the part of the pane that the minimap, the controls and the legend
   * leave free, `margin` screen px in. `ifHidden`: only when it is not wholly there already, and
   * never zooming in.
   */
  /** The viewport that shows `bounds` whole in the free part of the pane (null: nothing to fit into). */
  const fitFor = useCallback(
    (bounds: Rect, o: { margin: number; maxZoom: number; ifHidden?: boolean }): Viewport | null => {
      const el = sectionRef.current;
      if (!el) return null;
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) return null;
      const insets = insetsFor(bounds, r.width, r.height, paneObstacles(el), o.margin);
      const cur = flow.getViewport();
      if (o.ifHidden && showsWhole(cur, bounds, r.width, r.height, insets)) return null;
      return fitInto(bounds, r.width, r.height, insets, {
        margin: o.margin,
        minZoom: FIT_VIEW.minZoom,
        maxZoom: o.ifHidden ? Math.min(o.maxZoom, cur.zoom) : o.maxZoom,
      });
    },
    [flow],
  );
  const frameRect = useCallback(
    (bounds: Rect | null, o: { margin: number; maxZoom: number; ifHidden?: boolean }, duration?: number) => {
      const vp = bounds ? fitFor(bounds, o) : null;
      if (!vp) return;
      follow(vp);
      void flow.setViewport(vp, duration ? { duration } : undefined);
    },
    [flow, follow, fitFor],
  );
  const frameNodes = useCallback(
    (
      ids: readonly string[],
      o: { margin: number; maxZoom: number; ifHidden?: boolean },
      duration?: number,
    ) => {
      const s = store.getState();
      const rects = absoluteRects(s.doc, s.index);
      frameRect(boundsOf(ids.flatMap((id) => rects.get(id) ?? [])), o, duration);
    },
    [frameRect, store],
  );

  /** Shows the whole document (computed from the document, not from the mounted nodes), clear of what floats over the pane. */
  const fitView = useCallback(
    (duration?: number) => {
      if (!pane) return;
      const s = store.getState();
      frameRect(
        boundsOf(absoluteRects(s.doc, s.index).values()),
        { margin: FRAME_MARGIN, maxZoom: FIT_VIEW.maxZoom },
        duration,
      );
    },
    [frameRect, store, pane],
  );

  // Asked to show some nodes whole (Arrange, a drop that grew a tree past the view): once the
  // document they are in has been drawn.
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        const req = s.frameRequest;
        if (!req || req === prev.frameRequest) return;
        requestAnimationFrame(() =>
          frameNodes(
            req.ids,
            { margin: FRAME_MARGIN, maxZoom: FIT_VIEW.maxZoom, ifHidden: req.ifHidden },
            200,
          ),
        );
      }),
    [frameNodes, store],
  );

  // A new diagram (template, file, New) opens at its saved viewport, or fitted whole. A template
  // that would open with its names under 11 px asks for the side panels' room first, and is fitted
  // again once the pane has grown (docs/drawing.md §1.10).
  // The pane's size when room was asked for: the view is fitted again once the pane differs.
  const roomFit = useRef<Size | null>(null);
  const paneKnown = frame !== null;
  // The last fit request answered: a template opened from the URL may open before this subscribes.
  const answered = useRef(0);
  useEffect(() => {
    const answer = (s: EditorState) => {
      // Before the pane is measured there is nothing to fit into: the request waits for it.
      if (!paneKnown || s.fitRequest === answered.current) return;
      answered.current = s.fitRequest;
      if (!s.viewport) {
        const bounds = boundsOf(absoluteRects(s.doc, s.index).values());
        const vp = bounds ? fitFor(bounds, { margin: FRAME_MARGIN, maxZoom: FIT_VIEW.maxZoom }) : null;
        if (s.fitRoom && onNeedRoom && vp !== null && vp.zoom < READABLE_ZOOM && frameRef.current) {
          roomFit.current = frameRef.current.pane;
          onNeedRoom();
        }
        fitView();
      } else {
        follow(s.viewport);
        void flow.setViewport(s.viewport);
      }
    };
    const now = store.getState();
    if (now.fitRequest > 0) answer(now);
    return store.subscribe((s) => answer(s));
  }, [fitView, fitFor, follow, flow, store, onNeedRoom, paneKnown]);
  const paneSize = frame?.pane;
  useEffect(() => {
    const asked = roomFit.current;
    if (!asked || !paneSize || (asked.width === paneSize.width && asked.height === paneSize.height)) return;
    roomFit.current = null;
    fitView();
  }, [paneSize, fitView]);

  // Promoting the viewport to a layer costs a frame at the start of a pan; it pays off only when
  // many nodes are mounted (each frame would repaint them all), so only then.
  // (The far layer's picture is one element, but a big one: moving it is a layer's work too.)
  const mountedCount = useRef(0);
  const layerShown = useRef(false);
  useLayoutEffect(() => {
    mountedCount.current = nodes.length;
    layerShown.current = layerOn;
    sectionRef.current?.classList.toggle("sd-far-layer", layerOn);
  }, [nodes, layerOn]);
  const onMoveStart = useCallback(
    (_e: unknown, vp: FlowViewport) =>
      setViewClasses(
        sectionRef.current,
        vp,
        mountedCount.current > MOUNT_ALL_MAX_NODES || layerShown.current,
      ),
    [],
  );
  const onMove = useCallback(
    (_e: unknown, vp: FlowViewport) => {
      setViewClasses(sectionRef.current, vp);
      follow(vp);
    },
    [follow],
  );
  const onMoveEnd = useCallback(
    (_e: unknown, vp: FlowViewport) => {
      setViewClasses(sectionRef.current, vp, false);
      store.getState().setViewport({ x: vp.x, y: vp.y, zoom: vp.zoom });
    },
    [store],
  );

  // Bring a node into view when asked (clicking a problem, adding a preset): leave the view alone
  // when the node is already in it, else centre it, zooming in only if it would be too small to read.
  useEffect(() => {
    if (!reveal) return;
    const id = requestAnimationFrame(() => {
      const s = store.getState();
      const r = absoluteRects(s.doc, s.index).get(reveal.id);
      const pane = document.querySelector(".sd-canvas .react-flow")?.getBoundingClientRect();
      if (!r || !pane) return;
      const topLeft = flow.screenToFlowPosition({ x: pane.left, y: pane.top });
      const bottomRight = flow.screenToFlowPosition({ x: pane.right, y: pane.bottom });
      const inView =
        r.x >= topLeft.x &&
        r.y >= topLeft.y &&
        r.x + r.width <= bottomRight.x &&
        r.y + r.height <= bottomRight.y;
      if (inView) return;
      void flow.setCenter(r.x + r.width / 2, r.y + r.height / 2, {
        zoom: Math.max(flow.getZoom(), 0.75),
        duration: 300,
      });
    });
    return () => cancelAnimationFrame(id);
  }, [reveal, flow, store]);

  // A drag or resize cancelled with Esc: React Flow goes on reporting it until the pointer is
  // released, and every report is ignored until then.
  const cancelled = useRef(false);

  const onNodesChange = useCallback(
    (changes: NodeChange<StackFlowNode>[]) => {
      const s = store.getState();
      const moves = new Map<string, Point>();
      const sizes = new Map<string, Size>();
      let resizeEnd: string | null = null;
      let selection: Set<string> | null = null;
      const removed: string[] = [];
      for (const c of changes) {
        if (c.type === "position" && c.position) moves.set(c.id, c.position);
        else if (c.type === "dimensions" && c.resizing !== undefined && c.dimensions) {
          // A resize handle (Resizer.tsx): sizes while it moves, then its end.
          if (c.resizing)
            sizes.set(c.id, {
              width: Math.round(c.dimensions.width),
              height: Math.round(c.dimensions.height),
            });
          else resizeEnd = c.id;
        } else if (c.type === "select") {
          selection ??= new Set(s.selectedNodes);
          if (c.selected) selection.add(c.id);
          else selection.delete(c.id);
        } else if (c.type === "remove") removed.push(c.id);
      }
      if (cancelled.current) {
        moves.clear();
        sizes.clear();
        if (resizeEnd !== null) cancelled.current = false;
        resizeEnd = null;
      }
      if (moves.size || sizes.size) {
        s.beginGesture();
        const moved = withPositions(s.doc, moves);
        s.transient(
          sizes.size ? mapNodes(moved, sizes.keys(), (n) => ({ ...n, size: sizes.get(n.id)! })) : moved,
          new Set([...moves.keys(), ...sizes.keys()]),
        );
      }
      if (resizeEnd !== null) {
        // Sized by hand from now on: it keeps at least this size (Fit to contents undoes that).
        const id = resizeEnd;
        const now = store.getState();
        const was = now.gestureBase?.nodes.find((n) => n.id === id);
        const is = now.index.byId.get(id);
        if (is && was && (was.size?.width !== is.size?.width || was.size?.height !== is.size?.height))
          now.transient(
            mapNodes(now.doc, [id], (n) => ({ ...n, manualSize: true })),
            [id],
          );
        store.getState().endGesture();
      }
      // React Flow selects a clicked edge first and then unselects the nodes: that must not
      // unselect the edge again.
      if (selection) s.select([...selection], selection.size > 0 ? null : s.selectedEdge);
      if (removed.length) s.commit(removeNodes(s.doc, removed));
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<RoutedFlowEdge>[]) => {
      const s = store.getState();
      const removed = changes.flatMap((c) => (c.type === "remove" ? [c.id] : []));
      if (removed.length) s.commit(removeEdges(s.doc, removed));
      for (const c of changes) if (c.type === "select" && c.selected) s.select([], c.id);
    },
    [store],
  );

  // Node drags (src/domain/drag.ts): the drag remembers what stays still and judges each target
  // once; here React Flow's events become its calls, with the pointer in canvas coordinates.
  const drag = useRef<NodeDrag | null>(null);

  // Esc while a drag or a resize is under way cancels it: everything goes back to where the gesture
  // found it, nothing is committed (in the capture phase, before the command table's Esc).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      const s = store.getState();
      if (s.gestureBase === null && drag.current === null) return;
      e.preventDefault();
      e.stopPropagation();
      cancelled.current = true;
      drag.current = null;
      s.cancelGesture();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [store]);

  // The steps of a node drag, for React Flow's drags of DOM nodes and the far layer's of what it
  // draws (which moves the nodes itself, as onNodesChange does React Flow's).
  const gesture = useMemo(() => {
    const hint = (client: Point, ids: readonly string[]) => {
      if (cancelled.current) return;
      const s = store.getState();
      drag.current ??= beginDrag(s, ids);
      s.setDropHint(nodeDropHint(drag.current, s, flow.screenToFlowPosition(client)));
    };
    return {
      start: (ids: readonly string[]) => {
        cancelled.current = false;
        store.getState().beginGesture();
        drag.current = beginDrag(store.getState(), ids);
      },
      hint,
      stop: (client: Point, ids: readonly string[]) => {
        if (cancelled.current) {
          cancelled.current = false;
          drag.current = null;
          return;
        }
        const s = store.getState();
        const d = drag.current ?? beginDrag(s, ids);
        drag.current = null;
        s.transient(dropNodes(d, s, flow.screenToFlowPosition(client)));
        s.endGesture();
      },
    };
  }, [flow, store]);
  const onNodeDragStart: OnNodeDrag<StackFlowNode> = useCallback(
    (_event, node, nodes) => gesture.start(nodes.length ? nodes.map((n) => n.id) : [node.id]),
    [gesture],
  );
  const onNodeDrag: OnNodeDrag<StackFlowNode> = useCallback(
    (event, node) => gesture.hint(clientPoint(event), [node.id]),
    [gesture],
  );
  const onNodeDragStop: OnNodeDrag<StackFlowNode> = useCallback(
    (event, node, dragged) =>
      gesture.stop(clientPoint(event), dragged.length ? dragged.map((n) => n.id) : [node.id]),
    [gesture],
  );

  const onNodeClick: NodeMouseHandler<StackFlowNode> = useCallback(() => undefined, []);
  const onNodeDoubleClick: NodeMouseHandler<StackFlowNode> = useCallback(
    (_e, n) => store.getState().setRenaming(n.id),
    [store],
  );

  // Hand the view controls to the command table (zoom and fit keys), through the editor's context.
  const viewControls = useViewControls();
  useEffect(
    () =>
      viewControls.provide({
        focus: () => {
          const el = sectionRef.current;
          const sel = store.getState().selectedNodes[0];
          const target =
            (sel !== undefined
              ? el?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(sel)}"]`)
              : null) ?? el;
          target?.focus();
        },
        fitView: () => fitView(),
        zoomToSelection: () =>
          frameNodes(store.getState().selectedNodes, { margin: FRAME_MARGIN, maxZoom: 1.5 }, 200),
        zoomIn: () => void flow.zoomIn({ duration: 150 }),
        zoomOut: () => void flow.zoomOut({ duration: 150 }),
      }),
    [viewControls, flow, fitView, frameNodes, store],
  );

  const onPaneClick = useCallback(() => store.getState().select([], null), [store]);

  // Right-click: select what was clicked (keeping a selection it is part of), then the menu.
  const onNodeContextMenu: NodeMouseHandler<StackFlowNode> = useCallback(
    (e, n) => {
      e.preventDefault();
      const s = store.getState();
      if (!s.selectedNodes.includes(n.id)) s.select([n.id], null);
      onContextMenu?.("node", { x: e.clientX, y: e.clientY });
    },
    [store, onContextMenu],
  );
  const onEdgeContextMenu = useCallback(
    (e: ReactMouseEvent, edge: RoutedFlowEdge) => {
      e.preventDefault();
      store.getState().select([], edge.id);
      onContextMenu?.("edge", { x: e.clientX, y: e.clientY });
    },
    [store, onContextMenu],
  );
  const onPaneContextMenu = useCallback(
    (e: MouseEvent | ReactMouseEvent) => {
      e.preventDefault();
      store.getState().select([], null);
      onContextMenu?.("canvas", { x: e.clientX, y: e.clientY });
    },
    [store, onContextMenu],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const s = store.getState();
      const src = s.index.byId.get(c.source);
      const tgt = s.index.byId.get(c.target);
      if (!src || !tgt || c.source === c.target) return;
      const { doc, id } = addEdge(s.doc, {
        kind: defaultEdgeKind(src, tgt),
        source: c.source,
        target: c.target,
      });
      if (s.commit(doc, "connect")) s.select([], id);
    },
    [store],
  );

  // Palette drag and drop (HTML5): the preset id travels in the drag data.
  const presetDrop = useCallback(
    (e: ReactDragEvent, presetId: string) => {
      const preset = presetById(presetId);
      if (!preset) return null;
      const s = store.getState();
      return presetDropAt(
        s.doc,
        s.index,
        preset,
        s.lang,
        flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }),
        checkOf(s),
      );
    },
    [flow, store],
  );

  const onDragOver = useCallback(
    (e: ReactDragEvent) => {
      if (e.dataTransfer.types.includes("Files")) {
        // A file from the desktop: a document to open, or a compose file to import.
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        return;
      }
      if (!e.dataTransfer.types.includes(PRESET_MIME)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
      const s = store.getState();
      const presetId = s.paletteDrag;
      if (!presetId) return;
      const r = presetDrop(e, presetId);
      if (r) s.setDropHint(presetDropHint(r));
    },
    [presetDrop, store],
  );

  const onDrop = useCallback(
    (e: ReactDragEvent) => {
      const file = e.dataTransfer.files[0];
      if (file) {
        e.preventDefault();
        void withFileActions(store, (m) =>
          m.openDroppedFile(store, file, [...e.dataTransfer.files].slice(1)),
        );
        return;
      }
      const presetId = e.dataTransfer.getData(PRESET_MIME);
      const s = store.getState();
      s.setDropHint(null);
      s.setPaletteDrag(null);
      if (!presetId) return;
      e.preventDefault();
      const r = presetDrop(e, presetId);
      if (!r?.verdict.after || !r.verdict.id) return;
      // Refused whole when it would cross a limit (the store says which): then nothing is selected.
      if (!s.commit(r.verdict.after, "drop")) return;
      s.select([r.verdict.id], null);
      // Its tree may have grown past the edge of the view: show it whole then.
      const after = store.getState();
      if (after.index.byId.has(r.verdict.id))
        after.frameNodes([treeRoot(after.index, r.verdict.id)], { ifHidden: true });
    },
    [presetDrop, store],
  );

  const onDragLeave = useCallback(
    (e: ReactDragEvent) => {
      if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
      store.getState().setDropHint(null);
    },
    [store],
  );

  const colorMode = theme === "system" ? "system" : theme;
  const ariaLabelConfig = useMemo(
    () => ({
      "node.a11yDescription.default": t("flowNodeHelp"),
      "node.a11yDescription.keyboardDisabled": t("flowNodeHelpKeyboard"),
      "node.a11yDescription.ariaLiveMessage": ({
        direction,
        x,
        y,
      }: {
        direction: string;
        x: number;
        y: number;
      }) => t("flowMoved", { direction, x: Math.round(x), y: Math.round(y) }),
      "edge.a11yDescription.default": t("flowEdgeHelp"),
      "controls.ariaLabel": t("controls"),
      "controls.zoomIn.ariaLabel": t("zoomIn"),
      "controls.zoomOut.ariaLabel": t("zoomOut"),
      "controls.fitView.ariaLabel": t("fitView"),
      "controls.interactive.ariaLabel": t("toggleInteractive"),
      "minimap.ariaLabel": t("minimap"),
      "handle.ariaLabel": t("handle"),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t changes exactly when lang does
    [lang],
  );
  return (
    <section
      ref={sectionRef}
      className="sd-canvas"
      tabIndex={-1}
      aria-label={t("canvas")}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDragLeave={onDragLeave}
    >
      {frame && (
        <ReactFlow<StackFlowNode, RoutedFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDrag={onNodeDrag}
          onNodeDragStop={onNodeDragStop}
          onNodeClick={onNodeClick}
          onPaneClick={onPaneClick}
          onNodeContextMenu={onNodeContextMenu}
          onEdgeContextMenu={onEdgeContextMenu}
          onPaneContextMenu={onPaneContextMenu}
          // The wheel pans (as in Figma, tldraw, Excalidraw); Ctrl/⌘+wheel and a pinch zoom. A
          // setting makes the wheel zoom instead.
          panOnScroll={!wheelZooms}
          zoomOnScroll={wheelZooms}
          zoomOnPinch
          onConnect={onConnect}
          colorMode={colorMode}
          ariaLabelConfig={ariaLabelConfig}
          defaultViewport={frame.initial}
          onMoveStart={onMoveStart}
          onMove={onMove}
          onMoveEnd={onMoveEnd}
          minZoom={FIT_VIEW.minZoom}
          maxZoom={MAX_ZOOM}
          // Keys are the command table's (src/commands): delete, arrows and Enter are bound there, as
          // single undo steps, instead of React Flow's per-key position changes.
          deleteKeyCode={null}
          disableKeyboardA11y
          // (The far layer takes Shift presses itself: its own selection box and toggles.)
          selectionKeyCode={layerOn ? null : "Shift"}
          onNodeDoubleClick={onNodeDoubleClick}
          multiSelectionKeyCode={layerOn ? null : "Shift"}
          proOptions={{ hideAttribution: false }}
        >
          <Background gap={16} />
          {layerOn && farModule && (
            <farModule.FarLayer
              section={sectionRef}
              gesture={gesture}
              onContextMenu={onContextMenu}
              hintMessage={hintMessage}
            />
          )}
          {/* Fit is ours: React Flow's would fit only the mounted nodes of a big diagram. */}
          <Controls showFitView={false}>
            <ControlButton onClick={() => fitView()} aria-label={t("fitView")} title={t("fitView")}>
              <FitIcon />
            </ControlButton>
          </Controls>
          {/* The minimap redraws every node on every frame of a pan or drag, and would show only
              the mounted nodes of a big diagram: it is left out past that size (docs/benchmarks.md). */}
          {doc.nodes.length >= MINIMAP_MIN_NODES && doc.nodes.length <= MOUNT_ALL_MAX_NODES && (
            <MiniMap
              pannable
              zoomable
              nodeColor="transparent"
              nodeStrokeColor="#8a93a3"
              nodeStrokeWidth={3}
              style={MINIMAP_STYLE}
            />
          )}
        </ReactFlow>
      )}
      {doc.nodes.length === 0 && (
        // The two ways to start: drag a preset, or open a template.
        <div className="sd-empty">
          <p>{t("emptyCanvas")}</p>
          {onOpenTemplates && (
            <button type="button" className="sd-empty-action" onClick={onOpenTemplates}>
              {t("emptyOpenTemplate")}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

export function Canvas(props: CanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasInner {...props} />
    </ReactFlowProvider>
  );
}
