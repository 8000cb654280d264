/**
 * The kinds import.md adds — `volume` and `k8s-service`, the edges `mounts` and `routes` — declared
 * once in the catalog: the rules' vocabulary (`edge/endpoints` in both languages), the reader, the
 * node's key-prop lines and the inspector's service-ports text read the one declaration.
 */
import { EDGE_KIND_DEFS, KIND_DEFS } from "../../../src/domain/kinds/catalog.ts";
import { checkPropValue, parseServicePorts } from "../../../src/domain/kinds/prop-values.ts";
import { PRESETS } from "../../../src/domain/kinds/presets.ts";
import { validate } from "../../../src/domain/rules/index.ts";
import { problemMessage } from "../../../src/domain/rules/messages.ts";
import { formatServicePort, keyPropLines } from "../../../src/domain/view-model.ts";
import { readDocument } from "../../../src/io/read.ts";
import {
  cloud,
  container,
  doc,
  docker,
  edge,
  engine,
  host,
  k8sCluster,
  kernel,
  node,
  pod,
  vm,
} from "./builders.ts";

const stack = () => {
  const c = container().as("c");
  const p = pod().as("p").with(container().as("pc"));
  const v = node("volume", { source: "db-data" }).as("v");
  const s = node("k8s-service", {
    serviceType: "NodePort",
    ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
  }).as("s");
  const s2 = node("k8s-service").as("s2");
  return [
    host().with(kernel().as("k").with(docker().with(c, v))),
    cloud().with(k8sCluster().with(vm().with(kernel().with(engine("containerd").with(p))), s, s2)),
  ];
};

describe("volume and k8s-service", () => {
  it("are artifact kinds with names in both languages, and palette presets", () => {
    expect(KIND_DEFS.volume.family).toBe("artifact");
    expect(KIND_DEFS.volume.name).toEqual({ en: "Volume", ko: "볼륨" });
    expect(KIND_DEFS["k8s-service"].name).toEqual({ en: "Kubernetes Service", ko: "쿠버네티스 서비스" });
    expect(PRESETS.filter((p) => p.kind === "volume" || p.kind === "k8s-service").map((p) => p.id)).toEqual([
      "volume",
      "k8s-service",
    ]);
  });

  it("draw without a problem inside an engine and a cluster, joined by mounts and routes", () => {
    const d = doc(...stack(), {
      edges: [
        edge("mounts", "c", "v"),
        edge("mounts", "p", "v"),
        edge("routes", "s", "p"),
        edge("routes", "s", "pc"),
        edge("routes", "s2", "s"),
      ],
    });
    expect(validate(d).map((p) => [p.rule, ...p.nodeIds])).toEqual([]);
    const read = readDocument(JSON.stringify(d));
    expect(read.ok).toBe(true);
  });

  it("refuse ends their edge kind does not join, with edge/endpoints in both languages", () => {
    const d = doc(...stack(), {
      edges: [edge("mounts", "k", "v", "e1"), edge("routes", "c", "p", "e2"), edge("mounts", "c", "s", "e3")],
    });
    const problems = validate(d);
    expect(problems.map((p) => [p.rule, p.edgeId, ...p.nodeIds])).toEqual([
      ["edge/endpoints", "e1", "k", "v"],
      ["edge/endpoints", "e2", "c", "p"],
      ["edge/endpoints", "e3", "c", "s"],
    ]);
    expect(problemMessage(problems[0]!, "en", d)).toContain("a container or a pod mounts a volume");
    expect(problemMessage(problems[0]!, "ko", d)).toContain("볼륨을 마운트하는 것은 컨테이너나 파드입니다");
    expect(problemMessage(problems[1]!, "en", d)).toContain("a Kubernetes Service (or Ingress) routes to");
    expect(problemMessage(problems[1]!, "ko", d)).toContain("쿠버네티스 서비스(또는 인그레스)는");
  });

  it("declare distinct edge looks: mounts bold dotted, routes dash-dot", () => {
    expect([EDGE_KIND_DEFS.mounts.stroke, EDGE_KIND_DEFS.mounts.weight]).toEqual(["dotted", "bold"]);
    expect(EDGE_KIND_DEFS.routes.stroke).toBe("dash-dot");
  });
});

describe("service ports", () => {
  const spec = KIND_DEFS["k8s-service"].props.ports!;
  it("checks each port, target port (number or name), node port and protocol", () => {
    expect(
      checkPropValue(spec, [{ port: 80, targetPort: "http", nodePort: 30080, protocol: "udp" }]),
    ).toBeNull();
    expect(checkPropValue(spec, [{ port: 0 }])).toMatchObject({ subPath: "[0].port" });
    expect(checkPropValue(spec, [{ port: 80, targetPort: "Not A Name" }])).toMatchObject({
      subPath: "[0].targetPort",
    });
    expect(checkPropValue(spec, [{ port: 80, nodePort: 70000 }])).toMatchObject({ subPath: "[0].nodePort" });
    expect(checkPropValue(spec, [{ port: 80, protocol: "sctp" }])).toMatchObject({ subPath: "[0].protocol" });
    expect(checkPropValue(spec, {})).toMatchObject({ subPath: "" });
  });

  it("are refused by the reader with the path and what was expected", () => {
    const d = doc(node("k8s-service", { ports: [{ port: 80, targetPort: "Bad Name" }] }).as("s"));
    const r = readDocument(JSON.stringify(d));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toMatchObject({
        path: "nodes[0].props.ports[0].targetPort",
        code: "invalidProp",
        params: { expected: { type: "targetPort" } },
      });
    }
  });

  it("show on the node and round-trip through the inspector's text", () => {
    const n = node("k8s-service", {
      serviceType: "NodePort",
      ports: [
        { port: 80, targetPort: 8080, nodePort: 30080 },
        { port: 53, protocol: "udp" },
      ],
    }).as("s");
    const d = doc(n);
    expect(keyPropLines(d.nodes[0]!, "en")).toEqual([
      "NodePort (a port on every node)",
      ":80→8080 :30080, 53/udp",
    ]);
    const text = [
      { port: 80, targetPort: "http" },
      { port: 443, targetPort: 8443, nodePort: 30443, protocol: "udp" as const },
    ]
      .map(formatServicePort)
      .join(", ");
    expect(text).toBe("80→http, 443→8443 :30443/udp");
    expect(parseServicePorts(text)).toEqual([
      { port: 80, targetPort: "http" },
      { port: 443, targetPort: 8443, nodePort: 30443, protocol: "udp" },
    ]);
    expect(parseServicePorts("80:8080")).toEqual([{ port: 80, targetPort: 8080 }]);
    expect(parseServicePorts("")).toEqual([]);
    expect(parseServicePorts("80→")).toBeUndefined();
    expect(parseServicePorts("99999")).toBeUndefined();
  });
});
