/**
 * A drag step's clusters (src/domain/routing/clusters.ts, `live`) are worked out from the earlier
 * step's: only the routes searched again, the ones running alongside them and their clusters are
 * swept. Whatever changed, the nudged routes must equal those of sweeping every route afresh.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Point } from "../../../src/domain/document.ts";
import { nudgeAll, type Searched } from "../../../src/domain/routing/clusters.ts";
import type { EdgeFrame } from "../../../src/domain/routing/scene.ts";

const REGION = { l: -50, t: -50, r: 1050, b: 1050 };

/** A frame with no obstacles inside a big region: nudging only has to space the routes. */
function frameOf(pts: readonly Point[]): EdgeFrame {
  const end = (p: Point) => ({ l: p.x - 2, t: p.y - 2, r: p.x + 2, b: p.y + 2 });
  return {
    source: end(pts[0]!),
    target: end(pts.at(-1)!),
    sourceInner: false,
    targetInner: false,
    region: REGION,
    obstacles: [],
    open: new Set(),
    reach: REGION,
    lca: undefined,
    self: false,
  };
}

/** An orthogonal route: from a point, alternate horizontal and vertical runs on a coarse grid. */
const route = fc
  .record({
    x: fc.integer({ min: 0, max: 12 }),
    y: fc.integer({ min: 0, max: 12 }),
    runs: fc.array(
      fc.integer({ min: -6, max: 6 }).filter((d) => d !== 0),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ x, y, runs }) => {
    const pts: Point[] = [{ x: x * 20, y: y * 20 }];
    runs.forEach((d, i) => {
      const p = pts.at(-1)!;
      pts.push(
        i % 2 === 0
          ? { x: Math.max(0, Math.min(1000, p.x + d * 20)), y: p.y }
          : { x: p.x, y: Math.max(0, Math.min(1000, p.y + d * 20)) },
      );
    });
    return pts.filter((p, i) => i === 0 || p.x !== pts[i - 1]!.x || p.y !== pts[i - 1]!.y);
  })
  .filter((pts) => pts.length >= 2);

describe("a drag step's clusters", () => {
  it("nudge every route as sweeping all of them afresh would, after any routes change, come or go", () => {
    fc.assert(
      fc.property(
        fc.array(route, { minLength: 1, maxLength: 14 }),
        fc.array(fc.tuple(fc.nat(), fc.option(route, { nil: undefined })), { maxLength: 5 }),
        fc.array(route, { maxLength: 2 }),
        fc.boolean(),
        (routes, changes, added, fromFull) => {
          const items: Searched[] = routes.map((raw, i) => ({ id: `e${i}`, raw, frame: frameOf(raw) }));
          // The drag's first step starts from a full result (whose clusters may have been joined
          // after nudging), later steps from a step's.
          const first = nudgeAll(items, 6, undefined, !fromFull);
          // Some routes searched again (a new route, or gone), some added.
          const next = [...items];
          const gone = new Set<number>();
          for (const [k, r] of changes) {
            const i = k % items.length;
            if (r === undefined) gone.add(i);
            else next[i] = { id: `e${i}`, raw: r, frame: frameOf(r) };
          }
          const after = [
            ...next.filter((_, i) => !gone.has(i)),
            ...added.map((raw, j) => ({ id: `new${j}`, raw, frame: frameOf(raw) })),
          ];
          const step = nudgeAll(after, 6, first.cache, true);
          const fresh = nudgeAll(after, 6, undefined, true);
          expect(step.nudged.map((n) => n.points)).toEqual(fresh.nudged.map((n) => n.points));
          // And a second step from that one.
          const again = nudgeAll(after, 6, step.cache, true);
          expect(again.nudged.map((n) => n.points)).toEqual(fresh.nudged.map((n) => n.points));
        },
      ),
      { numRuns: 400 },
    );
  });
});
