// @vitest-environment node
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { RULE_IDS } from "../../../src/domain/rules/index.ts";
import { run, scratchDir } from "./harness.ts";

const require = createRequire(import.meta.url);
/** jsdom ships no types of its own: the one constructor used here. */
const { JSDOM } = require("jsdom") as {
  JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } };
};
/** The SARIF 2.1.0 JSON schema as Microsoft's SARIF SDK ships it (rtm.5, the final 2.1.0; draft-04). */
const SARIF_SCHEMA = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json") as object;
const ajv = new Ajv({ schemaId: "auto", allErrors: true });
ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json") as object);
const validSarif = ajv.compile(SARIF_SCHEMA);

function expectValidSarif(out: string) {
  const log = JSON.parse(out) as unknown;
  const ok = validSarif(log);
  expect(ok ? [] : validSarif.errors).toEqual([]);
  return log as SarifLog;
}

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region?: { startLine: number; startColumn: number };
    };
    logicalLocations?: { name: string; fullyQualifiedName?: string }[];
  }[];
  suppressions?: { kind: string; justification: string }[];
}
interface SarifLog {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: {
          id: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          defaultConfiguration: { level: string };
        }[];
      };
    };
    results: SarifResult[];
  }[];
}

const { dir, file } = scratchDir("stackdraw-formats-");

/**
 * Laid out by hand, so where each node's object starts is known: `web` starts on line 8 and
 * spans three lines, `vm` (which suppresses its warning) on line 12.
 */
const STACK = `{
  "format": "stackdraw",
  "version": 2,
  "nodes": [
    { "id": "host", "kind": "physical-host" },
    { "id": "linux", "kind": "kernel", "parentId": "host", "props": { "family": "linux" } },
    { "id": "docker", "kind": "container-engine", "parentId": "linux" },
      {
        "id": "web", "kind": "container", "parentId": "docker",
        "props": { "os": "windows" } },
    { "id": "hv", "kind": "hypervisor", "parentId": "host2" },
    {"id":"vm","kind":"vm","parentId":"hv","suppress":{"vm/no-guest-os":"imaged at boot by PXE"}},
    { "id": "host2", "kind": "physical-host" }
  ]
}
`;
const stack = file("stack.stackdraw.json", STACK);
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

const clean = file("clean.stackdraw.json", {
  format: "stackdraw",
  version: 2,
  nodes: [
    { id: "h", kind: "physical-host" },
    { id: "k", kind: "kernel", parentId: "h", props: { family: "linux" } },
  ],
});
const warnOnly = file("warn.stackdraw.json", {
  format: "stackdraw",
  version: 2,
  nodes: [
    { id: "h", kind: "physical-host" },
    { id: "hv", kind: "hypervisor", parentId: "h" },
    { id: "vm", kind: "vm", parentId: "hv", label: 'VM <"a" & b>\u0001\ud800' },
  ],
});
const suppressedOnly = file("suppressed.stackdraw.json", {
  format: "stackdraw",
  version: 2,
  nodes: [
    { id: "h", kind: "physical-host" },
    { id: "hv", kind: "hypervisor", parentId: "h" },
    { id: "vm", kind: "vm", parentId: "hv", suppress: { "vm/no-guest-os": "imaged at boot" } },
  ],
});
const DANGLING = `{
  "format": "stackdraw",
  "version": 2,
  "nodes": [
    { "id": "a", "kind": "physical-host" },
    { "id": "b", "kind": "vm",
      "parentId": "vm-9" }
  ]
}
`;
const dangling = file("dangling.stackdraw.json", DANGLING);
const notJson = file("broken.stackdraw.json", '{\n  "format": "stackdraw",\n  "nodes": [,]\n}\n');
const oddName = file("내 스택 #1.stackdraw.json", STACK);
const missing = join(dir, "nope.stackdraw.json");

describe("validate --format sarif", () => {
  it("is one SARIF 2.1.0 log, valid against the schema, for all files", async () => {
    const r = await run("validate", "--format", "sarif", stack, clean, dangling, notJson, missing, oddName);
    expect(r.code).toBe(2);
    const log = expectValidSarif(r.out);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const uris = new Set(
      log.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri),
    );
    expect(uris).toEqual(
      new Set([
        stack,
        dangling,
        notJson,
        missing,
        join(dir, "%EB%82%B4%20%EC%8A%A4%ED%83%9D%20%231.stackdraw.json"),
      ]),
    );
  });

  it("names the tool, its version and every rule with descriptions and default levels", async () => {
    const log = expectValidSarif((await run("validate", "--format=sarif", clean)).out);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe("stackdraw");
    expect(driver.version).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    expect(driver.rules.map((x) => x.id)).toEqual([...RULE_IDS, "document/invalid"]);
    const mismatch = driver.rules.find((x) => x.id === "container/kernel-mismatch")!;
    expect(mismatch.defaultConfiguration.level).toBe("error");
    expect(mismatch.shortDescription.text).toBe("Container OS differs from the host kernel");
    expect(mismatch.fullDescription.text).toContain("Study additions: containers vs virtualization");
    expect(driver.rules.find((x) => x.id === "vm/no-guest-os")!.defaultConfiguration.level).toBe("warning");
    expect(log.runs[0]!.results).toEqual([]);
  });

  it("puts each result at the line and column where its node's object starts", async () => {
    const log = expectValidSarif((await run("validate", "--format", "sarif", stack)).out);
    const results = log.runs[0]!.results;
    const web = results.find((x) => x.ruleId === "container/kernel-mismatch")!;
    expect(web.level).toBe("error");
    expect(web.message.text).toMatch(/windows/i);
    const loc = web.locations[0]!;
    expect(loc.physicalLocation.artifactLocation.uri).toBe(stack);
    const webLine = lineOf(STACK, '"id": "web"') - 1; // the object's "{" is on the line before
    expect(loc.physicalLocation.region).toEqual({
      startLine: webLine,
      startColumn: STACK.split("\n")[webLine - 1]!.indexOf("{") + 1,
    });
    expect(loc.logicalLocations).toEqual([{ name: "web", fullyQualifiedName: "nodes[3]", kind: "object" }]);
  });

  it("gives a suppressed problem an inSource suppression with its reason, and keeps it out of the exit status", async () => {
    const r = await run("validate", "--format", "sarif", "--strict", suppressedOnly);
    expect(r.code).toBe(0);
    const [res] = expectValidSarif(r.out).runs[0]!.results;
    expect(res).toMatchObject({ ruleId: "vm/no-guest-os", level: "warning" });
    expect(res!.suppressions).toEqual([{ kind: "inSource", justification: "imaged at boot" }]);
    const inStack = expectValidSarif((await run("validate", "--format", "sarif", stack)).out).runs[0]!
      .results;
    const vm = inStack.find((x) => x.ruleId === "vm/no-guest-os")!;
    expect(vm.suppressions).toEqual([{ kind: "inSource", justification: "imaged at boot by PXE" }]);
    expect(vm.locations[0]!.physicalLocation.region!.startLine).toBe(lineOf(STACK, '"id":"vm"'));
    expect(
      inStack.filter((x) => x.ruleId !== "vm/no-guest-os").every((x) => x.suppressions === undefined),
    ).toBe(true);
  });

  it("reports a file that is not a valid document as document/invalid at the error's position", async () => {
    const log = expectValidSarif(
      (await run("validate", "--format", "sarif", dangling, notJson, missing)).out,
    );
    const [parent, syntax, unreadable] = log.runs[0]!.results;
    expect(parent).toMatchObject({ ruleId: "document/invalid", level: "error" });
    expect(parent!.message.text).toMatch(/^nodes\[1\]\.parentId: no node has id "vm-9"/);
    expect(parent!.locations[0]!.physicalLocation.region).toEqual({
      startLine: lineOf(DANGLING, '"vm-9"'),
      startColumn: DANGLING.split("\n")[lineOf(DANGLING, '"vm-9"') - 1]!.indexOf('"vm-9"') + 1,
    });
    expect(syntax!.locations[0]!.physicalLocation.region).toEqual({ startLine: 3, startColumn: 13 });
    expect(unreadable!.message.text).toContain("ENOENT");
    expect(unreadable!.locations[0]!.physicalLocation.region).toBeUndefined();
  });

  it("speaks Korean with --lang ko", async () => {
    const log = expectValidSarif((await run("validate", "--format", "sarif", "--lang", "ko", stack)).out);
    expect(log.runs[0]!.results[0]!.message.text).toMatch(/[가-힣]/);
    expect(log.runs[0]!.tool.driver.rules[0]!.shortDescription.text).toMatch(/[가-힣]/);
  });
});

/** Parses XML strictly (jsdom's XML parser): a document that is not well-formed fails the test. */
function parseXml(text: string): Document {
  const doc = new new JSDOM("").window.DOMParser().parseFromString(text, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}
const attr = (el: Element, name: string) => el.getAttribute(name);

describe("validate --format junit", () => {
  it("is one testsuite per file and one testcase per problem, a failure for each error", async () => {
    const r = await run("validate", "--format", "junit", stack, clean, warnOnly);
    expect(r.code).toBe(1);
    const doc = parseXml(r.out);
    const suites = [...doc.getElementsByTagName("testsuite")];
    expect(suites.map((s) => attr(s, "name"))).toEqual([stack, clean, warnOnly]);
    const json = JSON.parse((await run("validate", "--json", stack)).out);
    const [s1, s2, s3] = suites as [Element, Element, Element];
    const cases = (s: Element) => [...s.getElementsByTagName("testcase")];
    // The stack: its counted problems, then its suppressed one as skipped.
    expect(cases(s1)).toHaveLength(json.problems.length + json.suppressed.length);
    expect(s1.getElementsByTagName("failure")).toHaveLength(
      json.problems.filter((p: { severity: string }) => p.severity === "error").length,
    );
    expect(attr(s1, "failures")).toBe(String(s1.getElementsByTagName("failure").length));
    expect(s1.getElementsByTagName("skipped")).toHaveLength(1);
    expect(attr(s1.getElementsByTagName("skipped")[0]!, "message")).toContain("imaged at boot by PXE");
    // A clean file: one passing case.
    expect(cases(s2)).toHaveLength(1);
    expect(cases(s2)[0]!.children).toHaveLength(0);
    // A warning passes without --strict, its message kept; the label's odd characters stay well-formed.
    expect(cases(s3)).toHaveLength(1);
    expect(s3.getElementsByTagName("failure")).toHaveLength(0);
    expect(s3.getElementsByTagName("system-out")[0]!.textContent).toContain('VM <"a" & b>');
    const top = doc.documentElement;
    expect(attr(top, "tests")).toBe(String(cases(s1).length + 1 + 1));
  });

  it("fails warnings under --strict, and gives an error per document error of an invalid file", async () => {
    const strict = parseXml((await run("validate", "--format", "junit", "--strict", warnOnly)).out);
    expect(strict.getElementsByTagName("failure")).toHaveLength(1);
    expect(attr(strict.getElementsByTagName("failure")[0]!, "type")).toBe("vm/no-guest-os");
    const r = await run("validate", "--format", "junit", dangling, missing);
    expect(r.code).toBe(2);
    const doc = parseXml(r.out);
    expect(doc.getElementsByTagName("testsuite")).toHaveLength(2);
    expect(doc.getElementsByTagName("error")).toHaveLength(2);
    expect(doc.getElementsByTagName("error")[0]!.textContent).toContain("nodes[1].parentId");
    expect(attr(doc.documentElement, "errors")).toBe("2");
  });
});

describe("validate --json: fixes and suppressed", () => {
  it("gives every problem its fixes and lists suppressed problems apart with their reason", async () => {
    const r = await run("validate", "--json", stack);
    const out = JSON.parse(r.out);
    for (const p of out.problems) {
      expect(Array.isArray(p.fixes)).toBe(true);
      for (const f of p.fixes) expect(f).toEqual({ id: expect.any(String), title: expect.any(String) });
    }
    expect(out.problems.some((p: { rule: string }) => p.rule === "vm/no-guest-os")).toBe(false);
    expect(out.suppressed).toEqual([
      expect.objectContaining({ rule: "vm/no-guest-os", nodeIds: ["vm"], reason: "imaged at boot by PXE" }),
    ]);
    const only = await run("validate", "--json", "--strict", suppressedOnly);
    expect(only.code).toBe(0);
    expect(JSON.parse(only.out)).toMatchObject({ ok: true, problems: [] });
  });

  it("titles fixes in the --lang language", async () => {
    const unused = file("unused.stackdraw.json", {
      format: "stackdraw",
      version: 2,
      nodes: [{ id: "h", kind: "physical-host", suppress: { "vm/no-guest-os": "an old note" } }],
    });
    const en = JSON.parse((await run("validate", "--json", unused)).out);
    const ko = JSON.parse((await run("validate", "--json", "--lang", "ko", unused)).out);
    expect(en.problems).toEqual([
      expect.objectContaining({
        rule: "document/unused-suppression",
        fixes: [{ id: "remove-suppression", title: "Remove the unused suppression" }],
      }),
    ]);
    expect(ko.problems[0].fixes).toEqual([
      { id: "remove-suppression", title: expect.stringMatching(/[가-힣]/) },
    ]);
  });

  it("--format json is --json, and conflicting formats are refused", async () => {
    expect((await run("validate", "--format", "json", stack)).out).toBe(
      (await run("validate", "--json", stack)).out,
    );
    expect((await run("validate", "--json", "--format", "sarif", stack)).code).toBe(2);
    const bad = await run("validate", "--format", "xml", stack);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--format takes text, json, sarif, junit");
  });
});

describe("validate text output and suppressed problems", () => {
  it("lists suppressed problems only under --show-suppressed, marked, with the reason; counts ignore them", async () => {
    const plain = await run("validate", stack);
    expect(plain.out).not.toContain("vm/no-guest-os");
    const shown = await run("validate", "--show-suppressed", stack);
    expect(shown.out).toContain(`${stack}: suppressed warning vm/no-guest-os [vm] `);
    expect(shown.out).toContain("(reason: imaged at boot by PXE)");
    expect(shown.out.trim().split("\n").at(-1)).toBe(plain.out.trim().split("\n").at(-1));
    expect(shown.out).not.toContain("\u001b[");
    const ko = await run("validate", "--show-suppressed", "--lang", "ko", suppressedOnly);
    expect(ko.out).toContain("(사유: imaged at boot)");
    expect(ko.out.trim().split("\n").at(-1)).toBe("오류 0개, 경고 0개");
  });
});
