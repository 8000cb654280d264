/**
 * Every quick fix of rules.md through the builders: when it is offered, what it does to the
 * document, and when it is not offered because applying it would add an error.
 */
import type { StackDocument, StackNode } from "../../../src/domain/document.ts";
import { completeGeometry } from "../../../src/domain/geometry.ts";
import {
  applyFix,
  FIX_IDS,
  FIX_TITLES,
  fixAll,
  validate,
  type FixId,
  type Problem,
  type RuleId,
} from "../../../src/domain/rules/index.ts";
import {
  app,
  cloud,
  container,
  doc,
  docker,
  ecsCluster,
  edge,
  engine,
  fargate,
  group,
  host,
  hypervisor,
  k8sCluster,
  kernel,
  pod,
  vm,
} from "./builders.ts";

/** The problem of `rule` about node `id` (first). */
function problemOf(d: StackDocument, rule: RuleId, id: string): Problem {
  const p = validate(d).find((x) => x.rule === rule && x.nodeIds[0] === id);
  if (p === undefined) throw new Error(`no ${rule} for ${id}`);
  return p;
}
const offers = (d: StackDocument, rule: RuleId, id: string): FixId[] =>
  problemOf(d, rule, id).fixes.map((f) => f.id);
function fix(d: StackDocument, rule: RuleId, id: string, fixId: FixId): StackDocument {
  const next = applyFix(d, problemOf(d, rule, id), fixId);
  if (next === null) throw new Error(`${fixId} did not apply`);
  return next;
}
const byId = (d: StackDocument, id: string): StackNode => d.nodes.find((n) => n.id === id)!;
const added = (before: StackDocument, after: StackDocument): StackNode[] =>
  after.nodes.filter((n) => !before.nodes.some((m) => m.id === n.id));

describe("titles", () => {
  it("every fix id has a title in English and Korean, and every variant too", () => {
    expect(Object.keys(FIX_TITLES).sort()).toEqual([...FIX_IDS].sort());
    for (const id of FIX_IDS)
      for (const t of Object.values(FIX_TITLES[id] as Record<string, { en: string; ko: string }>)) {
        expect(t.en.length).toBeGreaterThan(8);
        expect(t.ko).toMatch(/[\uac00-\ud7a3]/u);
      }
  });
});

describe("insert-engine", () => {
  it("puts a Docker Engine between the kernel and the container, new and unplaced", () => {
    const d = doc(
      host().with(
        kernel()
          .as("k")
          .with(container({ ports: [{ host: 80, container: 80 }] }).as("c")),
      ),
    );
    expect(offers(d, "container/needs-engine", "c")).toEqual(["insert-engine"]);
    const next = fix(d, "container/needs-engine", "c", "insert-engine");
    const [e] = added(d, next);
    expect(e).toMatchObject({ kind: "container-engine", parentId: "k", props: { product: "docker" } });
    expect(e!.position).toBeUndefined();
    expect(e!.size).toBeUndefined();
    expect(byId(next, "c").parentId).toBe(e!.id);
    expect(validate(next)).toEqual([]);
  });
  it("moves the container into the engine already on the kernel", () => {
    const d = doc(host().with(kernel().with(docker().as("e"), container().as("c"))));
    const p = problemOf(d, "container/needs-engine", "c");
    expect(p.fixes[0]!.title.en).toBe("Move it into the engine on its kernel");
    const next = fix(d, "container/needs-engine", "c", "insert-engine");
    expect(added(d, next)).toEqual([]);
    expect(byId(next, "c").parentId).toBe("e");
  });
  it("is not offered when the container would then mismatch its kernel, clash on a port, or is not on a kernel", () => {
    const d = doc(
      host().with(kernel("linux").with(container({ os: "windows" }).as("win"))),
      host().with(kernel("bsd").with(container().as("bsd"))),
      host().with(kernel().with(app([80]), container({ ports: [{ host: 80, container: 80 }] }).as("port"))),
      host().with(kernel().with(pod().with(container().as("in-pod")))),
      container().as("root"),
    );
    for (const id of ["win", "bsd", "port", "in-pod", "root"])
      expect(offers(d, "container/needs-engine", id)).toEqual([]);
  });
});

describe("set-os", () => {
  it("sets the container's OS to its kernel's family", () => {
    const d = doc(host().with(kernel("windows").with(docker().with(container().as("c")))));
    expect(problemOf(d, "container/kernel-mismatch", "c").fixes[0]!.title.en).toBe(
      "Change the container OS to Windows",
    );
    expect(byId(fix(d, "container/kernel-mismatch", "c", "set-os"), "c").props!.os).toBe("windows");
  });
  it("sets a Windows container on EKS Fargate to Linux", () => {
    const d = doc(k8sCluster("eks").with(fargate().with(pod().with(container({ os: "windows" }).as("c")))));
    expect(byId(fix(d, "fargate/windows-on-eks", "c", "set-os"), "c").props!.os).toBe("linux");
  });
  it("is not offered for a kernel that is neither Linux nor Windows, nor to Windows on EKS Fargate", () => {
    const d = doc(
      host().with(kernel("bsd").with(docker().with(container().as("c")))),
      k8sCluster("eks").with(
        fargate().with(vm().with(kernel("windows").with(docker().with(pod().with(container().as("eks")))))),
      ),
    );
    expect(offers(d, "container/kernel-mismatch", "c")).toEqual([]);
    expect(offers(d, "container/kernel-mismatch", "eks")).toEqual([]);
  });
});

describe("move-onto-kernel", () => {
  it("moves an engine and server software beside the machine's only kernel onto it", () => {
    const d = doc(host().with(kernel().as("k"), docker().as("e").with(container()), app([80]).as("a")));
    let next = fix(d, "engine/needs-kernel", "e", "move-onto-kernel");
    next = fix(next, "app/placement", "a", "move-onto-kernel");
    expect(byId(next, "e").parentId).toBe("k");
    expect(byId(next, "a").parentId).toBe("k");
    expect(validate(next)).toEqual([]);
  });
  it("is not offered with two kernels, in a frame, or when the move would break what runs on it", () => {
    const d = doc(
      host().with(kernel(), kernel(), docker().as("two")),
      host().with(kernel(), group().with(docker().as("framed"))),
      host().with(
        kernel("linux"),
        docker()
          .as("win")
          .with(container({ os: "windows" })),
      ),
      host().with(kernel("windows"), engine("podman").as("podman")),
      host().with(kernel().with(app([80])), app([80]).as("port")),
    );
    for (const id of ["two", "framed", "win", "podman"])
      expect(offers(d, "engine/needs-kernel", id)).toEqual([]);
    expect(offers(d, "app/placement", "port")).toEqual([]);
  });
});

describe("insert-kernel", () => {
  it("puts a Linux kernel on the machine and moves every engine and app of it onto the kernel", () => {
    const d = doc(cloud().with(vm({ product: "EC2" }).as("ec2").with(docker().as("e"), app().as("a"))));
    expect(offers(d, "stack/os-not-drawn", "e")).toEqual(["insert-kernel"]);
    const next = fix(d, "stack/os-not-drawn", "e", "insert-kernel");
    const [k] = added(d, next);
    expect(k).toMatchObject({ kind: "kernel", parentId: "ec2", props: { family: "linux" } });
    expect(byId(next, "e").parentId).toBe(k!.id);
    expect(byId(next, "a").parentId).toBe(k!.id);
    expect(validate(next)).toEqual([]);
  });
  it("is not offered when a Windows container runs there, or when an engine sits in a frame", () => {
    const d = doc(
      host().with(
        docker()
          .as("w")
          .with(container({ os: "windows" })),
      ),
      host().with(docker().as("plain"), group().with(app().as("framed"))),
    );
    expect(offers(d, "stack/os-not-drawn", "w")).toEqual([]);
    expect(offers(d, "stack/os-not-drawn", "plain")).toEqual([]);
  });
});

describe("insert-hypervisor", () => {
  it("puts a type-1 hypervisor on a physical host, a type-2 one on a kernel, a server with one at the root", () => {
    const d = doc(
      host().as("h").with(vm().as("a").with(kernel())),
      host().with(kernel().as("k").with(vm().as("b").with(kernel()))),
      group().as("g").with(vm().as("c").with(kernel())),
    );
    let next = fix(d, "vm/needs-hypervisor", "a", "insert-hypervisor");
    expect(byId(next, byId(next, "a").parentId!)).toMatchObject({
      kind: "hypervisor",
      parentId: "h",
      props: { hypervisorType: "type1" },
    });
    next = fix(next, "vm/needs-hypervisor", "b", "insert-hypervisor");
    expect(byId(next, byId(next, "b").parentId!)).toMatchObject({
      parentId: "k",
      props: { hypervisorType: "type2" },
    });
    next = fix(next, "vm/needs-hypervisor", "c", "insert-hypervisor");
    const hv = byId(next, byId(next, "c").parentId!);
    expect(byId(next, hv.parentId!)).toMatchObject({ kind: "physical-host", parentId: "g" });
    expect(validate(next)).toEqual([]);
  });
  it("is not offered when the host already has a base or an engine on it", () => {
    const d = doc(host().with(kernel(), vm().as("v").with(kernel())), host().with(docker(), vm().as("w")));
    expect(offers(d, "vm/needs-hypervisor", "v")).toEqual([]);
    expect(offers(d, "vm/needs-hypervisor", "w")).toEqual([]);
  });
});

describe("add-kernel", () => {
  it("adds an Ubuntu kernel to an empty vm", () => {
    const d = doc(host().with(hypervisor().with(vm().as("v"))));
    const next = fix(d, "vm/no-guest-os", "v", "add-kernel");
    expect(added(d, next)).toMatchObject([
      { kind: "kernel", parentId: "v", props: { family: "linux", distro: "Ubuntu" } },
    ]);
    expect(validate(next)).toEqual([]);
  });
  it("is not offered for a vm drawn in a container", () => {
    const d = doc(host().with(kernel().with(docker().with(container().with(vm().as("v"))))));
    expect(offers(d, "vm/no-guest-os", "v")).toEqual([]);
  });
});

describe("set-type", () => {
  it("makes a type-1 hypervisor on a kernel type 2, and a type-2 one on a physical host type 1", () => {
    const d = doc(
      host().with(kernel().with(hypervisor("type1", { product: "VirtualBox" }).as("a"))),
      host().with(hypervisor("type2").as("b")),
    );
    let next = fix(d, "hypervisor/placement", "a", "set-type");
    expect(byId(next, "a").props!.hypervisorType).toBe("type2");
    next = fix(next, "hypervisor/placement", "b", "set-type");
    expect(byId(next, "b").props!.hypervisorType).toBe("type1");
    expect(validate(next)).toEqual([]);
  });
  it("is not offered on a host that has a base already, or at the root", () => {
    const d = doc(host().with(kernel(), hypervisor("type2").as("b")), hypervisor().as("r"));
    expect(offers(d, "hypervisor/placement", "b")).toEqual([]);
    expect(offers(d, "hypervisor/placement", "r")).toEqual([]);
  });
});

describe("set-family", () => {
  it("sets the kernel's family to its distribution's", () => {
    const d = doc(host().with(kernel("windows", { distro: "Ubuntu 22.04" }).as("k")));
    expect(problemOf(d, "kernel/distro-family", "k").fixes[0]!.title.en).toBe("Set its OS family to Linux");
    expect(byId(fix(d, "kernel/distro-family", "k", "set-family"), "k").props!.family).toBe("linux");
  });
  it("is not offered when what runs on the kernel works only with its family as marked", () => {
    const d = doc(
      host().with(
        kernel("windows", { distro: "Ubuntu" })
          .as("win")
          .with(docker().with(container({ os: "windows" }))),
      ),
      host().with(kernel("linux", { distro: "FreeBSD" }).as("docker").with(docker())),
      host().with(
        kernel("linux", { distro: "Windows Server" })
          .as("kvm")
          .with(hypervisor("type1", { product: "KVM" })),
      ),
    );
    for (const id of ["win", "docker", "kvm"]) expect(offers(d, "kernel/distro-family", id)).toEqual([]);
  });
});

describe("next-free-port", () => {
  it("publishes the last container of the conflict on the next host port free there", () => {
    const d = doc(
      host().with(
        kernel().with(
          app([8081]),
          docker().with(
            container({ ports: [{ host: 8080, container: 80 }] }).as("a"),
            container({
              ports: [
                { host: 8080, container: 80 },
                { host: 8082, container: 81 },
              ],
            }).as("b"),
          ),
        ),
      ),
    );
    const next = fix(d, "network/port-conflict", "a", "next-free-port");
    expect(byId(next, "a").props!.ports).toEqual([{ host: 8080, container: 80 }]);
    expect(byId(next, "b").props!.ports).toEqual([
      { host: 8083, container: 80 },
      { host: 8082, container: 81 },
    ]);
    expect(validate(next)).toEqual([]);
  });
  it("moves the second of one container's two mappings on one host port", () => {
    const d = doc(
      host().with(
        kernel().with(
          docker().with(
            container({
              ports: [
                { host: 5000, container: 5000 },
                { host: 5000, container: 5001 },
              ],
            }).as("dup"),
          ),
        ),
      ),
    );
    expect(byId(fix(d, "network/port-conflict", "dup", "next-free-port"), "dup").props!.ports).toEqual([
      { host: 5000, container: 5000 },
      { host: 5001, container: 5001 },
    ]);
  });
  it("is not offered for replicas clashing with themselves, nor for server software alone", () => {
    const d = doc(
      host().with(
        kernel().with(
          app([80]).as("a1"),
          app([80]),
          docker().with(container({ replicas: 2, ports: [{ host: 9000, container: 9000 }] }).as("r")),
        ),
      ),
    );
    expect(offers(d, "network/port-conflict", "a1")).toEqual([]);
    expect(offers(d, "network/port-conflict", "r")).toEqual([]);
  });
});

describe("set-arch, mark-provider, same-image", () => {
  it("set-arch sets the container's arch to the hardware's", () => {
    const d = doc(
      host({ arch: "arm64" }).with(kernel().with(docker().with(container({ arch: "x86_64" }).as("c")))),
    );
    expect(byId(fix(d, "arch/mismatch", "c", "set-arch"), "c").props!.arch).toBe("arm64");
  });
  it("mark-provider sets the layer's own managedBy, but not for a vm that would then need a hypervisor", () => {
    const d = doc(
      ecsCluster().with(fargate().with(vm().as("v").with(kernel().as("k")))),
      k8sCluster("self").with(fargate().with(vm().as("w"))),
    );
    expect(byId(fix(d, "fargate/managed-layers", "k", "mark-provider"), "k").props!.managedBy).toBe(
      "provider",
    );
    expect(offers(d, "fargate/managed-layers", "v")).toEqual(["mark-provider"]);
    expect(offers(d, "fargate/managed-layers", "w")).toEqual([]);
  });
  it("same-image gives the moved container the image it moved with", () => {
    const a = container({ image: "app:2" }).as("a");
    const b = container({ image: "app:1" }).as("b");
    const d = doc(host().with(kernel().with(docker().with(a, b))), { edges: [edge("moves", a, b)] });
    expect(byId(fix(d, "container/moved-image", "b", "same-image"), "b").props!.image).toBe("app:2");
  });
});

describe("wrap-in-task and wrap-in-pod", () => {
  it("put the container in a new task or pod where it stands", () => {
    const d = doc(
      ecsCluster().with(vm().with(kernel().with(docker().as("e").with(container().as("c"))))),
      k8sCluster("eks").with(fargate().as("f").with(container().as("k"))),
    );
    let next = fix(d, "ecs/container-outside-task", "c", "wrap-in-task");
    next = fix(next, "k8s/container-outside-pod", "k", "wrap-in-pod");
    const task = byId(next, byId(next, "c").parentId!);
    const p = byId(next, byId(next, "k").parentId!);
    expect(task).toMatchObject({ kind: "ecs-task", parentId: "e" });
    expect(p).toMatchObject({ kind: "pod", parentId: "f" });
    expect(validate(next)).toEqual([]);
  });
  it("are not offered for a container that is not on an engine or Fargate", () => {
    const d = doc(
      ecsCluster().with(container().as("c")),
      k8sCluster("eks").with(host().with(kernel().with(container().as("k")))),
    );
    expect(offers(d, "ecs/container-outside-task", "c")).toEqual([]);
    expect(offers(d, "k8s/container-outside-pod", "k")).toEqual([]);
  });
});

describe("remove-suppression", () => {
  it("removes the unused keys and leaves the used ones", () => {
    const d = doc(
      host({ arch: "arm64" }).with(
        kernel().with(
          docker().with(
            container({ arch: "x86_64" })
              .as("c")
              .suppressing("arch/mismatch", "emulated")
              .suppressing("no/such", "old"),
          ),
        ),
      ),
    );
    const next = fix(d, "document/unused-suppression", "c", "remove-suppression");
    expect(byId(next, "c").suppress).toEqual({ "arch/mismatch": "emulated" });
  });
});

describe("fixAll and the layout of what fixes add", () => {
  it("applies each fixable problem's first fix, reporting them in order, until nothing applies", () => {
    const d = doc(
      host().as("h").with(vm().as("v")),
      host().with(kernel("windows", { distro: "Ubuntu" }).as("k")),
      host({ arch: "arm64" }).with(
        docker()
          .as("e")
          .with(container({ arch: "x86_64" }).as("c")),
      ),
    );
    const { doc: fixed, applied } = fixAll(d);
    expect(applied.map((a) => `${a.rule} ${a.fixId} ${a.nodeId}`)).toEqual([
      "vm/needs-hypervisor insert-hypervisor v",
      "vm/no-guest-os add-kernel v",
      "kernel/distro-family set-family k",
      "stack/os-not-drawn insert-kernel e",
      "arch/mismatch set-arch c",
    ]);
    expect(validate(fixed)).toEqual([]);
    expect(fixAll(fixed)).toEqual({ doc: fixed, applied: [] });
  });
  it("skips suppressed problems", () => {
    const d = doc(
      host({ arch: "arm64" }).with(
        kernel().with(docker().with(container({ arch: "x86_64" }).as("c").suppressing("arch/mismatch"))),
      ),
    );
    expect(fixAll(d).applied).toEqual([]);
  });
  it("leaves new nodes without geometry, and the layout places every one inside its parent", () => {
    const d = doc(host().as("h").with(vm().as("v")));
    for (const n of d.nodes) {
      n.position = { x: 10, y: 10 };
      n.size = { width: 200, height: 120 };
    }
    const { doc: fixed } = fixAll(d);
    const fresh = added(d, fixed);
    expect(fresh.length).toBe(2);
    for (const n of fresh) expect(n.position === undefined && n.size === undefined).toBe(true);
    const laid = completeGeometry(fixed);
    for (const n of laid.nodes) {
      expect(n.position).toBeDefined();
      expect(n.size).toBeDefined();
      const parent = n.parentId ? byId(laid, n.parentId) : undefined;
      if (parent) {
        expect(n.position!.x + n.size!.width).toBeLessThanOrEqual(parent.size!.width);
        expect(n.position!.y + n.size!.height).toBeLessThanOrEqual(parent.size!.height);
      }
    }
  });
});
