/**
 * Where the autosaved draft lives: a tiny async key/value interface with an IndexedDB
 * implementation (database "stackdraw", object store "drafts") and a localStorage one for
 * browsers where IndexedDB is missing or will not open (docs/reliability.md, promise 1).
 * The browser objects are passed in, so everything here runs in Node tests with fakes.
 */

/** Strings by key; every method rejects (never throws synchronously) when the browser refuses. */
export interface DraftStore {
  readonly kind: "indexeddb" | "localstorage" | "memory" | "none";
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every key stored (to list the drafts kept aside); absent where the store cannot list. */
  keys?(): Promise<string[]>;
}

/** The key of the autosaved draft, in either store. */
export const DRAFT_KEY = "stackdraw.draft";

export const DB_NAME = "stackdraw";
export const DB_STORE = "drafts";
export const DB_VERSION = 1;

/**
 * Every form a full storage takes: the standard QuotaExceededError, Firefox's
 * NS_ERROR_DOM_QUOTA_REACHED (code 1014), and the legacy code 22 that WebKit and old browsers
 * put on a DOMException whose name is not always set.
 */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return (
    name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22 || code === 1014
  );
}

export type FailureReason = "quota" | "blocked" | "other";

/** Why storing failed, for the warning: full, blocked (private mode, site settings), or else. */
export function classifyStorageError(e: unknown): { reason: FailureReason; detail: string } {
  const detail =
    e instanceof Error || (typeof e === "object" && e !== null && "message" in e)
      ? String((e as { message: unknown }).message)
      : String(e);
  if (isQuotaError(e)) return { reason: "quota", detail };
  const name = typeof e === "object" && e !== null ? (e as { name?: unknown }).name : undefined;
  if (name === "SecurityError" || name === "NotAllowedError" || name === "InvalidStateError")
    return { reason: "blocked", detail };
  return { reason: "other", detail };
}

function asString(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  // Something else under our key (written by hand or by another program): hand it over as text,
  // so that it is judged unreadable and kept, never silently dropped.
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Runs `f` and turns a synchronous throw into a rejection. */
function attempt<T>(f: () => T): Promise<T> {
  try {
    return Promise.resolve(f());
  } catch (e) {
    return Promise.reject(e);
  }
}

export function localStorageStore(storage: Storage): DraftStore {
  return {
    kind: "localstorage",
    get: (key) => attempt(() => storage.getItem(key)),
    set: (key, value) => attempt(() => storage.setItem(key, value)),
    remove: (key) => attempt(() => storage.removeItem(key)),
    keys: () =>
      attempt(() => {
        const out: string[] = [];
        for (let i = 0; i < storage.length; i++) {
          const k = storage.key(i);
          if (k !== null) out.push(k);
        }
        return out;
      }),
  };
}

/** A store that refuses everything with the error that made storage unavailable. */
export function unavailableStore(error: unknown): DraftStore {
  return {
    kind: "none",
    get: () => Promise.reject(error),
    set: () => Promise.reject(error),
    remove: () => Promise.reject(error),
  };
}

/** Opens (creating when needed) the database; rejects on error, block or timeout. */
export function openDatabase(idb: IDBFactory, timeoutMs = 3000): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
    };
    // Some private modes leave the request pending forever: fall back instead of waiting.
    const timer = setTimeout(() => done(() => reject(new Error("IndexedDB did not open"))), timeoutMs);
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(DB_NAME, DB_VERSION);
    } catch (e) {
      done(() => reject(e));
      return;
    }
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(DB_STORE)) req.result.createObjectStore(DB_STORE);
    };
    req.onsuccess = () => {
      const db = req.result;
      if (settled) {
        db.close();
        return;
      }
      // A newer Stackdraw in another tab upgrading the database: let it.
      db.onversionchange = () => db.close();
      done(() => resolve(db));
    };
    req.onerror = () => done(() => reject(req.error ?? new Error("IndexedDB open failed")));
    req.onblocked = () => done(() => reject(new Error("IndexedDB open blocked")));
  });
}

export function indexedDbStore(db: IDBDatabase): DraftStore {
  const run = <T>(
    mode: IDBTransactionMode,
    op: (s: IDBObjectStore) => IDBRequest,
    map: (v: unknown) => T,
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      // Everything up to the request happens synchronously, so a save started in `pagehide`
      // reaches the database before the page goes.
      const tx = db.transaction(DB_STORE, mode);
      const req = op(tx.objectStore(DB_STORE));
      tx.oncomplete = () => resolve(map(req.result));
      tx.onabort = () => reject(tx.error ?? req.error ?? new Error("IndexedDB transaction aborted"));
      tx.onerror = (ev) => ev.preventDefault();
      tx.commit?.();
    });
  return {
    kind: "indexeddb",
    // (A throw inside the Promise executor, e.g. a closed database, becomes a rejection.)
    get: (key) => run("readonly", (s) => s.get(key), asString),
    set: (key, value) =>
      run(
        "readwrite",
        (s) => s.put(value, key),
        () => undefined,
      ),
    remove: (key) =>
      run(
        "readwrite",
        (s) => s.delete(key),
        () => undefined,
      ),
    keys: () =>
      run(
        "readonly",
        (s) => s.getAllKeys(),
        (v) => (Array.isArray(v) ? v.filter((k): k is string => typeof k === "string") : []),
      ),
  };
}

export interface OpenedStores {
  /** Where drafts are written. */
  primary: DraftStore;
  /**
   * Where an older draft may still be (localStorage, written while IndexedDB was unavailable);
   * read only when the primary has none. Null when the primary is localStorage itself.
   */
  secondary: DraftStore | null;
}

/**
 * IndexedDB when it opens, else localStorage, else a store that refuses (so that saving fails
 * loudly rather than silently). Never rejects.
 */
export async function openDraftStores(env: {
  indexedDB: () => IDBFactory | undefined;
  localStorage: () => Storage | undefined;
}): Promise<OpenedStores> {
  let local: DraftStore | null = null;
  let localError: unknown = null;
  try {
    const ls = env.localStorage();
    if (ls) local = localStorageStore(ls);
  } catch (e) {
    localError = e; // SecurityError: cookies and site data blocked
  }
  try {
    const idb = env.indexedDB();
    if (idb) return { primary: indexedDbStore(await openDatabase(idb)), secondary: local };
  } catch (e) {
    localError ??= e;
  }
  return {
    primary: local ?? unavailableStore(localError ?? new Error("no storage in this browser")),
    secondary: null,
  };
}

/**
 * Whether either store may hold a draft: false only when both said they hold none. A store that
 * refuses to answer may hold one (the autosaver then looks again, and says why it cannot).
 */
export async function mayHoldDraft(stores: OpenedStores): Promise<boolean> {
  const holds = (store: DraftStore | null) =>
    store === null
      ? Promise.resolve(false)
      : store.get(DRAFT_KEY).then(
          (v) => v !== null,
          () => true,
        );
  const [a, b] = await Promise.all([holds(stores.primary), holds(stores.secondary)]);
  return a || b;
}
