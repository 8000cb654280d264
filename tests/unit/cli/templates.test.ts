// @vitest-environment node
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../src/io/read.ts";
import { writeDocument } from "../../../src/io/write.ts";
import { openTemplate } from "../../../src/store/actions.ts";
import { createEditorStore } from "../../../src/store/editor.ts";
import { TEMPLATES } from "../../../src/templates/index.ts";
import { run } from "./harness.ts";

describe("stackdraw templates", () => {
  it("lists the id and title of every built-in template, in both languages", async () => {
    for (const lang of ["en", "ko"] as const) {
      const r = await run("templates", "--lang", lang);
      expect(r.code).toBe(0);
      const lines = r.out.trimEnd().split("\n");
      expect(lines).toHaveLength(TEMPLATES.length);
      lines.forEach((line, i) => {
        const [id, ...title] = line.split(/\s{2,}/);
        expect(id).toBe(TEMPLATES[i]!.id);
        expect(title.join("  ")).toBe(TEMPLATES[i]!.name[lang]);
      });
    }
    expect((await run("templates", "extra")).code).toBe(2);
  });
});

describe("stackdraw template ID", () => {
  it("prints each template's document laid out, exactly as the gallery opens it, in both languages", async () => {
    for (const lang of ["en", "ko"] as const)
      for (const tpl of TEMPLATES) {
        const r = await run("template", tpl.id, "--lang", lang);
        expect(r.code).toBe(0);
        const store = createEditorStore();
        store.getState().setLang(lang);
        openTemplate(store, tpl);
        expect(r.out).toBe(writeDocument(store.getState().doc));
        const read = readDocument(r.out);
        expect(read.ok).toBe(true);
        if (read.ok) for (const n of read.document.nodes) expect(n.position && n.size).toBeTruthy();
      }
  });

  it("refuses an unknown id with a clear message and exit 2, in the --lang language", async () => {
    const r = await run("template", "no-such-thing");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain('no built-in template has the id "no-such-thing"');
    expect(r.err).toContain("common-mistakes");
    const ko = await run("template", "no-such-thing", "--lang", "ko");
    expect(ko.err).toMatch(/기본 템플릿이 없습니다/);
    expect((await run("template")).code).toBe(2);
    expect((await run("template", "a", "b")).code).toBe(2);
  });
});
