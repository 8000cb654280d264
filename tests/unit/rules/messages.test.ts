import { indexDocument } from "../../../src/domain/diagram.ts";
import {
  countProblems,
  problemsByNode,
  RULE_IDS,
  RULES,
  validate,
  type Problem,
  type RuleId,
} from "../../../src/domain/rules/index.ts";
import { problemMessage } from "../../../src/domain/rules/messages.ts";
import {
  app,
  cloud,
  container,
  controlPlane,
  doc,
  docker,
  ecsCluster,
  ecsTask,
  edge,
  engine,
  fargate,
  host,
  hypervisor,
  image,
  k8sCluster,
  kernel,
  pod,
  vm,
} from "./builders.ts";

/** One document in which every rule fires at least once. */
function everything() {
  const c1 = container({ image: "app:1" }).as("c1");
  const c2 = container({ image: "app:2" }).as("c2");
  return doc(
    host()
      .as("h")
      .named("Rack 1")
      .with(
        kernel("linux", { distro: "FreeBSD" })
          .as("k")
          .with(
            docker().with(
              c1,
              container({ os: "windows", arch: "arm64" }).as("win").named("web").with(kernel().as("inner")),
            ),
            engine("podman").as("pm"),
            app([80]).as("a1").named("nginx"),
            app([80]).as("a2"),
            ecsTask().as("t"),
            pod().as("p"),
            container().as("on-kernel"),
          ),
        kernel().as("k2"),
      ),
    host().with(kernel().with(docker().with(c2))),
    host().with(docker().as("e"), vm().as("bare"), hypervisor("type2").as("hv2"), app().as("stray")),
    engine().as("root-engine"),
    app().as("root-app").suppressing("no/such-rule", "copied by mistake"),
    host().with(kernel().with(docker().with(container().as("dind").with(docker().as("inner-engine"))))),
    host().with(hypervisor().with(vm().with(hypervisor().as("nested-hv").with(vm().with(kernel()))))),
    k8sCluster("eks").with(fargate().with(pod().with(container({ os: "windows" }).as("win-pod")))),
    host().with(hypervisor().with(kernel().as("onhv"), vm().with(host().as("inner-host")))),
    host().with(kernel("bsd").with(docker().as("bsd-docker"))),
    cloud().with(fargate().as("f"), controlPlane().as("cp")),
    ecsCluster().with(
      fargate().with(vm().as("managed").with(kernel())),
      vm().with(kernel().with(docker().with(container().as("loose")))),
    ),
    k8sCluster().with(vm().with(kernel().with(docker().with(container().as("loose-k8s"))))),
    image("ami").as("ami"),
    { edges: [edge("pulls", c1, "ami", "bad-edge"), edge("moves", c1, c2, "move")] },
  );
}

describe("problem messages", () => {
  const d = everything();
  const problems = validate(d);

  it("the test document exercises every rule", () => {
    expect([...new Set(problems.map((p) => p.rule))].sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(RULE_IDS.map((r) => [r] as [RuleId]))(
    "%s: both languages explain it and cite the notes' section",
    (rule) => {
      const p = problems.find((x) => x.rule === rule)!;
      const en = problemMessage(p, "en", d);
      const ko = problemMessage(p, "ko", d);
      expect(en.length).toBeGreaterThan(40);
      expect(en.endsWith(`(${RULES[rule].section.en}).`)).toBe(true);
      expect(ko).toMatch(/[\uac00-\ud7a3]/u);
      expect(ko.endsWith(`(${RULES[rule].section.ko}).`)).toBe(true);
      expect(en).not.toMatch(/undefined|\[object|NaN/);
      expect(ko).not.toMatch(/undefined|\[object|NaN/);
      // Without a document the ids stand in for labels, and the message still reads.
      expect(problemMessage(p, "en")).toContain(`"${p.nodeIds[0]}"`);
      // An index names nodes as well as the document does.
      expect(problemMessage(p, "en", indexDocument(d))).toBe(en);
    },
  );

  it("reads as the notes put it, with labels and the right Korean particles", () => {
    const p = problems.find((x) => x.rule === "container/kernel-mismatch")!;
    expect(problemMessage(p, "en", d)).toBe(
      'The Windows container "web" cannot run on the Linux kernel "FreeBSD": containers share their host\'s kernel, so they cannot run a different OS (Study additions: containers vs virtualization).',
    );
    expect(problemMessage(p, "ko", d)).toBe(
      '윈도우 컨테이너 "web"은(는) 리눅스 커널 "FreeBSD" 위에서 실행할 수 없습니다. 컨테이너는 호스트의 커널을 공유하므로 다른 운영체제를 실행할 수 없습니다 (스터디 추가 내용 — 컨테이너 VS 가상화).',
    );
    const multi = problems.find((x) => x.rule === "machine/multiple-bases")!;
    expect(problemMessage(multi, "ko", d)).toContain('물리 서버 "Rack 1" 위에서');
  });

  it("gives a hint by OS family for an engine on an unsupported OS", () => {
    const hintFor = (k: ReturnType<typeof kernel>, e = docker()) => {
      const p = validate(doc(host().with(k.with(e)))).find((x) => x.rule === "engine/unsupported-kernel")!;
      return [problemMessage(p, "en"), problemMessage(p, "ko")];
    };
    const [mac, macKo] = hintFor(kernel("bsd", { distro: "macOS" }));
    expect(mac).toContain("On a Mac, Docker Desktop (or `podman machine`) runs a Linux VM");
    expect(macKo).toContain("Mac에서는 Docker Desktop");
    const [win, winKo] = hintFor(kernel("windows"), engine("podman"));
    expect(win).toContain("`podman machine` runs a Linux VM in WSL 2");
    expect(winKo).toContain("WSL 2");
    const [bsd] = hintFor(kernel("bsd", { distro: "FreeBSD" }));
    expect(bsd).toContain("On this OS, run a Linux VM");
    expect(bsd).not.toContain("Docker Desktop");
  });

  it("hints at WSL 2 for a Linux container on a Windows kernel", () => {
    const p = validate(doc(host().with(kernel("windows").with(docker().with(container()))))).find(
      (x) => x.rule === "container/kernel-mismatch",
    )!;
    expect(problemMessage(p, "en")).toContain("Docker Desktop runs Linux containers in a WSL 2 VM");
    expect(problemMessage(p, "ko")).toContain("WSL 2");
    const win = validate(doc(host().with(kernel().with(docker().with(container({ os: "windows" })))))).find(
      (x) => x.rule === "container/kernel-mismatch",
    )!;
    expect(problemMessage(win, "en")).not.toContain("WSL 2");
  });

  it("hints that KVM and Hyper-V belong on their OS when one is a second base", () => {
    const d2 = doc(
      host()
        .as("h")
        .with(kernel(), hypervisor("type1", { product: "KVM" })),
    );
    const p = validate(d2).find((x) => x.rule === "machine/multiple-bases")!;
    expect(problemMessage(p, "en", d2)).toContain("KVM on Linux, Hyper-V on Windows");
    expect(problemMessage(p, "ko", d2)).toContain("KVM은 리눅스");
  });

  it("names nodes by label, and adds ids only when two named nodes share a label", () => {
    const d2 = doc(
      host().with(
        kernel("linux")
          .as("k")
          .named("web")
          .with(docker().with(container({ os: "windows" }).as("c").named("web"))),
      ),
      host().with(
        kernel("linux")
          .as("k2")
          .named("Ubuntu")
          .with(docker().with(container({ os: "windows" }).as("c2").named("web"))),
      ),
    );
    const [same, other] = validate(d2).filter((x) => x.rule === "container/kernel-mismatch");
    expect(problemMessage(same!, "en", d2)).toMatch(
      /^The Windows container "web" \(c\) cannot run on the Linux kernel "web" \(k\)/,
    );
    expect(problemMessage(other!, "en", d2)).toMatch(
      /^The Windows container "web" cannot run on the Linux kernel "Ubuntu":/,
    );
    expect(problemMessage(other!, "en", d2)).not.toContain("(c2)");
  });

  it("says a replicated or doubly published port binds twice, naming the one container", () => {
    const d2 = doc(
      host().with(
        kernel().with(
          docker().with(
            container({ replicas: 3, ports: [{ host: 8080, container: 80 }] }).named("web"),
            container({
              ports: [
                { host: 5000, container: 5000 },
                { host: 5000, container: 5001 },
              ],
            }).named("api"),
          ),
        ),
      ),
    );
    const [web, api] = validate(d2).filter((x) => x.rule === "network/port-conflict");
    expect(problemMessage(web!, "en", d2)).toMatch(
      /^The container "web" runs several replicas that each bind port 8080\/tcp/,
    );
    expect(problemMessage(api!, "en", d2)).toMatch(/^The container "api" binds port 5000\/tcp twice/);
    expect(problemMessage(api!, "ko", d2)).toContain("두 번");
  });

  it("names the unknown keys of an unused suppression", () => {
    const p = problems.find((x) => x.rule === "document/unused-suppression")!;
    expect(problemMessage(p, "en", d)).toContain(
      'suppresses "no/such-rule", but no such problem is reported for it ("no/such-rule" is not a rule id)',
    );
    expect(problemMessage(p, "ko", d)).toContain("규칙 ID가 아닙니다");
  });

  it("names both listeners and the port of a conflict", () => {
    const p = problems.find((x) => x.rule === "network/port-conflict")!;
    expect(p.nodeIds).toEqual(["a1", "a2"]);
    expect(problemMessage(p, "en", d)).toMatch(
      /^The server software "nginx" and the server software both listen on port 80\/tcp/,
    );
  });
});

describe("rule catalog", () => {
  it("has one definition per id, with titles and sections in both languages", () => {
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      const r = RULES[id];
      expect(r.id).toBe(id);
      expect(r.title.en && r.section.en).toBeTruthy();
      expect(r.title.ko + r.section.ko).toMatch(/[\uac00-\ud7a3]/u);
    }
  });
  it("gives the severities of rules.md", () => {
    const warnings = RULE_IDS.filter((id) => RULES[id].severity === "warning").sort();
    expect(warnings).toEqual(
      [
        "arch/mismatch",
        "container/moved-image",
        "document/unused-suppression",
        "ecs/container-outside-task",
        "engine/nested",
        "fargate/managed-layers",
        "hypervisor/nested",
        "k8s/container-outside-pod",
        "stack/os-not-drawn",
        "vm/no-guest-os",
      ].sort(),
    );
  });
});

describe("problemsByNode and countProblems", () => {
  it("lists a problem under each node it names and counts by severity", () => {
    const d = doc(host().as("h").with(kernel().as("k1"), kernel().as("k2")), vm().as("v"));
    const problems: Problem[] = validate(d);
    const byNode = problemsByNode(problems);
    expect(byNode.get("k1")!.map((p) => p.rule)).toEqual(["machine/multiple-bases"]);
    expect(byNode.get("h")).toEqual(byNode.get("k2"));
    expect(byNode.get("v")!.map((p) => p.rule)).toEqual(["vm/needs-hypervisor", "vm/no-guest-os"]);
    expect(countProblems(problems)).toEqual({ errors: 2, warnings: 1 });
  });
});
