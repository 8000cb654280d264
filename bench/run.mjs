// `npm run bench`: the full-validation bench (bench/validate.ts, when present), then the editor
// frame-time bench (bench/perf/run.ts), which writes its section of docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (file) => {
  console.log(`\n> npx tsx ${file}`);
  const r = spawnSync("npx", ["tsx", file], { cwd: root, stdio: "inherit" });
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
process.exit(code || failed);
