/**
 * Editor benchmark (docs/performance.md; every figure of issue 7 but full validation,
 * which bench/validate.ts writes): bare React Flow (A) against Stackdraw (B), same N, same
 * positions, same view, production build on 127.0.0.1, interleaved A B A B in one Chromium session
 * with a fresh context per visit. Run: `npx tsx bench/perf/run.ts` (or `npm run bench`).
 *
 * - The empty editor (N = 0: load to React Flow's pane measured, heap and DOM only).
 * - N = 100, 1,000 and 5,000 nested nodes (env BENCH_N="1000" or "0,100" to restrict; BENCH_ROUNDS,
 *   default 5): load, heap, DOM nodes, pan and drag frames and one edit to the next paint, in the
 *   fit view and at zoom 1; at 5,000 also opened at zoom 1 (the editing view).
 * - N = 1,000 with 200 edges (bench/perf/doc.ts perfEdges), opened at zoom 1 around the container
 *   with the most edges in a view's reach, pan and drag: the app routes them (src/domain/routing,
 *   live while a node is dragged), the bare page draws React Flow's default edges; the dragged leaf
 *   is that container. `BENCH_ONLY=routing-pan` runs this case alone (no bundle, no export) and
 *   writes only its own section of docs/benchmarks.md.
 * - N = 20,000 (the document format's stated limit), opened at zoom 1 like the 5,000 editing-view
 *   case: load, heap, pan and drag at zoom 1, one edit, select and nudge, against bare React Flow
 *   (`onlyRenderVisibleElements`), in BENCH_LIMIT_ROUNDS rounds (default 3, at most BENCH_ROUNDS:
 *   a visit reads and lays out all 20,000 nodes), then the app's PNG export of that document
 *   ("wrapped", BENCH_LIMIT_EXPORT_RUNS timed runs, default 3) in a visit of its own. Included in
 *   the full run, or with BENCH_N naming 20000; `BENCH_ONLY=nodes-20000` runs this case alone and
 *   writes only its own section of docs/benchmarks.md.
 * - Initial JS of the real app (root vite.config.ts) and of the bare page, gzip -9, per package.
 * - PNG export in the app page (1,000 and 5,000 nodes) and the CLI's render in Node (1,000).
 *
 * `--only perf|bundle|export` runs one part; `--only report` re-renders the section from the stored results. Results are kept in .bench-out/results.json, and the
 * section of docs/benchmarks.md between the editor-bench markers is rendered from them (a partial
 * run keeps the other parts' last figures, marked with their date).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, totalmem } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { chromium, type Browser, type Page } from "playwright-core";
import { completeGeometry } from "../../src/domain/geometry.ts";
import { indexDocument } from "../../src/domain/diagram.ts";
import { absoluteRects } from "../../src/domain/drop.ts";
import { renderPng } from "../../src/cli/render.ts";
import { perfDocument, perfEdges, wrapRoots } from "./doc.ts";
import { PAGE_LIB } from "./page-lib.ts";
import { interleave, summarizeFrames } from "./stats.ts";
import { bundleFigures, entryFor, type OutputLike } from "./bundle.ts";
import {
  boundsOfRects,
  openViewport,
  reactFlowFit,
  sameViewport,
  visibleIds,
  type FitOptions,
  type Pane,
  type Viewport,
} from "./views.ts";
import {
  DEFAULT_ROUNDS,
  EDITOR_MARKERS,
  LIMIT_EDITOR_MARKERS,
  LIMIT_N,
  RESULTS_SCHEMA,
  ROUTED_EDITOR_MARKERS,
  renderLimitSection,
  renderRoutedSection,
  caseViews,
  formatElapsed,
  mergeSection,
  progressLabel,
  renderSection,
  table,
  targetRows,
  type BenchResults,
  type BundleResult,
  type CaseResult,
  type ExportResult,
  type ExportRun,
  type Gesture,
  type Variant,
  type ViewKey,
  type ViewResult,
  type VisitResult,
} from "./report.ts";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = resolve(here, "../..");
const outDir = resolve(repo, ".bench-out/perf");
const resultsFile = resolve(repo, ".bench-out/results.json");
const docsFile = resolve(repo, "docs/benchmarks.md");
const NS = (process.env.BENCH_N ?? "0,100,1000,5000")
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n >= 0);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? DEFAULT_ROUNDS);
/** Frames per gesture (out and back). */
const FRAMES = Number(process.env.BENCH_FRAMES ?? 90);
const EDITS = 5;
const VIEWPORT = { width: 1280, height: 800 };
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const EXPORT_NS = [1000, 5000];
/**
 * The routed-edges cases: nodes and edges ("pan and drag at zoom 1, 1,000 nodes with 200 routed
 * edges"; and edges at scale, issue 17: 5,000 nodes with 5,000 edges, against bare React Flow with
 * the same edges — load, pan, drag and edit at zoom 1).
 */
const ROUTED_CASES = [
  { n: 1000, edges: 200, key: "1000-routed", only: "routing-pan" },
  { n: 5000, edges: 5000, key: "5000-edges", only: "edges-5000" },
] as const;
/**
 * The stated-limit case (docs/performance.md: "20,000 nodes (the stated limit), opened at zoom 1"):
 * fewer rounds (a visit reads, lays out and validates 20,000 nodes on both pages), and its own PNG
 * export visit.
 */
const LIMIT_CASE = { n: LIMIT_N, key: `${LIMIT_N}-open`, fitKey: `${LIMIT_N}`, only: "nodes-20000" } as const;
const LIMIT_ROUNDS = Number(process.env.BENCH_LIMIT_ROUNDS ?? Math.min(3, ROUNDS));
const LIMIT_EXPORT_RUNS = Number(process.env.BENCH_LIMIT_EXPORT_RUNS ?? 3);
/** `BENCH_ONLY=routing-pan` (or `edges-5000`, `nodes-20000`): only that case. */
const BENCH_ONLY = process.env.BENCH_ONLY;
const ONLY_CASES: Record<string, string[]> = {
  ...Object.fromEntries(ROUTED_CASES.map((c) => [c.only, [c.key]])),
  [LIMIT_CASE.only]: [LIMIT_CASE.key, LIMIT_CASE.fitKey],
};
const EXPORT_RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 5);
const LOAD_TIMEOUT_MS = 120_000;

const T0 = Date.now();
const log = (s: string) => console.log(`[perf] ${s}`);
const la = () => loadavg().map((x) => Math.round(x * 100) / 100);

/** Counts visits for the progress line: `N=5000 round 3/5 B (visit 17/52, 4m12s)`. */
const progress = { visit: 0, visits: 0 };
const step = (what: string) => progressLabel(what, ++progress.visit, progress.visits, Date.now() - T0);

function serve(root: string): Promise<Server> {
  const types: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".woff2": "font/woff2",
  };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

interface PageSetup {
  /** Node ids the page's view must show, measured, before the load counts as complete; null = just the canvas. */
  expect: string[] | null;
  leaves?: string[];
}

async function openPage(browser: Browser, url: string, setup: PageSetup, label: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on("pageerror", (e) => log(`${label} page error: ${e.message}`));
  const expect = setup.expect === null ? { canvas: true } : { ids: setup.expect };
  await page.addInitScript({
    content: `window.__benchExpect = ${JSON.stringify(expect)}; window.__benchLeaves = ${JSON.stringify(setup.leaves ?? [])};`,
  });
  await page.addInitScript({ content: PAGE_LIB });
  await page.goto(url, { waitUntil: "commit" });
  return { context, page };
}

async function waitLoaded(page: Page): Promise<number> {
  try {
    await page.waitForFunction("window.__bench && window.__bench.loadMs !== null", undefined, {
      timeout: LOAD_TIMEOUT_MS,
      polling: 100,
    });
  } catch (e) {
    const why = await page.evaluate("window.__bench && window.__bench.missing()").catch(() => null);
    throw new Error(
      `load condition not met after ${LOAD_TIMEOUT_MS / 1000} s: ${JSON.stringify(why)} (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`,
    );
  }
  return (await page.evaluate("window.__bench.loadMs")) as number;
}

interface GestureResult {
  intervals: number[];
  before: string;
  mid: string | null;
  after: string;
  leaf: string | null;
}

interface PerfCase {
  key: string;
  n: number;
  /** Measured rounds (A and B each), after one warm-up pair. */
  rounds: number;
  /** Timed runs of the app's PNG export ("wrapped") in a visit after the rounds; 0 = none. */
  exportRuns: number;
  /** Edges over the document (both pages draw them); 0 = none. */
  edges: number;
  open: boolean;
  pane: Pane;
  fit: FitOptions;
  viewport: Viewport;
  /** The nodes in view that the load waits for; null: the empty editor (the canvas measured). */
  expect: string[] | null;
  leaves: string[];
  urls: Record<Variant, string>;
}

/** One visit: load, heap, then per view the visible counts, pan, drag and the edits. */
async function visit(
  browser: Browser,
  c: PerfCase,
  variant: Variant,
  label: string,
  errors: string[],
): Promise<VisitResult> {
  const { context, page } = await openPage(
    browser,
    c.urls[variant],
    { expect: c.expect, leaves: c.leaves },
    label,
  );
  try {
    const loadMs = await waitLoaded(page);
    const mountedAtLoad = (await page.evaluate("window.__bench.loadInfo.mounted")) as number;
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    await cdp.detach();
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    const perf = await context.newCDPSession(page);
    await perf.send("Performance.enable");
    /** The page's main-thread task and script time so far (s). */
    const mainThread = async () => {
      const m = (await perf.send("Performance.getMetrics")).metrics;
      const v = (name: string) => m.find((x) => x.name === name)?.value ?? Number.NaN;
      return { task: v("TaskDuration"), script: v("ScriptDuration") };
    };
    const notes: string[] = [];
    const views: Partial<Record<ViewKey, ViewResult>> = {};
    let honoured: boolean | null = null;
    for (const view of caseViews({ n: c.n, open: c.open, edges: c.edges })) {
      let v = (await page.evaluate("window.__bench.view()")) as Viewport & Pane;
      if (Math.abs(v.width - c.pane.width) > 1 || Math.abs(v.height - c.pane.height) > 1)
        notes.push(`canvas ${v.width}×${v.height}, not ${c.pane.width}×${c.pane.height}`);
      if (view === "zoom1") {
        v = (await page.evaluate("window.__bench.zoom1()")) as Viewport & Pane;
        if (Math.abs(v.zoom - 1) > 1e-6) throw new Error(`zoom 1 not reached (${v.zoom})`);
      } else if (!sameViewport(v, c.viewport)) {
        const what = `${view} view at x ${v.x.toFixed(1)} y ${v.y.toFixed(1)} zoom ${v.zoom.toFixed(4)}, expected x ${c.viewport.x.toFixed(1)} y ${c.viewport.y.toFixed(1)} zoom ${c.viewport.zoom.toFixed(4)}`;
        notes.push(what);
        if (view === "open" && variant === "B") honoured = false;
        else errors.push(`${label}: ${what}`);
        // Measure the gestures and edits in the same view on both pages all the same.
        if (view === "open")
          v = (await page.evaluate(`window.__bench.setView(${JSON.stringify(c.viewport)})`)) as Viewport &
            Pane;
      } else if (view === "open") honoured = true;
      await page.evaluate("window.__bench.settle()");
      const r: ViewResult = {
        viewport: { x: v.x, y: v.y, zoom: v.zoom },
        visible: (await page.evaluate("window.__bench.visibleNodes()")) as number,
        mounted: (await page.evaluate("window.__bench.mountedNodes()")) as number,
        frames: {},
        edits: [],
      };
      for (const gesture of ["pan", "drag"] as Gesture[]) {
        try {
          // Main-thread time per frame beside the frame intervals: what the gesture costs the
          // page, which other work on a shared machine inflates far less than the intervals.
          const before = await mainThread();
          const g = (await page.evaluate(
            `window.__bench.gesture(${JSON.stringify(gesture)}, ${FRAMES})`,
          )) as GestureResult;
          const after = await mainThread();
          // A benchmark of events that do nothing is worthless: the gesture must move the view / the node.
          if (g.mid === null || g.mid === g.before) throw new Error(`moved nothing (${g.before})`);
          r.frames[gesture] = g.intervals;
          const per = (k: "task" | "script") =>
            ((after[k] - before[k]) * 1000) / Math.max(1, g.intervals.length);
          (r.cpu ??= {})[gesture] = { taskMs: per("task"), scriptMs: per("script") };
          const s = summarizeFrames(g.intervals);
          notes.push(
            `${gesture}/${view}${g.leaf ? `(${g.leaf})` : ""} p95 ${s.p95.toFixed(1)} max ${s.max.toFixed(1)} task ${per("task").toFixed(1)}/frame`,
          );
        } catch (e) {
          errors.push(
            `${label}: ${gesture} in the ${view} view: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
        await page.evaluate("window.__bench.settle()");
      }
      const leaf = (await page.evaluate("window.__bench.pickLeaf()")) as string | null;
      if (!leaf) errors.push(`${label}: no visible leaf to edit in the ${view} view`);
      else {
        for (let i = 0; i < EDITS; i++) {
          try {
            r.edits.push(
              (await page.evaluate(
                `window.__bench.edit(${JSON.stringify(leaf)}, ${JSON.stringify(`bench edit ${view} ${i + 1}`)})`,
              )) as number,
            );
          } catch (e) {
            errors.push(`${label}: edit in the ${view} view: ${e instanceof Error ? e.message : String(e)}`);
            break;
          }
          await page.evaluate("window.__bench.settle()");
        }
        notes.push(`edit/${view}(${leaf}) ${r.edits.map((x) => x.toFixed(0)).join(" ")}`);
      }
      // Select (a click, alternating between two leaves so each click changes the selection), then
      // nudge the selected leaf with arrow keys, right then left, so the document ends where it began.
      const pair = (await page.evaluate("window.__bench.pickLeaves(2)")) as string[];
      if (pair.length < 2)
        errors.push(`${label}: fewer than two visible leaves to select in the ${view} view`);
      else {
        const selects: number[] = [];
        const nudges: number[] = [];
        try {
          for (let i = 0; i < EDITS; i++) {
            selects.push(
              (await page.evaluate(`window.__bench.select(${JSON.stringify(pair[i % 2])})`)) as number,
            );
            await page.evaluate("window.__bench.settle()");
          }
          const moved = pair[(EDITS - 1) % 2]!;
          for (let i = 0; i < EDITS + (EDITS % 2); i++) {
            const key = i % 2 === 0 ? "ArrowRight" : "ArrowLeft";
            nudges.push(
              (await page.evaluate(`window.__bench.nudge(${JSON.stringify(moved)}, "${key}")`)) as number,
            );
            await page.evaluate("window.__bench.settle()");
          }
        } catch (e) {
          errors.push(
            `${label}: select/nudge in the ${view} view: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
        r.selects = selects;
        r.nudges = nudges;
        notes.push(
          `select ${selects.map((x) => x.toFixed(0)).join(" ")}, nudge ${nudges.map((x) => x.toFixed(0)).join(" ")}`,
        );
      }
      notes.push(`${view}: zoom ${v.zoom.toFixed(3)}, on screen ${r.visible}, mounted ${r.mounted}`);
      views[view] = r;
    }
    const result: VisitResult = {
      loadMs,
      heapMB: metric("JSHeapUsedSize") / 2 ** 20,
      domNodes: metric("Nodes"),
      mountedAtLoad,
      views,
    };
    if (variant === "B" && honoured !== null) result.honoured = honoured;
    log(
      `  load ${loadMs.toFixed(0)} ms, heap ${result.heapMB.toFixed(1)} MB, DOM ${result.domNodes}, mounted ${mountedAtLoad}; ${notes.join(", ")}`,
    );
    return result;
  } finally {
    await context.close();
  }
}

/** The editor's canvas size and fit options, read from the app page. */
async function calibrate(browser: Browser, base: string): Promise<{ pane: Pane; fit: FitOptions }> {
  const { context, page } = await openPage(
    browser,
    `${base}/app.html?n=100`,
    { expect: null },
    "calibration",
  );
  try {
    await waitLoaded(page);
    const v = (await page.evaluate("window.__bench.view()")) as Pane;
    const fit = (await page.evaluate("window.__benchFitView")) as FitOptions | undefined;
    if (!fit) throw new Error("the app page did not expose window.__benchFitView");
    return { pane: { width: Math.round(v.width), height: Math.round(v.height) }, fit };
  } finally {
    await context.close();
  }
}

/** The cases to run; `withLimit: false` leaves out the stated-limit case (20,000 nodes to lay out). */
function perfCases(base: string, pane: Pane, fit: FitOptions, withLimit = true): PerfCase[] {
  const out: PerfCase[] = [];
  // 20,000 and over: the stated-limit case below (opened at zoom 1 only; a fitted view of 20,000
  // nodes is not what anyone edits in).
  for (const n of [...new Set(NS)].filter((x) => x < LIMIT_N).sort((a, b) => a - b)) {
    const size = `w=${pane.width}&h=${pane.height}`;
    const fitted = {
      key: String(n),
      n,
      rounds: ROUNDS,
      exportRuns: 0,
      edges: 0,
      open: false,
      pane,
      fit,
      urls: {
        A: `${base}/bare.html?n=${n}&${size}&fit=${fit.padding},${fit.minZoom},${fit.maxZoom}`,
        B: `${base}/app.html?n=${n}`,
      },
    };
    if (n === 0) {
      // The empty editor (no document): load only, to the canvas measured + two frames — the
      // version-2 target "first paint of the empty editor ≤ 1.15× bare React Flow".
      out.push({ ...fitted, viewport: { x: 0, y: 0, zoom: 1 }, expect: null, leaves: [] });
      continue;
    }
    const doc = completeGeometry(perfDocument(n));
    const index = indexDocument(doc);
    const rects = absoluteRects(doc, index);
    const parents = new Set(doc.nodes.flatMap((x) => (x.parentId ? [x.parentId] : [])));
    const leaves = doc.nodes.filter((x) => !parents.has(x.id)).map((x) => x.id);
    const entries = doc.nodes.map((x) => [x.id, rects.get(x.id)!] as const);
    const fitVp = reactFlowFit(boundsOfRects(rects.values())!, pane, fit);
    out.push({ ...fitted, viewport: fitVp, expect: visibleIds(entries, fitVp, pane), leaves });
    if (n === 5000) {
      const vp = openViewport(rects.get(doc.nodes[0]!.id)!);
      const q = `vx=${vp.x}&vy=${vp.y}&vz=${vp.zoom}`;
      out.push({
        key: `${n}-open`,
        n,
        rounds: ROUNDS,
        exportRuns: 0,
        edges: 0,
        open: true,
        pane,
        fit,
        viewport: vp,
        expect: visibleIds(entries, vp, pane),
        leaves,
        urls: { A: `${base}/bare.html?n=${n}&${size}&${q}`, B: `${base}/app.html?n=${n}&${q}` },
      });
    }
  }
  for (const routedCase of ROUTED_CASES) {
    if (!(NS.includes(routedCase.n) || BENCH_ONLY === routedCase.only)) continue;
    const { n, edges } = routedCase;
    const laid = completeGeometry(perfDocument(n));
    const doc = { ...laid, edges: perfEdges(laid, edges) };
    const rects = absoluteRects(doc, indexDocument(doc));
    const parents = new Set(doc.nodes.flatMap((x) => (x.parentId ? [x.parentId] : [])));
    // The dragged (and edited) leaf is one with edges: its routes follow it live.
    const leaf = busiestEnd(doc, rects, parents, pane);
    const r = rects.get(leaf)!;
    // Zoom 1 with that leaf at the canvas centre.
    const vp = {
      x: pane.width / 2 - (r.x + r.width / 2),
      y: pane.height / 2 - (r.y + r.height / 2),
      zoom: 1,
    };
    const entries = doc.nodes.map((x) => [x.id, rects.get(x.id)!] as const);
    const q = `n=${n}&edges=${edges}&vx=${vp.x}&vy=${vp.y}&vz=${vp.zoom}`;
    out.push({
      key: routedCase.key,
      n,
      rounds: ROUNDS,
      exportRuns: 0,
      edges,
      open: true,
      pane,
      fit,
      viewport: vp,
      expect: visibleIds(entries, vp, pane),
      // Every leaf: the busiest one sits at the canvas centre, so the drag and the edit (the leaf
      // nearest the centre) take it; select alternates between it and its nearest visible leaf.
      leaves: [leaf, ...doc.nodes.filter((x) => !parents.has(x.id) && x.id !== leaf).map((x) => x.id)],
      urls: { A: `${base}/bare.html?${q}&w=${pane.width}&h=${pane.height}`, B: `${base}/app.html?${q}` },
    });
  }
  const limitWanted =
    BENCH_ONLY === LIMIT_CASE.only ||
    (BENCH_ONLY === undefined && (process.env.BENCH_N === undefined || NS.includes(LIMIT_CASE.n)));
  if (withLimit && limitWanted) {
    const n = LIMIT_CASE.n;
    const doc = completeGeometry(perfDocument(n));
    const rects = absoluteRects(doc, indexDocument(doc));
    const parents = new Set(doc.nodes.flatMap((x) => (x.parentId ? [x.parentId] : [])));
    // As the 5,000-node editing view: zoom 1, the first host's top-left at (40, 40).
    const vp = openViewport(rects.get(doc.nodes[0]!.id)!);
    const q = `n=${n}&vx=${vp.x}&vy=${vp.y}&vz=${vp.zoom}`;
    out.push({
      key: LIMIT_CASE.key,
      n,
      rounds: LIMIT_ROUNDS,
      exportRuns: LIMIT_EXPORT_RUNS,
      edges: 0,
      open: true,
      pane,
      fit,
      viewport: vp,
      expect: visibleIds(
        doc.nodes.map((x) => [x.id, rects.get(x.id)!] as const),
        vp,
        pane,
      ),
      leaves: doc.nodes.filter((x) => !parents.has(x.id)).map((x) => x.id),
      urls: { A: `${base}/bare.html?${q}&w=${pane.width}&h=${pane.height}`, B: `${base}/app.html?${q}` },
    });
    // And fitted, as a document without a saved view opens: the far-zoom view (measured, no target).
    const fitVp = reactFlowFit(boundsOfRects(rects.values())!, pane, fit);
    out.push({
      key: LIMIT_CASE.fitKey,
      n,
      // Bare React Flow fitted on 20,000 nodes mounts every one of them at first (xyflow#3883), and
      // each of its visits takes minutes: two rounds.
      rounds: Math.min(2, LIMIT_ROUNDS),
      exportRuns: 0,
      edges: 0,
      open: false,
      pane,
      fit,
      viewport: fitVp,
      expect: visibleIds(
        doc.nodes.map((x) => [x.id, rects.get(x.id)!] as const),
        fitVp,
        pane,
      ),
      leaves: doc.nodes.filter((x) => !parents.has(x.id)).map((x) => x.id),
      urls: {
        A: `${base}/bare.html?n=${n}&w=${pane.width}&h=${pane.height}&fit=${fit.padding},${fit.minZoom},${fit.maxZoom}&culled=1`,
        B: `${base}/app.html?n=${n}`,
      },
    });
  }
  const only = BENCH_ONLY === undefined ? undefined : ONLY_CASES[BENCH_ONLY];
  return only ? out.filter((c) => only.includes(c.key)) : out;
}

/**
 * The leaf with edges that has the most edges with both ends within half a pane of it (ties: the
 * first in the document): the view centred on it shows routed edges, and dragging it re-routes.
 */
function busiestEnd(
  doc: { nodes: { id: string }[]; edges: { source: string; target: string }[] },
  rects: ReadonlyMap<string, { x: number; y: number; width: number; height: number }>,
  parents: ReadonlySet<string>,
  pane: Pane,
): string {
  const centre = (id: string) => {
    const r = rects.get(id)!;
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  };
  const near = (a: string, b: string) => {
    const p = centre(a);
    const q = centre(b);
    return Math.abs(p.x - q.x) <= pane.width / 2 && Math.abs(p.y - q.y) <= pane.height / 2;
  };
  let best = "";
  let bestCount = -1;
  for (const n of doc.nodes) {
    if (parents.has(n.id) || !doc.edges.some((e) => e.source === n.id || e.target === n.id)) continue;
    const count = doc.edges.filter((e) => near(n.id, e.source) && near(n.id, e.target)).length;
    if (count > bestCount) {
      best = n.id;
      bestCount = count;
    }
  }
  if (!best) throw new Error("no leaf with edges to centre the routed-edges case on");
  return best;
}

async function runCase(browser: Browser, c: PerfCase): Promise<CaseResult> {
  const t0 = Date.now();
  const start = la();
  const errors: string[] = [];
  const visits: Record<Variant, VisitResult[]> = { A: [], B: [] };
  const what = c.open ? `N=${c.n} opened at zoom 1` : `N=${c.n}`;
  log(
    `${what}: ${c.expect?.length ?? 0} of ${c.n} nodes in view (x ${c.viewport.x.toFixed(1)}, y ${c.viewport.y.toFixed(1)}, zoom ${c.viewport.zoom.toFixed(4)}), load average ${start.join(" ")}`,
  );
  for (const v of interleave<Variant>(["A", "B"], c.rounds, 1)) {
    const label = `${what} ${v.warmup ? "warm-up" : `round ${v.round + 1}/${c.rounds}`} ${v.variant}`;
    log(step(label));
    try {
      const r = await visit(browser, c, v.variant, label, v.warmup ? [] : errors);
      if (!v.warmup) visits[v.variant].push(r);
    } catch (e) {
      const msg = `${label}: ${e instanceof Error ? e.message : String(e)}`;
      log(`  FAILED ${msg}`);
      errors.push(msg);
    }
  }
  const honouredList = visits.B.flatMap((x) => (x.honoured === undefined ? [] : [x.honoured]));
  let exported: ExportRun[] | undefined;
  if (c.exportRuns > 0) {
    try {
      exported = await caseExport(browser, c);
    } catch (e) {
      const msg = `PNG export N=${c.n}: ${e instanceof Error ? e.message : String(e)}`;
      log(`  FAILED ${msg}`);
      errors.push(msg);
      exported = [{ ms: Number.NaN, bytes: 0, width: 0, height: 0, error: msg }];
    }
  }
  return {
    key: c.key,
    n: c.n,
    ...(c.edges > 0 ? { edges: c.edges } : {}),
    open: c.open,
    ranAt: new Date().toISOString(),
    rounds: c.rounds,
    frames: FRAMES,
    editsPerView: EDITS,
    pane: c.pane,
    fit: c.fit,
    expectedViewport: c.viewport,
    expectedVisible: c.expect?.length ?? 0,
    visits,
    honoured: c.open ? (honouredList.length ? honouredList.every(Boolean) : null) : null,
    errors,
    loadavg: { start, end: la() },
    ...(exported ? { export: exported } : {}),
    seconds: (Date.now() - t0) / 1000,
  };
}

/**
 * The app's PNG export of a case's document (the "wrapped" variant: root subtrees re-flowed into
 * rows ≤ 8,000 px), in a fresh app page opened at the case's view: `exportRuns` timed runs after
 * one warm-up.
 */
async function caseExport(browser: Browser, c: PerfCase): Promise<ExportRun[]> {
  const { context, page } = await openPage(browser, c.urls.B, { expect: c.expect }, `export n=${c.n}`);
  try {
    log(step(`PNG export N=${c.n} (wrapped)`));
    await waitLoaded(page);
    const all = (await page.evaluate(`window.__exportBench(${c.exportRuns + 1}, "wrapped")`)) as ExportRun[];
    const runs = all.slice(1);
    log(
      `  wrapped: ${runs.map((r) => (r.error ? `error (${r.error})` : `${r.ms.toFixed(0)} ms`)).join(", ")}; ${all[0]!.width}×${all[0]!.height} px, ${(all[0]!.bytes / 1024).toFixed(0)} KiB (warm-up ${all[0]!.ms.toFixed(0)} ms)`,
    );
    return runs;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// PNG export

/** The app's Export PNG in the app page, `EXPORT_RUNS` timed runs after one warm-up, per N and per document variant. */
async function exportBench(
  browser: Browser,
  base: string,
  pane: Pane,
  fit: FitOptions,
): Promise<ExportResult["app"]> {
  const out: ExportResult["app"] = [];
  for (const n of EXPORT_NS) {
    const c = perfCases(base, pane, fit, false).find((x) => x.n === n && !x.open);
    const doc = completeGeometry(perfDocument(n));
    const rects = absoluteRects(doc, indexDocument(doc));
    const expect =
      c?.expect ??
      visibleIds(
        doc.nodes.map((x) => [x.id, rects.get(x.id)!] as const),
        reactFlowFit(boundsOfRects(rects.values())!, pane, fit),
        pane,
      );
    const { context, page } = await openPage(browser, `${base}/app.html?n=${n}`, { expect }, `export n=${n}`);
    try {
      log(step(`PNG export N=${n}`));
      await waitLoaded(page);
      for (const variant of ["page", "wrapped"] as const) {
        const all = (await page.evaluate(
          `window.__exportBench(${EXPORT_RUNS + 1}, ${JSON.stringify(variant)})`,
        )) as ExportRun[];
        const runs = all.slice(1);
        log(
          `  ${variant}: ${runs.map((r) => (r.error ? `error (${r.error})` : `${r.ms.toFixed(0)} ms`)).join(", ")}; ${all[0]!.width}×${all[0]!.height} px, ${(all[0]!.bytes / 1024).toFixed(0)} KiB`,
        );
        out.push({ n, variant, runs });
      }
    } finally {
      await context.close();
    }
  }
  return out;
}

/** The CLI's render to PNG in Node (renderSvg + resvg + PNG encoding, fonts loaded each time), 1,000 nodes. */
async function cliBench(): Promise<ExportRun[]> {
  log(`CLI render to PNG, N=1000 (${formatElapsed(Date.now() - T0)})`);
  const doc = wrapRoots(completeGeometry(perfDocument(1000)), 8000);
  const all: ExportRun[] = [];
  for (let i = 0; i < EXPORT_RUNS + 1; i++) {
    const t0 = performance.now();
    try {
      const r = await renderPng(doc, { scale: 2 });
      all.push({ ms: performance.now() - t0, bytes: r.png.length, width: r.width, height: r.height });
    } catch (e) {
      all.push({
        ms: performance.now() - t0,
        bytes: 0,
        width: 0,
        height: 0,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
  const runs = all.slice(1);
  log(`  ${runs.map((r) => (r.error ? `error (${r.error})` : `${r.ms.toFixed(0)} ms`)).join(", ")}`);
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Bundles

const outputsOf = (r: unknown): OutputLike[] =>
  (Array.isArray(r) ? r : [r]).flatMap((o: { output: OutputLike[] }) => o.output);

/** Builds the bench pages (written to .bench-out/perf) and returns the output. */
async function buildBenchPages(): Promise<OutputLike[]> {
  log(`building the bench pages (bench/perf/vite.config.ts → .bench-out/perf)`);
  return outputsOf(await build({ configFile: resolve(here, "vite.config.ts"), logLevel: "warn" }));
}

async function bundleBench(benchOutput: OutputLike[]): Promise<BundleResult> {
  log(
    `building the app (vite.config.ts, write: false) for its initial JS (${formatElapsed(Date.now() - T0)})`,
  );
  const app = outputsOf(
    await build({
      configFile: resolve(repo, "vite.config.ts"),
      root: repo,
      logLevel: "warn",
      build: { write: false },
    }),
  );
  const result: BundleResult = {
    ranAt: new Date().toISOString(),
    app: bundleFigures(app, entryFor(app, "index.html"), repo),
    bare: bundleFigures(benchOutput, entryFor(benchOutput, "bare.html"), repo),
  };
  log(
    `  app initial JS ${(result.app.initialJs / 1024).toFixed(1)} KB gzip (${result.app.chunks.length} chunk(s)), bare page ${(result.bare.initialJs / 1024).toFixed(1)} KB`,
  );
  return result;
}

// ---------------------------------------------------------------------------------------------

function loadResults(machine: string): BenchResults {
  try {
    const r = JSON.parse(readFileSync(resultsFile, "utf8")) as BenchResults;
    if (r.schema === RESULTS_SCHEMA) return { ...r, machine };
  } catch {
    // none yet, or unreadable: start afresh
  }
  return { schema: RESULTS_SCHEMA, machine, run: null, cases: {}, bundle: null, export: null };
}

/**
 * Stores the results and renders their sections of docs/benchmarks.md: the editor section, the
 * routed-edges section and the stated-limit section — under BENCH_ONLY, only the section of the
 * case that ran (the stored results may lack the other cases, whose figures their sections keep).
 */
function save(results: BenchResults): void {
  mkdirSync(resolve(repo, ".bench-out"), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(results));
  let text = existsSync(docsFile) ? readFileSync(docsFile, "utf8") : "# Benchmarks\n";
  const meta = { machine: results.machine, viewport: VIEWPORT };
  const ran = (keys: readonly string[]) =>
    keys.some((k) => results.cases[k]) &&
    (BENCH_ONLY === undefined || keys.some((k) => ONLY_CASES[BENCH_ONLY]?.includes(k)));
  if (BENCH_ONLY === undefined) text = mergeSection(text, EDITOR_MARKERS, renderSection(results, meta));
  if (ran(ROUTED_CASES.map((c) => c.key)))
    text = mergeSection(
      text,
      ROUTED_EDITOR_MARKERS,
      renderRoutedSection(results, meta, results.run?.startedAt ?? null),
    );
  // A new section goes after the routed-edges one, with the other editor figures.
  if (ran([LIMIT_CASE.key, LIMIT_CASE.fitKey]))
    text = mergeSection(
      text,
      LIMIT_EDITOR_MARKERS,
      renderLimitSection(results, meta),
      undefined,
      ROUTED_EDITOR_MARKERS.end,
    );
  writeFileSync(docsFile, text);
}

async function main() {
  if (ONLY !== undefined && !["perf", "bundle", "export", "report"].includes(ONLY))
    throw new Error(`--only takes perf, bundle, export or report, not ${JSON.stringify(ONLY)}`);
  if (BENCH_ONLY !== undefined && !(BENCH_ONLY in ONLY_CASES))
    throw new Error(
      `BENCH_ONLY takes ${Object.keys(ONLY_CASES).join(", ")} here, not ${JSON.stringify(BENCH_ONLY)}`,
    );
  if (ONLY === "report") {
    // Re-renders the section from the stored results, measuring nothing.
    if (!existsSync(resultsFile)) throw new Error(`no stored results (${resultsFile}): run the bench first`);
    const stored = JSON.parse(readFileSync(resultsFile, "utf8")) as BenchResults;
    if (stored.schema !== RESULTS_SCHEMA)
      throw new Error(`stored results have schema ${stored.schema}, not ${RESULTS_SCHEMA}`);
    save(stored);
    log(`re-rendered docs/benchmarks.md from ${resultsFile}`);
    return;
  }
  // BENCH_ONLY picks editor cases: the bundle and the export are not among them.
  const part = (p: string) => (BENCH_ONLY !== undefined ? p === "perf" : ONLY === undefined || ONLY === p);
  const startLoad = la();
  const startedAt = new Date().toISOString();
  log(`load average ${startLoad.join(" ")} (1/5/15 min) on ${cpus().length} CPUs`);
  const benchOutput = await buildBenchPages();
  const bundle = part("bundle") ? await bundleBench(benchOutput) : null;

  const server = await serve(outDir);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ARGS });
  const machine = `${cpus().length} CPUs (nproc), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Chromium ${browser.version()} headless (no GPU), Node ${process.version}`;
  const results = loadResults(machine);
  const finish = () => {
    results.run = {
      startedAt,
      seconds: (Date.now() - T0) / 1000,
      loadavg: { start: startLoad, end: la() },
      command:
        process.env.BENCH_COMMAND ??
        `${BENCH_ONLY ? `BENCH_ONLY=${BENCH_ONLY} ` : ""}npx tsx bench/perf/run.ts${ONLY ? ` --only ${ONLY}` : ""}`,
    };
    save(results);
  };
  try {
    if (bundle) {
      results.bundle = bundle;
      finish();
    }
    if (part("perf") || part("export")) {
      const { pane, fit } = await calibrate(browser, base);
      log(
        `editor canvas ${pane.width}×${pane.height}, fit options ${JSON.stringify(fit)}; Chromium ${browser.version()}`,
      );
      const cases = part("perf") ? perfCases(base, pane, fit) : [];
      progress.visits =
        cases.reduce((sum, c) => sum + (c.rounds + 1) * 2 + (c.exportRuns > 0 ? 1 : 0), 0) +
        (part("export") ? EXPORT_NS.length : 0);
      log(
        `${cases.length} cases (${cases.map((c) => `${c.key}${c.rounds === ROUNDS ? "" : ` in ${c.rounds} rounds`}`).join(", ")}), ${ROUNDS} rounds + 1 warm-up, ${FRAMES} frames per gesture, ${EDITS} edits per view: ${progress.visits} visits`,
      );
      for (const c of cases) {
        results.cases[c.key] = await runCase(browser, c);
        finish();
        console.log(
          `\n${table(targetRows({ ...results, cases: { [c.key]: results.cases[c.key]! }, bundle: null, export: null }))}\n`,
        );
      }
      if (part("export")) {
        const app = await exportBench(browser, base, pane, fit);
        const cli = await cliBench();
        results.export = { ranAt: new Date().toISOString(), runs: EXPORT_RUNS, app, cli };
      }
    }
    finish();
    // Under BENCH_ONLY, the targets of the case that ran (the stored results hold the others).
    const shown =
      BENCH_ONLY === undefined
        ? results
        : {
            ...results,
            cases: Object.fromEntries(
              Object.entries(results.cases).filter(([k]) => ONLY_CASES[BENCH_ONLY]?.includes(k)),
            ),
            bundle: null,
            export: null,
          };
    console.log(`\n${table(targetRows(shown))}\n`);
    log(
      `wrote docs/benchmarks.md and .bench-out/results.json in ${formatElapsed(Date.now() - T0)}; load average ${la().join(" ")}`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
