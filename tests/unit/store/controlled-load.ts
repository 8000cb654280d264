/** A piece loaded on demand whose every load the test settles by hand (the store's tests of the wait). */
import { onDemand, type OnDemand } from "../../../src/browser/on-demand.ts";

export function controlled<T>(): {
  part: OnDemand<T>;
  calls: { ok: (m: T) => void; fail: (e: Error) => void }[];
} {
  const calls: { ok: (m: T) => void; fail: (e: Error) => void }[] = [];
  const part = onDemand<T>(() => new Promise<T>((ok, fail) => calls.push({ ok, fail })));
  return { part, calls };
}

/** Lets the promise callbacks of a settled load run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));
