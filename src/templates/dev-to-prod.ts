/**
 * `dev-to-prod` — containers move freely: the same `app:1.0` container on a developer's macOS
 * laptop (inside Docker Desktop's Linux VM) and on a production Ubuntu server.
 */
import type { StackDocument } from "../domain/document.ts";
import { bandLayout } from "./bands.ts";
import { L, TemplateBuilder, type Lang } from "./builder.ts";

export function buildDevToProd(lang: Lang): StackDocument {
  const b = new TemplateBuilder(lang);
  const moves = L(
    "As long as Docker is installed, a container moves between machines regardless of their OS setup; differences between the development and production servers stop causing problems.",
    "도커만 설치돼 있으면 운영체제가 달라도 컨테이너를 옮길 수 있어, 운영 서버와 개발 서버의 환경 차이로 인한 문제를 원천적으로 방지할 수 있다.",
  );

  const laptop = b.node("laptop", "physical-host", null, L("Developer laptop", "개발자 노트북"));
  const macos = b.node(
    "laptop-macos",
    "kernel",
    laptop,
    L("macOS", "macOS"),
    { family: "bsd", distro: "macOS" },
    L(
      "macOS is BSD-family; Docker needs a Linux kernel, so Docker Desktop runs one in a VM.",
      "macOS는 BSD 계열이다. 도커는 리눅스 커널이 필요하므로 Docker Desktop이 VM 안에서 리눅스를 실행한다.",
    ),
  );
  const hv = b.node(
    "laptop-hypervisor",
    "hypervisor",
    macos,
    L("Docker Desktop (type 2)", "Docker Desktop (타입 2)"),
    {
      hypervisorType: "type2",
      product: "Docker Desktop",
    },
  );
  const vm = b.node("laptop-vm", "vm", hv, L("Docker Desktop VM", "Docker Desktop VM"));
  const linux = b.node("laptop-linux", "kernel", vm, L("Linux", "리눅스"), { family: "linux" });
  const devDocker = b.node("laptop-docker", "container-engine", linux, L("Docker Engine", "Docker Engine"), {
    product: "docker",
  });
  const dev = b.node(
    "dev-app",
    "container",
    devDocker,
    L("app:1.0", "app:1.0"),
    { image: "app:1.0", ports: [{ host: 8080, container: 8080 }] },
    L(
      "Development: the developer builds and runs app:1.0.",
      "개발 환경: 개발자가 app:1.0을 만들고 실행한다.",
    ),
  );

  const server = b.node("prod-server", "physical-host", null, L("Production server", "운영 서버"), {
    arch: "x86_64",
  });
  const ubuntu = b.node("prod-ubuntu", "kernel", server, L("Ubuntu", "Ubuntu"), {
    family: "linux",
    distro: "Ubuntu",
  });
  const prodDocker = b.node("prod-docker", "container-engine", ubuntu, L("Docker Engine", "Docker Engine"), {
    product: "docker",
  });
  const prod = b.node(
    "prod-app",
    "container",
    prodDocker,
    L("app:1.0", "app:1.0"),
    { image: "app:1.0", ports: [{ host: 80, container: 8080 }] },
    moves,
  );

  b.edge("e-moves", "moves", dev, prod, L("same image", "같은 이미지"));
  const doc = b.build(L("Containers move freely", "자유로이 옮길 수 있는 컨테이너"));
  // Both machines on one baseline, each layer at one height (px above the machines' bottom):
  // the same container at the same height on both, so the move is one straight line; the
  // server's kernel spans what the laptop needs a VM for.
  const layer = { hw: 0, os: 54, hv: 108, vm: 162, linux: 216, engine: 270, ctr: 324 };
  return bandLayout(doc, {
    frame: null,
    columns: [laptop, server],
    bottoms: {
      [laptop]: layer.hw,
      [macos]: layer.os,
      [hv]: layer.hv,
      [vm]: layer.vm,
      [linux]: layer.linux,
      [devDocker]: layer.engine,
      [dev]: layer.ctr,
      [server]: layer.hw,
      [ubuntu]: layer.os,
      [prodDocker]: layer.engine,
      [prod]: layer.ctr,
    },
  });
}
