/**
 * `ecs-vs-eks` — the notes' ECS vs EKS table as a figure: ECS on Fargate (AWS manages almost
 * everything) beside an EKS cluster (AWS manages the control plane, the user the worker nodes),
 * with the "who manages what" overlay on.
 */
import type { StackDocument } from "../domain/document.ts";
import { bandLayout } from "./bands.ts";
import { L, TemplateBuilder, type Lang } from "./builder.ts";

export function buildEcsVsEks(lang: Lang): StackDocument {
  const b = new TemplateBuilder(lang);
  const provider = { managedBy: "provider" } as const;
  const user = { managedBy: "user" } as const;
  const cloud = b.node("aws", "cloud", null, L("AWS Cloud", "AWS 클라우드"), {
    provider: "aws",
    ...provider,
  });

  // ECS on Fargate.
  const ecs = b.node(
    "ecs-cluster",
    "ecs-cluster",
    cloud,
    L("ECS cluster", "ECS 클러스터"),
    provider,
    L(
      "ECS is AWS's own container management service: AWS manages most of it, and the user focuses on the application.",
      "ECS는 AWS 고유의 컨테이너 관리 서비스다. AWS가 대부분 자동 관리하고, 사용자는 애플리케이션 관리에 집중한다.",
    ),
  );
  const fg = b.node(
    "fargate",
    "fargate",
    ecs,
    L("Fargate (serverless)", "Fargate (서버리스)"),
    provider,
    L(
      "ECS scales very flexibly and supports serverless through Fargate.",
      "ECS는 매우 유연하며 Fargate를 통해 서버리스도 지원한다.",
    ),
  );
  const tasks = [
    {
      id: "ecs-task-web",
      label: L("Task web", "태스크 web"),
      def: "web:1",
      c: L("web (nginx)", "웹 (nginx)"),
      image: "nginx:1.27",
    },
    {
      id: "ecs-task-app",
      label: L("Task app", "태스크 app"),
      def: "app:1",
      c: L("app", "앱"),
      image: "app:1.0",
    },
  ];
  for (const t of tasks) {
    const task = b.node(t.id, "ecs-task", fg, t.label, { taskDefinition: t.def, ...user });
    b.node(`${t.id}-container`, "container", task, t.c, { image: t.image });
  }

  // EKS.
  const eks = b.node(
    "eks-cluster",
    "k8s-cluster",
    cloud,
    L("EKS cluster", "EKS 클러스터"),
    { managed: "eks" },
    L(
      "EKS manages containers with open-source Kubernetes: multi-cloud and on-premises too.",
      "EKS는 오픈 소스 쿠버네티스로 컨테이너를 관리하며, 멀티 클라우드와 온프레미스에서도 사용할 수 있다.",
    ),
  );
  const cp = b.node(
    "control-plane",
    "control-plane",
    eks,
    L("Control plane", "컨트롤 플레인"),
    provider,
    L("AWS manages the Kubernetes control plane.", "쿠버네티스 클러스터의 컨트롤 플레인은 AWS가 관리한다."),
  );
  for (const n of [1, 2]) {
    // The cloud supplies the servers and hypervisor under each worker (vm/needs-hypervisor).
    const node = b.node(
      `worker${n}`,
      "vm",
      eks,
      L(`Worker node ${n} (EC2)`, `워커 노드 ${n} (EC2)`),
      { product: "EC2", ...user },
      L("The user manages the worker nodes.", "워커 노드는 사용자가 관리한다."),
    );
    const k = b.node(`worker${n}-kernel`, "kernel", node, L("Amazon Linux", "Amazon Linux"), {
      family: "linux",
      distro: "Amazon Linux",
    });
    const cd = b.node(`worker${n}-containerd`, "container-engine", k, L("containerd", "containerd"), {
      product: "containerd",
    });
    const pod = b.node(
      `worker${n}-pod`,
      "pod",
      cd,
      L(`Pod ${n === 1 ? "web" : "app"}`, `파드 ${n === 1 ? "web" : "app"}`),
    );
    b.node(
      `worker${n}-container`,
      "container",
      pod,
      n === 1 ? L("web (nginx)", "웹 (nginx)") : L("app", "앱"),
      {
        image: n === 1 ? "nginx:1.27" : "app:1.0",
      },
    );
  }

  // ECR is an AWS service: on a shelf inside the cloud, above the stacks, whose tops (the
  // tasks and pods) reach it with short upward routes.
  const ecr = b.node("ecr", "registry", cloud, L("Amazon ECR", "Amazon ECR"), { product: "ECR" });
  for (const t of tasks) b.edge(`e-${t.id}-ecr`, "pulls", t.id, ecr);
  for (const n of [1, 2]) b.edge(`e-worker${n}-pod-ecr`, "pulls", `worker${n}-pod`, ecr);

  const doc = b.build(L("ECS vs EKS", "ECS와 EKS"), { overlay: "managedBy" });
  // Side by side on one baseline (px above the bottom of the capacity each cluster runs on):
  // capacity (Fargate, the worker VMs) 0, OS 54, engine 108, task or pod 162, containers 174.
  const layer = { capacity: 0, os: 54, engine: 108, unit: 162, ctr: 174 };
  const bottoms: Record<string, number> = {
    [ecs]: -12,
    [fg]: layer.capacity,
    [eks]: -12,
    [cp]: layer.capacity,
  };
  for (const t of tasks) {
    bottoms[t.id] = layer.unit;
    bottoms[`${t.id}-container`] = layer.ctr;
  }
  for (const n of [1, 2]) {
    bottoms[`worker${n}`] = layer.capacity;
    bottoms[`worker${n}-kernel`] = layer.os;
    bottoms[`worker${n}-containerd`] = layer.engine;
    bottoms[`worker${n}-pod`] = layer.unit;
    bottoms[`worker${n}-container`] = layer.ctr;
  }
  return bandLayout(doc, {
    frame: cloud,
    columns: [ecs, eks],
    shelf: [ecr],
    alignTop: [[ecs, eks]],
    bottoms,
  });
}
