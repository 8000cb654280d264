// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { FlowAdapter, fromFlowNode, type ViewState } from "../../src/canvas/adapter.ts";
import { derive } from "../../src/store/editor.ts";
import { updateNode } from "../../src/domain/edit.ts";
import type { StackDocument } from "../../src/domain/document.ts";
import { validate } from "../../src/domain/rules/index.ts";

const doc: StackDocument = {
  format: "stackdraw",
  version: 1,
  nodes: [
    // Children listed before parents on purpose.
    {
      id: "web",
      kind: "container",
      parentId: "docker",
      props: { image: "nginx", ports: [{ host: 8080, container: 80 }], custom: { keep: true } },
      position: { x: 12, y: 12 },
      size: { width: 160, height: 64 },
    },
    {
      id: "docker",
      kind: "container-engine",
      parentId: "linux",
      position: { x: 12, y: 12 },
      size: { width: 200, height: 140 },
    },
    {
      id: "linux",
      kind: "kernel",
      parentId: "host",
      label: "Ubuntu",
      props: { distro: "Ubuntu" },
      position: { x: 12, y: 12 },
      size: { width: 240, height: 220 },
    },
    {
      id: "host",
      kind: "physical-host",
      label: "Server",
      position: { x: 40, y: 30 },
      size: { width: 280, height: 300 },
    },
    { id: "__proto__", kind: "group", position: { x: 500, y: 0 }, size: { width: 200, height: 100 } },
  ],
  edges: [{ id: "e1", kind: "network", source: "web", target: "__proto__" }],
};

const view = (over: Partial<ViewState> = {}): ViewState => ({
  lang: "en",
  selected: new Set(),
  highlighted: new Set(),
  overlay: false,
  hint: null,
  hintMessage: null,
  renaming: null,
  far: false,
  ...over,
});

describe("document ↔ React Flow adapter", () => {
  it("round-trips every node, parent, position, size and prop", () => {
    const d = derive(doc, undefined, undefined, validate);
    const rf = new FlowAdapter().nodes(d.index, d.nodeProblems, view());
    expect(rf).toHaveLength(doc.nodes.length);
    // Parents come before their children (React Flow requires it).
    const seen = new Set<string>();
    for (const n of rf) {
      if (n.parentId) expect(seen.has(n.parentId)).toBe(true);
      seen.add(n.id);
    }
    for (const original of doc.nodes) {
      const n = rf.find((x) => x.id === original.id)!;
      const back = fromFlowNode(n);
      expect(back.parentId).toBe(original.parentId ?? null);
      expect(back.position).toEqual(original.position);
      expect(back.size).toEqual(original.size);
      expect(n.data.node).toBe(original);
      expect(n.data.node.props).toEqual(original.props);
    }
    expect(rf.find((n) => n.id === "linux")!.ariaLabel).toBe("Kernel (OS): Ubuntu");
  });

  it("keeps the identity of every unchanged node when one node changes", () => {
    const adapter = new FlowAdapter();
    const d1 = derive(doc, undefined, undefined, validate);
    const first = adapter.nodes(d1.index, d1.nodeProblems, view());
    const edited = updateNode(doc, "__proto__", { label: "Frame" });
    const d2 = derive(edited, d1.nodeProblems, undefined, validate);
    const second = adapter.nodes(d2.index, d2.nodeProblems, view());
    for (const n of second) {
      const before = first.find((x) => x.id === n.id)!;
      if (n.id === "__proto__") expect(n).not.toBe(before);
      else expect(n).toBe(before);
    }
  });

  it("gives a node a new object only when its problems, selection or overlay state change", () => {
    const adapter = new FlowAdapter();
    const d1 = derive(doc, undefined, undefined, validate);
    const first = adapter.nodes(d1.index, d1.nodeProblems, view());
    const windows = updateNode(doc, "web", { props: { os: "windows" } });
    const d2 = derive(windows, d1.nodeProblems, undefined, validate);
    const second = adapter.nodes(d2.index, d2.nodeProblems, view({ selected: new Set(["host"]) }));
    const changed = second
      .filter((n) => n !== first.find((x) => x.id === n.id))
      .map((n) => n.id)
      .sort();
    // web: its props and problems; linux: named by container/kernel-mismatch; host: selected.
    expect(changed).toEqual(["host", "linux", "web"]);
  });
});
