/**
 * Ordering siblings by their connections: the canonical order of ids, how an edge between deep
 * nodes links their ancestors, the rows' shape, and small figures whose best order is known.
 */
import type { StackEdge, StackNode } from "../../../src/domain/document.ts";
import { LAYOUT, stackLayout } from "../../../src/domain/layout/index.ts";
import { compareIds, siblingLinks } from "../../../src/domain/layout/graph.ts";
import { chooseRows, countsFor, placeInRows, type RowFrame } from "../../../src/domain/layout/rows.ts";

const edge = (source: string, target: string, i: number): StackEdge => ({
  id: `e${i}`,
  kind: "network",
  source,
  target,
});

describe("the canonical order of ids", () => {
  it("compares runs of digits as numbers, the rest by code unit, and is total", () => {
    const ids = ["web-10", "web-2", "db", "web-1", "Web", "a01", "a1", "a001", "", "z9", "z09"];
    const sorted = [...ids].sort(compareIds);
    expect(sorted).toEqual(["", "Web", "a001", "a01", "a1", "db", "web-1", "web-2", "web-10", "z09", "z9"]);
    for (const a of ids)
      for (const b of ids) {
        expect(Math.sign(compareIds(a, b)) + Math.sign(compareIds(b, a))).toBe(0);
        if (a !== b) expect(compareIds(a, b)).not.toBe(0);
      }
  });
});

describe("sibling links", () => {
  // A hypervisor with two VMs, each with a kernel holding two apps; a third VM alone.
  const nodes: StackNode[] = [
    { id: "hv", kind: "hypervisor" },
    { id: "vm1", kind: "vm", parentId: "hv" },
    { id: "k1", kind: "kernel", parentId: "vm1" },
    { id: "a1", kind: "server-app", parentId: "k1" },
    { id: "b1", kind: "server-app", parentId: "k1" },
    { id: "vm2", kind: "vm", parentId: "hv" },
    { id: "k2", kind: "kernel", parentId: "vm2" },
    { id: "a2", kind: "server-app", parentId: "k2" },
    { id: "vm3", kind: "vm", parentId: "hv" },
  ];
  const parent = new Map<string, StackNode>();
  const depth = new Map<string, number>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    if (n.parentId != null) parent.set(n.id, byId.get(n.parentId)!);
    let d = 0;
    for (let p = n.parentId; p != null; p = byId.get(p)!.parentId) d++;
    depth.set(n.id, d);
  }
  const vms = [byId.get("vm1")!, byId.get("vm2")!, byId.get("vm3")!];

  it("count an edge between two deep nodes between the siblings that hold them", () => {
    const links = siblingLinks([edge("a1", "a2", 0), edge("b1", "a2", 1)], parent, depth);
    expect(links.linksAmong("hv", vms)).toEqual([{ a: 0, b: 1, weight: 2, direct: true }]);
  });

  it("draw together the siblings whose edges leave for the same outside node", () => {
    const links = siblingLinks([edge("a1", "a2", 0), edge("b1", "a2", 1)], parent, depth);
    const apps = [byId.get("a1")!, byId.get("b1")!];
    expect(links.linksAmong("k1", apps)).toEqual([{ a: 0, b: 1, weight: 1, direct: false }]);
  });

  it("ignore edges from a node to its own descendant, self-loops and unknown ends", () => {
    const links = siblingLinks(
      [edge("vm1", "a1", 0), edge("a1", "a1", 1), edge("a1", "nope", 2)],
      parent,
      depth,
    );
    expect(links.empty).toBe(true);
  });

  it("do not depend on the order of the edges", () => {
    const es = [edge("a1", "a2", 0), edge("vm3", "b1", 1), edge("a2", "vm3", 2)];
    const a = siblingLinks(es, parent, depth).linksAmong("hv", vms);
    const b = siblingLinks([...es].reverse(), parent, depth).linksAmong("hv", vms);
    expect(b).toEqual(a);
    expect(a).toHaveLength(3);
  });
});

describe("rows", () => {
  const frame: RowFrame = { left: 12, right: 12, top: 12, bottom: 54, gap: 12, minWidth: 160 };
  const leaves = (n: number) => Array.from({ length: n }, () => ({ width: 160, height: 64 }));

  it("share children out evenly, the longer rows first", () => {
    expect(countsFor(7, 3)).toEqual([3, 2, 2]);
    expect(countsFor(20, 5)).toEqual([4, 4, 4, 4, 4]);
    expect(countsFor(3, 9)).toEqual([1, 1, 1]);
  });

  it("keep up to three children in one row while the row limit allows, else wrap", () => {
    expect(chooseRows(leaves(3), frame, Infinity)).toEqual([3]);
    expect(chooseRows(leaves(3), frame, 2.2)).toEqual([2, 1]);
  });

  it("shape a box of more than three children near the target, never wider than 2:1", () => {
    for (const n of [4, 5, 7, 12, 20, 41, 64, 65, 200, 1000]) {
      const counts = chooseRows(leaves(n), frame, Infinity);
      const p = placeInRows(leaves(n), counts, frame);
      expect(p.width, `${n}`).toBeLessThanOrEqual(LAYOUT.aspect.maxBox * p.height);
      expect(p.width / p.height, `${n}`).toBeGreaterThan(0.8);
    }
  });

  it("stand every child of a row on the row's ground line, the last row on the floor", () => {
    const boxes = [
      { width: 160, height: 64 },
      { width: 200, height: 130 },
      { width: 160, height: 64 },
    ];
    const p = placeInRows(boxes, [2, 1], frame);
    expect(p.y[0]! + 64).toBe(p.y[1]! + 130);
    expect(p.y[2]! + 64).toBe(p.height - frame.bottom);
    expect(p.x).toEqual([12, 12 + 160 + 12, 12]);
  });
});

describe("small figures", () => {
  const engine = (ids: string[]): StackNode[] => [
    { id: "host", kind: "physical-host" },
    { id: "linux", kind: "kernel", parentId: "host" },
    { id: "docker", kind: "container-engine", parentId: "linux" },
    ...ids.map((id): StackNode => ({ id, kind: "container", parentId: "docker" })),
  ];
  const gapBetween = (g: ReturnType<typeof stackLayout>, a: string, b: string): number => {
    const p = g.get(a)!;
    const q = g.get(b)!;
    const gx =
      Math.max(p.position.x, q.position.x) -
      Math.min(p.position.x + p.size.width, q.position.x + q.size.width);
    const gy =
      Math.max(p.position.y, q.position.y) -
      Math.min(p.position.y + p.size.height, q.position.y + q.size.height);
    return Math.max(gx, gy);
  };

  it("lay a chain of services out so that each stands next to the next", () => {
    const ids = ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9"];
    // Listed in a scrambled order, with ids that sort apart from the chain.
    const chain = ["s5", "s1", "s9", "s3", "s7", "s2", "s8", "s4", "s6"];
    const edges = chain.slice(1).map((t, i) => edge(chain[i]!, t, i));
    const g = stackLayout({ nodes: engine(ids), edges });
    for (let i = 1; i < chain.length; i++)
      expect(gapBetween(g, chain[i - 1]!, chain[i]!), `${chain[i - 1]} → ${chain[i]}`).toBeLessThanOrEqual(
        LAYOUT.linkGap,
      );
  });

  it("put a hub next to everything it links, and keep the unlinked services in canonical order", () => {
    const ids = ["a", "b", "c", "d", "hub", "x", "y", "z"];
    const edges = ["a", "b", "c", "d"].map((t, i) => edge("hub", t, i));
    const g = stackLayout({ nodes: engine(ids), edges });
    for (const t of ["a", "b", "c", "d"])
      expect(gapBetween(g, "hub", t), t).toBeLessThanOrEqual(LAYOUT.linkGap);
    // Siblings nothing links keep their canonical order after the others.
    const at = (id: string) => g.get(id)!.position;
    const line = (id: string) => at(id).y + g.get(id)!.size.height;
    for (const [p, q] of [
      ["x", "y"],
      ["y", "z"],
    ])
      expect(line(q!) > line(p!) || (line(q!) === line(p!) && at(q!).x > at(p!).x)).toBe(true);
  });

  it("leave room between linked siblings for their edges", () => {
    const g = stackLayout({ nodes: engine(["a", "b"]), edges: [edge("a", "b", 0)] });
    expect(gapBetween(g, "a", "b")).toBe(LAYOUT.linkGap);
    const h = stackLayout({ nodes: engine(["a", "b"]), edges: [] });
    expect(gapBetween(h, "a", "b")).toBe(LAYOUT.gap);
  });

  it("put root trees that are linked next to each other, and an artifact near what pulls from it", () => {
    const nodes: StackNode[] = [];
    const edges: StackEdge[] = [];
    for (const h of ["h1", "h2", "h3", "h4"]) {
      nodes.push({ id: h, kind: "physical-host" }, { id: `${h}-k`, kind: "kernel", parentId: h });
    }
    nodes.push({ id: "reg-a", kind: "registry" }, { id: "reg-b", kind: "registry" });
    edges.push(edge("h1-k", "h4-k", 0), edge("h4", "reg-a", 1), edge("h1", "reg-b", 2));
    const g = stackLayout({ nodes, edges });
    expect(gapBetween(g, "h1", "h4")).toBeLessThanOrEqual(LAYOUT.rootGap);
    const cx = (id: string) => g.get(id)!.position.x + g.get(id)!.size.width / 2;
    // Each registry is nearer the host that pulls from it than the other registry is.
    expect(Math.abs(cx("reg-a") - cx("h4"))).toBeLessThanOrEqual(Math.abs(cx("reg-b") - cx("h4")));
    expect(Math.abs(cx("reg-b") - cx("h1"))).toBeLessThanOrEqual(Math.abs(cx("reg-a") - cx("h1")));
  });
});
