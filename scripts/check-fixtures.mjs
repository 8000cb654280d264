#!/usr/bin/env node
/**
 * The rule fixtures, judged through the real CLI (docs/rules.md, "Fixtures").
 *
 *   node scripts/check-fixtures.mjs [DIR] [-- COMMAND...]
 *
 * DIR (default tests/fixtures/rules) holds documents and an expected.json that says, for each
 * document, what `validate --json` must answer: its exit status, the exact set of rule ids with a
 * node each must name, document-error paths (exit 2), problems that must be absent and quick fixes
 * that must be offered. An optional fix-cases.json names documents to run through
 * `--fix-dry-run`: the fixed document must no longer report the listed rules and must exit as said.
 * COMMAND (default: this repository's CLI, `validate --json`) is run with the document's path
 * appended. Prints one line per case and closes with `N passed, M failed`; exits 1 on any failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const dashes = argv.indexOf("--");
const positional = dashes < 0 ? argv : argv.slice(0, dashes);
const folder = resolve(positional[0] ?? join(root, "tests/fixtures/rules"));
const validateCmd =
  dashes < 0
    ? [process.execPath, join(root, "bin/stackdraw.mjs"), "validate", "--json"]
    : argv.slice(dashes + 1);
// The fixing command is the validating one with its output format swapped for --fix-dry-run.
const fixCmd = [];
for (let i = 0; i < validateCmd.length; i++) {
  if (validateCmd[i] === "--json") continue;
  if (validateCmd[i] === "--format") {
    i++;
    continue;
  }
  fixCmd.push(validateCmd[i]);
}
fixCmd.push("--fix-dry-run");

const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
const expected = readJson(join(folder, "expected.json"));
const fixCasesPath = join(folder, "fix-cases.json");
const fixCases = existsSync(fixCasesPath) ? readJson(fixCasesPath) : {};

const exec = (cmd, file) =>
  spawnSync(cmd[0], [...cmd.slice(1), file], { encoding: "utf8", timeout: 60_000, cwd: root });
const short = (s) => String(s ?? "").slice(0, 300);
const asJson = (s) => {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
};

/** Why a validation result does not meet its expectation, or null when it does. */
function verdict(result, want) {
  if (result.error) return `the command did not run: ${result.error.message}`;
  if (result.status !== want.exit)
    return `exit ${result.status} (wanted ${want.exit}): ${short(result.stderr)}`;
  const out = asJson(result.stdout);
  if (out === undefined) return `output is not JSON: ${short(result.stdout)}`;
  if (want.exit === 2) {
    const paths = (out.documentErrors ?? []).map((e) => String(e.path));
    if (paths.length === 0) return "no document errors reported";
    const wanted = want.paths ?? [];
    if (wanted.length > 0 && !paths.some((p) => wanted.some((w) => p.includes(w))))
      return `document error paths ${JSON.stringify(paths)} contain none of ${JSON.stringify(wanted)}`;
    return null;
  }
  const problems = out.problems ?? [];
  const names = (rule, node) => problems.some((p) => p.rule === rule && (p.nodeIds ?? []).includes(node));
  const reported = new Set(problems.map((p) => p.rule));
  const wantedRules = new Set((want.problems ?? []).map(([rule]) => rule));
  const extra = [...reported].filter((r) => !wantedRules.has(r));
  const missing = [...wantedRules].filter((r) => !reported.has(r));
  if (extra.length || missing.length)
    return `rule ids differ: extra ${JSON.stringify(extra)}, missing ${JSON.stringify(missing)}`;
  for (const [rule, node] of want.problems ?? [])
    if (!names(rule, node)) return `no ${rule} problem names node ${node}`;
  for (const [rule, node] of want.absent ?? [])
    if (names(rule, node)) return `a ${rule} problem names node ${node}, which must not be reported`;
  for (const [rule, fix] of want.fixes ?? [])
    if (!problems.some((p) => p.rule === rule && (p.fixes ?? []).some((f) => f.id === fix)))
      return `no ${rule} problem offers the fix ${fix}`;
  return null;
}

/** Why fixing a document does not leave what fix-cases.json says, or null. */
function fixVerdict(name, want, scratch) {
  const fixed = exec(fixCmd, join(folder, name));
  if (fixed.error) return `--fix-dry-run did not run: ${fixed.error.message}`;
  if (fixed.status === 2 || asJson(fixed.stdout) === undefined)
    return `--fix-dry-run gave no document (exit ${fixed.status}): ${short(fixed.stderr || fixed.stdout)}`;
  const file = join(scratch, name);
  writeFileSync(file, fixed.stdout);
  const again = exec(validateCmd, file);
  if (again.status !== want.exit) return `after the fixes: exit ${again.status} (wanted ${want.exit})`;
  const left = new Set((asJson(again.stdout)?.problems ?? []).map((p) => p.rule));
  const stayed = (want.gone ?? []).filter((r) => left.has(r));
  return stayed.length ? `still reported after the fixes: ${JSON.stringify(stayed)}` : null;
}

let passed = 0;
let failed = 0;
const report = (label, why) => {
  if (why === null) {
    passed++;
    console.log(`ok   ${label}`);
  } else {
    failed++;
    console.log(`FAIL ${label}: ${why}`);
  }
};

for (const [name, want] of Object.entries(expected))
  report(name, verdict(exec(validateCmd, join(folder, name)), want));
if (Object.keys(fixCases).length > 0) {
  const scratch = mkdtempSync(join(tmpdir(), "stackdraw-fixtures-"));
  try {
    for (const [name, want] of Object.entries(fixCases))
      report(`${name} --fix`, fixVerdict(name, want, scratch));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
