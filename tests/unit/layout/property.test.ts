/**
 * The layout's promises over generated documents (fast-check): random forests of any kinds with
 * random edges, and import-like stacks (a host, its kernel, an engine, up to sixty containers
 * with edges among them, as the Compose importer builds them).
 */
import fc from "fast-check";
import type { StackDocument, StackEdge, StackNode } from "../../../src/domain/document.ts";
import { LAYOUT, stackLayout } from "../../../src/domain/layout/index.ts";
import { measureLayout } from "../../../src/domain/layout/metrics.ts";
import { containmentProblems, forestArb, siblingOverlaps, withGeometry, type Nodes } from "./forest.ts";
import { permute, wideBoxes } from "./judge.ts";

type Doc = Nodes & { edges: StackEdge[] };

const withEdges = (maxNodes: number): fc.Arbitrary<Doc> =>
  forestArb(maxNodes).chain((doc) =>
    fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 * doc.nodes.length }).map((pairs) => ({
      nodes: doc.nodes,
      edges: pairs.map(([s, t], i) => ({
        id: `e${i}`,
        kind: "network" as const,
        source: doc.nodes[s % doc.nodes.length]!.id,
        target: doc.nodes[t % doc.nodes.length]!.id,
      })),
    })),
  );

const NAMES = [
  "web",
  "api",
  "db",
  "cache",
  "worker",
  "proxy",
  "elasticsearch",
  "schema-registry",
  "auth-db",
  "x",
];

/** What the Compose importer builds: host → kernel → engine → containers, edges among them. */
const importLike: fc.Arbitrary<Doc> = fc
  .record({
    names: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 60 }),
    long: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 90 }),
  })
  .map(({ names, long, pairs }) => {
    const nodes: StackNode[] = [
      { id: "docker-host", kind: "physical-host", label: "Docker host" },
      { id: "linux", kind: "kernel", parentId: "docker-host", label: "Linux" },
      { id: "docker", kind: "container-engine", parentId: "linux", label: "Docker Engine" },
    ];
    names.forEach((name, i) =>
      nodes.push({
        id: `${name}-${i}`,
        kind: "container",
        parentId: "docker",
        label: long[i] ? `${name}-service-with-a-long-name-${i}` : name,
      }),
    );
    const c = names.length;
    const edges = pairs
      .map(([s, t], i) => ({
        id: `e${i}`,
        kind: "network" as const,
        source: nodes[3 + (s % c)]!.id,
        target: nodes[3 + (t % c)]!.id,
      }))
      .filter((e) => e.source !== e.target);
    return { nodes, edges };
  });

const laidOut = (doc: Doc): Doc => ({ ...withGeometry(doc, stackLayout(doc)), edges: doc.edges });

describe("the layout of generated forests with edges", () => {
  it("keeps every child inside its parent's content area, clear of its siblings", () => {
    fc.assert(
      fc.property(withEdges(40), (doc) => {
        const out = laidOut(doc);
        expect(containmentProblems(out)).toEqual([]);
        expect(siblingOverlaps(out)).toEqual([]);
      }),
    );
  });

  it("makes no box of more than three children wider than twice its height", () => {
    fc.assert(
      fc.property(withEdges(40), (doc) => {
        expect(wideBoxes(laidOut(doc))).toEqual([]);
      }),
    );
  });

  it("lays the same document out the same way, however its nodes and edges are listed", () => {
    fc.assert(
      fc.property(withEdges(30), fc.integer(), (doc, seed) => {
        const a = stackLayout(doc);
        const shuffled = { nodes: permute(doc.nodes, seed), edges: permute(doc.edges, seed + 1) };
        expect(new Map(stackLayout(shuffled))).toEqual(new Map(a));
        expect([...stackLayout(doc)]).toEqual([...a]);
      }),
    );
  });
});

describe("the layout of import-like stacks", () => {
  it("fits a slide: between 1:2 and 2.2:1, every box of more than three children at most 2:1", () => {
    fc.assert(
      fc.property(importLike, (doc) => {
        const out = laidOut(doc);
        const m = measureLayout(out as Pick<StackDocument, "nodes" | "edges">);
        expect(m.aspect).toBeGreaterThanOrEqual(LAYOUT.aspect.slide.min);
        expect(m.aspect).toBeLessThanOrEqual(LAYOUT.aspect.slide.max);
        expect(m.wideBoxes).toEqual([]);
        expect(containmentProblems(out)).toEqual([]);
        expect(siblingOverlaps(out)).toEqual([]);
      }),
    );
  });
});
