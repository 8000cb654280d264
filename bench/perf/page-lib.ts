/**
 * Code injected into both benchmark pages (as a plain-JS init script, so that no transpiler helper
 * leaks into the page). Reads `window.__benchExpect` (set by an earlier init script: `{ ids }`, the
 * nodes the page's view shows by the document's geometry, or `{ canvas: true }` to wait only for
 * the canvas) and `window.__benchLeaves` (the leaf ids). Defines `window.__bench`:
 * - `loadMs`: performance.now() when every expected node is in the DOM and measured (React Flow
 *   sets `visibility: visible` after measuring) — or, on the app's far-zoom picture (a big diagram
 *   zoomed far out is one canvas, its nodes without elements), drawn on it — + two animation
 *   frames; `loadInfo` what was mounted. On the picture, nodes are found by the page's geometry
 *   (`window.__benchNodeBox`) and pressed where they are drawn, as a mouse would;
 * - `view()`: the React Flow viewport and pane size (from React Flow's own store);
 * - `zoom1()`: zoom 1 centred on the current view's centre; `setView(v)`: any viewport;
 * - `visibleNodes()` / `mountedNodes()`: node elements overlapping the pane / in the DOM;
 * - `gesture(kind, frames)`: a pan of the pane or a drag of a leaf node, one synthetic mousemove
 *   per animation frame (out and back, so the document ends where it began), returning the rAF
 *   intervals and snapshots that prove the gesture moved something;
 * - `edit(id, label)`: calls the page's `window.__benchEdit(id, label)` and resolves with the time
 *   from just before the call to a MessageChannel task posted from the first animation frame whose
 *   callback finds `label` in the node's text or accessible name (that frame paints it; the task runs
 *   after the frame);
 * - `pickLeaves(k)`: up to k visible leaves nearest the pane's centre;
 * - `select(id)`: a click on the node, to the first painted frame where it has React Flow's
 *   `selected` class; `nudge(id, key)`: an arrow keydown on the (selected, focused) node, to the
 *   first painted frame where its transform moved — both timed as `edit` is.
 */
export const PAGE_LIB = String.raw`
(() => {
  const B = (window.__bench = { loadMs: null, loadInfo: null, error: null });
  // The app's far-zoom picture (a big diagram zoomed far out is drawn on one canvas, and its nodes
  // have no DOM element): its canvas, whose sdDrawn says what it last drew.
  const picture = () => document.querySelector("canvas.sd-far-canvas");
  const frames = (k) => new Promise((r) => { const f = () => (k-- <= 0 ? r() : requestAnimationFrame(f)); requestAnimationFrame(f); });
  const measured = () => {
    const seen = new Set();
    for (const el of document.querySelectorAll(".react-flow__node")) if (el.style.visibility === "visible") seen.add(el.getAttribute("data-id"));
    return seen;
  };
  B.missing = () => {
    const E = window.__benchExpect || {};
    const seen = measured();
    const miss = (E.ids || []).filter((id) => !seen.has(id));
    return { expected: (E.ids || []).length, measured: seen.size, missing: miss.length, sample: miss.slice(0, 5) };
  };
  const check = () => {
    const E = window.__benchExpect || { canvas: true };
    let ok = false;
    const vp = document.querySelector(".react-flow__viewport");
    const pic = picture();
    if (vp && E.ids && pic) {
      // The app's far layer: every expected node is drawn on its canvas.
      ok = !!pic.sdDrawn && E.ids.every((id) => pic.sdDrawn.ids.has(id));
    } else if (vp && E.ids) {
      const els = document.querySelectorAll(".react-flow__node");
      if (els.length >= E.ids.length) {
        const seen = measured();
        ok = E.ids.every((id) => seen.has(id));
      }
    } else if (vp) {
      try { ok = B.flowStore().getState().width > 0; } catch { ok = false; }
    }
    if (ok) {
      requestAnimationFrame(() => requestAnimationFrame(() => {
        B.loadMs = performance.now();
        B.loadInfo = { mounted: document.querySelectorAll(".react-flow__node").length };
      }));
      return;
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
  B.setView = async (v) => {
    await B.flowStore().getState().panZoom.setViewport(v);
    await frames(3);
    return B.view();
  };
  B.zoom1 = async () => {
    const s = B.flowStore().getState();
    const [tx, ty, k] = s.transform;
    let cx = (s.width / 2 - tx) / k, cy = (s.height / 2 - ty) / k;
    const view = await B.setView({ x: s.width / 2 - cx, y: s.height / 2 - cy, zoom: 1 });
    if (B.pickLeaf()) return view;
    // No leaf whole in that view (its centre fell on a parent's free room): centre on the leaf
    // nearest it instead, by the flow's own geometry — the same view on both pages.
    const leaves = new Set(window.__benchLeaves || []);
    let best = null, bestD = Infinity;
    for (const [id, n] of s.nodeLookup) {
      if (!leaves.has(id)) continue;
      const p = n.internals.positionAbsolute;
      const w = (n.measured && n.measured.width) || n.width || 0, h = (n.measured && n.measured.height) || n.height || 0;
      const d = Math.hypot(p.x + w / 2 - cx, p.y + h / 2 - cy);
      if (d < bestD || (d === bestD && id < best.id)) { bestD = d; best = { id, x: p.x + w / 2, y: p.y + h / 2 }; }
    }
    if (!best) return view;
    cx = best.x; cy = best.y;
    return B.setView({ x: s.width / 2 - cx, y: s.height / 2 - cy, zoom: 1 });
  };
  // Lets the page finish what an action left to do (culling, deferred work) before the next one.
  B.settle = async () => {
    await frames(2);
    await new Promise((r) => (window.requestIdleCallback ? requestIdleCallback(() => r(), { timeout: 1000 }) : setTimeout(r, 50)));
    await frames(1);
  };
  const paneRect = () => document.querySelector(".react-flow__pane").getBoundingClientRect();
  B.mountedNodes = () => document.querySelectorAll(".react-flow__node").length;
  B.visibleNodes = () => {
    const p = paneRect();
    let n = 0;
    for (const id of shownIds()) {
      const r = screenRect(id);
      if (!r) continue;
      if (r.right > p.left && r.left < p.right && r.bottom > p.top && r.top < p.bottom) n++;
    }
    return n;
  };
  const nodeEl = (id) => document.querySelector('.react-flow__node[data-id="' + CSS.escape(id) + '"]');
  // A node's box on screen: its element's or, drawn on the far picture, the page's geometry
  // (window.__benchNodeBox, in diagram coordinates) through React Flow's transform.
  const screenRect = (id) => {
    if (!picture()) {
      const el = nodeEl(id);
      return el ? el.getBoundingClientRect() : null;
    }
    const f = window.__benchNodeBox && window.__benchNodeBox(id);
    if (!f) return null;
    const [tx, ty, k] = B.flowStore().getState().transform;
    const p = paneRect();
    const left = p.left + tx + f.x * k, top = p.top + ty + f.y * k;
    return { left, top, right: left + f.width * k, bottom: top + f.height * k, width: f.width * k, height: f.height * k };
  };
  // The ids to look among: the mounted nodes, or what the picture drew.
  const shownIds = () => {
    const pic = picture();
    if (pic) return pic.sdDrawn ? [...pic.sdDrawn.ids] : [];
    return [...document.querySelectorAll(".react-flow__node")].map((el) => el.getAttribute("data-id"));
  };
  // A press as a person's mouse makes it, on what is under the point (the picture takes its presses
  // on the pane beneath it; React Flow selects a node on its click).
  const pressAt = (x, y) => {
    const at = { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0 };
    const el = document.elementFromPoint(x, y);
    el.dispatchEvent(new MouseEvent("mousedown", { ...at, buttons: 1 }));
    el.dispatchEvent(new MouseEvent("mouseup", at));
    el.dispatchEvent(new MouseEvent("click", at));
  };
  // The leaf nearest the pane's centre that lies wholly inside the pane.
  B.pickLeaf = (leafIds = window.__benchLeaves || []) => {
    const p = paneRect();
    const cx = (p.left + p.right) / 2, cy = (p.top + p.bottom) / 2;
    const leaves = new Set(leafIds);
    let best = null, bestD = Infinity;
    for (const id of shownIds()) {
      if (!leaves.has(id)) continue;
      const r = screenRect(id);
      if (r.width < 2 || r.left < p.left || r.right > p.right || r.top < p.top || r.bottom > p.bottom) continue;
      const d = Math.hypot((r.left + r.right) / 2 - cx, (r.top + r.bottom) / 2 - cy);
      if (d < bestD || (d === bestD && id < best)) { bestD = d; best = id; }
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
      // Pressed where no node is, as a person starts a pan (on the far picture a press on a box
      // would drag it): the first empty point of a grid from the pane's top-left corner.
      x = p.left + 8; y = p.top + 8;
      const empty = (px, py) => {
        if (!picture()) {
          const el = document.elementFromPoint(px, py);
          return !!el && el.closest(".react-flow__node") === null;
        }
        const [tx, ty, k] = B.flowStore().getState().transform;
        return window.__benchNodeAt((px - p.left - tx) / k, (py - p.top - ty) / k) === null;
      };
      search: for (let gy = 8; gy < p.height - 8; gy += 16)
        for (let gx = 8; gx < p.width - 8; gx += 16)
          if (empty(p.left + gx, p.top + gy)) { x = p.left + gx; y = p.top + gy; break search; }
    } else {
      leaf = B.pickLeaf(leafIds || window.__benchLeaves || []);
      if (!leaf) throw new Error("no visible leaf node to drag");
      const r = screenRect(leaf);
      x = (r.left + r.right) / 2; y = (r.top + r.bottom) / 2;
      // On the picture, the press lands on what is under the pointer (the pane).
      target = picture() ? document.elementFromPoint(x, y) : nodeEl(leaf);
      // On the picture: where the picture drew it.
      snap = picture()
        ? () => {
            const n = picture().sdDrawn.doc.nodes.find((m) => m.id === leaf);
            return n ? n.position.x + "," + n.position.y : "";
          }
        : () => nodeEl(leaf).style.transform;
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
  // One interaction to the paint that shows it: the time from just before act() to a task posted
  // from the first animation frame whose callback finds shown() true (that frame paints it).
  const toPaint = (act, shown, what, timeoutMs) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    act();
    const tick = () => {
      if (shown()) {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now() - t0);
        ch.port2.postMessage(0);
        return;
      }
      if (performance.now() - t0 > timeoutMs) { reject(new Error(what + " not shown after " + timeoutMs + " ms")); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  B.edit = (id, label, timeoutMs = 20000) =>
    toPaint(
      () => window.__benchEdit(id, label),
      () => {
        const pic = picture();
        // Drawn on the far picture (boxes without text): the picture drawn from the edited document.
        if (pic) return !!pic.sdDrawn && pic.sdDrawn.doc.nodes.some((n) => n.id === id && n.label === label);
        const el = nodeEl(id);
        // The label in the node's text, or (zoomed far out, where the app draws nodes as boxes
        // without text) in its accessible name: either way the edit is in the DOM of that frame.
        return !!el && (el.textContent.includes(label) || (el.getAttribute("aria-label") || "").includes(label));
      },
      "label " + JSON.stringify(label) + " of " + id,
      timeoutMs,
    );
  // Up to k visible leaves nearest the pane's centre (the select case alternates between two).
  B.pickLeaves = (k) => {
    const out = [];
    let ids = window.__benchLeaves || [];
    for (let i = 0; i < k; i++) {
      const leaf = B.pickLeaf(ids);
      if (!leaf) break;
      out.push(leaf);
      ids = ids.filter((x) => x !== leaf);
    }
    // A leaf still selected from an earlier view goes last: each click must change the selection.
    const selected = (id) => !!nodeEl(id) && nodeEl(id).classList.contains("selected");
    return out.sort((a, b) => Number(selected(a)) - Number(selected(b)));
  };
  // A click on a node (React Flow's own click handler selects it, on both pages), to the paint
  // that shows it selected.
  B.select = (id, timeoutMs = 20000) => {
    const pic = picture();
    const el = nodeEl(id);
    if (!el && !pic) return Promise.reject(new Error("node " + id + " not mounted"));
    if (el && el.classList.contains("selected")) return Promise.reject(new Error("node " + id + " is selected already"));
    const r = screenRect(id);
    const at = { bubbles: true, cancelable: true, view: window, clientX: (r.left + r.right) / 2, clientY: (r.top + r.bottom) / 2, button: 0 };
    return toPaint(
      () => (pic ? pressAt(at.clientX, at.clientY) : el.dispatchEvent(new MouseEvent("click", at))),
      () =>
        pic
          ? !!pic.sdDrawn && pic.sdDrawn.selected.includes(id)
          : !!nodeEl(id) && nodeEl(id).classList.contains("selected"),
      "selection of " + id,
      timeoutMs,
    );
  };
  // An arrow key on the selected, focused node (bare React Flow moves selected nodes on arrow
  // keys; the editor nudges them), to the paint that shows it moved.
  B.nudge = (id, key, timeoutMs = 20000) => {
    const el = nodeEl(id);
    if (!el) return Promise.reject(new Error("node " + id + " not mounted"));
    const pic = picture();
    // On the far picture: where the picture drew it.
    const drawnAt = () => {
      const n = pic.sdDrawn.doc.nodes.find((x) => x.id === id);
      return n ? n.position.x + "," + n.position.y : "";
    };
    const before = pic ? drawnAt() : el.style.transform;
    el.focus({ preventScroll: true });
    return toPaint(
      () => el.dispatchEvent(new KeyboardEvent("keydown", { key, code: key, bubbles: true, cancelable: true })),
      () => (pic ? drawnAt() !== before : !!nodeEl(id) && nodeEl(id).style.transform !== before),
      key + " nudge of " + id,
      timeoutMs,
    );
  };
})();
`;
