import { validate } from "../../../src/domain/rules/index.ts";
import {
  app,
  cloud,
  container,
  doc,
  docker,
  ecsCluster,
  engine,
  fargate,
  group,
  host,
  hypervisor,
  image,
  kernel,
  pod,
  vm,
  k8sCluster,
  ecsTask,
} from "./builders.ts";
import { canonical, nodesOf, rulesOf } from "./check.ts";

describe("container/needs-engine", () => {
  it("fires for a container straight on a kernel", () => {
    expect(nodesOf(doc(host().with(kernel().with(container().as("c")))), "container/needs-engine")).toEqual([
      ["c"],
    ]);
  });
  it("fires for a container at the root", () => {
    expect(nodesOf(doc(container().as("c")), "container/needs-engine")).toEqual([["c"]]);
  });
  it("does not fire on an engine, even through a group frame, nor on Fargate through a task", () => {
    const d = doc(
      host().with(kernel().with(docker().with(group().with(container())))),
      cloud().with(ecsCluster().with(fargate().with(ecsTask().with(container())))),
    );
    expect(rulesOf(d)).toEqual([]);
  });
});

describe("container/kernel-mismatch", () => {
  it("fires for a Windows container on Linux, naming the container then the kernel", () => {
    const d = doc(
      host().with(
        kernel("linux", { distro: "Ubuntu" })
          .as("k")
          .with(docker().with(container({ os: "windows" }).as("c"))),
      ),
    );
    expect(nodesOf(d, "container/kernel-mismatch")).toEqual([["c", "k"]]);
  });
  it("fires for a Linux container (the default OS) on a Windows kernel", () => {
    const d = doc(
      host().with(
        kernel("windows")
          .as("k")
          .with(docker().with(container().as("c"))),
      ),
    );
    expect(nodesOf(d, "container/kernel-mismatch")).toEqual([["c", "k"]]);
  });
  it("treats an absent family as linux and an absent os as linux", () => {
    expect(rulesOf(doc(host().with(kernel().with(docker().with(container())))))).toEqual([]);
  });
  it("sees the host kernel through grouping frames", () => {
    const d = doc(
      host().with(
        kernel("windows")
          .as("k")
          .with(group().with(docker().with(pod().with(container().as("c"))))),
      ),
    );
    expect(nodesOf(d, "container/kernel-mismatch")).toEqual([["c", "k"]]);
  });
  it("has nothing to compare without a host kernel", () => {
    expect(nodesOf(doc(container({ os: "windows" })), "container/kernel-mismatch")).toEqual([]);
  });
});

describe("container/own-kernel and its precedence over kernel/placement", () => {
  it("fires for a kernel in a container, and kernel/placement does not", () => {
    const d = doc(host().with(kernel().with(docker().with(container().with(kernel().as("k2"))))));
    expect(nodesOf(d, "container/own-kernel")).toEqual([["k2"]]);
    expect(nodesOf(d, "kernel/placement")).toEqual([]);
  });
  it("fires for a kernel inside an ECS task or a pod, through frames", () => {
    const d = doc(ecsTask().with(group().with(kernel().as("a"))), pod().with(kernel().as("b")));
    expect(nodesOf(d, "container/own-kernel")).toEqual([["a"], ["b"]]);
    expect(nodesOf(d, "kernel/placement")).toEqual([]);
  });
});

describe("engine/needs-kernel", () => {
  it("fires for an engine at the root, on a hypervisor, or beside the drawn OS of its machine", () => {
    const d = doc(
      engine().as("root"),
      host().with(hypervisor().with(docker().as("onHv"))),
      host().with(kernel(), docker().as("beside")),
      host().with(hypervisor(), docker().as("besideHv")),
    );
    expect(nodesOf(d, "engine/needs-kernel")).toEqual([["root"], ["onHv"], ["beside"], ["besideHv"]]);
    expect(rulesOf(d)).not.toContain("stack/os-not-drawn");
  });
  it("names the kernel it stands beside when the machine has just one base", () => {
    const d = doc(host().with(kernel().as("k"), docker().as("e")));
    expect(validate(d).find((p) => p.rule === "engine/needs-kernel")!.params.beside).toBe("k");
  });
  it("does not fire on a machine whose OS is not drawn, nor in a container", () => {
    const d = doc(
      host().with(docker()),
      host().with(kernel().with(docker().with(container().with(docker())))),
    );
    expect(nodesOf(d, "engine/needs-kernel")).toEqual([]);
  });
  it("does not fire on a kernel behind a group", () => {
    expect(nodesOf(doc(host().with(kernel().with(group().with(docker())))), "engine/needs-kernel")).toEqual(
      [],
    );
  });
});

describe("engine/unsupported-kernel", () => {
  it("fires for Docker on BSD and Solaris", () => {
    const d = doc(
      host().with(kernel("bsd").with(docker().as("e1"))),
      host().with(kernel("solaris").with(docker().as("e2"))),
    );
    expect(nodesOf(d, "engine/unsupported-kernel")).toEqual([["e1"], ["e2"]]);
  });
  it("lets docker and containerd run on Windows but not podman or cri-o", () => {
    const d = doc(
      host().with(
        kernel("windows").with(
          engine("docker"),
          engine("containerd"),
          engine("podman").as("p"),
          engine("cri-o").as("c"),
        ),
      ),
    );
    expect(nodesOf(d, "engine/unsupported-kernel")).toEqual([["p"], ["c"]]);
  });
  it("takes an absent product as docker", () => {
    expect(nodesOf(doc(host().with(kernel("windows").with(engine()))), "engine/unsupported-kernel")).toEqual(
      [],
    );
    expect(
      nodesOf(doc(host().with(kernel("bsd").with(engine().as("e")))), "engine/unsupported-kernel"),
    ).toEqual([["e"]]);
  });
});

describe("vm/needs-hypervisor", () => {
  it("fires for a vm on a host and at the root", () => {
    const d = doc(host().with(vm().as("a").with(kernel())), vm().as("b").with(kernel()));
    expect(nodesOf(d, "vm/needs-hypervisor")).toEqual([["a"], ["b"]]);
  });
  it("does not fire on a hypervisor (through a group) or anywhere inside a cloud", () => {
    const d = doc(
      host().with(hypervisor().with(group().with(vm().with(kernel())))),
      cloud().with(group().with(vm({ product: "EC2" }).with(kernel()))),
    );
    expect(rulesOf(d)).toEqual([]);
  });
  it("is skipped for a vm that fargate/managed-layers reports", () => {
    const d = doc(cloud().with(ecsCluster().with(fargate().with(vm().as("v").with(kernel())))));
    expect(nodesOf(d, "fargate/managed-layers").map((ids) => ids[0])).toContain("v");
    expect(nodesOf(d, "vm/needs-hypervisor")).toEqual([]);
  });
  it("still fires for a vm in a self-managed Kubernetes cluster, in a group, or with another product", () => {
    const d = doc(
      k8sCluster("self").with(vm().as("a").with(kernel())),
      group().with(vm({ product: "Linode" }).as("b").with(kernel())),
      vm({ product: "my EC2 clone" }).as("c").with(kernel()),
    );
    expect(nodesOf(d, "vm/needs-hypervisor")).toEqual([["a"], ["b"], ["c"]]);
  });
});

describe("vm/no-guest-os", () => {
  it("fires for a vm with nothing on it, or only a container or a hosted hypervisor", () => {
    const d = doc(
      host().with(
        hypervisor().with(
          vm().as("a"),
          vm().as("b").with(container()),
          vm().as("c").with(hypervisor("type2")),
        ),
      ),
    );
    expect(nodesOf(d, "vm/no-guest-os")).toEqual([["a"], ["b"], ["c"]]);
  });
  it("leaves a vm with an engine or an app on it to stack/os-not-drawn", () => {
    const d = doc(host().with(hypervisor().with(vm().as("a").with(app()), vm().as("b").with(docker()))));
    expect(nodesOf(d, "vm/no-guest-os")).toEqual([]);
    expect(rulesOf(d)).toEqual(["stack/os-not-drawn"]);
  });
  it("counts a kernel or a type-1 hypervisor through a group, but not a kernel deeper down", () => {
    const d = doc(
      host().with(
        hypervisor().with(
          vm().with(group().with(kernel())),
          vm()
            .as("b")
            .with(hypervisor().with(vm().with(kernel()))),
        ),
      ),
    );
    expect(nodesOf(d, "vm/no-guest-os")).toEqual([]);
    const deeper = doc(
      host().with(
        hypervisor().with(
          vm()
            .as("b")
            .with(group().with(docker().with(kernel()))),
        ),
      ),
    );
    expect(nodesOf(deeper, "vm/no-guest-os")).toEqual([]);
    expect(nodesOf(deeper, "stack/os-not-drawn")).toHaveLength(1);
    const nothing = doc(host().with(hypervisor().with(vm().as("e").with(group().with(group())))));
    expect(nodesOf(nothing, "vm/no-guest-os")).toEqual([["e"]]);
  });
});

describe("machine/multiple-bases", () => {
  it("fires for two kernels on one host, machine first, then the kernels", () => {
    const d = doc(
      host()
        .as("h")
        .with(kernel().as("k1"), group().with(kernel("windows").as("k2"))),
    );
    expect(nodesOf(d, "machine/multiple-bases")).toEqual([["h", "k1", "k2"]]);
  });
  it("counts type-1 hypervisors but not type-2 ones, on hosts and vms", () => {
    const d = doc(
      host()
        .as("h")
        .with(kernel().as("k").with(hypervisor("type2")), hypervisor("type1").as("hv")),
      host().with(hypervisor().with(vm().as("v").with(kernel().as("vk"), hypervisor().as("nested")))),
    );
    expect(nodesOf(d, "machine/multiple-bases")).toEqual([
      ["h", "k", "hv"],
      ["v", "vk", "nested"],
    ]);
  });
  it("does not fire for one kernel and one hosted hypervisor", () => {
    expect(nodesOf(doc(host().with(kernel().with(hypervisor("type2")))), "machine/multiple-bases")).toEqual(
      [],
    );
  });
});

describe("hypervisor/placement", () => {
  it("fires for type 1 (the default) not on a host, and type 2 not on a kernel", () => {
    const d = doc(
      host().with(kernel().with(hypervisor().as("t1"))),
      host().with(hypervisor("type2").as("t2")),
      hypervisor().as("root"),
    );
    expect(nodesOf(d, "hypervisor/placement")).toEqual([["t1"], ["t2"], ["root"]]);
  });
  it("does not fire in the right places, through frames", () => {
    expect(
      rulesOf(
        doc(
          host().with(group().with(hypervisor("type1").with(vm().with(kernel())))),
          host().with(kernel().with(group().with(hypervisor("type2")))),
        ),
      ).filter((r) => r === "hypervisor/placement"),
    ).toEqual([]);
  });
});

describe("kernel/placement", () => {
  it("fires for a kernel on a hypervisor, an engine or at the root", () => {
    const d = doc(host().with(hypervisor().with(kernel().as("a"))), kernel().as("b"));
    expect(nodesOf(d, "kernel/placement")).toEqual([["a"], ["b"]]);
  });
  it("does not fire on a host or a vm behind a cloud frame", () => {
    expect(
      nodesOf(
        doc(host().with(group().with(kernel())), cloud().with(vm().with(kernel()))),
        "kernel/placement",
      ),
    ).toEqual([]);
  });
});

describe("host/placement", () => {
  it("fires for a host inside a vm, even behind a group", () => {
    const d = doc(host().with(hypervisor().with(vm().with(kernel(), group().with(host().as("h2"))))));
    expect(nodesOf(d, "host/placement")).toEqual([["h2"]]);
  });
  it("does not fire for hosts in clouds and groups", () => {
    expect(nodesOf(doc(cloud().with(group().with(host().with(kernel())))), "host/placement")).toEqual([]);
  });
});

describe("kernel/distro-family", () => {
  it("fires when a known distro disagrees, matching case, spaces and hyphens loosely", () => {
    const d = doc(
      host().with(kernel("linux", { distro: "FreeBSD" }).as("a")),
      host().with(kernel(undefined, { distro: "windows-server" }).as("b")),
      host().with(kernel("windows", { distro: "amazonlinux" }).as("c")),
      host().with(kernel("bsd", { distro: "Open Solaris" }).as("d")),
    );
    expect(nodesOf(d, "kernel/distro-family")).toEqual([["a"], ["b"], ["c"], ["d"]]);
  });
  it("does not fire for matching or unknown distros", () => {
    const d = doc(
      host().with(kernel(undefined, { distro: "Rocky Linux" })),
      host().with(kernel("bsd", { distro: "macOS" })),
      host().with(kernel("windows", { distro: "Windows Server" })),
      host().with(kernel("linux", { distro: "Gentoo" })),
    );
    expect(nodesOf(d, "kernel/distro-family")).toEqual([]);
  });
});

describe("app/placement", () => {
  it("fires for an app on a vm, an engine, or at the root", () => {
    const d = doc(
      host().with(hypervisor().with(vm().with(kernel(), app().as("a")))),
      host().with(kernel().with(docker().with(app().as("b")))),
      app().as("c"),
    );
    expect(nodesOf(d, "app/placement")).toEqual([["a"], ["b"], ["c"]]);
  });
  it("does not fire on a kernel or in a container, through groups", () => {
    expect(
      nodesOf(
        doc(host().with(kernel().with(group().with(app()), docker().with(container().with(app()))))),
        "app/placement",
      ),
    ).toEqual([]);
  });
});

describe("network/port-conflict", () => {
  it("fires for two apps on one kernel with a shared port, listing both", () => {
    const d = doc(host().with(kernel().with(app([80]).as("a1"), app([80, 443]).as("a2"))));
    expect(nodesOf(d, "network/port-conflict")).toEqual([["a1", "a2"]]);
  });
  it("reports one problem per group of listeners, with every shared port", () => {
    const d = doc(host().with(kernel().with(app([443, 80]).as("a1"), app([80, 443]).as("a2"))));
    const [p, ...rest] = validate(d).filter((x) => x.rule === "network/port-conflict");
    expect(rest).toEqual([]);
    expect(p!.params.ports).toBe("80/tcp, 443/tcp");
  });
  it("sees a published container port in its host kernel", () => {
    const d = doc(
      host().with(
        kernel().with(
          app([8080]).as("a"),
          docker().with(
            container({ ports: [{ host: 8080, container: 80 }] }).as("c1"),
            container({ ports: [{ host: 8080, container: 80 }] }).as("c2"),
          ),
        ),
      ),
    );
    expect(nodesOf(d, "network/port-conflict")).toEqual([["a", "c1", "c2"]]);
  });
  it("never clashes unpublished ports, other protocols, other kernels or apps inside different containers", () => {
    const d = doc(
      host().with(
        kernel().with(
          app([80]),
          docker().with(
            container({ ports: [{ container: 80 }] }).with(app([80])),
            container({ ports: [{ container: 80 }, { host: 53, container: 53, protocol: "udp" }] }).with(
              app([80]),
            ),
            container({ ports: [{ host: 53, container: 53 }] }),
          ),
        ),
      ),
      host().with(kernel().with(app([80]))),
    );
    expect(nodesOf(d, "network/port-conflict")).toEqual([]);
  });
  it("fires for two apps in one container, and for udp against udp", () => {
    const d = doc(
      host().with(
        kernel().with(
          docker().with(
            container()
              .as("c")
              .with(app([5432]).as("x"), app([5432]).as("y")),
            container({ ports: [{ host: 53, container: 53, protocol: "udp" }] }).as("d1"),
            container({ ports: [{ host: 53, container: 5353, protocol: "udp" }] }).as("d2"),
          ),
        ),
      ),
    );
    expect(nodesOf(d, "network/port-conflict")).toEqual([
      ["x", "y"],
      ["d1", "d2"],
    ]);
  });
  it("does not count a node listing the same port twice as a conflict with itself", () => {
    expect(nodesOf(doc(host().with(kernel().with(app([80, 80])))), "network/port-conflict")).toEqual([]);
  });
});

describe("arch/mismatch", () => {
  it("fires for an arm64 image on an x86_64 host (the default arch)", () => {
    const d = doc(host().with(kernel().with(docker().with(container({ arch: "arm64" }).as("c")))));
    expect(nodesOf(d, "arch/mismatch")).toEqual([["c"]]);
  });
  it("takes the nearest vm with an arch over the host", () => {
    const d = doc(
      host({ arch: "x86_64" }).with(
        hypervisor().with(
          vm({ arch: "arm64" }).with(kernel().with(docker().with(container({ arch: "x86_64" }).as("c")))),
        ),
      ),
      host({ arch: "arm64" }).with(
        hypervisor().with(vm().with(kernel().with(docker().with(container({ arch: "arm64" }))))),
      ),
    );
    expect(nodesOf(d, "arch/mismatch")).toEqual([["c"]]);
  });
  it("does not fire without a container arch or with unknown hardware", () => {
    const d = doc(
      host({ arch: "arm64" }).with(kernel().with(docker().with(container()))),
      cloud().with(vm().with(kernel().with(docker().with(container({ arch: "arm64" }))))),
    );
    expect(nodesOf(d, "arch/mismatch")).toEqual([]);
  });
});

describe("order, frames and defaults", () => {
  it("gives the same answer when children are listed before parents", () => {
    const trees = () => [
      host()
        .as("h")
        .with(
          kernel("linux", { distro: "Ubuntu" })
            .as("k")
            .with(
              docker()
                .as("d")
                .with(container({ os: "windows" }).as("c")),
            ),
        ),
      host()
        .as("h2")
        .with(hypervisor().as("hv").with(vm().as("v"))),
    ];
    const reversed = validate(doc(...trees(), { childrenFirst: true }));
    expect(canonical(reversed)).toEqual(canonical(validate(doc(...trees()))));
    expect(reversed.map((p) => p.rule)).toEqual(["vm/no-guest-os", "container/kernel-mismatch"]);
  });
  it("reports each node's problems in document order, then by rule order", () => {
    const d = doc(
      container({ arch: "arm64" }).as("c"),
      host()
        .as("h")
        .with(kernel().as("k1"), kernel().as("k2"), container({ arch: "arm64" }).as("c2")),
    );
    expect(validate(d).map((p) => `${p.rule} ${p.nodeIds[0]}`)).toEqual([
      "container/needs-engine c",
      "machine/multiple-bases h",
      "container/needs-engine c2",
      "arch/mismatch c2",
    ]);
  });
  it("treats a node whose parent is missing as a root, and ill-typed props as absent", () => {
    const d = doc(host().with(kernel().with(docker().with(container().as("c")))));
    d.nodes.push({ id: "orphan", kind: "vm", parentId: "nowhere" });
    d.nodes.push({
      id: "odd",
      kind: "kernel",
      parentId: d.nodes[0]!.id,
      props: { family: 42, distro: ["Ubuntu"] },
    });
    d.nodes.push({ id: "a", kind: "server-app", parentId: "odd", props: { ports: "80" } });
    d.nodes.push({
      id: "c3",
      kind: "container",
      parentId: d.nodes[2]!.id,
      props: { ports: [null, { host: "x", container: 1 }, 7] },
    });
    expect(validate(d).map((p) => `${p.rule} ${p.nodeIds.join(",")}`)).toEqual([
      `machine/multiple-bases ${d.nodes[0]!.id},${d.nodes[1]!.id},odd`,
      "vm/needs-hypervisor orphan",
      "vm/no-guest-os orphan",
    ]);
  });
  it("makes no images or registries or frames into problems of their own", () => {
    expect(validate(doc(group().with(image(), cloud(), k8sCluster())))).toEqual([]);
  });
});

describe("version 2 definitions", () => {
  it("host kernel: none for an engine on a machine whose OS is implied, so nothing is compared", () => {
    const d = doc(host().with(docker().with(container({ os: "windows" }))), host().with(engine("podman")));
    expect(rulesOf(d)).toEqual(["stack/os-not-drawn"]);
  });
  it("host kernel: through Docker-in-Docker, any depth", () => {
    const d = doc(
      host().with(
        kernel("windows")
          .as("k")
          .with(
            docker().with(
              container({ os: "windows" }).with(
                docker().with(container({ os: "windows" }).with(docker().with(container().as("deep")))),
              ),
            ),
          ),
      ),
    );
    expect(nodesOf(d, "container/kernel-mismatch")).toEqual([["deep", "k"]]);
  });
  it("engine products: free text, the known ones in any case, others not checked", () => {
    const d = doc(
      host().with(
        kernel("bsd").with(
          engine("Docker").as("a"),
          engine("lxd"),
          engine(" PODMAN ").as("b"),
          engine("").as("blank"),
        ),
      ),
    );
    expect(nodesOf(d, "engine/unsupported-kernel")).toEqual([["a"], ["b"], ["blank"]]);
  });
  it("hardware arch: the nearest vm with an arch, else the host, through Docker-in-Docker too", () => {
    const d = doc(
      host({ arch: "arm64" }).with(
        kernel().with(docker().with(container().with(docker().with(container({ arch: "x86_64" }).as("c"))))),
      ),
    );
    expect(nodesOf(d, "arch/mismatch")).toEqual([["c"]]);
  });
  it("hardware arch: Docker's spellings amd64 and aarch64 read as x86_64 and arm64", () => {
    const d = doc(
      host({ arch: "arm64" }).with(
        kernel().with(
          docker().with(
            container({ arch: "amd64" as never }).as("amd"),
            container({ arch: "aarch64" as never }).as("arm"),
          ),
        ),
      ),
    );
    expect(nodesOf(d, "arch/mismatch")).toEqual([["amd"]]);
  });
  it("bases: a type-1 hypervisor on a kernel (KVM) is no base of the machine", () => {
    const d = doc(
      host().with(kernel("linux").with(hypervisor("type1", { product: "KVM" }))),
      host()
        .as("h")
        .with(kernel(), hypervisor("type1", { product: "KVM" })),
    );
    expect(nodesOf(d, "machine/multiple-bases").map((ids) => ids[0])).toEqual(["h"]);
  });
  it("stack/os-not-drawn: for each engine and app right on a baseless machine, not for its containers", () => {
    const d = doc(
      host()
        .as("h")
        .with(docker().as("e").with(container()), app([80]).as("a"), group().with(docker().as("g"))),
    );
    expect(nodesOf(d, "stack/os-not-drawn")).toEqual([["e"], ["a"], ["g"]]);
    expect(validate(d).find((p) => p.rule === "stack/os-not-drawn")!.params).toMatchObject({
      platform: "h",
      kind: "container-engine",
    });
  });
  it("engine/nested and hypervisor/nested are warnings about the inner node only", () => {
    const d = doc(
      host().with(
        kernel().with(docker().with(container().as("outer").with(docker().as("inner")))),
        hypervisor().with(vm().as("v").with(hypervisor().as("nested"))),
      ),
    );
    expect(nodesOf(d, "engine/nested")).toEqual([["inner"]]);
    expect(nodesOf(d, "hypervisor/nested")).toEqual([["nested"]]);
    expect(nodesOf(d, "vm/no-guest-os")).toEqual([]);
  });
});
