/**
 * A label shown inside a sentence is bidi-isolated (U+2068 … U+2069) when it holds right-to-left
 * text or a bidi control, in the editor's messages and the CLI's text alike; plain labels are
 * left as they are.
 */
import { validate } from "../../../src/domain/rules/index.ts";
import { problemMessage } from "../../../src/domain/rules/messages.ts";
import { FSI, PDI, isolate, needsIsolation } from "../../../src/domain/bidi.ts";
import type { StackDocument } from "../../../src/domain/document.ts";
import { run, scratchDir } from "../cli/harness.ts";

const doc = (label: string): StackDocument => ({
  format: "stackdraw",
  version: 2,
  nodes: [
    { id: "host", kind: "physical-host" },
    { id: "linux", kind: "kernel", parentId: "host", props: { family: "linux", distro: "Ubuntu" } },
    { id: "docker", kind: "container-engine", parentId: "linux" },
    { id: "web", kind: "container", parentId: "docker", label, props: { image: "x", os: "windows" } },
  ],
  edges: [],
});

describe("bidi isolation of labels inside sentences", () => {
  it("isolates right-to-left text and bidi controls only", () => {
    expect(needsIsolation("web")).toBe(false);
    expect(needsIsolation("서버 😀")).toBe(false);
    expect(needsIsolation("\u202Eevil")).toBe(true);
    expect(needsIsolation("שרת")).toBe(true);
    expect(needsIsolation("خادم")).toBe(true);
    expect(isolate("web")).toBe("web");
    expect(isolate("\u202Eevil")).toBe(`${FSI}\u202Eevil${PDI}`);
  });

  it("in rule messages, in both languages", () => {
    for (const lang of ["en", "ko"] as const) {
      const d = doc("\u202Eweb");
      const p = validate(d).find((x) => x.nodeIds[0] === "web")!;
      const m = problemMessage(p, lang, d);
      expect(m).toContain(`${FSI}\u202Eweb${PDI}`);
      // Nothing after the label is inside the override.
      expect(m.indexOf(PDI)).toBeGreaterThan(m.indexOf("\u202E"));
      const plain = problemMessage(
        validate(doc("web")).find((x) => x.nodeIds[0] === "web")!,
        lang,
        doc("web"),
      );
      expect(plain).not.toContain(FSI);
    }
  });

  it("in the CLI's text output", async () => {
    const { file } = scratchDir("stackdraw-bidi-");
    const r = await run("validate", file("rtl.stackdraw.json", doc("\u202Eweb")));
    expect(r.out).toContain(`${FSI}\u202Eweb${PDI}`);
  });

  it("in the reader's messages that quote what they found", async () => {
    const { ioMessage } = await import("../../../src/io/errors/format.ts");
    const { readDocument } = await import("../../../src/io/read.ts");
    const r = readDocument(
      JSON.stringify({ format: "stackdraw", version: 2, nodes: [{ id: "a", kind: "\u202Eevil" }] }),
    );
    if (r.ok) throw new Error("read");
    expect(ioMessage(r.errors[0]!, "en")).toContain(`${FSI}"\u202Eevil"${PDI}`);
  });
});
