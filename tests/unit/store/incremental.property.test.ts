/**
 * The store updates its index, problems, geometry checks and sizes incrementally (src/store/editor.ts
 * `withDoc`, src/domain/diagram.ts `withChangedNodes`, src/domain/limits.ts `checkLimitsAfter`,
 * src/io/write.ts `savedByteLength` with a previous document). Whatever sequence of edits a person
 * makes, every one of them must read exactly like the full computation over the document as it
 * stands: these properties drive the real store with random edits and compare after each.
 */
import fc from "fast-check";
import { arbDocument, propsFor } from "../rules/arbitraries.ts";
import { createEditorStore, derive } from "../../../src/store/editor.ts";
import { validate, RULE_IDS } from "../../../src/domain/rules/index.ts";
import {
  indexDocument,
  isSelfOrAncestor,
  withChangedNodes,
  type DiagramIndex,
  type NodeContext,
} from "../../../src/domain/diagram.ts";
import {
  addEdge,
  addNode,
  removeEdges,
  removeNodes,
  reparent,
  updateEdge,
  updateNode,
} from "../../../src/domain/edit.ts";
import { EDGE_KINDS, KINDS } from "../../../src/domain/kinds/catalog.ts";
import { completeGeometry, fitDocument } from "../../../src/domain/geometry.ts";
import { checkLimits, checkLimitsAfter, LIMITS, type Limits } from "../../../src/domain/limits.ts";
import { savedByteLength } from "../../../src/io/write.ts";
import type { StackDocument, StackNode } from "../../../src/domain/document.ts";
import { changedSince } from "../../../src/store/editor.ts";

type EditorStore = ReturnType<typeof createEditorStore>;

const pick = fc.nat();
const op = fc.oneof(
  fc.record({
    t: fc.constant("label" as const),
    pick,
    label: fc.constantFrom("", "web", "db", "웹 서버", "x".repeat(30)),
  }),
  fc.record({ t: fc.constant("props" as const), pick, props: fc.constantFrom(...KINDS).chain(propsFor) }),
  fc.record({ t: fc.constant("kind" as const), pick, kind: fc.constantFrom(...KINDS) }),
  fc.record({
    t: fc.constant("move" as const),
    pick,
    dx: fc.integer({ min: -300, max: 300 }),
    dy: fc.integer({ min: -80, max: 80 }),
  }),
  fc.record({ t: fc.constant("resize" as const), pick, dw: fc.integer({ min: -100, max: 400 }) }),
  fc.record({ t: fc.constant("reparent" as const), pick, to: fc.option(fc.nat(), { nil: null }) }),
  fc.record({
    t: fc.constant("add" as const),
    to: fc.option(fc.nat(), { nil: null }),
    kind: fc.constantFrom(...KINDS),
  }),
  fc.record({ t: fc.constant("remove" as const), pick }),
  fc.record({ t: fc.constant("suppress" as const), pick, rule: fc.constantFrom(...RULE_IDS) }),
  fc.record({ t: fc.constant("edge" as const), s: pick, d: pick, kind: fc.constantFrom(...EDGE_KINDS) }),
  fc.record({
    t: fc.constant("edgeLabel" as const),
    pick,
    label: fc.constantFrom("", "calls", "mounts /data"),
  }),
  fc.record({ t: fc.constant("edgeRemove" as const), pick }),
  fc.record({ t: fc.constant("drag" as const), pick, dx: fc.integer({ min: -200, max: 200 }) }),
  fc.constant({ t: "undo" as const }),
  fc.constant({ t: "redo" as const }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const at = <T>(list: readonly T[], i: number): T | undefined =>
  list.length ? list[i % list.length] : undefined;

/** Applies one edit the way the editor's actions do: through commit, a gesture, undo or redo. */
function apply(store: EditorStore, o: Op): void {
  const s = store.getState();
  const doc = s.doc;
  switch (o.t) {
    case "undo":
      return s.undo();
    case "redo":
      return s.redo();
    case "add": {
      const parent = o.to === null ? undefined : at(doc.nodes, o.to);
      s.commit(
        addNode(doc, {
          kind: o.kind,
          position: { x: 30, y: 40 },
          size: { width: 160, height: 64 },
          ...(parent ? { parentId: parent.id } : {}),
        }).doc,
      );
      return;
    }
    case "edge": {
      const a = at(doc.nodes, o.s);
      const b = at(doc.nodes, o.d);
      if (a && b) s.commit(addEdge(doc, { kind: o.kind, source: a.id, target: b.id }).doc);
      return;
    }
    case "edgeLabel": {
      const e = at(doc.edges, o.pick);
      if (e) s.commit(updateEdge(doc, e.id, { label: o.label }));
      return;
    }
    case "edgeRemove": {
      const e = at(doc.edges, o.pick);
      if (e) s.commit(removeEdges(doc, [e.id]));
      return;
    }
  }
  const n = at(doc.nodes, o.pick);
  if (n === undefined) return;
  switch (o.t) {
    case "label":
      s.commit(updateNode(doc, n.id, { label: o.label }));
      return;
    case "props": {
      // Every key of the node's props replaced: removed ones set to undefined.
      const patch: Record<string, unknown> = {};
      for (const k of Object.keys(n.props ?? {})) patch[k] = undefined;
      Object.assign(patch, o.props ?? {});
      s.commit(updateNode(doc, n.id, { props: patch }));
      return;
    }
    case "kind":
      s.commit({ ...doc, nodes: doc.nodes.map((x) => (x.id === n.id ? { ...x, kind: o.kind } : x)) });
      return;
    case "move":
      s.commit(
        updateNode(doc, n.id, {
          position: { x: (n.position?.x ?? 0) + o.dx, y: (n.position?.y ?? 0) + o.dy },
        }),
      );
      return;
    case "resize": {
      const size = n.size ?? { width: 160, height: 64 };
      s.commit({
        ...doc,
        nodes: doc.nodes.map((x) =>
          x.id === n.id
            ? {
                ...x,
                size: { width: Math.max(40, size.width + o.dw), height: size.height },
                manualSize: true,
              }
            : x,
        ),
      });
      return;
    }
    case "reparent": {
      const to = o.to === null ? undefined : at(doc.nodes, o.to);
      if (to && isSelfOrAncestor(s.index, n.id, to.id)) return;
      const r = reparent(doc, n.id, to?.id ?? null, { x: 24, y: 40 });
      if (r.ok) s.commit(r.doc);
      return;
    }
    case "remove":
      s.commit(removeNodes(doc, [n.id]));
      return;
    case "suppress":
      s.commit({
        ...doc,
        nodes: doc.nodes.map((x) =>
          x.id === n.id ? { ...x, suppress: { ...x.suppress, [o.rule]: "known" } } : x,
        ),
      });
      return;
    case "drag": {
      s.beginGesture();
      for (let k = 1; k <= 3; k++) {
        const cur = store.getState().doc;
        const moved = cur.nodes.map((x) =>
          x.id === n.id
            ? { ...x, position: { x: (n.position?.x ?? 0) + (o.dx * k) / 3, y: n.position?.y ?? 0 } }
            : x,
        );
        store.getState().transient({ ...cur, nodes: moved }, [n.id]);
      }
      store.getState().endGesture();
      return;
    }
  }
}

const ref = (n: StackNode | undefined) =>
  n === undefined ? null : { id: n.id, kind: n.kind, label: n.label, props: n.props };

/** A context as plain data: every node it names by id, kind, label and props (not geometry). */
function contextView(c: NodeContext | undefined) {
  if (c === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c))
    out[k] = v !== null && typeof v === "object" && "id" in v ? ref(v as StackNode) : v;
  return out;
}

/** What a reader of an index sees, in plain data. */
function indexView(ix: DiagramIndex) {
  return {
    nodes: ix.nodes,
    byId: [...ix.byId.entries()],
    size: ix.byId.size,
    children: [...ix.children.entries()],
    roots: ix.roots,
    order: ix.order,
    context: [...ix.context.entries()].map(([k, c]) => [k, contextView(c)]),
  };
}

function expectCurrent(store: EditorStore): void {
  const s = store.getState();
  expect(indexView(s.index)).toEqual(indexView(indexDocument(s.doc)));
  for (const n of s.doc.nodes) expect(s.index.byId.get(n.id)).toBe(n);
  const full = derive(s.doc, undefined, undefined, validate);
  expect(s.problems).toEqual(validate(s.doc));
  expect([...s.nodeProblems.entries()]).toEqual([...full.nodeProblems.entries()]);
}

const startDoc = arbDocument(18).map((d) => completeGeometry(d));

describe("incremental edits in the store", () => {
  it("after any sequence of edits, undos and drags, index and problems equal a full computation (property)", () => {
    fc.assert(
      fc.property(startDoc, fc.array(op, { minLength: 1, maxLength: 14 }), (doc, ops) => {
        const store = createEditorStore(doc);
        expectCurrent(store);
        for (const o of ops) {
          apply(store, o);
          expectCurrent(store);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the problem objects when an edit changes nothing the rules read, and re-checks when it does", () => {
    const store = createEditorStore(
      completeGeometry({
        format: "stackdraw",
        version: 1,
        nodes: [
          { id: "k", kind: "kernel", props: { family: "linux" } },
          { id: "e", kind: "container-engine", parentId: "k" },
          { id: "c", kind: "container", parentId: "e", props: { os: "windows" } },
        ],
        edges: [],
      }),
    );
    const before = store.getState().problems;
    expect(before.map((p) => p.rule)).toContain("container/kernel-mismatch");
    store.getState().commit(updateNode(store.getState().doc, "c", { label: "web" }));
    expect(store.getState().problems).toBe(before);
    store.getState().commit(updateNode(store.getState().doc, "c", { props: { os: "linux" } }));
    expect(store.getState().problems.map((p) => p.rule)).not.toContain("container/kernel-mismatch");
  });
});

describe("the incremental parts alone", () => {
  it("withChangedNodes reads like a fresh index after content and geometry edits, and refuses shape changes (property)", () => {
    fc.assert(
      fc.property(
        startDoc,
        fc.array(
          fc.record({
            pick,
            label: fc.constantFrom("a", "b"),
            kind: fc.option(fc.constantFrom(...KINDS), { nil: undefined }),
            dx: fc.integer({ min: -9, max: 9 }),
          }),
          { maxLength: 8 },
        ),
        (doc, edits) => {
          let ix = indexDocument(doc);
          let nodes = doc.nodes;
          for (const e of edits) {
            const n = at(nodes, e.pick);
            if (!n) break;
            nodes = nodes.map((x) =>
              x === n
                ? { ...x, label: e.label, ...(e.kind ? { kind: e.kind } : {}), position: { x: e.dx, y: 0 } }
                : x,
            );
            const next = withChangedNodes(ix, nodes);
            expect(next).not.toBeNull();
            ix = next!;
            expect(indexView(ix)).toEqual(indexView(indexDocument({ nodes })));
          }
          if (nodes.length > 1) {
            expect(withChangedNodes(ix, nodes.slice(1))).toBeNull();
            expect(withChangedNodes(ix, [...nodes.slice(1), nodes[0]!])).toBeNull();
          }
        },
      ),
    );
  });

  it("fitting with the document's index gives the same geometry as fitting without (property)", () => {
    fc.assert(
      fc.property(
        startDoc,
        fc.array(
          fc.record({
            pick,
            dx: fc.integer({ min: -200, max: 200 }),
            label: fc.constantFrom("a", "a much longer label"),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (doc, edits) => {
          const base = indexDocument(doc);
          let next = doc;
          for (const e of edits) {
            const n = at(next.nodes, e.pick);
            if (n)
              next = updateNode(next, n.id, {
                label: e.label,
                position: { x: (n.position?.x ?? 0) + e.dx, y: n.position?.y ?? 0 },
              });
          }
          const changed = changedSince(base, next);
          const index = withChangedNodes(base, next.nodes)!;
          expect(fitDocument(next, changed, base, index)).toEqual(fitDocument(next, changed, base));
        },
      ),
    );
  });

  it("checkLimitsAfter answers as checkLimits does for any edit of a document within the limits (property)", () => {
    const small: Limits = { ...LIMITS, nodes: 20, edges: 8, labelLength: 12, depth: 3 };
    // Edits that deepen the tree, more often than among all edits.
    const deepen = fc.oneof(
      fc.record({ t: fc.constant("reparent" as const), pick, to: fc.nat() }),
      fc.record({ t: fc.constant("add" as const), to: fc.nat(), kind: fc.constantFrom(...KINDS) }),
    );
    fc.assert(
      fc.property(
        startDoc,
        fc.array(fc.oneof(op, deepen, deepen), { minLength: 1, maxLength: 8 }),
        (doc, ops) => {
          if (checkLimits(doc, undefined, small) !== null) return;
          // A store without limits makes the edits; each is checked against the one before.
          const store = createEditorStore(doc);
          let prev: StackDocument = store.getState().doc;
          for (const o of ops) {
            apply(store, o);
            const next = store.getState().doc;
            const prevIx = indexDocument(prev);
            expect(checkLimitsAfter(prev, prevIx.byId, next, small)).toEqual(
              checkLimits(next, undefined, small),
            );
            if (checkLimits(next, undefined, small) !== null) break;
            prev = next;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("savedByteLength from a previous document equals measuring afresh (property)", () => {
    fc.assert(
      fc.property(startDoc, fc.array(op, { minLength: 1, maxLength: 6 }), (doc, ops) => {
        const store = createEditorStore(doc);
        let prev = store.getState().doc;
        savedByteLength(prev);
        for (const o of ops) {
          apply(store, o);
          const next = store.getState().doc;
          const fresh = savedByteLength(structuredClone(next));
          expect(savedByteLength(next, prev)).toBe(fresh);
          prev = next;
        }
      }),
    );
  });
});
