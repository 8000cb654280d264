import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importCompose } from "../../../src/io/compose.ts";
import { FIXTURES } from "./helpers.ts";
import { ioMessage } from "../../../src/io/errors/format.ts";

interface Expected {
  message: string;
  line: number;
  column?: number;
  path?: string;
}

const dir = join(FIXTURES, "bad");
const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Record<string, Expected>;

describe("bad compose fixtures (tests/fixtures/compose/bad/expected.json)", () => {
  it("every fixture has an expectation and every expectation a fixture", () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".yml"))
      .sort();
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it.each(Object.entries(expected))("%s", (file, want) => {
    const r = importCompose(readFileSync(join(dir, file), "utf8"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const first = r.errors[0]!;
    expect(ioMessage(first, "en")).toContain(want.message);
    expect(ioMessage(first, "ko").length).toBeGreaterThan(0);
    expect(first.line).toBe(want.line);
    if (want.column !== undefined) expect(first.column).toBe(want.column);
    if (want.path !== undefined) expect(first.path).toBe(want.path);
  });

  it("tags are never executed: the !!js/function and !!python/object payloads leave no trace", () => {
    const before = (globalThis as Record<string, unknown>).pwned;
    importCompose(readFileSync(join(dir, "js-function.yml"), "utf8"));
    importCompose(readFileSync(join(dir, "python-object.yml"), "utf8"));
    expect((globalThis as Record<string, unknown>).pwned).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
