import {
  DRAFT_KEY,
  classifyStorageError,
  isQuotaError,
  localStorageStore,
  mayHoldDraft,
  openDraftStores,
  type DraftStore,
} from "../../../src/persist/draft-store.ts";

describe("isQuotaError", () => {
  it("recognises every form a full storage takes", () => {
    expect(isQuotaError(new DOMException("full", "QuotaExceededError"))).toBe(true);
    // Firefox
    expect(isQuotaError({ name: "NS_ERROR_DOM_QUOTA_REACHED", code: 1014, message: "" })).toBe(true);
    expect(isQuotaError({ name: "Error", code: 1014 })).toBe(true);
    // WebKit / legacy: only the code
    expect(isQuotaError({ name: "Error", code: 22 })).toBe(true);
    expect(isQuotaError({ code: 22 })).toBe(true);
  });
  it("refuses everything else", () => {
    expect(isQuotaError(new DOMException("no", "SecurityError"))).toBe(false);
    expect(isQuotaError(new Error("boom"))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    expect(isQuotaError("QuotaExceededError")).toBe(false);
    expect(isQuotaError({ code: 18 })).toBe(false);
  });
  it("classifies failures for the warning", () => {
    expect(classifyStorageError({ code: 22, message: "x" }).reason).toBe("quota");
    expect(classifyStorageError(new DOMException("denied", "SecurityError")).reason).toBe("blocked");
    expect(classifyStorageError(new Error("disk on fire"))).toEqual({
      reason: "other",
      detail: "disk on fire",
    });
  });
});

function fakeStorage(setItem: (k: string, v: string) => void = () => {}): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => {
      setItem(k, v);
      m.set(k, v);
    },
    removeItem: (k: string) => void m.delete(k),
    clear: () => m.clear(),
    key: () => null,
    get length() {
      return m.size;
    },
  };
}

describe("localStorage store", () => {
  it("round-trips and turns a throwing setItem into a rejection", async () => {
    const ok = localStorageStore(fakeStorage());
    await ok.set("k", "v");
    expect(await ok.get("k")).toBe("v");
    await ok.remove("k");
    expect(await ok.get("k")).toBeNull();
    const full = localStorageStore(
      fakeStorage(() => {
        throw new DOMException("full", "QuotaExceededError");
      }),
    );
    await expect(full.set("k", "v")).rejects.toSatisfy(isQuotaError);
  });
});

describe("openDraftStores", () => {
  it("falls back to localStorage when IndexedDB is missing or fails to open", async () => {
    const ls = fakeStorage();
    expect((await openDraftStores({ indexedDB: () => undefined, localStorage: () => ls })).primary.kind).toBe(
      "localstorage",
    );
    const throwing = {
      open: () => {
        throw new DOMException("no", "SecurityError");
      },
    } as unknown as IDBFactory;
    const r = await openDraftStores({ indexedDB: () => throwing, localStorage: () => ls });
    expect(r.primary.kind).toBe("localstorage");
    expect(r.secondary).toBeNull();
  });
  it("refuses loudly when no storage is reachable at all", async () => {
    const r = await openDraftStores({
      indexedDB: () => {
        throw new DOMException("blocked", "SecurityError");
      },
      localStorage: () => {
        throw new DOMException("blocked", "SecurityError");
      },
    });
    expect(r.primary.kind).toBe("none");
    await expect(r.primary.set("k", "v")).rejects.toMatchObject({ name: "SecurityError" });
  });
});

describe("mayHoldDraft", () => {
  const store = (value: string | null | Error): DraftStore => ({
    kind: "memory",
    get: (key) =>
      value instanceof Error ? Promise.reject(value) : Promise.resolve(key === DRAFT_KEY ? value : null),
    set: () => Promise.resolve(),
    remove: () => Promise.resolve(),
  });

  it("is false only when both stores say they hold no draft", async () => {
    expect(await mayHoldDraft({ primary: store(null), secondary: store(null) })).toBe(false);
    expect(await mayHoldDraft({ primary: store(null), secondary: null })).toBe(false);
    expect(await mayHoldDraft({ primary: store("{}"), secondary: null })).toBe(true);
    expect(await mayHoldDraft({ primary: store(null), secondary: store("{}") })).toBe(true);
  });

  it("is true when a store cannot answer: the autosaver then looks and says why", async () => {
    expect(await mayHoldDraft({ primary: store(new Error("blocked")), secondary: null })).toBe(true);
  });
});
