/**
 * The profiles a Compose file declares (src/io/compose/profiles.ts), for the editor's import
 * dialog: each with the services it brings, read by the import's own reader, and what the dialog
 * hands on selects the services the import draws exactly as the CLI's --profile does.
 */
import { describe, expect, it } from "vitest";
import { composeProfiles, importCompose, listComposeProfiles, readCompose } from "../../../src/io/compose.ts";
import { containers, fixture } from "./helpers.ts";

const FILE = "features/profiles-volumes.yml";

describe("listComposeProfiles", () => {
  it("lists every profile in the order first met, with its services, and the services always drawn", () => {
    const r = listComposeProfiles(fixture(FILE));
    expect(r).toEqual({
      ok: true,
      profiles: [
        { name: "debug", services: ["adminer", "mailhog"] },
        { name: "mail", services: ["mailhog"] },
        { name: "docs", services: ["docs"] },
      ],
      always: ["app", "db", "worker", "scheduler", "metrics", "sidecar"],
    });
  });

  it("a file without profiles lists none (the editor then asks nothing)", () => {
    const r = listComposeProfiles("services:\n  web:\n    image: nginx\n  db:\n    image: postgres\n");
    expect(r).toEqual({ ok: true, profiles: [], always: ["web", "db"] });
  });

  it("reads profiles as the import does: interpolated defaults, extends adding its base's", () => {
    const text = `services:
  base:
    image: busybox
    profiles: ["\${TOOLS:-tools}"]
  child:
    extends: base
    profiles: [ops]
  plain:
    image: nginx
`;
    const r = listComposeProfiles(text);
    if (!r.ok) throw new Error("expected ok");
    const model = readCompose(text);
    if (!model.ok) throw new Error("expected ok");
    // The same as the model the import draws from: nothing the import would weigh is missed.
    expect(r.profiles).toEqual(composeProfiles(model.model).profiles);
    expect(r.profiles).toEqual([
      { name: "tools", services: ["base", "child"] },
      { name: "ops", services: ["child"] },
    ]);
    expect(r.always).toEqual(["plain"]);
  });

  it("refuses what the import refuses, with the same errors (line:column and code)", () => {
    for (const bad of [
      'services:\n  web:\n    ports: ["70000:80"]\n',
      "services: [",
      "apiVersion: v1\nkind: Pod\n",
      "",
    ]) {
      const listed = listComposeProfiles(bad);
      const imported = importCompose(bad);
      expect(listed.ok, bad).toBe(false);
      expect(imported.ok, bad).toBe(false);
      if (!listed.ok && !imported.ok) expect(listed.errors).toEqual(imported.errors);
    }
  });

  it("never throws on bytes that are not text", () => {
    const r = listComposeProfiles(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41]));
    expect(r.ok).toBe(false);
  });
});

describe("what the dialog hands the importer", () => {
  const drawn = (profiles: readonly string[]) => {
    const r = importCompose(fixture(FILE), { profiles });
    if (!r.ok) throw new Error("expected ok");
    return containers(r.document)
      .map((n) => n.label)
      .sort();
  };
  const listed = listComposeProfiles(fixture(FILE));
  if (!listed.ok) throw new Error("expected ok");

  it("one profile: the services always drawn and exactly that profile's", () => {
    for (const p of listed.profiles)
      expect(drawn([p.name])).toEqual([...listed.always, ...p.services].sort());
  });

  it('"All profiles" (["*"], as --profile "*"): every service', () => {
    expect(drawn(["*"])).toEqual(
      [...new Set([...listed.always, ...listed.profiles.flatMap((p) => p.services)])].sort(),
    );
  });

  it("none chosen: only the services without a profile, as docker compose up", () => {
    expect(drawn([])).toEqual([...listed.always].sort());
  });
});
