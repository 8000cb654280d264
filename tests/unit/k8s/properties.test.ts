/**
 * The Kubernetes importer is total: on generated manifests (plausible objects with arbitrary
 * values in their fields) and on mutated fixtures (lines dropped, swapped, bytes flipped) it never
 * throws, answers within a bounded time, and every document it gives reads back as a valid one.
 */
import fc from "fast-check";
import { readdirSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { importK8s } from "../../../src/io/k8s.ts";
import { ioMessage } from "../../../src/io/errors/format.ts";
import { readDocument } from "../../../src/io/read.ts";
import { writeDocument } from "../../../src/io/write.ts";
import { fixture, FIXTURES } from "./helpers.ts";

const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("windows", "linux", "TCP", "UDP", "SCTP", "http", "Memory", "__proto__", "70000", "-1"),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 }),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, junk);
const label = fc.dictionary(
  fc.constantFrom("app", "tier", "kubernetes.io/os", "eks.amazonaws.com/x"),
  fc.constantFrom("web", "db", "windows", "linux"),
  { maxKeys: 2 },
);
const port = fc.integer({ min: 0, max: 70_000 });
const container = fc.record(
  {
    name: maybe(fc.constantFrom("web", "db", "side")),
    image: maybe(fc.constantFrom("nginx:1.27", "busybox", "")),
    ports: maybe(
      fc.array(
        fc.record(
          {
            containerPort: maybe(port),
            hostPort: maybe(port),
            protocol: maybe(fc.constantFrom("TCP", "UDP", "SCTP")),
            hostIP: maybe(fc.constantFrom("127.0.0.1", "::1", "x")),
            name: maybe(fc.constantFrom("http", "grpc")),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    volumeMounts: maybe(
      fc.array(
        fc.record({
          name: maybe(fc.constantFrom("data", "cfg", "nope")),
          mountPath: maybe(fc.constantFrom("/data", "/etc")),
        }),
        { maxLength: 2 },
      ),
    ),
  },
  { requiredKeys: [] },
);
const volume = fc
  .record({
    name: maybe(fc.constantFrom("data", "cfg")),
    ...{},
  })
  .chain((v) =>
    fc.oneof(
      fc.constant({ ...v, persistentVolumeClaim: { claimName: "c" } }),
      fc.constant({ ...v, hostPath: { path: "/var" } }),
      fc.constant({ ...v, configMap: { name: "m" } }),
      fc.constant({ ...v, emptyDir: {} }),
      junk.map((j) => ({ ...v, nfs: j })),
    ),
  );
const podSpec = fc.record(
  {
    containers: maybe(fc.array(container, { maxLength: 3 })),
    initContainers: maybe(fc.array(container, { maxLength: 1 })),
    volumes: maybe(fc.array(volume, { maxLength: 2 })),
    nodeSelector: maybe(label),
    hostNetwork: maybe(fc.boolean()),
  },
  { requiredKeys: [] },
);
const workload = fc.record({
  apiVersion: fc.constant("apps/v1"),
  kind: fc.constantFrom(
    "Deployment",
    "StatefulSet",
    "DaemonSet",
    "ReplicaSet",
    "Job",
    "ReplicationController",
  ),
  metadata: fc.record(
    { name: maybe(fc.constantFrom("web", "db", "w")), namespace: maybe(fc.constantFrom("a", "b")) },
    { requiredKeys: [] },
  ),
  spec: fc.record(
    {
      replicas: maybe(fc.nat(5)),
      template: maybe(
        fc.record(
          { metadata: fc.record({ labels: maybe(label) }), spec: maybe(podSpec) },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
});
const pod = fc.record({
  apiVersion: fc.constant("v1"),
  kind: fc.constant("Pod"),
  metadata: fc.record({ name: maybe(fc.constant("p")), labels: maybe(label) }),
  spec: maybe(podSpec),
});
const service = fc.record({
  apiVersion: fc.constant("v1"),
  kind: fc.constant("Service"),
  metadata: fc.record({ name: maybe(fc.constantFrom("web", "db")) }),
  spec: maybe(
    fc.record(
      {
        type: maybe(fc.constantFrom("ClusterIP", "NodePort", "LoadBalancer", "ExternalName")),
        selector: maybe(label),
        ports: maybe(
          fc.array(
            fc.record(
              {
                port: maybe(port),
                targetPort: maybe(fc.oneof(port, fc.constantFrom("http", "Bad Name"))),
                nodePort: maybe(port),
                protocol: maybe(fc.constantFrom("TCP", "UDP")),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
        ),
      },
      { requiredKeys: [] },
    ),
  ),
});
const ingress = fc.record({
  apiVersion: fc.constant("networking.k8s.io/v1"),
  kind: fc.constant("Ingress"),
  metadata: fc.record({ name: fc.constant("i") }),
  spec: maybe(
    fc.record({
      rules: maybe(
        fc.array(
          fc.record({
            host: maybe(fc.constant("a.example")),
            http: maybe(
              fc.record({
                paths: maybe(
                  fc.array(
                    fc.record({
                      backend: fc.record({
                        service: fc.record({ name: maybe(fc.constantFrom("web", "db", "x")) }),
                      }),
                    }),
                    { maxLength: 2 },
                  ),
                ),
              }),
            ),
          }),
          { maxLength: 2 },
        ),
      ),
    }),
  ),
});
const other = fc.record({
  apiVersion: fc.constant("v1"),
  kind: fc.constantFrom("ConfigMap", "Secret", "Role", "List"),
  metadata: junk,
  items: maybe(fc.array(fc.oneof(workload, service), { maxLength: 2 })),
});
const manifests = fc.array(fc.oneof(workload, pod, service, ingress, other, junk), {
  minLength: 0,
  maxLength: 6,
});

function check(data: string | Uint8Array): void {
  const started = performance.now();
  const r = importK8s([{ name: "gen.yaml", data }]);
  expect(performance.now() - started).toBeLessThan(2_000);
  if (r.ok) {
    const back = readDocument(writeDocument(r.document));
    if (!back.ok) throw new Error(`does not read back: ${JSON.stringify(back.errors.slice(0, 2))}`);
  } else {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) expect(ioMessage(e, "en").length).toBeGreaterThan(0);
  }
}

describe("the Kubernetes importer is total", () => {
  it("on generated manifests, as YAML streams and as JSON", () => {
    fc.assert(
      fc.property(manifests, fc.boolean(), (objs, json) => {
        const text = json
          ? JSON.stringify(objs.length === 1 ? objs[0] : { apiVersion: "v1", kind: "List", items: objs })
          : objs.map((o) => stringify(o)).join("---\n");
        check(text);
      }),
      { numRuns: 300 },
    );
  });

  it("on mutated fixtures: lines dropped or swapped, bytes flipped", () => {
    const files = readdirSync(path.join(FIXTURES, "k8s")).filter((f) => /\.(ya?ml|json)$/.test(f));
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(255), fc.constantFrom("drop", "swap", "flip")), {
          minLength: 1,
          maxLength: 4,
        }),
        (file, edits) => {
          const bytes = fixture(`k8s/${file}`);
          let lines = new TextDecoder().decode(bytes).split("\n");
          let out: Uint8Array | undefined;
          for (const [a, b, byte, op] of edits) {
            if (op === "drop") lines.splice(a % lines.length, 1);
            else if (op === "swap") {
              const i = a % lines.length;
              const j = b % lines.length;
              [lines[i], lines[j]] = [lines[j]!, lines[i]!];
            } else {
              out = new TextEncoder().encode(lines.join("\n"));
              out[a % out.length] = byte;
              lines = new TextDecoder().decode(out).split("\n");
            }
          }
          check(out ?? lines.join("\n"));
        },
      ),
      { numRuns: 200 },
    );
  });
});
