import { TEMPLATES, COMMON_MISTAKES, templateById, type TemplateInfo } from "../../../src/templates/index.ts";
import { validate } from "../../../src/domain/rules/index.ts";
import { completeGeometry } from "../../../src/domain/geometry.ts";
import { indexDocument, ancestorsOf, descendantsOf } from "../../../src/domain/diagram.ts";
import { LAYOUT, contentInsets, estimateTextWidth } from "../../../src/domain/layout/index.ts";
import type { StackDocument, StackNode } from "../../../src/domain/document.ts";

const LANGS = ["en", "ko"] as const;
const HANGUL = /[\uac00-\ud7a3]/;
const ORDER = [
  "ecs-docker",
  "vm-vs-container",
  "one-server-many-functions",
  "web-servers-in-containers",
  "ec2-docker-host",
  "ecs-vs-eks",
  "dev-to-prod",
  "server-os-families",
  "common-mistakes",
];
const MISTAKE_RULES = [
  "container/kernel-mismatch",
  "container/own-kernel",
  "vm/needs-hypervisor",
  "network/port-conflict",
  "engine/unsupported-kernel",
  "container/needs-engine",
];

const notesOf = (n: StackNode): string | undefined =>
  typeof n.props?.notes === "string" ? n.props.notes : undefined;

/** Root bounding box of a laid-out document. */
function extent(doc: StackDocument): { width: number; height: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of doc.nodes) {
    if (n.parentId != null) continue;
    minX = Math.min(minX, n.position!.x);
    minY = Math.min(minY, n.position!.y);
    maxX = Math.max(maxX, n.position!.x + n.size!.width);
    maxY = Math.max(maxY, n.position!.y + n.size!.height);
  }
  return { width: maxX - minX, height: maxY - minY };
}

function overlaps(a: StackNode, b: StackNode): boolean {
  const pa = a.position!;
  const pb = b.position!;
  const sa = a.size!;
  const sb = b.size!;
  return (
    pa.x < pb.x + sb.width && pb.x < pa.x + sa.width && pa.y < pb.y + sb.height && pb.y < pa.y + sa.height
  );
}

it("lists the nine templates in the order of templates.md, each found by id", () => {
  expect(TEMPLATES.map((t) => t.id)).toEqual(ORDER);
  for (const t of TEMPLATES) expect(templateById(t.id)).toBe(t);
  expect(templateById("nope")).toBeUndefined();
});

describe.each(TEMPLATES.map((t) => [t.id, t] as [string, TemplateInfo]))("%s", (id, tpl) => {
  const docs = { en: tpl.build("en"), ko: tpl.build("ko") };

  it("is a Stackdraw document of the current version (2) with a title in each language", () => {
    for (const lang of LANGS) {
      expect(docs[lang].format).toBe("stackdraw");
      expect(docs[lang].version).toBe(2);
      expect(docs[lang].title).toBeTruthy();
    }
    expect(docs.en.title).not.toBe(docs.ko.title);
    expect(docs.ko.title).toMatch(HANGUL);
  });

  it("has a name and a one-line description in both languages", () => {
    for (const text of [tpl.name, tpl.description]) {
      expect(text.en.length).toBeGreaterThan(0);
      expect(text.ko).toMatch(HANGUL);
      expect(text.en).not.toMatch(/\n/);
      expect(text.ko).not.toMatch(/\n/);
    }
  });

  it("has unique ids, the same in both languages, with the same tree and edges", () => {
    for (const lang of LANGS) {
      const ids = [...docs[lang].nodes.map((n) => n.id), ...docs[lang].edges.map((e) => e.id)];
      expect(new Set(ids).size).toBe(ids.length);
    }
    const shape = (d: StackDocument) => ({
      nodes: d.nodes.map((n) => [n.id, n.kind, n.parentId ?? null]),
      edges: d.edges.map((e) => [e.id, e.kind, e.source, e.target]),
    });
    expect(shape(docs.ko)).toEqual(shape(docs.en));
  });

  it("labels every node in both languages; Korean text is in Korean unless it is a proper name", () => {
    docs.en.nodes.forEach((en, i) => {
      const ko = docs.ko.nodes[i]!;
      expect(en.label, en.id).toBeTruthy();
      expect(ko.label, ko.id).toBeTruthy();
      if (ko.label !== en.label) expect(ko.label, ko.id).toMatch(HANGUL);
      const kn = notesOf(ko);
      expect(kn === undefined).toBe(notesOf(en) === undefined);
      if (kn !== undefined) expect(kn, ko.id).toMatch(HANGUL);
    });
  });

  it("lays out with every child inside its parent's content area, siblings apart, within 1,300 × 1,000 px", () => {
    for (const lang of LANGS) {
      const laid = completeGeometry(docs[lang]);
      const ix = indexDocument(laid);
      for (const n of laid.nodes) {
        expect(n.position, n.id).toBeDefined();
        expect(n.size, n.id).toBeDefined();
        const kids = (ix.children.get(n.id) ?? []).map((k) => ix.byId.get(k)!);
        const ins = contentInsets(n.kind);
        for (const k of kids) {
          expect(k.position!.x, k.id).toBeGreaterThanOrEqual(ins.left);
          expect(k.position!.y, k.id).toBeGreaterThanOrEqual(ins.top);
          expect(k.position!.x + k.size!.width, k.id).toBeLessThanOrEqual(n.size!.width - ins.right);
          expect(k.position!.y + k.size!.height, k.id).toBeLessThanOrEqual(n.size!.height - ins.bottom);
        }
        for (let i = 0; i < kids.length; i++)
          for (let j = i + 1; j < kids.length; j++)
            expect(overlaps(kids[i]!, kids[j]!), `${kids[i]!.id} / ${kids[j]!.id}`).toBe(false);
      }
      for (let i = 0; i < ix.roots.length; i++)
        for (let j = i + 1; j < ix.roots.length; j++)
          expect(overlaps(ix.roots[i]!, ix.roots[j]!), `${ix.roots[i]!.id} / ${ix.roots[j]!.id}`).toBe(false);
      const { width, height } = extent(laid);
      expect(width, `${lang} width`).toBeLessThanOrEqual(1300);
      expect(height, `${lang} height`).toBeLessThanOrEqual(1000);
    }
  });

  it("keeps every label short enough to show unelided", () => {
    for (const lang of LANGS) {
      for (const n of completeGeometry(docs[lang]).nodes) {
        const room = Math.min(n.size!.width, LAYOUT.maxLabelBoxWidth) - 2 * LAYOUT.textInset;
        expect(
          estimateTextWidth(n.label!, LAYOUT.fontSize.label),
          `${lang} ${n.id} "${n.label}"`,
        ).toBeLessThanOrEqual(room);
      }
    }
  });

  if (id !== "common-mistakes") {
    it("validates with no errors and no warnings", () => {
      for (const lang of LANGS) expect(validate(docs[lang])).toEqual([]);
    });
  }
});

describe("common-mistakes", () => {
  it("shows each of the six mistakes exactly once, inside the frame that names it, and nothing else", () => {
    for (const lang of LANGS) {
      const doc = templateById("common-mistakes")!.build(lang);
      const problems = validate(doc);
      expect(problems.map((p) => p.rule).sort()).toEqual([...MISTAKE_RULES].sort());
      expect(COMMON_MISTAKES.map((m) => m.rule).sort()).toEqual([...MISTAKE_RULES].sort());
      const ix = indexDocument(doc);
      for (const p of problems) {
        const frames = doc.nodes.filter((n) => n.parentId == null && notesOf(n)?.includes(p.rule));
        expect(frames, p.rule).toHaveLength(1);
        const frame = frames[0]!;
        expect(COMMON_MISTAKES.find((m) => m.rule === p.rule)?.frameId).toBe(frame.id);
        expect(frame.label).toBeTruthy();
        expect(
          ancestorsOf(ix, p.nodeIds[0]!).map((a) => a.id),
          p.rule,
        ).toContain(frame.id);
        // Every node the problem names lies in that frame too.
        const inside = new Set(descendantsOf(ix, frame.id));
        for (const nid of p.nodeIds) expect(inside.has(nid), `${p.rule} ${nid}`).toBe(true);
      }
    }
  });
});

describe("who manages what", () => {
  it("opens ecs-docker and ecs-vs-eks with the managedBy overlay", () => {
    for (const id of ["ecs-docker", "ecs-vs-eks"])
      for (const lang of LANGS) expect(templateById(id)!.build(lang).view?.overlay).toBe("managedBy");
  });

  it("ecs-docker: AWS runs the hardware, the hypervisor and Fargate; the user runs the EC2 instance and all on it", () => {
    const doc = templateById("ecs-docker")!.build("en");
    const ix = indexDocument(doc);
    const managed = (nid: string) => ix.context.get(nid)!.managedBy;
    const byKind = (kind: StackNode["kind"]) => doc.nodes.filter((n) => n.kind === kind);
    const vm = ix.byId.get("ec2-vm")!;
    const host =
      ix.context.get(vm.id)!.platform!.kind === "hypervisor"
        ? ix.context.get(ix.context.get(vm.id)!.platform!.id)!.platform!
        : undefined;
    expect(host?.kind).toBe("physical-host");
    expect(managed(host!.id)).toBe("provider");
    expect(managed(ix.context.get(vm.id)!.platform!.id)).toBe("provider");
    expect(ix.context.get(vm.id)!.platform!.props?.product).toBe("Nitro");
    for (const f of byKind("fargate")) expect(managed(f.id)).toBe("provider");
    expect(byKind("fargate")).toHaveLength(1);
    expect(managed(vm.id)).toBe("user");
    const onVm = descendantsOf(ix, vm.id);
    expect(onVm.length).toBeGreaterThanOrEqual(4);
    for (const d of onVm) expect(managed(d), d).toBe("user");
    // The EC2 instance was launched from an AMI.
    const launched = doc.edges.find((e) => e.kind === "launched-from" && e.source === vm.id);
    expect(ix.byId.get(launched!.target)?.props?.imageType).toBe("ami");
  });

  it("ecs-vs-eks: AWS runs the control plane, the user the worker nodes", () => {
    const doc = templateById("ecs-vs-eks")!.build("en");
    const ix = indexDocument(doc);
    for (const n of doc.nodes) {
      const m = ix.context.get(n.id)!.managedBy;
      if (n.kind === "control-plane" || n.kind === "fargate") expect(m, n.id).toBe("provider");
      if (n.kind === "vm" || n.kind === "pod" || n.kind === "ecs-task") expect(m, n.id).toBe("user");
    }
  });
});
