/**
 * Several Compose files given together, as the editor's drop and picker give them (names without
 * folders): the files another names in `include` or `extends: { file }` are read through it, the
 * others merged in order as `docker compose -f a -f b`; a reference to a file not given is said,
 * never refused.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  composeTogether,
  importComposeFiles,
  importComposeTogether,
  ioLine,
  listComposeProfilesTogether,
  type ComposeSource,
} from "../../../src/io/compose.ts";
import { byLabel, containers, edgePairs, FIXTURES } from "./helpers.ts";

/** A fixture as a dropped file: its bytes under its file name alone. */
const dropped = (rel: string): ComposeSource => ({
  name: rel.slice(rel.lastIndexOf("/") + 1),
  data: new Uint8Array(readFileSync(join(FIXTURES, rel))),
});

const ok = (r: ReturnType<typeof importComposeTogether>) => {
  if (!r.ok) throw new Error(r.errors.map((e) => ioLine(e, "en")).join("; "));
  return r;
};

describe("Compose files given together", () => {
  const include = [
    "features/include/compose.yml",
    "features/include/db/compose.db.yml",
    "features/include/search.yml",
  ];

  it("reads the files include names among them, in any order: one import, nothing unsaid", () => {
    for (const order of [include, [...include].reverse(), [include[1]!, include[0]!, include[2]!]]) {
      const r = ok(importComposeTogether(order.map(dropped)));
      expect(containers(r.document).map((n) => n.label)).toEqual(["mysql", "redis", "es01", "app"]);
      expect(edgePairs(r.document)).toEqual(["app->mysql", "app->es01"]);
      expect(r.warnings).toEqual([]);
    }
    expect(composeTogether(include.map(dropped)).main.map((s) => s.name)).toEqual(["compose.yml"]);
  });

  it("reads extends from the files given with it, as the CLI reads them from their folders", () => {
    const r = ok(
      importComposeTogether(
        [
          "features/extends-file/common/jobs.yml",
          "features/extends-file/compose.yml",
          "features/extends-file/common/services.yml",
        ].map(dropped),
      ),
    );
    expect(r.warnings).toEqual([]);
    expect(byLabel(r.document, "worker").props).toMatchObject({
      image: "ghcr.io/example/jobs:5.1",
      replicas: 2,
    });
    expect(byLabel(r.document, "web").props).toMatchObject({ image: "nginx:1.27-alpine", arch: "x86_64" });
  });

  it("merges files nothing names as -f a -f b, in the order given", () => {
    const files = ["web-db-cache.yml", "features/docker-compose.override.yml"].map(dropped);
    const together = ok(importComposeTogether(files));
    const cli = importComposeFiles(files);
    expect(cli.ok && together.document).toEqual(cli.ok && cli.document);
    expect(byLabel(together.document, "web").props!.ports).toEqual([
      { host: 80, container: 80 },
      { host: 443, container: 443 },
      { host: 8080, container: 80 },
    ]);
  });

  it("says which named file was not given, and draws the rest (never refused for it)", () => {
    const r = ok(
      importComposeTogether(["features/include/compose.yml", "features/include/search.yml"].map(dropped)),
    );
    expect(r.warnings.map((w) => ioLine(w, "en"))).toEqual([
      '3:5: include[0]: include names "./db/compose.db.yml", which is not read here (drop or pick it together with this file, or import with the CLI); its services are not drawn',
    ]);
    expect(containers(r.document).map((n) => n.label)).toEqual(["es01", "app"]);
  });

  it("lists the profiles of the files together, and a refusal names its file", () => {
    const listed = listComposeProfilesTogether(
      ["web-db-cache.yml", "features/profiles-volumes.yml"].map(dropped),
    );
    expect(listed.ok && listed.profiles.map((p) => p.name)).toEqual(["debug", "mail", "docs"]);
    const bad = importComposeTogether([dropped("web-db-cache.yml"), dropped("bad/port-out-of-range.yml")]);
    expect(!bad.ok && "file" in bad && bad.file).toBe("port-out-of-range.yml");
  });
});
