/** In-memory stand-ins for browser storage and the Web Locks API. */
import type { DraftStore } from "../../../src/persist/draft-store.ts";
import { createEditorStore } from "../../../src/store/editor.ts";
import { emptyDocument, type StackDocument } from "../../../src/domain/document.ts";

export class MemoryStore implements DraftStore {
  readonly kind = "memory" as const;
  readonly data = new Map<string, string>();
  /** Every set, in order. */
  readonly writes: { key: string; value: string }[] = [];
  /** When set, the next operations of that kind reject with it. */
  failSet: unknown = null;
  failGet: unknown = null;
  get(key: string) {
    if (this.failGet) return Promise.reject(this.failGet);
    return Promise.resolve(this.data.get(key) ?? null);
  }
  set(key: string, value: string) {
    this.writes.push({ key, value });
    if (this.failSet) return Promise.reject(this.failSet);
    this.data.set(key, value);
    return Promise.resolve();
  }
  remove(key: string) {
    this.data.delete(key);
    return Promise.resolve();
  }
  keys() {
    return Promise.resolve([...this.data.keys()]);
  }
}

/** Enough of navigator.locks for one-writer election: ifAvailable, steal, release. */
export class FakeLocks {
  private holder: { reject: (e: unknown) => void; done: Promise<unknown> } | null = null;
  request(_name: string, options: LockOptions, callback: (lock: Lock | null) => unknown): Promise<unknown> {
    if (this.holder && options.ifAvailable) return Promise.resolve(callback(null));
    if (this.holder && !options.steal) return Promise.reject(new Error("waiting is not modelled"));
    if (this.holder) {
      this.holder.reject(new DOMException("stolen", "AbortError"));
      this.holder = null;
    }
    return new Promise((resolve, reject) => {
      const lock = { name: _name, mode: "exclusive" } as Lock;
      const done = Promise.resolve(callback(lock));
      const me = { reject, done };
      this.holder = me;
      void done.then((v) => {
        if (this.holder === me) this.holder = null;
        resolve(v);
      });
    });
  }
}

export function withServer(doc: StackDocument = emptyDocument(), id = "srv"): StackDocument {
  return { ...doc, nodes: [...doc.nodes, { id, kind: "physical-host", label: `Server ${id}` }] };
}

export function editor() {
  return createEditorStore();
}

export function quota(): DOMException {
  return new DOMException("The quota has been exceeded.", "QuotaExceededError");
}
