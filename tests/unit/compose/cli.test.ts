import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, scratchDir } from "../cli/harness.ts";
import { readDocument } from "../../../src/io/read.ts";
import { FIXTURES } from "./helpers.ts";

const { dir, file } = scratchDir("stackdraw-compose-cli-");

describe("stackdraw import compose", () => {
  it("prints the document JSON on stdout and exits 0", async () => {
    const r = await run("import", "compose", join(FIXTURES, "web-db-cache.yml"));
    expect(r.code).toBe(0);
    // Everything drawn: nothing to warn about.
    expect(r.err).toBe("");
    const read = readDocument(r.out);
    expect(read.ok).toBe(true);
    if (read.ok)
      expect(read.document.nodes.filter((n) => n.kind === "container").map((n) => n.label)).toEqual([
        "web",
        "app",
        "db",
        "cache",
      ]);
    if (read.ok)
      expect(read.document.nodes.filter((n) => n.kind === "volume").map((n) => n.label)).toEqual(["db-data"]);
  });

  it("exits 2 with FILE:line:column and the key path on stderr for a bad file, and prints nothing on stdout", async () => {
    const bad = join(FIXTURES, "bad", "port-out-of-range.yml");
    const r = await run("import", "compose", bad);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`${bad}:6:9: services.web.ports[1]: host port 70000 is out of range`);
  });

  it("names line:column for YAML syntax errors, in Korean with --lang ko", async () => {
    const tabs = join(FIXTURES, "bad", "tabs.yml");
    const r = await run("import", "compose", "--lang", "ko", tabs);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${tabs}:3:1: `);
    expect(r.err).toContain("탭");
  });

  it("prints warnings on stderr but still imports", async () => {
    const r = await run("import", "compose", file("empty-service.yml", "services:\n  a:\n"));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/empty-service\.yml:2:3: warning: services\.a: /);
    expect(readDocument(r.out).ok).toBe(true);
  });

  it("in Korean, labels warnings and says why bytes that are not UTF-8 cannot be read", async () => {
    const warned = await run("import", "compose", "--lang", "ko", file("empty-ko.yml", "services:\n  a:\n"));
    expect(warned.code).toBe(0);
    expect(warned.err).toMatch(/empty-ko\.yml:2:3: 경고: services\.a: 서비스가 비어 있습니다/);
    // One rule for bytes that are not UTF-8, as the reader's: refused, naming the byte offset.
    const binary = file("binary-ko.yml", new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x00, 0x80]));
    const en = await run("import", "compose", binary);
    expect(en.err).toBe(`${binary}: the file is not text: the byte at offset 3 is not UTF-8\n`);
    const ko = await run("import", "compose", "--lang", "ko", binary);
    expect(ko.err).toBe(`${binary}: 텍스트 파일이 아닙니다: 오프셋 3의 바이트가 UTF-8이 아닙니다\n`);
  });

  it("exits 2 for a missing file, bytes that are not UTF-8, an unknown format and missing arguments", async () => {
    expect((await run("import", "compose", join(dir, "nope.yml"))).err).toContain("ENOENT");
    const binary = await run(
      "import",
      "compose",
      file("binary.yml", new Uint8Array([0xff, 0xfe, 0x00, 0x80])),
    );
    expect(binary.code).toBe(2);
    expect((await run("import", "helm", "x")).code).toBe(2);
    expect((await run("import", "compose")).err).toContain("no FILE given");
    // Several files are merged (-f a -f b); each must be readable.
    expect((await run("import", "compose", "a.yml", "b.yml")).code).toBe(2);
    expect((await run("import", "compose", "-f")).err).toContain("-f takes a FILE");
    expect((await run("import", "compose", "--nope", "a.yml")).err).toContain("unknown option");
  });

  it("lists import compose in the usage text", async () => {
    expect((await run("help")).out).toContain("import compose");
  });
});
