/**
 * Problem messages in English and Korean, side by side per rule (the type requires both). Each
 * explains the reason in the notes' terms, gives a hint where one helps (by OS family for the
 * engines), and ends with the notes' section it comes from. A message is written from the problem
 * alone; a document (or its index), when given, turns node ids into the labels the user sees — a
 * node's id appears only when two nodes named in one message would read the same.
 */
import { EDGE_KIND_DEFS, isEdgeKind, isKind, KIND_DEFS } from "../kinds/catalog.ts";
import type { Lang } from "../kinds/props.ts";
import { RULES } from "./defs.ts";
import {
  displayName,
  ENGINE_NAMES,
  FAMILY_NAMES,
  josa,
  KIND_NOUNS,
  nodeLookup,
  type NameSource,
} from "./names.ts";
import { isRuleId, type Problem, type RuleId } from "./types.ts";
import type { StackNode } from "../document.ts";
import { isolate } from "../bidi.ts";

/** The params that name nodes (by id), besides `nodeIds`. */
const NODE_PARAMS = [
  "platform",
  "container",
  "kernel",
  "ancestor",
  "namespace",
  "fargate",
  "cluster",
  "source",
  "beside",
] as const;

/** What a message template gets: the problem and ways to name what it mentions. */
class Words {
  /** Ids of the nodes this message names whose names read the same as another's. */
  private readonly clashes: ReadonlySet<string>;

  constructor(
    readonly p: Problem,
    readonly lang: Lang,
    private readonly nodes: ReadonlyMap<string, StackNode> | undefined,
  ) {
    const named = new Map<string, string>();
    const ids = new Set<string>(p.nodeIds);
    for (const k of NODE_PARAMS) {
      const v = p.params[k];
      if (typeof v === "string" && v !== "") ids.add(v);
    }
    const clashes = new Set<string>();
    if (nodes !== undefined) {
      const byName = new Map<string, string>();
      for (const id of ids) {
        const n = nodes.get(id);
        if (n === undefined) continue;
        const name = displayName(n, lang);
        named.set(id, name);
        const other = byName.get(name);
        if (other !== undefined) {
          clashes.add(other);
          clashes.add(id);
        } else byName.set(name, id);
      }
    }
    this.clashes = clashes;
  }

  /** A string param ("" when absent). */
  s(key: string): string {
    const v = this.p.params[key];
    return v === undefined ? "" : String(v);
  }

  /** Whether a param is set. */
  has(key: string): boolean {
    return this.p.params[key] !== undefined && this.p.params[key] !== "";
  }

  /**
   * A node as `[adjective] kind-noun "name"`; the quoted name is left out when the node has none
   * of its own (no label, no key prop), since repeating the kind's name says nothing, and its id
   * follows in parentheses when another node of this message has the same name.
   * `kindHint` names the kind when the node cannot be looked up (no document given).
   */
  ref(id: string | undefined, kindHint?: string, adjective?: string): string {
    if (id === undefined || id === "") return "";
    const node = this.nodes?.get(id);
    const kind = node?.kind ?? kindHint;
    const noun = kind !== undefined && isKind(kind) ? KIND_NOUNS[kind][this.lang] : undefined;
    // The person's text inside our sentence: isolated, so a right-to-left label or a U+202E in it
    // cannot reorder the message around it (domain/bidi.ts).
    const name = isolate(node ? displayName(node, this.lang) : id);
    const named = node === undefined || !isKind(node.kind) || name !== KIND_DEFS[node.kind].name[this.lang];
    const head = adjective ? (noun ? `${adjective} ${noun}` : adjective) : noun;
    const tag = this.clashes.has(id) ? ` (${id})` : "";
    if (head === undefined) return `"${name}"${tag}`;
    return named ? `${head} "${name}"${tag}` : `${head}${tag}`;
  }

  /** {@link ref} with the definite article English needs ("the kernel "Ubuntu""); Korean has none. */
  the(id: string | undefined, kindHint?: string, adjective?: string): string {
    const r = this.ref(id, kindHint, adjective);
    return this.lang === "en" && r !== "" ? `the ${r}` : r;
  }

  /** Several nodes; when two would read the same (say, two unnamed kernels), their ids tell them apart. */
  many(ids: readonly string[], article: boolean): string[] {
    return ids.map((id) => (article ? this.the(id) : this.ref(id)));
  }

  /** The node the problem is about (the first of nodeIds). */
  subject(kindHint: string, adjective?: string): string {
    return this.the(this.p.nodeIds[0], kindHint, adjective);
  }

  /** The platform named by the `platform`/`platformKind` params, "" when there is none. */
  platform(): string {
    return this.the(this.s("platform") || undefined, this.s("platformKind") || undefined);
  }

  family(key: string): string {
    return FAMILY_NAMES[this.s(key)]?.[this.lang] ?? this.s(key);
  }

  /** Korean particle after a word. */
  j(word: string, particle: Parameters<typeof josa>[1]): string {
    return josa(word, particle);
  }
}

type Template = (w: Words) => string;

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "sits on the kernel "x"" / "sits on no platform". */
const enSitsOn = (w: Words): string => (w.platform() ? `sits on ${w.platform()}` : "sits on nothing");
/** "커널 "x" 위에 놓여 있습니다" preceded by what it is not. */
const koSitsOn = (w: Words, notWhat: string): string =>
  w.platform()
    ? `${notWhat} 아닌 ${w.platform()} 위에 놓여 있습니다`
    : `${notWhat} 아닌 빈 곳(최상위)에 놓여 있습니다`;

const enPlacement = (what: string, w: Words): string => {
  const why = w.s("reason");
  const noCluster = `is not inside ${what}`;
  const wrongPlatform = `${enSitsOn(w)}, not on a container engine or Fargate`;
  return why === "cluster"
    ? noCluster
    : why === "platform"
      ? wrongPlatform
      : `${noCluster} and ${wrongPlatform}`;
};
const koPlacement = (what: string, w: Words): string => {
  const why = w.s("reason");
  const noCluster = `${what} 안에 있지 않습니다`;
  const wrongPlatform = koSitsOn(w, "컨테이너 엔진이나 Fargate가");
  return why === "cluster"
    ? noCluster
    : why === "platform"
      ? wrongPlatform
      : `${what} 안에 있지 않고, ${wrongPlatform}`;
};

const enList = (items: string[]): string =>
  items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

/** "A와(과) B이(가)", "A, B, C이(가) 모두" — the particle goes on the last item. */
const koList = (items: string[], particle: Parameters<typeof josa>[1]): string =>
  items.length === 2
    ? `${josa(items[0]!, "과/와")} ${josa(items[1]!, particle)}`
    : `${josa(items.join(", "), particle)}${items.length > 2 ? " 모두" : ""}`;

const engineName = (w: Words): string => ENGINE_NAMES[w.s("product")] ?? w.s("product");

/** `engine/unsupported-kernel`'s hint, by the kernel's family (and the product on Windows). */
const UNSUPPORTED_HINTS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  macos: {
    en: "On a Mac, Docker Desktop (or `podman machine`) runs a Linux VM — draw that VM with its Linux kernel and put the engine on it",
    ko: "Mac에서는 Docker Desktop(또는 `podman machine`)이 리눅스 가상 머신을 실행하므로, 그 가상 머신과 리눅스 커널을 그리고 엔진을 그 위에 두세요",
  },
  "windows-podman": {
    en: "On Windows, `podman machine` runs a Linux VM in WSL 2 — draw that VM with its Linux kernel and put Podman on it",
    ko: "윈도우에서는 `podman machine`이 WSL 2 안에 리눅스 가상 머신을 실행하므로, 그 가상 머신과 리눅스 커널을 그리고 Podman을 그 위에 두세요",
  },
  windows: {
    en: "On Windows, Docker Desktop runs a Linux VM in WSL 2 — draw that VM with its Linux kernel and put the engine on it",
    ko: "윈도우에서는 Docker Desktop이 WSL 2 안에 리눅스 가상 머신을 실행하므로, 그 가상 머신과 리눅스 커널을 그리고 엔진을 그 위에 두세요",
  },
  other: {
    en: "On this OS, run a Linux VM — draw it with its Linux kernel and put the engine on it",
    ko: "이 운영체제에서는 리눅스 가상 머신을 실행해 그 가상 머신과 리눅스 커널을 그리고 엔진을 그 위에 두세요",
  },
};

/** Each rule's message in both languages, side by side: the type requires both for every rule. */
const MESSAGES: { readonly [R in RuleId]: Readonly<Record<Lang, Template>> } = {
  "container/needs-engine": {
    en: (w) =>
      `${cap(w.subject("container"))} ${enSitsOn(w)}, not on a container engine: containers run on a container engine such as Docker (or on Fargate), which gives each an isolated environment at the application level`,
    ko: (w) =>
      `${w.j(w.subject("container"), "이/가")} ${koSitsOn(w, "컨테이너 엔진이")}. 컨테이너는 도커 같은 컨테이너 엔진(또는 Fargate) 위에서 실행되며, 엔진이 애플리케이션 수준에서 격리된 환경을 제공합니다`,
  },
  "container/kernel-mismatch": {
    en: (w) => {
      const hint =
        w.s("os") === "linux" && w.s("family") === "windows"
          ? ". Hint: Docker Desktop runs Linux containers in a WSL 2 VM — draw that VM with its Linux kernel and put the engine on it"
          : "";
      return `${cap(w.subject("container", w.family("os")))} cannot run on ${w.the(w.p.nodeIds[1], "kernel", w.family("family"))}: containers share their host's kernel, so they cannot run a different OS${hint}`;
    },
    ko: (w) => {
      const hint =
        w.s("os") === "linux" && w.s("family") === "windows"
          ? ". 힌트: Docker Desktop은 리눅스 컨테이너를 WSL 2 가상 머신에서 실행하므로, 그 가상 머신과 리눅스 커널을 그리고 엔진을 그 위에 두세요"
          : "";
      return `${w.j(w.subject("container", w.family("os")), "은/는")} ${w.ref(w.p.nodeIds[1], "kernel", w.family("family"))} 위에서 실행할 수 없습니다. 컨테이너는 호스트의 커널을 공유하므로 다른 운영체제를 실행할 수 없습니다${hint}`;
    },
  },
  "container/own-kernel": {
    en: (w) =>
      `${cap(w.subject("kernel"))} is drawn inside ${w.the(w.s("container"), w.s("containerKind"))}: a container has no kernel of its own — several containers share the host operating system's kernel. Put the kernel under the container engine, use a virtual machine if a separate OS is needed, or set the container's isolation to a microVM (Kata, Firecracker) or Hyper-V if that is what it runs in`,
    ko: (w) =>
      `${w.j(w.subject("kernel"), "이/가")} ${w.ref(w.s("container"), w.s("containerKind"))} 안에 그려져 있습니다. 컨테이너에는 자신만의 커널이 없고, 여러 컨테이너가 호스트 운영체제의 커널을 공유합니다. 커널을 컨테이너 엔진 아래로 옮기거나, 별도의 운영체제가 필요하다면 가상 머신을 쓰세요. 마이크로VM(Kata, Firecracker)이나 Hyper-V 격리로 실행한다면 컨테이너의 격리 방식을 그렇게 설정하세요`,
  },
  "engine/needs-kernel": {
    en: (w) =>
      w.has("beside")
        ? `${cap(w.subject("container-engine"))} stands beside ${w.the(w.s("beside"))} on ${w.platform()}, not on it: an engine such as Docker is installed on the operating system — put it on the kernel`
        : `${cap(w.subject("container-engine"))} ${enSitsOn(w)}, not on an operating system: an engine such as Docker is installed on an OS — on an EC2 instance, for example, whose OS then makes it a Docker host`,
    ko: (w) =>
      w.has("beside")
        ? `${w.j(w.subject("container-engine"), "이/가")} ${w.platform()}에서 ${w.ref(w.s("beside"))} 위가 아니라 그 옆에 놓여 있습니다. 도커 같은 엔진은 운영체제 위에 설치하므로 커널 위에 두세요`
        : `${w.j(w.subject("container-engine"), "이/가")} ${koSitsOn(w, "운영체제가")}. 도커 같은 엔진은 운영체제 위에 설치합니다. 예를 들어 EC2 인스턴스에 도커를 설치하면 그 인스턴스가 도커 호스트가 됩니다`,
  },
  "engine/nested": {
    en: (w) =>
      `${cap(w.subject("container-engine"))} runs inside ${w.platform()}: Docker-in-Docker works, but the outer container must run privileged, and the inner engine shares the outer host's kernel — its containers run on that kernel too`,
    ko: (w) =>
      `${w.j(w.subject("container-engine"), "이/가")} ${w.platform()} 안에서 실행됩니다. 도커 안의 도커(Docker-in-Docker)는 가능하지만 바깥 컨테이너를 특권(privileged) 모드로 실행해야 하고, 안쪽 엔진도 바깥 호스트의 커널을 공유하므로 그 컨테이너들도 같은 커널 위에서 실행됩니다`,
  },
  "stack/os-not-drawn": {
    en: (w) =>
      `${cap(w.subject(w.s("kind") || "container-engine"))} sits right on ${w.platform()}, whose operating system is not drawn: ${w.s("kind") === "server-app" ? "server software" : "an engine"} is installed on an OS, so the OS is implied here — draw the kernel, so that what runs on it can be checked against it`,
    ko: (w) =>
      `${w.j(w.subject(w.s("kind") || "container-engine"), "이/가")} 운영체제가 그려지지 않은 ${w.platform()} 위에 바로 놓여 있습니다. ${w.s("kind") === "server-app" ? "서버 소프트웨어는" : "엔진은"} 운영체제 위에 설치하므로 여기서는 운영체제가 생략된 것입니다. 그 위에서 실행되는 것을 운영체제와 맞춰 확인할 수 있도록 커널을 그리세요`,
  },
  "engine/unsupported-kernel": {
    en: (w) => {
      const linuxOnly = w.s("supported") === "linux";
      const hint = UNSUPPORTED_HINTS[w.s("hint")] ?? UNSUPPORTED_HINTS.other!;
      return `${cap(w.subject("container-engine"))} cannot run on ${w.the(w.s("kernel"), "kernel", w.family("family"))}: ${engineName(w)} needs a ${linuxOnly ? "Linux" : "Linux or Windows"} kernel, because it runs ${linuxOnly ? "Linux containers" : "Linux containers (and Windows containers on Windows)"} on the host's own kernel. Hint: ${hint.en}`;
    },
    ko: (w) => {
      const linuxOnly = w.s("supported") === "linux";
      const hint = UNSUPPORTED_HINTS[w.s("hint")] ?? UNSUPPORTED_HINTS.other!;
      return `${w.j(w.subject("container-engine"), "은/는")} ${w.ref(w.s("kernel"), "kernel", w.family("family"))} 위에서 실행할 수 없습니다. ${w.j(engineName(w), "은/는")} ${linuxOnly ? "리눅스" : "리눅스나 윈도우"} 커널에서만 동작합니다. 호스트의 커널 위에서 ${linuxOnly ? "리눅스 컨테이너를" : "리눅스 컨테이너(윈도우에서는 윈도우 컨테이너)를"} 실행하기 때문입니다. 힌트: ${hint.ko}`;
    },
  },
  "vm/needs-hypervisor": {
    en: (w) =>
      `${cap(w.subject("vm"))} ${enSitsOn(w)}, not on a hypervisor: virtualization runs whole operating systems through a hypervisor on a physical server. Put it on a hypervisor — or, when AWS supplies it, mark it as an EC2 instance or draw it in a cloud, ECS or EKS frame (EC2 is virtualization too)`,
    ko: (w) =>
      `${w.j(w.subject("vm"), "이/가")} ${koSitsOn(w, "하이퍼바이저가")}. 가상화는 물리 서버 위의 하이퍼바이저를 통해 운영체제 전체를 가상화합니다. 하이퍼바이저 위에 두거나, AWS가 공급하는 것이라면 EC2 인스턴스로 표시하거나 클라우드, ECS, EKS 틀 안에 그리세요(EC2도 가상화입니다)`,
  },
  "vm/no-guest-os": {
    en: (w) =>
      `${cap(w.subject("vm"))} has no operating system: each VM has its own operating system and kernel — add a kernel on it`,
    ko: (w) =>
      `${w.subject("vm")}에 운영체제가 없습니다. 가상 머신마다 자체 운영체제와 커널을 가지므로, 그 위에 커널을 추가하세요`,
  },
  "machine/multiple-bases": {
    en: (w) => {
      const hint = w.has("osHypervisor")
        ? ". KVM and Hyper-V are part of their operating system: draw the hypervisor on its kernel (KVM on Linux, Hyper-V on Windows)"
        : "";
      return `${cap(w.subject("physical-host"))} has ${enList(w.many(w.p.nodeIds.slice(1), true))} booting on it: one machine boots one kernel (or one bare-metal hypervisor). To run several operating systems at once, give each its own virtual machine on a hypervisor${hint}`;
    },
    ko: (w) => {
      const hint = w.has("osHypervisor")
        ? ". KVM과 Hyper-V는 운영체제의 일부이므로 하이퍼바이저를 그 커널 위에 그리세요(KVM은 리눅스, Hyper-V는 윈도우 위)"
        : "";
      return `${w.subject("physical-host")} 위에서 ${koList(w.many(w.p.nodeIds.slice(1), false), "이/가")} 함께 부팅하도록 그려져 있습니다. 한 기계는 커널 하나(또는 베어 메탈 하이퍼바이저 하나)만 부팅합니다. 여러 운영체제를 동시에 실행하려면 하이퍼바이저 위에 운영체제마다 가상 머신을 두세요${hint}`;
    },
  },
  "hypervisor/placement": {
    en: (w) =>
      w.s("hypervisorType") === "type2"
        ? `${cap(w.subject("hypervisor", "type 2"))} ${enSitsOn(w)}, not on an operating system: a hosted hypervisor such as VirtualBox runs on an OS kernel (a type 1 hypervisor runs directly on a physical server)`
        : w.has("product")
          ? `${cap(w.subject("hypervisor", "type 1"))} ${enSitsOn(w)}: ${w.s("product") === "kvm" ? "KVM is part of Linux, so it runs on a Linux kernel" : "Hyper-V is part of Windows, so it runs on a Windows kernel"} (or directly on a physical server)`
          : `${cap(w.subject("hypervisor", "type 1"))} ${enSitsOn(w)}, not on a physical server: a bare-metal hypervisor runs directly on a physical server (a hosted, type 2 one runs on an OS kernel; KVM runs on Linux and Hyper-V on Windows)`,
    ko: (w) =>
      w.s("hypervisorType") === "type2"
        ? `${w.j(w.subject("hypervisor", "타입 2"), "이/가")} ${koSitsOn(w, "운영체제가")}. VirtualBox 같은 호스트형 하이퍼바이저는 운영체제 커널 위에서 동작합니다(타입 1은 물리 서버 위에서 직접 동작합니다)`
        : w.has("product")
          ? `${w.j(w.subject("hypervisor", "타입 1"), "이/가")} ${w.platform() || "빈 곳(최상위)"} 위에 놓여 있습니다. ${w.s("product") === "kvm" ? "KVM은 리눅스의 일부이므로 리눅스 커널 위에서 동작합니다" : "Hyper-V는 윈도우의 일부이므로 윈도우 커널 위에서 동작합니다"}(또는 물리 서버 위에서 직접 동작합니다)`
          : `${w.j(w.subject("hypervisor", "타입 1"), "이/가")} ${koSitsOn(w, "물리 서버가")}. 베어 메탈 하이퍼바이저는 물리 서버 위에서 직접 동작합니다(호스트형인 타입 2는 운영체제 커널 위에서, KVM은 리눅스, Hyper-V는 윈도우 위에서 동작합니다)`,
  },
  "hypervisor/nested": {
    en: (w) =>
      `${cap(w.subject("hypervisor", "type 1"))} runs inside ${w.platform()}: a bare-metal hypervisor in a virtual machine works only when the hypervisor under that VM has nested virtualization enabled`,
    ko: (w) =>
      `${w.j(w.subject("hypervisor", "타입 1"), "이/가")} ${w.platform()} 안에서 실행됩니다. 가상 머신 안의 베어 메탈 하이퍼바이저는 그 가상 머신을 실행하는 하이퍼바이저에서 중첩 가상화를 켜야만 동작합니다`,
  },
  "kernel/placement": {
    en: (w) =>
      `${cap(w.subject("kernel"))} ${enSitsOn(w)}, not on a machine: an operating system runs on a physical server or a virtual machine, each VM with its own OS and kernel`,
    ko: (w) =>
      `${w.j(w.subject("kernel"), "이/가")} ${koSitsOn(w, "물리 서버나 가상 머신이")}. 운영체제는 물리 서버나 가상 머신 위에서 실행되며, 가상 머신마다 자체 운영체제와 커널을 가집니다`,
  },
  "host/placement": {
    en: (w) =>
      `${cap(w.subject("physical-host"))} is drawn inside ${w.the(w.s("ancestor"), w.s("ancestorKind"))}: a physical server is a real machine that exists somewhere, so nothing virtual or running can contain it`,
    ko: (w) =>
      `${w.j(w.subject("physical-host"), "이/가")} ${w.ref(w.s("ancestor"), w.s("ancestorKind"))} 안에 그려져 있습니다. 물리 서버는 어딘가에 실제로 존재하는 기계이므로, 가상의 계층이나 실행 중인 것 안에 들어갈 수 없습니다`,
  },
  "kernel/distro-family": {
    en: (w) =>
      `${cap(w.subject("kernel"))} is marked ${w.family("family")}, but ${w.s("distro")} is a ${w.family("distroFamily")} system: set its OS family to ${w.family("distroFamily")}`,
    ko: (w) =>
      `${w.subject("kernel")}의 운영체제 계열이 ${w.j(w.family("family"), "으로/로")} 되어 있지만 ${w.j(w.s("distro"), "은/는")} ${w.family("distroFamily")} 계열입니다. 운영체제 계열을 ${w.j(w.family("distroFamily"), "으로/로")} 바꾸세요`,
  },
  "app/placement": {
    en: (w) =>
      w.has("beside")
        ? `${cap(w.subject("server-app"))} stands beside ${w.the(w.s("beside"))} on ${w.platform()}, not on it: a server function comes from software installed on the operating system — put it on the kernel`
        : `${cap(w.subject("server-app"))} ${enSitsOn(w)}, not on an operating system or in a container: a server function comes from software installed on an OS — put it on a kernel or in a container`,
    ko: (w) =>
      w.has("beside")
        ? `${w.j(w.subject("server-app"), "이/가")} ${w.platform()}에서 ${w.ref(w.s("beside"))} 위가 아니라 그 옆에 놓여 있습니다. 서버의 기능은 운영체제에 설치한 소프트웨어가 제공하므로 커널 위에 두세요`
        : `${w.j(w.subject("server-app"), "이/가")} ${koSitsOn(w, "운영체제나 컨테이너가")}. 서버의 기능은 운영체제에 설치한 소프트웨어가 제공하므로, 커널 위나 컨테이너 안에 두세요`,
  },
  "network/port-conflict": {
    en: (w) => {
      const ports = w.s("ports");
      const port = `${ports.includes(",") ? "ports" : "port"} ${ports}`;
      const where = w.the(w.s("namespace"), w.s("namespaceKind"));
      if (w.p.nodeIds.length === 1)
        return w.has("replicated")
          ? `${cap(w.subject("container"))} runs several replicas that each bind ${port} in ${where}: copies on one host cannot share a published port — publish it from one copy only, or put a load balancer in front`
          : `${cap(w.subject("container"))} binds ${port} twice in ${where}: two mappings of one container cannot publish the same host port on the same address — give one of them another host port`;
      const who = w.many(w.p.nodeIds, true);
      return `${cap(enList(who))} ${who.length > 2 ? "all" : "both"} listen on ${port} in ${where}: normally one server can run only one web server, since two programs cannot take the same port; containers make several possible — give each its own container, or publish a different host port`;
    },
    ko: (w) => {
      const where = w.ref(w.s("namespace"), w.s("namespaceKind"));
      if (w.p.nodeIds.length === 1)
        return w.has("replicated")
          ? `${w.j(w.subject("container"), "은/는")} 복제본마다 ${where} 안에서 포트 ${w.j(w.s("ports"), "을/를")} 엽니다. 한 호스트의 복제본들은 게시한 포트를 함께 쓸 수 없으니, 한 복제본에서만 게시하거나 앞에 로드 밸런서를 두세요`
          : `${w.j(w.subject("container"), "이/가")} ${where} 안에서 포트 ${w.j(w.s("ports"), "을/를")} 두 번 엽니다. 한 컨테이너의 두 매핑이 같은 주소의 같은 호스트 포트를 게시할 수는 없으니, 하나를 다른 호스트 포트로 바꾸세요`;
      const who = w.many(w.p.nodeIds, false);
      return `${koList(who, "이/가")} ${where} 안에서 같은 포트 ${w.j(w.s("ports"), "을/를")} 사용합니다. 일반적으로 서버 한 대에서는 웹 서버를 하나만 실행할 수 있습니다(두 프로그램이 같은 포트를 쓸 수 없기 때문입니다). 컨테이너를 이용하면 여러 개를 함께 실행할 수 있으니, 각각을 컨테이너에 넣거나 다른 호스트 포트로 게시하세요`;
    },
  },
  "arch/mismatch": {
    en: (w) =>
      `${cap(w.subject("container"))} is built for ${w.s("arch")}, but the hardware under it is ${w.s("hardwareArch")}: containers move freely between machines with the same kind of CPU; on another it would need emulation`,
    ko: (w) =>
      `${w.j(w.subject("container"), "은/는")} ${w.s("arch")}용으로 빌드되었지만 그 아래 하드웨어는 ${w.s("hardwareArch")}입니다. 컨테이너는 같은 종류의 CPU를 가진 기계 사이에서 자유롭게 옮길 수 있으며, 다른 CPU에서는 에뮬레이션이 필요합니다`,
  },
  "fargate/placement": {
    en: (w) =>
      w.has("cluster")
        ? `${cap(w.subject("fargate"))} is in ${w.the(w.s("cluster"), "k8s-cluster")}, which is not Amazon EKS: Fargate is how ECS and EKS run containers serverless — a self-managed Kubernetes cluster cannot use it`
        : `${cap(w.subject("fargate"))} is not inside an ECS or EKS cluster: Fargate is how ECS (and EKS) run containers serverless, so it belongs in a cluster`,
    ko: (w) =>
      w.has("cluster")
        ? `${w.j(w.subject("fargate"), "이/가")} Amazon EKS가 아닌 ${w.ref(w.s("cluster"), "k8s-cluster")} 안에 있습니다. Fargate는 ECS와 EKS가 컨테이너를 서버리스로 실행하는 방식이므로, 직접 관리하는 쿠버네티스 클러스터에서는 쓸 수 없습니다`
        : `${w.j(w.subject("fargate"), "이/가")} ECS나 EKS 클러스터 안에 있지 않습니다. Fargate는 ECS(와 EKS)가 컨테이너를 서버리스로 실행하는 방식이므로 클러스터 안에 두어야 합니다`,
  },
  "fargate/windows-on-eks": {
    en: (w) =>
      `${cap(w.subject("container", "Windows"))} runs on ${w.the(w.s("fargate"), "fargate")} in ${w.the(w.s("cluster"), "k8s-cluster")}: EKS on Fargate runs Linux pods only — run Windows containers on Windows worker nodes, or on ECS with Fargate`,
    ko: (w) =>
      `${w.j(w.subject("container", "윈도우"), "이/가")} ${w.ref(w.s("cluster"), "k8s-cluster")}의 ${w.ref(w.s("fargate"), "fargate")} 위에서 실행됩니다. EKS의 Fargate는 리눅스 파드만 실행하므로, 윈도우 컨테이너는 윈도우 워커 노드나 ECS의 Fargate에서 실행하세요`,
  },
  "fargate/managed-layers": {
    en: (w) =>
      `${cap(w.subject(w.s("kind")))} is drawn under ${w.the(w.s("fargate"), "fargate")}: with Fargate, AWS supplies and manages the servers, VMs, kernel and engine — they still exist, but you do not manage them. If you draw it on purpose, mark it as managed by the provider`,
    ko: (w) =>
      `${w.j(w.subject(w.s("kind")), "이/가")} ${w.ref(w.s("fargate"), "fargate")} 아래에 그려져 있습니다. Fargate를 쓰면 서버, 가상 머신, 커널, 엔진을 AWS가 공급하고 관리합니다. 서버가 없는 것은 아니지만 사용자가 직접 관리하지 않습니다. 일부러 그린 것이라면 제공자가 관리하는 계층으로 표시하세요`,
  },
  "ecs/task-placement": {
    en: (w) =>
      `${cap(w.subject("ecs-task"))} ${enPlacement("an ECS cluster", w)}: ECS runs container images as tasks in a cluster, on the container engine of its instances or on Fargate`,
    ko: (w) =>
      `${w.j(w.subject("ecs-task"), "이/가")} ${koPlacement("ECS 클러스터", w)}. ECS는 클러스터 안에서 컨테이너 이미지를 태스크로 실행하며, 태스크는 인스턴스의 컨테이너 엔진이나 Fargate 위에서 동작합니다`,
  },
  "ecs/container-outside-task": {
    en: (w) =>
      `${cap(w.subject("container"))} is in ${w.the(w.s("cluster"), "ecs-cluster")} but not in a task: ECS runs containers as tasks, from a task definition — put it in an ECS task`,
    ko: (w) =>
      `${w.j(w.subject("container"), "이/가")} ${w.ref(w.s("cluster"), "ecs-cluster")} 안에 있지만 태스크에 속해 있지 않습니다. ECS는 컨테이너를 태스크 정의에 따라 태스크로 실행하므로, ECS 태스크 안에 두세요`,
  },
  "k8s/pod-placement": {
    en: (w) =>
      `${cap(w.subject("pod"))} ${enPlacement("a Kubernetes cluster", w)}: Kubernetes runs containers in pods, inside a cluster, on worker nodes' container engines or on Fargate`,
    ko: (w) =>
      `${w.j(w.subject("pod"), "이/가")} ${koPlacement("쿠버네티스 클러스터", w)}. 쿠버네티스는 클러스터 안에서 컨테이너를 파드로 실행하며, 파드는 워커 노드의 컨테이너 엔진이나 Fargate 위에서 동작합니다`,
  },
  "k8s/container-outside-pod": {
    en: (w) =>
      `${cap(w.subject("container"))} is in ${w.the(w.s("cluster"), "k8s-cluster")} but not in a pod: Kubernetes runs containers in pods on its worker nodes — put it in a pod`,
    ko: (w) =>
      `${w.j(w.subject("container"), "이/가")} ${w.ref(w.s("cluster"), "k8s-cluster")} 안에 있지만 파드에 속해 있지 않습니다. 쿠버네티스는 워커 노드에서 컨테이너를 파드 단위로 실행하므로, 파드 안에 두세요`,
  },
  "k8s/control-plane-placement": {
    en: (w) =>
      `${cap(w.subject("control-plane"))} is not inside a Kubernetes cluster: a control plane runs a Kubernetes cluster (in EKS, AWS manages it), so it belongs inside one`,
    ko: (w) =>
      `${w.j(w.subject("control-plane"), "이/가")} 쿠버네티스 클러스터 안에 있지 않습니다. 컨트롤 플레인은 쿠버네티스 클러스터를 운영하는 부분이므로(EKS에서는 AWS가 관리합니다) 클러스터 안에 두어야 합니다`,
  },
  "edge/endpoints": {
    en: (w) => {
      const kind = w.s("edgeKind");
      const name = isEdgeKind(kind) ? EDGE_KIND_DEFS[kind].name.en : kind;
      const from = w.the(w.p.nodeIds[0]);
      const to = w.the(w.p.nodeIds[1] ?? w.p.nodeIds[0]);
      const why: Record<string, string> = {
        network: "network connections join running things, not images or registries",
        pulls: "a container, ECS task, pod or container engine pulls a container image, or from a registry",
        "launched-from":
          "a virtual machine (or a bare-metal server, such as an EC2 .metal instance) is launched from a machine image",
        moves: "a move joins a container to the same container on another host",
        mounts: "a container or a pod mounts a volume",
        routes: "a Kubernetes Service (or Ingress) routes to pods, containers or other Services",
      };
      const image =
        w.s("imageType") === "ami"
          ? " — an AMI is a machine image that EC2 instances are created from, not a container image"
          : w.s("imageType") === "container"
            ? " — a container image runs as a container, not as a virtual machine"
            : "";
      return `A "${name}" connection cannot go from ${from} to ${to}: ${why[kind] ?? "this connection kind does not join these kinds"}${image}`;
    },
    ko: (w) => {
      const kind = w.s("edgeKind");
      const name = isEdgeKind(kind) ? EDGE_KIND_DEFS[kind].name.ko : kind;
      const from = w.ref(w.p.nodeIds[0]);
      const to = w.ref(w.p.nodeIds[1] ?? w.p.nodeIds[0]);
      const why: Record<string, string> = {
        network: "네트워크 연결은 실행 중인 것끼리만 이을 수 있고, 이미지나 레지스트리는 이을 수 없습니다",
        pulls:
          "이미지를 가져오는 것은 컨테이너, ECS 태스크, 파드, 컨테이너 엔진이며, 컨테이너 이미지나 레지스트리에서 가져옵니다",
        "launched-from":
          "머신 이미지로 시작하는 것은 가상 머신(또는 EC2 .metal 인스턴스 같은 베어 메탈 서버)입니다",
        moves: "이동은 한 컨테이너를 다른 호스트의 같은 컨테이너로 잇습니다",
        mounts: "볼륨을 마운트하는 것은 컨테이너나 파드입니다",
        routes: "쿠버네티스 서비스(또는 인그레스)는 파드, 컨테이너, 다른 서비스로 트래픽을 보냅니다",
      };
      const image =
        w.s("imageType") === "ami"
          ? ". AMI는 EC2 인스턴스를 만드는 머신 이미지이지 컨테이너 이미지가 아닙니다"
          : w.s("imageType") === "container"
            ? ". 컨테이너 이미지는 컨테이너로 실행하는 것이지 가상 머신을 만드는 이미지가 아닙니다"
            : "";
      return `${from}에서 ${w.j(to, "으로/로")} "${name}" 연결을 이을 수 없습니다. ${why[kind] ?? "이 연결 종류로는 두 노드를 이을 수 없습니다"}${image}`;
    },
  },
  "container/moved-image": {
    en: (w) =>
      `${cap(w.subject("container"))} runs image "${w.s("image")}", but ${w.the(w.s("source"), "container")} it moved from runs "${w.s("sourceImage")}": a moved container keeps its image — that is what lets it move freely between machines`,
    ko: (w) =>
      `${w.j(w.subject("container"), "은/는")} 이미지 "${w.s("image")}"을(를) 실행하지만, 옮겨 오기 전의 ${w.j(w.ref(w.s("source"), "container"), "은/는")} "${w.s("sourceImage")}"을(를) 실행합니다. 컨테이너는 이미지를 그대로 가지고 옮겨지기 때문에 어느 기계에서든 자유롭게 옮겨 실행할 수 있습니다`,
  },
  "document/unused-suppression": {
    en: (w) => {
      const keys = w.s("rules").split(", ");
      const unknown = keys.filter((k) => !isRuleId(k));
      const listed = enList(keys.map((k) => `"${k}"`));
      const note =
        unknown.length > 0
          ? ` (${enList(unknown.map((k) => `"${k}"`))} ${unknown.length > 1 ? "are" : "is"} not a rule id)`
          : "";
      return `${cap(w.subject(w.s("kind")))} suppresses ${listed}, but no such problem is reported for it${note}: remove the suppression, so that it cannot hide a problem that comes later unseen`;
    },
    ko: (w) => {
      const keys = w.s("rules").split(", ");
      const unknown = keys.filter((k) => !isRuleId(k));
      const listed = keys.map((k) => `"${k}"`).join(", ");
      const note =
        unknown.length > 0
          ? `(${w.j(unknown.map((k) => `"${k}"`).join(", "), "은/는")} 규칙 ID가 아닙니다)`
          : "";
      return `${w.j(w.subject(w.s("kind")), "은/는")} ${w.j(listed, "을/를")} 억제하지만 그런 문제가 보고되지 않습니다${note}. 나중에 생길 문제를 모르게 가리지 않도록 이 억제 설정을 지우세요`;
    },
  },
};

/**
 * The message of a problem in `lang`: what is wrong, why in the notes' terms, and the notes'
 * section in parentheses. `names` (the validated document or its index) lets it name nodes by
 * their labels; without it, nodes are named by id.
 */
export function problemMessage(p: Problem, lang: Lang, names?: NameSource): string {
  const def = RULES[p.rule];
  const w = new Words(p, lang, nodeLookup(names));
  const body = MESSAGES[p.rule][lang](w);
  return `${body} (${def.section[lang]}).`;
}
