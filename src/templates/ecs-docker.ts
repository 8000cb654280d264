/**
 * `ecs-docker` — the notes' lost figure `ecs_docker_structure.png`, recreated from their text:
 * Docker on an EC2 instance, ECS with the EC2 launch type, and ECS on Fargate, side by side in
 * one AWS Cloud, with the "who manages what" overlay on.
 *
 * Who manages what (`managedBy`, set explicitly on every layer where it changes so the overlay
 * does not depend on inheritance): AWS runs the physical servers, the Nitro hypervisor, the ECS
 * control (the clusters) and Fargate; the user runs the EC2 instances they launch and everything
 * on them, and — in every column — the tasks and containers, since the user writes the task
 * definitions ("the user focuses on the application", notes' ECS vs EKS table).
 *
 * Width: the three columns must fit the 1280-px canvas, so the Fargate task shows one container
 * (columns 1 and 2 show the same nginx + app pair).
 */
import type { StackDocument } from "../domain/document.ts";
import { LAYOUT } from "../domain/layout/index.ts";
import { bandLayout } from "./bands.ts";
import { L, TemplateBuilder, type Lang } from "./builder.ts";

const ECS_QUOTE = L(
  "With ECS, container images run without creating a virtual server yourself: AWS manages the instances internally — the servers still exist; the user just does not manage them.",
  "AWS ECS를 사용하면 별도로 가상 서버를 만들지 않아도 컨테이너 이미지를 실행할 수 있다. AWS 내부적으로 인스턴스를 관리하지 서버 자체가 없는 것은 아니다. 다만 사용자가 직접 관리하지 않을 뿐이다.",
);

export function buildEcsDocker(lang: Lang): StackDocument {
  const b = new TemplateBuilder(lang);
  const provider = { managedBy: "provider" } as const;
  const user = { managedBy: "user" } as const;

  const cloud = b.node("aws", "cloud", null, L("AWS Cloud", "AWS 클라우드"), {
    provider: "aws",
    ...provider,
  });

  // 1. Docker on EC2: the whole stack from hardware up.
  const col1 = b.node(
    "docker-on-ec2",
    "group",
    cloud,
    L("Docker on EC2", "EC2 위의 도커"),
    {},
    L(
      "Docker can be installed inside an EC2 instance; the instance then becomes a Docker host that runs Docker containers.",
      "EC2 인스턴스 안에 도커를 설치해 사용할 수 있다. 이 경우 EC2 인스턴스는 도커 호스트가 되어 도커 컨테이너를 실행할 수 있다.",
    ),
  );
  const host = b.node(
    "ec2-host",
    "physical-host",
    col1,
    L("AWS physical server", "AWS 물리 서버"),
    { arch: "x86_64", ...provider },
    L(
      "The physical servers in AWS's data centres: AWS runs them.",
      "AWS 데이터 센터의 물리 서버: AWS가 운영합니다.",
    ),
  );
  const nitro = b.node(
    "ec2-nitro",
    "hypervisor",
    host,
    L("Nitro hypervisor", "Nitro 하이퍼바이저"),
    { hypervisorType: "type1", product: "Nitro", ...provider },
    L(
      "EC2 is virtualization too: a hypervisor virtualizes whole operating systems on the physical server.",
      "EC2 역시 가상화 기술이다. 하이퍼바이저가 물리 서버 위에 운영체제 전체를 가상화한다.",
    ),
  );
  const ec2 = b.node(
    "ec2-vm",
    "vm",
    nitro,
    L("EC2 instance (Docker host)", "EC2 인스턴스 (도커 호스트)"),
    { product: "EC2", ...user },
    L(
      "EC2 instances look like containers but are virtual machines, created from an image called an AMI; the user manages everything from the instance up.",
      "EC2 인스턴스는 컨테이너와 비슷해 보이지만 가상 머신이며 AMI라는 이미지로부터 생성한다. 인스턴스부터 위는 모두 사용자가 관리한다.",
    ),
  );
  const k1 = b.node("ec2-kernel", "kernel", ec2, L("Amazon Linux", "Amazon Linux"), {
    family: "linux",
    distro: "Amazon Linux",
  });
  const d1 = b.node(
    "ec2-docker",
    "container-engine",
    k1,
    L("Docker Engine", "Docker Engine"),
    { product: "docker" },
    L("The user installs Docker on the instance.", "사용자가 인스턴스에 도커를 설치한다."),
  );
  b.node("ec2-web", "container", d1, L("web (nginx)", "웹 (nginx)"), {
    image: "nginx:1.27",
    ports: [{ host: 80, container: 80 }],
  });
  b.node("ec2-app", "container", d1, L("app", "앱"), { image: "app:1.0" });

  // What ECS adds over plain Docker, drawn once for both ECS columns: the control plane AWS
  // runs, which schedules the tasks onto the user's instances or onto Fargate.
  const control = b.node(
    "ecs-control-plane",
    "group",
    cloud,
    L("ECS control plane", "ECS 컨트롤 플레인"),
    provider,
    L(
      "What ECS adds over plain Docker: AWS runs the control plane that decides where each task runs, on the user's container instances or on Fargate.",
      "ECS가 도커에 더하는 것: 각 태스크를 어디서(사용자의 컨테이너 인스턴스 또는 Fargate) 실행할지 정하는 컨트롤 플레인을 AWS가 운영한다.",
    ),
  );

  // 2. ECS, EC2 launch type: the user still launches and runs the container instances.
  const ecsEc2 = b.node(
    "ecs-ec2-cluster",
    "ecs-cluster",
    control,
    L("ECS (EC2 launch type)", "ECS (EC2 시작 유형)"),
    provider,
    L(
      "ECS is AWS's own container management service; AWS runs the orchestration, the user's EC2 instances run the tasks.",
      "ECS는 AWS 고유의 컨테이너 관리 서비스다. 오케스트레이션은 AWS가, 태스크는 사용자의 EC2 인스턴스가 실행한다.",
    ),
  );
  // The cloud supplies the servers and the hypervisor under this VM (vm/needs-hypervisor).
  const ci = b.node(
    "ecs-ec2-instance",
    "vm",
    ecsEc2,
    L("EC2 container instance", "EC2 컨테이너 인스턴스"),
    { product: "EC2", ...user },
    L(
      "With the EC2 launch type the user still launches, patches and scales the instances.",
      "EC2 시작 유형에서는 인스턴스를 여전히 사용자가 만들고 관리한다.",
    ),
  );
  const k2 = b.node("ecs-ec2-kernel", "kernel", ci, L("Amazon Linux", "Amazon Linux"), {
    family: "linux",
    distro: "Amazon Linux",
  });
  const d2 = b.node(
    "ecs-ec2-docker",
    "container-engine",
    k2,
    L("Docker Engine + ECS agent", "Docker Engine + ECS 에이전트"),
    { product: "docker" },
    L(
      "The ECS agent on each instance starts the tasks ECS places there.",
      "각 인스턴스의 ECS 에이전트가 ECS가 배치한 태스크를 실행한다.",
    ),
  );
  const t2 = b.node("ecs-ec2-task", "ecs-task", d2, L("Task web:1", "태스크 web:1"), {
    taskDefinition: "web:1",
    ...user,
  });
  b.node("ecs-ec2-web", "container", t2, L("web (nginx)", "웹 (nginx)"), { image: "nginx:1.27" });
  b.node("ecs-ec2-app", "container", t2, L("app", "앱"), { image: "app:1.0" });

  // 3. ECS on Fargate: no servers drawn — AWS runs them.
  const ecsFg = b.node(
    "ecs-fargate-cluster",
    "ecs-cluster",
    control,
    L("ECS on Fargate", "Fargate 위의 ECS"),
    provider,
    L(
      "AWS manages most of ECS; the user focuses on the application.",
      "ECS는 AWS가 대부분 자동 관리하고, 사용자는 애플리케이션 관리에 집중한다.",
    ),
  );
  const fg = b.node(
    "fargate",
    "fargate",
    ecsFg,
    L("Fargate (serverless)", "Fargate (서버리스)"),
    provider,
    ECS_QUOTE,
  );
  const t3 = b.node(
    "fargate-task",
    "ecs-task",
    fg,
    L("Task app:1", "태스크 app:1"),
    { taskDefinition: "app:1", ...user },
    L(
      "The user only defines the task: which images to run and how.",
      "사용자는 태스크(어떤 이미지를 어떻게 실행할지)만 정의한다.",
    ),
  );
  b.node("fargate-app", "container", t3, L("app", "앱"), { image: "app:1.0" });

  // Artifacts: AWS services too, on a shelf above the stacks, where the containers (the top of
  // every stack) and the instances reach them with short upward routes.
  const ecr = b.node(
    "ecr",
    "registry",
    cloud,
    L("Amazon ECR", "Amazon ECR"),
    { product: "ECR" },
    L("The container images every column pulls.", "모든 열이 가져오는 컨테이너 이미지 저장소."),
  );
  const ami = b.node(
    "ami",
    "image",
    cloud,
    L("AMI (Amazon Linux)", "AMI (Amazon Linux)"),
    { imageType: "ami", ref: "ami-0abcdef1234567890" },
    L(
      "Instances are created from an image called an AMI, so deploying them resembles Docker.",
      "인스턴스는 AMI라는 이미지로부터 생성하므로 배포 방법이 도커와 비슷하다.",
    ),
  );

  b.edge("e-ec2-ami", "launched-from", ec2, ami);
  b.edge("e-ci-ami", "launched-from", ci, ami);
  b.edge("e-ec2-web-ecr", "pulls", "ec2-web", ecr);
  b.edge("e-ec2-app-ecr", "pulls", "ec2-app", ecr);
  b.edge("e-ecs-ec2-task-ecr", "pulls", t2, ecr);
  b.edge("e-fargate-task-ecr", "pulls", t3, ecr);

  const doc = b.build(L("ECS and Docker structure", "ECS와 도커 구조"), { overlay: "managedBy" });
  // Every layer at one height in all three columns (px above the physical server's bottom):
  // hardware 0, hypervisor 54, instance 108, OS 162, engine 216, task 270, containers 282.
  const layer = { hw: 0, hv: 54, vm: 108, os: 162, engine: 216, task: 270, ctr: 282 };
  return bandLayout(doc, {
    frame: cloud,
    columns: [col1, control],
    // Over column 1, which is the shorter (no task layer, one frame less): the figure stays as
    // tall as the ECS side, so it opens readable on a laptop.
    shelf: [ami, ecr],
    shelfOver: col1,
    // Room for the labels of the routes up to the shelf (and no box past 2:1: the cloud holds four).
    shelfGap: LAYOUT.rootGap,
    alignTop: [[ecsEc2, ecsFg]],
    bottoms: {
      [col1]: -24,
      [host]: layer.hw,
      [nitro]: layer.hv,
      [ec2]: layer.vm,
      [k1]: layer.os,
      [d1]: layer.engine,
      "ec2-web": layer.ctr,
      "ec2-app": layer.ctr,
      [control]: -24,
      [ecsEc2]: -12,
      [ci]: layer.vm,
      [k2]: layer.os,
      [d2]: layer.engine,
      [t2]: layer.task,
      "ecs-ec2-web": layer.ctr,
      "ecs-ec2-app": layer.ctr,
      [ecsFg]: -12,
      [fg]: layer.hw,
      [t3]: layer.task,
      "fargate-app": layer.ctr,
    },
  });
}
