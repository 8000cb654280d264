/**
 * CLI render benchmark (docs/performance.md: "the CLI renders a 60-service Compose import in
 * ≤ 1 s beyond start"). Run: `npx tsx bench/cli-render.ts` (also a part of `npm run bench`,
 * `BENCH_ONLY=cli`): prints the table and writes it into docs/benchmarks.md between the cli-bench
 * markers; `--json` prints the figures as JSON and writes nothing.
 *
 * A 60-service Compose file (bench/compose-60.ts: web tiers behind a proxy, each with its
 * database and cache, workers on a queue: 60 services, ~80 dependencies) is imported by the real
 * CLI, and the imported document is rendered to SVG and to PNG, each in a fresh process
 * (`node bin/stackdraw.mjs …`), as a CI job runs it. "Start" is the same process doing nothing
 * but printing its usage (`--help`): Node, tsx and the CLI's own imports; "beyond start" is a
 * command's time minus that. Interleaved, a warm-up round, then the median of the measured
 * rounds.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compose60 } from "./compose-60.ts";
import { benchContext, loadNow, writeBenchSection, type BenchContext } from "./perf/report.ts";

export const CLI_MARKERS = { start: "<!-- cli-bench:start -->", end: "<!-- cli-bench:end -->" } as const;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "stackdraw.mjs");
const ROUNDS = 5;

export interface CliBenchRow {
  what: string;
  medianMs: number;
  beyondStartMs: number;
}

function timeRun(args: readonly string[]): { ms: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = performance.now() - t;
  if (r.status !== 0 && !(args[0] === "--help" && r.status === 0))
    throw new Error(`stackdraw ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function runCliBench(): { rows: CliBenchRow[]; services: number; edges: number; png: number } {
  const dir = mkdtempSync(join(tmpdir(), "stackdraw-cli-bench-"));
  try {
    const { yaml, services } = compose60();
    const file = join(dir, "compose.yml");
    writeFileSync(file, yaml);
    const doc = join(dir, "app.stackdraw.json");
    const svg = join(dir, "app.svg");
    const png = join(dir, "app.png");
    const cases: { what: string; args: string[] }[] = [
      { what: "start (`--help`)", args: ["--help"] },
      { what: `import compose (${services} services)`, args: ["import", "compose", file] },
      { what: "render to SVG", args: ["render", doc, "-o", svg] },
      { what: "render to PNG", args: ["render", doc, "-o", png] },
    ];
    const times = cases.map(() => [] as number[]);
    for (let round = 0; round <= ROUNDS; round++) {
      cases.forEach((c, i) => {
        const r = timeRun(c.args);
        if (c.args[0] === "import") writeFileSync(doc, r.stdout);
        if (round > 0) times[i]!.push(r.ms);
      });
    }
    const edges = (JSON.parse(readFileSync(doc, "utf8")) as { edges: unknown[] }).edges.length;
    const start = median(times[0]!);
    const rows = cases.map((c, i) => {
      const m = median(times[i]!);
      return { what: c.what, medianMs: m, beyondStartMs: i === 0 ? 0 : m - start };
    });
    return { rows, services, edges, png: statSync(png).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function section(r: ReturnType<typeof runCliBench>, ctx: BenchContext): string {
  const f = (ms: number) => `${Math.round(ms)} ms`;
  const lines = [
    `Ran ${ctx.ranAt} on ${ctx.machine}; load average ${ctx.loadavg.start.join(" ")} → ${ctx.loadavg.end.join(" ")}.`,
    `A ${r.services}-service Compose file (bench/compose-60.ts; the import draws ${r.edges} edges), each command in a fresh process, median of ${ROUNDS} interleaved rounds after a warm-up. The PNG is ${Math.round(r.png / 1024)} KB.`,
    "",
    "| command | median | beyond start | target |",
    "|---|---|---|---|",
    ...r.rows.map((row, i) => {
      const target =
        row.what.startsWith("render") || row.what.startsWith("import")
          ? `≤ 1,000 ms beyond start ${row.beyondStartMs <= 1000 ? "✅" : "❌"}`
          : "—";
      return `| ${row.what} | ${f(row.medianMs)} | ${i === 0 ? "—" : f(row.beyondStartMs)} | ${target} |`;
    }),
  ];
  return lines.join("\n");
}

function main(): void {
  const start = loadNow();
  const r = runCliBench();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(r, null, 2));
    return;
  }
  writeBenchSection(
    CLI_MARKERS,
    "## The CLI: import and render a 60-service Compose file",
    section(r, benchContext(start)),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
