/**
 * The ECS importer over the hand-written collection in tests/fixtures/ecs (registered task
 * definitions, describe-task-definition output, CloudFormation and CDK templates; Fargate, EC2 and
 * External; awsvpc, bridge, host and none): expected nodes, edges, props and warnings; every
 * refusal of tests/fixtures/ecs/bad with its message and line:column; totality on generated input.
 */
import fc from "fast-check";
import { readdirSync } from "node:fs";
import path from "node:path";
import { validate } from "../../../src/domain/rules/index.ts";
import { importEcs, ioLine, type EcsResult } from "../../../src/io/ecs.ts";
import { readDocument } from "../../../src/io/read.ts";
import { writeDocument } from "../../../src/io/write.ts";
import { run } from "../cli/harness.ts";
import { byLabel, childLabels, counts, edgeLines, fixture, FIXTURES } from "../k8s/helpers.ts";

const imp = (file: string): Extract<EcsResult, { ok: true }> => {
  const r = importEcs([{ name: file, data: fixture(`ecs/${file}`) }]);
  if (!r.ok) throw new Error(`${file} refused: ${r.errors.map((e) => ioLine(e, "en")).join("; ")}`);
  return r;
};

const AWS = { cloud: 1, "ecs-cluster": 1 };
const EC2 = { vm: 1, kernel: 1, "container-engine": 1 };
const EXPECTED: Record<
  string,
  { nodes: Record<string, number>; edges: Record<string, number>; warnings: string[] }
> = {
  "cdk-synth.json": {
    nodes: { ...AWS, fargate: 1, "ecs-task": 1, container: 2, registry: 1 },
    edges: { pulls: 1 },
    warnings: [],
  },
  "cloudformation.json": {
    nodes: { ...AWS, fargate: 1, "ecs-task": 2, container: 2, registry: 1, volume: 1, ...EC2 },
    edges: { pulls: 1, mounts: 1 },
    warnings: ["importNotDrawn", "importNotDrawn"],
  },
  "describe-ec2-bridge.json": {
    nodes: { ...AWS, ...EC2, "ecs-task": 1, container: 2, volume: 1, registry: 1 },
    edges: { mounts: 2, pulls: 1, network: 1 },
    warnings: ["importNotDrawn"],
  },
  "ec2-awsvpc.json": {
    nodes: { ...AWS, ...EC2, "ecs-task": 1, container: 2, registry: 1 },
    edges: { pulls: 1 },
    warnings: [],
  },
  "ec2-host-mode.json": { nodes: { ...AWS, ...EC2, "ecs-task": 1, container: 1 }, edges: {}, warnings: [] },
  "ec2-no-compat.json": {
    nodes: { ...AWS, ...EC2, "ecs-task": 1, container: 1, volume: 1 },
    edges: { mounts: 1 },
    warnings: [],
  },
  "external-anywhere.json": {
    nodes: {
      ...AWS,
      "physical-host": 1,
      kernel: 1,
      "container-engine": 1,
      "ecs-task": 1,
      container: 2,
      volume: 1,
      registry: 1,
    },
    edges: { mounts: 1, pulls: 1, network: 1 },
    warnings: [],
  },
  "fargate-web.json": {
    nodes: { ...AWS, fargate: 1, "ecs-task": 1, container: 3, registry: 1 },
    edges: { pulls: 2, network: 1 },
    warnings: ["importNotDrawn"],
  },
  "none-mode-batch.json": {
    nodes: { ...AWS, ...EC2, "ecs-task": 1, container: 1 },
    edges: {},
    warnings: ["importNotDrawn"],
  },
  "windows-ec2.json": { nodes: { ...AWS, ...EC2, "ecs-task": 1, container: 1 }, edges: {}, warnings: [] },
  "windows-fargate.json": {
    nodes: { ...AWS, fargate: 1, "ecs-task": 1, container: 1, registry: 1 },
    edges: { pulls: 1 },
    warnings: [],
  },
};

describe("the ECS collection", () => {
  const files = readdirSync(path.join(FIXTURES, "ecs")).filter((f) => f.endsWith(".json"));
  it("has at least 10 task definitions, and an expectation for each", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))(
    "%s: the expected nodes, edges and warnings; no problem; reads back",
    (file, want) => {
      const r = imp(file);
      expect(counts(r.document)).toEqual({ nodes: want.nodes, edges: want.edges });
      expect(r.warnings.map((w) => w.code)).toEqual(want.warnings);
      expect(validate(r.document)).toEqual([]);
      expect(readDocument(writeDocument(r.document)).ok).toBe(true);
    },
  );

  it("Fargate: the task on Fargate, awsvpc ports the task's own, runtimePlatform's arch, ECR pulls, not essential marked", () => {
    const { document: d, warnings } = imp("fargate-web.json");
    const task = byLabel(d, "web");
    expect(task).toMatchObject({ kind: "ecs-task", props: { taskDefinition: "web" } });
    expect(d.nodes.find((n) => n.id === task.parentId)!.kind).toBe("fargate");
    expect(childLabels(d, task.id)).toEqual(["web", "envoy", "xray-daemon (not essential)"]);
    expect(d.nodes.find((n) => n.id === "web-web")!.props).toEqual({
      image: "123456789012.dkr.ecr.eu-central-1.amazonaws.com/web:1.14.2",
      arch: "arm64",
      ports: [{ container: 8080 }],
      notes: "awsvpc: the ports are the task's own network interface",
    });
    expect(edgeLines(d)).toEqual([
      "pulls web → Amazon ECR",
      "pulls envoy → Amazon ECR",
      "network web → envoy",
    ]);
    expect(ioLine(warnings[0]!, "en")).toBe(
      "16:18: containerDefinitions[0].secrets: container web: secrets not drawn",
    );
    expect(d.nodes.find((n) => n.kind === "ecs-cluster")!.props!.notes).toBe(
      "Import report (not drawn):\n- container web: secrets not drawn",
    );
  });

  it("EC2 bridge (describe output): the revision, static host ports on the instance, a dynamic one noted, links, a host volume", () => {
    const { document: d } = imp("describe-ec2-bridge.json");
    expect(byLabel(d, "shop").props).toMatchObject({ taskDefinition: "shop:42" });
    expect(byLabel(d, "EC2 container instance").props).toEqual({ product: "EC2" });
    expect(byLabel(d, "Amazon Linux").props).toEqual({ family: "linux", distro: "Amazon Linux" });
    expect(d.nodes.find((n) => n.id === "shop-nginx")!.props!.ports).toEqual([{ container: 80, host: 80 }]);
    expect(d.nodes.find((n) => n.id === "shop-app")!.props).toMatchObject({
      ports: [{ container: 3000 }],
      notes: "dynamic host port for 3000 (the instance picks it)",
    });
    expect(byLabel(d, "/srv/shop/static")).toMatchObject({
      kind: "volume",
      parentId: "container-instance-docker",
      props: { volumeType: "bind", source: "/srv/shop/static" },
    });
    expect(edgeLines(d)).toEqual([
      "mounts nginx → /srv/shop/static [/usr/share/nginx/html]",
      "pulls app → Amazon ECR",
      "mounts app → /srv/shop/static [/app/public]",
      "network nginx → app",
    ]);
  });

  it("host mode publishes every port on the instance; none listens nowhere; no compatibilities means EC2", () => {
    expect(
      imp("ec2-host-mode.json").document.nodes.find((n) => n.id === "haproxy-edge-haproxy")!.props,
    ).toEqual({
      image: "haproxy:2.9-alpine",
      ports: [
        { container: 443, host: 443 },
        { container: 8404, host: 8404 },
      ],
      network: "host",
    });
    expect(
      imp("none-mode-batch.json").document.nodes.find((n) => n.id === "offline-report-report")!.props,
    ).toMatchObject({ network: "none" });
    const legacy = imp("ec2-no-compat.json").document;
    expect(byLabel(legacy, "legacy-worker").props!.notes).toBe("launch type EC2\nnetwork mode bridge");
    expect(byLabel(legacy, "scratch").props).toMatchObject({
      volumeType: "volume",
      notes: "task storage (bind mount without a host path)",
    });
  });

  it("EXTERNAL is an on-premises server (ECS Anywhere) with Linux and Docker", () => {
    const { document: d } = imp("external-anywhere.json");
    const host = byLabel(d, "On-premises server (ECS Anywhere)");
    expect(host.kind).toBe("physical-host");
    expect(childLabels(d, host.id)).toEqual(["Linux"]);
    expect(edgeLines(d)).toContain("network bridge → mqtt");
  });

  it("Windows: Windows Server under EC2 tasks, windows containers on Fargate too", () => {
    const ec2 = imp("windows-ec2.json").document;
    expect(byLabel(ec2, "EC2 container instance (Windows)").kind).toBe("vm");
    expect(byLabel(ec2, "Windows Server").props).toEqual({ family: "windows", distro: "Windows Server" });
    expect(ec2.nodes.find((n) => n.id === "iis-windows-iis")!.props).toMatchObject({
      os: "windows",
      arch: "x86_64",
      ports: [{ container: 80, host: 8080 }],
    });
    const fg = imp("windows-fargate.json").document;
    expect(byLabel(fg, "dotnet-fargate").props).toMatchObject({ taskDefinition: "dotnet-fargate:7" });
    expect(fg.nodes.find((n) => n.id === "dotnet-fargate-api")!.props).toMatchObject({ os: "windows" });
  });

  it("CloudFormation: each AWS::ECS::TaskDefinition, PascalCase keys, Fn::Sub images as written, other expressions said", () => {
    const { document: d, warnings } = imp("cloudformation.json");
    expect(d.nodes.filter((n) => n.kind === "ecs-task").map((n) => n.label)).toEqual(["api", "worker"]);
    expect(d.nodes.find((n) => n.id === "api-api")!.props!.image).toBe(
      "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/api:${ImageTag}",
    );
    expect(d.nodes.find((n) => n.id === "worker-worker")!.props?.image).toBeUndefined();
    expect(byLabel(d, "EFS fs-0123456789abcdef0")).toMatchObject({
      parentId: "aws",
      props: { notes: "Amazon EFS" },
    });
    expect(warnings.map((w) => ioLine(w, "en"))).toEqual([
      "17:22: Resources.ApiTaskDefinition.Properties.ContainerDefinitions[0].Image: container api: image (Fn::Sub, drawn as written) not drawn (a CloudFormation expression)",
      "32:40: Resources.WorkerTaskDefinition.Properties.ContainerDefinitions[0].Image: container worker: image not drawn (a CloudFormation expression)",
    ]);
    const cdk = imp("cdk-synth.json").document;
    expect(byLabel(cdk, "QueueProcessorStackQueueProcessorTaskDefE1F2A3B4").props!.notes).toContain(
      "also compatible with EC2",
    );
  });
});

describe("ECS refusals", () => {
  const BAD: [string, string, string, string][] = [
    ["compose.yaml", "importWrongImporter", "1:1", "import it as Docker Compose (import compose)"],
    [
      "k8s.yaml",
      "importWrongImporter",
      "1:1",
      'this is a Kubernetes manifest (kind: "Pod"), not ECS task definitions: import it as Kubernetes manifests (import k8s)',
    ],
    [
      "not-task.json",
      "ecsNotTaskDefinition",
      "1:1",
      "not an ECS task definition: expected containerDefinitions",
    ],
    [
      "no-task-resource.json",
      "ecsNoTaskDefinitions",
      "2:16",
      "Resources: the template has no AWS::ECS::TaskDefinition resource",
    ],
    [
      "definitions-object.json",
      "importFieldInvalid",
      "3:27",
      "containerDefinitions: containerDefinitions must be a list, not a mapping",
    ],
    [
      "port-out-of-range.json",
      "importFieldInvalid",
      "4:76",
      'containerDefinitions[0].portMappings[0].containerPort: containerPort must be a port (an integer 1–65535), not "99999"',
    ],
    ["duplicate-key.json", "yamlDuplicateKey", "1:20", 'duplicate key "family"'],
    ["truncated.json", "yamlSyntax", "2:1", "YAML syntax error"],
    ["empty.json", "importEmpty", "", "no object to import: the file holds no ECS task definitions"],
  ];
  it("has a fixture for each refusal", () => {
    expect(readdirSync(path.join(FIXTURES, "ecs/bad")).sort()).toEqual(BAD.map((b) => b[0]).sort());
  });
  it.each(BAD)("%s: %s at %s", (file, code, at, message) => {
    const r = importEcs([{ name: file, data: fixture(`ecs/bad/${file}`) }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors[0]!;
    expect([e.code, e.line !== undefined ? `${e.line}:${e.column}` : ""]).toEqual([code, at]);
    expect(ioLine(e, "en")).toContain(message);
    expect(ioLine(e, "ko")).toMatch(/[\uac00-\ud7a3]/u);
  });
});

describe("the ECS importer is total", () => {
  const junk = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.integer({ min: -1, max: 70_000 }),
    fc.boolean(),
    fc.constant(null),
    fc.constant({}),
    fc.constant([]),
  );
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, junk);
  const container = fc.record(
    {
      name: maybe(fc.constantFrom("web", "db", "side")),
      image: maybe(
        fc.constantFrom(
          "nginx",
          "123456789012.dkr.ecr.us-east-1.amazonaws.com/x:1",
          { "Fn::Sub": "x" },
          { Ref: "I" },
        ),
      ),
      essential: maybe(fc.boolean()),
      portMappings: maybe(
        fc.array(
          fc.record(
            {
              containerPort: maybe(fc.integer({ min: 0, max: 70_000 })),
              hostPort: maybe(fc.integer({ min: 0, max: 70_000 })),
              protocol: maybe(fc.constantFrom("tcp", "udp")),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
      ),
      dependsOn: maybe(
        fc.array(fc.record({ containerName: maybe(fc.constantFrom("web", "db", "zz")) }), { maxLength: 2 }),
      ),
      links: maybe(fc.array(maybe(fc.constantFrom("db:db", "web")), { maxLength: 2 })),
      mountPoints: maybe(
        fc.array(
          fc.record({
            sourceVolume: maybe(fc.constantFrom("v", "w")),
            containerPath: maybe(fc.constant("/d")),
          }),
          { maxLength: 2 },
        ),
      ),
    },
    { requiredKeys: [] },
  );
  const task = fc.record(
    {
      family: maybe(fc.constantFrom("web", "api")),
      revision: maybe(fc.nat(9)),
      networkMode: maybe(fc.constantFrom("awsvpc", "bridge", "host", "none", "nat")),
      requiresCompatibilities: maybe(
        fc.array(fc.constantFrom("FARGATE", "EC2", "EXTERNAL", "X"), { maxLength: 2 }),
      ),
      runtimePlatform: maybe(
        fc.record({
          operatingSystemFamily: maybe(fc.constantFrom("LINUX", "WINDOWS_SERVER_2022_CORE")),
          cpuArchitecture: maybe(fc.constantFrom("ARM64", "X86_64")),
        }),
      ),
      volumes: maybe(
        fc.array(
          fc.record(
            {
              name: maybe(fc.constantFrom("v", "w")),
              host: maybe(fc.record({ sourcePath: maybe(fc.constant("/x")) })),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 2 },
        ),
      ),
      containerDefinitions: maybe(fc.array(container, { maxLength: 4 })),
    },
    { requiredKeys: [] },
  );
  const input = fc.oneof(
    task,
    task.map((t) => ({ taskDefinition: t })),
    fc.array(task, { maxLength: 3 }).map((ts) => ({
      Resources: Object.fromEntries(
        ts.map((t, i) => [`T${i}`, { Type: "AWS::ECS::TaskDefinition", Properties: t }]),
      ),
    })),
    junk,
  );
  it("never throws, stays fast, and what it draws reads back", () => {
    fc.assert(
      fc.property(input, fc.nat(), (obj, cut) => {
        const text = JSON.stringify(obj);
        for (const data of [text, text.slice(0, cut % (text.length + 1))]) {
          const t0 = performance.now();
          const r = importEcs([{ name: "gen.json", data }]);
          expect(performance.now() - t0).toBeLessThan(2_000);
          if (r.ok) expect(readDocument(writeDocument(r.document)).ok).toBe(true);
          else expect(r.errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("stackdraw import ecs", () => {
  it("prints the document, warnings on stderr, and exits 0; refuses with FILE:line:column and exits 2", async () => {
    const file = path.join(FIXTURES, "ecs", "fargate-web.json");
    const r = await run("import", "ecs", file);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      `${file}:16:18: warning: containerDefinitions[0].secrets: container web: secrets not drawn\n`,
    );
    expect(readDocument(r.out).ok).toBe(true);
    const bad = path.join(FIXTURES, "ecs", "bad", "port-out-of-range.json");
    const b = await run("import", "ecs", "--lang", "ko", bad);
    expect(b.code).toBe(2);
    expect(b.err).toContain(
      `${bad}:4:76: containerDefinitions[0].portMappings[0].containerPort: containerPort는`,
    );
  });
});
