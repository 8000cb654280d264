import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { importCompose, readCompose } from "../../../src/io/compose.ts";
import { validate } from "../../../src/domain/rules/index.ts";
import { LIMITS } from "../../../src/domain/document.ts";
import { byLabel, containers, edgePairs, fixture, importOk } from "./helpers.ts";
import { ioMessage } from "../../../src/io/errors/format.ts";

describe("realistic compose files", () => {
  it("web + database + cache: three-layer stack, ports, built image, depends_on map and list", () => {
    const doc = importOk(fixture("web-db-cache.yml"));
    expect(doc.title).toBe("shop");
    const kinds = doc.nodes.slice(0, 3).map((n) => [n.kind, n.parentId ?? null]);
    expect(kinds).toEqual([
      ["physical-host", null],
      ["kernel", "docker-host"],
      ["container-engine", "linux"],
    ]);
    expect(doc.nodes[1]!.props).toEqual({ family: "linux" });
    expect(doc.nodes[2]!.props).toEqual({ product: "docker" });
    expect(containers(doc).map((n) => [n.label, n.parentId])).toEqual([
      ["web", "docker"],
      ["app", "docker"],
      ["db", "docker"],
      ["cache", "docker"],
    ]);
    expect(byLabel(doc, "web").props).toEqual({
      image: "nginx:1.27-alpine",
      ports: [
        { host: 80, container: 80 },
        { host: 443, container: 443 },
      ],
    });
    // `expose: ["8000"]`: an unpublished container port.
    expect(byLabel(doc, "app").props).toEqual({
      image: "shop/app:2.3.1",
      ports: [{ container: 8000 }],
      notes: "built from ./app",
    });
    expect(byLabel(doc, "cache").props).toMatchObject({
      ports: [{ host: 6379, container: 6379, hostIp: "127.0.0.1" }],
    });
    expect(edgePairs(doc)).toEqual(["web->app", "app->db", "app->cache", "db->db-data"]);
    // The named volume: a `volume` node in the engine, mounted at the path inside the container.
    expect(doc.edges.map((e) => [e.kind, e.label])).toEqual([
      ["network", undefined],
      ["network", undefined],
      ["network", undefined],
      ["mounts", "/var/lib/postgresql/data"],
    ]);
    expect(byLabel(doc, "db-data")).toMatchObject({
      kind: "volume",
      parentId: "docker",
      props: { volumeType: "volume", source: "db-data" },
    });
    // Laid out: every node has a position and a size.
    expect(doc.nodes.every((n) => n.position && n.size)).toBe(true);
    expect(validate(doc).filter((p) => p.severity === "error")).toEqual([]);
  });

  it("a reverse proxy in front of several apps: links (with aliases) and depends_on become edges", () => {
    const doc = importOk(fixture("reverse-proxy.yml"));
    expect(containers(doc).map((n) => n.label)).toEqual(["traefik", "blog", "blogdb", "shop", "api"]);
    expect(byLabel(doc, "traefik").props?.ports).toEqual([
      { host: 80, container: 80 },
      { host: 443, container: 443 },
      { host: 8080, container: 8080 },
    ]);
    expect(byLabel(doc, "api").props).toEqual({
      image: "api:1.0",
      os: "linux",
      arch: "arm64",
      ports: [{ container: 3000 }],
    });
    expect(edgePairs(doc)).toEqual([
      "traefik->blog",
      "traefik->shop",
      "traefik->api",
      "blog->blogdb",
      "traefik->/var/run/docker.sock",
    ]);
    // A host path: a bind mount, its source the path.
    expect(byLabel(doc, "/var/run/docker.sock").props).toEqual({
      volumeType: "bind",
      source: "/var/run/docker.sock",
    });
  });

  it("x- anchors with << merge keys (single and list form) import; keys written in the service win", () => {
    const doc = importOk(fixture("anchors.yml"));
    expect(containers(doc).map((n) => n.label)).toEqual(["api", "worker", "queue"]);
    expect(byLabel(doc, "api").props).toEqual({
      image: "example/api:1.4",
      os: "linux",
      arch: "x86_64",
      ports: [{ host: 3000, container: 3000 }],
    });
    expect(byLabel(doc, "worker").props).toEqual({ image: "example/worker:1.4", os: "linux", arch: "arm64" });
    expect(byLabel(doc, "queue").props?.ports).toEqual([
      { host: 5672, container: 5672 },
      { host: 15672, container: 15672 },
    ]);
    expect(edgePairs(doc)).toEqual(["worker->api", "worker->queue"]);
    const model = readCompose(fixture("anchors.yml"));
    expect(model.ok && [...model.model.services[0]!.environment]).toEqual([
      ["PORT", "3000"],
      ["TZ", "Europe/Berlin"],
      ["LOG_LEVEL", "info"],
    ]);
  });

  it("long-syntax ports, udp, ranges, unpublished and host-IP ports; environment as list and map", () => {
    const doc = importOk(fixture("long-syntax.yml"));
    expect(byLabel(doc, "dns").props?.ports).toEqual([
      { host: 53, container: 53, protocol: "udp" },
      { host: 53, container: 53, protocol: "tcp" },
    ]);
    expect(byLabel(doc, "media").props?.ports).toEqual([
      { host: 8000, container: 9000 },
      { host: 8001, container: 9001 },
      { host: 8002, container: 9002 },
      { container: 9100 },
      { host: 7000, container: 7000, hostIp: "127.0.0.1" },
      { host: 6000, container: 6000, protocol: "tcp", hostIp: "::1" },
    ]);
    // The host address is the mapping's hostIp now, not a note.
    expect(byLabel(doc, "media").props?.notes).toBeUndefined();
    const model = readCompose(fixture("long-syntax.yml"));
    if (!model.ok) throw new Error("expected ok");
    expect(Object.fromEntries(model.model.services[0]!.environment)).toEqual({
      DEBUG: "NO",
      OCTAL: "0755",
      CLOCK: "22:22",
      PASSTHROUGH: null,
    });
    expect(Object.fromEntries(model.model.services[1]!.environment)).toEqual({
      MODE: "on",
      ENABLED: "yes",
      RETRIES: "3",
    });
  });

  it("two services publishing the same host port show network/port-conflict after import", () => {
    const doc = importOk(fixture("port-conflict.yml"));
    const conflicts = validate(doc).filter((p) => p.rule === "network/port-conflict");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.nodeIds).toEqual(["blue", "green"]);
  });
});

describe("YAML 1.2 core schema: 1.1-style values stay as written", () => {
  it("NO, 22:22 and 0755 stay strings in environment values and labels", () => {
    const r = readCompose(
      "services:\n  a:\n    image: x\n    environment:\n      FLAG: NO\n      TIME: 22:22\n      MODE: 0755\n    labels:\n      - flag=NO\n      - mode=0755\n    ",
    );
    if (!r.ok) throw new Error("expected ok");
    expect(Object.fromEntries(r.model.services[0]!.environment)).toEqual({
      FLAG: "NO",
      TIME: "22:22",
      MODE: "0755",
    });
    expect(Object.fromEntries(r.model.services[0]!.labels)).toEqual({ flag: "NO", mode: "0755" });
  });

  it("a port written 22:22 is host 22 → container 22 (not the sexagesimal 1342 of YAML 1.1)", () => {
    const doc = importOk("services:\n  ssh:\n    image: openssh\n    ports:\n      - 22:22\n");
    expect(byLabel(doc, "ssh").props?.ports).toEqual([{ host: 22, container: 22 }]);
  });

  it("a service named NO or 0755 keeps its name as written", () => {
    const doc = importOk("services:\n  NO:\n    image: a\n  0755:\n    image: b\n");
    expect(containers(doc).map((n) => n.label)).toEqual(["NO", "0755"]);
  });
});

describe("ports", () => {
  const ports = (spec: unknown) => {
    const doc = importOk(stringify({ services: { s: { image: "x", ports: [spec] } } }));
    return byLabel(doc, "s").props?.ports;
  };
  it.each([
    ["80", [{ container: 80 }]],
    [9000, [{ container: 9000 }]],
    ["8080:80", [{ host: 8080, container: 80 }]],
    ["127.0.0.1:8080:80", [{ host: 8080, container: 80, hostIp: "127.0.0.1" }]],
    [
      "8080-8081:80-81",
      [
        { host: 8080, container: 80 },
        { host: 8081, container: 81 },
      ],
    ],
    ["53:53/udp", [{ host: 53, container: 53, protocol: "udp" }]],
    ["3000-3001", [{ container: 3000 }, { container: 3001 }]],
    ["127.0.0.1::80", [{ container: 80 }]],
    ["8000-8010:80", [{ host: 8000, container: 80 }]],
    ["${WEB_PORT:-8081}:80", [{ host: 8081, container: 80 }]],
    ["${WEB_PORT}:80", [{ container: 80 }]],
    [{ target: 80, published: "8080-8081" }, [{ host: 8080, container: 80 }]],
    [
      { target: 80, published: 8080, protocol: "udp", host_ip: "0.0.0.0", mode: "ingress" },
      [{ host: 8080, container: 80, protocol: "udp" }],
    ],
    [{ target: 80 }, [{ container: 80 }]],
  ])("%j", (spec, expected) => {
    expect(ports(spec)).toEqual(expected);
  });

  it.each([
    ["70000:80", "70000 is out of range"],
    ["0:80", "0 is out of range"],
    ["80:http", "malformed container port"],
    ["1:2:3:4", "malformed port"],
    ["8080-8082:80-81", "differ in length"],
    ["90-80", "runs backwards"],
    ["80/icmp", "unknown protocol"],
    [{ published: 80 }, "needs target"],
    [["80"], "a port must be"],
  ])("%j is refused", (spec, message) => {
    const r = importCompose(stringify({ services: { s: { image: "x", ports: [spec] } } }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(ioMessage(r.errors[0]!, "en")).toContain(message);
      expect(r.errors[0]!.path).toMatch(/^services\.s\.ports\[0\]/);
      expect(r.errors[0]!.line).toBeGreaterThan(0);
    }
  });

  it("sctp ports are skipped with a warning", () => {
    const r = importCompose("services:\n  s:\n    image: x\n    ports: ['9999:9999/sctp', '80']\n");
    expect(r.ok && r.warnings[0] && ioMessage(r.warnings[0], "en")).toContain("sctp");
    expect(r.ok && r.document.nodes[3]!.props?.ports).toEqual([{ container: 80 }]);
  });

  it("a range that would make too many mappings is refused", () => {
    const services: Record<string, unknown> = {};
    for (let i = 0; i < 3; i++) services[`s${i}`] = { image: "x", ports: ["1-65535"] };
    const r = importCompose(stringify({ services }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(ioMessage(r.errors[0]!, "en")).toContain("port mappings");
  });
});

describe("services, ids and edges", () => {
  it("__proto__, constructor and names clashing with the stack nodes work, with unique safe ids", () => {
    const doc = importOk(
      "services:\n  __proto__:\n    image: a\n    depends_on: [constructor]\n  constructor:\n    image: b\n  linux:\n    image: c\n  'my app!':\n    image: d\n  my-app-:\n    image: e\n",
    );
    expect(({} as Record<string, unknown>).image).toBeUndefined();
    const ids = doc.nodes.map((n) => n.id).concat(doc.edges.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(containers(doc).map((n) => [n.id, n.label])).toEqual([
      ["__proto__", "__proto__"],
      ["constructor", "constructor"],
      ["linux-2", "linux"],
      ["my-app-", "my app!"],
      ["my-app--2", "my-app-"],
    ]);
    expect(edgePairs(doc)).toEqual(["__proto__->constructor"]);
  });

  it("build without image labels the image as built from its context; windows platform sets os", () => {
    const doc = importOk(
      "services:\n  a:\n    build: ./web\n  b:\n    build: {context: ./api}\n    platform: windows/amd64\n",
    );
    // The only platform says Windows: a Windows host, whose services run Windows images.
    expect(byLabel(doc, "a").props).toEqual({ image: "built from ./web", os: "windows" });
    expect(byLabel(doc, "b").props).toEqual({ image: "built from ./api", os: "windows", arch: "x86_64" });
  });

  it("one edge per pair, even when depends_on and links both name it", () => {
    const doc = importOk(
      "services:\n  a:\n    image: x\n    depends_on: [b]\n    links: ['b:bee', b]\n  b:\n    image: y\n",
    );
    expect(edgePairs(doc)).toEqual(["a->b"]);
  });

  it("a service depending on itself is an error; an empty service is a warning", () => {
    const self = importCompose("services:\n  a:\n    image: x\n    depends_on: [a]\n");
    expect(!self.ok && ioMessage(self.errors[0]!, "en")).toContain("itself");
    const empty = importCompose("services:\n  a:\n  b:\n    image: x\n");
    expect(empty.ok && empty.warnings[0]).toMatchObject({ path: "services.a", line: 2 });
  });

  it("takes the title from the options, else the compose name", () => {
    const doc = importCompose("name: proj\nservices:\n  a:\n    image: x\n", { title: "Mine" });
    expect(doc.ok && doc.document.title).toBe("Mine");
  });

  it("compose's !reset and !override tags are accepted", () => {
    const doc = importOk(
      "services:\n  a:\n    image: x\n    ports: !override ['80:80']\n    labels: !reset []\n",
    );
    expect(byLabel(doc, "a").props?.ports).toEqual([{ host: 80, container: 80 }]);
  });
});

describe("limits and hostile YAML", () => {
  it("a generated 2,000-service file imports, with one container per service and its edges", () => {
    const lines = ["services:"];
    for (let i = 0; i < 2000; i++)
      lines.push(
        `  svc${i}:`,
        `    image: example/svc:${i}`,
        `    ports: ["${10000 + i}:80"]`,
        ...(i > 0 ? [`    depends_on: [svc${i - 1}]`] : []),
      );
    const doc = importOk(lines.join("\n"));
    expect(containers(doc)).toHaveLength(2000);
    expect(doc.edges).toHaveLength(1999);
    expect(validate(doc).filter((p) => p.rule === "network/port-conflict")).toEqual([]);
  }, 60_000);

  it("more services than a document holds are refused", () => {
    const lines = ["services:"];
    for (let i = 0; i < LIMITS.nodes; i++) lines.push(`  s${i}: {image: x}`);
    const r = importCompose(lines.join("\n"));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toMatchObject({ path: "services", code: "composeTooManyServices" });
      expect(ioMessage(r.errors[0]!, "en")).toContain("more than a document holds");
    }
  }, 120_000);

  it("input over 10 MB is refused before parsing", () => {
    const r = importCompose(`services: {}\n#${"x".repeat(LIMITS.bytes)}`);
    expect(!r.ok && ioMessage(r.errors[0]!, "en")).toContain("10 MB");
  });

  it("a deep billion-laughs bomb is refused (never expanded)", () => {
    const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 30; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(",")}]`);
    lines.push("services:", "  web:", `    labels: *a29`);
    const r = importCompose(lines.join("\n"));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([expect.objectContaining({ code: "yamlAliasLimit" })]);
      expect(ioMessage(r.errors[0]!, "en")).toContain("billion laughs");
    }
  });

  it("the guard measures expansion, not the count of aliases: 500 uses of an anchor import, a bomb is refused where it crosses", () => {
    // Hundreds of ordinary aliases (Sentry's file has 134) expand to a few times the source.
    const lines = ["x-c: &c {image: x, restart: unless-stopped, environment: {A: '1', B: '2'}}", "services:"];
    for (let i = 0; i < 500; i++) lines.push(`  s${i}: *c`);
    expect(containers(importOk(lines.join("\n")))).toHaveLength(500);
    // 20 uses of an anchor standing for 1,000 nodes: past 100× the file's own nodes.
    const big = `x-big: &big [${Array.from({ length: 1000 }, (_, i) => i).join(",")}]\nservices:\n  a:\n    image: x\n${Array.from(
      { length: 20 },
      (_, i) => `x-u${i}: *big`,
    ).join("\n")}\n`;
    const r = importCompose(big);
    expect(r.ok).toBe(true);
    const bomb = `x-big: &big [${Array.from({ length: 1000 }, (_, i) => i).join(",")}]\nservices:\n  a:\n    image: x\n${Array.from(
      { length: 200 },
      (_, i) => `x-u${i}: *big`,
    ).join("\n")}\n`;
    const b = importCompose(bomb);
    expect(!b.ok && b.errors[0]).toMatchObject({ line: 144, column: 9, code: "yamlAliasLimit" });
    expect(!b.ok && ioMessage(b.errors[0]!, "en")).toContain(
      "the aliases expand past 140,900 nodes (100× the file's own, or 1,000,000) at *big",
    );
  });

  it.each([
    ["a: &a [*a]\n", "cyclic alias"],
    ["a: &a {b: *a}\n", "cyclic alias"],
    ["services: *nope\n", "unknown alias"],
    ["services:\n  a: !!binary aGk=\n", "!!binary"],
    ["services: !!set {a}\n", "!!set"],
    ["services:\n  a:\n    image: !<tag:yaml.org,2002:js/undefined> x\n", "!!js/undefined"],
    ["a: 1\n---\nb: 2\n", "several YAML documents"],
    ["", "empty"],
    ["# only a comment\n", "empty"],
    ["services: [a, b]\n", "services: is a list"],
    ["services: {}\n", "empty mapping"],
    ["version: '3'\n", "no services: key"],
    ["just text\n", "not a mapping"],
    ["services:\n  a: [1]\n", "must be a mapping"],
    [`${"[".repeat(5000)}`, "nested more than 100 levels deep"],
    [`${"[".repeat(200)}${"]".repeat(200)}`, "nested more than"],
    ["services:\n  a:\n    image: x\n    depends_on: 3\n", "depends_on must be"],
    ["services:\n  a:\n    image: [x]\n", "image must be a string"],
    ["services:\n  a:\n    environment: x\n", "mapping or a list"],
    ["services:\n  ? [a]\n  : {image: x}\n", "mapping key"],
    ["\u0000\u0001services", ""],
  ])("%j is refused: %s", (text, message) => {
    const r = importCompose(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(ioMessage(r.errors[0]!, "en")).toContain(message);
  });
});
