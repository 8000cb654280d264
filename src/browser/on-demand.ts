/**
 * Code the editor loads only when it is used (docs/performance.md: initial JS, "load
 * import/export code on demand"): the Compose importer, the SVG/PNG export, the templates and
 * the modal panels each come as their own chunk on first use.
 */
import type { Localized } from "../domain/kinds/props.ts";
import { translate } from "../i18n/strings.ts";

/** Loads a module on demand: `() => import("…")`. Tests inject one that fails. */
export type Loader<T> = () => Promise<T>;

/**
 * The document reader (with its JSON-text diagnostics): needed to open, paste or restore a
 * diagram, never for the first paint of an empty editor.
 */
export type ReaderModule = typeof import("../io/read.ts");
export const loadReader: Loader<ReaderModule> = withRules(() => import("../io/read.ts"));

/**
 * The rules engine (src/domain/rules): loaded when the editor first holds a node
 * (src/store/rules.ts), not in the first paint.
 */
export type RulesEngine = typeof import("../domain/rules/index.ts");
export const editorRules: OnDemand<RulesEngine> = onDemand<RulesEngine>(
  () => import("../domain/rules/index.ts"),
);

/**
 * `load`, with the rules engine loaded beside it: what it brings is a document (the reader, the
 * importers, the templates), which then opens with its problems in its first paint rather than a
 * moment later. A failed load of the rules does not fail it: the store says so when it needs them.
 */
export function withRules<T>(load: Loader<T>): Loader<T> {
  return () => Promise.all([load(), editorRules.load().catch(() => undefined)]).then(([m]) => m);
}

/**
 * The problem messages in both languages (src/domain/rules/messages.ts): needed once there is a
 * problem to show, not for the first paint; until they are there (or when they cannot be loaded) a
 * problem shows its rule's title.
 */
export type MessagesModule = typeof import("../domain/rules/messages.ts");
export const problemMessages: OnDemand<MessagesModule> = onDemand(
  () => import("../domain/rules/messages.ts"),
);

/** What the person reads when a piece of the editor could not be loaded. */
export function loadFailedNotice(): { kind: "error"; text: Localized } {
  return { kind: "error", text: { en: translate("en", "loadFailed"), ko: translate("ko", "loadFailed") } };
}

/** A module, or why it could not be loaded. */
export type Loaded<T> = { ok: true; module: T } | { ok: false; error: unknown };

/**
 * Runs `load` and says how it went, never throwing. It fails when offline, or when a new version
 * was deployed and this page's chunks are gone: the caller then tells the person
 * ({@link loadFailedNotice}; the store's `loadOnDemand` does) and changes nothing. A failed load is
 * not remembered, so the next try loads again.
 */
export async function tryLoad<T>(load: Loader<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, module: await load() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** A piece of the editor that could not be loaded (as opposed to an error inside it). */
export class LoadError extends Error {}

/**
 * One piece of code loaded on demand and shared by every place that needs it: the first `load()`
 * fetches it, later calls get the same promise; a failed load (rejected with a {@link LoadError})
 * is not remembered, so the next call tries again. `loaded` is the module once it is there, so
 * that a render after it never waits.
 */
export interface OnDemand<T> {
  readonly loaded: T | undefined;
  load(): Promise<T>;
}

export function onDemand<T>(load: Loader<T>): OnDemand<T> {
  let loaded: T | undefined;
  let pending: Promise<T> | null = null;
  return {
    get loaded() {
      return loaded;
    },
    load() {
      pending ??= load().then(
        (module) => (loaded = module),
        (e: unknown) => {
          pending = null;
          throw new LoadError(e instanceof Error ? e.message : String(e), { cause: e });
        },
      );
      return pending;
    },
  };
}

/**
 * Starts loading `pieces` at the person's first interaction with the page (a pointer or key press,
 * a drag coming in), so that what that interaction opens does not wait for its code; a page that
 * is only looked at never loads them. A failed load is left for its first use to report.
 */
export function warmAtFirstInteraction(pieces: readonly { load(): Promise<unknown> }[]): void {
  const warm = () => {
    for (const type of TYPES) window.removeEventListener(type, warm, { capture: true });
    for (const p of pieces) void p.load().catch(() => undefined);
  };
  const TYPES = ["pointerdown", "keydown", "dragenter"] as const;
  for (const type of TYPES) window.addEventListener(type, warm, { capture: true, passive: true });
}
