/**
 * The migration mechanism (injected fake steps before version 1, the first released one), the
 * named step from version 1 to 2, and the promise that every released version still opens: one
 * frozen fixture per version.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { CURRENT_VERSION } from "../../../src/domain/document.ts";
import {
  MIGRATIONS,
  V1_TO_V2,
  oldestReadable,
  planMigrations,
  type Migration,
} from "../../../src/io/migrations.ts";
import { readDocument } from "../../../src/io/read.ts";
import { writeDocument } from "../../../src/io/write.ts";
import { ioMessage } from "../../../src/io/errors/format.ts";

const DOCS = path.resolve(__dirname, "../../fixtures/documents");

/**
 * A made-up version 0 that called the node list `items` and the parent `parent`. Injected before
 * the real chain (`withV0`), so that a version-0 file goes 0 → 1 → 2.
 */
const v0ToV1: Migration = {
  from: 0,
  to: 1,
  name: "rename items to nodes",
  migrate(raw) {
    const r = raw as { items?: { parent?: string }[] } & Record<string, unknown>;
    if (!Array.isArray(r.items)) throw new Error("no items list");
    const { items, ...rest } = r;
    return {
      ...rest,
      version: 1,
      nodes: items.map(({ parent, ...n }) => ({
        ...n,
        ...(parent !== undefined ? { parentId: parent } : {}),
      })),
    };
  },
};

const withV0 = (step: Migration): Migration[] => [step, ...MIGRATIONS];

const v0 = JSON.stringify({
  format: "stackdraw",
  version: 0,
  items: [
    { id: "k", kind: "kernel", parent: "h" },
    { id: "h", kind: "physical-host" },
  ],
});

describe("migrations", () => {
  it("MIGRATIONS is a well-formed chain ending at the current version", () => {
    for (const m of MIGRATIONS) expect(m.to).toBeGreaterThan(m.from);
    const oldest = oldestReadable(MIGRATIONS);
    const plan = planMigrations(oldest, MIGRATIONS);
    expect(plan.ok && plan.steps.length).toBe(MIGRATIONS.length);
  });

  it("version 1 → 2 is the named step V1_TO_V2, which changes nothing but the version", () => {
    expect(MIGRATIONS).toContain(V1_TO_V2);
    expect(V1_TO_V2).toMatchObject({ from: 1, to: 2 });
    expect(V1_TO_V2.name).toMatch(/^v1 to v2/);
    const raw = { format: "stackdraw", version: 1, nodes: [{ id: "a", kind: "group" }], extra: [1] };
    const before = structuredClone(raw);
    expect(V1_TO_V2.migrate(raw)).toEqual({ ...raw, version: 2 });
    expect(raw).toEqual(before); // the parsed input is left as it was
  });

  it("applies an injected v0 → v1 step, then v1 → v2, and the result is checked like any document", () => {
    const calls: unknown[] = [];
    const spy: Migration = { ...v0ToV1, migrate: (raw) => (calls.push(raw), v0ToV1.migrate(raw)) };
    const r = readDocument(v0, { migrations: withV0(spy) });
    expect(calls).toHaveLength(1);
    expect(r).toEqual({
      ok: true,
      document: {
        format: "stackdraw",
        version: 2,
        nodes: [
          { id: "k", kind: "kernel", parentId: "h" },
          { id: "h", kind: "physical-host" },
        ],
        edges: [],
      },
    });
    // Saving writes the current version, so the next open needs no migration.
    if (r.ok) expect(JSON.parse(writeDocument(r.document)).version).toBe(CURRENT_VERSION);
    const badAfter = readDocument(
      JSON.stringify({ format: "stackdraw", version: 0, items: [{ id: "x", kind: "nope" }] }),
      { migrations: withV0(v0ToV1) },
    );
    expect(badAfter).toMatchObject({ ok: false, stage: "nodes", errors: [{ path: "nodes[0].kind" }] });
  });

  it("does not run migrations on a current document", () => {
    const never: Migration = {
      from: 2,
      to: 3,
      name: "never",
      migrate: () => {
        throw new Error("ran");
      },
    };
    expect(
      readDocument('{"format":"stackdraw","version":2,"nodes":[]}', { migrations: [...MIGRATIONS, never] })
        .ok,
    ).toBe(true);
  });

  it("chains steps by version, whatever order they are listed in", () => {
    const order: string[] = [];
    const step = (
      from: number,
      name: string,
      f: (r: Record<string, unknown>) => Record<string, unknown>,
    ): Migration => ({
      from,
      to: from + 1,
      name,
      migrate: (raw) => (order.push(name), f(raw as Record<string, unknown>)),
    });
    const m0 = step(0, "0→1", (r) => ({ ...r, nodes: r.items }));
    const mMinus = step(-1, "-1→0", (r) => ({ ...r, items: r.things }));
    const r = readDocument(
      JSON.stringify({ format: "stackdraw", version: -1, things: [{ id: "a", kind: "group" }] }),
      { migrations: [m0, ...MIGRATIONS, mMinus] },
    );
    expect(order).toEqual(["-1→0", "0→1"]); // then V1_TO_V2
    expect(r.ok && r.document.nodes).toEqual([{ id: "a", kind: "group" }]);
  });

  it("turns a throwing step into migrationFailed, naming the step", () => {
    const r = readDocument(JSON.stringify({ format: "stackdraw", version: 0, nodes: [] }), {
      migrations: withV0(v0ToV1),
    });
    expect(r).toMatchObject({
      ok: false,
      stage: "migrate",
      errors: [{ path: "version", code: "migrationFailed" }],
    });
    if (!r.ok) {
      expect(ioMessage(r.errors[0]!, "en")).toBe(
        'could not update this file from version 0 to 1 (migration "rename items to nodes"): no items list',
      );
      expect(ioMessage(r.errors[0]!, "ko")).toContain("rename items to nodes");
    }
  });

  it("refuses a step that returns no document, or one that does not move forward", () => {
    const nothing: Migration = { from: 0, to: 1, name: "returns null", migrate: () => null };
    expect(readDocument(v0, { migrations: withV0(nothing) })).toMatchObject({
      ok: false,
      errors: [{ code: "migrationFailed" }],
    });
    const stuck: Migration = { from: 0, to: 0, name: "stuck", migrate: (r) => r };
    expect(readDocument(v0, { migrations: withV0(stuck) })).toMatchObject({
      ok: false,
      stage: "migrate",
      errors: [{ code: "migrationFailed" }],
    });
  });

  it("says which version is the oldest it can open when there is no path", () => {
    const r = readDocument(JSON.stringify({ format: "stackdraw", version: -3, nodes: [] }), {
      migrations: withV0(v0ToV1),
    });
    expect(r).toMatchObject({
      ok: false,
      stage: "migrate",
      errors: [{ path: "version", code: "versionUnsupported" }],
    });
    if (!r.ok) expect(ioMessage(r.errors[0]!, "en")).toContain("the oldest is 0");
  });
});

describe("frozen fixtures: every released version still opens", () => {
  const versions = readdirSync(DOCS).filter((d) => /^v\d+$/.test(d));

  it("there is a fixture directory for every version up to the current one", () => {
    for (let v = oldestReadable(MIGRATIONS); v <= CURRENT_VERSION; v++) {
      expect(versions).toContain(`v${v}`);
      expect(
        readdirSync(path.join(DOCS, `v${v}`)).filter((f) => f.endsWith(".stackdraw.json")).length,
      ).toBeGreaterThan(0);
    }
  });

  for (const dir of versions)
    for (const file of readdirSync(path.join(DOCS, dir)).filter((f) => f.endsWith(".stackdraw.json")))
      it(`${dir}/${file} opens and survives a save`, () => {
        const raw = new Uint8Array(readFileSync(path.join(DOCS, dir, file)));
        const r = readDocument(raw);
        expect(r.ok ? "ok" : r.errors).toBe("ok");
        if (!r.ok) return;
        expect(readDocument(writeDocument(r.document))).toEqual(r);
      });

  it("v1/aws-web-stack keeps what it holds: kinds, parents, unknown props, geometry, view", () => {
    const r = readDocument(readFileSync(path.join(DOCS, "v1/aws-web-stack.stackdraw.json"), "utf8"));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const d = r.document;
    expect(d.nodes).toHaveLength(21);
    expect(d.edges.map((e) => e.kind)).toEqual(["network", "pulls", "launched-from", "network"]);
    const byId = new Map(d.nodes.map((n) => [n.id, n]));
    expect(byId.get("bastion")?.props).toMatchObject({ product: "EC2", instanceType: "t4g.micro" });
    expect(byId.get("pg")?.props?.ports).toEqual([
      { host: 5432, container: 5432 },
      { host: null, container: 9187, protocol: "tcp" },
    ]);
    expect(byId.get("nginx")?.label).toBe("웹 서버");
    expect(byId.get("aws")?.size).toEqual({ width: 1200, height: 800 });
    expect(d.edges[0]?.props).toEqual({ encrypted: true });
    expect(d.view).toEqual({ viewport: { x: -40, y: 12.5, zoom: 0.8 }, overlay: "managedBy" });
  });
});

describe("the frozen version-2 fixture", () => {
  it("v2/dev-box keeps manualSize, suppress and the new props, and normalizes Docker's arch spellings", () => {
    const r = readDocument(readFileSync(path.join(DOCS, "v2/dev-box.stackdraw.json"), "utf8"));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const byId = new Map(r.document.nodes.map((n) => [n.id, n]));
    expect(byId.get("box")).toMatchObject({ manualSize: true, props: { arch: "arm64", rackUnit: 7 } });
    expect(byId.get("kata")?.props?.arch).toBe("x86_64");
    expect(byId.get("kata")?.suppress).toEqual({
      "arch/mismatch": "runs under QEMU emulation on purpose",
      "no/such-rule": "kept as written",
    });
    expect(byId.get("web")?.props).toMatchObject({ replicas: 2, profiles: ["dev", "demo"] });
    expect(byId.get("web")?.props?.ports).toEqual([
      { host: 8080, container: 80, hostIp: "127.0.0.1" },
      { host: 8443, container: 443, protocol: "tcp", hostIp: "::1" },
    ]);
    expect(byId.get("lxd")?.props?.product).toBe("lxd");
    expect(byId.get("pod")?.props).toEqual({ namespace: "shop", replicas: 3 });
    expect(byId.get("ubuntu")?.manualSize).toBeUndefined();
  });
});
