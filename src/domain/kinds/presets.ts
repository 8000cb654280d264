/**
 * Palette presets: a kind plus preset props and a name. The palette lists these grouped by
 * palette group; dropping one creates a node of its kind with a copy of its props.
 */
import type { Kind } from "./catalog.ts";
import type { PropsOf } from "./nodes.ts";
import type { Localized } from "./props.ts";

export const PALETTE_GROUPS = [
  "hardware",
  "virtualization",
  "os",
  "containers",
  "software",
  "aws",
  "frames",
] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

export const PALETTE_GROUP_NAMES: { readonly [G in PaletteGroup]: Localized } = {
  hardware: { en: "Hardware", ko: "하드웨어" },
  virtualization: { en: "Virtualization", ko: "가상화" },
  os: { en: "Operating systems", ko: "운영체제" },
  containers: { en: "Containers", ko: "컨테이너" },
  software: { en: "Server software", ko: "서버 소프트웨어" },
  aws: { en: "AWS", ko: "AWS" },
  frames: { en: "Frames", ko: "틀" },
};

export interface Preset {
  /** Stable id, e.g. "kernel-ubuntu". */
  id: string;
  kind: Kind;
  group: PaletteGroup;
  /** The preset's name: the palette button's accessible name and the new node's label. */
  name: Localized;
  props: Readonly<Record<string, unknown>>;
}

/** A preset; its props are type-checked against its kind's declaration. */
const p = <K extends Kind>(
  id: string,
  kind: K,
  group: PaletteGroup,
  en: string,
  ko: string,
  props: PropsOf<K> = {},
): Preset => ({
  id,
  kind,
  group,
  name: { en, ko },
  props,
});

/** Kernel presets: every distribution of the notes' OS table (and Amazon Linux, Alpine…). */
const KERNEL_PRESETS: Preset[] = [
  p("kernel-ubuntu", "kernel", "os", "Ubuntu", "Ubuntu", { family: "linux", distro: "Ubuntu" }),
  p("kernel-debian", "kernel", "os", "Debian", "Debian", { family: "linux", distro: "Debian" }),
  p("kernel-rhel", "kernel", "os", "Red Hat", "Red Hat", { family: "linux", distro: "Red Hat" }),
  p("kernel-centos", "kernel", "os", "CentOS", "CentOS", { family: "linux", distro: "CentOS" }),
  p("kernel-suse", "kernel", "os", "SUSE", "SUSE", { family: "linux", distro: "SUSE" }),
  p("kernel-opensuse", "kernel", "os", "openSUSE", "openSUSE", { family: "linux", distro: "openSUSE" }),
  p("kernel-amazon-linux", "kernel", "os", "Amazon Linux", "Amazon Linux", {
    family: "linux",
    distro: "Amazon Linux",
  }),
  p("kernel-alpine", "kernel", "os", "Alpine", "Alpine", { family: "linux", distro: "Alpine" }),
  p("kernel-linux", "kernel", "os", "Linux", "리눅스", { family: "linux" }),
  p("kernel-windows-server", "kernel", "os", "Windows Server", "Windows Server", {
    family: "windows",
    distro: "Windows Server",
  }),
  p("kernel-macos", "kernel", "os", "macOS", "macOS", { family: "bsd", distro: "macOS" }),
  p("kernel-freebsd", "kernel", "os", "FreeBSD", "FreeBSD", { family: "bsd", distro: "FreeBSD" }),
  p("kernel-netbsd", "kernel", "os", "NetBSD", "NetBSD", { family: "bsd", distro: "NetBSD" }),
  p("kernel-solaris", "kernel", "os", "Solaris", "Solaris", { family: "solaris", distro: "Solaris" }),
  p("kernel-opensolaris", "kernel", "os", "OpenSolaris", "OpenSolaris", {
    family: "solaris",
    distro: "OpenSolaris",
  }),
];

export const PRESETS: readonly Preset[] = [
  p("physical-server", "physical-host", "hardware", "Physical server", "물리 서버", { arch: "x86_64" }),
  p("arm-server", "physical-host", "hardware", "ARM server", "ARM 서버", { arch: "arm64" }),

  p("hypervisor-esxi", "hypervisor", "virtualization", "ESXi", "ESXi", {
    hypervisorType: "type1",
    product: "ESXi",
  }),
  p("hypervisor-kvm", "hypervisor", "virtualization", "KVM", "KVM", {
    hypervisorType: "type1",
    product: "KVM",
  }),
  p("hypervisor-hyperv", "hypervisor", "virtualization", "Hyper-V", "Hyper-V", {
    hypervisorType: "type1",
    product: "Hyper-V",
  }),
  p("hypervisor-xen", "hypervisor", "virtualization", "Xen", "Xen", {
    hypervisorType: "type1",
    product: "Xen",
  }),
  p("hypervisor-nitro", "hypervisor", "virtualization", "Nitro", "Nitro", {
    hypervisorType: "type1",
    product: "Nitro",
  }),
  p("hypervisor-virtualbox", "hypervisor", "virtualization", "VirtualBox", "VirtualBox", {
    hypervisorType: "type2",
    product: "VirtualBox",
  }),
  p(
    "hypervisor-vmware-workstation",
    "hypervisor",
    "virtualization",
    "VMware Workstation",
    "VMware Workstation",
    {
      hypervisorType: "type2",
      product: "VMware Workstation",
    },
  ),
  p("hypervisor-parallels", "hypervisor", "virtualization", "Parallels", "Parallels", {
    hypervisorType: "type2",
    product: "Parallels",
  }),
  p("vm", "vm", "virtualization", "Virtual machine", "가상 머신"),
  // Desktops: Windows runs WSL 2 (and Docker Desktop's Linux engine) in a VM on Hyper-V on its
  // kernel; a Mac runs Docker Desktop's VM on Apple's Virtualization framework.
  p("vm-wsl2", "vm", "virtualization", "WSL 2 VM", "WSL 2 가상 머신", { product: "WSL 2" }),
  p("vm-docker-desktop", "vm", "virtualization", "Docker Desktop VM", "Docker Desktop 가상 머신", {
    product: "Docker Desktop",
  }),
  p("hypervisor-apple", "hypervisor", "virtualization", "Apple Virtualization", "Apple Virtualization", {
    hypervisorType: "type2",
    product: "Apple Virtualization",
  }),

  ...KERNEL_PRESETS,

  p("engine-docker", "container-engine", "containers", "Docker Engine", "Docker Engine", {
    product: "docker",
  }),
  p("engine-containerd", "container-engine", "containers", "containerd", "containerd", {
    product: "containerd",
  }),
  p("engine-podman", "container-engine", "containers", "Podman", "Podman", { product: "podman" }),
  p("engine-cri-o", "container-engine", "containers", "CRI-O", "CRI-O", { product: "cri-o" }),
  p("container", "container", "containers", "Container", "컨테이너", { os: "linux" }),
  p("container-windows", "container", "containers", "Windows container", "윈도우 컨테이너", {
    os: "windows",
  }),
  p("container-kata", "container", "containers", "Kata container", "Kata 컨테이너", {
    os: "linux",
    isolation: "microvm",
  }),
  p("container-image", "image", "containers", "Container image", "컨테이너 이미지", {
    imageType: "container",
  }),
  p("registry-docker-hub", "registry", "containers", "Docker Hub", "Docker Hub", { product: "Docker Hub" }),
  p("volume", "volume", "containers", "Volume", "볼륨", { volumeType: "volume" }),

  p("app-web", "server-app", "software", "Web server", "웹 서버", {
    role: "web",
    product: "nginx",
    ports: [80],
  }),
  p("app-db", "server-app", "software", "Database server", "DB 서버", {
    role: "db",
    product: "PostgreSQL",
    ports: [5432],
  }),
  p("app-mail", "server-app", "software", "Mail server", "메일 서버", {
    role: "mail",
    product: "Postfix",
    ports: [25],
  }),
  p("app-cache", "server-app", "software", "Cache", "캐시", {
    role: "cache",
    product: "Redis",
    ports: [6379],
  }),
  p("app-app", "server-app", "software", "Application server", "애플리케이션 서버", {
    role: "app",
    ports: [8080],
  }),
  p("app-dns", "server-app", "software", "DNS server", "DNS 서버", {
    role: "dns",
    product: "BIND",
    ports: [53],
  }),
  p("app-file", "server-app", "software", "File server", "파일 서버", {
    role: "file",
    product: "Samba",
    ports: [445],
  }),
  p("app-proxy", "server-app", "software", "Reverse proxy", "리버스 프록시", {
    role: "proxy",
    product: "HAProxy",
    ports: [443],
  }),

  p("aws-cloud", "cloud", "aws", "AWS Cloud", "AWS 클라우드", { provider: "aws" }),
  p("ec2-instance", "vm", "aws", "EC2 instance", "EC2 인스턴스", { product: "EC2" }),
  p("ecs-cluster", "ecs-cluster", "aws", "ECS cluster", "ECS 클러스터"),
  p("ecs-task", "ecs-task", "aws", "ECS task", "ECS 태스크"),
  p("fargate", "fargate", "aws", "Fargate", "Fargate", { managedBy: "provider" }),
  p("eks-cluster", "k8s-cluster", "aws", "EKS cluster", "EKS 클러스터", { managed: "eks" }),
  p("control-plane", "control-plane", "aws", "Control plane", "컨트롤 플레인"),
  p("pod", "pod", "aws", "Pod", "파드"),
  p("k8s-service", "k8s-service", "aws", "Kubernetes Service", "쿠버네티스 서비스", {
    serviceType: "ClusterIP",
  }),
  p("ecr", "registry", "aws", "ECR", "ECR", { product: "ECR" }),
  p("ami", "image", "aws", "AMI", "AMI", { imageType: "ami" }),

  p("group", "group", "frames", "Group", "그룹"),
  p("cloud-generic", "cloud", "frames", "Cloud", "클라우드", { provider: "other" }),
  p("k8s-cluster", "k8s-cluster", "frames", "Kubernetes cluster", "쿠버네티스 클러스터", { managed: "self" }),
];

const BY_ID = new Map(PRESETS.map((x) => [x.id, x]));
export function presetById(id: string): Preset | undefined {
  return BY_ID.get(id);
}
