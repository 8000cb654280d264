// `npm run bench`: the full-validation bench (bench/validate.ts, which writes its table into
// docs/benchmarks.md), then the editor bench (bench/perf/run.ts: frame times, load, heap, edits,
// initial JS, PNG export), which writes its section of docs/benchmarks.md.
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
    env: { ...process.env, BENCH_COMMAND: "npm run bench" },
  });
  return r.status ?? 1;
};

let failed = 0;
if (existsSync(new URL("./validate.ts", import.meta.url))) {
  const code = run("bench/validate.ts");
  if (code !== 0) {
    console.error(`bench/validate.ts exited with ${code}`);
    failed = code;
  }
}
const code = run("bench/perf/run.ts");
console.log(
  `\nnpm run bench: ${code || failed ? "failed" : "done"} in ${elapsed()} (load average ${load()})`,
);
process.exit(code || failed);
