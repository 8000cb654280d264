/**
 * The quick fixes' and suppressions' promises (rules.md, "Quick fixes", "Suppressions"), over
 * generated documents: applying any offered fix removes that problem and adds no error;
 * suppressing a problem changes no other problem; `document/unused-suppression` fires exactly for
 * the suppressions that suppress nothing.
 */
import fc from "fast-check";
import type { StackDocument } from "../../../src/domain/document.ts";
import {
  applyFix,
  fixAll,
  FIX_ROUNDS,
  problemKey,
  RULE_IDS,
  suppress,
  unsuppress,
  validate,
  type Problem,
} from "../../../src/domain/rules/index.ts";
import { arbDocument, arbStack } from "./arbitraries.ts";

const errors = (ps: readonly Problem[]) =>
  ps.filter((p) => p.severity === "error" && p.suppressed === undefined);

/**
 * The errors of `after` that `before` lacks: none of the same rule and edge named at least the
 * same nodes (a conflict of three listeners brought down to two is no new error).
 */
function added(before: readonly Problem[], after: readonly Problem[]): string[] {
  const had = errors(before);
  return errors(after)
    .filter(
      (p) =>
        !had.some(
          (q) =>
            q.rule === p.rule && q.edgeId === p.edgeId && p.nodeIds.every((id) => q.nodeIds.includes(id)),
        ),
    )
    .map(problemKey);
}

/** Every offered fix of every problem, applied on its own, keeps the promise. */
function checkOffers(d: StackDocument): void {
  const before = validate(d);
  for (const p of before)
    for (const f of p.fixes) {
      const next = applyFix(d, p, f.id);
      expect(next, `${f.id} offered for ${p.rule} ${p.nodeIds.join(",")} applies`).not.toBeNull();
      const after = validate(next!);
      expect(
        after.some((q) => problemKey(q) === problemKey(p)),
        `${f.id} removes ${p.rule}`,
      ).toBe(false);
      expect(added(before, after), `${f.id} for ${p.rule} adds no error`).toEqual([]);
      // Pure: the document given is left as it was.
      expect(validate(d)).toEqual(before);
    }
}

describe("quick fixes, on generated documents", () => {
  it("remove their problem and add no error (random forests)", () => {
    fc.assert(fc.property(arbDocument(24), checkOffers), { numRuns: 300 });
  });

  it("remove their problem and add no error (plausible stacks)", () => {
    fc.assert(fc.property(arbStack(), checkOffers), { numRuns: 400 });
  });

  it("are offered on plausible stacks (the property above is not vacuous)", () => {
    const offered = new Set<string>();
    fc.assert(
      fc.property(arbStack(), (d) => {
        for (const p of validate(d)) for (const f of p.fixes) offered.add(f.id);
      }),
      // A fixed seed: which fixes a sample happens to offer must not make the test flaky.
      { numRuns: 1000, seed: 20261201 },
    );
    expect([...offered].sort()).toEqual(
      expect.arrayContaining([
        "add-kernel",
        "mark-provider",
        "same-image",
        "set-arch",
        "wrap-in-pod",
        "wrap-in-task",
        "insert-engine",
        "insert-hypervisor",
        "insert-kernel",
        "move-onto-kernel",
        "next-free-port",
        "set-family",
        "set-os",
        "set-type",
      ]),
    );
  });

  it("fixAll never adds an error and stops within its rounds", () => {
    fc.assert(
      fc.property(arbStack(), (d) => {
        const { doc, applied } = fixAll(d);
        expect(added(validate(d), validate(doc))).toEqual([]);
        expect(applied.length).toBeLessThanOrEqual(FIX_ROUNDS * Math.max(1, validate(d).length));
        if (applied.length === 0) expect(doc).toBe(d);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses a problem the document does not have, and a fix the problem does not offer", () => {
    fc.assert(
      fc.property(arbStack(), (d) => {
        for (const p of validate(d)) {
          const offered = new Set(p.fixes.map((f) => f.id));
          if (!offered.has("same-image")) expect(applyFix(d, p, "same-image")).toBeNull();
          expect(applyFix(d, { ...p, nodeIds: ["no such node"] }, p.fixes[0]?.id ?? "set-os")).toBeNull();
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** A document with one node's suppress replaced. */
function withSuppress(
  d: StackDocument,
  id: string,
  table: Record<string, string> | undefined,
): StackDocument {
  return {
    ...d,
    nodes: d.nodes.map((n) => {
      if (n.id !== id) return n;
      const { suppress: _old, ...rest } = n;
      return table === undefined ? rest : { ...rest, suppress: table };
    }),
  };
}

const strip = (p: Problem) => ({ rule: p.rule, nodeIds: p.nodeIds, edgeId: p.edgeId, params: p.params });

describe("suppressions, on generated documents", () => {
  it("suppressing a problem marks it, and changes no other problem", () => {
    fc.assert(
      fc.property(arbStack(), fc.nat(), (d, pick) => {
        const before = validate(d).filter((p) => p.rule !== "document/unused-suppression");
        if (before.length === 0) return;
        const target = before[pick % before.length]!;
        const first = target.nodeIds[0]!;
        const s = suppress(d, first, target.rule, "reviewed");
        const after = validate(s);
        // The same problems, in the same order; those of this rule and first node are suppressed.
        const same = after.filter((p) => p.rule !== "document/unused-suppression");
        expect(same.map(strip)).toEqual(before.map(strip));
        same.forEach((p, k) => {
          const hit = p.rule === target.rule && p.nodeIds[0] === first;
          expect(p.suppressed).toEqual(hit ? { reason: "reviewed" } : before[k]!.suppressed);
        });
        expect(after.some((p) => p.rule === "document/unused-suppression" && p.nodeIds[0] === first)).toBe(
          before.some((p) => p.rule === "document/unused-suppression" && p.nodeIds[0] === first),
        );
        // unsuppress undoes it.
        expect(validate(unsuppress(s, first, target.rule)).map(strip)).toEqual(validate(d).map(strip));
      }),
      { numRuns: 300 },
    );
  });

  it("reports document/unused-suppression exactly for the keys that suppress nothing", () => {
    const keys = fc.constantFrom(...RULE_IDS, "no/such-rule", "__proto__");
    fc.assert(
      fc.property(
        arbStack(),
        fc.nat(),
        fc.uniqueArray(keys, { minLength: 1, maxLength: 4 }),
        (d, pick, rules) => {
          if (d.nodes.length === 0) return;
          const node = d.nodes[pick % d.nodes.length]!;
          const table: Record<string, string> = {};
          for (const r of rules)
            Object.defineProperty(table, r, {
              value: "why",
              enumerable: true,
              writable: true,
              configurable: true,
            });
          const plain = validate(withSuppress(d, node.id, undefined));
          const s = validate(withSuppress(d, node.id, table));
          const own = new Set(plain.filter((p) => p.nodeIds[0] === node.id).map((p) => p.rule as string));
          const unused = rules.filter((r) => r !== "document/unused-suppression" && !own.has(r));
          const reported = s.filter(
            (p) => p.rule === "document/unused-suppression" && p.nodeIds[0] === node.id,
          );
          if (unused.length === 0) expect(reported).toEqual([]);
          else {
            expect(reported).toHaveLength(1);
            expect(String(reported[0]!.params.rules).split(", ").sort()).toEqual([...unused].sort());
            expect(reported[0]!.fixes.map((f) => f.id)).toEqual(["remove-suppression"]);
            expect(reported[0]!.suppressed !== undefined).toBe(rules.includes("document/unused-suppression"));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
