/**
 * The store's edge router comes on demand (src/store/router.ts): until it is there, a document with
 * edges has none drawn (`routesPending`); its arrival routes the document the store then holds; a
 * failed load says so and the next change tries again.
 */
import { describe, expect, it } from "vitest";
import { createEditorStore } from "../../../src/store/editor.ts";
import { controlled, settle } from "./controlled-load.ts";
import type { Router } from "../../../src/store/router.ts";
import * as real from "../../../src/domain/routing/route.ts";
import { serverWithUbuntu } from "./server-doc.ts";
import type { StackDocument } from "../../../src/domain/document.ts";

/** Two servers side by side, joined by one network edge. */
function joined(): StackDocument {
  const doc = serverWithUbuntu("two");
  const [host] = doc.nodes;
  return {
    ...doc,
    nodes: [...doc.nodes, { ...host!, id: "host2", label: "Server 2", position: { x: 600, y: 0 } }],
    edges: [{ id: "e", kind: "network", source: "host", target: "host2" }],
  };
}

describe("the edge router on demand", () => {
  it("draws no edge until the router is there, then routes the document the store holds", async () => {
    const { part: router, calls } = controlled<Router>();
    const store = createEditorStore(joined(), { router });
    expect(store.getState().routesPending).toBe(true);
    expect(store.getState().routes.size).toBe(0);
    expect(calls).toHaveLength(1);
    // An edit while it loads: still pending, and the same load.
    const doc = store.getState().doc;
    store
      .getState()
      .commit({ ...doc, nodes: doc.nodes.map((n) => (n.id === "host2" ? { ...n, label: "B" } : n)) });
    expect(store.getState().routesPending).toBe(true);
    expect(calls).toHaveLength(1);
    calls[0]!.ok(real);
    await settle();
    const s = store.getState();
    expect(s.routesPending).toBe(false);
    expect([...s.routes.keys()]).toEqual(["e"]);
    expect(s.routes.get("e")).toEqual(real.routeEdges(s.doc, { index: s.index, lang: s.lang }).get("e"));
    // From then on, routing is synchronous again.
    s.commit({ ...s.doc, edges: [] });
    expect(store.getState().routes.size).toBe(0);
    expect(store.getState().routesPending).toBe(false);
  });

  it("needs no router for a document without edges", () => {
    const { part: router, calls } = controlled<Router>();
    const store = createEditorStore(serverWithUbuntu("alone"), { router });
    expect(store.getState().routesPending).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it("says when the router cannot be loaded, and loads again at the next change", async () => {
    const { part: router, calls } = controlled<Router>();
    const store = createEditorStore(joined(), { router });
    calls[0]!.fail(new Error("offline"));
    await settle();
    expect(store.getState().notice?.kind).toBe("error");
    expect(store.getState().routesPending).toBe(true);
    const doc = store.getState().doc;
    store.getState().commit({ ...doc, title: "again" });
    expect(calls).toHaveLength(2);
    calls[1]!.ok(real);
    await settle();
    expect(store.getState().routesPending).toBe(false);
    expect(store.getState().routes.has("e")).toBe(true);
  });
});
