/**
 * `vm-vs-container` — virtualization (left: a hypervisor and three VMs, each with its own kernel)
 * against containers (right: one kernel shared by three containers).
 *
 * Layout: the left side is ~700 px wide, so the right side cannot also hold a server-app inside
 * each container and still fit the 1280-px canvas beside it. Each container is therefore the app
 * itself (its label and image name it), and the two sides get hand positions 24 px apart
 * (the default gap between root trees is 48 px, which would push the figure just past 1,300 px).
 */
import type { StackDocument } from "../domain/document.ts";
import { L, TemplateBuilder, placeRows, type Lang } from "./builder.ts";

export function buildVmVsContainer(lang: Lang): StackDocument {
  const b = new TemplateBuilder(lang);

  // Left: virtualization.
  const vHost = b.node(
    "vm-side-host",
    "physical-host",
    null,
    L("Virtualization server", "가상화 서버"),
    { arch: "x86_64" },
    L(
      "Virtualization uses a hypervisor to virtualize whole operating systems on top of a physical server.",
      "가상화 기술은 하이퍼바이저를 통해 물리적인 서버 위에 운영체제 전체를 가상화하는 방식이다.",
    ),
  );
  const hv = b.node(
    "vm-side-hypervisor",
    "hypervisor",
    vHost,
    L("ESXi (type 1)", "ESXi (타입 1)"),
    { hypervisorType: "type1", product: "ESXi" },
    L("Examples: VMware, VirtualBox, Hyper-V.", "예시: VMware, VirtualBox, Hyper-V 등."),
  );
  const vms = [
    {
      n: 1,
      family: "linux",
      distro: "Ubuntu",
      app: L("nginx (web)", "nginx (웹)"),
      role: "web",
      product: "nginx",
      port: 80,
    },
    {
      n: 2,
      family: "windows",
      distro: "Windows Server",
      app: L("IIS (web)", "IIS (웹)"),
      role: "web",
      product: "IIS",
      port: 80,
    },
    {
      n: 3,
      family: "linux",
      distro: "CentOS",
      app: L("PostgreSQL (DB)", "PostgreSQL (DB)"),
      role: "db",
      product: "PostgreSQL",
      port: 5432,
    },
  ] as const;
  for (const v of vms) {
    const vm = b.node(
      `vm-side-vm${v.n}`,
      "vm",
      hv,
      L(`VM ${v.n}`, `가상 머신 ${v.n}`),
      {},
      v.n === 1
        ? L(
            "Each VM has its own operating system and kernel: a problem in one VM does not affect the others, but each runs a full OS (heavy, slow to boot).",
            "각 VM은 자체 운영 체제와 커널을 가진다. 한 VM의 문제는 다른 VM에 영향을 주지 않지만, 각자 운영체제 전체를 실행하므로 무겁고 부팅이 느리다.",
          )
        : undefined,
    );
    const k = b.node(`vm-side-kernel${v.n}`, "kernel", vm, L(v.distro, v.distro), {
      family: v.family,
      distro: v.distro,
    });
    b.node(`vm-side-app${v.n}`, "server-app", k, v.app, {
      role: v.role,
      product: v.product,
      ports: [v.port],
    });
  }

  // Right: containers.
  const cHost = b.node(
    "container-side-host",
    "physical-host",
    null,
    L("Container server", "컨테이너 서버"),
    { arch: "x86_64" },
    L(
      "Docker uses Linux containers to give an isolated environment at the application level.",
      "도커는 리눅스 컨테이너를 이용해 애플리케이션 레벨에서 격리된 환경을 제공한다.",
    ),
  );
  const k = b.node(
    "container-side-kernel",
    "kernel",
    cHost,
    L("Ubuntu (one shared kernel)", "Ubuntu (공유 커널 하나)"),
    { family: "linux", distro: "Ubuntu" },
    L(
      "Several containers share the host operating system's kernel — so they cannot run a different operating system.",
      "여러 컨테이너는 호스트 운영 체제의 커널을 공유한다. 그래서 서로 다른 운영 체제를 실행할 수 없다.",
    ),
  );
  const docker = b.node(
    "container-side-docker",
    "container-engine",
    k,
    L("Docker Engine", "Docker Engine"),
    { product: "docker" },
    L(
      "Containers are lightweight: many more fit on one host than VMs, and they start and stop in seconds.",
      "컨테이너는 가벼워서 VM보다 훨씬 많이 한 호스트에서 실행할 수 있고, 몇 초 만에 시작하고 종료된다.",
    ),
  );
  b.node("container-side-c1", "container", docker, L("nginx (web)", "nginx (웹)"), {
    image: "nginx:1.27",
    ports: [{ host: 80, container: 80 }],
  });
  b.node("container-side-c2", "container", docker, L("app (Node.js)", "앱 (Node.js)"), {
    image: "node:22",
    ports: [{ container: 3000 }],
  });
  b.node("container-side-c3", "container", docker, L("PostgreSQL (DB)", "PostgreSQL (DB)"), {
    image: "postgres:17",
    ports: [{ container: 5432 }],
  });

  const doc = b.build(L("Virtualization vs containers", "가상화 vs 컨테이너"));
  return placeRows(doc, null, [["vm-side-host", "container-side-host"]], 24);
}
