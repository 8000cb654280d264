/** Compose's interpolation syntax, on the values the importer reads, with .env and the environment. */
import { join } from "node:path";
import { importCompose, ioLine } from "../../../src/io/compose.ts";
import { interpolate, parseDotEnv } from "../../../src/io/compose/interpolate.ts";
import { readDocument } from "../../../src/io/read.ts";
import { run } from "../cli/harness.ts";
import { byLabel, FIXTURES, fixture } from "./helpers.ts";

const vars = new Map([
  ["SET", "x"],
  ["EMPTY", ""],
  ["TAG", "1.2"],
]);
const value = (t: string) => {
  const r = interpolate(t, vars);
  return r.ok ? [r.value, r.unset] : ["error", r.name, r.message];
};

describe("interpolation", () => {
  it.each([
    ["$SET", ["x", []]],
    ["${SET}", ["x", []]],
    ["a${TAG}b", ["a1.2b", []]],
    ["${NOPE}", ["", ["NOPE"]]],
    ["$NOPE-x", ["-x", ["NOPE"]]],
    ["${NOPE:-d}", ["d", []]],
    ["${EMPTY:-d}", ["d", []]],
    ["${EMPTY-d}", ["", []]],
    ["${NOPE-d}", ["d", []]],
    ["${SET:+alt}", ["alt", []]],
    ["${EMPTY:+alt}", ["", []]],
    ["${EMPTY+alt}", ["alt", []]],
    ["${NOPE+alt}", ["", []]],
    ["${NOPE:-${TAG}}", ["1.2", []]],
    ["${NOPE:-${ALSO_NOPE:-deep}}", ["deep", []]],
    ["$$HOME", ["$HOME", []]],
    ["${NOPE:?set NOPE}", ["error", "NOPE", "set NOPE"]],
    ["${EMPTY:?}", ["error", "EMPTY", ""]],
    ["${EMPTY?}", ["", []]],
    ["${unclosed", ["${unclosed", []]],
    ["cost: 5$", ["cost: 5$", []]],
  ])("%s", (t, want) => {
    expect(value(t)).toEqual(want);
  });

  it("reads .env: comments, export, quotes", () => {
    expect([
      ...parseDotEnv('# c\nA=1\nexport B=two\nC="three # not a comment"\nD=four # comment\nbad line\n'),
    ]).toEqual([
      ["A", "1"],
      ["B", "two"],
      ["C", "three # not a comment"],
      ["D", "four"],
    ]);
  });

  it("interpolates images, platform, dependencies and profiles; names unset variables; refuses :? with line:column", () => {
    const text = fixture("features/interpolation/compose.yml");
    const r = importCompose(text, { variables: new Map([["WEB_TAG", "2.1.0"]]), profiles: ["jobs"] });
    if (!r.ok) throw new Error("expected ok");
    expect(byLabel(r.document, "web").props).toMatchObject({
      image: "docker.io/example/web:2.1.0",
      os: "linux",
      arch: "x86_64",
    });
    expect(byLabel(r.document, "postgresql").props!.image).toBe("postgres:16");
    expect(byLabel(r.document, "cron").props).toMatchObject({ image: "example/cron:", profiles: ["jobs"] });
    expect(r.document.edges.map((e) => `${e.source}->${e.target}`)).toEqual(["web->postgresql"]);
    expect(r.warnings.map((w) => ioLine(w, "en"))).toEqual([
      '11:12: services.cron.image: the variable CRON_TAG is not set; it reads as "" (set it in .env or the environment)',
    ]);
    const bad = importCompose('services:\n  a:\n    image: "x:${TAG:?give TAG}"\n');
    expect(bad.ok ? undefined : ioLine(bad.errors[0]!, "en")).toBe(
      '3:12: services.a.image: the variable TAG must be set: "give TAG"',
    );
  });

  it("the CLI reads the .env beside the file, --env-file, and the environment, which wins", async () => {
    const file = join(FIXTURES, "features/interpolation/compose.yml");
    const r = await run("import", "compose", "--profile", "*", file);
    expect(r.code).toBe(0);
    const read = readDocument(r.out);
    if (!read.ok) throw new Error("expected a document");
    expect(byLabel(read.document, "web").props!.image).toBe("ghcr.io/example/web:2.1.0");
    expect(byLabel(read.document, "postgresql").props!.image).toBe("postgres:16-alpine");
    process.env.CRON_TAG = "nightly";
    try {
      const e = await run("import", "compose", "--profile", "*", file);
      const d = readDocument(e.out);
      expect(d.ok && byLabel(d.document, "cron").props!.image).toBe("example/cron:nightly");
    } finally {
      delete process.env.CRON_TAG;
    }
    const missing = await run("import", "compose", "--env-file", join(FIXTURES, "nope.env"), file);
    expect(missing.code).toBe(2);
  });
});
