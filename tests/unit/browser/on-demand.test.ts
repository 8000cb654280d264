/**
 * One piece of code loaded on demand (src/browser/on-demand.ts): loaded once for every place that
 * needs it, a failed load reported as a LoadError and not remembered, and warmed at the person's
 * first interaction only.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { LoadError, onDemand, warmAtFirstInteraction } from "../../../src/browser/on-demand.ts";

describe("onDemand", () => {
  it("loads once, whoever asks, and holds the module once it is there", async () => {
    const load = vi.fn(async () => ({ answer: 42 }));
    const part = onDemand(load);
    expect(part.loaded).toBeUndefined();
    const [a, b] = await Promise.all([part.load(), part.load()]);
    expect(a).toBe(b);
    expect(part.loaded).toBe(a);
    await part.load();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("rejects a failed load with a LoadError, and the next call loads again", async () => {
    const cause = new TypeError("Failed to fetch dynamically imported module");
    const load = vi.fn().mockRejectedValueOnce(cause).mockResolvedValueOnce({ ok: true });
    const part = onDemand(load);
    const failed = await part.load().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(LoadError);
    expect((failed as LoadError).cause).toBe(cause);
    expect(part.loaded).toBeUndefined();
    expect(await part.load()).toEqual({ ok: true });
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("warmAtFirstInteraction", () => {
  const g = globalThis as unknown as { window?: unknown };
  afterEach(() => {
    delete g.window;
  });

  it("loads nothing until the first press, then every piece once; a failure is left for its use", async () => {
    const target = new EventTarget();
    g.window = target;
    const good = { load: vi.fn(async () => 1) };
    const bad = { load: vi.fn(async () => Promise.reject(new Error("offline"))) };
    warmAtFirstInteraction([good, bad]);
    expect(good.load).not.toHaveBeenCalled();
    target.dispatchEvent(new Event("keydown"));
    target.dispatchEvent(new Event("pointerdown"));
    await Promise.resolve();
    expect(good.load).toHaveBeenCalledTimes(1);
    expect(bad.load).toHaveBeenCalledTimes(1);
  });
});
