/**
 * The rule catalog: severity, title and source section of every rule, declared once.
 * Section titles are the notes' own (the study notes; see docs/rules.md, "Sources"): Korean as in
 * the original, English as in the English rendering.
 */
import type { Localized } from "../kinds/props.ts";
import type { RuleDef, RuleId, Severity } from "./types.ts";

/** The sections of the study notes that rules cite. */
export const SECTIONS = {
  functionalVsPhysical: {
    en: "Functional server vs physical computer",
    ko: "기능적 의미의 서버와 물리적 컴퓨터로서의 서버",
  },
  softwareGivesFunction: {
    en: "Server functions come from software",
    ko: "서버의 기능은 소프트웨어가 제공한다",
  },
  serversRunLinux: { en: "Servers mostly run Linux", ko: "서버의 운영체제로는 주로 리눅스가 사용된다" },
  severalServersWithContainers: {
    en: "Running several server functions safely together with containers",
    ko: "컨테이너를 이용해 여러 가지 서버 기능을 안전하게 함께 실행하기",
  },
  containersMoveFreely: { en: "Containers move freely", ko: "자유로이 옮길 수 있는 컨테이너" },
  dockerVsVirtualization: { en: "Docker vs virtualization", ko: "도커와 가상화 기술의 차이" },
  dockerVsEc2: { en: "Docker vs AWS EC2", ko: "도커와 AWS EC2의 차이" },
  dockerAndHosting: { en: "Docker and hosting services", ko: "도커와 호스팅 서비스" },
  ecsDockerStructure: { en: "The ECS and Docker structure", ko: "ECS와 도커 구조" },
  ecsVsEks: { en: "ECS vs EKS", ko: "ECS와 EKS" },
  containersVsVirtualization: {
    en: "Study additions: containers vs virtualization",
    ko: "스터디 추가 내용 — 컨테이너 VS 가상화",
  },
} as const satisfies Record<string, Localized>;

/**
 * Where `document/unused-suppression` points instead of a section of the notes: it is a rule about
 * the document (its reviewed suppressions), not about the domain the notes describe.
 */
export const DOCUMENT_SECTION: Localized = {
  en: "Stackdraw documents: suppressions",
  ko: "Stackdraw 문서: 억제 설정",
};

const rule = <R extends RuleId>(
  id: R,
  severity: Severity,
  en: string,
  ko: string,
  section: Localized,
): RuleDef & { id: R } => ({
  id,
  severity,
  title: { en, ko },
  section,
});

const S = SECTIONS;

/** Every rule, by id. */
export const RULES: { readonly [R in RuleId]: RuleDef & { id: R } } = {
  "container/needs-engine": rule(
    "container/needs-engine",
    "error",
    "A container needs a container engine",
    "컨테이너에는 컨테이너 엔진이 필요합니다",
    S.dockerVsVirtualization,
  ),
  "container/kernel-mismatch": rule(
    "container/kernel-mismatch",
    "error",
    "Container OS differs from the host kernel",
    "컨테이너 운영체제가 호스트 커널과 다릅니다",
    S.containersVsVirtualization,
  ),
  "container/own-kernel": rule(
    "container/own-kernel",
    "error",
    "A kernel inside a container",
    "컨테이너 안의 커널",
    S.containersVsVirtualization,
  ),
  "engine/needs-kernel": rule(
    "engine/needs-kernel",
    "error",
    "A container engine needs an operating system",
    "컨테이너 엔진에는 운영체제가 필요합니다",
    S.dockerVsEc2,
  ),
  "engine/nested": rule(
    "engine/nested",
    "warning",
    "A container engine inside a container",
    "컨테이너 안의 컨테이너 엔진",
    S.dockerVsVirtualization,
  ),
  "stack/os-not-drawn": rule(
    "stack/os-not-drawn",
    "warning",
    "Operating system not drawn",
    "그려지지 않은 운영체제",
    S.ecsDockerStructure,
  ),
  "engine/unsupported-kernel": rule(
    "engine/unsupported-kernel",
    "error",
    "Container engine on an unsupported OS",
    "지원하지 않는 운영체제 위의 컨테이너 엔진",
    S.dockerVsVirtualization,
  ),
  "vm/needs-hypervisor": rule(
    "vm/needs-hypervisor",
    "error",
    "A virtual machine needs a hypervisor",
    "가상 머신에는 하이퍼바이저가 필요합니다",
    S.dockerVsVirtualization,
  ),
  "vm/no-guest-os": rule(
    "vm/no-guest-os",
    "warning",
    "Virtual machine without an operating system",
    "운영체제가 없는 가상 머신",
    S.containersVsVirtualization,
  ),
  "machine/multiple-bases": rule(
    "machine/multiple-bases",
    "error",
    "One machine boots one kernel",
    "한 기계는 커널 하나만 부팅합니다",
    S.containersVsVirtualization,
  ),
  "hypervisor/placement": rule(
    "hypervisor/placement",
    "error",
    "Hypervisor in the wrong place",
    "하이퍼바이저의 위치가 잘못되었습니다",
    S.dockerVsVirtualization,
  ),
  "hypervisor/nested": rule(
    "hypervisor/nested",
    "warning",
    "Hypervisor inside a virtual machine",
    "가상 머신 안의 하이퍼바이저",
    S.dockerVsVirtualization,
  ),
  "kernel/placement": rule(
    "kernel/placement",
    "error",
    "An operating system needs a machine",
    "운영체제에는 기계가 필요합니다",
    S.containersVsVirtualization,
  ),
  "host/placement": rule(
    "host/placement",
    "error",
    "A physical server inside something virtual",
    "가상 계층 안의 물리 서버",
    S.functionalVsPhysical,
  ),
  "kernel/distro-family": rule(
    "kernel/distro-family",
    "error",
    "Distribution and OS family disagree",
    "배포판과 운영체제 계열이 맞지 않습니다",
    S.serversRunLinux,
  ),
  "app/placement": rule(
    "app/placement",
    "error",
    "Server software needs an operating system",
    "서버 소프트웨어에는 운영체제가 필요합니다",
    S.softwareGivesFunction,
  ),
  "network/port-conflict": rule(
    "network/port-conflict",
    "error",
    "Port already in use",
    "이미 사용 중인 포트",
    S.severalServersWithContainers,
  ),
  "arch/mismatch": rule(
    "arch/mismatch",
    "warning",
    "Image built for another CPU architecture",
    "다른 CPU 아키텍처용 이미지",
    S.containersMoveFreely,
  ),
  "fargate/placement": rule(
    "fargate/placement",
    "error",
    "Fargate outside a cluster",
    "클러스터 밖의 Fargate",
    S.ecsVsEks,
  ),
  "fargate/windows-on-eks": rule(
    "fargate/windows-on-eks",
    "error",
    "Windows container on EKS Fargate",
    "EKS Fargate 위의 윈도우 컨테이너",
    S.ecsVsEks,
  ),
  "fargate/managed-layers": rule(
    "fargate/managed-layers",
    "warning",
    "Layer managed by AWS under Fargate",
    "Fargate에서는 AWS가 관리하는 계층",
    S.dockerAndHosting,
  ),
  "ecs/task-placement": rule(
    "ecs/task-placement",
    "error",
    "ECS task in the wrong place",
    "ECS 태스크의 위치가 잘못되었습니다",
    S.dockerAndHosting,
  ),
  "ecs/container-outside-task": rule(
    "ecs/container-outside-task",
    "warning",
    "ECS container outside a task",
    "태스크 밖의 ECS 컨테이너",
    S.dockerAndHosting,
  ),
  "k8s/pod-placement": rule(
    "k8s/pod-placement",
    "error",
    "Pod in the wrong place",
    "파드의 위치가 잘못되었습니다",
    S.ecsVsEks,
  ),
  "k8s/container-outside-pod": rule(
    "k8s/container-outside-pod",
    "warning",
    "Kubernetes container outside a pod",
    "파드 밖의 쿠버네티스 컨테이너",
    S.ecsVsEks,
  ),
  "k8s/control-plane-placement": rule(
    "k8s/control-plane-placement",
    "error",
    "Control plane outside a Kubernetes cluster",
    "쿠버네티스 클러스터 밖의 컨트롤 플레인",
    S.ecsVsEks,
  ),
  "edge/endpoints": rule(
    "edge/endpoints",
    "error",
    "Connection between the wrong kinds",
    "연결할 수 없는 종류 사이의 연결",
    S.dockerVsEc2,
  ),
  "container/moved-image": rule(
    "container/moved-image",
    "warning",
    "Moved container has another image",
    "옮긴 컨테이너의 이미지가 다릅니다",
    S.containersMoveFreely,
  ),
  "document/unused-suppression": rule(
    "document/unused-suppression",
    "warning",
    "Suppression that suppresses nothing",
    "아무것도 억제하지 않는 억제 설정",
    DOCUMENT_SECTION,
  ),
};
