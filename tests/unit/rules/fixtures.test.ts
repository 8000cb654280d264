/**
 * Every rule fixture (tests/fixtures/rules) through the real reader (which migrates version-1
 * documents) → validate, judged as scripts/check-fixtures.mjs judges the CLI: the exit status, the
 * exact set of rule ids that count (suppressed problems are listed apart), each expected
 * [rule, node] pair named, no `absent` pair named, every `fixes` pair offered — and each document
 * of fix-cases.json through fixAll (what `--fix` does), with the rules it names gone and the exit
 * status it gives. Invalid documents (exit 2) must be refused at one of the expected paths.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { StackDocument } from "../../../src/domain/document.ts";
import { countProblems, fixAll, validate, type Problem } from "../../../src/domain/rules/index.ts";
import { readDocument } from "../../../src/io/read.ts";

const dir = path.resolve(__dirname, "../../fixtures/rules");
interface Want {
  exit: number;
  problems: [string, string][];
  paths: string[];
  absent?: [string, string][];
  fixes?: [string, string][];
}
const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as Record<string, Want>;
const fixCases = JSON.parse(readFileSync(path.join(dir, "fix-cases.json"), "utf8")) as Record<
  string,
  { gone: string[]; exit: number }
>;

function read(file: string): StackDocument {
  const r = readDocument(readFileSync(path.join(dir, file)));
  if (!r.ok) throw new Error(`${file}: ${r.errors.map((e) => `${e.code} at ${e.path}`).join("; ")}`);
  return r.document;
}

const counted = (problems: readonly Problem[]) => problems.filter((p) => p.suppressed === undefined);
const exitOf = (problems: readonly Problem[]) => (countProblems(problems).errors > 0 ? 1 : 0);

describe("rule fixtures", () => {
  it("are all listed in expected.json, and fix-cases.json names only listed documents", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".stackdraw.json"));
    expect(files.length).toBe(Object.keys(expected).length);
    for (const f of files) expect(expected).toHaveProperty([f]);
    for (const f of Object.keys(fixCases)) expect(files).toContain(f);
  });

  it.each(Object.entries(expected))("%s", (file, want) => {
    if (want.exit === 2) {
      const r = readDocument(readFileSync(path.join(dir, file)));
      expect(r.ok).toBe(false);
      if (!r.ok && want.paths.length > 0)
        expect(r.errors.some((e) => want.paths.some((w) => e.path.includes(w)))).toBe(true);
      return;
    }
    const all = validate(read(file));
    const problems = counted(all);
    expect([...new Set(problems.map((p) => p.rule))].sort()).toEqual(
      [...new Set(want.problems.map(([r]) => r))].sort(),
    );
    for (const [rule, node] of want.problems)
      expect(
        problems.some((p) => p.rule === rule && p.nodeIds.includes(node)),
        `${rule} naming ${node}`,
      ).toBe(true);
    for (const [rule, node] of want.absent ?? [])
      expect(
        problems.some((p) => p.rule === rule && p.nodeIds.includes(node)),
        `no ${rule} naming ${node}`,
      ).toBe(false);
    for (const [rule, fix] of want.fixes ?? [])
      expect(
        problems.some((p) => p.rule === rule && p.fixes.some((f) => f.id === fix)),
        `${rule} offering ${fix}`,
      ).toBe(true);
    expect(exitOf(all)).toBe(want.exit);
  });

  it.each(Object.entries(fixCases))("%s, fixed", (file, want) => {
    const before = read(file);
    const { doc, applied } = fixAll(before);
    expect(applied.length).toBeGreaterThan(0);
    // The fixed document is a document the reader takes back, as the CLI's --fix writes it.
    const again = readDocument(new TextEncoder().encode(JSON.stringify(doc)));
    expect(again.ok, again.ok ? "" : JSON.stringify(again.errors)).toBe(true);
    const after = validate(doc);
    const left = new Set<string>(counted(after).map((p) => p.rule));
    for (const rule of want.gone) expect(left.has(rule), `${rule} still reported`).toBe(false);
    expect(exitOf(after)).toBe(want.exit);
    expect(countProblems(after).errors).toBeLessThanOrEqual(countProblems(validate(before)).errors);
  });
});
