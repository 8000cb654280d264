/**
 * The far-zoom canvas layer: a big diagram zoomed out past FAR_ZOOM (where a name would be under
 * 4 px) is drawn on one `<canvas>` instead of as thousands of DOM boxes, which no browser lays
 * out and composites within a frame (docs/performance.md, the ~900-box limit). The picture is
 * src/render/far.ts's, from the document, the problems, the selection and the drop hint. The
 * canvas lies over React Flow's background and under its pane, a compositor layer of its own that
 * follows the view by its transform, so a pan moves it without a redraw; it is redrawn when what it
 * shows changes, when the view leaves the area it covers (the view plus a margin), or when the
 * zoom changes.
 *
 * React Flow then holds only the nodes that need a DOM element: the first of the selection (for
 * focus and its accessible name) and the node being renamed, with their ancestors; they are not
 * painted but for the rename field. A drag's tip ("Drops into …") is the layer's own, at screen
 * size over its receiver. This layer takes the
 * pointer over the picture itself: a press on a box selects it (Shift adds or removes it) and a
 * drag moves the selection through the canvas's own drag (the same drop rules, hint and undo
 * step as a drag of a DOM node), a press on an edge selects it, Shift and a drag on empty canvas
 * draws a selection box, a double-click renames the box under the pointer (zoomed in to it), a
 * right-click opens the command menu; a press on empty canvas pans, as ever.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from "react";
import { useReactFlow, useStoreApi } from "@xyflow/react";
import type { Point, StackDocument } from "../domain/document.ts";
import { absoluteRects, nodeAt, type Rect } from "../domain/drop.ts";
import { subtreeTops, withPositions } from "../domain/drag.ts";
import { displayLabel, highlightFor } from "../domain/view-model.ts";
import { containsRect, expandRect, visibleArea } from "../domain/viewport.ts";
import { edgeAt, farScene, nodesInside, paintFar, type FarScene } from "../render/far.ts";
import { farPictureLabel } from "../i18n/far-strings.ts";
import { translate } from "../i18n/strings.ts";
import { useEditor, useEditorStore } from "../store/context.tsx";
import { resolvedTheme, type EditorState } from "../store/editor.ts";
import type { CanvasPlace } from "./Canvas.tsx";
import "./far-layer.css";

/** How far past the view (a fraction of its size, each side) the picture reaches. */
const MARGIN = 0.3;
/** The picture's pixels are capped (a canvas of more would cost its memory for nothing). */
const MAX_SIDE_PX = 8192;
const MAX_AREA_PX = 16_000_000;
/** A press moves this many screen px before it is a drag (React Flow's node drag threshold). */
const DRAG_PX = 1;
/** The drop tip's widest (styles.css `.sd-hint-tip`) and the room above a receiver it needs. */
const TIP_WIDTH = 320;
const TIP_ROOM = 64;
/** An edge within this many screen px of the pointer is hit. */
const EDGE_HIT_PX = 5;

/** The drag gesture of the canvas (src/canvas/Canvas.tsx), in screen coordinates. */
export interface FarGesture {
  start(ids: readonly string[]): void;
  /** The drop hint for the pointer at `client`, the dragged nodes being where they are now. */
  hint(client: Point, ids: readonly string[]): void;
  /** `ids`: the dragged subtrees' tops. */
  stop(client: Point, ids: readonly string[]): void;
}

/** What the layer last drew, on the canvas element, for tests and the benchmark to read. */
export interface FarDrawn {
  doc: StackDocument;
  ids: ReadonlySet<string>;
  selected: readonly string[];
  /** The area drawn, in diagram coordinates, and its scale (canvas px per diagram px). */
  area: Rect;
  scale: number;
}

export interface FarLayerProps {
  /** The canvas section: the layer listens to its pointer events before React Flow does. */
  section: RefObject<HTMLElement | null>;
  gesture: FarGesture;
  onContextMenu?: (place: CanvasPlace, at: { x: number; y: number }) => void;
  /** Why the drop under the pointer would break a rule, in the person's language. */
  hintMessage: string | null;
}

/** The store's fields the picture is drawn from. */
const shownChanged = (s: EditorState, p: EditorState) =>
  s.doc !== p.doc ||
  s.index !== p.index ||
  s.nodeProblems !== p.nodeProblems ||
  s.problems !== p.problems ||
  s.selectedNodes !== p.selectedNodes ||
  s.selectedEdge !== p.selectedEdge ||
  s.dropHint !== p.dropHint ||
  s.overlay !== p.overlay ||
  s.routes !== p.routes ||
  s.theme !== p.theme ||
  s.systemTheme !== p.systemTheme;

export function FarLayer({ section: sectionRef, gesture, onContextMenu, hintMessage }: FarLayerProps) {
  const store = useEditorStore();
  const flowStore = useStoreApi();
  const flow = useReactFlow();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sceneRef = useRef<FarScene | null>(null);
  // The nodes the layer's own drag moves (the dragged subtrees), while it lasts.
  const movingRef = useRef<ReadonlySet<string> | null>(null);
  const redrawRef = useRef<() => void>(() => undefined);
  const lang = useEditor((s) => s.lang);
  const count = useEditor((s) => s.doc.nodes.length);
  const label = useMemo(() => farPictureLabel(lang, count), [lang, count]);
  const hint = useEditor((s) => s.dropHint);
  const doc = useEditor((s) => s.doc);
  const index = useEditor((s) => s.index);
  // The drop's tip, over its receiver's top-left corner as the view is now.
  let tip: { ok: boolean; text: string; x: number; y: number; below: boolean } | null = null;
  const target = hint?.targetId != null ? index.byId.get(hint.targetId) : undefined;
  const r = target ? absoluteRects(doc, index).get(target.id) : undefined;
  if (hint && target && r) {
    const { transform, width } = flowStore.getState();
    const [tx, ty, zoom] = transform;
    const name = translate(lang, "dropInto", { name: displayLabel(target, lang) });
    tip = {
      ok: hint.ok,
      text: hint.ok ? name : `${name} — ${hintMessage ?? translate(lang, "dropBad")}`,
      // Kept on screen: inside the receiver's top when there is no room above it.
      x: Math.max(4, Math.min(tx + r.x * zoom, width - TIP_WIDTH)),
      y: Math.max(ty + r.y * zoom, 4),
      below: ty + r.y * zoom < TIP_ROOM,
    };
  }

  // Drawing: at once when the layer appears (in the frame that unmounts the DOM boxes), then once
  // per animation frame at most, when something it shows changed.
  useLayoutEffect(() => {
    const el = canvasRef.current;
    const ctx = el?.getContext("2d");
    if (!el || !ctx) return;
    let drawn: { area: Rect; zoom: number } | null = null;
    // During a drag, the boxes that stay still, painted once for the area (see draw).
    let still: { canvas: HTMLCanvasElement; moving: ReadonlySet<string>; area: Rect; scale: number } | null =
      null;
    let raf = 0;
    // Where the picture goes on screen for a view: its area's corner, scaled from its drawn zoom.
    const place = ([tx, ty, zoom]: readonly [number, number, number]) => {
      if (drawn === null) return;
      const { area } = drawn;
      el.style.transform = `translate(${tx + area.x * zoom}px, ${ty + area.y * zoom}px) scale(${zoom / drawn.zoom})`;
    };
    const draw = () => {
      raf = 0;
      const f = flowStore.getState();
      const [tx, ty, zoom] = f.transform;
      if (f.width <= 0 || f.height <= 0) return;
      const seen = visibleArea({ x: tx, y: ty, zoom }, f.width, f.height);
      // The area drawn last, while it still covers the view at the same zoom.
      const area =
        drawn !== null && drawn.zoom === zoom && containsRect(drawn.area, seen)
          ? drawn.area
          : expandRect(seen, MARGIN);
      const dpr = window.devicePixelRatio || 1;
      const scale = Math.min(
        zoom * dpr,
        MAX_SIDE_PX / area.width,
        MAX_SIDE_PX / area.height,
        Math.sqrt(MAX_AREA_PX / (area.width * area.height)),
      );
      const w = Math.max(1, Math.ceil(area.width * scale));
      const h = Math.max(1, Math.ceil(area.height * scale));
      if (el.width !== w) el.width = w;
      if (el.height !== h) el.height = h;
      el.style.width = `${(w / scale) * zoom}px`;
      el.style.height = `${(h / scale) * zoom}px`;
      const s = store.getState();
      const scene = farScene({
        doc: s.doc,
        index: s.index,
        rects: absoluteRects(s.doc, s.index),
        area,
        theme: resolvedTheme(s),
        nodeProblems: s.nodeProblems,
        overlay: s.overlay,
        selected: new Set(s.selectedNodes),
        highlighted: highlightFor(s.index, s.selectedNodes),
        hint: s.dropHint,
        routes: s.routes,
        selectedEdge: s.selectedEdge,
        edgeProblems: new Set(s.problems.flatMap((p) => (p.edgeId ? [p.edgeId] : []))),
      });
      const view = { origin: area, scale, width: w, height: h };
      const moving = movingRef.current;
      if (moving === null) {
        still = null;
        paintFar(ctx, scene, view);
      } else {
        // A drag repaints only what moves over a picture of what does not: a full repaint of
        // every box each frame would take most of the frame in a software raster.
        if (!still || still.moving !== moving || still.area !== area || still.scale !== scale) {
          const c = still?.canvas ?? document.createElement("canvas");
          c.width = w;
          c.height = h;
          const sctx = c.getContext("2d");
          if (sctx)
            paintFar(sctx, scene, view, { boxes: (b) => !moving.has(b.id), lines: false, rings: false });
          still = { canvas: c, moving, area, scale };
        }
        paintFar(ctx, scene, view, { under: still.canvas, boxes: (b) => moving.has(b.id) });
      }
      sceneRef.current = scene;
      drawn = { area, zoom };
      place(f.transform);
      const record: FarDrawn = {
        doc: s.doc,
        ids: new Set(scene.boxes.map((b) => b.id)),
        selected: s.selectedNodes,
        area,
        scale,
      };
      Object.assign(el, { sdDrawn: record });
      el.dataset.drawnNodes = String(scene.boxes.length);
    };
    const schedule = () => {
      if (raf === 0) raf = requestAnimationFrame(draw);
    };
    redrawRef.current = schedule;
    draw();
    // The picture's pixels follow the screen's (a window moved to another monitor).
    const dpr = window.matchMedia?.(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    dpr?.addEventListener("change", schedule);
    const offFlow = flowStore.subscribe((f) => {
      place(f.transform);
      const [tx, ty, zoom] = f.transform;
      if (
        drawn === null ||
        zoom !== drawn.zoom ||
        !containsRect(drawn.area, visibleArea({ x: tx, y: ty, zoom }, f.width, f.height))
      )
        schedule();
    });
    const offStore = store.subscribe((s, p) => {
      if (shownChanged(s, p)) schedule();
    });
    return () => {
      offFlow();
      offStore();
      dpr?.removeEventListener("change", schedule);
      if (raf !== 0) cancelAnimationFrame(raf);
    };
  }, [store, flowStore]);

  // The pointer over the picture, in the capture phase of the canvas section: a press on a box,
  // an edge, or with Shift is the layer's and goes no further (React Flow would pan; it takes no
  // Shift presses while the layer is on, Canvas.tsx); the rest goes on to React Flow's pane.
  useEffect(() => {
    const section = sectionRef.current;
    if (!section) return;
    const toFlow = (e: MouseEvent) => flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    // The empty pane under the picture; not a mounted node (the rename field is one).
    const onPane = (e: Event) =>
      e.target instanceof Element &&
      e.target.closest(".react-flow__pane") !== null &&
      e.target.closest(".react-flow__node") === null;
    type Hit = { node: string } | { edge: string } | null;
    // Edges first: they are drawn over the boxes (as on the DOM canvas).
    const hitAt = (e: MouseEvent): Hit => {
      const s = store.getState();
      const p = toFlow(e);
      const scene = sceneRef.current;
      const zoom = flowStore.getState().transform[2];
      const edge = scene ? edgeAt(scene, p, EDGE_HIT_PX / zoom) : null;
      if (edge !== null) return { edge };
      const node = nodeAt(s.doc, s.index, p);
      return node !== null ? { node } : null;
    };
    // A press the layer took: the click that ends it must not reach the pane (which would clear
    // the selection it just made). Cleared after the release, should its click land elsewhere.
    let took = false;
    // The gesture under way (a drag or a selection box): ended if the layer goes away.
    let ending: (() => void) | null = null;
    const follow = (move: (m: MouseEvent) => void, up: (u: MouseEvent | null) => void) => {
      const onMove = (m: MouseEvent) => (m.buttons === 0 ? end(m) : move(m));
      const end = (u: MouseEvent | null) => {
        window.removeEventListener("mousemove", onMove);
        window.removeEventListener("mouseup", end);
        ending = null;
        setTimeout(() => (took = false), 0);
        up(u);
      };
      window.addEventListener("mousemove", onMove);
      window.addEventListener("mouseup", end);
      ending = () => end(null);
    };

    const onMouseDown = (e: MouseEvent) => {
      took = false;
      if (e.button !== 0 || !onPane(e)) return;
      const hit = hitAt(e);
      if (hit === null && !e.shiftKey) return;
      // Not panned by React Flow, no text selected; the focus leaves a field as a click would.
      e.stopPropagation();
      e.preventDefault();
      section.focus({ preventScroll: true });
      took = true;
      const s = store.getState();
      if (hit === null) {
        startMarquee(e);
        return;
      }
      if ("edge" in hit) {
        s.select([], hit.edge);
        return;
      }
      const id = hit.node;
      const was = s.selectedNodes;
      const sel = e.shiftKey
        ? was.includes(id)
          ? was.filter((x) => x !== id)
          : [...was, id]
        : was.includes(id)
          ? was
          : [id];
      if (sel !== was) s.select(sel, null);
      if (!sel.includes(id)) return;
      const now = store.getState();
      const tops = subtreeTops(now.index, now.selectedNodes);
      const start = new Map(tops.map((t) => [t, now.index.byId.get(t)?.position ?? { x: 0, y: 0 }]));
      const x0 = e.clientX;
      const y0 = e.clientY;
      let dragging = false;
      follow(
        (m) => {
          const dx = m.clientX - x0;
          const dy = m.clientY - y0;
          if (!dragging) {
            if (Math.hypot(dx, dy) < DRAG_PX) return;
            dragging = true;
            // Every node of the dragged subtrees moves with them.
            const moving = new Set<string>();
            const walk = (n: string) => {
              moving.add(n);
              for (const c of now.index.children.get(n) ?? []) walk(c);
            };
            tops.forEach(walk);
            movingRef.current = moving;
            gesture.start(tops);
          }
          // Esc ended the gesture (Canvas.tsx): nothing moves until the button is released.
          const st = store.getState();
          if (st.gestureBase === null) return;
          const zoom = flowStore.getState().transform[2];
          const moves = new Map<string, Point>();
          for (const [t, p] of start) moves.set(t, { x: p.x + dx / zoom, y: p.y + dy / zoom });
          st.transient(withPositions(st.doc, moves), new Set(tops));
          gesture.hint({ x: m.clientX, y: m.clientY }, tops);
        },
        (u) => {
          movingRef.current = null;
          redrawRef.current();
          if (dragging) gesture.stop(u ? { x: u.clientX, y: u.clientY } : { x: x0, y: y0 }, tops);
        },
      );
    };

    // Shift and a drag on empty canvas: a selection box; what lies wholly inside joins the
    // selection (Shift adds, as in Figma). Esc drops it.
    const startMarquee = (e: MouseEvent) => {
      const box = section.getBoundingClientRect();
      const from = { x: e.clientX, y: e.clientY };
      const base = store.getState().selectedNodes;
      const div = document.createElement("div");
      div.className = "sd-marquee";
      section.appendChild(div);
      const place = (m: MouseEvent) =>
        Object.assign(div.style, {
          left: `${Math.min(from.x, m.clientX) - box.left}px`,
          top: `${Math.min(from.y, m.clientY) - box.top}px`,
          width: `${Math.abs(m.clientX - from.x)}px`,
          height: `${Math.abs(m.clientY - from.y)}px`,
        });
      place(e);
      let dropped = false;
      const onKey = (k: KeyboardEvent) => {
        if (k.key !== "Escape") return;
        dropped = true;
        div.remove();
      };
      window.addEventListener("keydown", onKey, true);
      follow(place, (u) => {
        window.removeEventListener("keydown", onKey, true);
        div.remove();
        if (dropped || u === null) return;
        const a = flow.screenToFlowPosition(from);
        const b = toFlow(u);
        const area = {
          x: Math.min(a.x, b.x),
          y: Math.min(a.y, b.y),
          width: Math.abs(b.x - a.x),
          height: Math.abs(b.y - a.y),
        };
        if (area.width === 0 && area.height === 0) return;
        const s = store.getState();
        const inside = nodesInside(s.index, absoluteRects(s.doc, s.index), area);
        s.select([...new Set([...base, ...inside])], null);
      });
    };

    const onClick = (e: MouseEvent) => {
      if (!took) return;
      took = false;
      e.stopPropagation();
      e.preventDefault();
    };
    const onDoubleClick = (e: MouseEvent) => {
      if (!onPane(e)) return;
      const hit = hitAt(e);
      if (hit === null || !("node" in hit)) return;
      e.stopPropagation();
      e.preventDefault();
      // Renamed where its name reads: the view frames it (at most at 100 %).
      const s = store.getState();
      s.select([hit.node], null);
      s.setRenaming(hit.node);
      s.frameNodes([hit.node]);
    };
    const onMenu = (e: MouseEvent) => {
      if (!onPane(e)) return;
      const hit = hitAt(e);
      if (hit === null) return;
      e.stopPropagation();
      e.preventDefault();
      const s = store.getState();
      if ("edge" in hit) {
        s.select([], hit.edge);
        onContextMenu?.("edge", { x: e.clientX, y: e.clientY });
      } else {
        if (!s.selectedNodes.includes(hit.node)) s.select([hit.node], null);
        onContextMenu?.("node", { x: e.clientX, y: e.clientY });
      }
    };
    // The pointer over a box or an edge shows that it can be taken (at most once a frame).
    let hover = 0;
    const onHover = (e: MouseEvent) => {
      if (e.buttons !== 0 || hover !== 0) return;
      hover = requestAnimationFrame(() => {
        hover = 0;
        const pane = section.querySelector<HTMLElement>(".react-flow__pane");
        if (pane) pane.style.cursor = onPane(e) && hitAt(e) !== null ? "pointer" : "";
      });
    };
    const opts = { capture: true };
    section.addEventListener("mousedown", onMouseDown, opts);
    section.addEventListener("click", onClick, opts);
    section.addEventListener("dblclick", onDoubleClick, opts);
    section.addEventListener("contextmenu", onMenu, opts);
    section.addEventListener("mousemove", onHover, opts);
    return () => {
      section.removeEventListener("mousedown", onMouseDown, opts);
      section.removeEventListener("click", onClick, opts);
      section.removeEventListener("dblclick", onDoubleClick, opts);
      section.removeEventListener("contextmenu", onMenu, opts);
      section.removeEventListener("mousemove", onHover, opts);
      if (hover !== 0) cancelAnimationFrame(hover);
      ending?.();
      const pane = section.querySelector<HTMLElement>(".react-flow__pane");
      if (pane) pane.style.cursor = "";
    };
  }, [sectionRef, store, flow, flowStore, gesture, onContextMenu]);

  return (
    <>
      <canvas ref={canvasRef} className="sd-far-canvas" role="img" aria-label={label} />
      {tip && (
        <div
          className={`sd-hint-tip sd-hint-tip-${tip.ok ? "ok" : "bad"}`}
          role="status"
          style={
            tip.below ? { left: tip.x, top: tip.y + 6, transform: "none" } : { left: tip.x, top: tip.y - 6 }
          }
        >
          {tip.text}
        </div>
      )}
    </>
  );
}
