/**
 * Each row of rules.md's "Changes from version 1", both ways: what version 2 lets pass that
 * version 1 reported, and what still (or newly) fires.
 */
import { dropVerdict } from "../../../src/domain/drop.ts";
import { countProblems, validate } from "../../../src/domain/rules/index.ts";
import {
  app,
  cloud,
  container,
  doc,
  docker,
  ecsCluster,
  ecsTask,
  edge,
  engine,
  fargate,
  group,
  host,
  hypervisor,
  image,
  k8sCluster,
  kernel,
  node,
  pod,
  registry,
  vm,
} from "./builders.ts";
import { nodesOf, rulesOf } from "./check.ts";

const errorsOf = (d: ReturnType<typeof doc>) => countProblems(validate(d)).errors;

describe("an engine or app on a machine whose OS is not drawn", () => {
  it("passes with a stack/os-not-drawn warning (was engine/needs-kernel and app/placement)", () => {
    const d = doc(
      cloud().with(vm({ product: "EC2" }).with(docker().as("e").with(container()))),
      host().with(app([25]).as("a")),
    );
    expect(errorsOf(d)).toBe(0);
    expect(nodesOf(d, "stack/os-not-drawn")).toEqual([["e"], ["a"]]);
    expect(rulesOf(d)).toEqual(["stack/os-not-drawn"]);
  });
  it("still fires as an error beside a drawn OS, on a hypervisor or at the root", () => {
    const d = doc(
      host().with(kernel(), docker().as("beside"), app().as("app-beside")),
      host().with(hypervisor().with(docker().as("on-hv"))),
      app().as("root-app"),
    );
    expect(nodesOf(d, "engine/needs-kernel")).toEqual([["beside"], ["on-hv"]]);
    expect(nodesOf(d, "app/placement")).toEqual([["app-beside"], ["root-app"]]);
    expect(nodesOf(d, "stack/os-not-drawn")).toEqual([]);
  });
  it("listens on the machine for the implied kernel: two apps on its port clash", () => {
    const d = doc(
      host()
        .as("h")
        .with(app([80]).as("a"), docker().with(container({ ports: [{ host: 80, container: 80 }] }).as("c"))),
    );
    expect(nodesOf(d, "network/port-conflict")).toEqual([["a", "c"]]);
  });
});

describe("an engine on a container (Docker-in-Docker)", () => {
  it("passes with an engine/nested warning (was engine/needs-kernel)", () => {
    const d = doc(
      host().with(kernel().with(docker().with(container().with(docker().as("inner").with(container()))))),
    );
    expect(rulesOf(d)).toEqual(["engine/nested"]);
    expect(nodesOf(d, "engine/nested")).toEqual([["inner"]]);
  });
  it("still compares the inner containers with the outer host kernel", () => {
    const d = doc(
      host().with(
        kernel("linux")
          .as("k")
          .with(docker().with(container().with(docker().with(container({ os: "windows" }).as("win"))))),
      ),
    );
    expect(nodesOf(d, "container/kernel-mismatch")).toEqual([["win", "k"]]);
    const bsd = doc(
      host().with(
        kernel("bsd").with(
          docker()
            .as("outer")
            .with(container().with(engine("podman").as("in"))),
        ),
      ),
    );
    expect(nodesOf(bsd, "engine/unsupported-kernel")).toEqual([["outer"], ["in"]]);
  });
});

describe("vm/needs-hypervisor and AWS-supplied virtualization", () => {
  it("passes for EC2 instances and VMs in ECS or EKS clusters without a cloud frame", () => {
    const d = doc(
      vm({ product: "EC2" }).with(kernel()),
      vm({ product: "ec2 t3.micro" }).with(kernel()),
      ecsCluster().with(vm().with(kernel())),
      k8sCluster("eks").with(group().with(vm().with(kernel()))),
    );
    expect(rulesOf(d)).toEqual([]);
  });
  it("still fires for other VMs outside a hypervisor and a cloud", () => {
    const d = doc(
      vm({ product: "Linode" }).as("a").with(kernel()),
      k8sCluster("self").with(vm().as("b").with(kernel())),
      host().with(vm().as("c").with(kernel())),
    );
    expect(nodesOf(d, "vm/needs-hypervisor")).toEqual([["a"], ["b"], ["c"]]);
  });
});

describe("KVM, Hyper-V and nested hypervisors", () => {
  it("passes KVM on Linux and Hyper-V (or HyperV) on Windows, matched in any case", () => {
    const d = doc(
      host().with(kernel("linux").with(hypervisor("type1", { product: "KVM" }).with(vm().with(kernel())))),
      host().with(kernel("linux").with(hypervisor("type1", { product: "kvm" }))),
      host().with(kernel("windows").with(hypervisor("type1", { product: "Hyper-V" }))),
      host().with(kernel("windows").with(hypervisor(undefined, { product: "hyperv" }))),
    );
    expect(rulesOf(d)).toEqual([]);
  });
  it("still fires for KVM on Windows, Hyper-V on Linux, another product on a kernel, or a near match", () => {
    const d = doc(
      host().with(kernel("windows").with(hypervisor("type1", { product: "KVM" }).as("a"))),
      host().with(kernel("linux").with(hypervisor("type1", { product: "Hyper-V" }).as("b"))),
      host().with(kernel("linux").with(hypervisor("type1", { product: "ESXi" }).as("c"))),
      host().with(kernel("linux").with(hypervisor("type1", { product: "KVM/QEMU" }).as("d"))),
    );
    expect(nodesOf(d, "hypervisor/placement")).toEqual([["a"], ["b"], ["c"], ["d"]]);
  });
  it("warns for a type-1 hypervisor in a vm (was hypervisor/placement), and counts it as the vm's base", () => {
    const d = doc(
      host().with(
        hypervisor().with(
          vm()
            .as("v")
            .with(hypervisor().as("nested").with(vm().with(kernel()))),
        ),
      ),
    );
    expect(rulesOf(d)).toEqual(["hypervisor/nested"]);
    expect(nodesOf(d, "hypervisor/nested")).toEqual([["nested"]]);
    expect(nodesOf(d, "vm/no-guest-os")).toEqual([]);
  });
});

describe("own kernels: container isolation and Fargate", () => {
  it("passes a kernel in a microVM or Hyper-V isolated container, and in a Fargate task or pod", () => {
    const d = doc(
      host().with(
        kernel().with(
          docker().with(
            container({ isolation: "microvm" }).with(kernel()),
            container({ isolation: "hyperv" }).with(group().with(kernel())),
          ),
        ),
      ),
      ecsCluster().with(
        fargate().with(ecsTask().with(kernel(undefined, { managedBy: "provider" }), container())),
      ),
      k8sCluster("eks").with(fargate().with(pod().with(kernel(undefined, { managedBy: "provider" })))),
    );
    expect(rulesOf(d)).toEqual([]);
  });
  it("still fires for a gVisor sandbox, a shared kernel, a pod or task on an engine, a container on Fargate", () => {
    const d = doc(
      host().with(
        kernel().with(
          docker().with(
            container({ isolation: "sandbox" }).with(kernel().as("gv")),
            container().with(kernel().as("shared")),
            pod().with(kernel().as("pod")),
          ),
        ),
      ),
      ecsCluster().with(fargate().with(ecsTask().with(container().with(kernel().as("in-task-container"))))),
    );
    expect(nodesOf(d, "container/own-kernel")).toEqual([["gv"], ["shared"], ["pod"], ["in-task-container"]]);
    expect(nodesOf(d, "kernel/placement")).toEqual([]);
  });
});

describe("ports: hostIp, network, replicas, pod and Fargate-task namespaces, a port bound twice", () => {
  const onDocker = (...cs: ReturnType<typeof container>[]) =>
    doc(
      host().with(
        kernel()
          .as("k")
          .with(docker().with(...cs)),
      ),
    );
  it("passes distinct host IPs, network none, replicas 0 and 1, and separate pods or tasks", () => {
    const d = doc(
      host().with(
        kernel().with(
          app([8080]),
          docker().with(
            container({ ports: [{ host: 3000, container: 3000, hostIp: "127.0.0.1" }] }),
            container({ ports: [{ host: 3000, container: 3000, hostIp: "127.0.0.2" }] }),
            container({ ports: [{ host: 3000, container: 3000, hostIp: "::1" }] }),
            container({ network: "none", ports: [{ host: 8080, container: 8080 }] }),
            container({ replicas: 0, ports: [{ host: 8080, container: 8080 }] }),
            container({ replicas: 1, ports: [{ host: 9000, container: 9000 }] }),
            container({
              ports: [
                { host: 5000, container: 80 },
                { host: 5001, container: 80 },
              ],
            }),
            pod().with(container({ ports: [{ container: 80 }] })),
            pod().with(container({ ports: [{ container: 80 }] })),
            pod({ replicas: 0 }).with(container({ ports: [{ host: 9000, container: 9000 }] })),
          ),
        ),
      ),
      ecsCluster().with(
        fargate().with(
          ecsTask().with(container({ ports: [{ host: 80, container: 80 }] })),
          ecsTask().with(container({ ports: [{ host: 80, container: 80 }] })),
        ),
      ),
    );
    expect(nodesOf(d, "network/port-conflict")).toEqual([]);
  });
  it("fires for every address against one, and for :: as every address", () => {
    const d = onDocker(
      container({ ports: [{ host: 8080, container: 80 }] }).as("any"),
      container({ ports: [{ host: 8080, container: 80, hostIp: "127.0.0.1" }] }).as("one"),
      container({ ports: [{ host: 9090, container: 80, hostIp: "::" }] }).as("v6any"),
      container({ ports: [{ host: 9090, container: 80, hostIp: "10.0.0.1" }] }).as("ten"),
    );
    expect(nodesOf(d, "network/port-conflict")).toEqual([
      ["any", "one"],
      ["v6any", "ten"],
    ]);
  });
  it("fires for network: host against the kernel's own listeners, ignoring its host ports", () => {
    const d = doc(
      host().with(
        kernel().with(
          app([80]).as("a"),
          docker().with(container({ network: "host", ports: [{ host: 8081, container: 80 }] }).as("h")),
        ),
      ),
    );
    expect(nodesOf(d, "network/port-conflict")).toEqual([["a", "h"]]);
  });
  it("fires for replicas publishing a port, and for replicas of a pod", () => {
    const d = onDocker(container({ replicas: 2, ports: [{ host: 80, container: 80 }] }).as("r"));
    expect(nodesOf(d, "network/port-conflict")).toEqual([["r"]]);
    const p = doc(
      host().with(
        kernel().with(
          docker().with(
            pod({ replicas: 3 }).with(container({ ports: [{ host: 80, container: 80 }] }).as("c")),
          ),
        ),
      ),
    );
    expect(nodesOf(p, "network/port-conflict")).toEqual([["c"]]);
  });
  it("fires for one host port bound twice by one container", () => {
    const d = onDocker(
      container({
        ports: [
          { host: 5000, container: 5000 },
          { host: 5000, container: 5001 },
        ],
      }).as("dup"),
    );
    expect(nodesOf(d, "network/port-conflict")).toEqual([["dup"]]);
  });
  it("fires for two containers of one pod, or of one Fargate task, on one port", () => {
    const d = doc(
      k8sCluster("eks").with(
        vm().with(
          kernel().with(
            engine("containerd").with(
              pod().with(
                container({ ports: [{ container: 8080 }] }).as("p1"),
                container({ ports: [{ container: 8080 }] }).as("p2"),
              ),
            ),
          ),
        ),
      ),
      ecsCluster().with(
        fargate().with(
          ecsTask().with(
            container({ ports: [{ host: 80, container: 80 }] }).as("t1"),
            container({ ports: [{ container: 80 }] }).as("t2"),
          ),
        ),
      ),
    );
    expect(nodesOf(d, "network/port-conflict")).toEqual([
      ["p1", "p2"],
      ["t1", "t2"],
    ]);
  });
  it("treats server software in a container on a port the container declares as that listener", () => {
    const d = onDocker(
      container({ ports: [{ host: 80, container: 80 }] }).with(app([80])),
      container({ network: "host", ports: [{ container: 443 }] }).with(app([443])),
    );
    expect(nodesOf(d, "network/port-conflict")).toEqual([]);
  });
});

describe("Fargate on EKS and its placement", () => {
  it("passes Windows on ECS Fargate, Linux on EKS Fargate, and Fargate in an EKS cluster", () => {
    const d = doc(
      ecsCluster().with(fargate().with(ecsTask().with(container({ os: "windows" })))),
      k8sCluster("eks").with(fargate().with(pod().with(container({ os: "linux" })))),
    );
    expect(rulesOf(d)).toEqual([]);
  });
  it("fires fargate/windows-on-eks for a Windows container, and fargate/placement in a self-managed cluster", () => {
    const d = doc(
      k8sCluster("eks").with(fargate().with(pod().with(container({ os: "windows" }).as("w")))),
      k8sCluster("self").with(fargate().as("f")),
    );
    expect(nodesOf(d, "fargate/windows-on-eks")).toEqual([["w"]]);
    expect(nodesOf(d, "fargate/placement")).toEqual([["f"]]);
  });
});

describe("fargate/managed-layers and provider-managed layers", () => {
  it("is quiet for a layer whose own managedBy is provider", () => {
    const d = doc(
      ecsCluster().with(
        fargate().with(vm({ managedBy: "provider" }).with(kernel(undefined, { managedBy: "provider" }))),
      ),
    );
    expect(rulesOf(d)).toEqual([]);
  });
  it("still fires for a layer that only inherits provider from Fargate, or says user", () => {
    const d = doc(
      ecsCluster().with(
        fargate().with(vm({ managedBy: "provider" }).with(kernel().as("k").with(docker().as("e")))),
        fargate().with(node("physical-host", { managedBy: "user" }).as("h")),
      ),
    );
    expect(nodesOf(d, "fargate/managed-layers")).toEqual([["k"], ["e"], ["h"]]);
  });
});

describe("pulls from an engine, launched-from from a physical host", () => {
  it("passes both (were edge/endpoints)", () => {
    const e = docker().as("e");
    const metal = host().as("metal");
    const d = doc(
      cloud().with(metal.with(kernel().with(e))),
      registry().as("r"),
      image("ami").as("ami"),
      image().as("img"),
      {
        edges: [edge("pulls", e, "r"), edge("pulls", e, "img"), edge("launched-from", metal, "ami")],
      },
    );
    expect(rulesOf(d)).toEqual([]);
  });
  it("still fires from a kernel, to an AMI, and from a container", () => {
    const k = kernel().as("k");
    const e = docker().as("e");
    const c = container().as("c");
    const d = doc(host().with(k.with(e.with(c))), image("ami").as("ami"), registry().as("r"), {
      edges: [edge("pulls", k, "r"), edge("pulls", e, "ami"), edge("launched-from", c, "ami")],
    });
    expect(nodesOf(d, "edge/endpoints")).toEqual([
      ["k", "r"],
      ["e", "ami"],
      ["c", "ami"],
    ]);
  });
});

describe("distro names with versions and normalized image references", () => {
  it("passes versioned names of the right family and one image written two ways", () => {
    const a = container({ image: "nginx" }).as("a");
    const b = container({ image: "docker.io/library/nginx:latest" }).as("b");
    const d = doc(
      host().with(kernel("linux", { distro: "Ubuntu 22.04" })),
      host().with(kernel("windows", { distro: "Windows Server 2022" })),
      host().with(kernel(undefined, { distro: "RHEL 9" }).with(docker().with(a, b))),
      { edges: [edge("moves", a, b)] },
    );
    expect(rulesOf(d)).toEqual([]);
  });
  it("still fires for a versioned name of another family, and for another tag", () => {
    const a = container({ image: "nginx:1.27" }).as("a");
    const b = container({ image: "nginx" }).as("b");
    const d = doc(
      host().with(kernel("windows", { distro: "Ubuntu 22.04" }).as("k1")),
      host().with(kernel("linux", { distro: "Windows Server 2022" }).as("k2")),
      host().with(kernel().with(docker().with(a, b))),
      { edges: [edge("moves", a, b)] },
    );
    expect(nodesOf(d, "kernel/distro-family")).toEqual([["k1"], ["k2"]]);
    expect(nodesOf(d, "container/moved-image")).toEqual([["b"]]);
  });
});

describe("suppressions", () => {
  it("take a reviewed error out of the count, and report a suppression that suppresses nothing", () => {
    const d = doc(
      host().with(
        kernel().with(
          docker().with(container({ os: "windows" }).as("c").suppressing("container/kernel-mismatch")),
        ),
      ),
      host().as("h").suppressing("arch/mismatch"),
    );
    const problems = validate(d);
    expect(countProblems(problems)).toEqual({ errors: 0, warnings: 1 });
    expect(problems.find((p) => p.rule === "container/kernel-mismatch")!.suppressed).toEqual({
      reason: "reviewed",
    });
    expect(nodesOf(d, "document/unused-suppression")).toEqual([["h"]]);
  });
  it("do not make a drop bad: a suppressed error of the dropped node is no error", () => {
    const before = doc(host().with(kernel().as("k"), docker().as("e")), container({ os: "windows" }).as("c"));
    const moved = (suppressed: boolean) => {
      const c = container({ os: "windows" }).as("c");
      if (suppressed) c.suppressing("container/kernel-mismatch");
      return doc(host().with(kernel().as("k").with(docker().as("e").with(c))));
    };
    const ids = new Set(["c"]);
    expect(dropVerdict(before, moved(false), ids, ids, validate).ok).toBe(false);
    expect(dropVerdict(before, moved(true), ids, ids, validate).ok).toBe(true);
  });
});
