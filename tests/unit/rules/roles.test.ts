/**
 * The kinds' roles, as the catalog declares them and `kinds/roles.ts` answers them; the typed
 * construction of nodes (`nodeOf`, `PropsOf`); and the default edge kind, now derived from the
 * edge kinds' declarations.
 */
import {
  defaultEdgeKind,
  EDGE_KINDS,
  EDGE_KIND_DEFS,
  KIND_DEFS,
  KINDS,
  TRACKED,
  type Kind,
} from "../../../src/domain/kinds/catalog.ts";
import { nodeOf, propsOf, type PropsOf } from "../../../src/domain/kinds/nodes.ts";
import {
  isContainerLike,
  isInfrastructure,
  isMachine,
  isOsKernel,
  isPortNamespace,
  kernelRole,
  listensIn,
  NO_ROLES,
  profileOf,
  runsContainers,
  sharesHostKernel,
  trackedAs,
} from "../../../src/domain/kinds/roles.ts";
import { PRESETS } from "../../../src/domain/kinds/presets.ts";
import { validate } from "../../../src/domain/rules/index.ts";
import { doc, host, hypervisor, kernel, node } from "./builders.ts";

const kindsWhere = (test: (k: Kind) => unknown): Kind[] => KINDS.filter((k) => test(k));

describe("declared roles", () => {
  // The table of who is what: a change here is a change of meaning, so it is spelled out.
  it("answers each category question from the declarations", () => {
    expect(kindsWhere(isMachine)).toEqual(["physical-host", "vm"]);
    expect(kindsWhere(isOsKernel)).toEqual(["kernel"]);
    expect(kindsWhere(isContainerLike)).toEqual(["container", "ecs-task", "pod"]);
    expect(kindsWhere(sharesHostKernel)).toEqual(["container"]);
    expect(kindsWhere((k) => runsContainers(k) === "on-kernel")).toEqual(["container-engine"]);
    expect(kindsWhere((k) => runsContainers(k) === "managed")).toEqual(["fargate"]);
    expect(kindsWhere(isInfrastructure)).toEqual([
      "physical-host",
      "hypervisor",
      "vm",
      "kernel",
      "container-engine",
    ]);
    expect(kindsWhere(isPortNamespace)).toEqual(["kernel", "container"]);
    expect(kindsWhere((k) => listensIn(k) === "platform")).toEqual(["server-app"]);
    expect(kindsWhere((k) => listensIn(k) === "host-kernel")).toEqual(["container"]);
    expect(Object.fromEntries(kindsWhere(trackedAs).map((k) => [trackedAs(k), k]))).toEqual({
      cloud: "cloud",
      ecsCluster: "ecs-cluster",
      ecsTask: "ecs-task",
      k8sCluster: "k8s-cluster",
      pod: "pod",
      fargate: "fargate",
    });
    // Every tracked name is declared by some kind.
    expect(new Set(kindsWhere(trackedAs).map(trackedAs))).toEqual(new Set(TRACKED));
  });

  it("counts a hypervisor as a kernel only when it is type 1 (the prop's default)", () => {
    expect(kernelRole({ kind: "kernel" })).toBe("os");
    expect(kernelRole({ kind: "hypervisor" })).toBe("hypervisor");
    expect(kernelRole({ kind: "hypervisor", props: { hypervisorType: "type1" } })).toBe("hypervisor");
    expect(kernelRole({ kind: "hypervisor", props: { hypervisorType: "type2" } })).toBeUndefined();
    expect(kernelRole({ kind: "vm" })).toBeUndefined();
    // Two type-1 hypervisors on one machine are two bases; a type-2 one is not a base.
    const bases = (t: "type1" | "type2") =>
      validate(doc(host().with(hypervisor("type1"), hypervisor(t)))).filter(
        (p) => p.rule === "machine/multiple-bases",
      );
    expect(bases("type1")).toHaveLength(1);
    expect(bases("type2")).toHaveLength(0);
    expect(
      validate(doc(host().with(kernel(), hypervisor()))).filter((p) => p.rule === "machine/multiple-bases"),
    ).toHaveLength(1);
  });

  it("gives a kind the catalog does not know no role at all (and never throws)", () => {
    for (const k of ["__proto__", "toString", "constructor", "mystery"]) {
      expect(profileOf(k)).toBe(NO_ROLES);
      expect(isMachine(k)).toBe(false);
      expect(trackedAs(k)).toBeUndefined();
    }
    const odd = { format: "stackdraw" as const, version: 1 as const, edges: [] };
    expect(() =>
      validate({
        ...odd,
        nodes: [
          { id: "a", kind: "__proto__" as Kind },
          { id: "b", kind: "kernel", parentId: "a" },
        ],
      }),
    ).not.toThrow();
  });
});

describe("edge kinds", () => {
  it("declares a stroke for every edge kind, traffic solid and pulling an image dashed", () => {
    for (const k of EDGE_KINDS)
      expect(["solid", "dashed", "dotted", "dash-dot"]).toContain(EDGE_KIND_DEFS[k].stroke);
    expect(EDGE_KIND_DEFS.network.stroke).toBe("solid");
    expect(EDGE_KIND_DEFS.pulls.stroke).toBe("dashed");
  });

  it("suggests the first declared kind that accepts both ends, else network", () => {
    const image = (imageType?: string) => ({
      kind: "image" as const,
      ...(imageType ? { props: { imageType } } : {}),
    });
    expect(defaultEdgeKind({ kind: "vm" }, image("ami"))).toBe("launched-from");
    expect(defaultEdgeKind({ kind: "container" }, image())).toBe("pulls");
    expect(defaultEdgeKind({ kind: "pod" }, image("container"))).toBe("pulls");
    expect(defaultEdgeKind({ kind: "ecs-task" }, { kind: "registry" })).toBe("pulls");
    expect(defaultEdgeKind({ kind: "container" }, image("ami"))).toBe("network");
    expect(defaultEdgeKind({ kind: "vm" }, image())).toBe("network");
    expect(defaultEdgeKind({ kind: "container" }, { kind: "container" })).toBe("network");
    expect(defaultEdgeKind({ kind: "kernel" }, { kind: "server-app" })).toBe("network");
    expect(defaultEdgeKind({ kind: "container" }, { kind: "volume" })).toBe("mounts");
    expect(defaultEdgeKind({ kind: "pod" }, { kind: "volume" })).toBe("mounts");
    expect(defaultEdgeKind({ kind: "k8s-service" }, { kind: "pod" })).toBe("routes");
    expect(defaultEdgeKind({ kind: "k8s-service" }, { kind: "k8s-service" })).toBe("routes");
    expect(defaultEdgeKind({ kind: "container" }, { kind: "k8s-service" })).toBe("network");
  });
});

describe("typed construction", () => {
  it("builds nodes as the writer writes them: empty props left out", () => {
    expect(nodeOf("kernel", "k", { parentId: "vm", props: { family: "linux", distro: "Ubuntu" } })).toEqual({
      id: "k",
      kind: "kernel",
      parentId: "vm",
      props: { family: "linux", distro: "Ubuntu" },
    });
    expect(nodeOf("fargate", "f", { props: {} })).toEqual({ id: "f", kind: "fargate" });
    expect(propsOf("server-app", { ports: [80], role: "web", managedBy: "user" })).toEqual({
      ports: [80],
      role: "web",
      managedBy: "user",
    });
  });

  it("refuses misspelt props and wrong enum values at compile time", () => {
    // Each line below must fail to compile (tsc checks the directive); at run time they are just nodes.
    // @ts-expect-error: `famly` is not a prop of a kernel
    nodeOf("kernel", "a", { props: { famly: "linux" } });
    // @ts-expect-error: "linx" is not a kernel family
    nodeOf("kernel", "b", { props: { family: "linx" } });
    // @ts-expect-error: Fargate has no arch
    nodeOf("fargate", "c", { props: { arch: "arm64" } });
    // @ts-expect-error: ports of server software are numbers
    node("server-app", { ports: [{ container: 80 }] });
    // @ts-expect-error: managedBy is "user" or "provider"
    const who: PropsOf<"vm">["managedBy"] = "aws";
    expect(who).toBe("aws");
  });

  it("keeps every preset's props within its kind's declaration", () => {
    for (const p of PRESETS)
      for (const key of Object.keys(p.props))
        expect(
          Object.hasOwn(KIND_DEFS[p.kind].props, key) || key === "managedBy" || key === "notes",
          `${p.id}.${key}`,
        ).toBe(true);
  });
});

describe("presets added in version 2", () => {
  const preset = (id: string) => {
    const p = PRESETS.find((x) => x.id === id);
    if (p === undefined) throw new Error(`no preset ${id}`);
    return node(p.kind, p.props as never).named(p.name.en);
  };
  it("draws WSL 2 on Hyper-V on a Windows kernel without a problem", () => {
    const d = doc(
      host().with(
        kernel("windows", { distro: "Windows 11" }).with(
          preset("hypervisor-hyperv").with(
            preset("vm-wsl2").with(kernel("linux").with(preset("engine-docker"))),
          ),
        ),
      ),
    );
    expect(validate(d)).toEqual([]);
  });
  it("draws Docker Desktop's VM on Apple Virtualization on macOS without a problem", () => {
    const d = doc(
      host({ arch: "arm64" }).with(
        preset("kernel-macos").with(
          preset("hypervisor-apple").with(
            preset("vm-docker-desktop").with(kernel("linux").with(preset("engine-docker"))),
          ),
        ),
      ),
    );
    expect(validate(d)).toEqual([]);
  });
  it("gives a Kata container a kernel of its own, and KVM its place on Linux", () => {
    const d = doc(
      host().with(
        preset("kernel-ubuntu").with(
          preset("engine-containerd").with(preset("container-kata").with(kernel("linux"))),
          preset("hypervisor-kvm").with(node("vm").with(kernel())),
        ),
      ),
    );
    expect(validate(d)).toEqual([]);
    expect(PRESETS.find((p) => p.id === "hypervisor-kvm")!.props).toMatchObject({ hypervisorType: "type1" });
    expect(PRESETS.find((p) => p.id === "hypervisor-hyperv")!.props).toMatchObject({
      hypervisorType: "type1",
    });
  });
});
