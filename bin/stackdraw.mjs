#!/usr/bin/env node
// The CLI runs the same TypeScript as the editor (src/domain, src/io) through tsx, so there is
// no separate build of it to go stale.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  // Text output dims suppressed problems only on a terminal, and never under NO_COLOR.
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
});
