/**
 * How messages name things: nodes (by label, else a key prop, else the kind's name), kinds as
 * nouns, OS families — and Korean particles chosen by the final sound of the word before them.
 */
import { isKind, KIND_DEFS, type Kind } from "../kinds/catalog.ts";
import type { Lang, Localized } from "../kinds/props.ts";
import { ownProp, type StackDocument, type StackNode } from "../document.ts";
import type { DiagramIndex } from "../diagram.ts";

/** Where message writers look node ids up: a document, or an index already built for it. */
export type NameSource = Pick<StackDocument, "nodes"> | Pick<DiagramIndex, "byId">;

/** Kinds as nouns in running text (lower case in English where the name is not a proper noun). */
export const KIND_NOUNS: { readonly [K in Kind]: Localized } = {
  "physical-host": { en: "physical server", ko: "물리 서버" },
  hypervisor: { en: "hypervisor", ko: "하이퍼바이저" },
  vm: { en: "virtual machine", ko: "가상 머신" },
  kernel: { en: "kernel", ko: "커널" },
  "container-engine": { en: "container engine", ko: "컨테이너 엔진" },
  container: { en: "container", ko: "컨테이너" },
  "server-app": { en: "server software", ko: "서버 소프트웨어" },
  fargate: { en: "Fargate capacity", ko: "Fargate" },
  group: { en: "group", ko: "그룹" },
  cloud: { en: "cloud", ko: "클라우드" },
  "ecs-cluster": { en: "ECS cluster", ko: "ECS 클러스터" },
  "ecs-task": { en: "ECS task", ko: "ECS 태스크" },
  "k8s-cluster": { en: "Kubernetes cluster", ko: "쿠버네티스 클러스터" },
  "control-plane": { en: "control plane", ko: "컨트롤 플레인" },
  pod: { en: "pod", ko: "파드" },
  registry: { en: "image registry", ko: "이미지 레지스트리" },
  image: { en: "image", ko: "이미지" },
  volume: { en: "volume", ko: "볼륨" },
  "k8s-service": { en: "Kubernetes Service", ko: "쿠버네티스 서비스" },
};

export const FAMILY_NAMES: Readonly<Record<string, Localized>> = {
  linux: { en: "Linux", ko: "리눅스" },
  windows: { en: "Windows", ko: "윈도우" },
  bsd: { en: "BSD", ko: "BSD" },
  solaris: { en: "Solaris", ko: "솔라리스" },
};

export const ENGINE_NAMES: Readonly<Record<string, string>> = {
  docker: "Docker Engine",
  containerd: "containerd",
  podman: "Podman",
  "cri-o": "CRI-O",
};

const lookups = new WeakMap<object, ReadonlyMap<string, StackNode>>();

/** Node lookup for a source; a document's map is built once and kept as long as its node list lives. */
export function nodeLookup(source: NameSource | undefined): ReadonlyMap<string, StackNode> | undefined {
  if (source === undefined) return undefined;
  if ("byId" in source) return source.byId;
  let map = lookups.get(source.nodes);
  if (map === undefined) {
    const m = new Map<string, StackNode>();
    for (const n of source.nodes) if (!m.has(n.id)) m.set(n.id, n);
    lookups.set(source.nodes, (map = m));
  }
  return map;
}

/**
 * The name a message uses for a node: its label; else its first key prop with text (a kernel's
 * distro, a container's image…), which is what the node shows; else its kind's name.
 */
export function displayName(node: StackNode, lang: Lang): string {
  if (typeof node.label === "string" && node.label.trim() !== "") return node.label;
  if (!isKind(node.kind)) return node.id;
  const def = KIND_DEFS[node.kind];
  for (const key of def.keyProps) {
    const spec = def.props[key];
    const v = ownProp(node.props, key);
    if (spec?.type === "text" && typeof v === "string" && v.trim() !== "") return v;
  }
  return def.name[lang];
}

// ---------------------------------------------------------------------------------------------
// Korean particles

/** Whether the word ends in a consonant sound (받침); undefined when that cannot be told. */
function finalConsonant(word: string): { has: boolean; rieul: boolean } | undefined {
  const s = word.replace(/["'”’)\]\s]+$/u, "");
  const ch = s.charCodeAt(s.length - 1);
  if (ch >= 0xac00 && ch <= 0xd7a3) {
    const jong = (ch - 0xac00) % 28;
    return { has: jong !== 0, rieul: jong === 8 };
  }
  // Digits read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
  if (ch >= 0x30 && ch <= 0x39) {
    const d = ch - 0x30;
    return { has: [0, 1, 3, 6, 7, 8].includes(d), rieul: d === 1 || d === 7 || d === 8 };
  }
  return undefined;
}

const PARTICLES = {
  "은/는": ["은", "는", "은(는)"],
  "이/가": ["이", "가", "이(가)"],
  "을/를": ["을", "를", "을(를)"],
  "과/와": ["과", "와", "과(와)"],
  "으로/로": ["으로", "로", "(으)로"],
} as const;

/**
 * `word` followed by the right form of a Korean particle; when the word's last sound cannot be
 * told (Latin letters), both forms, the usual Korean way: `"web"은(는)`.
 */
export function josa(word: string, particle: keyof typeof PARTICLES): string {
  const f = finalConsonant(word);
  const [withConsonant, withVowel, both] = PARTICLES[particle];
  if (f === undefined) return word + both;
  if (particle === "으로/로") return word + (f.has && !f.rieul ? withConsonant : withVowel);
  return word + (f.has ? withConsonant : withVowel);
}
