import fc from "fast-check";
import { forestArb } from "./forest.ts";
import { completeGeometry } from "../../../src/domain/geometry.ts";
import { indexDocument } from "../../../src/domain/diagram.ts";
import { absoluteRects } from "../../../src/domain/drop.ts";
import {
  boundsOf,
  containsRect,
  expandRect,
  fitViewport,
  intersects,
  nodesToMount,
  visibleArea,
} from "../../../src/domain/viewport.ts";
import type { StackDocument } from "../../../src/domain/document.ts";

const FIT = { padding: 0.1, minZoom: 0.1, maxZoom: 1 };

describe("fitViewport", () => {
  it("centres the box and zooms to fit its padded size, like React Flow's fitView", () => {
    const vp = fitViewport({ x: 100, y: 50, width: 1000, height: 400 }, 550, 800, FIT);
    // 550 / (1000 × 1.1) = 0.5 is the tighter of the two.
    expect(vp.zoom).toBeCloseTo(0.5);
    // The box's centre (600, 250) lands on the pane's centre (275, 400).
    expect(600 * vp.zoom + vp.x).toBeCloseTo(275);
    expect(250 * vp.zoom + vp.y).toBeCloseTo(400);
  });

  it("never zooms past maxZoom or below minZoom", () => {
    expect(fitViewport({ x: 0, y: 0, width: 10, height: 10 }, 800, 600, FIT).zoom).toBe(1);
    expect(fitViewport({ x: 0, y: 0, width: 1e6, height: 1e6 }, 800, 600, FIT).zoom).toBe(0.1);
  });

  it("has nothing to fit in an empty document or an unmeasured pane", () => {
    expect(fitViewport(null, 800, 600, FIT)).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(fitViewport({ x: 5, y: 5, width: 10, height: 10 }, 0, 0, FIT)).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it("shows the whole box whenever the zoom is not clamped (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.integer({ min: -5000, max: 5000 }),
          y: fc.integer({ min: -5000, max: 5000 }),
          width: fc.integer({ min: 1, max: 4000 }),
          height: fc.integer({ min: 1, max: 4000 }),
        }),
        fc.integer({ min: 100, max: 2000 }),
        fc.integer({ min: 100, max: 2000 }),
        (box, w, h) => {
          const vp = fitViewport(box, w, h, { padding: 0.06, minZoom: 0.001, maxZoom: 1000 });
          const seen = visibleArea(vp, w, h);
          const eps = 1e-6 * Math.max(box.width, box.height, 1);
          expect(
            containsRect(expandRect(seen, 1e-9), {
              ...box,
              x: box.x + eps,
              y: box.y + eps,
              width: box.width - 2 * eps,
              height: box.height - 2 * eps,
            }),
          ).toBe(true);
        },
      ),
    );
  });
});

describe("visibleArea", () => {
  it("is the pane seen through the viewport, in document coordinates", () => {
    expect(visibleArea({ x: -200, y: 100, zoom: 2 }, 800, 600)).toEqual({
      x: 100,
      y: -50,
      width: 400,
      height: 300,
    });
  });
});

describe("nodesToMount", () => {
  const doc: StackDocument = completeGeometry({
    format: "stackdraw",
    version: 1,
    nodes: [
      { id: "left", kind: "physical-host", position: { x: 0, y: 0 } },
      { id: "k1", kind: "kernel", parentId: "left" },
      { id: "eng", kind: "container-engine", parentId: "k1" },
      { id: "c1", kind: "container", parentId: "eng" },
      { id: "far", kind: "physical-host", position: { x: 50_000, y: 0 } },
      { id: "k2", kind: "kernel", parentId: "far" },
      { id: "farther", kind: "physical-host", position: { x: 100_000, y: 0 } },
    ],
    edges: [{ id: "e1", kind: "network", source: "c1", target: "k2" }],
  });
  const index = indexDocument(doc);
  const rects = absoluteRects(doc, index);

  it("mounts what meets the area with all its ancestors, both ends of an edge crossing it, and what is kept", () => {
    const c1 = rects.get("c1")!;
    const around = { x: c1.x + 1, y: c1.y + 1, width: 2, height: 2 };
    expect([...nodesToMount({ ...doc, edges: [] }, index, around)].sort()).toEqual([
      "c1",
      "eng",
      "k1",
      "left",
    ]);
    // The edge c1 → k2 spans the area: its far end (and its parent) are mounted so it can be drawn.
    expect([...nodesToMount(doc, index, around)].sort()).toEqual(["c1", "eng", "far", "k1", "k2", "left"]);
    // A kept node (the selection) is mounted wherever it is.
    expect(nodesToMount(doc, index, around, ["farther"]).has("farther")).toBe(true);
    // An area between everything mounts nothing but the edge's ends.
    const gap = { x: 70_000, y: -10_000, width: 10, height: 10 };
    expect(nodesToMount({ ...doc, edges: [] }, index, gap).size).toBe(0);
  });

  it("is closed under parents and holds every node that meets the area (property)", () => {
    fc.assert(
      fc.property(
        forestArb(40),
        fc.record({
          x: fc.integer({ min: -200, max: 3000 }),
          y: fc.integer({ min: -200, max: 3000 }),
          width: fc.integer({ min: 0, max: 1500 }),
          height: fc.integer({ min: 0, max: 1500 }),
        }),
        (forest, area) => {
          const d = completeGeometry({ format: "stackdraw", version: 1, nodes: forest.nodes, edges: [] });
          const ix = indexDocument(d);
          const r = absoluteRects(d, ix);
          const m = nodesToMount(d, ix, area);
          for (const n of d.nodes) {
            if (intersects(r.get(n.id)!, area)) expect(m.has(n.id)).toBe(true);
            if (m.has(n.id) && n.parentId) expect(m.has(n.parentId)).toBe(true);
          }
        },
      ),
    );
  });
});

describe("boundsOf", () => {
  it("is the box around every rectangle, or null for none", () => {
    expect(boundsOf([])).toBeNull();
    expect(
      boundsOf([
        { x: 0, y: 10, width: 5, height: 5 },
        { x: -3, y: 0, width: 1, height: 1 },
      ]),
    ).toEqual({ x: -3, y: 0, width: 8, height: 15 });
  });
});
