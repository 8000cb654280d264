/**
 * One writer per browser (docs/reliability.md, promise 10). The tab that holds the Web
 * Lock "stackdraw-draft" is the only one that writes the draft; a tab opened while another holds
 * it is read-only for autosave and says so. A person can move the role to a tab on purpose
 * (`takeOver`, the lock's `steal`); the tab that loses it is told and turns read-only itself.
 */
export interface Election {
  /** Tries to become the writer without waiting; false when another tab is it. */
  acquire(): Promise<boolean>;
  /** Becomes the writer, taking the role from whichever tab has it. */
  takeOver(): Promise<boolean>;
  /** Called when another tab took the role away. */
  onLost(cb: () => void): void;
  release(): void;
}

export const LOCK_NAME = "stackdraw-draft";

type LockRequest = (
  name: string,
  options: LockOptions,
  callback: (lock: Lock | null) => unknown,
) => Promise<unknown>;

export function webLocksElection(locks: { request: LockRequest }, name = LOCK_NAME): Election {
  let releaseHeld: (() => void) | null = null;
  let lost: () => void = () => {};
  const hold = (options: LockOptions) =>
    new Promise<boolean>((resolve) => {
      let granted = false;
      let request: Promise<unknown>;
      try {
        request = locks.request(name, options, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          granted = true;
          resolve(true);
          // Held until released or stolen.
          return new Promise<void>((r) => {
            releaseHeld = r;
          });
        });
      } catch {
        request = Promise.reject(new Error("locks unavailable"));
      }
      request.then(
        () => undefined,
        () => {
          if (granted) {
            // Stolen by another tab (AbortError).
            releaseHeld = null;
            lost();
          } else {
            // Locks refused in this context (e.g. an opaque origin): act as the only tab.
            resolve(true);
          }
        },
      );
    });
  return {
    acquire: () => (releaseHeld ? Promise.resolve(true) : hold({ ifAvailable: true })),
    takeOver: () => (releaseHeld ? Promise.resolve(true) : hold({ steal: true })),
    onLost: (cb) => {
      lost = cb;
    },
    release: () => {
      const r = releaseHeld;
      releaseHeld = null;
      r?.();
    },
  };
}

/** Without the Web Locks API (very old browsers) every tab writes: documented in decisions.md. */
export function soloElection(): Election {
  return { acquire: async () => true, takeOver: async () => true, onLost: () => {}, release: () => {} };
}
