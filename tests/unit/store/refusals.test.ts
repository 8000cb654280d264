/**
 * The refusal fixtures (tests/fixtures/refusals, expected.json): every hostile or careless input is
 * refused with the same place and the same words by the CLI and by the editor (Open, Import ▸
 * Docker Compose, a share link), and the editor's document stays as it was. Inputs too big to keep
 * as files (20,001 nodes, 10,001 and 100,000 edges, a 1 GB sparse file, /dev/zero) are made here.
 */
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { createEditorStore } from "../../../src/store/editor.ts";
import {
  importComposeFile,
  openDocumentBytes,
  openRepaired,
  openShareFragment,
} from "../../../src/store/file-actions.ts";
import { shareFragment } from "../../../src/browser/share.ts";
import { run, scratchDir } from "../cli/harness.ts";

const DIR = path.resolve(__dirname, "../../fixtures/refusals");
const EXPECTED = JSON.parse(readFileSync(path.join(DIR, "expected.json"), "utf8")) as Record<
  string,
  { where: string; en: string }
>;
const files = readdirSync(DIR).filter((f) => f !== "expected.json");

const before = () =>
  createEditorStore({
    format: "stackdraw",
    version: 2,
    nodes: [
      { id: "kept", kind: "physical-host", position: { x: 0, y: 0 }, size: { width: 200, height: 100 } },
    ],
    edges: [],
  });

const scratch = scratchDir("stackdraw-refusals-");
const big = {
  "nodes-20001.stackdraw.json": {
    text: JSON.stringify({
      format: "stackdraw",
      version: 2,
      nodes: Array.from({ length: 20_001 }, (_, i) => ({ id: `n${i}`, kind: "physical-host" })),
    }),
    where: "nodes",
    en: "the document has 20,001 nodes; Stackdraw opens documents of up to 20,000 nodes",
  },
  ...Object.fromEntries(
    [10_001, 100_000].map((n) => [
      `edges-${n}.stackdraw.json`,
      {
        text: JSON.stringify({
          format: "stackdraw",
          version: 2,
          nodes: Array.from({ length: 100 }, (_, i) => ({ id: `n${i}`, kind: "physical-host" })),
          edges: Array.from({ length: n }, (_, i) => ({
            id: `e${i}`,
            kind: "network",
            source: `n${i % 100}`,
            target: `n${(i + 1) % 100}`,
          })),
        }),
        where: "edges",
        en: `the document has ${n.toLocaleString("en-US")} connections; Stackdraw opens documents of up to 10,000 connections`,
      },
    ]),
  ),
};

describe("refusal fixtures", () => {
  it("every fixture has its expected message, and every expectation its fixture", () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)("%s: the CLI says where and why", async (f) => {
    const { where, en } = EXPECTED[f]!;
    const file = path.join(DIR, f);
    if (f.endsWith(".yml")) {
      const r = await run("import", "compose", file);
      expect(r.code).toBe(2);
      expect(r.err).toContain(where === "$" ? `${file}: ${en}` : `${file}:${where}: ${en}`);
    } else {
      const r = await run("validate", file);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`  ${where}: ${en}\n`);
    }
  });

  it.each(files)("%s: the editor refuses it with the same place and words, changing nothing", async (f) => {
    const { where, en } = EXPECTED[f]!;
    const bytes = new Uint8Array(readFileSync(path.join(DIR, f)));
    const store = before();
    const doc = store.getState().doc;
    const ok = f.endsWith(".yml")
      ? await importComposeFile(store, new File([bytes], f))
      : await openDocumentBytes(store, bytes, f);
    expect(ok).toBe(false);
    expect(store.getState().fileError?.problems[0]).toMatchObject({ where, message: { en } });
    expect(store.getState().fileError?.problems[0]!.message.ko).toMatch(/[가-힣]/);
    expect(store.getState().doc).toBe(doc);
  });

  it.each(Object.entries(big))("%s (generated): refused by the CLI and the editor alike", async (name, c) => {
    const file = scratch.file(name, c.text);
    const cli = await run("validate", file);
    expect(cli.code).toBe(2);
    expect(cli.err).toContain(`  ${c.where}: ${c.en}\n`);
    const store = before();
    const doc = store.getState().doc;
    expect(await openDocumentBytes(store, new TextEncoder().encode(c.text), name)).toBe(false);
    expect(store.getState().fileError?.problems[0]).toMatchObject({ where: c.where, message: { en: c.en } });
    expect(store.getState().doc).toBe(doc);
  });

  it("a share link is refused with the reader's real reason, not 'cut short'", async () => {
    const cases: [string, RegExp][] = [
      [
        '{"format":"stackdraw","version":99,"nodes":[]}',
        /saved by a newer Stackdraw \(document version 99\)/,
      ],
      [big["nodes-20001.stackdraw.json"].text, /20,001 nodes/],
      [
        readFileSync(path.join(DIR, "depth-65.stackdraw.json"), "utf8"),
        /nested 65 levels deep; the limit is 64/,
      ],
    ];
    for (const [text, reason] of cases) {
      const store = before();
      const doc = store.getState().doc;
      const fragment = await shareFragment(text);
      expect(await openShareFragment(store, fragment, () => true)).toBe(false);
      const notice = store.getState().notice!;
      expect(notice.text.en).toMatch(/^The diagram in this link was not opened: /);
      expect(notice.text.en).toMatch(reason);
      expect(notice.text.en).not.toMatch(/cut short/);
      expect(notice.text.ko).toMatch(/이 링크의 다이어그램을 열지 않았습니다/);
      expect(store.getState().doc).toBe(doc);
    }
  });

  it("the CLI refuses a 1 GB file by its size before reading it, and a device without reading forever", async () => {
    const sparse = scratch.path("sparse.stackdraw.json");
    const fd = openSync(sparse, "w");
    ftruncateSync(fd, 1024 ** 3);
    closeSync(fd);
    const r = await run("validate", sparse);
    expect(r.code).toBe(2);
    expect(r.err).toContain("the file is larger than 10 MB (at least 1024.0 MB)");
    const compose = await run("import", "compose", sparse);
    expect(compose.code).toBe(2);
    if (existsSync("/dev/zero")) {
      const zero = await run("validate", "/dev/zero");
      expect(zero.code).toBe(2);
      expect(zero.err).toBe("/dev/zero: cannot read it: it is a device, not a regular file\n");
      const ko = await run("render", "--lang", "ko", "/dev/zero", "-o", scratch.path("z.png"));
      expect(ko.err).toContain("일반 파일이 아니라 장치입니다");
    }
    const dir = await run("validate", scratch.dir);
    expect(dir.err).toContain("it is a directory, not a regular file");
  });

  it("the CLI caps a PNG as the app does (8,192 px a side, 16 Mpx), dropping the density", async () => {
    const file = scratch.file("wide.stackdraw.json", {
      format: "stackdraw",
      version: 2,
      nodes: [
        { id: "h", kind: "physical-host", position: { x: 0, y: 0 }, size: { width: 6_000, height: 2_000 } },
      ],
    });
    const out = scratch.path("wide.png");
    const r = await run("render", file, "-o", out, "--scale", "16");
    expect(r.code).toBe(0);
    const png = readFileSync(out);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeLessThanOrEqual(8_192);
    expect(height).toBeLessThanOrEqual(8_192);
    expect(width * height).toBeLessThanOrEqual(16_000_000 * 1.01);
    expect(width * height).toBeGreaterThan(15_000_000);
  });

  it("a file refused only for a limit opens repaired, with a report, as one undo step", async () => {
    for (const [f, report] of [
      ["label-1001.stackdraw.json", /1 labels or texts cut to their limit/],
      ["notes-10001.stackdraw.json", /1 labels or texts cut to their limit/],
      ["depth-65.stackdraw.json", /1 nodes nested deeper than 64 levels lifted to level 64/],
    ] as const) {
      const bytes = new Uint8Array(readFileSync(path.join(DIR, f)));
      const store = before();
      const doc = store.getState().doc;
      expect(await openDocumentBytes(store, bytes, f)).toBe(false);
      const refused = store.getState().fileError!;
      expect(refused.repair).toBeTypeOf("function");
      const opening = openRepaired(store, bytes, f);
      // The canvas has work: Open asks where it goes (tests/unit/store/import-questions.test.ts).
      await vi.waitFor(() => expect(store.getState().question?.kind).toBe("where"), { timeout: 15_000 });
      const q = store.getState().question!;
      if (q.kind === "where") q.answer("replace");
      expect(await opening).toBe(true);
      expect(store.getState().fileError).toBeNull();
      expect(store.getState().notice?.text.en).toMatch(report);
      expect(store.getState().notice?.text.ko).toMatch(/고쳐서 열었습니다/);
      expect(store.getState().doc).not.toBe(doc);
      store.getState().undo();
      expect(store.getState().doc).toBe(doc);
    }
    // Refused for anything else: no repair is offered.
    for (const f of ["duplicate-version.stackdraw.json", "newer-version.stackdraw.json"]) {
      const store = before();
      await openDocumentBytes(store, new Uint8Array(readFileSync(path.join(DIR, f))), f);
      expect(store.getState().fileError!.repair).toBeUndefined();
    }
  });

  it("an import never makes what Open would refuse: a 3,000-character image is cut to the limit", async () => {
    const file = scratch.file("long-image.yml", `services:\n  web:\n    image: ${"i".repeat(3_000)}\n`);
    const r = await run("import", "compose", file);
    expect(r.code).toBe(0);
    const out = scratch.file("long-image.stackdraw.json", r.out);
    expect((await run("validate", out)).code).not.toBe(2);
  });
});
