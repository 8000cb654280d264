import { validate } from "../../../src/domain/rules/index.ts";
import {
  cloud,
  container,
  controlPlane,
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
  pod,
  registry,
  vm,
  app,
} from "./builders.ts";
import { nodesOf, rulesOf } from "./check.ts";

describe("fargate/placement", () => {
  it("fires for Fargate outside any cluster, even inside a cloud", () => {
    expect(nodesOf(doc(cloud().with(fargate().as("f")), fargate().as("g")), "fargate/placement")).toEqual([
      ["f"],
      ["g"],
    ]);
  });
  it("does not fire inside an ECS or a Kubernetes cluster, through groups", () => {
    expect(
      nodesOf(
        doc(ecsCluster().with(group().with(fargate())), k8sCluster("eks").with(fargate())),
        "fargate/placement",
      ),
    ).toEqual([]);
  });
});

describe("fargate/managed-layers", () => {
  it("fires for every managed layer drawn under Fargate, each once", () => {
    const d = doc(
      ecsCluster().with(
        fargate().with(
          host()
            .as("h")
            .with(
              hypervisor()
                .as("hv")
                .with(
                  vm()
                    .as("v")
                    .with(kernel().as("k").with(engine().as("e"))),
                ),
            ),
        ),
      ),
    );
    expect(nodesOf(d, "fargate/managed-layers")).toEqual([["h"], ["hv"], ["v"], ["k"], ["e"]]);
    expect(nodesOf(d, "vm/needs-hypervisor")).toEqual([]);
  });
  it("does not fire for tasks, pods, containers and apps under Fargate", () => {
    expect(
      rulesOf(doc(ecsCluster().with(fargate().with(ecsTask().with(container().with(app([80]))))))),
    ).toEqual([]);
    expect(rulesOf(doc(k8sCluster("eks").with(fargate().with(pod().with(container())))))).toEqual([]);
  });
});

describe("ecs/task-placement", () => {
  it("fires without a cluster, with a wrong platform, or both", () => {
    const d = doc(
      host().with(kernel().with(docker().with(ecsTask().as("noCluster")))),
      ecsCluster().with(host().with(kernel().with(ecsTask().as("onKernel")))),
      ecsTask().as("neither"),
    );
    expect(
      validate(d)
        .filter((p) => p.rule === "ecs/task-placement")
        .map((p) => [p.nodeIds[0], p.params.reason]),
    ).toEqual([
      ["noCluster", "cluster"],
      ["onKernel", "platform"],
      ["neither", "both"],
    ]);
  });
  it("does not fire on an engine or on Fargate inside a cluster", () => {
    const d = doc(
      cloud().with(
        ecsCluster().with(vm().with(kernel().with(docker().with(ecsTask().with(container()))))),
        ecsCluster().with(fargate().with(ecsTask())),
      ),
    );
    expect(rulesOf(d)).toEqual([]);
  });
});

describe("ecs/container-outside-task", () => {
  it("fires for a container in an ECS cluster but in no task", () => {
    const d = doc(
      cloud().with(ecsCluster().with(vm().with(kernel().with(docker().with(container().as("c")))))),
    );
    expect(nodesOf(d, "ecs/container-outside-task")).toEqual([["c"]]);
  });
  it("does not fire outside ECS", () => {
    expect(
      nodesOf(doc(host().with(kernel().with(docker().with(container())))), "ecs/container-outside-task"),
    ).toEqual([]);
  });
});

describe("k8s/pod-placement", () => {
  it("fires without a cluster or with a wrong platform", () => {
    const d = doc(
      host().with(kernel().with(docker().with(pod().as("p1")))),
      k8sCluster().with(host().with(kernel().with(pod().as("p2")))),
    );
    expect(nodesOf(d, "k8s/pod-placement")).toEqual([["p1"], ["p2"]]);
  });
  it("does not fire on a worker's engine or on Fargate inside a cluster", () => {
    const d = doc(
      cloud().with(
        k8sCluster("eks").with(
          vm().with(kernel().with(engine("containerd").with(pod().with(container())))),
          fargate().with(pod()),
        ),
      ),
    );
    expect(rulesOf(d)).toEqual([]);
  });
});

describe("k8s/container-outside-pod", () => {
  it("fires for a container in a Kubernetes cluster but in no pod", () => {
    const d = doc(
      cloud().with(
        k8sCluster().with(vm().with(kernel().with(engine("containerd").with(container().as("c"))))),
      ),
    );
    expect(nodesOf(d, "k8s/container-outside-pod")).toEqual([["c"]]);
  });
  it("does not fire for a container in a pod", () => {
    expect(
      nodesOf(doc(k8sCluster().with(fargate().with(pod().with(container())))), "k8s/container-outside-pod"),
    ).toEqual([]);
  });
});

describe("k8s/control-plane-placement", () => {
  it("fires for a control plane outside a cluster", () => {
    expect(nodesOf(doc(cloud().with(controlPlane().as("cp"))), "k8s/control-plane-placement")).toEqual([
      ["cp"],
    ]);
  });
  it("does not fire inside one, through a group", () => {
    expect(
      nodesOf(doc(k8sCluster("eks").with(group().with(controlPlane()))), "k8s/control-plane-placement"),
    ).toEqual([]);
  });
});

describe("edge/endpoints", () => {
  const stack = () => {
    const c = container().as("c");
    const c2 = container().as("c2");
    const v = vm().as("v");
    const trees = [
      host().with(kernel().with(docker().with(c, c2))),
      cloud().with(v.with(kernel())),
      image().as("img"),
      image("ami").as("ami"),
      registry().as("reg"),
      ecsCluster().with(fargate().with(ecsTask().as("t"))),
    ];
    return { trees, c, c2, v };
  };
  it("accepts each edge kind between allowed kinds, with the image type it needs (default container)", () => {
    const { trees } = stack();
    const d = doc(...trees, {
      edges: [
        edge("network", "c", "v"),
        edge("network", "t", "c2"),
        edge("pulls", "c", "img"),
        edge("pulls", "t", "reg"),
        edge("launched-from", "v", "ami"),
        edge("moves", "c", "c2"),
      ],
    });
    expect(rulesOf(d)).toEqual([]);
  });
  it("refuses wrong kinds and wrong image types, naming source then target and the edge", () => {
    const { trees } = stack();
    const d = doc(...trees, {
      edges: [
        edge("pulls", "c", "ami", "e1"),
        edge("launched-from", "v", "img", "e2"),
        edge("network", "c", "reg", "e3"),
        edge("pulls", "v", "img", "e4"),
        edge("moves", "c", "v", "e5"),
      ],
    });
    expect(validate(d).map((p) => [p.rule, p.edgeId, ...p.nodeIds])).toEqual([
      ["edge/endpoints", "e1", "c", "ami"],
      ["edge/endpoints", "e2", "v", "img"],
      ["edge/endpoints", "e3", "c", "reg"],
      ["edge/endpoints", "e4", "v", "img"],
      ["edge/endpoints", "e5", "c", "v"],
    ]);
  });
  it("skips edges whose ends are missing", () => {
    const { trees } = stack();
    expect(
      validate(doc(...trees, { edges: [edge("pulls", "ghost", "ami"), edge("moves", "c", "ghost")] })),
    ).toEqual([]);
  });
});

describe("container/moved-image", () => {
  const pair = (a: string | undefined, b: string | undefined) => {
    const c1 = container(a ? { image: a } : {}).as("c1");
    const c2 = container(b ? { image: b } : {}).as("c2");
    return doc(host().with(kernel().with(docker().with(c1))), host().with(kernel().with(docker().with(c2))), {
      edges: [edge("moves", c1, c2, "m")],
    });
  };
  it("fires on the target when the images differ", () => {
    const [p] = validate(pair("app:1.0", "app:2.0"));
    expect(p).toMatchObject({ rule: "container/moved-image", nodeIds: ["c2"], edgeId: "m" });
  });
  it("does not fire for the same image, or when one image is not stated", () => {
    expect(validate(pair("app:1.0", "app:1.0"))).toEqual([]);
    expect(validate(pair("app:1.0", undefined))).toEqual([]);
  });
  it("reports a target once even when several moves reach it", () => {
    const d = pair("a:1", "a:2");
    d.nodes.push({ id: "c3", kind: "container", parentId: d.nodes[2]!.id, props: { image: "a:3" } });
    d.edges.push(edge("moves", "c3", "c2", "m2"));
    expect(nodesOf(d, "container/moved-image")).toEqual([["c2"]]);
  });
});
