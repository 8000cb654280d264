/**
 * Resizing by hand: the limits the handles keep (a node never cuts its children), a finished resize
 * as the canvas commits it (one undo step, sized by hand from then on, ancestors grown right and
 * down), and Esc mid-gesture (nothing moves, nothing is committed).
 */
import { describe, expect, it } from "vitest";
import { createEditorStore } from "../../../src/store/editor.ts";
import { addPresetInto } from "../../../src/store/actions.ts";
import { mapNodes } from "../../../src/domain/edit.ts";
import { withPositions } from "../../../src/domain/drag.ts";
import { MIN_LEAF, resizeLimits } from "../../../src/domain/placement.ts";
import { contentInsets } from "../../../src/domain/layout/index.ts";

function built() {
  const store = createEditorStore();
  const server = addPresetInto(store, "physical-server")!;
  const kernel = addPresetInto(store, "kernel-ubuntu")!;
  const engine = addPresetInto(store, "engine-docker")!;
  addPresetInto(store, "container");
  return { store, server, kernel, engine };
}

describe("resize limits", () => {
  it("from the right and bottom the children's extent, from the left and top up to the nearest child", () => {
    const { store, engine, kernel } = built();
    const { index } = store.getState();
    const l = resizeLimits(index.byId, index.children, kernel);
    const e = index.byId.get(engine)!;
    const ins = contentInsets("kernel");
    expect(l.minWidth).toBe(e.position!.x + e.size!.width + ins.right);
    expect(l.minHeight).toBe(e.position!.y + e.size!.height + ins.bottom);
    expect(l.maxLeft).toBe(e.position!.x - ins.left);
    expect(l.maxTop).toBe(e.position!.y - ins.top);
  });

  it("outward from the left and top no further than the parent's content edge; a root without limit", () => {
    const { store, kernel, server, engine } = built();
    const { index } = store.getState();
    const k = resizeLimits(index.byId, index.children, kernel);
    // The kernel stands at its server's content origin: its left and top edges cannot move out.
    expect([k.growLeft, k.growUp]).toEqual([0, 0]);
    const s = resizeLimits(index.byId, index.children, server);
    expect([s.growLeft, s.growUp]).toEqual([Infinity, Infinity]);
    void engine;
  });

  it("a leaf can be made as small as the smallest leaf", () => {
    const store = createEditorStore();
    const id = addPresetInto(store, "container")!;
    const { index } = store.getState();
    const l = resizeLimits(index.byId, index.children, id);
    expect([l.minWidth, l.minHeight]).toEqual([MIN_LEAF.width, MIN_LEAF.height]);
  });
});

describe("a resize as the canvas commits it", () => {
  it("grows the parent, is one undo step, and the node keeps its size from then on", () => {
    const { store, kernel, server } = built();
    const s0 = store.getState();
    const k0 = s0.index.byId.get(kernel)!;
    const srv0 = s0.index.byId.get(server)!;
    const steps = s0.past.length;
    s0.beginGesture();
    for (const dw of [40, 120, 200])
      store.getState().transient(
        mapNodes(store.getState().doc, [kernel], (n) => ({
          ...n,
          size: { width: k0.size!.width + dw, height: k0.size!.height + 30 },
        })),
        [kernel],
      );
    store.getState().transient(
      mapNodes(store.getState().doc, [kernel], (n) => ({ ...n, manualSize: true })),
      [kernel],
    );
    store.getState().endGesture();
    const s1 = store.getState();
    expect(s1.past.length).toBe(steps + 1);
    const k1 = s1.index.byId.get(kernel)!;
    expect(k1.size).toEqual({ width: k0.size!.width + 200, height: k0.size!.height + 30 });
    expect(k1.manualSize).toBe(true);
    // The server grew right and down around it, and did not move.
    const srv1 = s1.index.byId.get(server)!;
    expect(srv1.position).toEqual(srv0.position);
    expect(srv1.size!.width).toBeGreaterThan(srv0.size!.width);
    s1.undo();
    expect(store.getState().index.byId.get(kernel)!.size).toEqual(k0.size);
  });

  it("Esc mid-gesture: back to where it began, nothing committed", () => {
    const { store, kernel } = built();
    const s0 = store.getState();
    const doc0 = s0.doc;
    const steps = s0.past.length;
    s0.beginGesture();
    const k = s0.index.byId.get(kernel)!;
    store
      .getState()
      .transient(withPositions(store.getState().doc, new Map([[kernel, { x: k.position!.x + 90, y: 5 }]])), [
        kernel,
      ]);
    store.getState().cancelGesture();
    const s1 = store.getState();
    expect(s1.doc).toBe(doc0);
    expect(s1.gestureBase).toBeNull();
    expect(s1.past.length).toBe(steps);
    expect(s1.index.byId.get(kernel)).toBe(k);
  });
});
