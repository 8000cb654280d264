// `npm run bench`: the full-validation bench (bench/validate.ts) and the routing bench
// (bench/routing.ts), each of which writes its table into docs/benchmarks.md, then the editor bench
// (bench/perf/run.ts: frame times, load, heap, edits, initial JS, PNG export), which writes its
// section of docs/benchmarks.md.
//
// BENCH_ONLY runs one part: `validate`, `routing`, `cli` (bench/cli-render.ts: the CLI imports and
// renders a 60-service Compose file), or `routing-pan` (the editor bench's "pan and
// drag at zoom 1, 1,000 nodes with 200 routed edges" case alone; bench/perf/run.ts reads it too),
// `edges-5000` (5,000 nodes with 5,000 edges against bare React Flow with the same edges), or
// `nodes-20000` (the stated limit: 20,000 nodes opened at zoom 1 against bare React Flow, and the
// app's PNG export of them). Each editor case run alone writes only its own section.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const t0 = Date.now();
const elapsed = () => {
  const s = Math.round((Date.now() - t0) / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
};
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
const run = (file) => {
  console.log(`\n> npx tsx ${file}   (${elapsed()}, load average ${load()})`);
  const r = spawnSync("npx", ["tsx", file], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, BENCH_COMMAND: only ? `BENCH_ONLY=${only} npm run bench` : "npm run bench" },
  });
  return r.status ?? 1;
};

/** The editor bench's cases that run alone (bench/perf/run.ts ONLY_CASES). */
const EDITOR_CASES = ["routing-pan", "edges-5000", "nodes-20000"];
const PARTS = ["validate", "routing", "cli", ...EDITOR_CASES];
const only = process.env.BENCH_ONLY;
if (only !== undefined && !PARTS.includes(only)) {
  console.error(`BENCH_ONLY takes ${PARTS.join(", ")}, not ${JSON.stringify(only)}`);
  process.exit(2);
}
const wanted = (part) => only === undefined || only === part;

let failed = 0;
for (const [part, file] of [
  ["validate", "bench/validate.ts"],
  ["routing", "bench/routing.ts"],
  ["cli", "bench/cli-render.ts"],
]) {
  if (!wanted(part) || !existsSync(new URL(`../${file}`, import.meta.url))) continue;
  const code = run(file);
  if (code !== 0) {
    console.error(`${file} exited with ${code}`);
    failed = code;
  }
}
const code = only === undefined || EDITOR_CASES.includes(only) ? run("bench/perf/run.ts") : 0;
console.log(
  `\nnpm run bench: ${code || failed ? "failed" : "done"} in ${elapsed()} (load average ${load()})`,
);
process.exit(code || failed);
