/**
 * The layout judged on realistic Docker Compose files written for it
 * (tests/fixtures/compose/realistic/): imported as the Compose importer builds them, each must
 * read at a glance — a slide's shape, no box too wide, nothing overlapping — and connected
 * services must end up next to each other.
 */
import { readFileSync, readdirSync } from "node:fs";
import type { StackDocument, StackNode } from "../../../src/domain/document.ts";
import { LAYOUT, stackLayout } from "../../../src/domain/layout/index.ts";
import { measureLayout } from "../../../src/domain/layout/metrics.ts";
import { importCompose } from "../../../src/io/compose.ts";
import { containmentProblems, siblingOverlaps, withGeometry } from "./forest.ts";
import { permute, wideBoxes } from "./judge.ts";

const DIR = new URL("../../fixtures/compose/realistic/", import.meta.url);
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith(".yml"))
  .sort();

function imported(file: string): StackDocument {
  const r = importCompose(readFileSync(new URL(file, DIR)));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
  return r.document;
}

/** The document without any geometry, as a hand-written file would come. */
const bare = (doc: StackDocument): StackDocument => ({
  ...doc,
  nodes: doc.nodes.map(({ position: _p, size: _s, ...n }) => n),
});

const laid = (doc: StackDocument, order?: "canonical"): StackDocument => ({
  ...doc,
  ...withGeometry(doc, stackLayout(doc, order ? { order } : {})),
});

/**
 * Two boxes of one parent are next to each other: no more than the gap between linked siblings
 * apart, across and down — widened by up to two more where mounts run down between the boxes to
 * the engine's shelf of volumes.
 */
function nextTo(a: StackNode, b: StackNode): boolean {
  const gx =
    Math.max(a.position!.x, b.position!.x) -
    Math.min(a.position!.x + a.size!.width, b.position!.x + b.size!.width);
  const gy =
    Math.max(a.position!.y, b.position!.y) -
    Math.min(a.position!.y + a.size!.height, b.position!.y + b.size!.height);
  return gx <= 3 * LAYOUT.linkGap && gy <= 3 * LAYOUT.linkGap;
}

const neighbourEdges = (doc: StackDocument): number => {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  return doc.edges.filter((e) => e.kind === "network" && nextTo(byId.get(e.source)!, byId.get(e.target)!))
    .length;
};

it("has at least eight realistic files, one of them with 15–20 services", () => {
  expect(FILES.length).toBeGreaterThanOrEqual(8);
  const services = FILES.map((f) => imported(f).nodes.filter((n) => n.kind === "container").length);
  expect(services.some((n) => n >= 15 && n <= 20)).toBe(true);
});

describe.each(FILES)("%s", (file) => {
  const doc = imported(file);

  it("is laid out whole: every node has a position and a size", () => {
    expect(doc.nodes.every((n) => n.position !== undefined && n.size !== undefined)).toBe(true);
  });

  it("fits a slide (between 1:2 and 2.2:1), with no box of more than three children wider than 2:1", () => {
    const m = measureLayout(doc);
    expect(m.aspect).toBeGreaterThanOrEqual(LAYOUT.aspect.slide.min);
    expect(m.aspect).toBeLessThanOrEqual(LAYOUT.aspect.slide.max);
    expect(m.wideBoxes).toEqual([]);
    expect(wideBoxes(doc)).toEqual([]);
  });

  it("keeps children inside their parents' content areas and clear of their siblings", () => {
    expect(containmentProblems(doc)).toEqual([]);
    expect(siblingOverlaps(doc)).toEqual([]);
  });

  it("is what Arrange gives, whatever order the nodes and edges are listed in", () => {
    const plain = bare(doc);
    expect(laid(plain).nodes).toEqual(doc.nodes);
    for (const seed of [1, 2, 3]) {
      const shuffled = { ...plain, nodes: permute(plain.nodes, seed), edges: permute(plain.edges, seed + 7) };
      expect(new Map(stackLayout(shuffled))).toEqual(new Map(stackLayout(plain)));
    }
  });
});

describe("ordering by connections", () => {
  const docs = FILES.map((f) => bare(imported(f)));

  it("shortens the edges and removes crossings against the canonical order, over the realistic files", () => {
    let length = [0, 0];
    let crossings = [0, 0];
    let neighbours = [0, 0];
    let edges = 0;
    for (const d of docs) {
      const plain = laid(d, "canonical");
      const ordered = laid(d);
      const a = measureLayout(plain);
      const b = measureLayout(ordered);
      length = [length[0]! + a.edgeLength, length[1]! + b.edgeLength];
      crossings = [crossings[0]! + a.crossings, crossings[1]! + b.crossings];
      neighbours = [neighbours[0]! + neighbourEdges(plain), neighbours[1]! + neighbourEdges(ordered)];
      edges += d.edges.filter((e) => e.kind === "network").length;
    }
    expect(length[1]).toBeLessThan(0.8 * length[0]!);
    expect(crossings[1]).toBeLessThan(0.25 * crossings[0]!);
    // Three network edges in four join boxes that stand next to each other (mounts run down to
    // the engine's shelf of volumes: judged below).
    expect(neighbours[1]).toBeGreaterThan(0.75 * edges);
    expect(neighbours[1]).toBeGreaterThan(neighbours[0]!);
  });

  it("keeps each engine's volumes on a shelf beneath its containers, each near the service that mounts it", () => {
    let single = 0;
    let beneath = 0;
    let near = 0;
    for (const f of FILES) {
      const doc = imported(f);
      const byId = new Map(doc.nodes.map((n) => [n.id, n]));
      for (const v of doc.nodes.filter((n) => n.kind === "volume")) {
        const siblings = doc.nodes.filter((n) => n.parentId === v.parentId && n.kind !== "volume");
        for (const s of siblings)
          expect(v.position!.y, `${f}: ${v.id} under ${s.id}`).toBeGreaterThan(
            s.position!.y + s.size!.height,
          );
        const by = doc.edges
          .filter((e) => e.kind === "mounts" && e.target === v.id)
          .map((e) => byId.get(e.source)!);
        if (by.length !== 1) continue;
        single++;
        const m = by[0]!;
        const overlap =
          Math.min(v.position!.x + v.size!.width, m.position!.x + m.size!.width) -
          Math.max(v.position!.x, m.position!.x);
        if (overlap > 0) beneath++;
        const dx = Math.abs(v.position!.x + v.size!.width / 2 - (m.position!.x + m.size!.width / 2));
        if (dx <= m.size!.width + 3 * LAYOUT.linkGap) near++;
      }
    }
    expect(single).toBeGreaterThanOrEqual(25);
    // Half stand right beneath the one service that mounts them, nearly all within a column of it.
    expect(beneath).toBeGreaterThanOrEqual(0.5 * single);
    expect(near).toBeGreaterThanOrEqual(0.85 * single);
  });

  it("puts the reverse proxy next to every app it proxies, and each app next to its database", () => {
    const doc = imported("reverse-proxy-apps.yml");
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    for (const [a, b] of [
      ["proxy", "wiki"],
      ["proxy", "git"],
      ["proxy", "chat"],
      ["proxy", "files"],
      ["proxy", "status"],
      ["wiki", "wikidb"],
      ["git", "gitdb"],
      ["chat", "chatdb"],
      ["files", "filesdb"],
      ["files", "filescache"],
    ])
      expect(nextTo(byId.get(a!)!, byId.get(b!)!), `${a} next to ${b}`).toBe(true);
  });

  it("puts nginx next to the web app, and the web app next to its database", () => {
    const doc = imported("web-db-cache-worker.yml");
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    expect(nextTo(byId.get("nginx")!, byId.get("web")!)).toBe(true);
    expect(nextTo(byId.get("web")!, byId.get("db")!)).toBe(true);
  });
});
