/**
 * Every shared fixture (tests/fixtures/rules) through JSON.parse → validate, judged as
 * scripts/check-fixtures.mjs judges the CLI: the exact set of rule ids, each expected
 * [rule, node] pair named, and the exit status errors would give. Invalid documents (exit 2) are
 * the reader's business and are left out here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { StackDocument } from "../../../src/domain/document.ts";
import { countProblems, validate } from "../../../src/domain/rules/index.ts";

const dir = path.resolve(__dirname, "../../fixtures/rules");
const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as Record<
  string,
  { exit: number; problems: [string, string][] }
>;
const cases = Object.entries(expected).filter(([, want]) => want.exit !== 2);

describe("shared rule fixtures", () => {
  it("are all listed in expected.json", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".stackdraw.json"));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(expected).toHaveProperty([f]);
  });

  it.each(cases)("%s", (file, want) => {
    const raw = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as StackDocument;
    const doc: StackDocument = { ...raw, edges: raw.edges ?? [] };
    const problems = validate(doc);
    expect([...new Set(problems.map((p) => p.rule))].sort()).toEqual(
      [...new Set(want.problems.map(([r]) => r))].sort(),
    );
    for (const [rule, node] of want.problems)
      expect(
        problems.some((p) => p.rule === rule && p.nodeIds.includes(node)),
        `${rule} naming ${node}`,
      ).toBe(true);
    expect(countProblems(problems).errors > 0 ? 1 : 0).toBe(want.exit);
  });
});
