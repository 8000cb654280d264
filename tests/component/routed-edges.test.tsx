// @vitest-environment jsdom
/**
 * Routed edges, wired: the store keeps every edge's route (src/domain/routing) and re-routes
 * incrementally — an unchanged route stays the identical object across edits, drag steps (live)
 * and the end of a drag — and the canvas draws each edge along its route (one M/H/V path, an
 * arrowhead, the label: the person's, else the kind in words), through React Flow as the app does.
 * Whether the routes clear the boxes on screen is the browser's test (tests/e2e/routed-edges.spec.ts).
 */
import { act, render } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { installFlowDomShims } from "./jsdom-flow.ts";
import { App } from "../../src/App.tsx";
import { createEditorStore } from "../../src/store/editor.ts";
import { routeEdges, rerouteAffected } from "../../src/domain/routing/index.ts";
import { routePath, arrowPath } from "../../src/canvas/RoutedEdge.tsx";
import { EDGE_HIT_WIDTH } from "../../src/canvas/adapter.ts";
import { addEdge, updateNode } from "../../src/domain/edit.ts";
import { withPositions } from "../../src/domain/drag.ts";
import { EDGE_KIND_DEFS, EDGE_WIDTH } from "../../src/domain/kinds/catalog.ts";
import type { StackDocument, StackNode } from "../../src/domain/document.ts";

beforeAll(installFlowDomShims);

const stack = (h: string, containers: string[]): StackNode[] => [
  { id: h, kind: "physical-host", label: `Server ${h}` },
  { id: `${h}-os`, kind: "kernel", parentId: h, label: "Ubuntu", props: { distro: "Ubuntu" } },
  { id: `${h}-docker`, kind: "container-engine", parentId: `${h}-os` },
  ...containers.map((c): StackNode => ({
    id: c,
    kind: "container",
    parentId: `${h}-docker`,
    label: c,
    props: { image: `${c}:1` },
  })),
];

const doc: StackDocument = {
  format: "stackdraw",
  version: 1,
  nodes: [...stack("a", ["web", "api"]), ...stack("b", ["db", "cache"]), { id: "hub", kind: "registry" }],
  edges: [
    { id: "web-api", kind: "network", source: "web", target: "api" },
    { id: "db-cache", kind: "network", source: "db", target: "cache", label: "6379/tcp" },
    { id: "web-db", kind: "network", source: "web", target: "db" },
    { id: "api-hub", kind: "pulls", source: "api", target: "hub" },
  ],
};

describe("the store's routes", () => {
  it("routes every edge when a document opens, as the router does", () => {
    const store = createEditorStore(doc);
    const s = store.getState();
    expect([...s.routes.keys()].sort()).toEqual(doc.edges.map((e) => e.id).sort());
    expect([...s.routes]).toEqual([...routeEdges(s.doc, { lang: "en" })]);
  });

  it("keeps the very same routes through an edit that moves no box", () => {
    const store = createEditorStore(doc);
    const before = store.getState().routes;
    store.getState().commit(updateNode(store.getState().doc, "web", { props: { image: "nginx:1.27" } }));
    expect(store.getState().routes).toBe(before);
  });

  it("re-routes what a drag moves, live per step and in full at the end, keeping every other route's object", () => {
    const store = createEditorStore(doc);
    const before = store.getState().routes;
    store.getState().beginGesture();
    // Server b, with db and cache in it, moves 120 px down in three steps.
    const start = store.getState().doc.nodes.find((n) => n.id === "b")!.position!;
    let live = before;
    for (const dy of [40, 80, 120]) {
      const s = store.getState();
      s.transient(withPositions(s.doc, new Map([["b", { x: start.x, y: start.y + dy }]])), ["b"]);
      const next = store.getState().routes;
      // Inside a: not touched by b's move.
      expect(next.get("web-api")).toBe(live.get("web-api"));
      expect(next.get("web-db")).not.toBe(live.get("web-db"));
      live = next;
    }
    // The live steps are the router's live re-routing of the same documents.
    store.getState().endGesture();
    const end = store.getState();
    expect(end.routes.get("web-api")).toBe(before.get("web-api"));
    expect([...end.routes]).toEqual([...rerouteAffected(live, end.doc, ["b"])]);
    expect([...end.routes]).toEqual([...routeEdges(end.doc, { lang: "en" })]);
    // Undo re-routes back to where the edges were.
    store.getState().undo();
    expect([...store.getState().routes]).toEqual([...before]);
  });

  it("routes a document's first edge in the UI language", () => {
    const store = createEditorStore({ ...doc, edges: [] });
    expect(store.getState().routes.size).toBe(0);
    store.getState().setLang("ko");
    store
      .getState()
      .commit(addEdge(store.getState().doc, { kind: "pulls", source: "api", target: "hub" }).doc);
    const s = store.getState();
    expect(s.routes.size).toBe(1);
    expect([...s.routes]).toEqual([...routeEdges(s.doc, { lang: "ko" })]);
  });

  it("re-routes every edge of a new document, and places the kind's words anew in another language", () => {
    const store = createEditorStore(doc);
    store.getState().replaceDocument({ ...doc, edges: doc.edges.slice(0, 1) });
    expect([...store.getState().routes.keys()]).toEqual(["web-api"]);
    store.getState().replaceDocument(doc);
    store.getState().setLang("ko");
    expect([...store.getState().routes]).toEqual([...routeEdges(store.getState().doc, { lang: "ko" })]);
  });
});

/** Every drawn edge by id: its group, its line, its hit path, its arrowhead and its label's text. */
function drawnEdges(container: HTMLElement) {
  const out = new Map<
    string,
    { g: Element; line: Element; hit: Element | null; arrow: Element | null; label: string | null }
  >();
  for (const g of container.querySelectorAll(".react-flow__edge"))
    out.set(g.getAttribute("data-id")!, {
      g,
      line: g.querySelector(".react-flow__edge-path")!,
      hit: g.querySelector(".react-flow__edge-interaction"),
      arrow: g.querySelector(".sd-edge-arrow"),
      label: g.querySelector(".sd-edge-label text")?.textContent ?? null,
    });
  return out;
}

describe("the canvas draws each edge along its route", () => {
  it("one M/H/V path per edge through the route's points, an arrowhead at the target, the label on the route", async () => {
    const store = createEditorStore(doc);
    const { container } = render(<App store={store} />);
    await act(async () => {});
    const drawn = drawnEdges(container);
    expect([...drawn.keys()].sort()).toEqual(doc.edges.map((e) => e.id).sort());
    const s = store.getState();
    for (const e of s.doc.edges) {
      const r = s.routes.get(e.id)!;
      const d = drawn.get(e.id)!;
      expect(d.line.getAttribute("d")).toBe(routePath(r.points));
      expect(d.line.getAttribute("d")).toMatch(/^M[-\d. ]+([HV][-\d.]+)+$/);
      expect(d.arrow?.getAttribute("d")).toBe(
        arrowPath(r.points, EDGE_WIDTH[EDGE_KIND_DEFS[e.kind].weight ?? "regular"]),
      );
      expect(d.g.getAttribute("data-source")).toBe(e.source);
      expect(d.g.getAttribute("data-target")).toBe(e.target);
      // Only a few px of stroke take the pointer.
      expect(d.hit?.getAttribute("stroke-width")).toBe(String(EDGE_HIT_WIDTH));
      expect(d.g.querySelector(".sd-edge-label")!.getAttribute("transform")).toBe(
        `translate(${Math.round(r.labelAt.x * 100) / 100} ${Math.round(r.labelAt.y * 100) / 100})`,
      );
    }
    // The person's label, else the kind in words in the UI language.
    expect(drawn.get("db-cache")!.label).toBe("6379/tcp");
    expect(drawn.get("api-hub")!.label).toBe(EDGE_KIND_DEFS.pulls.verb.en);
    expect(drawn.get("web-api")!.label).toBe(EDGE_KIND_DEFS.network.verb.en);
    await act(async () => store.getState().setLang("ko"));
    expect(drawnEdges(container).get("api-hub")!.label).toBe(EDGE_KIND_DEFS.pulls.verb.ko);
  });

  it("redraws the edges a move re-routes and leaves the others' paths alone", async () => {
    const store = createEditorStore(doc);
    const { container } = render(<App store={store} />);
    await act(async () => {});
    const before = drawnEdges(container);
    const changed = new Set<string>();
    const seen = new MutationObserver((records) => {
      for (const r of records) {
        const g = (r.target as Element).closest(".react-flow__edge");
        if (g) changed.add(g.getAttribute("data-id")!);
      }
    });
    seen.observe(container.querySelector(".react-flow__edges")!, {
      attributes: true,
      subtree: true,
      attributeFilter: ["d", "transform"],
    });
    const start = store.getState().doc.nodes.find((n) => n.id === "b")!.position!;
    await act(async () => {
      const s = store.getState();
      s.beginGesture();
      s.transient(withPositions(s.doc, new Map([["b", { x: start.x, y: start.y + 120 }]])), ["b"]);
    });
    await act(async () => store.getState().endGesture());
    seen.disconnect();
    const after = drawnEdges(container);
    const s = store.getState();
    for (const [id, d] of after)
      expect(d.line.getAttribute("d"), id).toBe(routePath(s.routes.get(id)!.points));
    expect(changed.has("web-db")).toBe(true);
    expect(changed.has("web-api")).toBe(false);
    expect(after.get("web-api")!.line).toBe(before.get("web-api")!.line);
  });
});
