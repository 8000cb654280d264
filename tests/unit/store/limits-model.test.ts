/**
 * Model-based test of the limits (docs/reliability.md, promise 9), the store's own command model
 * extended: for any sequence of editor commands — typing into fields (debounced, coalesced into
 * one undo step), paste, duplicate, drop (a preset, a node into another), connect, import, template
 * beside, undo, redo — the document always reads back through the reader without error, the bytes
 * Save writes are within the size limit, and every refused command left the document (and its
 * history) exactly as it was. The store runs with small limits so that random sequences reach
 * every one of them; the same code runs with LIMITS in the app (tests/unit/store/limits.test.ts
 * crosses the real ones).
 */
import fc from "fast-check";
import { createEditorStore, limitViolation, type EditorStore } from "../../../src/store/editor.ts";
import { addEdge, reparent, updateNode } from "../../../src/domain/edit.ts";
import { copySelection, duplicateSelection, openTemplate, pasteText } from "../../../src/store/actions.ts";
import { readDocument } from "../../../src/io/read.ts";
import { savedByteLength, utf8Length, writeDocument, writeForSave } from "../../../src/io/write.ts";
import { EDGE_KINDS } from "../../../src/domain/kinds/catalog.ts";
import { PRESETS } from "../../../src/domain/kinds/presets.ts";
import { presetDropAt } from "../../../src/domain/drag.ts";
import { importCompose } from "../../../src/io/compose.ts";
import { TEMPLATES } from "../../../src/templates/index.ts";
import { LIMITS, checkLimits, type Limits } from "../../../src/domain/limits.ts";
import { ownProp } from "../../../src/domain/document.ts";
import { validate } from "../../../src/domain/rules/index.ts";

const SMALL: Limits = {
  ...LIMITS,
  bytes: 16_000,
  nodes: 50,
  edges: 6,
  depth: 5,
  labelLength: 40,
  notesLength: 120,
  propTextLength: 30,
};

type Model = { refused: number; applied: number };

function assertWithinLimits(s: EditorStore) {
  const { doc } = s.getState();
  expect(checkLimits(doc, savedByteLength, SMALL)).toBeNull();
  expect(savedByteLength(doc)).toBe(utf8Length(writeDocument(doc, { compact: true })));
  const saved = writeForSave(doc);
  expect(utf8Length(saved)).toBeLessThanOrEqual(LIMITS.bytes);
  const read = readDocument(saved);
  expect(read.ok).toBe(true);
}

/** Runs one editor command: when it reports a refusal, nothing at all may have changed. */
function attempt(m: Model, s: EditorStore, run: () => boolean) {
  const before = s.getState();
  const ok = run();
  const after = s.getState();
  if (!ok) {
    expect(after.doc).toBe(before.doc);
    expect(after.past).toBe(before.past);
    expect(after.future).toBe(before.future);
    m.refused++;
  } else m.applied++;
  assertWithinLimits(s);
}

const pick = <T>(list: readonly T[], i: number): T | undefined =>
  list.length ? list[i % list.length] : undefined;

type Cmd = fc.Command<Model, EditorStore>;
const cmd = (name: string, run: (m: Model, s: EditorStore) => void): Cmd => ({
  check: () => true,
  run,
  toString: () => name,
});

/** Typing `text` into a field in chunks, each chunk a debounced commit of the same field edit. */
const typeInto = (field: "label" | "notes" | "image", nodePick: number, text: string, chunks: number) =>
  cmd(`type(${field},${nodePick},${text.length}×${chunks})`, (m, s) => {
    const n = pick(s.getState().doc.nodes, nodePick);
    if (!n) return;
    const pastBefore = s.getState().past.length;
    let typed = field === "label" ? (n.label ?? "") : String(ownProp(n.props, field) ?? "");
    let anyApplied = false;
    for (let i = 0; i < chunks; i++) {
      typed += text;
      const st = s.getState();
      const next =
        field === "label"
          ? updateNode(st.doc, n.id, { label: typed })
          : updateNode(st.doc, n.id, { props: { [field]: typed } });
      attempt(m, s, () => {
        const ok = st.commit(next, "edit", { coalesce: `${n.id}:${field}` });
        anyApplied ||= ok;
        return ok;
      });
    }
    s.getState().endEditSession();
    // One undo step for the whole field edit, however many commits it took.
    if (anyApplied) expect(s.getState().past.length).toBe(Math.min(pastBefore + 1, 200));
  });

const commands = [
  fc
    .tuple(fc.nat(40), fc.string({ minLength: 1, maxLength: 14 }), fc.integer({ min: 1, max: 5 }))
    .map(([n, t, c]) => typeInto("label", n, t, c)),
  fc
    .tuple(fc.nat(40), fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 5 }))
    .map(([n, t, c]) => typeInto("notes", n, t, c)),
  fc
    .tuple(fc.nat(40), fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 4 }))
    .map(([n, t, c]) => typeInto("image", n, t, c)),
  // Copy a node and paste it into the node just pasted, again and again: nesting grows.
  fc.tuple(fc.nat(40), fc.integer({ min: 1, max: 4 })).map(([n, times]) =>
    cmd(`paste-nested(${n}×${times})`, (m, s) => {
      const node = pick(s.getState().doc.nodes, n);
      if (!node) return;
      s.getState().select([node.id]);
      const text = copySelection(s)!;
      for (let i = 0; i < times; i++) attempt(m, s, () => pasteText(s, text, readDocument));
    }),
  ),
  fc.nat(40).map((n) =>
    cmd(`paste-root(${n})`, (m, s) => {
      const node = pick(s.getState().doc.nodes, n);
      if (!node) return;
      s.getState().select([node.id]);
      const text = copySelection(s)!;
      s.getState().select([]);
      attempt(m, s, () => pasteText(s, text, readDocument));
    }),
  ),
  fc.constant(
    cmd("select-all+duplicate", (m, s) => {
      s.getState().select(s.getState().doc.nodes.map((x) => x.id));
      attempt(m, s, () => duplicateSelection(s));
    }),
  ),
  fc
    .tuple(fc.nat(PRESETS.length), fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 400 }))
    .map(([p, x, y]) =>
      cmd(`drop-preset(${p}@${x},${y})`, (m, s) => {
        const st = s.getState();
        const r = presetDropAt(st.doc, st.index, PRESETS[p % PRESETS.length]!, st.lang, { x, y }, validate);
        if (!r.verdict.after) return;
        attempt(m, s, () => st.commit(r.verdict.after!, "drop"));
      }),
    ),
  // A node dragged into another (a gesture ended by a drop): may nest it too deep.
  fc.tuple(fc.nat(40), fc.nat(40)).map(([a, b]) =>
    cmd(`drag-into(${a}→${b})`, (m, s) => {
      const st = s.getState();
      const n = pick(st.doc.nodes, a);
      const t = pick(st.doc.nodes, b);
      if (!n || !t) return;
      const r = reparent(st.doc, n.id, t.id, { x: 12, y: 40 });
      if (!r.ok || r.doc === st.doc) return;
      attempt(m, s, () => {
        st.beginGesture();
        s.getState().transient(r.doc);
        s.getState().endGesture();
        return s.getState().doc !== st.doc;
      });
    }),
  ),
  fc.tuple(fc.nat(40), fc.nat(40), fc.nat(5)).map(([a, b, k]) =>
    cmd(`connect(${a},${b})`, (m, s) => {
      const st = s.getState();
      const src = pick(st.doc.nodes, a);
      const tgt = pick(st.doc.nodes, b);
      if (!src || !tgt || src === tgt) return;
      const { doc } = addEdge(st.doc, {
        kind: EDGE_KINDS[k % EDGE_KINDS.length]!,
        source: src.id,
        target: tgt.id,
      });
      attempt(m, s, () => st.commit(doc, "connect"));
    }),
  ),
  fc.integer({ min: 1, max: 40 }).map((services) =>
    cmd(`import(${services} services)`, (m, s) => {
      const yaml = `services:\n${Array.from({ length: services }, (_, i) => `  app${i}:\n    image: nginx:1.${i}\n`).join("")}`;
      const r = importCompose(yaml, { title: "compose" });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      attempt(m, s, () => s.getState().replaceDocument(r.document, { action: "import" }));
    }),
  ),
  fc
    .tuple(fc.nat(TEMPLATES.length), fc.constantFrom("en", "ko") as fc.Arbitrary<"en" | "ko">)
    .map(([t, lang]) =>
      cmd(`template-beside(${t},${lang})`, (m, s) => {
        s.getState().setLang(lang);
        attempt(m, s, () => openTemplate(s, TEMPLATES[t % TEMPLATES.length]!, "beside"));
      }),
    ),
  fc.constant(
    cmd("undo", (_m, s) => {
      s.getState().undo();
      assertWithinLimits(s);
    }),
  ),
  fc.constant(
    cmd("redo", (_m, s) => {
      s.getState().redo();
      assertWithinLimits(s);
    }),
  ),
];

describe("limits, model-based over the editor store", () => {
  it("every document the store holds is within the limits and reads back; a refused command changes nothing", () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 30 }), (cmds) => {
        const store = createEditorStore(undefined, { limits: SMALL });
        const model = { refused: 0, applied: 0 };
        fc.modelRun(() => ({ model, real: store }), cmds);
        refused += model.refused;
      }),
      { numRuns: 50 },
    );
    // The sequences do reach the limits (a test that never refuses would prove nothing).
    expect(refused).toBeGreaterThan(0);
  });

  it("each kind of limit is refused at the edit that would cross it, with its own reason", () => {
    const run = (limits: Limits, steps: ((s: EditorStore) => boolean)[]) => {
      const s = createEditorStore(undefined, { limits });
      let last: ReturnType<typeof limitViolation> = null;
      for (const [i, step] of steps.entries()) {
        const before = s.getState().doc;
        if (!step(s)) {
          expect(s.getState().doc).toBe(before);
          last = limitViolation(s.getState().doc, limits) ?? ("refused" as never);
          return { s, refusedAt: i, notice: s.getState().notice, last };
        }
      }
      return { s, refusedAt: -1, notice: s.getState().notice, last };
    };
    const add = (s: EditorStore) => {
      // Each beside the last, at the root.
      const x = 300 * s.getState().doc.nodes.length;
      const r = presetDropAt(
        s.getState().doc,
        s.getState().index,
        PRESETS[0]!,
        "en",
        { x, y: -900 },
        validate,
      );
      return s.getState().commit(r.verdict.after!, "drop");
    };
    const first = (s: EditorStore) => s.getState().doc.nodes[0]!;
    const cases: [string, Limits, ((s: EditorStore) => boolean)[], number, RegExp][] = [
      ["nodes", SMALL, Array.from({ length: 51 }, () => add), 50, /would have 51 nodes, and the limit is 50/],
      [
        "edges",
        SMALL,
        [
          add,
          add,
          ...Array.from({ length: 7 }, () => (s: EditorStore) => {
            const [a, b] = s.getState().doc.nodes;
            return s
              .getState()
              .commit(
                addEdge(s.getState().doc, { kind: "network", source: a!.id, target: b!.id }).doc,
                "connect",
              );
          }),
        ],
        8,
        /would have 7 connections, and the limit is 6/,
      ],
      [
        "depth",
        SMALL,
        [
          add,
          ...Array.from({ length: 6 }, () => (s: EditorStore) => {
            const deepest = s.getState().doc.nodes.at(-1)!;
            s.getState().select([deepest.id]);
            const text = copySelection(s)!;
            s.getState().select([deepest.id]);
            // Paste a copy of the deepest node into itself: one level deeper each time.
            const ok = pasteText(s, text, readDocument);
            return ok;
          }),
        ],
        6,
        /nested 6 levels deep, and the limit is 5/,
      ],
      [
        "label",
        SMALL,
        [
          add,
          (s) => s.getState().commit(updateNode(s.getState().doc, first(s).id, { label: "x".repeat(41) })),
        ],
        1,
        /a label would be 41 characters long, and the limit is 40/,
      ],
      [
        "text",
        SMALL,
        [
          add,
          (s) =>
            s
              .getState()
              .commit(updateNode(s.getState().doc, first(s).id, { props: { notes: "n".repeat(121) } })),
        ],
        1,
        /the text of “notes” would be 121 characters long, and the limit is 120/,
      ],
      [
        "bytes",
        { ...SMALL, bytes: 1_500 },
        [
          add,
          add,
          add,
          ...[0, 1, 2].map(
            (i) => (s: EditorStore) =>
              s.getState().commit(
                updateNode(s.getState().doc, s.getState().doc.nodes[i]!.id, {
                  props: { notes: "n".repeat(110) },
                }),
              ),
          ),
          add,
          add,
          add,
          add,
          add,
        ],
        -2,
        /the file would be 0\.1 MB, and the limit is/,
      ],
    ];
    for (const [name, limits, steps, at, message] of cases) {
      const r = run(limits, steps);
      if (at >= 0) expect(r.refusedAt, name).toBe(at);
      else expect(r.refusedAt, name).toBeGreaterThan(0);
      expect(r.notice?.kind, name).toBe("error");
      expect(r.notice?.text.en, name).toMatch(message);
      expect(r.notice?.text.ko, name).toMatch(/[가-힣]/);
      expect(checkLimits(r.s.getState().doc, savedByteLength, limits), name).toBeNull();
    }
  });
});
