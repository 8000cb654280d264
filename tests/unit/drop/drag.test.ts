/**
 * Dragging and dropping as src/domain/drag.ts does it for the canvas: into a parent, out onto the
 * canvas, never into itself or a descendant, a palette preset onto a node, several subtrees at
 * once, and the hint shown while hovering.
 */
import { describe, expect, it } from "vitest";
import { container, doc, docker, group, host, kernel } from "../rules/builders.ts";
import {
  dropNodes,
  judgeNodeDrop,
  nodeDropHint,
  presetDropAt,
  presetDropHint,
  subtreeTops,
  type DragNow,
} from "../../../src/domain/drag.ts";
import { indexDocument } from "../../../src/domain/diagram.ts";
import { mapNodes } from "../../../src/domain/edit.ts";
import { presetById } from "../../../src/domain/kinds/presets.ts";
import { boxOf, centreOf, laidOut, movedBy, parentOf, startDrag } from "./helpers.ts";
import { validate } from "../../../src/domain/rules/index.ts";

/** The pointer at the centre of `id`'s box in the document as it is when hovering. */
const over = (now: DragNow, id: string) => centreOf(now.doc, id);
/** A point right of everything: empty canvas. */
const emptyCanvas = (now: DragNow) => {
  const right = Math.max(...now.doc.nodes.map((n) => boxOf(now.doc, n.id)).map((r) => r.x + r.width));
  return { x: right + 200, y: 10 };
};

describe("dropping a node", () => {
  const twoRoots = () => laidOut(doc(host().as("server"), kernel("linux").as("ubuntu")));

  it("into a parent: the node goes in, where it was dropped on screen", () => {
    const d = twoRoots();
    const drag = startDrag(d, ["ubuntu"]);
    const now = movedBy(drag, -40, 12);
    const pointer = over(now, "server");
    expect(nodeDropHint(drag, now, pointer)).toEqual({ targetId: "server", ok: true });
    const after = dropNodes(drag, now, pointer);
    expect(parentOf(after, "ubuntu")).toBe("server");
    const was = boxOf(now.doc, "ubuntu");
    const is = boxOf(after, "ubuntu");
    expect([is.x, is.y]).toEqual([was.x, was.y]);
    // Nothing else changes.
    expect(after.nodes.find((n) => n.id === "server")).toBe(d.nodes.find((n) => n.id === "server"));
  });

  it("onto the canvas: a child becomes a root, where it was dropped", () => {
    const d = laidOut(doc(group().as("rack").with(host().as("server"))));
    const drag = startDrag(d, ["server"]);
    const now = movedBy(drag, 300, 0);
    const pointer = emptyCanvas(now);
    const after = dropNodes(drag, now, pointer);
    expect(parentOf(after, "server")).toBeNull();
    expect(after.nodes.find((n) => n.id === "server")).not.toHaveProperty("parentId");
    const was = boxOf(now.doc, "server");
    expect(after.nodes.find((n) => n.id === "server")!.position).toEqual({ x: was.x, y: was.y });
    expect(nodeDropHint(drag, now, pointer)).toEqual({ targetId: null, ok: true });
  });

  it("a kernel dropped onto the canvas is red: it needs something to run on", () => {
    const d = laidOut(doc(host().as("server").with(kernel("linux").as("ubuntu"))));
    const drag = startDrag(d, ["ubuntu"]);
    const now = movedBy(drag, 300, 0);
    const pointer = emptyCanvas(now);
    expect(nodeDropHint(drag, now, pointer)).toMatchObject({
      targetId: null,
      ok: false,
      problem: { rule: "kernel/placement" },
    });
    expect(parentOf(dropNodes(drag, now, pointer), "ubuntu")).toBeNull();
  });

  it("within its own parent: nothing changes parent, and no hint at the root", () => {
    const d = twoRoots();
    const drag = startDrag(d, ["server"]);
    const now = movedBy(drag, 5, 5);
    const pointer = emptyCanvas(now);
    expect(nodeDropHint(drag, now, pointer)).toBeNull();
    expect(dropNodes(drag, now, pointer)).toBe(now.doc);
  });

  it("never into itself or a descendant: the dragged subtree is not a target", () => {
    const d = laidOut(
      doc(
        host()
          .as("server")
          .with(kernel("linux").as("os").with(docker().as("engine"))),
      ),
    );
    const drag = startDrag(d, ["server"]);
    // The server moves with the pointer, which ends over its own subtree.
    const now = movedBy(drag, 20, 10);
    for (const id of ["server", "os", "engine"]) {
      const pointer = centreOf(d, id);
      expect(judgeNodeDrop(drag, now, pointer).target).toBeNull();
      const after = dropNodes(drag, now, pointer);
      expect(parentOf(after, "server")).toBeNull();
      expect(parentOf(after, "os")).toBe("server");
      expect(parentOf(after, "engine")).toBe("os");
    }
  });

  it("shows red with the rule a drop would break, and still drops (undo takes it back)", () => {
    const d = laidOut(doc(host().as("server"), container().as("box")));
    const drag = startDrag(d, ["box"]);
    const now = movedBy(drag, 0, 0);
    const pointer = over(now, "server");
    const hint = nodeDropHint(drag, now, pointer);
    expect(hint).toMatchObject({
      targetId: "server",
      ok: false,
      problem: { rule: "container/needs-engine" },
    });
    expect(parentOf(dropNodes(drag, now, pointer), "box")).toBe("server");
  });

  it("a broken node dragged within its parent keeps showing why", () => {
    const d = laidOut(doc(host().as("server").with(container().as("box"))));
    const drag = startDrag(d, ["box"]);
    const now = movedBy(drag, 4, 0);
    const hint = nodeDropHint(drag, now, over(now, "server"));
    expect(hint).toMatchObject({
      targetId: "server",
      ok: false,
      problem: { rule: "container/needs-engine" },
    });
    expect(dropNodes(drag, now, over(now, "server"))).toBe(now.doc);
  });

  it("judges each target once per drag, at any point inside it", () => {
    const d = twoRoots();
    const drag = startDrag(d, ["ubuntu"]);
    const now = movedBy(drag, 0, 0);
    const box = boxOf(d, "server");
    const a = judgeNodeDrop(drag, now, { x: box.x + 2, y: box.y + 2 });
    const b = judgeNodeDrop(drag, movedBy(drag, 30, 30), { x: box.x + box.width - 2, y: box.y + 2 });
    expect(b.verdict).toBe(a.verdict);
    expect(drag.verdicts.size).toBe(1);
  });
});

describe("dropping several subtrees at once", () => {
  // A rack big enough for each of them (a node never goes into a smaller one), where they add no
  // error (three kernels on one server would: two-kernels-one-host).
  const three = () =>
    mapNodes(
      laidOut(
        doc(
          group().as("server"),
          kernel("linux").as("a"),
          kernel("linux").as("b").with(docker().as("b-engine")),
          kernel("linux").as("c"),
        ),
      ),
      ["server"],
      (n) => ({ ...n, size: { width: 640, height: 320 }, manualSize: true }),
    );

  it("each goes into the target and keeps its own place on screen", () => {
    const d = three();
    const drag = startDrag(d, ["a", "b", "c"]);
    const now = movedBy(drag, -15, 40);
    const pointer = over(now, "server");
    const after = dropNodes(drag, now, pointer);
    for (const id of ["a", "b", "c"]) {
      expect(parentOf(after, id)).toBe("server");
      const was = boxOf(now.doc, id);
      const is = boxOf(after, id);
      expect([is.x, is.y]).toEqual([was.x, was.y]);
    }
    expect(parentOf(after, "b-engine")).toBe("b");
    expect(judgeNodeDrop(drag, now, pointer).moved).toEqual(["a", "b", "c"]);
  });

  it("a selected child travels with its selected parent; only the tops change parent", () => {
    const d = three();
    expect(subtreeTops(indexDocument(d), ["b-engine", "b", "a"])).toEqual(["b", "a"]);
    const drag = startDrag(d, ["b-engine", "b", "a"]);
    expect(drag.tops).toEqual(["b", "a"]);
    const now = movedBy(drag, 0, 0);
    const after = dropNodes(drag, now, over(now, "server"));
    expect(parentOf(after, "b")).toBe("server");
    expect(parentOf(after, "a")).toBe("server");
    expect(parentOf(after, "b-engine")).toBe("b");
  });

  it("never into another node of the same drag", () => {
    const d = three();
    const drag = startDrag(d, ["a", "c"]);
    const now = movedBy(drag, 0, 0);
    // The pointer over where `c` was: `c` moves too, so the drop goes to the root.
    const pointer = centreOf(d, "c");
    expect(judgeNodeDrop(drag, now, pointer).target).toBeNull();
    const after = dropNodes(drag, now, pointer);
    expect(parentOf(after, "a")).toBeNull();
    expect(parentOf(after, "c")).toBeNull();
  });
});

describe("dropping a palette preset", () => {
  const preset = (id: string) => presetById(id)!;

  it("onto a node: into it, centred on the pointer, and selected by its id", () => {
    const d = laidOut(doc(host().as("server").with(kernel("linux").as("os"))));
    const index = indexDocument(d);
    const pointer = centreOf(d, "os");
    const r = presetDropAt(d, index, preset("engine-docker"), "en", pointer, validate);
    expect(r.target).toBe("os");
    expect(r.verdict.ok).toBe(true);
    expect(presetDropHint(r)).toEqual({ targetId: "os", ok: true });
    const after = r.verdict.after!;
    const added = after.nodes.find((n) => n.id === r.verdict.id)!;
    expect(added).toMatchObject({ kind: "container-engine", parentId: "os", label: "Docker Engine" });
    const c = centreOf(after, added.id);
    expect(Math.abs(c.x - pointer.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(c.y - pointer.y)).toBeLessThanOrEqual(1);
  });

  it("onto the wrong node: red with the rule, and the label in the chosen language", () => {
    const d = laidOut(doc(host().as("server")));
    const r = presetDropAt(d, indexDocument(d), preset("container"), "ko", centreOf(d, "server"), validate);
    expect(presetDropHint(r)).toMatchObject({
      targetId: "server",
      ok: false,
      problem: { rule: "container/needs-engine" },
    });
    expect(r.verdict.after!.nodes.find((n) => n.id === r.verdict.id)!.label).toBe("컨테이너");
  });

  it("onto empty canvas: a new root, no hint", () => {
    const d = laidOut(doc(host().as("server")));
    const r = presetDropAt(
      d,
      indexDocument(d),
      preset("physical-server"),
      "en",
      { x: 5000, y: 5000 },
      validate,
    );
    expect(r.target).toBeNull();
    expect(presetDropHint(r)).toBeNull();
    expect(r.verdict.after!.nodes.find((n) => n.id === r.verdict.id)).not.toHaveProperty("parentId");
  });
});
