/**
 * Code injected into both benchmark pages (as a plain-JS init script, so that no transpiler helper
 * leaks into the page). Defines `window.__bench`:
 * - `loadMs`: performance.now() when every `.react-flow__node` is present and measured
 *   (React Flow sets `visibility: visible` after measuring) + two animation frames;
 * - `view()`: the React Flow viewport (from React Flow's own store);
 * - `zoom1()`: zoom 1 centred on the fitted view's centre, through React Flow's panZoom;
 * - `gesture(kind, frames, leafIds)`: a pan of the pane or a drag of a leaf node, one synthetic
 *   mousemove per animation frame (out and back, so the document ends where it began), returning
 *   the rAF intervals and snapshots that prove the gesture moved something.
 */
export const PAGE_LIB = String.raw`
(() => {
  const N = Number(new URLSearchParams(location.search).get("n") || "0");
  const B = (window.__bench = { loadMs: null });
  const check = () => {
    const els = document.querySelectorAll(".react-flow__node");
    if (N > 0 && els.length === N) {
      let ok = true;
      for (const el of els) if (el.style.visibility !== "visible") { ok = false; break; }
      if (ok) { requestAnimationFrame(() => requestAnimationFrame(() => { B.loadMs = performance.now(); })); return; }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);

  // React Flow's store, found from the DOM through React's fibers (same code for both pages).
  B.flowStore = () => {
    const el = document.querySelector(".react-flow__viewport");
    const key = el && Object.keys(el).find((k) => k.startsWith("__reactFiber$"));
    for (let f = key ? el[key] : null; f; f = f.return) {
      const v = f.memoizedProps && f.memoizedProps.value;
      if (v && typeof v.getState === "function" && v.getState().panZoom) return v;
    }
    throw new Error("React Flow store not found");
  };
  B.view = () => {
    const s = B.flowStore().getState();
    return { x: s.transform[0], y: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height };
  };
  const frames = (k) => new Promise((r) => { const f = () => (k-- <= 0 ? r() : requestAnimationFrame(f)); requestAnimationFrame(f); });
  B.zoom1 = async () => {
    const s = B.flowStore().getState();
    const [tx, ty, k] = s.transform;
    const cx = (s.width / 2 - tx) / k, cy = (s.height / 2 - ty) / k;
    await s.panZoom.setViewport({ x: s.width / 2 - cx, y: s.height / 2 - cy, zoom: 1 });
    await frames(3);
    return B.view();
  };
  const paneRect = () => document.querySelector(".react-flow__pane").getBoundingClientRect();
  B.visibleNodes = () => {
    const p = paneRect();
    let n = 0;
    for (const el of document.querySelectorAll(".react-flow__node")) {
      const r = el.getBoundingClientRect();
      if (r.right > p.left && r.left < p.right && r.bottom > p.top && r.top < p.bottom) n++;
    }
    return n;
  };
  const nodeEl = (id) => document.querySelector('.react-flow__node[data-id="' + CSS.escape(id) + '"]');
  // The leaf nearest the pane's centre that lies wholly inside the pane.
  B.pickLeaf = (leafIds) => {
    const p = paneRect();
    const cx = (p.left + p.right) / 2, cy = (p.top + p.bottom) / 2;
    let best = null, bestD = Infinity;
    for (const id of leafIds) {
      const el = nodeEl(id);
      if (!el) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.left < p.left || r.right > p.right || r.top < p.top || r.bottom > p.bottom) continue;
      const d = Math.hypot((r.left + r.right) / 2 - cx, (r.top + r.bottom) / 2 - cy);
      if (d < bestD) { bestD = d; best = id; }
    }
    return best;
  };
  B.gesture = (kind, count, leafIds) => {
    let target, snap, x, y, leaf = null;
    if (kind === "pan") {
      target = document.querySelector(".react-flow__pane");
      const vp = document.querySelector(".react-flow__viewport");
      snap = () => vp.style.transform;
      const p = paneRect();
      x = p.left + 8; y = p.top + 8;
    } else {
      leaf = B.pickLeaf(leafIds);
      if (!leaf) throw new Error("no visible leaf node to drag");
      target = nodeEl(leaf);
      snap = () => nodeEl(leaf).style.transform;
      const r = target.getBoundingClientRect();
      x = (r.left + r.right) / 2; y = (r.top + r.bottom) / 2;
    }
    const ev = (type) => new MouseEvent(type, { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0, buttons: type === "mouseup" ? 0 : 1 });
    const before = snap();
    return new Promise((resolve) => {
      const stamps = [];
      let i = 0, mid = null;
      target.dispatchEvent(ev("mousedown"));
      const frame = (t) => {
        stamps.push(t);
        if (i === (count >> 1)) mid = snap();
        if (i < count) {
          const dir = i < (count >> 1) ? 1 : -1;
          x += 3 * dir; y += 2 * dir;
          window.dispatchEvent(ev("mousemove"));
          i++;
          requestAnimationFrame(frame);
        } else {
          window.dispatchEvent(ev("mouseup"));
          const iv = [];
          for (let j = 1; j < stamps.length; j++) iv.push(stamps[j] - stamps[j - 1]);
          requestAnimationFrame(() => resolve({ intervals: iv, before, mid, after: snap(), leaf }));
        }
      };
      requestAnimationFrame(frame);
    });
  };
})();
`;
