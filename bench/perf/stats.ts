/** Pure statistics for the editor benchmark (no I/O): tested in tests/unit/bench/stats.test.ts. */

/** The 60 Hz frame budget. */
export const FRAME_MS = 1000 / 60;

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100): the smallest value with at least p% of values ≤ it. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1]!;
}

/**
 * Share (0..1) of values over `threshold`. A tolerance absorbs timer jitter: a 16.8 ms interval of
 * a 60 Hz display is one frame, not a missed one.
 */
export function shareOver(xs: readonly number[], threshold: number, tolerance = 0.5): number {
  if (xs.length === 0) return Number.NaN;
  return xs.filter((x) => x > threshold + tolerance).length / xs.length;
}

/** Intervals between consecutive timestamps. */
export function intervals(stamps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < stamps.length; i++) out.push(stamps[i]! - stamps[i - 1]!);
  return out;
}

export interface FrameSummary {
  frames: number;
  median: number;
  p95: number;
  max: number;
  /** Share of frames over 16.7 ms (0..1). */
  over: number;
}

export function summarizeFrames(frames: readonly number[]): FrameSummary {
  return {
    frames: frames.length,
    median: median(frames),
    p95: percentile(frames, 95),
    max: frames.length ? Math.max(...frames) : Number.NaN,
    over: shareOver(frames, FRAME_MS),
  };
}

export interface Visit<V extends string> {
  round: number;
  variant: V;
  warmup: boolean;
}

/** Interleaved order A B A B …: `warmups` unmeasured rounds, then `rounds` measured ones. */
export function interleave<V extends string>(
  variants: readonly V[],
  rounds: number,
  warmups = 1,
): Visit<V>[] {
  const out: Visit<V>[] = [];
  for (let r = 0; r < warmups + rounds; r++)
    for (const variant of variants) out.push({ round: r - warmups, variant, warmup: r < warmups });
  return out;
}

/** B/A, or NaN when A is not a positive number. */
export function ratio(b: number, a: number): number {
  return a > 0 && Number.isFinite(a) && Number.isFinite(b) ? b / a : Number.NaN;
}
