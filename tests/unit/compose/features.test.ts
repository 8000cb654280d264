/**
 * Compose as Compose reads it (docs/import.md): volumes and bind mounts as `volume` nodes with
 * `mounts` edges, `expose`, host addresses, `deploy.replicas` / `mode: global`, `network_mode`,
 * and profiles selected as `docker compose up --profile` selects them (the CLI's --profile).
 */
import { join } from "node:path";
import { importCompose, ioLine, readCompose } from "../../../src/io/compose.ts";
import { validate } from "../../../src/domain/rules/index.ts";
import { readDocument } from "../../../src/io/read.ts";
import { run } from "../cli/harness.ts";
import { byLabel, containers, edgePairs, FIXTURES, fixture } from "./helpers.ts";

const FILE = "features/profiles-volumes.yml";
const imp = (profiles?: string[]) => {
  const r = importCompose(fixture(FILE), profiles ? { profiles } : {});
  if (!r.ok) throw new Error(r.errors.map((e) => ioLine(e, "en")).join("; "));
  return r;
};

describe("Compose volumes, expose, replicas, network modes", () => {
  it("reads named volumes, bind mounts, tmpfs and anonymous volumes, and draws them in the engine with their mounts", () => {
    const m = readCompose(fixture(FILE));
    if (!m.ok) throw new Error("expected ok");
    expect(m.model.services.map((s) => [s.name, s.mounts])).toEqual([
      [
        "app",
        [
          { type: "bind", source: "./src", target: "/app/src" },
          { type: "volume", source: "node_modules", target: "/app/node_modules" },
          { type: "tmpfs", source: "", target: "/app/tmp" },
        ],
      ],
      [
        "db",
        [
          { type: "volume", source: "pgdata", target: "/var/lib/postgresql/data" },
          { type: "volume", source: "", target: "/var/lib/postgresql/tmp" },
        ],
      ],
      ["worker", [{ type: "volume", source: "node_modules", target: "/app/node_modules" }]],
      ["scheduler", []],
      ["metrics", []],
      ["sidecar", []],
      ["adminer", []],
      ["mailhog", []],
      ["docs", [{ type: "bind", source: ".", target: "/docs" }]],
    ]);
    const { document: d, warnings } = imp();
    expect(warnings.map((w) => w.code)).toEqual(["composeProfilesInactive"]);
    // One node per named volume or host path (node_modules: shared by app and worker); an
    // anonymous volume and a tmpfs belong to their service alone. All in the engine.
    expect(d.nodes.filter((n) => n.kind === "volume").map((n) => [n.label, n.parentId, n.props])).toEqual([
      ["./src", "docker", { volumeType: "bind", source: "./src" }],
      ["node_modules", "docker", { volumeType: "volume", source: "node_modules" }],
      ["tmpfs", "docker", { volumeType: "tmpfs" }],
      ["pgdata", "docker", { volumeType: "volume", source: "pgdata" }],
      ["anonymous volume", "docker", { volumeType: "volume" }],
    ]);
    const label = (id: string) => d.nodes.find((n) => n.id === id)!.label;
    expect(
      d.edges
        .filter((e) => e.kind === "mounts")
        .map((e) => `${label(e.source)} -> ${label(e.target)} at ${e.label}`),
    ).toEqual([
      "app -> ./src at /app/src",
      "app -> node_modules at /app/node_modules",
      "app -> tmpfs at /app/tmp",
      "db -> pgdata at /var/lib/postgresql/data",
      "db -> anonymous volume at /var/lib/postgresql/tmp",
      "worker -> node_modules at /app/node_modules",
    ]);
  });

  it("reads expose as unpublished ports, the host address as hostIp, replicas, global mode and network_mode", () => {
    const { document: d } = imp();
    expect(byLabel(d, "app").props!.ports).toEqual([
      { host: 3000, container: 3000, hostIp: "127.0.0.1" },
      { container: 9229 },
    ]);
    expect(byLabel(d, "worker").props).toMatchObject({ replicas: 3 });
    expect(byLabel(d, "scheduler").props).toMatchObject({ replicas: 0 });
    expect(byLabel(d, "metrics").props).toMatchObject({ replicas: 1, network: "host" });
    expect(byLabel(d, "sidecar").props!.notes).toBe("shares the network namespace of service app");
    expect(validate(d).filter((p) => p.severity === "error")).toEqual([]);
    expect(readDocument(JSON.stringify(d)).ok).toBe(true);
  });

  it("refuses network_mode: service: naming no service, with its line:column", () => {
    const r = importCompose("services:\n  a:\n    image: x\n    network_mode: service:vpn\n");
    expect(r.ok ? undefined : ioLine(r.errors[0]!, "en")).toBe(
      '4:19: services.a.network_mode: network_mode names "vpn", which is not a service of this file',
    );
    const bad = importCompose("services:\n  a:\n    image: x\n    volumes: [{ source: x }]\n");
    expect(bad.ok ? undefined : ioLine(bad.errors[0]!, "en")).toBe(
      '4:15: services.a.volumes[0]: a volume must be "source:target[:mode]", a path, or a mapping with target',
    );
  });
});

describe("Compose profiles", () => {
  it("leaves out services whose profiles are all inactive, says so, and drops their edges", () => {
    const r = imp();
    expect(containers(r.document).map((n) => n.label)).toEqual([
      "app",
      "db",
      "worker",
      "scheduler",
      "metrics",
      "sidecar",
    ]);
    expect(
      r.warnings.filter((w) => w.code === "composeProfilesInactive").map((w) => ioLine(w, "en")),
    ).toEqual([
      'services: not drawn, as docker compose up leaves them out: "adminer", "mailhog", "docs" (no profile of theirs is active; give --profile NAME to draw them)',
    ]);
    // The import report on the host's notes, in the import's language.
    expect(r.document.nodes[0]!.props!.notes).toBe(
      'Import report (not drawn):\n- services: not drawn, as docker compose up leaves them out: "adminer", "mailhog", "docs" (no profile of theirs is active; give --profile NAME to draw them)',
    );
    const ko = importCompose(fixture(FILE), { lang: "ko" });
    expect(ko.ok && ko.document.nodes[0]!.props!.notes).toMatch(
      /^가져오기 보고서 \(그리지 않은 것\):\n- services: /,
    );
  });

  it("draws a service when one of its profiles is active, with its profiles; * draws every one", () => {
    const debug = imp(["debug"]);
    expect(containers(debug.document).map((n) => n.label)).toEqual([
      "app",
      "db",
      "worker",
      "scheduler",
      "metrics",
      "sidecar",
      "adminer",
      "mailhog",
    ]);
    expect(byLabel(debug.document, "mailhog").props).toMatchObject({ profiles: ["debug", "mail"] });
    expect(edgePairs(debug.document)).toContain("adminer->db");
    expect(debug.warnings.find((w) => w.code === "composeProfilesInactive")!.params).toEqual({
      services: ["docs"],
    });
    const all = imp(["*"]);
    expect(containers(all.document)).toHaveLength(9);
    expect(all.warnings).toEqual([]);
    // The docs service's bind mount of "." comes with it.
    expect(byLabel(all.document, ".").props).toEqual({ volumeType: "bind", source: "." });
  });

  it("stackdraw import compose --profile NAME (repeatable)", async () => {
    const file = join(FIXTURES, FILE);
    const r = await run("import", "compose", "--profile", "debug", "--profile=docs", file);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain("no profile of theirs is active");
    const read = readDocument(r.out);
    expect(read.ok && read.document.nodes.filter((n) => n.kind === "container")).toHaveLength(9);
    const none = await run("import", "compose", file);
    expect(none.err).toContain(
      'warning: services: not drawn, as docker compose up leaves them out: "adminer"',
    );
    expect((await run("import", "compose", "--profile", file)).code).toBe(2);
  });
});

describe("files for another importer", () => {
  it("refuses a Kubernetes manifest, an ECS task definition and a Stackdraw document, naming the right way in", () => {
    const msg = (t: string) => {
      const r = importCompose(t);
      return r.ok ? undefined : ioLine(r.errors[0]!, "en");
    };
    expect(msg("apiVersion: v1\nkind: Pod\n")).toBe(
      '2:1: kind: this is a Kubernetes manifest (kind: "Pod"), not a Docker Compose file: import it as Kubernetes manifests (import k8s)',
    );
    expect(msg('{ "family": "web", "containerDefinitions": [] }')).toBe(
      "1:1: this is an ECS task definition, not a Docker Compose file: import it as an ECS task definition (import ecs)",
    );
    expect(msg('{ "format": "stackdraw", "version": 2, "nodes": [] }')).toBe(
      "1:1: this is a Stackdraw document, not a Docker Compose file: open it instead",
    );
  });
});

describe("UTF-16", () => {
  it("reads a file saved as UTF-16 with its byte order mark (both byte orders)", () => {
    const text = "services:\n  web:\n    image: nginx:1.27\n";
    for (const le of [true, false]) {
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
      for (let i = 0; i < text.length; i++) bytes[2 + i * 2 + (le ? 0 : 1)] = text.charCodeAt(i);
      const r = importCompose(bytes);
      expect(r.ok && byLabel(r.document, "web").props).toEqual({ image: "nginx:1.27" });
    }
  });
});

describe("override files", () => {
  it("an override file (no service with image or build) imports with one note saying it needs its base file", () => {
    const r = importCompose(fixture("features/docker-compose.override.yml"));
    if (!r.ok) throw new Error("expected ok");
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([["composeOverride", 2]]);
    expect(r.document.nodes[0]!.props!.notes).toBe(
      "Import report (not drawn):\n- 2:1: services: no service has an image or a build: this looks like an override file (docker-compose.override.yml) that only makes sense on top of its base file; drawn as it is, image-less",
    );
    expect(byLabel(r.document, "db").props!.ports).toEqual([
      { host: 5432, container: 5432, hostIp: "127.0.0.1" },
    ]);
  });
});

describe("Windows stacks", () => {
  it("draws a Windows host when the services' platforms say windows/…, and Linux otherwise", () => {
    const win = importCompose(
      "services:\n  iis:\n    image: mcr.microsoft.com/windows/servercore/iis\n    platform: windows/amd64\n  worker:\n    image: example/worker-win\n",
    );
    expect(win.ok && win.document.nodes.find((n) => n.kind === "kernel")).toMatchObject({
      label: "Windows",
      props: { family: "windows" },
    });
    // A service without a platform on that host runs a Windows image, as Docker on Windows does.
    expect(win.ok && byLabel(win.document, "worker").props).toEqual({
      image: "example/worker-win",
      os: "windows",
    });
    expect(win.ok && validate(win.document).filter((p) => p.severity === "error")).toEqual([]);
    const mixed = importCompose(
      "services:\n  a:\n    image: x\n    platform: windows/amd64\n  b:\n    image: y\n    platform: linux/arm64\n",
    );
    expect(mixed.ok && mixed.document.nodes.find((n) => n.kind === "kernel")!.props).toEqual({
      family: "linux",
    });
  });
});

describe("extends", () => {
  it("starts from the base service of the same file: its own keys win, ports and profiles add up", () => {
    const r = importCompose(`services:
  base:
    image: example/app:1.0
    ports: ["8080:80"]
    platform: linux/arm64
  web:
    extends: base
    ports: ["8443:443"]
  worker:
    extends: { service: web }
    image: example/worker:1.0
  remote:
    extends: { file: common.yml, service: app }
    image: z
`);
    if (!r.ok) throw new Error(r.errors.map((e) => ioLine(e, "en")).join("; "));
    expect(byLabel(r.document, "web").props).toEqual({
      image: "example/app:1.0",
      os: "linux",
      arch: "arm64",
      ports: [
        { host: 8080, container: 80 },
        { host: 8443, container: 443 },
      ],
    });
    expect(byLabel(r.document, "worker").props).toMatchObject({ image: "example/worker:1.0", arch: "arm64" });
    expect(r.warnings.map((w) => ioLine(w, "en"))).toEqual([
      '13:14: services.remote.extends: extends names another file ("common.yml"), which is not read here (drop or pick it together with this file, or import with the CLI): the service is drawn as this file writes it',
    ]);
  });

  it("refuses an unknown base and a cycle, with line:column", () => {
    const unknown = importCompose("services:\n  a:\n    extends: nope\n    image: x\n");
    expect(unknown.ok ? undefined : ioLine(unknown.errors[0]!, "en")).toBe(
      '3:14: services.a.extends: "nope" is not a service of this file',
    );
    const cycle = importCompose("services:\n  a:\n    extends: b\n  b:\n    extends: a\n");
    expect(cycle.ok ? undefined : ioLine(cycle.errors[0]!, "en")).toBe(
      '5:14: services.b.extends: extends goes round in a circle through "a"',
    );
  });
});

describe("extends from another file", () => {
  const file = join(FIXTURES, "features/extends-file/compose.yml");
  it("the CLI reads the file extends names, relative to the file that names it, extends within it and from a third file included", async () => {
    const r = await run("import", "compose", file);
    expect([r.code, r.err]).toEqual([0, ""]);
    const read = readDocument(r.out);
    if (!read.ok) throw new Error("expected a document");
    const d = read.document;
    expect(containers(d).map((n) => n.label)).toEqual(["web", "worker"]);
    // web: web-base (which extends runtime in its own file), its own port after the base's.
    expect(byLabel(d, "web").props).toEqual({
      image: "nginx:1.27-alpine",
      os: "linux",
      arch: "x86_64",
      ports: [
        { host: 443, container: 443 },
        { host: 8080, container: 80 },
      ],
    });
    // worker: worker-base, which extends job of common/jobs.yml.
    expect(byLabel(d, "worker").props).toEqual({
      image: "ghcr.io/example/jobs:5.1",
      os: "linux",
      arch: "arm64",
      ports: [{ container: 9100 }],
      replicas: 2,
    });
    expect(edgePairs(d)).toEqual(["worker->web", "web->./certs"]);
    expect(validate(d).filter((p) => p.severity === "error")).toEqual([]);
  });

  it("without a way to read it (the editor), says so at each extends and draws the services as written", () => {
    const r = importCompose(fixture("features/extends-file/compose.yml"));
    if (!r.ok) throw new Error(r.errors.map((e) => ioLine(e, "en")).join("; "));
    // Not taken for an override file: the bases are what is missing.
    expect(r.warnings.map((w) => ioLine(w, "en"))).toEqual([
      '6:7: services.web.extends: extends names another file ("./common/services.yml"), which is not read here (drop or pick it together with this file, or import with the CLI): the service is drawn as this file writes it',
      '11:7: services.worker.extends: extends names another file ("./common/services.yml"), which is not read here (drop or pick it together with this file, or import with the CLI): the service is drawn as this file writes it',
      "4:3: services.web: the service has neither image nor build; drawn as a container without an image",
      "9:3: services.worker: the service has neither image nor build; drawn as a container without an image",
    ]);
    expect(containers(r.document).map((n) => n.label)).toEqual(["web", "worker"]);
  });

  it("refuses, at the extends, a missing file, a service the file lacks, a file without services and one refused itself", () => {
    const src = "services:\n  a:\n    extends:\n      file: base.yml\n      service: base\n";
    const line = (other: string | undefined) => {
      const r = importCompose(src, { include: () => other });
      return r.ok ? undefined : ioLine(r.errors[0]!, "en");
    };
    expect(line(undefined)).toBe(
      '4:7: services.a.extends: extends names the file "base.yml", which cannot be read',
    );
    expect(line("services:\n  other:\n    image: x\n")).toBe(
      '4:7: services.a.extends: extends names the service "base" of "base.yml", which that file does not have',
    );
    expect(line("name: nothing\n")).toBe(
      '4:7: services.a.extends: extends names the file "base.yml", which has no services',
    );
    expect(line("services:\n  base:\n    image: x\n    image: y\n")).toBe(
      '4:7: services.a.extends: extends names the file "base.yml", which cannot be imported: 4:5 $ (yamlDuplicateKey)',
    );
    // A file that extends itself: bounded (8 files deep), refused.
    const self = importCompose(src, {
      include: () => "services:\n  base:\n    extends:\n      file: base.yml\n      service: base\n",
    });
    expect(self.ok ? undefined : ioLine(self.errors[0]!, "en")).toBe(
      '4:7: services.a.extends: extends names the file "base.yml", which cannot be imported: 4:7 services.base.extends (composeExtendsFailed)',
    );
  });
});

describe("include", () => {
  const dir = join(FIXTURES, "features/include");
  it("the CLI reads included files (short and long syntax, relative paths): their services come first, and dependencies on them resolve", async () => {
    const r = await run("import", "compose", join(dir, "compose.yml"));
    expect([r.code, r.err]).toEqual([0, ""]);
    const read = readDocument(r.out);
    if (!read.ok) throw new Error("expected a document");
    expect(containers(read.document).map((n) => n.label)).toEqual(["mysql", "redis", "es01", "app"]);
    expect(edgePairs(read.document)).toEqual(["app->mysql", "app->es01"]);
    expect(byLabel(read.document, "mysql").props!.ports).toEqual([
      { host: 3306, container: 3306, hostIp: "127.0.0.1" },
    ]);
  });

  it("without a way to read them (the editor), says which files are not read and draws the rest", () => {
    const r = importCompose(fixture("features/include/compose.yml"));
    if (!r.ok) throw new Error(r.errors.map((e) => ioLine(e, "en")).join("; "));
    expect(r.warnings.map((w) => ioLine(w, "en"))).toEqual([
      '3:5: include[0]: include names "./db/compose.db.yml", which is not read here (drop or pick it together with this file, or import with the CLI); its services are not drawn',
      '4:11: include[1].path: include names "./search.yml", which is not read here (drop or pick it together with this file, or import with the CLI); its services are not drawn',
    ]);
    expect(containers(r.document).map((n) => n.label)).toEqual(["app"]);
  });

  it("refuses a missing included file, and one that is refused itself, at the include", () => {
    const missing = importCompose("include: [nope.yml]\nservices:\n  a:\n    image: x\n", {
      include: () => undefined,
    });
    expect(missing.ok ? undefined : ioLine(missing.errors[0]!, "en")).toBe(
      '1:11: include[0]: the included file "nope.yml" cannot be read',
    );
    const bad = importCompose("include: [db.yml]\nservices:\n  a:\n    image: x\n", {
      include: () => 'services:\n  db:\n    ports: ["70000:1"]\n',
    });
    expect(bad.ok ? undefined : ioLine(bad.errors[0]!, "en")).toBe(
      '1:11: include[0]: the included file "db.yml" cannot be imported: 3:13 services.db.ports[0] (portOutOfRange)',
    );
    const loop = importCompose("include: [self.yml]\nservices:\n  a:\n    image: x\n", {
      include: () => "include: [self.yml]\nservices:\n  b:\n    image: y\n",
    });
    expect(loop.ok).toBe(false);
  });
});

describe("several files", () => {
  it("merges -f a -f b as docker compose does: the override's image, ports and replicas on top of the base", async () => {
    const base = join(FIXTURES, "web-db-cache.yml");
    const over = join(FIXTURES, "features/docker-compose.override.yml");
    const r = await run("import", "compose", "-f", base, "-f", over);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain("override file");
    const read = readDocument(r.out);
    if (!read.ok) throw new Error("expected a document");
    expect(containers(read.document).map((n) => n.label)).toEqual(["web", "app", "db", "cache"]);
    expect(byLabel(read.document, "web").props!.ports).toEqual([
      { host: 80, container: 80 },
      { host: 443, container: 443 },
      { host: 8080, container: 80 },
    ]);
    expect(byLabel(read.document, "db").props!.ports).toContainEqual({
      host: 5432,
      container: 5432,
      hostIp: "127.0.0.1",
    });
    expect(byLabel(read.document, "db").props!.image).toBeDefined();
  });

  it("a refusal names the file it is in", async () => {
    const base = join(FIXTURES, "web-db-cache.yml");
    const bad = join(FIXTURES, "bad", "port-out-of-range.yml");
    const r = await run("import", "compose", base, bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}:6:9: services.web.ports[1]: host port 70000 is out of range`);
  });
});
