/**
 * Which node receives a drop (docs/drawing.md §1.3): the innermost node under the pointer that
 * takes the dragged node or preset without a new error, the root counting last; else the innermost,
 * red; never a node smaller than what is dropped. The click on a preset makes the same choice
 * among the selected node and its ancestors.
 */
import { describe, expect, it } from "vitest";
import { container, doc, docker, host, hypervisor, kernel, vm } from "../rules/builders.ts";
import { nodeDropHint, dropNodes, presetDropAt, presetDropHint } from "../../../src/domain/drag.ts";
import { indexDocument } from "../../../src/domain/diagram.ts";
import { chooseReceiver } from "../../../src/domain/drop.ts";
import { mapNodes } from "../../../src/domain/edit.ts";
import { presetById } from "../../../src/domain/kinds/presets.ts";
import { createEditorStore } from "../../../src/store/editor.ts";
import { addPresetInto } from "../../../src/store/actions.ts";
import { clickReceiver } from "../../../src/store/drawing-actions.ts";
import { centreOf, laidOut, movedBy, parentOf, startDrag } from "./helpers.ts";
import { validate } from "../../../src/domain/rules/index.ts";

const preset = (id: string) => presetById(id)!;

/** A server, Ubuntu, Docker Engine and one container in it; a loose container beside. */
const stack = () =>
  laidOut(
    doc(
      host()
        .as("server")
        .with(
          kernel("linux")
            .as("ubuntu")
            .with(docker().as("engine").with(container().as("c1"))),
        ),
      container().as("loose"),
    ),
  );

describe("drop targets", () => {
  it("a container dropped over a container goes into the engine that holds it, and the hint names the engine", () => {
    const d = stack();
    const drag = startDrag(d, ["loose"]);
    const now = movedBy(drag, 0, 0);
    const pointer = centreOf(d, "c1");
    expect(nodeDropHint(drag, now, pointer)).toEqual({ targetId: "engine", ok: true });
    expect(parentOf(dropNodes(drag, now, pointer), "loose")).toBe("engine");
  });

  it("a preset container dropped over a container goes into the engine", () => {
    const d = stack();
    const r = presetDropAt(d, indexDocument(d), preset("container"), "en", centreOf(d, "c1"), validate);
    expect(r.target).toBe("engine");
    expect(presetDropHint(r)).toEqual({ targetId: "engine", ok: true });
  });

  it("a server dragged over a container stays at the root: nothing under the pointer takes it", () => {
    const d = mapNodes(
      laidOut(doc(host().as("server"), docker().as("engine").with(container().as("big")))),
      ["big"],
      (n) => ({
        ...n,
        size: { width: 400, height: 300 },
      }),
    );
    const drag = startDrag(d, ["server"]);
    const now = movedBy(drag, 0, 0);
    const pointer = centreOf(d, "big");
    expect(nodeDropHint(drag, now, pointer)).toBeNull();
    expect(parentOf(dropNodes(drag, now, pointer), "server")).toBeNull();
  });

  it("never into a node smaller than the dragged one, even one that would take it", () => {
    const d = laidOut(
      doc(group2(), kernel("linux").as("k").with(docker().as("e").with(container(), container()))),
    );
    const drag = startDrag(d, ["k"]);
    const now = movedBy(drag, 0, 0);
    // The small server would take a kernel, but the kernel is bigger than it.
    expect(nodeDropHint(drag, now, centreOf(d, "small"))?.targetId ?? null).toBeNull();
  });

  it("when nothing takes it, the innermost node under the pointer, red with the rule", () => {
    const d = laidOut(doc(host().as("server").with(kernel("linux").as("ubuntu"))));
    const r = presetDropAt(d, indexDocument(d), preset("container"), "en", centreOf(d, "ubuntu"), validate);
    expect(r.target).toBe("ubuntu");
    expect(presetDropHint(r)).toMatchObject({
      targetId: "ubuntu",
      ok: false,
      problem: { rule: "container/needs-engine" },
    });
  });

  it("a node that already had an error goes where it is dropped (the error is not new), red", () => {
    const d = laidOut(doc(host().as("server"), container().as("box")));
    const drag = startDrag(d, ["box"]);
    const now = movedBy(drag, 0, 0);
    expect(nodeDropHint(drag, now, centreOf(d, "server"))).toMatchObject({ targetId: "server", ok: false });
  });

  it("chooseReceiver: the fewest errors, the innermost on a tie (the own parent first), the root only when better", () => {
    const rects = new Map([
      ["in", { x: 0, y: 0, width: 200, height: 100 }],
      ["out", { x: 0, y: 0, width: 400, height: 300 }],
    ]);
    const size = [{ width: 160, height: 64 }];
    const errs = (m: Record<string, number>) => (t: string | null) => m[t ?? "root"] ?? 0;
    expect(chooseReceiver(["in", "out"], rects, size, errs({ in: 1, out: 0, root: 0 }))).toBe("out");
    expect(chooseReceiver(["in", "out"], rects, size, errs({ in: 1, out: 1, root: 0 }))).toBeNull();
    expect(chooseReceiver(["in", "out"], rects, size, errs({ in: 1, out: 1, root: 1 }))).toBe("in");
    // A tie: the dragged node's own parent, when it is under the pointer, keeps it.
    expect(chooseReceiver(["in", "out"], rects, size, errs({ in: 1, out: 1, root: 1 }), "out")).toBe("out");
    expect(
      chooseReceiver(["in", "out"], rects, [{ width: 300, height: 64 }], errs({ in: 0, out: 1, root: 1 })),
    ).toBe("out");
    expect(chooseReceiver(["in", "out"], rects, [{ width: 500, height: 64 }], errs({ root: 3 }))).toBeNull();
  });
});

function group2() {
  return host().as("small");
}

describe("clicking a preset", () => {
  it("Physical server twice: two servers side by side, not one inside the other", () => {
    const store = createEditorStore();
    const a = addPresetInto(store, "physical-server")!;
    const b = addPresetInto(store, "physical-server")!;
    const s = store.getState();
    expect(parentOf(s.doc, b)).toBeNull();
    const na = s.index.byId.get(a)!;
    const nb = s.index.byId.get(b)!;
    expect(nb.position!.y).toBe(na.position!.y);
    expect(nb.position!.x).toBeGreaterThanOrEqual(na.position!.x + na.size!.width);
  });

  it("builds a chain: server, Ubuntu, Docker Engine, two containers side by side in the engine", () => {
    const store = createEditorStore();
    const ids = ["physical-server", "kernel-ubuntu", "engine-docker"].map((p) => addPresetInto(store, p)!);
    const c1 = addPresetInto(store, "container")!;
    // The container is selected now: a second one goes beside it, into the engine.
    expect(clickReceiver(store.getState(), preset("container"))).toBe(ids[2]);
    const c2 = addPresetInto(store, "container")!;
    const s = store.getState();
    expect(parentOf(s.doc, c1)).toBe(ids[2]);
    expect(parentOf(s.doc, c2)).toBe(ids[2]);
    const n1 = s.index.byId.get(c1)!;
    const n2 = s.index.byId.get(c2)!;
    expect(n2.position!.y).toBe(n1.position!.y);
    expect(n2.position!.x).toBeGreaterThan(n1.position!.x + n1.size!.width);
    expect(s.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});

describe("moving within a stack", () => {
  it("a node dragged over a node that takes it goes into it, though its own parent under the pointer would keep it too", () => {
    const d = laidOut(
      doc(
        host()
          .as("server")
          .with(kernel("linux").as("k"), hypervisor("type1").as("hv").with(vm().as("v"))),
      ),
    );
    const drag = startDrag(d, ["k"]);
    const now = movedBy(drag, 0, 0);
    const pointer = centreOf(d, "v");
    expect(nodeDropHint(drag, now, pointer)).toEqual({ targetId: "v", ok: true });
    expect(parentOf(dropNodes(drag, now, pointer), "k")).toBe("v");
  });
});
