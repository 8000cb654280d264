/**
 * Model-based test of the editor store (fast-check commands): random sequences of add, move,
 * delete, reparent, connect, edit, paste, undo and redo keep the document a valid forest after
 * every step, and n undos followed by n redos give back the same document. Every document it holds
 * is within the limits and Save's bytes within the size limit; limits-model.test.ts extends these
 * commands with typing into fields, drops, import and template beside against small limits, and
 * checks that every refused command changed nothing.
 */
import fc from "fast-check";
import { createEditorStore, limitViolation, type EditorStore } from "../../../src/store/editor.ts";
import { LIMITS } from "../../../src/domain/limits.ts";
import { addEdge, reparent, updateNode, removeNodes, mapNodes } from "../../../src/domain/edit.ts";
import { copySelection, pasteText, nudgeSelection, duplicateSelection } from "../../../src/store/actions.ts";
import { readDocument } from "../../../src/io/read.ts";
import { utf8Length, writeDocument, writeForSave } from "../../../src/io/write.ts";
import { KINDS, EDGE_KINDS, type Kind } from "../../../src/domain/kinds/catalog.ts";
import { leafSize } from "../../../src/domain/geometry.ts";
import { addNode } from "../../../src/domain/edit.ts";
import { fitDocument } from "../../../src/domain/geometry.ts";
import { indexDocument } from "../../../src/domain/diagram.ts";
import { validate } from "../../../src/domain/rules/index.ts";

interface Model {
  /** Documents committed so far, as written text, newest last (what undo walks back through). */
  steps: number;
}

let lastLayout: { version: number; layout: string } | null = null;

function assertForest(store: EditorStore) {
  const { doc } = store.getState();
  const ids = new Set<string>();
  for (const n of doc.nodes) {
    expect(ids.has(n.id)).toBe(false);
    ids.add(n.id);
  }
  for (const e of doc.edges) {
    expect(ids.has(e.id)).toBe(false);
    ids.add(e.id);
    expect(doc.nodes.some((n) => n.id === e.source) && doc.nodes.some((n) => n.id === e.target)).toBe(true);
  }
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  for (const n of doc.nodes) {
    const seen = new Set<string>();
    for (let p = n.parentId; p != null; p = byId.get(p)?.parentId) {
      expect(byId.has(p)).toBe(true);
      expect(seen.has(p)).toBe(false);
      seen.add(p);
    }
    expect(n.position && Number.isFinite(n.position.x) && Number.isFinite(n.position.y)).toBe(true);
    expect(n.size && n.size.width > 0 && n.size.height > 0).toBe(true);
  }
  // What the store holds is always a document the reader accepts, within every limit, and Save's
  // bytes are within the size limit (the same commands against small limits, where they are
  // reached and refused: limits-model.test.ts).
  const read = readDocument(writeDocument(doc));
  expect(read.ok).toBe(true);
  expect(limitViolation(doc)).toBeNull();
  expect(utf8Length(writeForSave(doc))).toBeLessThanOrEqual(LIMITS.bytes);
  // Re-fitting only what changed leaves the same document a full fit would: every parent holds
  // its children. And the index (patched during drags) is the document's own.
  const state = store.getState();
  if (state.gestureBase === null) {
    expect(fitDocument(doc).nodes).toEqual(doc.nodes);
    const fresh = indexDocument(doc);
    expect(state.index.order.map((n) => n.id)).toEqual(fresh.order.map((n) => n.id));
    for (const n of doc.nodes) expect(state.index.byId.get(n.id)).toBe(n);
    // Problems kept across a drag that only moved things are the document's own.
    expect(state.problems).toEqual(validate(doc));
    // The layout version changes whenever the layout does (what the canvas mounts depends on it).
    const layout = (d: typeof doc) =>
      JSON.stringify([d.nodes.map((n) => [n.id, n.parentId ?? null, n.position, n.size]), d.edges]);
    if (lastLayout && lastLayout.version === state.layoutVersion) expect(layout(doc)).toBe(lastLayout.layout);
    lastLayout = { version: state.layoutVersion, layout: layout(doc) };
  }
}

const pick = <T>(list: readonly T[], i: number): T | undefined =>
  list.length ? list[i % list.length] : undefined;

class Add implements fc.Command<Model, EditorStore> {
  constructor(
    readonly kind: Kind,
    readonly parentPick: number,
    readonly root: boolean,
  ) {}
  check = () => true;
  run(m: Model, s: EditorStore) {
    const st = s.getState();
    const parent = this.root ? null : (pick(st.doc.nodes, this.parentPick)?.id ?? null);
    const { doc } = addNode(st.doc, {
      kind: this.kind,
      parentId: parent,
      position: { x: 12, y: 40 },
      size: leafSize(this.kind),
    });
    st.commit(doc);
    m.steps++;
    assertForest(s);
  }
  toString = () => `add(${this.kind})`;
}
class Move implements fc.Command<Model, EditorStore> {
  constructor(
    readonly nodePick: number,
    readonly dx: number,
    readonly dy: number,
  ) {}
  check = () => true;
  run(m: Model, s: EditorStore) {
    const st = s.getState();
    const n = pick(st.doc.nodes, this.nodePick);
    if (!n) return;
    // A drag: a gesture of several transient moves, one undo step.
    st.beginGesture();
    for (let i = 1; i <= 3; i++)
      s.getState().transient(
        mapNodes(s.getState().doc, [n.id], (x) => ({
          ...x,
          position: { x: (x.position?.x ?? 0) + this.dx / 3, y: (x.position?.y ?? 0) + this.dy / 3 },
        })),
      );
    const before = st.past.length;
    s.getState().endGesture();
    if (s.getState().past.length > before) m.steps++;
    assertForest(s);
  }
  toString = () => `move(${this.nodePick},${this.dx},${this.dy})`;
}
class Delete implements fc.Command<Model, EditorStore> {
  constructor(readonly nodePick: number) {}
  check = () => true;
  run(m: Model, s: EditorStore) {
    const st = s.getState();
    const n = pick(st.doc.nodes, this.nodePick);
    if (!n) return;
    st.commit(removeNodes(st.doc, [n.id]));
    m.steps++;
    assertForest(s);
  }
  toString = () => `delete(${this.nodePick})`;
}
class Reparent implements fc.Command<Model, EditorStore> {
  constructor(
    readonly nodePick: number,
    readonly targetPick: number,
    readonly toRoot: boolean,
  ) {}
  check = () => true;
  run(m: Model, s: EditorStore) {
    const st = s.getState();
    const n = pick(st.doc.nodes, this.nodePick);
    const t = this.toRoot ? null : (pick(st.doc.nodes, this.targetPick)?.id ?? null);
    if (!n) return;
    const r = reparent(st.doc, n.id, t, { x: 20, y: 50 });
    if (!r.ok) {
      // Refused (into itself or a descendant): nothing may change.
      expect(t === n.id || t !== null).toBe(true);
      return;
    }
    if (r.doc !== st.doc) {
      st.commit(r.doc);
      m.steps++;
    }
    assertForest(s);
  }
  toString = () => `reparent(${this.nodePick}→${this.toRoot ? "root" : this.targetPick})`;
}
class Connect implements fc.Command<Model, EditorStore> {
  constructor(
    readonly a: number,
    readonly b: number,
    readonly kind: number,
  ) {}
  check = () => true;
  run(m: Model, s: EditorStore) {
    const st = s.getState();
    const src = pick(st.doc.nodes, this.a);
    const tgt = pick(st.doc.nodes, this.b);
    if (!src || !tgt) return;
    st.commit(
      addEdge(st.doc, { kind: EDGE_KINDS[this.kind % EDGE_KINDS.length]!, source: src.id, target: tgt.id })
        .doc,
    );
    m.steps++;
    assertForest(s);
  }
  toString = () => `connect(${this.a},${this.b})`;
}
class Edit implements fc.Command<Model, EditorStore> {
  constructor(
    readonly nodePick: number,
    readonly label: string,
  ) {}
  check = () => true;
  run(m: Model, s: EditorStore) {
    const st = s.getState();
    const n = pick(st.doc.nodes, this.nodePick);
    if (!n) return;
    const next = updateNode(st.doc, n.id, { label: this.label, props: { notes: this.label || undefined } });
    if (next !== st.doc) {
      st.commit(next);
      m.steps++;
    }
    assertForest(s);
  }
  toString = () => `edit(${this.nodePick},${JSON.stringify(this.label)})`;
}
class CopyPaste implements fc.Command<Model, EditorStore> {
  constructor(
    readonly nodePick: number,
    readonly targetPick: number,
    readonly intoNode: boolean,
    readonly dup: boolean,
  ) {}
  check = () => true;
  run(m: Model, s: EditorStore) {
    const st = s.getState();
    const n = pick(st.doc.nodes, this.nodePick);
    if (!n) return;
    st.select([n.id]);
    if (this.dup) duplicateSelection(s);
    else {
      const text = copySelection(s)!;
      const target = this.intoNode ? pick(s.getState().doc.nodes, this.targetPick) : undefined;
      s.getState().select(target ? [target.id] : []);
      expect(pasteText(s, text, readDocument)).toBe(true);
    }
    m.steps++;
    assertForest(s);
  }
  toString = () =>
    `${this.dup ? "duplicate" : "copy-paste"}(${this.nodePick}→${this.intoNode ? this.targetPick : "canvas"})`;
}
class Nudge implements fc.Command<Model, EditorStore> {
  constructor(readonly nodePick: number) {}
  check = () => true;
  run(m: Model, s: EditorStore) {
    const n = pick(s.getState().doc.nodes, this.nodePick);
    if (!n) return;
    s.getState().select([n.id]);
    nudgeSelection(s, 40, 0);
    m.steps++;
    assertForest(s);
  }
  toString = () => `nudge(${this.nodePick})`;
}
class Undo implements fc.Command<Model, EditorStore> {
  check = () => true;
  run(m: Model, s: EditorStore) {
    const before = s.getState().past.length;
    s.getState().undo();
    if (before > 0) expect(s.getState().past.length).toBe(before - 1);
    m.steps = Math.max(0, m.steps - (before > 0 ? 1 : 0));
    assertForest(s);
  }
  toString = () => "undo";
}
class Redo implements fc.Command<Model, EditorStore> {
  check = () => true;
  run(m: Model, s: EditorStore) {
    const before = s.getState().future.length;
    s.getState().redo();
    if (before > 0) m.steps++;
    assertForest(s);
  }
  toString = () => "redo";
}

const nat = fc.nat({ max: 50 });
const commands = [
  fc.tuple(fc.constantFrom(...KINDS), nat, fc.boolean()).map(([k, p, r]) => new Add(k, p, r)),
  fc
    .tuple(nat, fc.integer({ min: -300, max: 300 }), fc.integer({ min: -300, max: 300 }))
    .map(([n, x, y]) => new Move(n, x, y)),
  nat.map((n) => new Delete(n)),
  fc.tuple(nat, nat, fc.boolean()).map(([n, t, r]) => new Reparent(n, t, r)),
  fc.tuple(nat, nat, nat).map(([a, b, k]) => new Connect(a, b, k)),
  fc.tuple(nat, fc.string({ maxLength: 12 })).map(([n, l]) => new Edit(n, l)),
  fc.tuple(nat, nat, fc.boolean(), fc.boolean()).map(([n, t, i, d]) => new CopyPaste(n, t, i, d)),
  nat.map((n) => new Nudge(n)),
  fc.constant(new Undo()),
  fc.constant(new Redo()),
];

describe("editor store, model-based", () => {
  it("keeps the document a valid forest after every step", () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
        const store = createEditorStore();
        lastLayout = null;
        fc.modelRun(() => ({ model: { steps: 0 }, real: store }), cmds);
      }),
      { numRuns: 60 },
    );
  });

  it("n undos then n redos give back the same document", () => {
    fc.assert(
      fc.property(fc.commands(commands.slice(0, 8), { maxCommands: 25 }), fc.nat({ max: 30 }), (cmds, k) => {
        const store = createEditorStore();
        lastLayout = null;
        fc.modelRun(() => ({ model: { steps: 0 }, real: store }), cmds);
        const before = writeDocument(store.getState().doc);
        const n = Math.min(k, store.getState().past.length);
        for (let i = 0; i < n; i++) store.getState().undo();
        for (let i = 0; i < n; i++) store.getState().redo();
        expect(writeDocument(store.getState().doc)).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});
