#!/usr/bin/env node
// Runs the real-browser suite on Debian's Chromium. Without a Chromium it says so loudly; under
// CI=true that is a failure, elsewhere the rest of `npm test` still counts.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const bar = "!".repeat(78);
  console.error(
    `\n${bar}\n!! The browser suite did NOT run: no Chromium at ${chromium}.\n!! Install it with: apt-get install -y chromium   (never 'playwright install')\n${bar}\n`,
  );
  process.exit(process.env.CI === "true" ? 1 : 0);
}

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
// STACKDRAW_E2E_DIST and STACKDRAW_E2E_PORT let two checkouts' suites run side by side.
const outDir = process.env.STACKDRAW_E2E_DIST ?? "dist";
run("npx", ["vite", "build", "--logLevel", "warn", "--outDir", outDir, "--emptyOutDir"]);
run("npx", ["playwright", "test", ...process.argv.slice(2)]);
