// @vitest-environment node
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { StackDocument } from "../../../src/domain/document.ts";
import { readDocument } from "../../../src/io/read.ts";
import { writeDocument } from "../../../src/io/write.ts";
import { buildCommonMistakes } from "../../../src/templates/common-mistakes.ts";
import { run, scratchDir } from "./harness.ts";

const { file } = scratchDir("stackdraw-fix-");

interface JsonProblem {
  rule: string;
  nodeIds: string[];
  fixes: { id: string }[];
}
const key = (p: JsonProblem) => `${p.rule} ${p.nodeIds[0]}`;
const read = (text: string): StackDocument => {
  const r = readDocument(text);
  if (!r.ok) throw new Error(`not a document: ${JSON.stringify(r.errors)}`);
  return r.document;
};

describe("validate --fix", () => {
  it("fixes the common-mistakes template in place, leaving only the problems that have no fix", async () => {
    const original = writeDocument(buildCommonMistakes("en"));
    const path = file("mistakes.stackdraw.json", original);
    const before = JSON.parse((await run("validate", "--json", path)).out) as { problems: JsonProblem[] };
    const unfixable = before.problems
      .filter((p) => p.fixes.length === 0)
      .map(key)
      .sort();
    expect(before.problems.some((p) => p.fixes.length > 0)).toBe(true);

    const r = await run("validate", "--fix", "--json", path);
    const after = JSON.parse(r.out) as {
      problems: JsonProblem[];
      fixed: { rule: string; fixId: string; nodeId: string }[];
    };
    expect(after.problems.map(key).sort()).toEqual(unfixable);
    expect(r.code).toBe(
      after.problems.some((p) => (p as { severity?: string }).severity === "error") ? 1 : 0,
    );
    expect(after.fixed.length).toBeGreaterThan(0);

    // Written as Save writes it, and it opens with the reader.
    const written = readFileSync(path, "utf8");
    expect(written).not.toBe(original);
    const fixedDoc = read(written);
    expect(written).toBe(writeDocument(fixedDoc));
    // Same nodes but for the fixes: every node is still there, and each node no applied fix names
    // keeps its kind, parent, label and props.
    const was = read(original);
    const touched = new Set(after.fixed.map((f) => f.nodeId));
    const now = new Map(fixedDoc.nodes.map((n) => [n.id, n]));
    for (const n of was.nodes) {
      const m = now.get(n.id);
      expect(m, n.id).toBeDefined();
      if (!touched.has(n.id))
        expect({ kind: m!.kind, parentId: m!.parentId ?? null, label: m!.label, props: m!.props }).toEqual({
          kind: n.kind,
          parentId: n.parentId ?? null,
          label: n.label,
          props: n.props,
        });
    }
    expect(fixedDoc.edges).toEqual(was.edges);

    // Nothing is left to fix: a second --fix changes no byte.
    const again = await run("validate", "--fix", "--json", path);
    expect(JSON.parse(again.out).fixed).toEqual([]);
    expect(readFileSync(path, "utf8")).toBe(written);
  });

  it("writes a file back only when a fix applied, and then reports positions in the file as written", async () => {
    const minified = '{"format":"stackdraw","version":2,"nodes":[{"id":"h","kind":"physical-host"}]}';
    const untouched = file("clean.stackdraw.json", minified);
    const r0 = await run("validate", "--fix", untouched);
    expect(r0.code).toBe(0);
    expect(readFileSync(untouched, "utf8")).toBe(minified);

    const unused = file(
      "unused.stackdraw.json",
      JSON.stringify({
        format: "stackdraw",
        version: 2,
        nodes: [
          { id: "h", kind: "physical-host", suppress: { "vm/no-guest-os": "old" } },
          { id: "k", kind: "kernel", parentId: "h", props: { family: "linux" } },
          { id: "e", kind: "container-engine", parentId: "k" },
          { id: "c", kind: "container", parentId: "e" },
          { id: "inner", kind: "kernel", parentId: "c", props: { family: "linux" } },
        ],
      }),
    );
    const r = await run("validate", "--fix", "--format", "sarif", unused);
    expect(r.code).toBe(1); // container/own-kernel has no fix, and it is an error
    const written = readFileSync(unused, "utf8");
    expect(read(written).nodes[0]!.suppress).toBeUndefined();
    const results = JSON.parse(r.out).runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { region: { startLine: number } } }[];
    }[];
    expect(results.map((x) => x.ruleId)).toEqual(["container/own-kernel"]);
    // The writer puts a node's "{" on a line of its own, and its id on the next.
    const lines = written.split("\n");
    const start = results[0]!.locations[0]!.physicalLocation.region.startLine;
    expect(lines[start - 1]!.trim()).toBe("{");
    expect(lines[start]).toContain('"id": "inner"');
    const text = await run(
      "validate",
      "--fix",
      file(
        "unused2.stackdraw.json",
        '{"format":"stackdraw","version":2,"nodes":[{"id":"h","kind":"physical-host","suppress":{"vm/no-guest-os":"old"}}]}',
      ),
    );
    expect(text.out).toContain("fixed document/unused-suppression [h] remove-suppression");
  });

  it("--fix-dry-run prints the fixed document, changes no file, and exits as validate would on it", async () => {
    const original = writeDocument(buildCommonMistakes("ko"));
    const path = file("dry.stackdraw.json", original);
    const dry = await run("validate", "--fix-dry-run", path);
    expect(readFileSync(path, "utf8")).toBe(original);
    const fixedPath = file("dry-fixed.stackdraw.json", dry.out);
    expect(dry.out).toBe(writeDocument(read(dry.out)));
    const check = await run("validate", fixedPath);
    expect(dry.code).toBe(check.code);
    // The same document --fix would write.
    const inPlace = file("in-place.stackdraw.json", original);
    await run("validate", "--fix", inPlace);
    expect(readFileSync(inPlace, "utf8")).toBe(dry.out);
  });

  it("leaves an invalid document alone and refuses bad combinations", async () => {
    const bad = file(
      "bad.stackdraw.json",
      '{"format":"stackdraw","version":2,"nodes":[{"id":"a","kind":"nope"}]}',
    );
    const before = readFileSync(bad, "utf8");
    const r = await run("validate", "--fix", bad);
    expect(r.code).toBe(2);
    expect(readFileSync(bad, "utf8")).toBe(before);
    const dry = await run("validate", "--fix-dry-run", bad);
    expect(dry.code).toBe(2);
    expect(dry.out).toBe("");
    const ok = file("ok.stackdraw.json", writeDocument(buildCommonMistakes("en")));
    expect((await run("validate", "--fix", "--fix-dry-run", ok)).code).toBe(2);
    expect((await run("validate", "--fix-dry-run", ok, ok)).code).toBe(2);
    expect((await run("validate", "--fix-dry-run", "--json", ok)).code).toBe(2);
  });
});
