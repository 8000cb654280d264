/**
 * `one-server-many-functions` — one physical server hosting several functional servers: the web,
 * mail and DB functions come from software installed on one Linux.
 */
import type { StackDocument } from "../domain/document.ts";
import { L, TemplateBuilder, type Lang } from "./builder.ts";

export function buildOneServerManyFunctions(lang: Lang): StackDocument {
  const b = new TemplateBuilder(lang);
  const host = b.node(
    "host",
    "physical-host",
    null,
    L("Physical server", "물리 서버"),
    { arch: "x86_64" },
    L(
      "A physical server is a real machine that exists somewhere; one physical server can host several functional servers at once.",
      "물리적 컴퓨터로서의 서버는 어딘가에 실제로 존재하는 기계다. 하나의 물리적 서버는 여러 개의 기능적 서버를 함께 둘 수 있다.",
    ),
  );
  const linux = b.node(
    "linux",
    "kernel",
    host,
    L("Linux (Ubuntu)", "리눅스 (Ubuntu)"),
    { family: "linux", distro: "Ubuntu" },
    L(
      "Servers mostly run Linux; most server software is for Linux.",
      "서버의 운영체제로는 주로 리눅스가 사용되며, 서버용 소프트웨어도 리눅스용이 대다수다.",
    ),
  );
  const fromSoftware = L(
    "Server functions come from software: installing it gives the machine that function.",
    "서버의 기능은 소프트웨어가 제공한다. 소프트웨어를 설치하면 서버의 기능을 갖게 된다.",
  );
  b.node(
    "web",
    "server-app",
    linux,
    L("Web server (nginx)", "웹 서버 (nginx)"),
    { role: "web", product: "nginx", ports: [80] },
    fromSoftware,
  );
  b.node(
    "mail",
    "server-app",
    linux,
    L("Mail server (Postfix)", "메일 서버 (Postfix)"),
    { role: "mail", product: "Postfix", ports: [25] },
    fromSoftware,
  );
  b.node(
    "db",
    "server-app",
    linux,
    L("DB server (PostgreSQL)", "DB 서버 (PostgreSQL)"),
    { role: "db", product: "PostgreSQL", ports: [5432] },
    fromSoftware,
  );
  return b.build(L("One physical server, several functional servers", "하나의 물리 서버, 여러 기능적 서버"));
}
