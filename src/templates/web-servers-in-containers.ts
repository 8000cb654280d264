/**
 * `web-servers-in-containers` — three nginx web servers on one machine, each in its own container
 * and published on its own host port, where three bare nginx processes would clash on port 80.
 */
import type { StackDocument } from "../domain/document.ts";
import { L, TemplateBuilder, type Lang } from "./builder.ts";

export function buildWebServersInContainers(lang: Lang): StackDocument {
  const b = new TemplateBuilder(lang);
  const host = b.node(
    "host",
    "physical-host",
    null,
    L("Physical server", "물리 서버"),
    { arch: "x86_64" },
    L(
      "Several web servers on one physical server means fewer physical servers, and lower cost.",
      "물리 서버 한 대에 여러 개의 웹 서버를 띄우면 물리 서버를 줄여 비용을 절감할 수 있다.",
    ),
  );
  const ubuntu = b.node(
    "ubuntu",
    "kernel",
    host,
    L("Ubuntu", "Ubuntu"),
    { family: "linux", distro: "Ubuntu" },
    L(
      "Normally one server computer can run only one web server: three bare nginx processes would all want port 80 here (network/port-conflict).",
      "일반적으로 한 대의 서버 컴퓨터에는 웹 서버를 한 벌밖에 실행하지 못한다. nginx 세 개를 그대로 띄우면 모두 80번 포트를 두고 충돌한다(network/port-conflict).",
    ),
  );
  const docker = b.node(
    "docker",
    "container-engine",
    ubuntu,
    L("Docker Engine", "Docker Engine"),
    { product: "docker" },
    L(
      "With containers, several web servers can run on one machine: each listens on port 80 inside its own container, published on a different host port.",
      "컨테이너 기술을 활용하면 여러 개의 웹 서버를 올릴 수 있다. 각자 자기 컨테이너 안의 80번 포트를 쓰고, 호스트에는 서로 다른 포트로 공개한다.",
    ),
  );
  for (const [i, port] of [8080, 8081, 8082].entries()) {
    b.node(`web${i + 1}`, "container", docker, L(`nginx :${port} → 80`, `nginx :${port} → 80`), {
      image: "nginx:1.27",
      ports: [{ host: port, container: 80 }],
    });
  }
  return b.build(L("Several web servers on one machine", "한 대의 서버에 여러 웹 서버"));
}
