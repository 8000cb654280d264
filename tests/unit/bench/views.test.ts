// @vitest-environment node
import {
  boundsOfRects,
  openViewport,
  reactFlowFit,
  sameViewport,
  toScreen,
  visibleIds,
} from "../../../bench/perf/views.ts";

describe("bench views", () => {
  it("bounds of rectangles", () => {
    expect(boundsOfRects([])).toBeNull();
    expect(
      boundsOfRects([
        { x: 10, y: 20, width: 5, height: 5 },
        { x: -5, y: 0, width: 10, height: 100 },
      ]),
    ).toEqual({ x: -5, y: 0, width: 20, height: 100 });
  });

  it("React Flow's fit: centred, zoom clamped to [minZoom, maxZoom]", () => {
    const pane = { width: 800, height: 600 };
    const fit = { padding: 0.1, minZoom: 0.1, maxZoom: 1 };
    // Small: clamped to zoom 1, centred.
    const small = reactFlowFit({ x: 0, y: 0, width: 100, height: 100 }, pane, fit);
    expect(small).toEqual({ x: 350, y: 250, zoom: 1 });
    // Huge: clamped to 0.1, still centred.
    const huge = reactFlowFit({ x: 0, y: 0, width: 100_000, height: 10_000 }, pane, fit);
    expect(huge.zoom).toBe(0.1);
    expect(huge.x).toBeCloseTo(400 - 50_000 * 0.1);
    // In between: the padded box fits the pane's tighter side.
    const mid = reactFlowFit({ x: 0, y: 0, width: 2000, height: 1000 }, pane, fit);
    expect(mid.zoom).toBeGreaterThan(0.3);
    expect(mid.zoom).toBeLessThan(0.4);
    const s = toScreen({ x: 0, y: 0, width: 2000, height: 1000 }, mid);
    expect(s.x).toBeGreaterThan(0);
    expect(s.x + s.width).toBeLessThan(800);
  });

  it("the opened view puts the first node's corner at (40, 40) at zoom 1", () => {
    const vp = openViewport({ x: 100, y: 50, width: 10, height: 10 });
    expect(vp).toEqual({ x: -60, y: -10, zoom: 1 });
    expect(toScreen({ x: 100, y: 50, width: 10, height: 10 }, vp)).toEqual({
      x: 40,
      y: 40,
      width: 10,
      height: 10,
    });
  });

  it("visible ids: overlapping the pane shrunk by the inset", () => {
    const pane = { width: 100, height: 100 };
    const vp = { x: 0, y: 0, zoom: 1 };
    const rects = [
      ["in", { x: 10, y: 10, width: 10, height: 10 }],
      ["edge", { x: 99, y: 10, width: 10, height: 10 }], // only 1 px inside: within the inset
      ["across", { x: -50, y: -50, width: 200, height: 200 }],
      ["out", { x: 200, y: 0, width: 10, height: 10 }],
      ["left", { x: -20, y: 0, width: 21, height: 10 }],
    ] as const;
    expect(visibleIds(rects, vp, pane)).toEqual(["in", "across"]);
    expect(visibleIds(rects, vp, pane, 0)).toEqual(["in", "edge", "across", "left"]);
    // Zoomed out, the far one comes into view.
    expect(visibleIds(rects, { x: 0, y: 0, zoom: 0.25 }, pane, 0)).toContain("out");
  });

  it("same viewport within tolerance", () => {
    expect(sameViewport({ x: 0, y: 0, zoom: 1 }, { x: 1.5, y: -1, zoom: 1.0005 })).toBe(true);
    expect(sameViewport({ x: 0, y: 0, zoom: 1 }, { x: 3, y: 0, zoom: 1 })).toBe(false);
    expect(sameViewport({ x: 0, y: 0, zoom: 1 }, { x: 0, y: 0, zoom: 0.1 })).toBe(false);
  });
});
