/**
 * The hand-written Compose feature files (tests/fixtures/compose/features): each file's expected
 * containers, edges, warnings and the props that show its feature; every document valid, laid out
 * and reading back.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { validate } from "../../../src/domain/rules/index.ts";
import { importCompose } from "../../../src/io/compose.ts";
import { readDocument } from "../../../src/io/read.ts";
import { byLabel, containers, edgePairs, FIXTURES, fixture } from "./helpers.ts";

/** `edges`: the network edges; `volumes`: the volume nodes' labels (none when left out). */
const EXPECTED: Record<
  string,
  { containers: string[]; edges: string[]; warnings: string[]; volumes?: string[] }
> = {
  "profiles-volumes.yml": {
    containers: ["app", "db", "worker", "scheduler", "metrics", "sidecar"],
    edges: ["app->db"],
    warnings: ["composeProfilesInactive"],
    // The docs service's "." is left out with the service (its profile is not active).
    volumes: ["./src", "node_modules", "tmpfs", "pgdata", "anonymous volume"],
  },
  "docker-compose.override.yml": { containers: ["web", "db"], edges: [], warnings: ["composeOverride"] },
  "extends-common.yml": {
    containers: ["worker-base", "email-worker", "report-worker"],
    edges: [],
    warnings: [],
  },
  "windows-stack.yml": { containers: ["web", "sql"], edges: ["web->sql"], warnings: [] },
  "network-modes.yml": { containers: ["vpn", "torrent", "agent", "batch"], edges: [], warnings: [] },
  "ipv6-ports.yml": { containers: ["api"], edges: [], warnings: [] },
  "interpolated-images.yml": { containers: ["app", "proxy", "cache"], edges: [], warnings: [] },
  // UTF-16 LE with its byte order mark and CRLF line ends, read as bytes.
  "utf16-windows.yml": {
    containers: ["wiki", "db"],
    edges: ["wiki->db"],
    warnings: [],
    volumes: ["wiki-db"],
  },
};

describe("the Compose feature collection", () => {
  it("has an expectation for every file", () => {
    expect(
      readdirSync(join(FIXTURES, "features"))
        .filter((f) => f.endsWith(".yml"))
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))(
    "%s: its containers, edges and warnings; valid, laid out, reads back",
    (file, want) => {
      const r = importCompose(readFileSync(join(FIXTURES, "features", file)));
      if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
      expect(containers(r.document).map((n) => n.label)).toEqual(want.containers);
      const network = { ...r.document, edges: r.document.edges.filter((e) => e.kind === "network") };
      expect(edgePairs(network)).toEqual(want.edges);
      expect(r.document.nodes.filter((n) => n.kind === "volume").map((n) => n.label)).toEqual(
        want.volumes ?? [],
      );
      expect(r.warnings.map((w) => w.code)).toEqual(want.warnings);
      expect(r.document.nodes.every((n) => n.position && n.size)).toBe(true);
      expect(validate(r.document).filter((p) => p.severity === "error")).toEqual([]);
      expect(readDocument(JSON.stringify(r.document)).ok).toBe(true);
    },
  );

  it("extends: the workers take the base's image and platform, their own replicas and expose", () => {
    const d = importCompose(fixture("features/extends-common.yml"));
    if (!d.ok) throw new Error("refused");
    expect(byLabel(d.document, "email-worker").props).toEqual({
      image: "ghcr.io/example/worker:4.1",
      os: "linux",
      arch: "arm64",
      replicas: 2,
    });
    expect(byLabel(d.document, "report-worker").props).toEqual({
      image: "ghcr.io/example/worker:4.1",
      os: "linux",
      arch: "arm64",
      ports: [{ container: 9100 }],
    });
  });

  it("a Windows stack on a Windows host; network modes; IPv6 and all-address ports; images from variables' defaults", () => {
    const win = importCompose(fixture("features/windows-stack.yml"));
    expect(win.ok && win.document.nodes.find((n) => n.kind === "kernel")!.props).toEqual({
      family: "windows",
    });
    expect(win.ok && byLabel(win.document, "sql").props).toEqual({
      image: "example/mssql-windows:2022",
      os: "windows",
      ports: [{ host: 1433, container: 1433, hostIp: "127.0.0.1" }],
    });
    const net = importCompose(fixture("features/network-modes.yml"));
    if (!net.ok) throw new Error("refused");
    expect(byLabel(net.document, "torrent").props).toEqual({
      image: "lscr.io/linuxserver/qbittorrent:4.6.5",
      notes: "shares the network namespace of service vpn",
    });
    expect(byLabel(net.document, "agent").props).toMatchObject({ network: "host", replicas: 1 });
    expect(byLabel(net.document, "batch").props).toMatchObject({ network: "none", replicas: 0 });
    const v6 = importCompose(fixture("features/ipv6-ports.yml"));
    expect(v6.ok && byLabel(v6.document, "api").props!.ports).toEqual([
      { host: 8080, container: 8080, hostIp: "::1" },
      { host: 9090, container: 9090 },
      { host: 443, container: 8443 },
      { host: 53, container: 53, protocol: "udp", hostIp: "10.1.2.3" },
    ]);
    const img = importCompose(fixture("features/interpolated-images.yml"));
    if (!img.ok) throw new Error("refused");
    expect(containers(img.document).map((n) => n.props!.image)).toEqual([
      "registry.example.com/app:latest",
      "nginx:1.27-alpine",
      "redis:7",
    ]);
  });
});
