/**
 * The Kubernetes importer over the hand-written collection in tests/fixtures/k8s: each file's
 * expected nodes by kind, edges by kind, props and warnings (what was not drawn), every document
 * valid and reading back; and every refusal of tests/fixtures/k8s/bad with its message and line:column.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { validate } from "../../../src/domain/rules/index.ts";
import { importK8s, ioLine, type ImportResult } from "../../../src/io/k8s.ts";
import { readDocument } from "../../../src/io/read.ts";
import { byLabel, childLabels, counts, edgeLines, fixture, FIXTURES } from "./helpers.ts";

const imp = (file: string): Extract<ImportResult, { ok: true }> => {
  const r = importK8s([{ name: file, data: fixture(`k8s/${file}`) }]);
  if (!r.ok) throw new Error(`${file} refused: ${r.errors.map((e) => ioLine(e, "en")).join("; ")}`);
  return r;
};

/** The stack every import has: cluster, control plane, one Linux worker (vm → kernel → containerd). */
const BASE = { "k8s-cluster": 1, "control-plane": 1, vm: 1, kernel: 1, "container-engine": 1 };

const EXPECTED: Record<
  string,
  { nodes: Record<string, number>; edges: Record<string, number>; warnings: string[] }
> = {
  "crds-rbac.yaml": { nodes: { ...BASE, pod: 1, container: 1 }, edges: {}, warnings: ["k8sObjectsNotDrawn"] },
  "cronjob-job.yaml": {
    nodes: { ...BASE, pod: 2, container: 2, volume: 2 },
    edges: { mounts: 2 },
    warnings: ["importNotDrawn"],
  },
  "daemonset-logging.yaml": {
    nodes: { ...BASE, pod: 1, container: 1, volume: 3, "k8s-service": 1 },
    edges: { mounts: 3, routes: 1 },
    warnings: ["k8sObjectsNotDrawn"],
  },
  "deployment.json": {
    nodes: { ...BASE, pod: 1, container: 1, volume: 1 },
    edges: { mounts: 1 },
    warnings: [],
  },
  "eks-fargate.yaml": {
    nodes: { cloud: 1, ...BASE, pod: 1, container: 1, volume: 1 },
    edges: { mounts: 1 },
    warnings: ["k8sObjectsNotDrawn"],
  },
  "eks-irsa.yaml": {
    nodes: { cloud: 1, ...BASE, pod: 1, container: 1, "k8s-service": 1 },
    edges: { routes: 1 },
    warnings: ["importNotDrawn", "k8sObjectsNotDrawn"],
  },
  "helm-wordpress.yaml": {
    nodes: { ...BASE, pod: 2, container: 3, volume: 3, "k8s-service": 2, "server-app": 1 },
    edges: { mounts: 4, routes: 2 },
    warnings: ["k8sObjectsNotDrawn"],
  },
  "ingress-legacy.yaml": {
    nodes: { ...BASE, pod: 2, container: 2, "k8s-service": 3 },
    edges: { routes: 4 },
    warnings: ["k8sUnknownService"],
  },
  "init-sidecar.yaml": {
    nodes: { ...BASE, pod: 1, container: 4, volume: 2, "k8s-service": 1 },
    edges: { mounts: 3, routes: 1 },
    warnings: ["importNotDrawn"],
  },
  "legacy-controllers.yaml": { nodes: { ...BASE, pod: 3, container: 3 }, edges: {}, warnings: [] },
  "list.json": {
    nodes: { ...BASE, pod: 1, container: 1, "k8s-service": 1 },
    edges: { routes: 1 },
    warnings: ["k8sObjectsNotDrawn"],
  },
  "node-exporters.yaml": {
    nodes: { ...BASE, vm: 2, kernel: 2, "container-engine": 2, pod: 4, container: 4, volume: 1 },
    edges: { mounts: 1 },
    warnings: [],
  },
  "nodeport-hostport.yaml": {
    nodes: { ...BASE, pod: 2, container: 2, "k8s-service": 1, "server-app": 1 },
    edges: { routes: 1 },
    warnings: ["importNotDrawn", "importNotDrawn"],
  },
  "redis-statefulset.yaml": {
    nodes: { ...BASE, pod: 1, container: 1, volume: 2, "k8s-service": 1 },
    edges: { mounts: 2, routes: 1 },
    warnings: ["k8sObjectsNotDrawn"],
  },
  "services-selectors.yaml": {
    nodes: { ...BASE, pod: 2, container: 2, "k8s-service": 5 },
    edges: { routes: 3 },
    warnings: ["k8sSelectsNothing", "k8sObjectsNotDrawn"],
  },
  "web-app.yaml": {
    nodes: { ...BASE, pod: 2, container: 2, volume: 2, "k8s-service": 3 },
    edges: { mounts: 2, routes: 3 },
    warnings: ["k8sObjectsNotDrawn"],
  },
  "windows-iis.yaml": {
    nodes: {
      ...BASE,
      vm: 2,
      kernel: 2,
      "container-engine": 2,
      pod: 2,
      container: 2,
      "k8s-service": 2,
      "server-app": 2,
    },
    edges: { routes: 2 },
    warnings: [],
  },
};

describe("the Kubernetes collection", () => {
  const files = readdirSync(path.join(FIXTURES, "k8s")).filter((f) => /\.(ya?ml|json)$/.test(f));

  it("has at least 15 files, and an expectation for each", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))(
    "%s: the expected nodes, edges and warnings; valid and reads back",
    (file, want) => {
      const r = imp(file);
      expect(counts(r.document)).toEqual({ nodes: want.nodes, edges: want.edges });
      expect(r.warnings.map((w) => w.code)).toEqual(want.warnings);
      const read = readDocument(JSON.stringify(r.document));
      expect(read.ok).toBe(true);
      for (const n of r.document.nodes) expect(n.position && n.size).toBeTruthy(); // laid out
    },
  );

  it("draws a multi-document file: workloads as pods with replicas and namespace, Services and an Ingress routing by selector", () => {
    const { document: d, warnings } = imp("web-app.yaml");
    const web = byLabel(d, "web");
    expect(web).toMatchObject({ kind: "pod", props: { namespace: "shop", replicas: 3 } });
    expect(byLabel(d, "db").props).toMatchObject({ namespace: "shop", replicas: 1, notes: "StatefulSet" });
    expect(childLabels(d, web.id)).toEqual(["web"]);
    expect(d.nodes.find((n) => n.parentId === web.id)!.props).toEqual({
      image: "ghcr.io/example/shop-web:2.4.1",
      ports: [{ container: 8080 }],
    });
    expect(edgeLines(d)).toEqual([
      "mounts web → ConfigMap web-config [/etc/shop]",
      "mounts postgres → PVC data-db-N [/var/lib/postgresql/data]",
      "routes web → web",
      "routes db → db",
      "routes shop: shop.example.com → web",
    ]);
    const ingress = byLabel(d, "shop: shop.example.com");
    expect(ingress).toMatchObject({ kind: "k8s-service", props: { serviceType: "LoadBalancer" } });
    expect(byLabel(d, "web").kind).toBe("pod");
    expect(d.nodes.find((n) => n.kind === "k8s-service" && n.label === "web")!.props).toMatchObject({
      serviceType: "ClusterIP",
      ports: [{ port: 80, targetPort: "http" }],
    });
    // The report: what was not drawn, by kind and count, on the cluster and as a warning.
    expect(ioLine(warnings[0]!, "en")).toBe("$: not drawn: 1 Namespace, 1 ConfigMap");
    expect(ioLine(warnings[0]!, "ko")).toBe("$: 그리지 않음: Namespace 1개, ConfigMap 1개");
    expect(d.nodes[0]).toMatchObject({
      kind: "k8s-cluster",
      props: { managed: "self", notes: "Import report (not drawn):\n- not drawn: 1 Namespace, 1 ConfigMap" },
    });
    // The worker's hypervisor is not in the manifests: said, not drawn.
    expect(validate(d).filter((p) => p.suppressed === undefined)).toEqual([]);
  });

  it("reads Helm's rendered output: Source comments, an empty last document, init containers, emptyDir, claims, NodePorts", () => {
    const { document: d } = imp("helm-wordpress.yaml");
    const wp = byLabel(d, "blog-wordpress");
    expect(wp.kind).toBe("pod");
    expect(childLabels(d, wp.id)).toEqual(["prepare-base-dir (init)", "emptyDir empty-dir", "wordpress"]);
    expect(byLabel(d, "emptyDir empty-dir")).toMatchObject({
      parentId: wp.id,
      props: { volumeType: "volume" },
    });
    expect(byLabel(d, "PVC blog-wordpress").props).toEqual({
      source: "blog-wordpress",
      volumeType: "volume",
    });
    // The LoadBalancer's node ports listen on the worker's kernel.
    expect(byLabel(d, "kube-proxy (NodePorts)")).toMatchObject({
      kind: "server-app",
      parentId: "linux-worker-kernel",
      props: { ports: [31080, 31443] },
    });
    expect(edgeLines(d)).toContain("mounts wordpress → PVC blog-wordpress [/bitnami/wordpress]");
    expect(edgeLines(d)).toContain("mounts prepare-base-dir (init) → emptyDir empty-dir [/emptydir]");
  });

  it("puts a DaemonSet on every worker it allows, host paths on the worker's kernel", () => {
    const { document: d } = imp("daemonset-logging.yaml");
    const fb = byLabel(d, "fluent-bit");
    expect(fb.props).toEqual({ namespace: "logging", notes: "DaemonSet: one pod on every node" });
    expect(byLabel(d, "/var/log")).toMatchObject({
      kind: "volume",
      parentId: "linux-worker-kernel",
      props: { volumeType: "bind", source: "/var/log" },
    });
    const ex = imp("node-exporters.yaml").document;
    expect(ex.nodes.filter((n) => n.kind === "pod").map((n) => [n.id, n.parentId])).toEqual([
      ["node-exporter", "linux-worker-containerd"],
      ["windows-exporter", "windows-worker-containerd"],
      ["kube-proxy-helper-linux", "linux-worker-containerd"],
      ["kube-proxy-helper-windows", "windows-worker-containerd"],
    ]);
    expect(byLabel(ex, "node-exporter").kind).toBe("pod");
    expect(ex.nodes.find((n) => n.id === "node-exporter-node-exporter")!.props).toEqual({
      image: "quay.io/prometheus/node-exporter:v1.8.1",
      ports: [{ container: 9100, host: 9100 }],
      network: "host",
    });
    expect(ex.nodes.find((n) => n.id === "windows-exporter-windows-exporter")!.props).toMatchObject({
      os: "windows",
      ports: [{ container: 9182, host: 9182 }],
    });
    // A DaemonSet without a node selector lands on the Windows node too, with its Linux image: the
    // rules say so (true in a real cluster).
    expect(
      validate(ex)
        .filter((p) => p.suppressed === undefined)
        .map((p) => [p.rule, p.nodeIds[0]]),
    ).toEqual([["container/kernel-mismatch", "kube-proxy-helper-windows-helper"]]);
  });

  it("draws a Windows worker (Windows Server) when a workload selects kubernetes.io/os: windows", () => {
    const { document: d } = imp("windows-iis.yaml");
    expect(byLabel(d, "Windows worker node").kind).toBe("vm");
    expect(byLabel(d, "Windows Server").props).toEqual({ family: "windows", distro: "Windows Server" });
    const iis = byLabel(d, "iis-frontend");
    expect(iis.parentId).toBe("windows-worker-containerd");
    expect(d.nodes.find((n) => n.parentId === iis.id)!.props).toMatchObject({ os: "windows" });
    const api = byLabel(d, "orders-api");
    expect(api.parentId).toBe("linux-worker-containerd");
    expect(d.nodes.find((n) => n.parentId === api.id)!.props).toMatchObject({ arch: "arm64" });
    // The NodePort listens on every worker's kernel.
    expect(d.nodes.filter((n) => n.kind === "server-app").map((n) => [n.parentId, n.props?.ports])).toEqual([
      ["linux-worker-kernel", [30080]],
      ["windows-worker-kernel", [30080]],
    ]);
    expect(validate(d).filter((p) => p.suppressed === undefined)).toEqual([]);
  });

  it("matches Services to pods by every selector label, in the Service's namespace", () => {
    const { document: d, warnings } = imp("services-selectors.yaml");
    expect(edgeLines(d)).toEqual([
      "routes api → api-v1",
      "routes api → api-v2",
      "routes api-canary → api-v2",
    ]);
    expect(d.nodes.find((n) => n.label === "legacy-db")!.props).toEqual({
      serviceType: "ClusterIP",
      ports: [{ port: 5432 }],
      notes: "no selector: its endpoints are managed elsewhere",
    });
    expect(d.nodes.find((n) => n.label === "payments")!.props).toEqual({
      serviceType: "ExternalName",
      notes: "externalName payments.example.net",
    });
    expect(ioLine(warnings[0]!, "en")).toBe(
      '69:1: $[7]: Service "orphan" selects no workload of these files; drawn without routes',
    );
    expect(byLabel(d, "api-v1").props).toMatchObject({ replicas: 4 });
  });

  it("reads host ports with their address, UDP, and NodePorts — and says which it cannot draw", () => {
    const { document: d, warnings } = imp("nodeport-hostport.yaml");
    expect(d.nodes.find((n) => n.id === "coredns-edge-coredns")!.props).toEqual({
      image: "coredns/coredns:1.11.1",
      ports: [
        { container: 53, host: 53, protocol: "udp", hostIp: "10.0.0.10" },
        { container: 53, host: 53, hostIp: "10.0.0.10" },
      ],
    });
    expect(byLabel(d, "kube-proxy (NodePorts)").props).toMatchObject({ ports: [30880] });
    expect(warnings.map((w) => ioLine(w, "en"))).toEqual([
      "68:7: $[2].spec.ports[2]: Service game: nodePort of port 8081 not drawn (the cluster picks the port when it creates the Service)",
      "49:1: $[2]: Service game: UDP node port 30777 as a listener not drawn (Stackdraw has no place for it)",
    ]);
  });

  it("counts replicas of Jobs as their parallelism, ReplicaSets' 0 as 0, and draws a bare Pod once", () => {
    expect(byLabel(imp("cronjob-job.yaml").document, "render-thumbnails").props).toMatchObject({
      replicas: 4,
    });
    expect(byLabel(imp("cronjob-job.yaml").document, "nightly-backup").props).toMatchObject({
      replicas: 1,
      notes: "CronJob",
    });
    expect(byLabel(imp("cronjob-job.yaml").document, "emptyDir scratch").props).toMatchObject({
      volumeType: "tmpfs",
    });
    const legacy = imp("legacy-controllers.yaml").document;
    expect(byLabel(legacy, "redis-replica").props).toMatchObject({ replicas: 0 });
    expect(byLabel(legacy, "frontend-rc").props).toMatchObject({
      replicas: 3,
      notes: "ReplicationController",
    });
    expect(byLabel(legacy, "debug-shell").props).toMatchObject({ replicas: 1, notes: "Pod" });
  });

  it("draws an EKS cluster inside an AWS cloud when the manifests say EKS", () => {
    for (const f of ["eks-irsa.yaml", "eks-fargate.yaml"]) {
      const d = imp(f).document;
      expect(d.nodes.slice(0, 2).map((n) => [n.kind, n.label, n.props])).toEqual([
        ["cloud", "AWS Cloud", { provider: "aws" }],
        ["k8s-cluster", "EKS cluster", expect.objectContaining({ managed: "eks" })],
      ]);
      expect(validate(d)).toEqual([]);
    }
  });

  it("reads JSON: a List with its items, and a single object", () => {
    const list = imp("list.json").document;
    expect(byLabel(list, "nginx").props).toMatchObject({ namespace: "default", replicas: 2 });
    expect(list.nodes[0]!.props!.notes).toContain("not drawn: 1 HorizontalPodAutoscaler");
    expect(byLabel(imp("deployment.json").document, "metrics-server").props).toMatchObject({
      namespace: "kube-system",
      replicas: 1,
    });
  });

  it("imports several files as one cluster, each warning naming its file", () => {
    const r = importK8s([
      { name: "a.yaml", data: fixture("k8s/web-app.yaml") },
      { name: "b.yaml", data: fixture("k8s/ingress-legacy.yaml") },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(counts(r.document).nodes.pod).toBe(4);
    expect(r.warnings.map((w) => [w.file, w.code])).toEqual([
      ["b.yaml", "k8sUnknownService"],
      [undefined, "k8sObjectsNotDrawn"],
    ]);
    expect(r.document.nodes[0]!.props!.notes).toContain('b.yaml: Ingress "main" sends to Service "api"');
  });
});

describe("refusals", () => {
  const BAD: [string, string, string, string][] = [
    [
      "compose.yaml",
      "importWrongImporter",
      "1:1",
      "this is a Docker Compose file, not Kubernetes manifests: import it as Docker Compose (import compose)",
    ],
    [
      "ecs-task.json",
      "importWrongImporter",
      "1:1",
      "this is an ECS task definition, not Kubernetes manifests: import it as an ECS task definition (import ecs)",
    ],
    [
      "stackdraw.json",
      "importWrongImporter",
      "1:1",
      "this is a Stackdraw document, not Kubernetes manifests: open it instead",
    ],
    [
      "not-object.yaml",
      "k8sNotObject",
      "1:1",
      "a Kubernetes object is a mapping (apiVersion:, kind:, metadata:…), not a list",
    ],
    [
      "no-kind.yaml",
      "k8sNoKind",
      "1:1",
      "no kind: a Kubernetes object says what it is with kind: (Deployment, Service…)",
    ],
    [
      "containers-map.yaml",
      "importFieldInvalid",
      "9:9",
      "spec.template.spec.containers: containers must be a list, not a mapping",
    ],
    [
      "port-out-of-range.yaml",
      "importFieldInvalid",
      "10:26",
      'spec.containers[0].ports[0].containerPort: containerPort must be a port (an integer 1–65535), not "70000"',
    ],
    [
      "replicas-text.yaml",
      "importFieldInvalid",
      "12:13",
      '$[1].spec.replicas: replicas must be a whole number (0 or more), not "three"',
    ],
    ["empty.yaml", "importEmpty", "", "$: no object to import: the file holds no Kubernetes manifests"],
    [
      "yaml-syntax.yaml",
      "yamlSyntax",
      "5:1",
      "YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ],
    ["tag.yaml", "yamlTagNotAllowed", "2:7", "the tag !!js/function is not allowed"],
  ];

  it("has a fixture for each refusal", () => {
    expect(readdirSync(path.join(FIXTURES, "k8s/bad")).sort()).toEqual(BAD.map((b) => b[0]).sort());
  });

  it.each(BAD)("%s: %s at %s", (file, code, at, message) => {
    const r = importK8s([{ name: file, data: fixture(`k8s/bad/${file}`) }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors[0]!;
    expect(e.code).toBe(code);
    expect(e.line !== undefined ? `${e.line}:${e.column}` : "").toBe(at);
    expect(ioLine(e, "en")).toContain(message);
    expect(ioLine(e, "ko")).toMatch(/[\uac00-\ud7a3]/u);
  });

  it("refuses text that is not UTF-8 naming the byte, reads UTF-16 with a BOM, refuses over 10 MB", () => {
    const bad = importK8s([{ name: "x", data: new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0xff, 0x0a]) }]);
    expect(bad.ok ? undefined : bad.errors[0]).toMatchObject({
      code: "cannotRead",
      params: { cause: "notUtf8", offset: 4 },
    });
    const text =
      "apiVersion: v1\nkind: Pod\nmetadata: { name: u16 }\nspec: { containers: [{ name: a, image: busybox }] }\n";
    const u16 = new Uint8Array(2 + text.length * 2);
    u16[0] = 0xff;
    u16[1] = 0xfe;
    for (let i = 0; i < text.length; i++) u16[2 + i * 2] = text.charCodeAt(i);
    const ok = importK8s([{ name: "u16.yaml", data: u16 }]);
    expect(ok.ok && byLabel(ok.document, "u16").kind).toBe("pod");
    const big = importK8s([{ name: "big", data: new Uint8Array(10 * 1024 * 1024 + 1) }]);
    expect(big.ok ? undefined : big.errors[0]).toMatchObject({
      code: "importTooLarge",
      params: { format: "k8s" },
    });
  });

  it("refuses what would draw more nodes than a document holds", () => {
    const docs = Array.from(
      { length: 10_001 },
      (_, i) =>
        `---\napiVersion: v1\nkind: Pod\nmetadata: { name: p${i} }\nspec: { containers: [{ name: a, image: x }] }\n`,
    ).join("");
    const r = importK8s([{ name: "many.yaml", data: docs }]);
    expect(r.ok ? undefined : r.errors[0]).toMatchObject({
      code: "importTooManyNodes",
      params: { limit: 20_000 },
    });
  });
});
