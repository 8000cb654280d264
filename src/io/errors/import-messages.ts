/**
 * The words of the Kubernetes and ECS importers' errors and warnings (ImportErrorParams in
 * ./types.ts), English and Korean side by side; ./messages.ts puts them into the one table.
 */
import type { Lang } from "../../domain/kinds/props.ts";
import type { ImportErrorParams, ImportExpected, ImportFormat, ImportFound, YamlShape } from "./types.ts";

type Entry<P> = { readonly [L in Lang]: (p: P) => string };
type Table = { readonly [C in keyof ImportErrorParams]: Entry<ImportErrorParams[C]> };

const q = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
const fmt = (n: number) => n.toLocaleString("en-US");

const FORMAT: { readonly [F in ImportFormat]: Readonly<Record<Lang, string>> } = {
  k8s: { en: "Kubernetes manifests", ko: "쿠버네티스 매니페스트" },
  ecs: { en: "ECS task definitions", ko: "ECS 태스크 정의" },
};
const FOUND: { readonly [F in ImportFound]: Readonly<Record<Lang, string>> } = {
  compose: { en: "a Docker Compose file", ko: "Docker Compose 파일" },
  k8s: { en: "a Kubernetes manifest", ko: "쿠버네티스 매니페스트" },
  ecs: { en: "an ECS task definition", ko: "ECS 태스크 정의" },
  stackdraw: { en: "a Stackdraw document", ko: "Stackdraw 문서" },
};
const WHAT_TO_DO: { readonly [F in ImportFound]: Readonly<Record<Lang, string>> } = {
  compose: {
    en: "import it as Docker Compose (import compose)",
    ko: "Docker Compose로 가져오세요(import compose)",
  },
  k8s: {
    en: "import it as Kubernetes manifests (import k8s)",
    ko: "쿠버네티스 매니페스트로 가져오세요(import k8s)",
  },
  ecs: {
    en: "import it as an ECS task definition (import ecs)",
    ko: "ECS 태스크 정의로 가져오세요(import ecs)",
  },
  stackdraw: { en: "open it instead", ko: "가져오지 말고 여세요" },
};
const EXPECTED: { readonly [E in ImportExpected]: Readonly<Record<Lang, string>> } = {
  map: { en: "a mapping", ko: "매핑" },
  list: { en: "a list", ko: "목록" },
  text: { en: "a string", ko: "문자열" },
  count: { en: "a whole number (0 or more)", ko: "0 이상의 정수" },
  port: { en: "a port (an integer 1–65535)", ko: "포트(1–65535 사이의 정수)" },
  boolean: { en: "true or false", ko: "true 또는 false" },
};
const SHAPE: { readonly [S in YamlShape | "null"]: Readonly<Record<Lang, string>> } = {
  scalar: { en: "a value", ko: "값" },
  map: { en: "a mapping", ko: "매핑" },
  seq: { en: "a list", ko: "목록" },
  null: { en: "empty", ko: "빈 값" },
};
const REASON = {
  expression: { en: " (a CloudFormation expression)", ko: " (CloudFormation 식)" },
  unknown: { en: " (Stackdraw has no place for it)", ko: " (Stackdraw에는 그릴 자리가 없습니다)" },
  sctp: { en: " (sctp: Stackdraw knows tcp and udp)", ko: " (sctp: Stackdraw는 tcp와 udp만 압니다)" },
  random: {
    en: " (the cluster picks the port when it creates the Service)",
    ko: " (포트는 서비스를 만들 때 클러스터가 고릅니다)",
  },
} as const;

export const IMPORT_MESSAGES: Table = {
  importTooLarge: {
    en: (p) => `the file is larger than 10 MB; Stackdraw imports ${FORMAT[p.format].en} up to 10 MB`,
    ko: (p) => `파일이 10MB보다 큽니다. Stackdraw는 10MB까지의 ${FORMAT[p.format].ko}만 가져옵니다`,
  },
  importEmpty: {
    en: (p) => `no object to import: the file holds no ${FORMAT[p.format].en}`,
    ko: (p) => `가져올 것이 없습니다: 파일에 ${FORMAT[p.format].ko}가 없습니다`,
  },
  importTooManyNodes: {
    en: (p) =>
      `drawing these ${FORMAT[p.format].en} takes ${fmt(p.count)} nodes, more than a document holds (${fmt(p.limit)})`,
    ko: (p) =>
      `이 ${FORMAT[p.format].ko}를 그리려면 노드가 ${fmt(p.count)}개 필요해 문서 한도(${fmt(p.limit)}개)를 넘습니다`,
  },
  importWrongImporter: {
    en: (p) =>
      `this is ${FOUND[p.found].en}${p.kind ? ` (kind: ${q(p.kind)})` : ""}, not ${FORMAT[p.format].en}: ${WHAT_TO_DO[p.found].en}`,
    ko: (p) =>
      `${FORMAT[p.format].ko}가 아니라 ${FOUND[p.found].ko}입니다${p.kind ? ` (kind: ${q(p.kind)})` : ""}. ${WHAT_TO_DO[p.found].ko}`,
  },
  importFieldInvalid: {
    en: (p) =>
      `${p.field} must be ${EXPECTED[p.expected].en}, not ${p.value !== undefined ? q(p.value) : SHAPE[p.actual].en}`,
    ko: (p) =>
      `${p.field}는 ${p.value !== undefined ? q(p.value) : SHAPE[p.actual].ko}가 아닌 ${EXPECTED[p.expected].ko}여야 합니다`,
  },
  importNotDrawn: {
    en: (p) => `${p.subject}: ${p.field} not drawn${p.reason ? REASON[p.reason].en : ""}`,
    ko: (p) => `${p.subject}: ${p.field}는 그리지 않았습니다${p.reason ? REASON[p.reason].ko : ""}`,
  },
  importInternal: {
    en: (p) => `could not import the file: ${p.reason}`,
    ko: (p) => `파일을 가져오지 못했습니다: ${p.reason}`,
  },
  k8sNotObject: {
    en: (p) => `a Kubernetes object is a mapping (apiVersion:, kind:, metadata:…), not ${SHAPE[p.actual].en}`,
    ko: (p) =>
      `쿠버네티스 오브젝트는 ${SHAPE[p.actual].ko}가 아닌 매핑(apiVersion:, kind:, metadata:…)이어야 합니다`,
  },
  k8sNoKind: {
    en: () => "no kind: a Kubernetes object says what it is with kind: (Deployment, Service…)",
    ko: () => "kind가 없습니다: 쿠버네티스 오브젝트는 kind:(Deployment, Service…)로 종류를 밝힙니다",
  },
  k8sObjectsNotDrawn: {
    en: (p) => `not drawn: ${p.kinds.map((k) => `${fmt(k.count)} ${k.kind}`).join(", ")}`,
    ko: (p) => `그리지 않음: ${p.kinds.map((k) => `${k.kind} ${fmt(k.count)}개`).join(", ")}`,
  },
  k8sSelectsNothing: {
    en: (p) => `Service ${q(p.service)} selects no workload of these files; drawn without routes`,
    ko: (p) => `서비스 ${q(p.service)}가 고르는 워크로드가 이 파일들에 없습니다. 라우팅 없이 그렸습니다`,
  },
  k8sUnknownService: {
    en: (p) =>
      `Ingress ${q(p.ingress)} sends to Service ${q(p.service)}, which these files do not have; that route is not drawn`,
    ko: (p) =>
      `인그레스 ${q(p.ingress)}가 보내는 서비스 ${q(p.service)}가 이 파일들에 없어 그 라우팅은 그리지 않았습니다`,
  },
  k8sUnknownVolume: {
    en: (p) =>
      `container ${q(p.container)} mounts ${q(p.volume)}, which is not a volume of its pod; not drawn`,
    ko: (p) =>
      `컨테이너 ${q(p.container)}가 마운트하는 ${q(p.volume)}는 파드의 볼륨이 아니어서 그리지 않았습니다`,
  },
  ecsNotTaskDefinition: {
    en: () =>
      "not an ECS task definition: expected containerDefinitions (a registered task definition), taskDefinition (describe-task-definition output) or Resources (a CloudFormation template)",
    ko: () =>
      "ECS 태스크 정의가 아닙니다: containerDefinitions(등록된 태스크 정의), taskDefinition(describe-task-definition 출력) 또는 Resources(CloudFormation 템플릿)가 있어야 합니다",
  },
  ecsNoTaskDefinitions: {
    en: () => "the template has no AWS::ECS::TaskDefinition resource",
    ko: () => "템플릿에 AWS::ECS::TaskDefinition 리소스가 없습니다",
  },
  ecsUnknownContainer: {
    en: (p) =>
      `container ${q(p.container)} names ${q(p.name)}, which is not a container of its task; not drawn`,
    ko: (p) =>
      `컨테이너 ${q(p.container)}가 가리키는 ${q(p.name)}는 태스크의 컨테이너가 아니어서 그리지 않았습니다`,
  },
};
