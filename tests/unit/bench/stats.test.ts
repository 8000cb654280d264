// @vitest-environment node
import {
  FRAME_MS,
  interleave,
  intervals,
  median,
  percentile,
  ratio,
  shareOver,
  summarizeFrames,
} from "../../../bench/perf/stats.ts";

describe("bench stats", () => {
  it("median of odd, even and empty lists", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("nearest-rank percentile", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile([5, 1, 9], 50)).toBe(5);
    expect(percentile([], 95)).toBeNaN();
  });

  it("share over the frame budget, with jitter tolerance", () => {
    expect(shareOver([16.6, 16.8, 17.0, 33.3], FRAME_MS)).toBe(0.25);
    expect(shareOver([16.6, 16.8, 17.0, 33.3], FRAME_MS, 0)).toBe(0.75);
    expect(shareOver([], FRAME_MS)).toBeNaN();
  });

  it("intervals and summary", () => {
    expect(intervals([0, 16, 33, 83])).toEqual([16, 17, 50]);
    const s = summarizeFrames([16, 17, 50]);
    expect(s).toMatchObject({ frames: 3, median: 17, p95: 50, max: 50 });
    expect(s.over).toBeCloseTo(1 / 3);
  });

  it("interleaves A B A B with the warm-up first", () => {
    const v = interleave(["A", "B"] as const, 2, 1);
    expect(v.map((x) => x.variant).join("")).toBe("ABABAB");
    expect(v.map((x) => x.warmup)).toEqual([true, true, false, false, false, false]);
    expect(v.map((x) => x.round)).toEqual([-1, -1, 0, 0, 1, 1]);
  });

  it("ratio", () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 0)).toBeNaN();
  });
});
