/**
 * Routing benchmark (docs/performance.md: every edge of a 1,000-node, 200-edge document in
 * ≤ 50 ms; one moved node's edges in ≤ 4 ms). Run: `npx tsx bench/routing.ts` (prints a table;
 * `--json` prints the figures as JSON). Documents: bench/routing-doc.ts.
 *
 * "Route all" is `routeEdges` on the laid-out document. "One moved" is a drag step: a container
 * with edges moves 4 px right inside its engine (the document is fitted as the store does), then
 * `rerouteAffected` re-routes from the previous result — the figure includes building the new
 * scene (absolute boxes, text areas) and the nudging of every edge. "Live" is the next drag step
 * after that, with `live: true` from the live result before it (what the canvas does while a node
 * is dragged; the full nudge runs when the drag ends).
 */
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import type { StackDocument } from "../src/domain/document.ts";
import { fitDocument } from "../src/domain/geometry.ts";
import { indexDocument } from "../src/domain/diagram.ts";
import { rerouteAffected, routeEdges, type Routes } from "../src/domain/routing/index.ts";
import { searchStats } from "../src/domain/routing/search.ts";
import { routingBenchDocument } from "./routing-doc.ts";

export interface RoutingBenchRow {
  nodes: number;
  edges: number;
  routeAllMedianMs: number;
  /** CPU time (user + system) per run, averaged: what the figure is on an idle machine. */
  routeAllCpuMs: number;
  routeAllP95Ms: number;
  oneMovedMedianMs: number;
  oneMovedCpuMs: number;
  /**
   * A drag step during a drag: `live: true` from the previous live step's result (no joining of
   * nudged clusters; the full nudge comes at drag end).
   */
  liveMedianMs: number;
  liveP95Ms: number;
  liveCpuMs: number;
  oneMovedP95Ms: number;
  /** Edges searched again per move (median). */
  reroutedEdges: number;
  /** Routes that could not keep the contract, and routes squeezed below the spacing. */
  notOk: number;
  squeezed: number;
  gridPointsPerEdge: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** The document after its `k`-th drag step of `id` (4 px right per step, parents fitted). */
function moved(doc: StackDocument, id: string, k: number): StackDocument {
  const nodes = doc.nodes.map((n) =>
    n.id === id ? { ...n, position: { x: n.position!.x + 4 * k, y: n.position!.y } } : n,
  );
  return fitDocument({ ...doc, nodes }, [id]);
}

export function runRoutingBench(
  sizes: ReadonlyArray<[number, number]> = [
    [100, 20],
    [1000, 200],
  ],
): RoutingBenchRow[] {
  const rows: RoutingBenchRow[] = [];
  for (const [n, m] of sizes) {
    const doc = routingBenchDocument(n, m);
    const index = indexDocument(doc);
    const runs = n <= 100 ? 200 : 40;
    let last: Routes = routeEdges(doc, { index });
    for (let i = 0; i < 5; i++) last = routeEdges(doc, { index });
    const all: number[] = [];
    searchStats.grids = searchStats.points = 0;
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      last = routeEdges(doc, { index });
      all.push(performance.now() - t0);
    }
    const cpuAll = process.cpuUsage(cpu0);
    const routeAllCpuMs = (cpuAll.user + cpuAll.system) / 1000 / runs;
    const gridPointsPerEdge = searchStats.points / Math.max(1, searchStats.grids);
    let notOk = 0;
    let squeezed = 0;
    for (const r of last.values()) {
      if (!r.ok) notOk++;
      if (r.squeezed) squeezed++;
    }

    // Drag steps of the containers that are sources of edges (in turn), each from the last result.
    const sources = [...new Set(doc.edges.map((e) => e.source))].filter(
      (id) => index.byId.get(id)?.kind === "container",
    );
    const one: number[] = [];
    const rerouted: number[] = [];
    let cpuOne = 0;
    const live: number[] = [];
    let cpuLive = 0;
    for (let i = 0; i < runs; i++) {
      const id = sources[i % sources.length]!;
      const before = moved(doc, id, 0);
      const prev = routeEdges(before);
      const after = moved(doc, id, 1);
      const afterIndex = indexDocument(after);
      searchStats.grids = 0;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      rerouteAffected(prev, after, [id], { index: afterIndex });
      one.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpuOne += (c.user + c.system) / 1000;
      // A drag in progress: the step after a live step, from that live result.
      const step1 = rerouteAffected(prev, after, [id], { index: afterIndex, live: true });
      const after2 = moved(doc, id, 2);
      const index2 = indexDocument(after2);
      const l0 = process.cpuUsage();
      const t1 = performance.now();
      rerouteAffected(step1, after2, [id], { index: index2, live: true });
      live.push(performance.now() - t1);
      const l = process.cpuUsage(l0);
      cpuLive += (l.user + l.system) / 1000;
      rerouted.push(searchStats.grids);
    }
    all.sort((a, b) => a - b);
    one.sort((a, b) => a - b);
    live.sort((a, b) => a - b);
    rerouted.sort((a, b) => a - b);
    rows.push({
      nodes: n,
      edges: m,
      routeAllMedianMs: quantile(all, 0.5),
      routeAllP95Ms: quantile(all, 0.95),
      routeAllCpuMs,
      oneMovedMedianMs: quantile(one, 0.5),
      oneMovedP95Ms: quantile(one, 0.95),
      oneMovedCpuMs: cpuOne / runs,
      liveMedianMs: quantile(live, 0.5),
      liveP95Ms: quantile(live, 0.95),
      liveCpuMs: cpuLive / runs,
      reroutedEdges: quantile(rerouted, 0.5),
      notOk,
      squeezed,
      gridPointsPerEdge: Math.round(gridPointsPerEdge),
    });
  }
  return rows;
}

function main(): void {
  const start = loadavg().map((x) => x.toFixed(2));
  const rows = runRoutingBench();
  const end = loadavg().map((x) => x.toFixed(2));
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  console.log(`${cpus().length} CPUs, Node ${process.version}, load ${start.join(" ")} → ${end.join(" ")}`);
  console.log(
    "| nodes / edges | route all: median (p95), CPU | one moved: median (p95), CPU | one moved, live: median (p95), CPU | searched per move | not ok | squeezed | grid points per search |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of rows)
    console.log(
      `| ${r.nodes} / ${r.edges} | ${r.routeAllMedianMs.toFixed(2)} ms (${r.routeAllP95Ms.toFixed(2)}), ${r.routeAllCpuMs.toFixed(2)} | ${r.oneMovedMedianMs.toFixed(2)} ms (${r.oneMovedP95Ms.toFixed(2)}), ${r.oneMovedCpuMs.toFixed(2)} | ${r.liveMedianMs.toFixed(2)} ms (${r.liveP95Ms.toFixed(2)}), ${r.liveCpuMs.toFixed(2)} | ${r.reroutedEdges} | ${r.notOk} | ${r.squeezed} | ${r.gridPointsPerEdge} |`,
    );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
