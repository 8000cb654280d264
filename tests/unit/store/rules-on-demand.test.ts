/**
 * The store's rules engine comes on demand (src/store/rules.ts): until it is there, a document with
 * nodes shows no problems (`problemsPending`) and a drop is not judged; its arrival checks the
 * document the store then holds (as the gesture found it, mid-gesture); a failed load says so and
 * the next change tries again.
 */
import { describe, expect, it } from "vitest";
import { checkOf, createEditorStore } from "../../../src/store/editor.ts";
import { controlled, settle } from "./controlled-load.ts";
import type { RulesEngine } from "../../../src/store/rules.ts";
import * as real from "../../../src/domain/rules/index.ts";
import { emptyDocument, type StackDocument } from "../../../src/domain/document.ts";
import { serverWithUbuntu } from "./server-doc.ts";
import { addPreset } from "../../../src/store/actions.ts";

/** A container straight on Ubuntu, with no engine: errors the rules find. */
function wrong(): StackDocument {
  const doc = serverWithUbuntu("wrong");
  return {
    ...doc,
    nodes: [
      ...doc.nodes,
      {
        id: "c",
        kind: "container",
        parentId: "linux",
        label: "IIS",
        props: { image: "mcr.microsoft.com/windows/servercore/iis", os: "windows" },
        position: { x: 12, y: 12 },
        size: { width: 120, height: 60 },
      },
    ],
  };
}

describe("the rules engine on demand", () => {
  it("shows no problem until the rules are there, then the document's", async () => {
    const { part: rules, calls } = controlled<RulesEngine>();
    const store = createEditorStore(wrong(), { rules });
    const s0 = store.getState();
    expect(s0.problemsPending).toBe(true);
    expect(s0.problems).toEqual([]);
    expect(s0.rules).toBeNull();
    // A drop is not judged meanwhile: the check finds nothing.
    expect(checkOf(s0)(s0.doc)).toEqual([]);
    expect(calls).toHaveLength(1);
    calls[0]!.ok(real);
    await settle();
    const s = store.getState();
    expect(s.problemsPending).toBe(false);
    expect(s.rules).toBe(real);
    expect(s.problems).toEqual(real.validate(s.doc));
    expect(s.problems.some((p) => p.severity === "error")).toBe(true);
    expect(s.nodeProblems.get("c")?.length).toBeGreaterThan(0);
    expect(checkOf(s)).toBe(real.validate);
  });

  it("needs no rules for an empty document, and loads them with the first node", () => {
    const { part: rules, calls } = controlled<RulesEngine>();
    const store = createEditorStore(emptyDocument(), { rules });
    expect(store.getState().problemsPending).toBe(false);
    expect(calls).toHaveLength(0);
    store.getState().commit(wrong());
    expect(store.getState().problemsPending).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it("checks the document as a gesture found it when the rules come mid-gesture", async () => {
    const { part: rules, calls } = controlled<RulesEngine>();
    const store = createEditorStore(wrong(), { rules });
    const base = store.getState().doc;
    store.getState().beginGesture();
    const moved = {
      ...base,
      nodes: base.nodes.map((n) => (n.id === "host" ? { ...n, position: { x: 40, y: 40 } } : n)),
    };
    store.getState().transient(moved, ["host"]);
    calls[0]!.ok(real);
    await settle();
    expect(store.getState().problems).toEqual(real.validate(base));
    store.getState().endGesture();
    expect(store.getState().problemsPending).toBe(false);
    expect(store.getState().problems).toEqual(real.validate(store.getState().doc));
  });

  it("says when the rules cannot be loaded, and loads again at the next change", async () => {
    const { part: rules, calls } = controlled<RulesEngine>();
    const store = createEditorStore(wrong(), { rules });
    calls[0]!.fail(new Error("offline"));
    await settle();
    expect(store.getState().notice?.kind).toBe("error");
    expect(store.getState().problemsPending).toBe(true);
    // A rename: the rules could not see it, but they have not seen the document at all yet.
    const doc = store.getState().doc;
    store
      .getState()
      .commit({ ...doc, nodes: doc.nodes.map((n) => (n.id === "c" ? { ...n, label: "web" } : n)) });
    expect(calls).toHaveLength(2);
    calls[1]!.ok(real);
    await settle();
    expect(store.getState().problems).toEqual(real.validate(store.getState().doc));
  });
});

describe("palette adds while the rules load", () => {
  it("wait for the rules where there is a receiver to judge, and follow in order: two containers side by side on the engine", async () => {
    const { part: rules, calls } = controlled<RulesEngine>();
    const store = createEditorStore(emptyDocument(), { rules });
    // Into the empty canvas: at once, nothing to judge.
    addPreset(store, "physical-server");
    expect(store.getState().doc.nodes).toHaveLength(1);
    for (const p of ["kernel-ubuntu", "engine-docker", "container", "container"]) addPreset(store, p);
    // The rest waits for the rules.
    expect(store.getState().doc.nodes).toHaveLength(1);
    await settle();
    for (const c of calls) c.ok(real);
    await settle();
    const s = store.getState();
    const byKind = (k: string) => s.doc.nodes.filter((n) => n.kind === k);
    expect(s.doc.nodes.map((n) => n.kind)).toEqual([
      "physical-host",
      "kernel",
      "container-engine",
      "container",
      "container",
    ]);
    const engine = byKind("container-engine")[0]!;
    expect(byKind("container").map((n) => n.parentId)).toEqual([engine.id, engine.id]);
    expect(s.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("are made, unjudged, when the rules cannot be loaded", async () => {
    const { part: rules, calls } = controlled<RulesEngine>();
    const store = createEditorStore(emptyDocument(), { rules });
    addPreset(store, "physical-server");
    addPreset(store, "kernel-ubuntu");
    await settle();
    for (const c of calls) c.fail(new Error("offline"));
    await settle();
    expect(store.getState().doc.nodes.map((n) => n.kind)).toEqual(["physical-host", "kernel"]);
  });
});
