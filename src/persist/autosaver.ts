/**
 * Autosave (docs/reliability.md, promises 1, 2, 3 and 10).
 *
 * - Saves `writeDocument(doc)` in a small envelope (saved-at, tab id) at most SAVE_DELAY_MS after
 *   the first unsaved change (the timer is not restarted by later changes, so a long drag cannot
 *   postpone the save), and at once when the tab is hidden or closed.
 * - On load, a readable draft replaces the empty document without an undo step. When the address
 *   brings its own diagram (?template=, a share link #d=) and the draft holds that same diagram
 *   (a reload of the page the link opened), the draft opens quietly, with the view it was left
 *   at. When the draft holds another diagram, it is not opened and not overwritten: it is held,
 *   and a banner asks once whether to open it or autosave the address's diagram in its place;
 *   either answer resumes autosave and lets the address forget its diagram (`forgetAddress`), so
 *   a reload does not ask again.
 * - A draft that cannot be read (corrupt, or from a newer Stackdraw) is held: nothing is written
 *   until the person downloads it, sets it aside (copied to `stackdraw.draft.unreadable.<time>`)
 *   or deletes it.
 * - A failing save sets `failure` (the banner stays up) and clears it on the next good save; the
 *   document always stays in the editor's memory.
 * - Only the elected tab writes (see election.ts).
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { documentWithView, type EditorState, type EditorStore } from "../store/editor.ts";
import type { StackDocument } from "../domain/document.ts";
import type { ReaderModule, Loader } from "../browser/on-demand.ts";
import { loadFailedNotice, loadReader } from "../browser/on-demand.ts";
import { writeDocument } from "../io/write.ts";
import { DRAFT_KEY, classifyStorageError, type DraftStore, type FailureReason } from "./draft-store.ts";
import { LIMITS } from "../domain/limits.ts";
import { repairReport } from "../i18n/repair-strings.ts";
import { soloElection, type Election } from "./election.ts";

export { DRAFT_KEY };
export const ASIDE_PREFIX = "stackdraw.draft.unreadable.";
export const ENVELOPE_TAG = "stackdraw-draft";
export const ENVELOPE_VERSION = 1;
/** ≤ 0.5 s after a change (promise 1). */
export const SAVE_DELAY_MS = 400;

export type DraftRead =
  | { kind: "empty" }
  | { kind: "ok"; document: StackDocument; text: string; savedAt: string | null }
  | {
      kind: "unreadable";
      reason: "corrupt" | "newer";
      raw: string;
      text: string | null;
      /** Refused only for a length or depth limit: it can be opened repaired. */
      repairable?: boolean;
    };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function makeEnvelope(documentText: string, savedAt: number, tab: string): string {
  return JSON.stringify({
    [ENVELOPE_TAG]: ENVELOPE_VERSION,
    savedAt: new Date(savedAt).toISOString(),
    tab,
    document: documentText,
  });
}

/**
 * Judges what is stored under the draft key. Besides our envelope, a bare `.stackdraw.json`
 * document is accepted. `text` is the document text inside the envelope (what a newer Stackdraw
 * could open), when there is one.
 */
export function readDraft(raw: string | null, readDocument: ReaderModule["readDocument"]): DraftRead {
  if (raw === null) return { kind: "empty" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { kind: "unreadable", reason: "corrupt", raw, text: null };
  }
  let text = raw;
  let savedAt: string | null = null;
  if (isRecord(parsed) && ENVELOPE_TAG in parsed) {
    const v = parsed[ENVELOPE_TAG];
    const doc = parsed.document;
    if (typeof v === "number" && Number.isInteger(v) && v > ENVELOPE_VERSION)
      return { kind: "unreadable", reason: "newer", raw, text: typeof doc === "string" ? doc : null };
    if (v !== ENVELOPE_VERSION || typeof doc !== "string")
      return { kind: "unreadable", reason: "corrupt", raw, text: null };
    text = doc;
    if (typeof parsed.savedAt === "string") savedAt = parsed.savedAt;
  }
  const read = readDocument(text);
  if (read.ok) return { kind: "ok", document: read.document, text, savedAt };
  const newer = read.errors.some((e) => e.code === "versionTooNew");
  const repairable = read.errors.every((e) => e.code === "tooLong" || e.code === "tooDeep");
  return {
    kind: "unreadable",
    reason: newer ? "newer" : "corrupt",
    raw,
    text: text === raw ? null : text,
    ...(repairable ? { repairable } : {}),
  };
}

export interface HeldDraft {
  /** corrupt / newer: could not be read; other-diagram: readable, but the address brought another. */
  reason: "corrupt" | "newer" | "other-diagram";
  /** Exactly what is stored. */
  raw: string;
  /** The document text inside the envelope, when there is one. */
  text: string | null;
  /** The readable saved diagram (other-diagram only). */
  document: StackDocument | null;
  where: "primary" | "secondary";
  /** corrupt, but only for a length or depth limit: it can be opened repaired. */
  repairable?: boolean;
  /**
   * other-diagram, held because the person had already worked when autosave started (another tab
   * saved it meanwhile), not because the address brought a diagram.
   */
  whileWorking?: boolean;
}

/** A draft kept aside (`stackdraw.draft.unreadable.<time>`), listed so that it can be found again. */
export interface AsideDraft {
  key: string;
  /** When it was set aside (ms since the epoch), from its key. */
  at: number;
}

export interface AutosaveStatus {
  phase: "starting" | "ready";
  /** writer: this tab autosaves; reader: another tab does, this one does not write. */
  role: "writer" | "reader";
  held: HeldDraft | null;
  failure: { reason: FailureReason; detail: string } | null;
  lastSavedAt: number | null;
  /** The drafts kept aside, newest first. */
  aside: readonly AsideDraft[];
}

export interface AutosaverOptions {
  editor: EditorStore;
  primary: DraftStore;
  secondary?: DraftStore | null;
  election?: Election;
  /**
   * The address brought its own diagram, which the editor holds when the autosaver starts: a
   * draft of another diagram is held instead of opened (and not overwritten) until the person
   * chooses; a draft of the same diagram opens.
   */
  addressHasDiagram?: boolean;
  /**
   * The document on screen when autosave was asked to start, when the editor is already showing
   * (it starts beside the first paint when storage held no draft, src/main.tsx): if the editor no
   * longer holds it when the autosaver looks, the person has worked, and a draft found then (another
   * tab wrote it meanwhile) is held like one of another diagram, never restored over that work;
   * the work is saved once the person has chosen, or at once when there is no draft.
   */
  shown?: StackDocument;
  /** Called once the person has chosen between the address's diagram and the held draft. */
  forgetAddress?: () => void;
  /** Calls `cb` when the tab is hidden or closed; returns an unsubscribe. */
  onHide?: (cb: () => void) => () => void;
  tabId?: string;
  now?: () => number;
  delayMs?: number;
  /** The document reader, loaded only when there is a draft to read (tests inject one that fails). */
  loadReader?: Loader<ReaderModule>;
}

/** What a save wrote, by identity. */
interface Saved {
  doc: StackDocument;
  viewport: EditorState["viewport"];
  overlay: boolean;
}

const savedOf = (s: Pick<EditorState, "doc" | "viewport" | "overlay">): Saved => ({
  doc: s.doc,
  viewport: s.viewport,
  overlay: s.overlay,
});
const sameSaved = (a: Saved, b: Saved | null) =>
  b !== null && a.doc === b.doc && a.viewport === b.viewport && a.overlay === b.overlay;

/**
 * Whether two documents hold the same diagram: equal as Save writes them, apart from the view
 * (where the person left the viewport is not part of what the diagram is).
 */
export function sameDiagram(a: StackDocument, b: StackDocument): boolean {
  const { view: _a, ...restA } = a;
  const { view: _b, ...restB } = b;
  return writeDocument(restA) === writeDocument(restB);
}

export class Autosaver {
  readonly status: StoreApi<AutosaveStatus>;
  private readonly o: Required<Omit<AutosaverOptions, "secondary" | "onHide" | "forgetAddress" | "shown">> &
    Pick<AutosaverOptions, "secondary" | "onHide" | "forgetAddress" | "shown">;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private addressUnsaved = false;
  private saving: Promise<void> | null = null;
  private again = false;
  /**
   * What was last written (or restored): the document and the view saved with it (viewport and
   * overlay, which are not document changes but reopen with it). null forces the next flush to write.
   */
  private saved: Saved | null = null;
  /** A readable draft came from the secondary store: remove it there after the first good save. */
  private clearSecondary = false;
  /** The draft could not even be looked at: never write over what may be there. */
  private readFailed = false;
  /** The secondary store held unreadable data at load: no emergency copies go there. */
  private secondaryUnreadable = false;
  private unsubscribers: (() => void)[] = [];

  constructor(options: AutosaverOptions) {
    this.o = {
      election: soloElection(),
      addressHasDiagram: false,
      tabId: Math.random().toString(36).slice(2, 10),
      now: () => Date.now(),
      delayMs: SAVE_DELAY_MS,
      loadReader,
      ...options,
    };
    this.status = createStore<AutosaveStatus>()(() => ({
      phase: "starting",
      role: "writer",
      held: null,
      failure: null,
      lastSavedAt: null,
      aside: [],
    }));
  }

  private patch(p: Partial<AutosaveStatus>) {
    this.status.setState(p);
  }

  /** Elects, restores, then starts watching the document. */
  async start(): Promise<void> {
    const { election, editor } = this.o;
    election.onLost(() => {
      this.cancelTimer();
      this.patch({ role: "reader" });
    });
    const writer = await election.acquire();
    this.patch({ role: writer ? "writer" : "reader" });
    // The address's diagram (or what the person did before autosave started) is not in the
    // browser yet, unless the draft restored is that diagram.
    this.addressUnsaved = this.o.addressHasDiagram;
    if (!(await this.restore()) && this.worked()) this.addressUnsaved = true;
    this.saved = this.addressUnsaved ? null : savedOf(editor.getState());
    this.unsubscribers.push(
      editor.subscribe((s, prev) => {
        if (s.doc !== prev.doc || s.viewport !== prev.viewport || s.overlay !== prev.overlay) this.changed();
      }),
    );
    if (this.o.onHide) this.unsubscribers.push(this.o.onHide(() => void this.flush(true)));
    this.patch({ phase: "ready" });
    if (this.addressUnsaved) this.changed();
    await this.refreshAside();
  }

  /** Looks up the drafts kept aside in both stores (listed, never read until asked). */
  async refreshAside(): Promise<void> {
    const found: AsideDraft[] = [];
    for (const store of [this.o.primary, this.o.secondary]) {
      if (!store?.keys) continue;
      const keys = await store.keys().catch(() => [] as string[]);
      for (const key of keys)
        if (key.startsWith(ASIDE_PREFIX) && !found.some((a) => a.key === key))
          found.push({ key, at: Number(key.slice(ASIDE_PREFIX.length)) || 0 });
    }
    found.sort((a, b) => b.at - a.at);
    this.patch({ aside: found });
  }

  /** The stored text of a draft kept aside, from whichever store has it; null when gone. */
  async asideText(key: string): Promise<string | null> {
    for (const store of [this.o.primary, this.o.secondary]) {
      if (!store) continue;
      const v = await store.get(key).catch(() => null);
      if (v !== null) return v;
    }
    return null;
  }

  /** The document text of a kept-aside draft: inside our envelope, or the stored text itself. */
  async asideDocumentText(key: string): Promise<string | null> {
    const raw = await this.asideText(key);
    if (raw === null) return null;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isRecord(parsed) && ENVELOPE_TAG in parsed && typeof parsed.document === "string")
        return parsed.document;
    } catch {
      // Not JSON: handed over as it is (the reader says why it cannot be opened).
    }
    return raw;
  }

  /** Deletes a kept-aside draft (the person chose to). */
  async discardAside(key: string): Promise<void> {
    for (const store of [this.o.primary, this.o.secondary]) await store?.remove(key).catch(() => undefined);
    await this.refreshAside();
  }

  /**
   * A held draft refused only for a limit: keeps the original aside (nothing is lost), then opens
   * it repaired — labels and texts cut, the deepest levels lifted — and autosaves that.
   */
  async openHeldRepaired(load: Loader<typeof import("../io/repair.ts")>): Promise<boolean> {
    const held = this.status.getState().held;
    if (!held?.repairable) return false;
    let repair: typeof import("../io/repair.ts");
    try {
      repair = await load();
    } catch {
      this.o.editor.getState().setNotice(loadFailedNotice());
      return false;
    }
    const r = repair.readRepaired(held.text ?? held.raw);
    if (!r.ok) return false;
    if (!(await this.keepAside())) return false;
    if (!this.o.editor.getState().replaceDocument(r.document, { undoable: false, action: "draft" }))
      return false;
    this.o.editor.getState().setNotice({ kind: "info", text: repairReport("", r.report, LIMITS.depth) });
    return true;
  }

  private async restore(): Promise<boolean> {
    const { primary, secondary, editor } = this.o;
    let primaryRaw: string | null;
    try {
      primaryRaw = await primary.get(DRAFT_KEY);
    } catch (e) {
      this.readFailed = true;
      this.patch({ failure: classifyStorageError(e) });
      return false;
    }
    const secondaryRaw = secondary ? await secondary.get(DRAFT_KEY).catch(() => null) : null;
    if (primaryRaw === null && secondaryRaw === null) return false;
    let reader: ReaderModule;
    try {
      reader = await this.o.loadReader();
    } catch {
      // A draft is there but cannot be read now (the reader's code did not load): never write
      // over it, and say why.
      this.readFailed = true;
      editor.getState().setNotice(loadFailedNotice());
      return false;
    }
    const reads = [
      { where: "primary" as const, raw: primaryRaw, read: readDraft(primaryRaw, reader.readDocument) },
      { where: "secondary" as const, raw: secondaryRaw, read: readDraft(secondaryRaw, reader.readDocument) },
    ];
    this.secondaryUnreadable = reads[1]!.read.kind === "unreadable";
    // What could not be read is held (the primary's first); nothing is written while it is.
    for (const { where, read } of reads)
      if (read.kind === "unreadable") {
        this.patch({
          held: {
            reason: read.reason,
            raw: read.raw,
            text: read.text,
            document: null,
            where,
            ...(read.repairable ? { repairable: true } : {}),
          },
        });
        break;
      }
    // The newest readable draft: the secondary holds an emergency copy written as the page went.
    let best: { where: HeldDraft["where"]; raw: string; read: Extract<DraftRead, { kind: "ok" }> } | null =
      null;
    for (const { where, raw, read } of reads)
      if (read.kind === "ok" && (best === null || (read.savedAt ?? "") > (best.read.savedAt ?? "")))
        best = { where, raw: raw!, read };
    if (!best) return false;
    this.clearSecondary = reads[1]!.read.kind === "ok";
    if (
      (this.o.addressHasDiagram || this.worked()) &&
      !sameDiagram(best.read.document, editor.getState().doc)
    ) {
      // An empty saved diagram is nothing to keep.
      if (
        this.status.getState().held === null &&
        (best.read.document.nodes.length > 0 || best.read.document.edges.length > 0)
      )
        this.patch({
          held: {
            reason: "other-diagram",
            raw: best.raw,
            text: best.read.text,
            document: best.read.document,
            where: best.where,
            ...(this.o.addressHasDiagram ? {} : { whileWorking: true }),
          },
        });
      return false;
    }
    // The same diagram as the one the person has worked on: theirs stays (with its undo), and is saved.
    if (this.worked()) return false;
    if (!editor.getState().replaceDocument(best.read.document, { undoable: false, action: "draft" })) {
      // Readable, but over a limit once laid out (the store said which): held, never overwritten.
      this.patch({
        held: { reason: "corrupt", raw: best.raw, text: best.read.text, document: null, where: best.where },
      });
      return false;
    }
    this.addressUnsaved = false;
    return true;
  }

  /** Whether the person changed the document shown before autosave started (see `shown`). */
  private worked(): boolean {
    return this.o.shown !== undefined && this.o.editor.getState().doc !== this.o.shown;
  }

  canWrite(): boolean {
    const s = this.status.getState();
    return s.phase === "ready" && s.role === "writer" && s.held === null && !this.readFailed;
  }

  private cancelTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private changed() {
    if (!this.canWrite() || this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.o.delayMs);
  }

  /**
   * Writes the document now when it changed since the last save. `urgent` (the tab is being
   * hidden or closed): an IndexedDB transaction may not outlive the page, so a copy also goes
   * synchronously to localStorage; restore takes the newer of the two, and the copy is removed
   * after the next save that completes.
   */
  flush(urgent = false): Promise<void> {
    this.cancelTimer();
    if (!this.canWrite()) return Promise.resolve();
    const state = this.o.editor.getState();
    const now = savedOf(state);
    if (sameSaved(now, this.saved)) return this.saving ?? Promise.resolve();
    const at = this.o.now();
    let text: string;
    try {
      text = makeEnvelope(writeDocument(documentWithView(state), { compact: true }), at, this.o.tabId);
    } catch (e) {
      this.patch({ failure: classifyStorageError(e) });
      return Promise.resolve();
    }
    const { secondary } = this.o;
    if (urgent && secondary && !this.secondaryUnreadable) {
      // localStorage's setItem runs synchronously inside `set`.
      this.clearSecondary = true;
      void secondary.set(DRAFT_KEY, text).catch(() => undefined);
    }
    if (this.saving) {
      this.again = true;
      return this.saving;
    }
    // `set` is called synchronously here, so a save from `pagehide` is issued before the page goes.
    const attempt = this.o.primary.set(DRAFT_KEY, text).then(
      async () => {
        this.saved = now;
        this.patch({ failure: null, lastSavedAt: at });
        if (this.clearSecondary && this.o.secondary) {
          this.clearSecondary = false;
          await this.o.secondary.remove(DRAFT_KEY).catch(() => undefined);
        }
      },
      (e: unknown) => {
        this.patch({ failure: classifyStorageError(e) });
      },
    );
    this.saving = attempt.finally(() => {
      this.saving = null;
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    });
    return this.saving;
  }

  private storeOf(where: HeldDraft["where"]): DraftStore {
    return where === "secondary" && this.o.secondary ? this.o.secondary : this.o.primary;
  }

  private resume(saved: Saved | null): Promise<void> {
    this.saved = saved;
    this.patch({ held: null });
    return this.flush();
  }

  /**
   * Copies unreadable saved data to `stackdraw.draft.unreadable.<time>` (checked by reading it
   * back), then autosaves again. Resolves false, holding on, when the copy fails.
   */
  async keepAside(): Promise<boolean> {
    const held = this.status.getState().held;
    if (!held) return true;
    const store = this.storeOf(held.where);
    const key = `${ASIDE_PREFIX}${this.o.now()}`;
    try {
      await store.set(key, held.raw);
      if ((await store.get(key)) !== held.raw) throw new Error("the copy did not read back");
      if (held.where === "secondary") await store.remove(DRAFT_KEY);
    } catch (e) {
      this.patch({ failure: classifyStorageError(e) });
      return false;
    }
    await this.resume(null);
    await this.refreshAside();
    return true;
  }

  /** Deletes the held data (the person chose to), then autosaves again. */
  async discardHeld(): Promise<boolean> {
    const held = this.status.getState().held;
    if (!held) return true;
    try {
      await this.storeOf(held.where).remove(DRAFT_KEY);
    } catch (e) {
      this.patch({ failure: classifyStorageError(e) });
      return false;
    }
    await this.resume(null);
    return true;
  }

  /** other-diagram: opens the saved diagram instead of the address's (one undo step back). */
  async openHeld(): Promise<void> {
    const held = this.status.getState().held;
    if (!held?.document) return;
    this.o.editor.getState().replaceDocument(held.document);
    this.clearSecondary = held.where === "secondary";
    this.o.forgetAddress?.();
    await this.resume(savedOf(this.o.editor.getState()));
  }

  /** other-diagram: autosaves the diagram on screen in place of the saved one. */
  async replaceHeld(): Promise<void> {
    if (this.status.getState().held?.reason !== "other-diagram") return;
    this.o.forgetAddress?.();
    await this.resume(null);
  }

  /** Makes this tab the one that autosaves; the other tab turns read-only and says so. */
  async takeOver(): Promise<void> {
    if (await this.o.election.takeOver()) {
      this.patch({ role: "writer" });
      this.saved = null;
      await this.flush();
    }
  }

  dispose(): void {
    this.cancelTimer();
    for (const u of this.unsubscribers.splice(0)) u();
    this.o.election.release();
  }
}

const registry = new WeakMap<EditorStore, Autosaver>();
const registered = new Set<() => void>();

/** Lets the banner find the autosaver of the editor it is rendered in. */
export function registerAutosaver(editor: EditorStore, saver: Autosaver): void {
  registry.set(editor, saver);
  for (const cb of [...registered]) cb();
}
export function autosaverFor(editor: EditorStore): Autosaver | undefined {
  return registry.get(editor);
}
/**
 * Calls `cb` whenever an autosaver is registered; returns an unsubscribe. The editor may show
 * before its autosaver starts (src/main.tsx), and the banner must then appear when it does.
 */
export function onAutosaverRegistered(cb: () => void): () => void {
  registered.add(cb);
  return () => registered.delete(cb);
}
