/**
 * `server-os-families` — the notes' table of server operating systems: a group per OS family
 * (Windows family; Unix family with Linux, BSD and Solaris inside) holding one kernel per
 * distribution, with the right `family` and `distro`.
 *
 * Why a physical server under every kernel: a kernel is an OS that a machine boots, so a kernel
 * that sits straight in a group has no machine under it (`kernel/placement`), and one machine
 * boots one kernel (`machine/multiple-bases`). Each distribution therefore gets its own small
 * "server" box — the table's "server distributions" column read literally — rather than a VM,
 * which would need a hypervisor or a cloud that the table does not have.
 *
 * Layout: twelve servers in one row would be ~2,300 px wide, so inside each OS group the servers
 * are hand-placed in rows that follow the table: Linux in its three rows of two (Red Hat/CentOS,
 * Debian/Ubuntu, SUSE/openSUSE), BSD and Solaris as columns.
 */
import type { StackDocument } from "../domain/document.ts";
import type { Localized } from "../domain/kinds/props.ts";
import { L, TemplateBuilder, placeRows, type Lang } from "./builder.ts";

interface Distro {
  id: string;
  distro: string;
  family: "linux" | "windows" | "bsd" | "solaris";
  label?: Localized;
  notes?: Localized;
}

export function buildServerOsFamilies(lang: Lang): StackDocument {
  const b = new TemplateBuilder(lang);
  const server = L("Server", "서버");
  const addServers = (group: string, distros: readonly Distro[]) => {
    for (const d of distros) {
      const host = b.node(`${d.id}-server`, "physical-host", group, server, { arch: "x86_64" });
      b.node(
        d.id,
        "kernel",
        host,
        d.label ?? L(d.distro, d.distro),
        { family: d.family, distro: d.distro },
        d.notes,
      );
    }
  };

  const windows = b.node(
    "windows-family",
    "group",
    null,
    L("Windows family", "윈도우 계열"),
    {},
    L(
      "Windows has server editions too, but a small share.",
      "윈도우도 서버용 버전이 따로 있지만 점유율이 낮다.",
    ),
  );
  addServers(windows, [{ id: "windows-server", distro: "Windows Server", family: "windows" }]);

  const unix = b.node(
    "unix-family",
    "group",
    null,
    L("Unix family", "유닉스 계열"),
    {},
    L(
      "Server operating systems are mostly Linux or other Unix-family systems.",
      "서버용 운영체제로는 리눅스 또는 유닉스 계열을 주로 사용한다.",
    ),
  );
  const linux = b.node(
    "linux",
    "group",
    unix,
    L("Linux", "리눅스"),
    {},
    L("Most server software is for Linux.", "서버용 소프트웨어도 리눅스용 소프트웨어가 대다수를 차지한다."),
  );
  const linuxRows: Distro[][] = [
    [
      { id: "red-hat", distro: "Red Hat", family: "linux" },
      { id: "centos", distro: "CentOS", family: "linux" },
    ],
    [
      { id: "debian", distro: "Debian", family: "linux" },
      { id: "ubuntu", distro: "Ubuntu", family: "linux" },
    ],
    [
      { id: "suse", distro: "SUSE", family: "linux" },
      { id: "opensuse", distro: "openSUSE", family: "linux" },
    ],
  ];
  addServers(linux, linuxRows.flat());
  const bsd = b.node("bsd", "group", unix, L("BSD", "BSD"));
  const bsdList: Distro[] = [
    { id: "macos", distro: "macOS", family: "bsd" },
    { id: "freebsd", distro: "FreeBSD", family: "bsd" },
    { id: "netbsd", distro: "NetBSD", family: "bsd" },
  ];
  addServers(bsd, bsdList);
  const solaris = b.node("solaris", "group", unix, L("Solaris", "솔라리스"));
  const solarisList: Distro[] = [
    { id: "solaris-kernel", distro: "Solaris", family: "solaris" },
    { id: "opensolaris", distro: "OpenSolaris", family: "solaris" },
  ];
  addServers(solaris, solarisList);

  let doc = b.build(L("Server operating systems", "서버 운영체제"));
  const hostsOf = (ds: readonly Distro[]) => ds.map((d) => `${d.id}-server`);
  doc = placeRows(doc, linux, linuxRows.map(hostsOf));
  doc = placeRows(
    doc,
    bsd,
    hostsOf(bsdList).map((id) => [id]),
  );
  doc = placeRows(
    doc,
    solaris,
    hostsOf(solarisList).map((id) => [id]),
  );
  return doc;
}
