/**
 * `common-mistakes` — broken on purpose: six small stacks, each in a frame named after its
 * mistake, each showing exactly one problem (the frame's notes name the rule id), and nothing
 * else wrong anywhere. The frames are hand-placed in two rows of three so that the figure fits
 * the canvas (one row would be ~1,800 px wide).
 */
import type { StackDocument } from "../domain/document.ts";
import type { RuleId } from "../domain/rules/index.ts";
import { L, TemplateBuilder, placeRows, type Lang, type Localized } from "./builder.ts";

/** The rule each frame shows, by frame id, in the order they are drawn. */
export const COMMON_MISTAKES: readonly { frameId: string; rule: RuleId }[] = [
  { frameId: "mistake-kernel-mismatch", rule: "container/kernel-mismatch" },
  { frameId: "mistake-own-kernel", rule: "container/own-kernel" },
  { frameId: "mistake-needs-hypervisor", rule: "vm/needs-hypervisor" },
  { frameId: "mistake-port-conflict", rule: "network/port-conflict" },
  { frameId: "mistake-unsupported-kernel", rule: "engine/unsupported-kernel" },
  { frameId: "mistake-needs-engine", rule: "container/needs-engine" },
];

export function buildCommonMistakes(lang: Lang): StackDocument {
  const b = new TemplateBuilder(lang);
  const ubuntu = { family: "linux", distro: "Ubuntu" } as const;
  const frame = (id: string, rule: RuleId, label: Localized, why: Localized): string =>
    b.node(id, "group", null, label, {}, L(`Mistake (${rule}): ${why.en}`, `잘못된 예 (${rule}): ${why.ko}`));
  const server = L("Server", "서버");

  // container/kernel-mismatch
  let g = frame(
    "mistake-kernel-mismatch",
    "container/kernel-mismatch",
    L("Windows container on Linux", "리눅스 위의 윈도우 컨테이너"),
    L(
      "containers share the host kernel, so they cannot run a different operating system.",
      "컨테이너는 호스트 커널을 공유하므로 서로 다른 운영 체제를 실행할 수 없다.",
    ),
  );
  let h = b.node("km-host", "physical-host", g, server);
  let k = b.node("km-kernel", "kernel", h, L("Ubuntu", "Ubuntu"), ubuntu);
  let e = b.node("km-docker", "container-engine", k, L("Docker Engine", "Docker Engine"), {
    product: "docker",
  });
  b.node("km-container", "container", e, L("Windows container", "윈도우 컨테이너"), {
    os: "windows",
    image: "mcr.microsoft.com/windows/iis",
  });

  // container/own-kernel
  g = frame(
    "mistake-own-kernel",
    "container/own-kernel",
    L("Kernel inside a container", "컨테이너 안의 커널"),
    L(
      "several containers share the host OS's kernel; a container has none of its own.",
      "여러 컨테이너는 호스트 운영 체제의 커널을 공유한다. 컨테이너에는 자체 커널이 없다.",
    ),
  );
  h = b.node("ok-host", "physical-host", g, server);
  k = b.node("ok-kernel", "kernel", h, L("Ubuntu", "Ubuntu"), ubuntu);
  e = b.node("ok-docker", "container-engine", k, L("Docker Engine", "Docker Engine"), { product: "docker" });
  const c = b.node("ok-container", "container", e, L("Container", "컨테이너"), { image: "ubuntu:24.04" });
  b.node("ok-inner-kernel", "kernel", c, L("Its “own” kernel", "컨테이너의 “자체” 커널"), {
    family: "linux",
  });

  // vm/needs-hypervisor
  g = frame(
    "mistake-needs-hypervisor",
    "vm/needs-hypervisor",
    L("VM without a hypervisor", "하이퍼바이저 없는 가상 머신"),
    L(
      "virtualization runs whole operating systems through a hypervisor on a physical server.",
      "가상화는 하이퍼바이저를 통해 물리 서버 위에 운영체제 전체를 가상화한다.",
    ),
  );
  h = b.node("nh-host", "physical-host", g, server);
  const vm = b.node("nh-vm", "vm", h, L("VM", "가상 머신"));
  b.node("nh-kernel", "kernel", vm, L("Ubuntu", "Ubuntu"), ubuntu);

  // network/port-conflict
  g = frame(
    "mistake-port-conflict",
    "network/port-conflict",
    L("Two web servers on port 80", "80번 포트의 웹 서버 둘"),
    L(
      "normally one server computer can run only one web server; containers make several possible.",
      "일반적으로 한 대의 서버 컴퓨터에는 웹 서버를 한 벌밖에 실행하지 못한다. 컨테이너를 쓰면 여러 개를 올릴 수 있다.",
    ),
  );
  h = b.node("pc-host", "physical-host", g, server);
  k = b.node("pc-kernel", "kernel", h, L("Ubuntu", "Ubuntu"), ubuntu);
  b.node("pc-web1", "server-app", k, L("nginx :80", "nginx :80"), {
    role: "web",
    product: "nginx",
    ports: [80],
  });
  b.node("pc-web2", "server-app", k, L("nginx :80 (again)", "nginx :80 (하나 더)"), {
    role: "web",
    product: "nginx",
    ports: [80],
  });

  // engine/unsupported-kernel — no container on it: a Linux container there would add a
  // container/kernel-mismatch.
  g = frame(
    "mistake-unsupported-kernel",
    "engine/unsupported-kernel",
    L("Docker on FreeBSD", "FreeBSD 위의 도커"),
    L(
      "Docker uses Linux containers: it needs a Linux (or Windows) kernel.",
      "도커는 리눅스 컨테이너를 사용하므로 리눅스(또는 윈도우) 커널이 필요하다.",
    ),
  );
  h = b.node("uk-host", "physical-host", g, server);
  k = b.node("uk-kernel", "kernel", h, L("FreeBSD", "FreeBSD"), { family: "bsd", distro: "FreeBSD" });
  b.node("uk-docker", "container-engine", k, L("Docker Engine", "Docker Engine"), { product: "docker" });

  // container/needs-engine
  g = frame(
    "mistake-needs-engine",
    "container/needs-engine",
    L("Container without an engine", "엔진 없는 컨테이너"),
    L(
      "containers run on a container engine such as Docker, not straight on the OS.",
      "컨테이너는 운영체제 위에 바로가 아니라 도커 같은 컨테이너 엔진 위에서 실행된다.",
    ),
  );
  h = b.node("ne-host", "physical-host", g, server);
  k = b.node("ne-kernel", "kernel", h, L("Ubuntu", "Ubuntu"), ubuntu);
  b.node("ne-container", "container", k, L("Container", "컨테이너"), { image: "nginx:1.27" });

  const doc = b.build(L("Common mistakes", "흔한 실수"));
  const ids = COMMON_MISTAKES.map((m) => m.frameId);
  // Two rows close together (each mistake is its own frame), so the figure opens whole at a
  // readable size beside the problems panel on a laptop (docs/drawing.md §1.10).
  return placeRows(doc, null, [ids.slice(0, 3), ids.slice(3)], 24);
}
