/**
 * Properties of dragging and dropping (fast-check), for random documents, dragged nodes, drag
 * distances and pointers: the hint computed while hovering — after hovering elsewhere first, so
 * that cached verdicts are reused — says exactly what the drop then does; a drop never puts a
 * node into itself, a descendant or another dragged node; every dragged node stays where it is on
 * screen; and a palette preset lands in the node under the pointer, centred on it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Point, StackDocument, StackNode } from "../../../src/domain/document.ts";
import { KINDS } from "../../../src/domain/kinds/catalog.ts";
import { PRESETS } from "../../../src/domain/kinds/presets.ts";
import { descendantsOf, indexDocument } from "../../../src/domain/diagram.ts";
import { dropVerdict } from "../../../src/domain/drop.ts";
import { dropNodes, hintFor, judgeNodeDrop, presetDropAt, presetDropHint } from "../../../src/domain/drag.ts";
import { problemsByNode, validate, type Problem } from "../../../src/domain/rules/index.ts";
import { boxOf, centreOf, laidOut, movedBy, parentOf, startDrag } from "./helpers.ts";

const RUNS = 250;

/** A random forest of any kinds, with the props the nesting rules read, laid out as the editor does. */
const arbDocument: fc.Arbitrary<StackDocument> = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...KINDS),
      parent: fc.option(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
        nil: null,
        freq: 3,
      }),
      props: fc.record(
        {
          arch: fc.constantFrom("x86_64", "arm64"),
          family: fc.constantFrom("linux", "windows"),
          os: fc.constantFrom("linux", "windows"),
        },
        { requiredKeys: [] },
      ),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((drafts) => {
    const nodes: StackNode[] = drafts.map((d, i) => ({
      id: `n${i}`,
      kind: d.kind,
      ...(d.parent !== null && i > 0 ? { parentId: `n${Math.floor(d.parent * i)}` } : {}),
      ...(Object.keys(d.props).length ? { props: d.props } : {}),
    }));
    return laidOut({ format: "stackdraw", version: 1, nodes, edges: [] });
  });

/** A point: over some node (its centre, nudged) or anywhere near the diagram. */
const arbPointIn = (d: StackDocument): fc.Arbitrary<Point> =>
  fc.oneof(
    fc
      .record({
        i: fc.nat({ max: d.nodes.length - 1 }),
        dx: fc.integer({ min: -30, max: 30 }),
        dy: fc.integer({ min: -30, max: 30 }),
      })
      .map(({ i, dx, dy }) => {
        const c = centreOf(d, d.nodes[i]!.id);
        return { x: c.x + dx, y: c.y + dy };
      }),
    fc.record({ x: fc.integer({ min: -200, max: 2500 }), y: fc.integer({ min: -200, max: 1500 }) }),
  );

const arbDrag = arbDocument.chain((d) =>
  fc.record({
    doc: fc.constant(d),
    dragged: fc
      .uniqueArray(fc.nat({ max: d.nodes.length - 1 }), { minLength: 1, maxLength: 3 })
      .map((is) => is.map((i) => d.nodes[i]!.id)),
    by: fc.record({ dx: fc.integer({ min: -400, max: 400 }), dy: fc.integer({ min: -400, max: 400 }) }),
    /** Where the pointer hovered before (a verdict judged there is reused if the target is the same). */
    before: arbPointIn(d),
    pointer: arbPointIn(d),
  }),
);

const errorsOf = (problems: readonly Problem[], ids: ReadonlySet<string>) =>
  problems.filter((p) => p.severity === "error" && ids.has(p.nodeIds[0]!));
const sameProblem = (a: Problem | undefined, b: Problem | undefined) =>
  a === b ||
  (a !== undefined && b !== undefined && a.rule === b.rule && a.nodeIds.join() === b.nodeIds.join());

describe("dragging nodes (properties)", () => {
  it("the hint while hovering is what the drop does", () => {
    fc.assert(
      fc.property(arbDrag, ({ doc, dragged, by, before, pointer }) => {
        const drag = startDrag(doc, dragged);
        judgeNodeDrop(drag, movedBy(drag, by.dx / 2, by.dy / 2), before);
        const now = movedBy(drag, by.dx, by.dy);
        const hover = judgeNodeDrop(drag, now, pointer);
        const after = dropNodes(drag, now, pointer);

        // Where: every top that the hint moves is in the hinted target afterwards; the others
        // did not move; nothing but the moved tops changed.
        for (const top of drag.tops)
          expect(parentOf(after, top)).toBe(
            hover.moved.includes(top) ? hover.target : parentOf(now.doc, top),
          );
        const changed = after.nodes.filter((n, i) => n !== now.doc.nodes[i]).map((n) => n.id);
        expect(changed.sort()).toEqual([...hover.moved].sort());

        // Good or bad: the drop's own verdict, judged on the document it made.
        if (hover.moved.length > 0) {
          const moved = new Set(hover.moved);
          const involved = new Set([
            ...moved,
            ...hover.moved.flatMap((id) => descendantsOf(drag.still.index, id)),
          ]);
          if (hover.target !== null) involved.add(hover.target);
          const judged = dropVerdict(now.doc, after, moved, involved, validate);
          expect(hover.verdict.ok).toBe(judged.ok);
          expect(sameProblem(hover.verdict.problem, judged.problem)).toBe(true);
          // …which the rules confirm: a good drop leaves no moved node with an error.
          const problems = validate(after);
          if (hover.verdict.ok) expect(errorsOf(problems, moved)).toEqual([]);
          else expect(problems.some((p) => sameProblem(p, hover.verdict.problem))).toBe(true);
        } else {
          expect(after).toBe(now.doc);
          const own = problemsByNode(validate(doc));
          const broken = drag.tops.some((id) => own.get(id)?.some((p) => p.severity === "error"));
          expect(hover.verdict.ok).toBe(!broken);
        }

        // The hint shows exactly that.
        const hint = hintFor(hover);
        if (hint === null)
          expect(hover.moved.length === 0 && hover.verdict.ok && hover.target === null).toBe(true);
        else expect(hint).toMatchObject({ targetId: hover.target, ok: hover.verdict.ok });
      }),
      { numRuns: RUNS },
    );
  });

  it("never into itself, a descendant or another dragged node, and everything dragged stays where it is on screen", () => {
    fc.assert(
      fc.property(arbDrag, ({ doc, dragged, by, pointer }) => {
        const drag = startDrag(doc, dragged);
        const now = movedBy(drag, by.dx, by.dy);
        const { target } = judgeNodeDrop(drag, now, pointer);
        if (target !== null) expect(drag.moving.has(target)).toBe(false);
        const after = dropNodes(drag, now, pointer);
        // Still a forest: every node reaches a root.
        const index = indexDocument(after);
        expect(index.order).toHaveLength(after.nodes.length);
        for (const id of drag.moving) {
          const was = boxOf(now.doc, id);
          const is = boxOf(after, id);
          expect(is.x).toBeCloseTo(was.x, 6);
          expect(is.y).toBeCloseTo(was.y, 6);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("dropping a palette preset (properties)", () => {
  it("lands in the node under the pointer, centred on it, and the hint says what it breaks", () => {
    const arb = arbDocument.chain((d) =>
      fc.record({
        doc: fc.constant(d),
        preset: fc.constantFrom(...PRESETS),
        lang: fc.constantFrom("en" as const, "ko" as const),
        pointer: arbPointIn(d),
      }),
    );
    fc.assert(
      fc.property(arb, ({ doc, preset, lang, pointer }) => {
        const r = presetDropAt(doc, indexDocument(doc), preset, lang, pointer, validate);
        const after = r.verdict.after!;
        const id = r.verdict.id!;
        expect(parentOf(after, id)).toBe(r.target);
        const c = centreOf(after, id);
        expect(Math.abs(c.x - pointer.x)).toBeLessThanOrEqual(1);
        expect(Math.abs(c.y - pointer.y)).toBeLessThanOrEqual(1);
        const problems = validate(after);
        if (r.verdict.ok) expect(errorsOf(problems, new Set([id]))).toEqual([]);
        else expect(problems.some((p) => sameProblem(p, r.verdict.problem))).toBe(true);
        const hint = presetDropHint(r);
        if (hint === null) expect(r.target === null && r.verdict.ok).toBe(true);
        else expect(hint).toMatchObject({ targetId: r.target, ok: r.verdict.ok });
      }),
      { numRuns: RUNS },
    );
  });
});
