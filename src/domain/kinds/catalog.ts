/**
 * The kinds catalog: every kind of node and edge, declared exactly once — its data (names, props,
 * key props), its roles (what the rules, the diagram index and the facts ask of it: kinds/roles.ts)
 * and its look (what the canvas and the exports draw: domain/view-model.ts). The palette, the node
 * view, the SVG renderer, the inspector, the reader, the JSON Schema and the rules all read these
 * entries; nothing compares kind names to ask what a kind is.
 * Adding a kind = one entry here plus its tests: the compiler lists every exhaustive map and switch
 * that misses it, and checks its key props and role conditions against its props (kinds/nodes.ts).
 */
import { options, type EnumProp, type Localized, type PropSpec, type TextProp } from "./props.ts";

export const STACK_KINDS = [
  "physical-host",
  "hypervisor",
  "vm",
  "kernel",
  "container-engine",
  "container",
  "server-app",
  "fargate",
] as const;
export const GROUPING_KINDS = [
  "group",
  "cloud",
  "ecs-cluster",
  "ecs-task",
  "k8s-cluster",
  "control-plane",
  "pod",
] as const;
export const ARTIFACT_KINDS = ["registry", "image", "volume", "k8s-service"] as const;

export type StackKind = (typeof STACK_KINDS)[number];
export type GroupingKind = (typeof GROUPING_KINDS)[number];
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];
export type Kind = StackKind | GroupingKind | ArtifactKind;
export type KindFamily = "stack" | "grouping" | "artifact";

export const KINDS: readonly Kind[] = [...STACK_KINDS, ...GROUPING_KINDS, ...ARTIFACT_KINDS];

/**
 * The visual layer a node belongs to: picks its colour and shape in the canvas and the exports.
 * One per kind; several kinds may share a layer.
 */
export type Layer =
  | "hardware"
  | "hypervisor"
  | "vm"
  | "kernel"
  | "engine"
  | "container"
  | "app"
  | "serverless"
  | "frame"
  | "cloud"
  | "orchestration"
  | "artifact";

const ARCH = options([
  ["x86_64", "x86_64", "x86_64"],
  ["arm64", "arm64", "arm64"],
] as const);

const archProp = (dflt?: "x86_64"): EnumProp<"x86_64" | "arm64"> => ({
  type: "enum",
  name: { en: "CPU architecture", ko: "CPU 아키텍처" },
  options: ARCH,
  ...(dflt ? { default: dflt } : {}),
});

const productText = (placeholder: string): TextProp => ({
  type: "text",
  name: { en: "Product", ko: "제품" },
  placeholder,
});

/** Props every node may have, whatever its kind. */
export const COMMON_PROPS = {
  managedBy: {
    type: "enum",
    name: { en: "Managed by", ko: "관리 주체" },
    help: {
      en: "Who operates this layer. Absent: inherited from the layer below.",
      ko: "이 계층을 운영하는 주체. 비워 두면 아래 계층을 따릅니다.",
    },
    options: options([
      ["user", "You (the user)", "사용자"],
      ["provider", "The provider", "제공자(클라우드)"],
    ] as const),
  },
  notes: { type: "text", name: { en: "Notes", ko: "메모" } },
} as const satisfies Record<string, PropSpec>;

/**
 * The ancestors every node's context tracks by name (`NodeContext` in diagram.ts): the nearest
 * ancestor whose kind declares `roles.tracks` with that name.
 */
export const TRACKED = ["cloud", "ecsCluster", "ecsTask", "k8sCluster", "pod", "fargate"] as const;
export type Tracked = (typeof TRACKED)[number];

/**
 * A condition on one of a kind's enum props, read with the prop's default when the prop is absent
 * or not one of its options (a type-1 hypervisor: `{ prop: "hypervisorType", is: "type1" }`).
 * The compiler checks that the prop is the kind's own enum prop and `is` one of its options.
 */
export interface PropCondition {
  readonly prop: string;
  readonly is: string;
}

/**
 * What a kind IS, for the questions the rules, the diagram index, the canvas and the facts ask
 * of any kind ("is this a machine?"). Each is read through `kinds/roles.ts`, never by comparing
 * kind names. An absent role is "no".
 */
export interface KindRoles {
  /**
   * A machine boots one kernel (`machine/multiple-bases`, `kernel/placement`), and it is the
   * hardware what runs on it executes on: its `arch` (else the arch prop's default, else the
   * hardware under it) is their hardware arch.
   */
  readonly machine?: true;
  /**
   * A kernel its machine boots: `"os"`, an operating system's (what a VM's guest OS is, what an
   * engine runs containers on); `"hypervisor"`, a hypervisor's own kernel (ESXi's VMkernel) when
   * `when` holds — counted with the OS kernels per machine and in the facts.
   */
  readonly kernel?: { readonly type: "os" | "hypervisor"; readonly when?: PropCondition };
  /**
   * Has its own userland on a shared kernel (a container, and the task or pod that groups
   * containers): a kernel drawn inside one is a mistake (`container/own-kernel`).
   */
  readonly containerLike?: true;
  /** Runs on the kernel under its container runtime (its host kernel), which it shares. */
  readonly sharesHostKernel?: true;
  /**
   * A platform containers, tasks and pods run on: `"on-kernel"`, on the kernel it is installed
   * on (a container engine: its containers' host kernel); `"managed"`, on capacity the provider
   * supplies (Fargate).
   */
  readonly runsContainers?: "on-kernel" | "managed";
  /**
   * A layer below the containers (hardware, virtualization, OS, engine): what serverless
   * capacity supplies, so drawing one under Fargate is a mistake (`fargate/managed-layers`).
   */
  readonly infrastructure?: true;
  /** A network namespace of its own: listeners in one clash on a port (`network/port-conflict`). */
  readonly portNamespace?: true;
  /**
   * Listens on its `ports`: `"platform"`, a port list, in its platform's namespace (server
   * software); `"host-kernel"`, container port mappings whose published `host` ports listen in
   * its host kernel (unpublished ones stay in its own namespace).
   */
  readonly listens?: "platform" | "host-kernel";
  /** Its nodes are tracked in every descendant's context under this name. */
  readonly tracks?: Tracked;
  /**
   * Who manages a node of this kind whose `managedBy` is not set (docs/kinds.md): `"provider"`,
   * always (Fargate); `"cluster"`, the provider when the nearest Kubernetes cluster's kind says
   * the provider runs it (`providerManaged`: an EKS control plane); absent, the layer below's.
   */
  readonly defaultManagedBy?: "provider" | "cluster";
  /** For a cluster: the prop value that says the provider runs it (`managed: "eks"`). */
  readonly providerManaged?: PropCondition;
}

/** How a node is drawn, the same on the canvas (StackNodeView + styles.css) and in the exports (render/svg.ts). */
export interface KindLook {
  /**
   * How a node of this kind holding children is drawn: `"box"`, a layer — its label in a band at
   * the bottom, what runs on it above; `"frame"`, it contains rather than supports — a title bar
   * at the top (and rounder corners). The layout leaves room for that strip.
   */
  readonly shape: "box" | "frame";
  /**
   * How a node of this kind without children is drawn: `"box"`, its kind name, label and key props
   * stacked; `"frame"`, an empty frame — its name and label on one line.
   */
  readonly leafShape: "box" | "frame";
  /** `"dashed"`: not a running layer (a frame around things, an artifact stacks refer to). */
  readonly border: "solid" | "dashed";
  /**
   * What selecting a node lights up on the canvas: `"runs-on-it"`, everything that runs on it;
   * `"shares-it"`, the containers sharing it as their host kernel (and their engines).
   */
  readonly highlight?: "runs-on-it" | "shares-it";
}

export interface KindDef {
  kind: Kind;
  family: KindFamily;
  layer: Layer;
  name: Localized;
  /** What it is, one sentence, shown as the palette tooltip and in the inspector. */
  description: Localized;
  /** The kind's own props (COMMON_PROPS apply to every kind too). */
  props: Readonly<Record<string, PropSpec>>;
  /** Props shown on the node itself, in this order (the "key props"). */
  keyProps: readonly string[];
  /** Its roles; `{}` for a kind that has none. */
  roles: KindRoles;
  look: KindLook;
}

/**
 * Every kind, declared once, with its literal types kept (`as const`): the props' TypeScript
 * types derive from these entries (`PropsOf` in kinds/nodes.ts). Read {@link KIND_DEFS} instead
 * unless you need those literal types.
 */
export const KIND_DECLS = {
  "physical-host": {
    kind: "physical-host",
    family: "stack",
    layer: "hardware",
    name: { en: "Physical server", ko: "물리 서버" },
    description: { en: "A real machine (bare metal).", ko: "실제로 존재하는 기계(베어 메탈)." },
    props: { arch: archProp("x86_64") },
    keyProps: ["arch"],
    roles: { machine: true, infrastructure: true },
    look: { shape: "box", leafShape: "box", border: "solid", highlight: "runs-on-it" },
  },
  hypervisor: {
    kind: "hypervisor",
    family: "stack",
    layer: "hypervisor",
    name: { en: "Hypervisor", ko: "하이퍼바이저" },
    description: {
      en: "Runs virtual machines. Type 1 sits on bare metal; type 2 runs on an OS.",
      ko: "가상 머신을 실행합니다. 타입 1은 베어 메탈 위, 타입 2는 운영체제 위에서 동작합니다.",
    },
    props: {
      hypervisorType: {
        type: "enum",
        name: { en: "Type", ko: "유형" },
        options: options([
          ["type1", "Type 1 (bare metal)", "타입 1 (베어 메탈)"],
          ["type2", "Type 2 (hosted)", "타입 2 (호스트형)"],
        ] as const),
        default: "type1",
      },
      product: productText("ESXi"),
    },
    keyProps: ["product", "hypervisorType"],
    roles: {
      kernel: { type: "hypervisor", when: { prop: "hypervisorType", is: "type1" } },
      infrastructure: true,
    },
    look: { shape: "box", leafShape: "box", border: "solid", highlight: "runs-on-it" },
  },
  vm: {
    kind: "vm",
    family: "stack",
    layer: "vm",
    name: { en: "Virtual machine", ko: "가상 머신" },
    description: {
      en: "A virtual machine with its own OS and kernel; an EC2 instance is one.",
      ko: "자신만의 운영체제와 커널을 가진 가상 머신. EC2 인스턴스도 가상 머신입니다.",
    },
    props: {
      product: productText("EC2"),
      arch: archProp(),
      image: { type: "text", name: { en: "Machine image", ko: "머신 이미지" }, placeholder: "ami-0abc…" },
    },
    keyProps: ["product", "image"],
    roles: { machine: true, infrastructure: true },
    look: { shape: "box", leafShape: "box", border: "solid", highlight: "runs-on-it" },
  },
  kernel: {
    kind: "kernel",
    family: "stack",
    layer: "kernel",
    name: { en: "Kernel (OS)", ko: "커널 (운영체제)" },
    description: { en: "The operating system a machine boots.", ko: "기계가 부팅하는 운영체제." },
    props: {
      family: {
        type: "enum",
        name: { en: "OS family", ko: "운영체제 계열" },
        options: options([
          ["linux", "Linux", "리눅스"],
          ["windows", "Windows", "윈도우"],
          ["bsd", "BSD", "BSD"],
          ["solaris", "Solaris", "솔라리스"],
        ] as const),
        default: "linux",
      },
      distro: { type: "text", name: { en: "Distribution", ko: "배포판" }, placeholder: "Ubuntu" },
    },
    keyProps: ["distro", "family"],
    roles: { kernel: { type: "os" }, infrastructure: true, portNamespace: true },
    look: { shape: "box", leafShape: "box", border: "solid", highlight: "shares-it" },
  },
  "container-engine": {
    kind: "container-engine",
    family: "stack",
    layer: "engine",
    name: { en: "Container engine", ko: "컨테이너 엔진" },
    description: {
      en: "Runs containers on the kernel it is installed on.",
      ko: "설치된 운영체제의 커널 위에서 컨테이너를 실행합니다.",
    },
    props: {
      product: {
        type: "text",
        name: { en: "Product", ko: "제품" },
        help: {
          en: "Free text. The rules know docker (the default), containerd, podman and cri-o; others are drawn and not checked.",
          ko: "자유롭게 입력합니다. 규칙은 docker(기본값), containerd, podman, cri-o를 알고, 다른 제품은 그리기만 하고 검사하지 않습니다.",
        },
        placeholder: "docker",
        suggestions: ["docker", "containerd", "podman", "cri-o"],
      },
    },
    keyProps: ["product"],
    roles: { runsContainers: "on-kernel", infrastructure: true },
    look: { shape: "box", leafShape: "box", border: "solid" },
  },
  container: {
    kind: "container",
    family: "stack",
    layer: "container",
    name: { en: "Container", ko: "컨테이너" },
    description: {
      en: "An isolated application environment made from an image; it shares its host's kernel.",
      ko: "이미지로 만든 격리된 애플리케이션 실행 환경. 호스트의 커널을 공유합니다.",
    },
    props: {
      image: { type: "text", name: { en: "Image", ko: "이미지" }, placeholder: "nginx:1.27" },
      os: {
        type: "enum",
        name: { en: "Image OS", ko: "이미지 운영체제" },
        options: options([
          ["linux", "Linux", "리눅스"],
          ["windows", "Windows", "윈도우"],
        ] as const),
        default: "linux",
      },
      arch: archProp(),
      ports: { type: "container-ports", name: { en: "Ports", ko: "포트" } },
      isolation: {
        type: "enum",
        name: { en: "Isolation", ko: "격리 방식" },
        help: {
          en: "A microVM (Kata, Firecracker) or Hyper-V isolation gives the container a kernel of its own; a gVisor sandbox still runs on the host's kernel.",
          ko: "마이크로VM(Kata, Firecracker)이나 Hyper-V 격리는 컨테이너에 자체 커널을 줍니다. gVisor 샌드박스는 여전히 호스트의 커널 위에서 실행됩니다.",
        },
        options: options([
          ["shared-kernel", "Shared host kernel", "호스트 커널 공유"],
          ["microvm", "MicroVM (Kata, Firecracker)", "마이크로VM (Kata, Firecracker)"],
          ["hyperv", "Hyper-V isolation", "Hyper-V 격리"],
          ["sandbox", "Sandbox (gVisor)", "샌드박스 (gVisor)"],
        ] as const),
        default: "shared-kernel",
      },
      network: {
        type: "enum",
        name: { en: "Network", ko: "네트워크" },
        help: {
          en: "Host: its ports listen directly on the host (published host ports are ignored). None: it listens nowhere outside itself.",
          ko: "호스트: 포트가 호스트에서 바로 열립니다(게시한 호스트 포트는 무시됩니다). 없음: 자신 밖에서는 어떤 포트도 열지 않습니다.",
        },
        options: options([
          ["bridge", "Bridge (its own network)", "브리지 (자체 네트워크)"],
          ["host", "Host network", "호스트 네트워크"],
          ["none", "None", "없음"],
        ] as const),
        default: "bridge",
      },
      replicas: {
        type: "count",
        name: { en: "Replicas", ko: "복제본 수" },
        help: {
          en: "How many copies run; 0 = defined but not running.",
          ko: "실행되는 복제본의 수. 0이면 정의만 되어 있고 실행되지 않습니다.",
        },
        default: 1,
      },
      profiles: { type: "text-list", name: { en: "Compose profiles", ko: "Compose 프로필" } },
    },
    keyProps: ["image", "ports"],
    roles: { containerLike: true, sharesHostKernel: true, portNamespace: true, listens: "host-kernel" },
    look: { shape: "box", leafShape: "box", border: "solid" },
  },
  "server-app": {
    kind: "server-app",
    family: "stack",
    layer: "app",
    name: { en: "Server software", ko: "서버 소프트웨어" },
    description: {
      en: "Software that provides a server function: web, DB, mail…",
      ko: "서버 기능을 제공하는 소프트웨어: 웹, DB, 메일…",
    },
    props: {
      role: {
        type: "enum",
        name: { en: "Role", ko: "역할" },
        options: options([
          ["web", "Web server", "웹 서버"],
          ["db", "Database server", "DB 서버"],
          ["mail", "Mail server", "메일 서버"],
          ["cache", "Cache", "캐시"],
          ["app", "Application server", "애플리케이션 서버"],
          ["dns", "DNS server", "DNS 서버"],
          ["file", "File server", "파일 서버"],
          ["proxy", "Proxy", "프록시"],
          ["other", "Other", "기타"],
        ] as const),
        default: "other",
      },
      product: productText("nginx"),
      ports: { type: "port-list", name: { en: "Listens on (TCP)", ko: "수신 포트 (TCP)" } },
    },
    keyProps: ["product", "ports"],
    roles: { listens: "platform" },
    look: { shape: "box", leafShape: "box", border: "solid" },
  },
  fargate: {
    kind: "fargate",
    family: "stack",
    layer: "serverless",
    name: { en: "Fargate", ko: "Fargate" },
    description: {
      en: "Serverless capacity: AWS supplies and manages the servers, VMs, kernel and engine.",
      ko: "서버리스 실행 환경: 서버, 가상 머신, 커널, 엔진을 AWS가 제공하고 관리합니다.",
    },
    props: {},
    keyProps: [],
    roles: { runsContainers: "managed", tracks: "fargate", defaultManagedBy: "provider" },
    look: { shape: "box", leafShape: "box", border: "solid" },
  },
  group: {
    kind: "group",
    family: "grouping",
    layer: "frame",
    name: { en: "Group", ko: "그룹" },
    description: { en: "A plain frame with a title.", ko: "제목이 있는 단순한 틀." },
    props: {},
    keyProps: [],
    roles: {},
    look: { shape: "frame", leafShape: "frame", border: "dashed" },
  },
  cloud: {
    kind: "cloud",
    family: "grouping",
    layer: "cloud",
    name: { en: "Cloud", ko: "클라우드" },
    description: {
      en: "A cloud provider boundary; it supplies the servers and hypervisors for VMs inside it.",
      ko: "클라우드 제공자의 경계. 안에 그린 가상 머신의 서버와 하이퍼바이저를 제공자가 공급합니다.",
    },
    props: {
      provider: {
        type: "enum",
        name: { en: "Provider", ko: "제공자" },
        options: options([
          ["aws", "AWS", "AWS"],
          ["gcp", "Google Cloud", "Google Cloud"],
          ["azure", "Azure", "Azure"],
          ["other", "Other", "기타"],
        ] as const),
        default: "aws",
      },
    },
    keyProps: ["provider"],
    roles: { tracks: "cloud" },
    look: { shape: "frame", leafShape: "frame", border: "dashed" },
  },
  "ecs-cluster": {
    kind: "ecs-cluster",
    family: "grouping",
    layer: "orchestration",
    name: { en: "ECS cluster", ko: "ECS 클러스터" },
    description: { en: "An Amazon ECS cluster.", ko: "Amazon ECS 클러스터." },
    props: {},
    keyProps: [],
    roles: { tracks: "ecsCluster" },
    look: { shape: "frame", leafShape: "frame", border: "dashed" },
  },
  "ecs-task": {
    kind: "ecs-task",
    family: "grouping",
    layer: "orchestration",
    name: { en: "ECS task", ko: "ECS 태스크" },
    description: {
      en: "The containers of one ECS task (from one task definition).",
      ko: "하나의 ECS 태스크(하나의 태스크 정의)에 속한 컨테이너들.",
    },
    props: {
      taskDefinition: {
        type: "text",
        name: { en: "Task definition", ko: "태스크 정의" },
        placeholder: "web:3",
      },
    },
    keyProps: ["taskDefinition"],
    roles: { tracks: "ecsTask", containerLike: true },
    look: { shape: "frame", leafShape: "frame", border: "dashed" },
  },
  "k8s-cluster": {
    kind: "k8s-cluster",
    family: "grouping",
    layer: "orchestration",
    name: { en: "Kubernetes cluster", ko: "쿠버네티스 클러스터" },
    description: {
      en: "A Kubernetes cluster; Amazon EKS when managed by AWS.",
      ko: "쿠버네티스 클러스터. AWS가 관리하면 Amazon EKS입니다.",
    },
    props: {
      managed: {
        type: "enum",
        name: { en: "Managed", ko: "관리 방식" },
        options: options([
          ["eks", "Amazon EKS", "Amazon EKS"],
          ["self", "Self-managed", "직접 관리"],
        ] as const),
        default: "self",
      },
    },
    keyProps: ["managed"],
    roles: { tracks: "k8sCluster", providerManaged: { prop: "managed", is: "eks" } },
    look: { shape: "frame", leafShape: "frame", border: "dashed" },
  },
  "control-plane": {
    kind: "control-plane",
    family: "grouping",
    layer: "orchestration",
    name: { en: "Control plane", ko: "컨트롤 플레인" },
    description: {
      en: "A Kubernetes control plane (AWS manages it in EKS).",
      ko: "쿠버네티스 컨트롤 플레인(EKS에서는 AWS가 관리).",
    },
    props: {},
    keyProps: [],
    roles: { defaultManagedBy: "cluster" },
    look: { shape: "frame", leafShape: "frame", border: "dashed" },
  },
  pod: {
    kind: "pod",
    family: "grouping",
    layer: "orchestration",
    name: { en: "Pod", ko: "파드" },
    description: {
      en: "The containers of one Kubernetes pod.",
      ko: "하나의 쿠버네티스 파드에 속한 컨테이너들.",
    },
    props: {
      namespace: {
        type: "text",
        name: { en: "Namespace", ko: "네임스페이스" },
        placeholder: "default",
      },
      replicas: {
        type: "count",
        name: { en: "Replicas", ko: "복제본 수" },
        help: {
          en: "How many copies of the pod run; 0 = defined but not running.",
          ko: "실행되는 파드 복제본의 수. 0이면 정의만 되어 있고 실행되지 않습니다.",
        },
        default: 1,
      },
    },
    keyProps: ["namespace"],
    roles: { tracks: "pod", containerLike: true },
    look: { shape: "frame", leafShape: "frame", border: "dashed" },
  },
  registry: {
    kind: "registry",
    family: "artifact",
    layer: "artifact",
    name: { en: "Image registry", ko: "이미지 레지스트리" },
    description: {
      en: "Stores container images (ECR, Docker Hub).",
      ko: "컨테이너 이미지를 저장합니다(ECR, Docker Hub).",
    },
    props: { product: productText("ECR") },
    keyProps: ["product"],
    roles: {},
    look: { shape: "frame", leafShape: "box", border: "dashed" },
  },
  image: {
    kind: "image",
    family: "artifact",
    layer: "artifact",
    name: { en: "Image", ko: "이미지" },
    description: {
      en: "A container image or a machine image (AMI).",
      ko: "컨테이너 이미지 또는 머신 이미지(AMI).",
    },
    props: {
      imageType: {
        type: "enum",
        name: { en: "Image type", ko: "이미지 유형" },
        options: options([
          ["container", "Container image", "컨테이너 이미지"],
          ["ami", "Machine image (AMI)", "머신 이미지 (AMI)"],
        ] as const),
        default: "container",
      },
      ref: { type: "text", name: { en: "Reference", ko: "참조" }, placeholder: "nginx:1.27" },
    },
    keyProps: ["ref", "imageType"],
    roles: {},
    look: { shape: "frame", leafShape: "box", border: "dashed" },
  },
  volume: {
    kind: "volume",
    family: "artifact",
    layer: "artifact",
    name: { en: "Volume", ko: "볼륨" },
    description: {
      en: "A named volume or a bind-mounted host path, drawn inside the engine or kernel that holds it.",
      ko: "이름 있는 볼륨 또는 바인드 마운트한 호스트 경로. 그것을 가진 엔진이나 커널 안에 그립니다.",
    },
    props: {
      source: {
        type: "text",
        name: { en: "Source", ko: "원본" },
        help: { en: "The volume name or the host path.", ko: "볼륨 이름 또는 호스트 경로." },
        placeholder: "db-data",
      },
      volumeType: {
        type: "enum",
        name: { en: "Volume type", ko: "볼륨 유형" },
        options: options([
          ["volume", "Named volume", "이름 있는 볼륨"],
          ["bind", "Bind mount (host path)", "바인드 마운트 (호스트 경로)"],
          ["tmpfs", "tmpfs (in memory)", "tmpfs (메모리)"],
        ] as const),
        default: "volume",
      },
    },
    keyProps: ["source", "volumeType"],
    roles: {},
    look: { shape: "frame", leafShape: "box", border: "dashed" },
  },
  "k8s-service": {
    kind: "k8s-service",
    family: "artifact",
    layer: "artifact",
    name: { en: "Kubernetes Service", ko: "쿠버네티스 서비스" },
    description: {
      en: "A Kubernetes Service (or Ingress): a stable address that sends traffic to the pods it selects.",
      ko: "쿠버네티스 서비스(또는 인그레스): 고른 파드로 트래픽을 보내는 고정된 주소.",
    },
    props: {
      serviceType: {
        type: "enum",
        name: { en: "Service type", ko: "서비스 유형" },
        options: options([
          ["ClusterIP", "ClusterIP (inside the cluster)", "ClusterIP (클러스터 내부)"],
          ["NodePort", "NodePort (a port on every node)", "NodePort (모든 노드의 포트)"],
          ["LoadBalancer", "LoadBalancer (an external load balancer)", "LoadBalancer (외부 로드 밸런서)"],
          ["ExternalName", "ExternalName (a DNS name)", "ExternalName (DNS 이름)"],
        ] as const),
        default: "ClusterIP",
      },
      ports: { type: "service-ports", name: { en: "Service ports", ko: "서비스 포트" } },
    },
    keyProps: ["serviceType", "ports"],
    roles: {},
    look: { shape: "frame", leafShape: "box", border: "dashed" },
  },
} as const satisfies { readonly [K in Kind]: KindDef & { kind: K } };

/** The kinds catalog: one entry per kind (the same objects as {@link KIND_DECLS}, typed as {@link KindDef}). */
export const KIND_DEFS: { readonly [K in Kind]: KindDef & { kind: K } } = KIND_DECLS;

export function isKind(x: unknown): x is Kind {
  return typeof x === "string" && Object.prototype.hasOwnProperty.call(KIND_DEFS, x);
}

export function kindDef(kind: Kind): KindDef {
  return KIND_DEFS[kind];
}

const STACK_SET: ReadonlySet<string> = new Set(STACK_KINDS);
const GROUPING_SET: ReadonlySet<string> = new Set(GROUPING_KINDS);
export const isStackKind = (k: Kind): k is StackKind => STACK_SET.has(k);
export const isGroupingKind = (k: Kind): k is GroupingKind => GROUPING_SET.has(k);
export const isArtifactKind = (k: Kind): boolean => !STACK_SET.has(k) && !GROUPING_SET.has(k);

/** The descriptor of a prop of a kind (its own or a common one), if the kind declares it. */
export function propSpec(kind: Kind, prop: string): PropSpec | undefined {
  const own = KIND_DEFS[kind].props;
  if (Object.prototype.hasOwnProperty.call(own, prop)) return own[prop];
  if (Object.prototype.hasOwnProperty.call(COMMON_PROPS, prop))
    return COMMON_PROPS[prop as keyof typeof COMMON_PROPS];
  return undefined;
}

/**
 * The value of an enum prop as the rules read it: the node's own when it is one of the options,
 * else the prop's default (undefined when the kind has no such enum prop, or it has no default).
 */
export function enumPropValue(
  node: { kind: Kind; props?: Record<string, unknown> | undefined },
  prop: string,
): string | undefined {
  const spec = propSpec(node.kind, prop);
  if (spec?.type !== "enum") return undefined;
  const props = node.props;
  const v =
    props !== undefined && Object.prototype.hasOwnProperty.call(props, prop) ? props[prop] : undefined;
  for (const o of spec.options) if (o.value === v) return o.value;
  return spec.default;
}

/** Whether a node meets a declared {@link PropCondition}. */
export function meets(
  node: { kind: Kind; props?: Record<string, unknown> | undefined },
  condition: PropCondition,
): boolean {
  return enumPropValue(node, condition.prop) === condition.is;
}

// ---------------------------------------------------------------------------------------------
// Edges

export const EDGE_KINDS = ["network", "pulls", "launched-from", "moves", "mounts", "routes"] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export interface EdgeKindDef {
  kind: EdgeKind;
  name: Localized;
  /** The kind in the words an unlabelled edge says on the drawing ("pulls", "launched from"). */
  verb: Localized;
  description: Localized;
  /** Kinds allowed at the source end; "running" = every stack or grouping kind (not artifacts). */
  sources: readonly Kind[] | "running";
  /** Kinds allowed at the target end. */
  targets: readonly Kind[] | "running";
  /** When the target's kind has an `imageType` (an `image`), the one it must have. */
  targetImageType?: "container" | "ami";
  /** How its line is drawn, the same on the canvas and in the exports. */
  stroke: EdgeStroke;
  /** A line drawn thicker than the others ({@link EDGE_WIDTH}). */
  weight?: "bold";
  /**
   * A new connection between ends this kind allows gets this kind (the first such in
   * {@link EDGE_KINDS}), else `network`; the inspector can change it.
   */
  suggested?: true;
}

/**
 * An edge line: `solid` (traffic, a move), `dashed` (pulls an image), `dotted` (launched from a
 * machine image; bold: mounts a volume), `dash-dot` (a Service routes there).
 */
export type EdgeStroke = "solid" | "dashed" | "dotted" | "dash-dot";

/** The width of an edge line in px, by weight, the same on the canvas and in the exports. */
export const EDGE_WIDTH = { regular: 1.5, bold: 3 } as const;

export const EDGE_KIND_DEFS: { readonly [K in EdgeKind]: EdgeKindDef } = {
  network: {
    kind: "network",
    name: { en: "Network", ko: "네트워크" },
    verb: { en: "network", ko: "네트워크" },
    description: { en: "Traffic between running services.", ko: "실행 중인 서비스 사이의 트래픽." },
    sources: "running",
    targets: "running",
    stroke: "solid",
  },
  pulls: {
    kind: "pulls",
    name: { en: "Pulls image", ko: "이미지 가져오기" },
    verb: { en: "pulls", ko: "이미지 가져옴" },
    description: {
      en: "The image it runs is pulled from there (a container image or a registry); an engine pulls the images of its containers.",
      ko: "실행할 이미지를 그곳(컨테이너 이미지 또는 레지스트리)에서 가져옵니다. 엔진은 자신의 컨테이너가 쓸 이미지를 가져옵니다.",
    },
    sources: ["container", "ecs-task", "pod", "container-engine"],
    targets: ["image", "registry"],
    targetImageType: "container",
    stroke: "dashed",
    suggested: true,
  },
  "launched-from": {
    kind: "launched-from",
    name: { en: "Launched from", ko: "시작 이미지" },
    verb: { en: "launched from", ko: "이미지로 시작" },
    description: {
      en: "The VM was created from that machine image (an AMI for EC2); a bare-metal instance (.metal) launches from one too.",
      ko: "가상 머신이 그 머신 이미지(EC2라면 AMI)로 만들어졌습니다. 베어 메탈 인스턴스(.metal)도 머신 이미지로 시작합니다.",
    },
    sources: ["vm", "physical-host"],
    targets: ["image"],
    targetImageType: "ami",
    stroke: "dotted",
    suggested: true,
  },
  moves: {
    kind: "moves",
    name: { en: "Moves to", ko: "이동" },
    verb: { en: "moves", ko: "이동" },
    description: {
      en: "The same container moved to another host (portability).",
      ko: "같은 컨테이너를 다른 호스트로 옮깁니다(이식성).",
    },
    sources: ["container"],
    targets: ["container"],
    stroke: "solid",
    weight: "bold",
  },
  mounts: {
    kind: "mounts",
    name: { en: "Mounts", ko: "마운트" },
    verb: { en: "mounts", ko: "마운트" },
    description: {
      en: "The container (or pod) mounts that volume; the label is the mount path.",
      ko: "컨테이너(또는 파드)가 그 볼륨을 마운트합니다. 라벨은 마운트 경로입니다.",
    },
    sources: ["container", "pod"],
    targets: ["volume"],
    stroke: "dotted",
    weight: "bold",
    suggested: true,
  },
  routes: {
    kind: "routes",
    name: { en: "Routes to", ko: "라우팅" },
    verb: { en: "routes", ko: "라우팅" },
    description: {
      en: "The Service (or Ingress) sends traffic there.",
      ko: "서비스(또는 인그레스)가 그곳으로 트래픽을 보냅니다.",
    },
    sources: ["k8s-service"],
    targets: ["pod", "container", "k8s-service"],
    stroke: "dash-dot",
    suggested: true,
  },
};

export function isEdgeKind(x: unknown): x is EdgeKind {
  return typeof x === "string" && Object.prototype.hasOwnProperty.call(EDGE_KIND_DEFS, x);
}

/** The edge kind a new connection gets from its endpoints; the inspector can change it. */
export function defaultEdgeKind(
  source: { kind: Kind },
  target: { kind: Kind; props?: Record<string, unknown> },
): EdgeKind {
  for (const k of EDGE_KINDS) {
    const def = EDGE_KIND_DEFS[k];
    if (!def.suggested) continue;
    const ends = edgeEnds(def, source, target);
    if (ends.sourceOk && ends.targetOk) return k;
  }
  return "network";
}

/** Whether an edge end that allows `allowed` accepts a node of `kind`. */
export function endpointAllows(allowed: readonly Kind[] | "running", kind: Kind): boolean {
  return allowed === "running" ? !isArtifactKind(kind) : allowed.includes(kind);
}

/**
 * Whether an edge of kind `def` may join these ends. `wrongImageType`: the target's image type,
 * when its kind is allowed but its `imageType` is not the one the edge kind needs.
 */
export function edgeEnds(
  def: EdgeKindDef,
  source: { kind: Kind },
  target: { kind: Kind; props?: Record<string, unknown> | undefined },
): { sourceOk: boolean; targetOk: boolean; wrongImageType?: string } {
  const sourceOk = endpointAllows(def.sources, source.kind);
  if (!endpointAllows(def.targets, target.kind)) return { sourceOk, targetOk: false };
  if (def.targetImageType !== undefined) {
    const t = enumPropValue(target, "imageType");
    if (t !== undefined && t !== def.targetImageType) return { sourceOk, targetOk: false, wrongImageType: t };
  }
  return { sourceOk, targetOk: true };
}
