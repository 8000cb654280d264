import fc from "fast-check";
import type { StackNode } from "../../../src/domain/document.ts";
import { isArtifactKind } from "../../../src/domain/kinds/catalog.ts";
import { LAYOUT, contentInsets, stackLayout, stripPlacement } from "../../../src/domain/layout/index.ts";
import { compareIds } from "../../../src/domain/layout/graph.ts";
import {
  absoluteRects,
  chain,
  childrenFirst,
  containmentProblems,
  forestArb,
  overlaps,
  siblingOverlaps,
  withGeometry,
  type Nodes,
} from "./forest.ts";

const laidOut = (doc: Nodes): Nodes => withGeometry(doc, stackLayout(doc));
const kidsOf = (doc: Nodes, id: string): StackNode[] => doc.nodes.filter((n) => n.parentId === id);

/** vm-vs-container, right half: host → kernel → Docker → three containers. */
const dockerHost: Nodes = {
  nodes: [
    { id: "host", kind: "physical-host", label: "Server" },
    { id: "linux", kind: "kernel", parentId: "host", props: { distro: "Ubuntu" } },
    { id: "docker", kind: "container-engine", parentId: "linux" },
    { id: "a", kind: "container", parentId: "docker", label: "web" },
    { id: "b", kind: "container", parentId: "docker", label: "api" },
    { id: "c", kind: "container", parentId: "docker", label: "db" },
  ],
};

describe("stackLayout on generated forests", () => {
  it("puts every child inside its parent's content area, with padding", () => {
    fc.assert(
      fc.property(forestArb(), (doc) => {
        expect(containmentProblems(laidOut(doc))).toEqual([]);
      }),
    );
  });

  it("never overlaps siblings, nor root trees", () => {
    fc.assert(
      fc.property(forestArb(), (doc) => {
        expect(siblingOverlaps(laidOut(doc))).toEqual([]);
      }),
    );
  });

  it("keeps the band at the bottom of stack kinds and the title on top of frames", () => {
    fc.assert(
      fc.property(forestArb(), (doc) => {
        const out = laidOut(doc);
        for (const p of out.nodes) {
          const kids = kidsOf(out, p.id);
          if (kids.length === 0) continue;
          const floor = p.size!.height - contentInsets(p.kind).bottom;
          // The last row stands on the floor: the band's top for a stack kind, above the padding for a frame.
          expect(Math.max(...kids.map((k) => k.position!.y + k.size!.height))).toBe(floor);
          if (stripPlacement(p.kind) === "band") {
            expect(floor).toBe(p.size!.height - LAYOUT.bandHeight - LAYOUT.stripGap);
            for (const k of kids) expect(k.position!.y).toBeGreaterThanOrEqual(LAYOUT.padding);
          } else {
            for (const k of kids) expect(k.position!.y).toBeGreaterThanOrEqual(LAYOUT.headerHeight);
            expect(p.size!.height - floor).toBe(LAYOUT.padding);
          }
        }
      }),
    );
  });

  it("lays siblings nothing links out in rows, in the canonical order of their ids (a layer's volumes on rows of their own beneath)", () => {
    fc.assert(
      fc.property(forestArb(), (doc) => {
        const out = laidOut(doc);
        const groups = new Map<string | null, StackNode[]>();
        for (const n of out.nodes) {
          if (isArtifactKind(n.kind) && n.parentId == null) continue; // on the shelf
          const key = n.parentId ?? null;
          groups.set(key, [...(groups.get(key) ?? []), n]);
        }
        const byId = new Map(out.nodes.map((n) => [n.id, n]));
        for (const [parent, sibs] of groups) {
          // A layer (an engine, a kernel) holding volumes beside other nodes keeps its volumes on
          // a shelf of rows of their own beneath the rest.
          const layer = parent !== null && stripPlacement(byId.get(parent)!.kind) === "band";
          const mixed =
            layer && sibs.some((n) => n.kind === "volume") && sibs.some((n) => n.kind !== "volume");
          const shelf = (n: StackNode) => (mixed && n.kind === "volume" ? 1 : 0);
          sibs.sort((a, b) => shelf(a) - shelf(b) || compareIds(a.id, b.id));
          // Reading order: along a row (one ground line) left to right, then the next row down.
          for (let i = 1; i < sibs.length; i++) {
            const a = sibs[i - 1]!;
            const b = sibs[i]!;
            const lineA = a.position!.y + a.size!.height;
            const lineB = b.position!.y + b.size!.height;
            if (lineB === lineA) expect(b.position!.x).toBeGreaterThan(a.position!.x);
            else expect(lineB).toBeGreaterThan(lineA);
          }
        }
      }),
    );
  });

  it("is deterministic and does not depend on where parents are listed", () => {
    fc.assert(
      fc.property(forestArb(), (doc) => {
        const a = stackLayout(doc);
        const b = stackLayout(doc);
        const c = stackLayout(childrenFirst(doc));
        expect([...b]).toEqual([...a]);
        expect(new Map(c)).toEqual(new Map(a));
      }),
    );
  });

  it("ignores the geometry the document already has", () => {
    fc.assert(
      fc.property(forestArb(), fc.integer({ min: -500, max: 500 }), (doc, d) => {
        const scrambled = {
          nodes: doc.nodes.map((n) => ({
            ...n,
            position: { x: d, y: -d },
            size: { width: 30 + Math.abs(d), height: 20 },
          })),
        };
        expect(stackLayout(scrambled)).toEqual(stackLayout(doc));
      }),
    );
  });
});

describe("stackLayout figures", () => {
  it("draws the layer cake: each layer's band under what runs on it", () => {
    const g = stackLayout(dockerHost);
    const host = g.get("host")!;
    const linux = g.get("linux")!;
    const docker = g.get("docker")!;
    expect(host.position).toEqual({ x: 0, y: 0 });
    expect(linux.position).toEqual({ x: LAYOUT.padding, y: LAYOUT.padding });
    expect(docker.position).toEqual({ x: LAYOUT.padding, y: LAYOUT.padding });
    // Three containers side by side on Docker's band, each one leaf high.
    const row = ["a", "b", "c"].map((id) => g.get(id)!);
    expect(row.map((r) => r.position.y)).toEqual([LAYOUT.padding, LAYOUT.padding, LAYOUT.padding]);
    expect(row.map((r) => r.position.x)).toEqual([
      LAYOUT.padding,
      LAYOUT.padding + 160 + LAYOUT.gap,
      LAYOUT.padding + 2 * (160 + LAYOUT.gap),
    ]);
    expect(docker.size).toEqual({
      width: 3 * 160 + 2 * LAYOUT.gap + 2 * LAYOUT.padding,
      height: LAYOUT.padding + 64 + LAYOUT.stripGap + LAYOUT.bandHeight,
    });
    expect(host.size.width - linux.size.width).toBe(2 * LAYOUT.padding);
    expect(host.size.height - linux.size.height).toBe(LAYOUT.padding + LAYOUT.stripGap + LAYOUT.bandHeight);
  });

  it("stands a short sibling on the band beside a tall one", () => {
    const doc: Nodes = {
      nodes: [
        { id: "hv", kind: "hypervisor" },
        { id: "vm1", kind: "vm", parentId: "hv" },
        { id: "k1", kind: "kernel", parentId: "vm1" },
        { id: "app", kind: "server-app", parentId: "k1" },
        { id: "vm2", kind: "vm", parentId: "hv" },
      ],
    };
    const g = stackLayout(doc);
    const floor = g.get("hv")!.size.height - contentInsets("hypervisor").bottom;
    for (const id of ["vm1", "vm2"]) expect(g.get(id)!.position.y + g.get(id)!.size.height).toBe(floor);
    expect(g.get("vm2")!.size.height).toBeLessThan(g.get("vm1")!.size.height);
  });

  it("puts frames' children under the title bar (ecs-docker: three columns in a cloud)", () => {
    const col = (p: string, ids: string[]): StackNode[] =>
      ids.map((id, i) => ({
        id: `${p}${i}`,
        kind: id as StackNode["kind"],
        parentId: i === 0 ? "aws" : `${p}${i - 1}`,
      }));
    const doc: Nodes = {
      nodes: [
        { id: "aws", kind: "cloud", label: "AWS Cloud" },
        ...col("a", ["physical-host", "hypervisor", "vm", "kernel", "container-engine", "container"]),
        ...col("b", ["ecs-cluster", "vm", "kernel", "container-engine", "ecs-task", "container"]),
        ...col("c", ["ecs-cluster", "fargate", "ecs-task", "container"]),
        { id: "ecr", kind: "registry", label: "ECR" },
      ],
    };
    const out = laidOut(doc);
    const g = stackLayout(doc);
    expect(containmentProblems(out)).toEqual([]);
    const tops = ["a0", "b0", "c0"].map((id) => g.get(id)!);
    expect(tops[0]!.position.x).toBeLessThan(tops[1]!.position.x);
    expect(tops[1]!.position.x).toBeLessThan(tops[2]!.position.x);
    // One ground line for the three columns.
    const bottoms = tops.map((t) => t.position.y + t.size.height);
    expect(new Set(bottoms).size).toBe(1);
    for (const t of tops) expect(t.position.y).toBeGreaterThanOrEqual(LAYOUT.headerHeight);
    // The registry does not sit on anything: it goes on the shelf, clear of the cloud.
    const rects = absoluteRects(out);
    expect(overlaps(rects.get("ecr")!, rects.get("aws")!)).toBe(false);
  });

  it("puts artifact roots beneath a wide row, or beside a tall one", () => {
    const wide: Nodes = {
      nodes: [
        { id: "h1", kind: "physical-host" },
        { id: "h2", kind: "physical-host" },
        { id: "h3", kind: "physical-host" },
        { id: "img", kind: "image" },
      ],
    };
    const gw = stackLayout(wide);
    const ground = Math.max(...["h1", "h2", "h3"].map((id) => gw.get(id)!.position.y + 64));
    expect(gw.get("img")!.position).toEqual({ x: 0, y: ground + LAYOUT.rootGap });
    const tall: Nodes = { nodes: chain(8).nodes.filter((n) => n.id.startsWith("c")) };
    tall.nodes.push({ id: "img", kind: "image" }, { id: "reg", kind: "registry" });
    const gt = stackLayout(tall);
    const c0 = gt.get("c0")!;
    expect(gt.get("img")!.position).toEqual({ x: c0.size.width + LAYOUT.rootGap, y: 0 });
    expect(gt.get("reg")!.position).toEqual({ x: c0.size.width + LAYOUT.rootGap, y: 64 + LAYOUT.shelfGap });
  });

  it("handles depth 64 and beyond without recursion", () => {
    for (const depth of [64, 3000]) {
      const doc = chain(depth);
      const out = laidOut(doc);
      expect(out.nodes.every((n) => n.position && n.size)).toBe(true);
      expect(containmentProblems(out)).toEqual([]);
    }
  });
});

describe("stackLayout of chosen subtrees", () => {
  it("re-lays out only below the chosen roots, keeping their positions", () => {
    const placed = laidOut(dockerHost);
    const moved = {
      nodes: placed.nodes.map((n) =>
        n.id === "docker"
          ? { ...n, position: { x: 40, y: 30 } }
          : n.parentId === "docker"
            ? { ...n, position: { x: 999, y: -5 } }
            : n,
      ),
    };
    const g = stackLayout(moved, { roots: ["docker", "a", "nope"] });
    expect([...g.keys()]).toEqual(["docker", "a", "b", "c"]);
    expect(g.get("docker")!.position).toEqual({ x: 40, y: 30 });
    expect(g.get("a")!.position).toEqual({ x: LAYOUT.padding, y: LAYOUT.padding });
  });

  it("puts a chosen root without a position at its parent's content origin", () => {
    const g = stackLayout(
      {
        nodes: [
          { id: "g", kind: "group" },
          { id: "k", kind: "kernel", parentId: "g" },
        ],
      },
      { roots: ["k"] },
    );
    expect(g.get("k")!.position).toEqual({ x: contentInsets("group").left, y: contentInsets("group").top });
  });
});

describe("many root trees", () => {
  it("wrap into rows near a landscape shape instead of one endless row", () => {
    const nodes: StackNode[] = [];
    for (let h = 0; h < 60; h++) {
      nodes.push({ id: `h${h}`, kind: "physical-host" });
      nodes.push({ id: `k${h}`, kind: "kernel", parentId: `h${h}` });
    }
    const g = stackLayout({ nodes });
    let right = 0;
    let bottom = 0;
    const rows = new Set<number>();
    for (let h = 0; h < 60; h++) {
      const { position, size } = g.get(`h${h}`)!;
      right = Math.max(right, position.x + size.width);
      bottom = Math.max(bottom, position.y + size.height);
      rows.add(position.y);
    }
    expect(rows.size).toBeGreaterThan(1);
    expect(right / bottom).toBeLessThan(4);
    expect(right / bottom).toBeGreaterThan(0.5);
  });
});
