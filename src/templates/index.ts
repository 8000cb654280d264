/**
 * The built-in templates (docs/templates.md): documents that open from the Templates
 * gallery and from `?template=ID`. Each is a builder over the UI language, so its labels and notes
 * come in Korean or English while its ids stay the same.
 */
import type { StackDocument } from "../domain/document.ts";
import type { Lang, Localized } from "../domain/kinds/props.ts";
import { L } from "./builder.ts";
import { buildEcsDocker } from "./ecs-docker.ts";
import { buildVmVsContainer } from "./vm-vs-container.ts";
import { buildOneServerManyFunctions } from "./one-server-many-functions.ts";
import { buildWebServersInContainers } from "./web-servers-in-containers.ts";
import { buildEc2DockerHost } from "./ec2-docker-host.ts";
import { buildEcsVsEks } from "./ecs-vs-eks.ts";
import { buildDevToProd } from "./dev-to-prod.ts";
import { buildServerOsFamilies } from "./server-os-families.ts";
import { buildCommonMistakes } from "./common-mistakes.ts";

export { COMMON_MISTAKES } from "./common-mistakes.ts";

/** One built-in template, as the gallery lists it. */
export interface TemplateInfo {
  /** Stable id, used in `?template=ID` and by the tests. */
  id: string;
  /** The gallery card's title. */
  name: Localized;
  /** One line saying what the template shows. */
  description: Localized;
  /**
   * A fresh document in that language (a new object on every call, so callers may keep it):
   * format "stackdraw", version 1, without positions or sizes except where a template places a
   * few frames by hand. Ids do not depend on the language.
   */
  build(lang: Lang): StackDocument;
}

/** Every template, in the order of templates.md. */
export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: "ecs-docker",
    name: L("ECS and Docker structure", "ECS와 도커 구조"),
    description: L(
      "Docker on EC2, ECS on EC2 and ECS on Fargate: who manages which layer.",
      "EC2 위의 도커, EC2 기반 ECS, Fargate 기반 ECS: 어느 계층을 누가 관리하는가.",
    ),
    build: buildEcsDocker,
  },
  {
    id: "vm-vs-container",
    name: L("Virtualization vs containers", "가상화 vs 컨테이너"),
    description: L(
      "Three VMs with a kernel each, against three containers sharing one kernel.",
      "각자 커널을 가진 가상 머신 셋과, 커널 하나를 공유하는 컨테이너 셋.",
    ),
    build: buildVmVsContainer,
  },
  {
    id: "one-server-many-functions",
    name: L("One physical server, several functions", "물리 서버 한 대, 여러 기능적 서버"),
    description: L(
      "One physical server running web, mail and DB server software.",
      "웹, 메일, DB 서버 소프트웨어를 함께 실행하는 물리 서버 한 대.",
    ),
    build: buildOneServerManyFunctions,
  },
  {
    id: "web-servers-in-containers",
    name: L("Several web servers on one machine", "한 대에 여러 웹 서버"),
    description: L(
      "Three nginx containers on host ports 8080–8082, all on port 80 inside.",
      "호스트 포트 8080–8082에 공개한, 안에서는 모두 80번 포트인 nginx 컨테이너 셋.",
    ),
    build: buildWebServersInContainers,
  },
  {
    id: "ec2-docker-host",
    name: L("EC2 as a Docker host", "도커 호스트가 된 EC2"),
    description: L(
      "An EC2 instance launched from an AMI, running Docker containers from Docker Hub.",
      "AMI로 만든 EC2 인스턴스가 Docker Hub의 컨테이너를 실행합니다.",
    ),
    build: buildEc2DockerHost,
  },
  {
    id: "ecs-vs-eks",
    name: L("ECS vs EKS", "ECS와 EKS"),
    description: L(
      "ECS on Fargate beside EKS: AWS runs the control plane, you run the workers.",
      "Fargate 기반 ECS와 EKS: 컨트롤 플레인은 AWS가, 워커 노드는 사용자가 관리합니다.",
    ),
    build: buildEcsVsEks,
  },
  {
    id: "dev-to-prod",
    name: L("Containers move freely", "자유로이 옮길 수 있는 컨테이너"),
    description: L(
      "The same app:1.0 container on a macOS laptop and on a production server.",
      "macOS 노트북과 운영 서버에서 똑같이 실행되는 app:1.0 컨테이너.",
    ),
    build: buildDevToProd,
  },
  {
    id: "server-os-families",
    name: L("Server operating systems", "서버 운영체제"),
    description: L(
      "The notes' OS table: Windows and Unix families, one server per distribution.",
      "노트의 운영체제 표: 윈도우 계열과 유닉스 계열, 배포판마다 서버 하나.",
    ),
    build: buildServerOsFamilies,
  },
  {
    id: "common-mistakes",
    name: L("Common mistakes", "흔한 실수"),
    description: L(
      "Six small stacks, each broken on purpose in one way the rules catch.",
      "규칙이 잡아내는 실수를 하나씩 일부러 담은 작은 스택 여섯 개.",
    ),
    build: buildCommonMistakes,
  },
];

const BY_ID = new Map(TEMPLATES.map((t) => [t.id, t]));

/** The template with that id, if there is one. */
export function templateById(id: string): TemplateInfo | undefined {
  return BY_ID.get(id);
}
