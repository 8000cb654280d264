/** Unit cases of the router: the shapes of documents the contract was written for. */
import { describe, expect, it } from "vitest";
import type { StackDocument, StackEdge, StackNode } from "../../../src/domain/document.ts";
import { rerouteAffected, routeEdges, textBoxes } from "../../../src/domain/routing/index.ts";
import { BADGE_KEY } from "../../../src/domain/routing/scene.ts";
import { boxesOf, closePairs, contractViolations, crosses } from "./check.ts";
import { layOut, type TreeSpec } from "./nested.ts";

const leaf = (kind: TreeSpec["kind"], width = 160, height = 64): TreeSpec => ({
  kind,
  width,
  height,
  gap: 12,
  alignTop: false,
  children: [],
});
const box = (kind: TreeSpec["kind"], children: TreeSpec[], gap = 12): TreeSpec => ({
  kind,
  width: 0,
  height: 0,
  gap,
  alignTop: false,
  children,
});
const edge = (
  id: string,
  source: string,
  target: string,
  kind: StackEdge["kind"] = "network",
): StackEdge => ({
  id,
  kind,
  source,
  target,
});
const doc = (nodes: StackNode[], edges: StackEdge[]): StackDocument => ({
  format: "stackdraw",
  version: 1,
  nodes,
  edges,
});
const byKindOrder = (nodes: StackNode[], kind: string) =>
  nodes.filter((n) => n.kind === kind).map((n) => n.id);

describe("routeEdges", () => {
  it("joins two containers side by side in one engine inside the engine, straight between their facing sides", () => {
    // n0 engine, n1 and n2 containers
    const nodes = layOut([box("container-engine", [leaf("container"), leaf("container")])]);
    const d = doc(nodes, [edge("e", "n1", "n2")]);
    const routes = routeEdges(d);
    expect(contractViolations(d, routes)).toEqual([]);
    const b = boxesOf(d);
    const pts = routes.get("e")!.points;
    expect(pts).toEqual([
      { x: b.get("n1")!.r, y: (b.get("n1")!.t + b.get("n1")!.b) / 2 },
      { x: b.get("n2")!.l, y: (b.get("n2")!.t + b.get("n2")!.b) / 2 },
    ]);
  });

  it("goes around a sibling VM on the way across a stack, and out of every band", () => {
    const vm = () => box("vm", [box("kernel", [box("container-engine", [leaf("container")])])]);
    const nodes = layOut([box("physical-host", [box("hypervisor", [vm(), vm(), vm()])])]);
    const [c1, , c3] = byKindOrder(nodes, "container");
    const [, vm2] = byKindOrder(nodes, "vm");
    const d = doc(nodes, [edge("e", c1!, c3!)]);
    const routes = routeEdges(d);
    expect(contractViolations(d, routes)).toEqual([]);
    const pts = routes.get("e")!.points;
    const vm2Box = boxesOf(d).get(vm2!)!;
    for (let k = 0; k + 1 < pts.length; k++) expect(crosses(pts[k]!, pts[k + 1]!, vm2Box)).toBe(false);
    // It had to climb: above the row of VMs, inside the hypervisor.
    const top = Math.min(...pts.map((p) => p.y));
    expect(top).toBeLessThan(vm2Box.t);
  });

  it("leads a container's pull out of its cloud frame (not through the title bar) to a registry outside", () => {
    const nodes = layOut([
      box("cloud", [box("vm", [box("kernel", [box("container-engine", [leaf("container")])])])]),
      leaf("registry"),
    ]);
    const [container] = byKindOrder(nodes, "container");
    const [registry] = byKindOrder(nodes, "registry");
    const d = doc(nodes, [edge("e", container!, registry!, "pulls")]);
    const routes = routeEdges(d);
    expect(contractViolations(d, routes)).toEqual([]);
    const pts = routes.get("e")!.points;
    const last = pts[pts.length - 1]!;
    expect(boxesOf(d).get(registry!)!.l).toBe(last.x);
  });

  it("spreads parallel edges 6 px apart where there is room", () => {
    const nodes = layOut([
      box("container-engine", [leaf("container"), leaf("container")]),
      box("container-engine", [leaf("container"), leaf("container")]),
      leaf("registry"),
    ]);
    const containers = byKindOrder(nodes, "container");
    const [registry] = byKindOrder(nodes, "registry");
    const edges = [
      edge("twin-a", containers[1]!, containers[2]!),
      edge("twin-b", containers[1]!, containers[2]!),
      edge("pull-a", containers[0]!, registry!, "pulls"),
      edge("pull-b", containers[3]!, registry!, "pulls"),
    ];
    const d = doc(nodes, edges);
    const routes = routeEdges(d);
    expect(contractViolations(d, routes)).toEqual([]);
    expect(closePairs(d, routes)).toEqual([]);
    expect([...routes.values()].some((r) => r.squeezed)).toBe(false);
    expect(routes.get("twin-a")!.points).not.toEqual(routes.get("twin-b")!.points);
  });

  it("spreads edges evenly across a gap too narrow for 6 px, and says so", () => {
    // Four edges over the 12 px above a row of containers: 6 px apart does not fit.
    const nodes = layOut([
      box("container-engine", [leaf("container"), leaf("container"), leaf("container")]),
    ]);
    const [a, , c] = byKindOrder(nodes, "container");
    const edges = [0, 1, 2, 3].map((i) => edge(`e${i}`, a!, c!));
    const d = doc(nodes, edges);
    const routes = routeEdges(d);
    expect(contractViolations(d, routes)).toEqual([]);
    const close = closePairs(d, routes);
    expect(close.length).toBeGreaterThan(0);
    for (const { a: x, b: y, gap } of close) {
      expect(routes.get(x.edge)!.squeezed && routes.get(y.edge)!.squeezed).toBe(true);
      // Never on top of each other.
      expect(gap).toBeGreaterThan(1);
    }
  });

  it("routes an edge to an ancestor inside it, ending on its inner side above its band", () => {
    const nodes = layOut([box("kernel", [box("container-engine", [leaf("container"), leaf("container")])])]);
    const kernel = byKindOrder(nodes, "kernel")[0]!;
    const [c1] = byKindOrder(nodes, "container");
    const d = doc(nodes, [edge("up", c1!, kernel), edge("down", kernel, c1!)]);
    const routes = routeEdges(d);
    expect(contractViolations(d, routes)).toEqual([]);
    const k = boxesOf(d).get(kernel)!;
    const band = textBoxes(d).get(kernel)!;
    const end = routes.get("up")!.points.at(-1)!;
    expect(end.x === k.l || end.x === k.r || end.y === k.t).toBe(true);
    expect(end.y).toBeLessThanOrEqual(band.t);
    expect(routes.get("down")!.points[0]!.y).toBeLessThanOrEqual(band.t);
  });

  it("goes around touching boxes instead of squeezing between them", () => {
    const nodes = layOut([
      box(
        "container-engine",
        [leaf("container"), leaf("container"), leaf("container"), leaf("container")],
        0,
      ),
    ]);
    const [a, b, c, dd] = byKindOrder(nodes, "container");
    const d = doc(nodes, [edge("touching", a!, b!), edge("past", a!, dd!), edge("back", c!, a!)]);
    const routes = routeEdges(d);
    expect(contractViolations(d, routes)).toEqual([]);
    // a and b share a side: the route leaves a by another side and comes back round.
    expect(routes.get("touching")!.points.length).toBeGreaterThan(2);
  });

  it("draws a loop for an edge from a node to itself, and leaves out edges whose ends are missing", () => {
    const nodes = layOut([box("container-engine", [leaf("container")])]);
    const d = doc(nodes, [edge("self", "n1", "n1"), edge("dangling", "n1", "nope")]);
    const routes = routeEdges(d);
    expect(routes.has("dangling")).toBe(false);
    const loop = routes.get("self")!;
    expect(loop.ok).toBe(true);
    expect(loop.points.length).toBe(4);
  });

  it("says when no route keeps the contract: an end walled in by overlapping boxes", () => {
    const nodes: StackNode[] = [
      { id: "a", kind: "container", position: { x: 0, y: 0 }, size: { width: 100, height: 60 } },
      { id: "wall", kind: "group", position: { x: -50, y: -50 }, size: { width: 200, height: 160 } },
      { id: "b", kind: "registry", position: { x: 400, y: 0 }, size: { width: 100, height: 60 } },
    ];
    const routes = routeEdges(doc(nodes, [edge("e", "a", "b")]));
    expect(routes.get("e")!.ok).toBe(false);
    expect(routes.get("e")!.points.length).toBeGreaterThanOrEqual(2);
  });

  it("places each label on its route, covering no node's text", () => {
    const nodes = layOut([box("container-engine", [leaf("container"), leaf("container")]), leaf("registry")]);
    const d = doc(nodes, [{ ...edge("e", "n1", "n3", "pulls"), label: "pulls nginx:1.27 every morning" }]);
    const r = routeEdges(d).get("e")!;
    const onRoute = r.points.some((p, k) => {
      const q = r.points[k + 1];
      if (q === undefined) return false;
      return (
        Math.min(p.x, q.x) - 1e-6 <= r.labelAt.x &&
        r.labelAt.x <= Math.max(p.x, q.x) + 1e-6 &&
        Math.min(p.y, q.y) - 1e-6 <= r.labelAt.y &&
        r.labelAt.y <= Math.max(p.y, q.y) + 1e-6
      );
    });
    expect(onRoute).toBe(true);
  });
});

describe("textBoxes", () => {
  it("is the band at the bottom of a stack node, the title bar of a frame, and a leaf's whole box", () => {
    const nodes = layOut([box("container-engine", [leaf("container")]), box("cloud", [leaf("vm")])]);
    const d = doc(nodes, []);
    const text = textBoxes(d);
    const b = boxesOf(d);
    const engine = b.get("n0")!;
    expect(text.get("n0")).toMatchObject({ l: engine.l, t: engine.b - 1.5 - 48, b: engine.b });
    expect(text.get("n0")!.r).toBeLessThanOrEqual(engine.r);
    const cloud = b.get("n2")!;
    expect(text.get("n2")).toMatchObject({ l: cloud.l, t: cloud.t, b: cloud.t + 1.5 + 32 });
    expect(text.get("n2")!.r).toBeLessThanOrEqual(cloud.r);
    expect(text.get("n1")).toEqual(b.get("n1"));
  });

  it("leaves the part of a wide strip past its text free, but for the badge zone at its right end", () => {
    const nodes = layOut([
      box("container-engine", [leaf("container"), leaf("container"), leaf("container")]),
    ]);
    const d = doc(nodes, []);
    const text = textBoxes(d);
    const engine = boxesOf(d).get("n0")!;
    const band = text.get("n0")!;
    expect(band.l).toBe(engine.l);
    expect(band.b).toBe(engine.b);
    // "CONTAINER ENGINE" / "Container Engine" and no props: about 120 px with the inset.
    expect(band.r - band.l).toBeGreaterThan(100);
    expect(band.r - band.l).toBeLessThan(180);
    const badge = text.get("n0" + BADGE_KEY)!;
    expect(badge.r).toBe(engine.r);
    expect(badge.r - badge.l).toBeGreaterThanOrEqual(40);
    expect(badge.l).toBeGreaterThan(band.r);
  });
});

describe("rerouteAffected", () => {
  it("re-routes the edges of a moved node and keeps the others as they were", () => {
    const nodes = layOut([
      box("container-engine", [leaf("container"), leaf("container")]),
      box("container-engine", [leaf("container"), leaf("container")]),
    ]);
    const [a, b, c, dd] = byKindOrder(nodes, "container");
    const d = doc(nodes, [edge("moving", a!, b!), edge("still", c!, dd!)]);
    const prev = routeEdges(d);
    const moved = {
      ...d,
      nodes: d.nodes.map((n) => (n.id === "n0" ? { ...n, position: { x: 0, y: 200 } } : n)),
    };
    const next = rerouteAffected(prev, moved, ["n0"]);
    expect(contractViolations(moved, next)).toEqual([]);
    expect(next.get("still")!.points).toEqual(prev.get("still")!.points);
    expect(next.get("moving")!.points[0]!.y).toBeGreaterThan(prev.get("moving")!.points[0]!.y);
    expect([...next]).toEqual([...routeEdges(moved)]);
  });

  it("re-routes an edge whose route a moved box now blocks", () => {
    const nodes = layOut([
      box("container-engine", [leaf("container"), leaf("container"), leaf("container")], 60),
    ]);
    const [a, , c] = byKindOrder(nodes, "container");
    const d = doc(nodes, [edge("e", a!, c!)]);
    const prev = routeEdges(d);
    // Lift the middle container into the line the route took over it.
    const mid = d.nodes.find((n) => n.id === "n2")!;
    const engineY = d.nodes.find((n) => n.id === "n0")!.position!.y;
    const top = Math.min(...prev.get("e")!.points.map((p) => p.y));
    const moved = {
      ...d,
      nodes: d.nodes.map((n) =>
        n.id === "n2" ? { ...n, position: { x: mid.position!.x, y: top - engineY - 10 } } : n,
      ),
    };
    const next = rerouteAffected(prev, moved, ["n2"]);
    expect(contractViolations(moved, next)).toEqual([]);
    expect(next.get("e")!.points).not.toEqual(prev.get("e")!.points);
  });

  it("hands back the very Route objects of the edges whose route did not change", () => {
    const nodes = layOut([
      box("container-engine", [leaf("container"), leaf("container")]),
      box("container-engine", [leaf("container"), leaf("container")]),
    ]);
    const [a, b, c, dd] = byKindOrder(nodes, "container");
    const d = doc(nodes, [edge("moving", a!, b!), edge("still", c!, dd!)]);
    const prev = routeEdges(d);
    const moved = {
      ...d,
      nodes: d.nodes.map((n) => (n.id === "n0" ? { ...n, position: { x: 0, y: 200 } } : n)),
    };
    const next = rerouteAffected(prev, moved, ["n0"]);
    expect(next.get("still")).toBe(prev.get("still"));
    expect(next.get("moving")).not.toBe(prev.get("moving"));
    // Nothing changed at all: every route is the same object, live or not.
    const again = rerouteAffected(next, moved, [], { live: true });
    for (const [id, r] of next) expect(again.get(id)).toBe(r);
    // A new label changes only that edge's route object.
    const relabelled = {
      ...moved,
      edges: moved.edges.map((e) =>
        e.id === "moving" ? { ...e, label: "a much longer label than before" } : e,
      ),
    };
    const after = rerouteAffected(again, relabelled, []);
    expect(after.get("still")).toBe(next.get("still"));
  });

  it("routes everything when the previous result is not its own", () => {
    const nodes = layOut([box("container-engine", [leaf("container"), leaf("container")])]);
    const d = doc(nodes, [edge("e", "n1", "n2")]);
    expect([...rerouteAffected(new Map(), d, [])]).toEqual([...routeEdges(d)]);
  });
});

describe("huge boxes", () => {
  it("routes around boxes millions of px wide and tall at once (they stay out of the text buckets)", () => {
    const W = 5_000_000;
    const d: StackDocument = {
      format: "stackdraw",
      version: 2,
      nodes: [
        {
          id: "h",
          kind: "physical-host",
          label: "H",
          position: { x: 0, y: 0 },
          size: { width: W, height: 4_400_000 },
        },
        {
          id: "k",
          kind: "kernel",
          parentId: "h",
          label: "K",
          position: { x: 12, y: 12 },
          size: { width: W - 24, height: 4_300_000 },
        },
        {
          id: "e",
          kind: "container-engine",
          parentId: "k",
          label: "E",
          position: { x: 12, y: 12 },
          size: { width: W - 48, height: 4_200_000 },
        },
        {
          id: "a",
          kind: "container",
          parentId: "e",
          label: "a",
          position: { x: 12, y: 12 },
          size: { width: 160, height: 64 },
        },
        {
          id: "m",
          kind: "container",
          parentId: "e",
          label: "m",
          position: { x: 400, y: 12 },
          size: { width: 2_000_000, height: 2_000_000 },
        },
        {
          id: "b",
          kind: "container",
          parentId: "e",
          label: "b",
          position: { x: W - 300, y: 12 },
          size: { width: 160, height: 64 },
        },
        {
          id: "r",
          kind: "registry",
          label: "R",
          position: { x: 0, y: 5_000_000 },
          size: { width: 160, height: 64 },
        },
      ],
      edges: [
        { id: "x", kind: "network", source: "a", target: "b" },
        { id: "y", kind: "pulls", source: "a", target: "r" },
      ],
    };
    const routes = routeEdges(d);
    expect([...routes.values()].map((r) => r.ok)).toEqual([true, true]);
    const m = { l: 424, t: 36, r: 424 + 2_000_000, b: 36 + 2_000_000 };
    for (const r of routes.values())
      for (let k = 0; k + 1 < r.points.length; k++) {
        const p = r.points[k]!;
        const q = r.points[k + 1]!;
        const inside =
          Math.max(p.x, q.x) > m.l &&
          Math.min(p.x, q.x) < m.r &&
          Math.max(p.y, q.y) > m.t &&
          Math.min(p.y, q.y) < m.b;
        expect(inside).toBe(false);
      }
  });
});
