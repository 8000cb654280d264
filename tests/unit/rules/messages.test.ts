import { indexDocument } from "../../../src/domain/diagram.ts";
import {
  countProblems,
  problemMessage,
  problemsByNode,
  RULE_IDS,
  RULES,
  validate,
  type Problem,
  type RuleId,
} from "../../../src/domain/rules/index.ts";
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

  it("gives the Docker Desktop hint for an engine on an unsupported OS", () => {
    const p = problems.find((x) => x.rule === "engine/unsupported-kernel")!;
    expect(problemMessage(p, "en", d)).toContain("Docker Desktop runs a Linux VM");
    expect(problemMessage(p, "ko", d)).toContain("Docker Desktop");
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
        "ecs/container-outside-task",
        "fargate/managed-layers",
        "k8s/container-outside-pod",
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
