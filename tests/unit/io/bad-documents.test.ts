/**
 * The bad input of docs/reliability.md ("JSON"), one committed file each, with the
 * outcome each must have in tests/fixtures/documents/bad/expected.json; plus the bad documents
 * of the shared rules fixtures. Files are read as bytes, the way the CLI and a file picker do.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { readDocument, type ReadResult } from "../../../src/io/read.ts";
import { writeDocument } from "../../../src/io/write.ts";
import { ioMessage } from "../../../src/io/errors/format.ts";

const BAD_DIR = path.resolve(__dirname, "../../fixtures/documents/bad");
const SHARED_RULES = path.resolve(__dirname, "../../fixtures/rules");

type Expected = { ok: true } | { ok: false; stage: string; path: string; message: string };
const table = JSON.parse(readFileSync(path.join(BAD_DIR, "expected.json"), "utf8")) as Record<
  string,
  Expected
>;

function readFixture(name: string): ReadResult {
  return readDocument(new Uint8Array(readFileSync(path.join(BAD_DIR, name))));
}

describe("bad-input fixtures (tests/fixtures/documents/bad)", () => {
  it("has an expected outcome for every file and a file for every expectation", () => {
    const files = readdirSync(BAD_DIR)
      .filter((f) => f !== "expected.json")
      .sort();
    expect(Object.keys(table).sort()).toEqual(files);
  });

  for (const [name, want] of Object.entries(table)) {
    it(`${name}: ${want.ok ? "loads" : `refused at ${want.stage}, ${want.path}`}`, () => {
      const r = readFixture(name);
      if (want.ok) {
        expect(r.ok ? "ok" : r.errors).toBe("ok");
        if (!r.ok) return;
        // Every loadable fixture survives a save and re-open unchanged.
        const again = readDocument(writeDocument(r.document));
        expect(again).toEqual({ ok: true, document: r.document });
        return;
      }
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.stage).toBe(want.stage);
      const hit = r.errors.find(
        (e) => e.path.includes(want.path) && ioMessage(e, "en").includes(want.message),
      );
      expect(hit, JSON.stringify(r.errors, null, 1)).toBeDefined();
      for (const e of r.errors) expect(ioMessage(e, "ko").length).toBeGreaterThan(0);
    });
  }
});

describe("shared rules fixtures: bad documents", () => {
  const expected = JSON.parse(readFileSync(path.join(SHARED_RULES, "expected.json"), "utf8")) as Record<
    string,
    { exit: number; paths: string[] }
  >;
  const files = readdirSync(SHARED_RULES).filter((f) => f.endsWith(".stackdraw.json"));

  it("finds the shared fixtures", () => {
    expect(files.filter((f) => f.startsWith("bad-")).length).toBeGreaterThanOrEqual(6);
  });

  for (const file of files) {
    const want = expected[file];
    it(`${file}: ${want?.exit === 2 ? `refused with ${want.paths.join(" or ")}` : "loads"}`, () => {
      expect(want).toBeDefined();
      const r = readDocument(new Uint8Array(readFileSync(path.join(SHARED_RULES, file))));
      if (want!.exit !== 2) {
        expect(r.ok ? "ok" : r.errors).toBe("ok");
        return;
      }
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const paths = r.errors.map((e) => e.path);
      expect(
        paths.some((p) => want!.paths.some((w) => p.includes(w))),
        paths.join(", "),
      ).toBe(true);
    });
  }
});
