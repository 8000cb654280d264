/**
 * The drawing commands without a browser: Arrange of the selection's trees (top-left kept),
 * Fit to contents, the keyboard walk (parent, first child, siblings), Enter's best preset, and the
 * view fitted clear of what floats over the pane.
 */
import { describe, expect, it } from "vitest";
import { createEditorStore } from "../../../src/store/editor.ts";
import { addPresetInto } from "../../../src/store/actions.ts";
import {
  arrangeTrees,
  canFitToContents,
  fitToContents,
  walkTarget,
} from "../../../src/store/drawing-actions.ts";
import { mapNodes } from "../../../src/domain/edit.ts";
import { absoluteRects } from "../../../src/domain/drop.ts";
import { PRESETS } from "../../../src/domain/kinds/presets.ts";
import { bestPreset } from "../../../src/panels/Palette.tsx";
import { fitInto, insetsAround, showsWhole } from "../../../src/domain/view-fit.ts";

function stack() {
  const store = createEditorStore();
  const server = addPresetInto(store, "physical-server")!;
  const kernel = addPresetInto(store, "kernel-ubuntu")!;
  const engine = addPresetInto(store, "engine-docker")!;
  const c1 = addPresetInto(store, "container")!;
  const c2 = addPresetInto(store, "container")!;
  return { store, server, kernel, engine, c1, c2 };
}

describe("Arrange", () => {
  it("with a leaf selected arranges its whole tree, which keeps its top-left corner, and asks to show it", () => {
    const { store, server, c2 } = stack();
    // Move the server somewhere, then a second tree beside it that must not move.
    const other = (() => {
      store.getState().select([]);
      return addPresetInto(store, "physical-server")!;
    })();
    const at = store.getState().index.byId.get(server)!.position!;
    const otherAt = store.getState().index.byId.get(other)!.position!;
    store.getState().select([c2]);
    const steps = store.getState().past.length;
    arrangeTrees(store);
    const s = store.getState();
    expect(s.past.length).toBe(steps + 1);
    expect(s.index.byId.get(server)!.position).toEqual(at);
    expect(s.index.byId.get(other)!.position!.y).toBe(otherAt.y);
    expect(s.frameRequest?.ids).toEqual([server]);
  });

  it("with nothing selected arranges the whole diagram where it was", () => {
    const { store } = stack();
    store.getState().select([]);
    addPresetInto(store, "physical-server");
    store.getState().select([]);
    const before = [...absoluteRects(store.getState().doc, store.getState().index).values()];
    const x0 = Math.min(...before.map((r) => r.x));
    const y0 = Math.min(...before.map((r) => r.y));
    arrangeTrees(store);
    const after = [...absoluteRects(store.getState().doc, store.getState().index).values()];
    expect(Math.min(...after.map((r) => r.x))).toBe(x0);
    expect(Math.min(...after.map((r) => r.y))).toBe(y0);
  });
});

describe("Fit to contents", () => {
  it("a parent sized by hand shrinks back to fit its children, as one undo step", () => {
    const { store, engine } = stack();
    const fitted = store.getState().index.byId.get(engine)!.size!;
    store.getState().commit(
      mapNodes(store.getState().doc, [engine], (n) => ({
        ...n,
        size: { width: fitted.width + 200, height: fitted.height + 100 },
        manualSize: true,
      })),
    );
    store.getState().select([engine]);
    expect(canFitToContents(store.getState())).toBe(true);
    fitToContents(store);
    const n = store.getState().index.byId.get(engine)!;
    expect(n.size).toEqual(fitted);
    expect(n.manualSize).toBeUndefined();
    expect(canFitToContents(store.getState())).toBe(false);
  });
});

describe("walking the tree with the keyboard", () => {
  it("parent, first child, next and previous sibling (wrapping), the first root from nothing", () => {
    const { store, server, kernel, engine, c1, c2 } = stack();
    const at = (id: string | null) => ({ index: store.getState().index, selectedNodes: id ? [id] : [] });
    expect(walkTarget(at(null), "parent")).toBe(server);
    expect(walkTarget(at(c1), "parent")).toBe(engine);
    expect(walkTarget(at(engine), "parent")).toBe(kernel);
    expect(walkTarget(at(server), "parent")).toBeNull();
    expect(walkTarget(at(server), "first-child")).toBe(kernel);
    expect(walkTarget(at(engine), "first-child")).toBe(c1);
    expect(walkTarget(at(c1), "first-child")).toBeNull();
    expect(walkTarget(at(c1), "next-sibling")).toBe(c2);
    expect(walkTarget(at(c2), "next-sibling")).toBe(c1);
    expect(walkTarget(at(c1), "prev-sibling")).toBe(c2);
  });
});

describe("Enter in the palette search", () => {
  it("adds the best match: the exact name first", () => {
    expect(bestPreset(PRESETS, "container")?.id).toBe("container");
    expect(bestPreset(PRESETS, "Container")?.id).toBe("container");
    expect(bestPreset(PRESETS, "컨테이너")?.id).toBe("container");
    expect(bestPreset(PRESETS, "ubuntu")?.id).toBe("kernel-ubuntu");
    expect(bestPreset(PRESETS, "docker eng")?.id).toBe("engine-docker");
    expect(bestPreset(PRESETS, "")).toBeNull();
    expect(bestPreset(PRESETS, "zzzz")).toBeNull();
  });
});

describe("fitting the view clear of the minimap, the controls and the legend", () => {
  const W = 1000;
  const H = 600;
  const minimap = { x: W - 175, y: H - 125, width: 160, height: 110 };
  const controls = { x: 15, y: H - 135, width: 26, height: 120 };
  const legend = { x: W - 300, y: 10, width: 290, height: 30 };

  it("cuts each obstacle off along the side that loses the least", () => {
    const i = insetsAround(W, H, [minimap, controls, legend]);
    // The minimap costs less off the right (17.5 %) than off the bottom (21 %).
    expect(i).toEqual({ left: 41, right: 175, top: 40, bottom: 0 });
  });

  it("fits the bounds whole in what is left, with the margin, and nothing under an obstacle", () => {
    const insets = insetsAround(W, H, [minimap, controls, legend]);
    for (const b of [
      { x: 0, y: 0, width: 2000, height: 400 },
      { x: -300, y: 50, width: 400, height: 900 },
      { x: 10, y: 10, width: 100, height: 60 },
    ]) {
      const vp = fitInto(b, W, H, insets, { margin: 24, minZoom: 0.1, maxZoom: 1 });
      expect(showsWhole(vp, b, W, H, insets, 24)).toBe(true);
      const sx = (x: number) => x * vp.zoom + vp.x;
      const sy = (y: number) => y * vp.zoom + vp.y;
      for (const o of [minimap, controls, legend]) {
        const apart =
          sx(b.x + b.width) <= o.x ||
          sx(b.x) >= o.x + o.width ||
          sy(b.y + b.height) <= o.y ||
          sy(b.y) >= o.y + o.height;
        expect(apart).toBe(true);
      }
    }
  });
});
