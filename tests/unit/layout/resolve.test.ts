import fc from "fast-check";
import { LAYOUT, growToFit, resolveGeometry, stackLayout } from "../../../src/domain/layout/index.ts";
import {
  absoluteRects,
  containmentProblems,
  forestArb,
  overlaps,
  siblingOverlaps,
  withGeometry,
  type Nodes,
} from "./forest.ts";

const strip = (m: ReturnType<typeof resolveGeometry>) =>
  new Map([...m].map(([id, g]) => [id, { position: g.position, size: g.size }]));

describe("resolveGeometry", () => {
  it("lays out a document without geometry exactly as the stack layout does", () => {
    fc.assert(
      fc.property(forestArb(), (doc) => {
        expect(strip(resolveGeometry(doc))).toEqual(stackLayout(doc));
      }),
    );
  });

  it("keeps complete geometry as it is, and computes absolute positions", () => {
    fc.assert(
      fc.property(forestArb(), (doc) => {
        const placed = withGeometry(doc, stackLayout(doc));
        const r = resolveGeometry(placed);
        expect(strip(r)).toEqual(stackLayout(doc));
        const abs = absoluteRects(placed);
        for (const [id, g] of r) expect(g.absolute).toEqual({ x: abs.get(id)!.x, y: abs.get(id)!.y });
      }),
    );
  });

  it("fills in whatever is missing, whatever is given, with children inside parents and the placed nodes clear of their siblings", () => {
    fc.assert(
      fc.property(forestArb(), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (doc, keep) => {
        // Keep the stack layout's geometry on some nodes, drop it on the others.
        const full = stackLayout(doc);
        const partial: Nodes = {
          nodes: doc.nodes.map((n, i) => (keep[i] ? { ...n, ...full.get(n.id)! } : n)),
        };
        const r = resolveGeometry(partial);
        expect(r.size).toBe(doc.nodes.length);
        const out = withGeometry(partial, r);
        expect(containmentProblems(out)).toEqual([]);
        expect(growToFit(out).size).toBe(0);
        // A node placed here overlaps none of its siblings (given ones may, if a parent grew).
        for (const n of partial.nodes) {
          if (n.position) continue;
          const a = { ...r.get(n.id)!.position, ...r.get(n.id)!.size };
          for (const m of partial.nodes)
            if (m.id !== n.id && (m.parentId ?? null) === (n.parentId ?? null)) {
              const b = { ...r.get(m.id)!.position, ...r.get(m.id)!.size };
              expect(overlaps(a, b)).toBe(false);
            }
        }
      }),
    );
  });

  it("handles the document-format example: only a deep container has geometry", () => {
    const doc: Nodes = {
      nodes: [
        { id: "host", kind: "physical-host", label: "Server" },
        { id: "linux", kind: "kernel", parentId: "host" },
        { id: "docker", kind: "container-engine", parentId: "linux" },
        {
          id: "web",
          kind: "container",
          parentId: "docker",
          position: { x: 16, y: 40 },
          size: { width: 160, height: 64 },
        },
        { id: "api", kind: "container", parentId: "docker" },
      ],
    };
    const r = resolveGeometry(doc);
    expect(r.get("web")!.position).toEqual({ x: 16, y: 40 });
    // The unplaced sibling stands on the band to the right of the placed one.
    const docker = r.get("docker")!;
    const api = r.get("api")!;
    expect(api.position.x).toBe(16 + 160 + LAYOUT.gap);
    expect(api.position.y + api.size.height).toBe(docker.size.height - LAYOUT.bandHeight - LAYOUT.stripGap);
    expect(r.get("host")!.absolute).toEqual({ x: 0, y: 0 });
    expect(r.get("web")!.absolute).toEqual({ x: 2 * LAYOUT.padding + 16, y: 2 * LAYOUT.padding + 40 });
    expect(containmentProblems(withGeometry(doc, r))).toEqual([]);
    expect(siblingOverlaps(withGeometry(doc, r))).toEqual([]);
  });

  it("grows a given size that is too small, and keeps one that is big enough", () => {
    const doc: Nodes = {
      nodes: [
        { id: "g", kind: "group", size: { width: 10, height: 10 } },
        { id: "a", kind: "container", parentId: "g" },
        { id: "h", kind: "physical-host", size: { width: 800, height: 500 } },
        { id: "k", kind: "kernel", parentId: "h" },
      ],
    };
    const r = resolveGeometry(doc);
    expect(r.get("g")!.size).toEqual({
      width: 2 * LAYOUT.padding + 160,
      height: LAYOUT.headerHeight + LAYOUT.stripGap + 64 + LAYOUT.padding,
    });
    expect(r.get("h")!.size).toEqual({ width: 800, height: 500 });
    // The kernel stands on the host's band, however tall the host was drawn.
    expect(r.get("k")!.position.y + 64).toBe(500 - LAYOUT.bandHeight - LAYOUT.stripGap);
  });

  it("places roots without a position after the positioned ones", () => {
    const doc: Nodes = {
      nodes: [
        { id: "a", kind: "physical-host", position: { x: 300, y: 200 }, size: { width: 200, height: 100 } },
        { id: "b", kind: "physical-host" },
      ],
    };
    const r = resolveGeometry(doc);
    expect(r.get("a")!.position).toEqual({ x: 300, y: 200 });
    expect(r.get("b")!.position).toEqual({ x: 500 + LAYOUT.rootGap, y: 200 });
  });

  it("treats unusable numbers as missing and leaves out nodes caught in a cycle", () => {
    const doc: Nodes = {
      nodes: [
        { id: "a", kind: "group", position: { x: Number.NaN, y: 0 }, size: { width: -5, height: 10 } },
        { id: "b", kind: "kernel", parentId: "a", size: { width: Infinity, height: 64 } },
        { id: "x", kind: "group", parentId: "y" },
        { id: "y", kind: "group", parentId: "x" },
      ],
    };
    const r = resolveGeometry(doc);
    expect([...r.keys()]).toEqual(["a", "b"]);
    expect(r.get("a")!.position).toEqual({ x: 0, y: 0 });
    expect(r.get("b")!.size).toEqual({ width: 160, height: 64 });
  });
});
