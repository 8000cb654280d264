/**
 * fast-check generators of valid Stackdraw documents: a random forest of random kinds with random
 * props drawn from the catalog's descriptors (so a new kind or prop is covered without touching
 * this file), and edges between existing nodes. Parents always precede children in generation,
 * so there are no cycles; `shuffledDocument` then lists the nodes in any order.
 */
import fc from "fast-check";
import { COMMON_PROPS, EDGE_KINDS, KIND_DEFS, KINDS, type Kind } from "../../../src/domain/kinds/catalog.ts";
import type { PropSpec } from "../../../src/domain/kinds/props.ts";
import type { StackDocument, StackEdge, StackNode } from "../../../src/domain/document.ts";

const KNOWN_TEXT = [
  "Ubuntu",
  "FreeBSD",
  "windows server",
  "Amazon-Linux",
  "macOS",
  "Solaris",
  "nginx:1.27",
  "app:2",
  "EC2",
  "",
];

const port = fc.integer({ min: 1, max: 65535 });
/** Mostly a few common ports, so that conflicts actually happen. */
const likelyPort = fc.oneof(fc.constantFrom(53, 80, 443, 8080), port);

function propValue(spec: PropSpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case "enum":
      return fc.constantFrom(...spec.options.map((o) => o.value));
    case "text":
      return fc.oneof(fc.constantFrom(...KNOWN_TEXT), fc.string({ maxLength: 8 }));
    case "count":
      return fc.oneof(fc.constantFrom(0, 1, 1, 2, 3), fc.nat({ max: 5 }));
    case "text-list":
      return fc.array(fc.constantFrom("dev", "prod", "debug"), { maxLength: 2 });
    case "port-list":
      return fc.array(likelyPort, { maxLength: 3 });
    case "container-ports":
      return fc.array(
        fc.record(
          {
            host: likelyPort,
            container: likelyPort,
            protocol: fc.constantFrom("tcp" as const, "udp" as const),
            hostIp: fc.constantFrom("0.0.0.0", "127.0.0.1", "127.0.0.2", "::", "::1"),
          },
          { requiredKeys: ["container"] },
        ),
        { maxLength: 3 },
      );
    case "service-ports":
      return fc.array(
        fc.record(
          {
            port: likelyPort,
            targetPort: fc.oneof(likelyPort, fc.constantFrom("http", "metrics")),
            nodePort: fc.integer({ min: 30000, max: 30005 }),
            protocol: fc.constantFrom("tcp" as const, "udp" as const),
          },
          { requiredKeys: ["port"] },
        ),
        { maxLength: 3 },
      );
  }
}

/** Random props for a kind: any subset of its own and the common props. */
export function propsFor(kind: Kind): fc.Arbitrary<Record<string, unknown> | undefined> {
  const specs: Record<string, PropSpec> = { ...KIND_DEFS[kind].props, ...COMMON_PROPS };
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, spec] of Object.entries(specs)) model[key] = propValue(spec);
  return fc.option(fc.record(model, { requiredKeys: [] }), { nil: undefined });
}

const nodeDraft = fc.constantFrom(...KINDS).chain((kind) =>
  fc.record({
    kind: fc.constant(kind),
    props: propsFor(kind),
    label: fc.option(fc.constantFrom("web", "db", "Rack 1", "웹 서버"), { nil: undefined }),
    /** Fraction picking the parent among the nodes drawn before this one; null = root. */
    parent: fc.option(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { nil: null, freq: 4 }),
  }),
);

/** A valid document of up to `maxNodes` nodes, parents listed before children. */
export function arbDocument(maxNodes = 30): fc.Arbitrary<StackDocument> {
  return fc.array(nodeDraft, { maxLength: maxNodes }).chain((drafts) => {
    const nodes: StackNode[] = drafts.map((d, i) => {
      const n: StackNode = { id: `n${i}`, kind: d.kind };
      if (d.parent !== null && i > 0) n.parentId = `n${Math.floor(d.parent * i)}`;
      if (d.props !== undefined) n.props = d.props;
      if (d.label !== undefined) n.label = d.label;
      return n;
    });
    const edges: fc.Arbitrary<StackEdge[]> =
      nodes.length === 0
        ? fc.constant([])
        : fc
            .array(
              fc.record({
                kind: fc.constantFrom(...EDGE_KINDS),
                source: fc.integer({ min: 0, max: nodes.length - 1 }),
                target: fc.integer({ min: 0, max: nodes.length - 1 }),
              }),
              { maxLength: 6 },
            )
            .map((es) =>
              es.map((e, i) => ({
                id: `e${i}`,
                kind: e.kind,
                source: `n${e.source}`,
                target: `n${e.target}`,
              })),
            );
    return edges.map((es): StackDocument => ({ format: "stackdraw", version: 1, nodes, edges: es }));
  });
}

/** A document together with the same document, its nodes listed in another order. */
export function arbDocumentAndShuffle(maxNodes = 30): fc.Arbitrary<[StackDocument, StackDocument]> {
  return arbDocument(maxNodes).chain((d) =>
    fc
      .shuffledSubarray(d.nodes, { minLength: d.nodes.length, maxLength: d.nodes.length })
      .map((nodes): [StackDocument, StackDocument] => [d, { ...d, nodes }]),
  );
}

/** What usually runs on (or sits in) each kind, for {@link arbStack}; `null` = the root. */
const PLAUSIBLE: Record<Kind | "root", readonly Kind[]> = {
  root: ["physical-host", "physical-host", "cloud", "ecs-cluster", "k8s-cluster", "vm", "group"],
  "physical-host": ["kernel", "kernel", "hypervisor", "container-engine", "server-app", "vm"],
  hypervisor: ["vm", "vm", "kernel"],
  vm: ["kernel", "kernel", "container-engine", "server-app", "hypervisor"],
  kernel: ["container-engine", "container-engine", "server-app", "hypervisor", "container", "pod"],
  "container-engine": ["container", "container", "container", "pod", "ecs-task"],
  container: ["container-engine", "server-app", "kernel"],
  "server-app": [],
  fargate: ["ecs-task", "pod", "vm", "container"],
  group: ["physical-host", "vm", "container-engine", "server-app"],
  cloud: ["vm", "ecs-cluster", "k8s-cluster", "physical-host"],
  "ecs-cluster": ["fargate", "vm", "container"],
  "ecs-task": ["container", "container", "kernel"],
  "k8s-cluster": ["fargate", "vm", "control-plane", "container"],
  "control-plane": [],
  pod: ["container", "container", "kernel"],
  registry: [],
  image: [],
  volume: [],
  "k8s-service": [],
};

/** Props as plausible stacks have them: few values, so that conflicts and mismatches happen. */
function plausibleProps(kind: Kind): fc.Arbitrary<Record<string, unknown> | undefined> {
  const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const clean = (r: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k] = v;
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const managedBy = opt(fc.constantFrom("user", "provider"));
  const port = fc.constantFrom(80, 443, 8080);
  switch (kind) {
    case "physical-host":
      return fc.record({ arch: opt(fc.constantFrom("x86_64", "arm64")), managedBy }).map(clean);
    case "hypervisor":
      return fc
        .record({
          hypervisorType: opt(fc.constantFrom("type1", "type2")),
          product: opt(fc.constantFrom("ESXi", "KVM", "Hyper-V", "VirtualBox")),
          managedBy,
        })
        .map(clean);
    case "vm":
      return fc
        .record({
          product: opt(fc.constantFrom("EC2", "Linode")),
          arch: opt(fc.constantFrom("x86_64", "arm64")),
          managedBy,
        })
        .map(clean);
    case "kernel":
      return fc
        .record({
          family: opt(fc.constantFrom("linux", "windows", "bsd", "solaris")),
          distro: opt(
            fc.constantFrom("Ubuntu 22.04", "Windows Server 2022", "FreeBSD", "macOS", "Bottlerocket"),
          ),
          managedBy,
        })
        .map(clean);
    case "container-engine":
      return fc
        .record({ product: opt(fc.constantFrom("docker", "containerd", "podman", "lxd")), managedBy })
        .map(clean);
    case "container":
      return fc
        .record({
          image: opt(fc.constantFrom("nginx", "docker.io/library/nginx:latest", "redis:7")),
          os: opt(fc.constantFrom("linux", "windows")),
          arch: opt(fc.constantFrom("x86_64", "arm64")),
          isolation: opt(fc.constantFrom("shared-kernel", "microvm", "hyperv", "sandbox")),
          network: opt(fc.constantFrom("bridge", "bridge", "host", "none")),
          replicas: opt(fc.constantFrom(0, 1, 2)),
          ports: opt(
            fc.array(
              fc.record(
                {
                  host: port,
                  container: port,
                  hostIp: fc.constantFrom("127.0.0.1", "::"),
                  protocol: fc.constant("tcp"),
                },
                { requiredKeys: ["container"] },
              ),
              { maxLength: 2 },
            ),
          ),
        })
        .map(clean);
    case "server-app":
      return fc.record({ ports: opt(fc.array(port, { maxLength: 2 })) }).map(clean);
    case "pod":
      return fc.record({ replicas: opt(fc.constantFrom(0, 1, 2)) }).map(clean);
    case "k8s-cluster":
      return fc.record({ managed: opt(fc.constantFrom("eks", "self")) }).map(clean);
    default:
      return propsFor(kind);
  }
}

/**
 * A document shaped like the stacks people draw: each node's kind is one that usually runs on its
 * parent's (with the usual mistakes among them: an engine beside its kernel, a vm without a
 * hypervisor, Windows on Linux, two containers on one port…), and `moves` edges between containers.
 */
export function arbStack(maxNodes = 16): fc.Arbitrary<StackDocument> {
  // Unbiased picks: fast-check's bias towards 0 would hang every node on the first one.
  const fraction = fc.noBias(fc.integer({ min: 0, max: 1023 })).map((k) => k / 1024);
  const draft = fc.record({
    // Mostly the node just before (deep stacks), else any earlier one, sometimes the root.
    parent: fc.oneof(
      { arbitrary: fc.constant(-1), weight: 1 },
      { arbitrary: fc.constant(1), weight: 3 },
      { arbitrary: fraction, weight: 3 },
    ),
    kind: fraction,
  });
  return fc.array(draft, { maxLength: maxNodes }).chain((drafts) => {
    const shapes: { kind: Kind; parent: number | null }[] = [];
    for (let i = 0; i < drafts.length; i++) {
      const d = drafts[i]!;
      let parent = d.parent === -1 || i === 0 ? null : d.parent === 1 ? i - 1 : Math.floor(d.parent * i);
      let choices = PLAUSIBLE[parent === null ? "root" : shapes[parent]!.kind];
      if (choices.length === 0) {
        parent = null;
        choices = PLAUSIBLE.root;
      }
      shapes.push({ kind: choices[Math.floor(d.kind * choices.length)]!, parent });
    }
    const containers = shapes.flatMap((s, i) => (s.kind === "container" ? [i] : []));
    return fc
      .tuple(
        fc.tuple(...shapes.map((s) => plausibleProps(s.kind))),
        containers.length < 2
          ? fc.constant([] as [number, number][])
          : fc.array(fc.tuple(fc.constantFrom(...containers), fc.constantFrom(...containers)), {
              maxLength: 2,
            }),
      )
      .map(([props, moves]): StackDocument => {
        const nodes = shapes.map((s, i): StackNode => {
          const n: StackNode = { id: `n${i}`, kind: s.kind };
          if (s.parent !== null) n.parentId = `n${s.parent}`;
          const pr = props[i];
          if (pr !== undefined) n.props = pr;
          return n;
        });
        const edges: StackEdge[] = moves
          .filter(([a, b]) => a !== b)
          .map(([a, b], k) => ({ id: `m${k}`, kind: "moves", source: `n${a}`, target: `n${b}` }));
        return { format: "stackdraw", version: 2, nodes, edges };
      });
  });
}
