/**
 * The far-zoom picture (src/render/far.ts): which shapes it holds for an area, in which colours
 * and rings, how it is painted (on a recording context), and its hit tests.
 */
import { describe, expect, it } from "vitest";
import type { StackDocument } from "../../../src/domain/document.ts";
import { indexDocument } from "../../../src/domain/diagram.ts";
import { absoluteRects } from "../../../src/domain/drop.ts";
import { completeGeometry } from "../../../src/domain/geometry.ts";
import { THEMES } from "../../../src/render/colors.ts";
import { MARKS } from "../../../src/render/node-colors.ts";
import {
  edgeAt,
  farScene,
  nodesInside,
  paintFar,
  type FarContext,
  type FarInput,
} from "../../../src/render/far.ts";
import type { Problem } from "../../../src/domain/rules/index.ts";

const doc: StackDocument = completeGeometry({
  format: "stackdraw",
  version: 2,
  nodes: [
    { id: "h", kind: "physical-host", label: "host", position: { x: 0, y: 0 } },
    { id: "k", kind: "kernel", parentId: "h", label: "linux", props: { os: "linux" } },
    { id: "e", kind: "container-engine", parentId: "k", label: "docker" },
    { id: "c1", kind: "container", parentId: "e", label: "web" },
    { id: "c2", kind: "container", parentId: "e", label: "api" },
    { id: "far", kind: "physical-host", label: "elsewhere", position: { x: 5000, y: 5000 } },
  ],
  edges: [{ id: "x", kind: "network", source: "c1", target: "c2" }],
});
const index = indexDocument(doc);
const rects = absoluteRects(doc, index);

function input(over: Partial<FarInput> = {}): FarInput {
  return {
    doc,
    index,
    rects,
    area: { x: -100, y: -100, width: 3000, height: 3000 },
    theme: "light",
    nodeProblems: new Map(),
    overlay: false,
    selected: new Set(),
    highlighted: new Set(),
    hint: null,
    routes: new Map([
      [
        "x",
        {
          points: [
            { x: rects.get("c1")!.x + 10, y: rects.get("c1")!.y + 10 },
            { x: rects.get("c2")!.x + 10, y: rects.get("c2")!.y + 10 },
          ],
        },
      ],
    ]),
    selectedEdge: null,
    edgeProblems: new Set(),
    ...over,
  };
}

const problem = (nodeId: string, severity: "error" | "warning"): Problem =>
  ({ rule: "kernel-mismatch", severity, nodeId, message: { en: "", ko: "" } }) as unknown as Problem;

describe("farScene", () => {
  it("holds the nodes and edges that meet the area, parents before their children", () => {
    const s = farScene(input());
    expect(s.boxes.map((b) => b.id)).toEqual(["h", "k", "e", "c1", "c2"]);
    expect(s.lines.map((l) => l.id)).toEqual(["x"]);
    for (const b of s.boxes)
      expect({ x: b.x, y: b.y, w: b.width, h: b.height }).toEqual({
        x: rects.get(b.id)!.x,
        y: rects.get(b.id)!.y,
        w: rects.get(b.id)!.width,
        h: rects.get(b.id)!.height,
      });
    const only = farScene(input({ area: { x: 4990, y: 4990, width: 20, height: 20 } }));
    expect(only.boxes.map((b) => b.id)).toEqual(["far"]);
    expect(only.lines).toEqual([]);
  });

  it("paints each layer in its theme's colours, with a band on a box with children only", () => {
    for (const theme of ["light", "dark"] as const) {
      const s = farScene(input({ theme }));
      const by = new Map(s.boxes.map((b) => [b.id, b]));
      expect(by.get("h")!.fill).toBe(THEMES[theme].layers.hardware.fill);
      expect(by.get("k")!.border).toBe(THEMES[theme].layers.kernel.border);
      expect(by.get("c1")!.fill).toBe(THEMES[theme].layers.container.fill);
      expect(by.get("e")!.strip?.color).toBe(THEMES[theme].layers.engine.band);
      expect(by.get("c1")!.strip).toBeNull();
      // The band sits at the bottom of the box, inside its border.
      const e = by.get("e")!;
      expect(e.strip!.y + e.strip!.height).toBeLessThan(e.y + e.height);
      expect(e.strip!.y).toBeGreaterThan(e.y + e.height / 2);
    }
  });

  it("outlines a node in its problem's colour, the error over the warning", () => {
    const s = farScene(
      input({
        nodeProblems: new Map([
          ["c1", [problem("c1", "warning")]],
          ["c2", [problem("c2", "warning"), problem("c2", "error")]],
        ]),
      }),
    );
    const by = new Map(s.boxes.map((b) => [b.id, b]));
    expect(by.get("c1")).toMatchObject({ severity: "warning", border: THEMES.light.warning });
    expect(by.get("c2")).toMatchObject({ severity: "error", border: THEMES.light.error });
    expect(by.get("h")!.severity).toBeNull();
  });

  it("rings the drop's receiver over the selection, and the selection over what it relates to", () => {
    const s = farScene(
      input({
        selected: new Set(["c1", "e"]),
        highlighted: new Set(["k", "c1"]),
        hint: { targetId: "e", ok: false },
      }),
    );
    const ring = new Map(s.boxes.map((b) => [b.id, b.ring]));
    expect(ring.get("e")).toBe(THEMES.light.error);
    expect(ring.get("c1")).toBe(MARKS.light.accent);
    expect(ring.get("k")).toBe(MARKS.light.highlight);
    expect(ring.get("h")).toBeNull();
    const ok = farScene(input({ hint: { targetId: "k", ok: true } }));
    expect(ok.boxes.find((b) => b.id === "k")!.ring).toBe(MARKS.light.ok);
  });

  it("colours by who manages what when the overlay is on", () => {
    const s = farScene(input({ overlay: true }));
    const fills = new Set(s.boxes.map((b) => b.fill));
    expect([...fills].every((f) => f === THEMES.light.userBg || f === THEMES.light.providerBg)).toBe(true);
  });

  it("draws a selected edge in the accent colour and an edge in a problem in the error colour", () => {
    expect(farScene(input({ selectedEdge: "x" })).lines[0]).toMatchObject({
      color: MARKS.light.accent,
      selected: true,
    });
    expect(farScene(input({ edgeProblems: new Set(["x"]) })).lines[0]!.color).toBe(THEMES.light.error);
    expect(farScene(input()).lines[0]!.color).toBe(THEMES.light.edge);
  });
});

/** A 2D context that records what is drawn. */
function recorder() {
  const calls: { op: string; args: number[]; fill?: string; stroke?: string; width?: number }[] = [];
  const ctx: FarContext & { calls: typeof calls } = {
    calls,
    fillStyle: "",
    strokeStyle: "",
    lineWidth: 1,
    lineJoin: "miter",
    setTransform: (...a: number[]) => calls.push({ op: "setTransform", args: a }),
    setLineDash: () => undefined,
    fillRect: (...a: number[]) => calls.push({ op: "fillRect", args: a, fill: String(ctx.fillStyle) }),
    clearRect: (...a: number[]) => calls.push({ op: "clearRect", args: a }),
    drawImage: (_img: unknown, ...a: number[]) => calls.push({ op: "drawImage", args: a }),
    beginPath: () => undefined,
    rect: (...a: number[]) => calls.push({ op: "rect", args: a }),
    roundRect: (...a: number[]) => calls.push({ op: "roundRect", args: a }),
    moveTo: (...a: number[]) => calls.push({ op: "moveTo", args: a }),
    lineTo: (...a: number[]) => calls.push({ op: "lineTo", args: a }),
    fill: () => calls.push({ op: "fill", args: [], fill: String(ctx.fillStyle) }),
    stroke: () =>
      calls.push({ op: "stroke", args: [], stroke: String(ctx.strokeStyle), width: ctx.lineWidth }),
  };
  return ctx;
}

describe("paintFar", () => {
  it("clears the canvas, maps the area onto it and draws every box, edge and ring", () => {
    const scene = farScene(input({ selected: new Set(["c1"]) }));
    const ctx = recorder();
    paintFar(ctx, scene, { origin: { x: -100, y: -100 }, scale: 0.2, width: 600, height: 600 });
    expect(ctx.calls[1]).toEqual({ op: "clearRect", args: [0, 0, 600, 600] });
    expect(ctx.calls.find((c, i) => i > 1 && c.op === "setTransform")!.args).toEqual([
      0.2, 0, 0, 0.2, 20, 20,
    ]);
    const fills = ctx.calls.filter((c) => c.op === "fill").map((c) => c.fill);
    expect(fills).toContain(THEMES.light.layers.container.fill);
    // One border per box, the edge, one ring.
    const strokes = ctx.calls.filter((c) => c.op === "stroke");
    expect(strokes).toHaveLength(scene.boxes.length + 1 + 1);
    const ring = strokes.at(-1)!;
    expect(ring.stroke).toBe(MARKS.light.accent);
    // A ring is 2.5 screen px at any zoom: 12.5 diagram px at 0.2.
    expect(ring.width).toBeCloseTo(12.5);
    // Corners that would be under a screen pixel are drawn square.
    const far = recorder();
    paintFar(far, farScene(input()), { origin: { x: 0, y: 0 }, scale: 0.1, width: 10, height: 10 });
    expect(far.calls.some((c) => c.op === "roundRect")).toBe(false);
    expect(far.calls.filter((c) => c.op === "rect").length).toBeGreaterThanOrEqual(scene.boxes.length);
    const near = recorder();
    paintFar(near, scene, { origin: { x: 0, y: 0 }, scale: 1, width: 10, height: 10 });
    expect(near.calls.some((c) => c.op === "roundRect")).toBe(true);
  });
});

describe("hit tests", () => {
  const scene = farScene(input());
  const [a, b] = input().routes.get("x")!.points;
  it("finds the edge whose route passes within the tolerance, and none farther", () => {
    const mid = { x: (a!.x + b!.x) / 2, y: (a!.y + b!.y) / 2 + 3 };
    expect(edgeAt(scene, mid, 5)).toBe("x");
    expect(edgeAt(scene, { x: mid.x, y: mid.y + 10 }, 5)).toBeNull();
  });
  it("selects the nodes wholly inside an area", () => {
    const e = rects.get("e")!;
    expect(
      nodesInside(index, rects, { x: e.x - 1, y: e.y - 1, width: e.width + 2, height: e.height + 2 }),
    ).toEqual(["e", "c1", "c2"]);
  });
});
