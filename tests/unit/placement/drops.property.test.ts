/**
 * The property of the issue, through the store as the canvas drives it: for any sequence of palette
 * drops at any point and node drags to any point (each judged and dropped by src/domain/drag.ts,
 * then placed by the store), no child overlaps a sibling, no child leaves its parent's content
 * area, no root moved up or left unless it was the one dragged, and undo takes every step back.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StackDocument } from "../../../src/domain/document.ts";
import { createEditorStore, type EditorStore } from "../../../src/store/editor.ts";
import { PRESETS } from "../../../src/domain/kinds/presets.ts";
import { beginNodeDrag, dropNodes, presetDropAt, withPositions } from "../../../src/domain/drag.ts";
import { absoluteRects } from "../../../src/domain/drop.ts";
import { contentInsets } from "../../../src/domain/layout/index.ts";
import { overlaps } from "../../../src/domain/placement.ts";
import { validate } from "../../../src/domain/rules/index.ts";

type Step =
  | { op: "drop"; preset: number; x: number; y: number; over: number | null }
  | { op: "drag"; node: number; dx: number; dy: number; over: number | null };

const arbStep: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant("drop" as const),
    preset: fc.nat({ max: PRESETS.length - 1 }),
    x: fc.integer({ min: -200, max: 1600 }),
    y: fc.integer({ min: -200, max: 1000 }),
    over: fc.option(fc.nat(), { nil: null }),
  }),
  fc.record({
    op: fc.constant("drag" as const),
    node: fc.nat(),
    dx: fc.integer({ min: -500, max: 500 }),
    dy: fc.integer({ min: -500, max: 500 }),
    over: fc.option(fc.nat(), { nil: null }),
  }),
);

function tidy(d: StackDocument) {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const kids = new Map<string, typeof d.nodes>();
  for (const n of d.nodes) {
    if (n.parentId == null) continue;
    const p = byId.get(n.parentId)!;
    const ins = contentInsets(p.kind);
    expect(n.position!.x).toBeGreaterThanOrEqual(ins.left);
    expect(n.position!.y).toBeGreaterThanOrEqual(ins.top);
    expect(n.position!.x + n.size!.width).toBeLessThanOrEqual(p.size!.width - ins.right);
    expect(n.position!.y + n.size!.height).toBeLessThanOrEqual(p.size!.height - ins.bottom);
    kids.set(p.id, [...(kids.get(p.id) ?? []), n]);
  }
  for (const list of kids.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        expect(
          overlaps(
            { ...list[i]!.position!, ...list[i]!.size! },
            { ...list[j]!.position!, ...list[j]!.size! },
          ),
        ).toBe(false);
}

/** A point: the centre of some node (when `over` picks one), else (x, y). */
function pointer(store: EditorStore, over: number | null, x: number, y: number) {
  const s = store.getState();
  if (over === null || s.doc.nodes.length === 0) return { x, y };
  const r = absoluteRects(s.doc, s.index).get(s.doc.nodes[over % s.doc.nodes.length]!.id)!;
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

function run(store: EditorStore, step: Step): string | null {
  const s = store.getState();
  if (step.op === "drop") {
    const r = presetDropAt(
      s.doc,
      s.index,
      PRESETS[step.preset]!,
      "en",
      pointer(store, step.over, step.x, step.y),
      validate,
    );
    if (r.verdict.after) s.commit(r.verdict.after, "drop");
    return null;
  }
  if (s.doc.nodes.length === 0) return null;
  const id = s.doc.nodes[step.node % s.doc.nodes.length]!.id;
  s.beginGesture();
  const drag = beginNodeDrag({ doc: s.doc, index: s.index, problems: s.nodeProblems, check: validate }, [id]);
  const p0 = s.index.byId.get(id)!.position!;
  for (let i = 1; i <= 3; i++) {
    const now = store.getState();
    now.transient(
      withPositions(now.doc, new Map([[id, { x: p0.x + (step.dx * i) / 3, y: p0.y + (step.dy * i) / 3 }]])),
      [id],
    );
  }
  const now = store.getState();
  const r = absoluteRects(now.doc, now.index).get(id)!;
  const at = step.over === null ? { x: r.x + 10, y: r.y + 10 } : pointer(store, step.over, 0, 0);
  now.transient(dropNodes(drag, now, at));
  store.getState().endGesture();
  return id;
}

describe("drops and drags (property)", () => {
  it("no child overlaps a sibling or leaves its parent's content area; roots never move up-left by themselves", () => {
    fc.assert(
      fc.property(fc.array(arbStep, { minLength: 1, maxLength: 14 }), (steps) => {
        const store = createEditorStore();
        const docs: StackDocument[] = [store.getState().doc];
        for (const step of steps) {
          const before = store.getState().doc;
          const dragged = run(store, step);
          const after = store.getState().doc;
          tidy(after);
          for (const n of after.nodes) {
            if (n.parentId != null || n.id === dragged) continue;
            const was = before.nodes.find((m) => m.id === n.id);
            if (was && was.parentId == null) {
              expect(n.position!.x).toBeGreaterThanOrEqual(was.position!.x);
              expect(n.position!.y).toBeGreaterThanOrEqual(was.position!.y);
            }
          }
          if (after !== docs[docs.length - 1]) docs.push(after);
        }
        // Undo walks every step back, exactly.
        for (let i = docs.length - 2; i >= 0; i--) {
          store.getState().undo();
          expect(store.getState().doc).toEqual(docs[i]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
