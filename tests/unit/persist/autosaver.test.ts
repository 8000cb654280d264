import {
  Autosaver,
  DRAFT_KEY,
  ASIDE_PREFIX,
  SAVE_DELAY_MS,
  makeEnvelope,
  readDraft,
  type AutosaverOptions,
} from "../../../src/persist/autosaver.ts";
import { webLocksElection } from "../../../src/persist/election.ts";
import { writeDocument } from "../../../src/io/write.ts";
import { readDocument } from "../../../src/io/read.ts";
import { emptyDocument } from "../../../src/domain/document.ts";
import { FakeLocks, MemoryStore, editor, quota, withServer } from "./fakes.ts";

const draftOf = (doc = withServer()) => makeEnvelope(writeDocument(doc), 0, "other");
const savedIds = (store: MemoryStore) => {
  const r = readDraft(store.data.get(DRAFT_KEY) ?? null, readDocument);
  return r.kind === "ok" ? r.document.nodes.map((n) => n.id) : r.kind;
};

function setup(opts: Partial<AutosaverOptions> & { seed?: string } = {}) {
  const primary = (opts.primary as MemoryStore | undefined) ?? new MemoryStore();
  if (opts.seed !== undefined) primary.data.set(DRAFT_KEY, opts.seed);
  const ed = opts.editor ?? editor();
  let hide: () => void = () => {};
  const saver = new Autosaver({
    editor: ed,
    primary,
    tabId: "tab-1",
    now: () => 1000,
    onHide: (cb) => {
      hide = cb;
      return () => {};
    },
    ...opts,
  });
  return { primary, ed, saver, hide: () => hide() };
}

const addServer = (ed: ReturnType<typeof editor>, id = "srv") =>
  ed.getState().commit(withServer(ed.getState().doc, id));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("saving", () => {
  it("saves within 0.5 s of a change, and not a restarted timer later", async () => {
    expect(SAVE_DELAY_MS).toBeLessThanOrEqual(500);
    const { primary, ed, saver } = setup();
    await saver.start();
    addServer(ed, "a");
    expect(primary.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(300);
    addServer(ed, "b"); // a later change does not postpone the first save
    await vi.advanceTimersByTimeAsync(200);
    expect(primary.writes).toHaveLength(1);
    expect(savedIds(primary)).toEqual(["a", "b"]);
    // The envelope: saved-at and tab id around the document text.
    const env = JSON.parse(primary.data.get(DRAFT_KEY)!);
    expect(env).toMatchObject({ "stackdraw-draft": 1, tab: "tab-1", savedAt: new Date(1000).toISOString() });
    expect(env.document).toBe(writeDocument(ed.getState().doc, { compact: true }));
    expect(JSON.parse(env.document)).toEqual(JSON.parse(writeDocument(ed.getState().doc)));
  });

  it("writes nothing when nothing changed", async () => {
    const { primary, saver, hide } = setup();
    await saver.start();
    hide();
    await vi.advanceTimersByTimeAsync(1000);
    expect(primary.writes).toHaveLength(0);
  });

  it("saves at once when the tab is hidden or closed", async () => {
    const { primary, ed, saver, hide } = setup();
    await saver.start();
    addServer(ed);
    hide();
    // Issued synchronously, before any timer runs (the page may be gone after pagehide).
    expect(primary.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(primary.writes).toHaveLength(1);
    expect(savedIds(primary)).toEqual(["srv"]);
  });

  it("on hide, a copy also goes synchronously to the secondary store, removed after the next completed save", async () => {
    const secondary = new MemoryStore();
    const { primary, ed, saver, hide } = setup({ secondary });
    await saver.start();
    addServer(ed, "a");
    hide();
    expect(secondary.writes).toHaveLength(1);
    expect(primary.writes).toHaveLength(1);
    await saver.flush();
    expect(secondary.data.has(DRAFT_KEY)).toBe(false);
  });

  it("restore takes the newer of the two copies (the page went before IndexedDB finished)", async () => {
    const secondary = new MemoryStore();
    const primary = new MemoryStore();
    primary.data.set(DRAFT_KEY, makeEnvelope(writeDocument(withServer(emptyDocument(), "old")), 1000, "t"));
    secondary.data.set(
      DRAFT_KEY,
      makeEnvelope(writeDocument(withServer(withServer(emptyDocument(), "old"), "new")), 2000, "t"),
    );
    const { ed, saver } = setup({ primary, secondary });
    await saver.start();
    expect(ed.getState().doc.nodes.map((n) => n.id)).toEqual(["old", "new"]);
    addServer(ed, "more");
    await vi.advanceTimersByTimeAsync(500);
    expect(savedIds(primary)).toEqual(["old", "new", "more"]);
    expect(secondary.data.has(DRAFT_KEY)).toBe(false);
  });

  it("unreadable data in the secondary store is held too, and gets no emergency copies", async () => {
    const secondary = new MemoryStore();
    secondary.data.set(DRAFT_KEY, "garbage");
    const { ed, saver, hide, primary } = setup({ secondary, seed: draftOf() });
    await saver.start();
    expect(ed.getState().doc.nodes).toHaveLength(1); // the readable draft still opens
    expect(saver.status.getState().held).toMatchObject({ reason: "corrupt", where: "secondary" });
    addServer(ed, "b");
    hide();
    expect(secondary.data.get(DRAFT_KEY)).toBe("garbage");
    expect(primary.writes).toHaveLength(0);
  });

  it("saves where the person was looking (viewport, overlay) with the document, and reopens there", async () => {
    const { primary, ed, saver } = setup();
    await saver.start();
    addServer(ed, "a");
    await vi.advanceTimersByTimeAsync(500);
    expect(primary.writes).toHaveLength(1);
    // A pan alone is not a document change, but it is saved: reopening the tab returns to it.
    ed.getState().setViewport({ x: -120, y: 40, zoom: 1.5 });
    await vi.advanceTimersByTimeAsync(500);
    expect(primary.writes).toHaveLength(2);
    ed.getState().setOverlay(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(primary.writes).toHaveLength(3);
    const r = readDraft(primary.data.get(DRAFT_KEY) ?? null, readDocument);
    expect(r.kind).toBe("ok");
    if (r.kind !== "ok") return;
    expect(r.document.view).toEqual({ viewport: { x: -120, y: 40, zoom: 1.5 }, overlay: "managedBy" });
    // The same viewport again writes nothing.
    ed.getState().setViewport({ x: -120, y: 40, zoom: 1.5 });
    await vi.advanceTimersByTimeAsync(500);
    expect(primary.writes).toHaveLength(3);

    const reopened = setup({ primary, editor: editor() });
    await reopened.saver.start();
    expect(reopened.ed.getState().viewport).toEqual({ x: -120, y: 40, zoom: 1.5 });
    expect(reopened.ed.getState().overlay).toBe(true);
    expect(reopened.ed.getState().past).toHaveLength(0);
  });

  it("a change during a save is saved after it", async () => {
    const { primary, ed, saver } = setup();
    await saver.start();
    addServer(ed, "a");
    const first = saver.flush();
    addServer(ed, "b");
    void saver.flush();
    await first;
    await vi.advanceTimersByTimeAsync(0);
    expect(savedIds(primary)).toEqual(["a", "b"]);
  });
});

describe("restoring", () => {
  it("loads a saved draft without an undo step", async () => {
    const { ed, saver, primary } = setup({ seed: draftOf() });
    await saver.start();
    expect(ed.getState().doc.nodes.map((n) => n.id)).toEqual(["srv"]);
    expect(ed.getState().past).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(primary.writes).toHaveLength(0);
  });

  it("accepts a bare .stackdraw.json document under the key", async () => {
    const { ed, saver } = setup({ seed: writeDocument(withServer()) });
    await saver.start();
    expect(ed.getState().doc.nodes).toHaveLength(1);
  });

  it("reads an older draft from the secondary store and moves it to the primary", async () => {
    const secondary = new MemoryStore();
    secondary.data.set(DRAFT_KEY, draftOf());
    const { ed, saver, primary } = setup({ secondary });
    await saver.start();
    expect(ed.getState().doc.nodes).toHaveLength(1);
    addServer(ed, "b");
    await vi.advanceTimersByTimeAsync(500);
    expect(savedIds(primary)).toEqual(["srv", "b"]);
    expect(secondary.data.has(DRAFT_KEY)).toBe(false);
  });

  it("started beside the first paint: what the person did before it started is saved", async () => {
    const ed = editor();
    const shown = ed.getState().doc;
    addServer(ed, "early");
    const { primary, saver } = setup({ editor: ed, shown });
    await saver.start();
    await vi.advanceTimersByTimeAsync(500);
    expect(savedIds(primary)).toEqual(["early"]);
  });

  it("started beside the first paint: a draft found then is held, never restored over the person's work", async () => {
    const ed = editor();
    const shown = ed.getState().doc;
    addServer(ed, "early");
    const seed = draftOf();
    const { primary, saver } = setup({ editor: ed, shown, seed });
    await saver.start();
    expect(ed.getState().doc.nodes.map((n) => n.id)).toEqual(["early"]);
    expect(saver.status.getState().held).toMatchObject({ reason: "other-diagram", whileWorking: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(primary.data.get(DRAFT_KEY)).toBe(seed);
  });

  it("started beside the first paint: a draft of the very diagram worked on leaves the work, and its undo, as they are", async () => {
    const ed = editor();
    const shown = ed.getState().doc;
    addServer(ed, "srv");
    const past = ed.getState().past;
    const seed = draftOf(ed.getState().doc);
    const { primary, saver } = setup({ editor: ed, shown, seed });
    await saver.start();
    expect(saver.status.getState().held).toBeNull();
    expect(ed.getState().past).toBe(past);
    // Saved as the person's work (its own envelope), not left as the other tab wrote it.
    await vi.advanceTimersByTimeAsync(500);
    expect(primary.data.get(DRAFT_KEY)).not.toBe(seed);
    expect(savedIds(primary)).toEqual(["srv"]);
  });

  it("started beside the first paint with nothing done yet: a draft found is restored", async () => {
    const ed = editor();
    const { saver } = setup({ editor: ed, shown: ed.getState().doc, seed: draftOf() });
    await saver.start();
    expect(ed.getState().doc.nodes.map((n) => n.id)).toEqual(["srv"]);
    expect(saver.status.getState().held).toBeNull();
  });

  it("when the address brings a diagram, the draft is not opened and not overwritten until the person chooses", async () => {
    const seed = draftOf();
    const { ed, saver, primary } = setup({ seed, addressHasDiagram: true });
    await saver.start();
    expect(ed.getState().doc.nodes).toHaveLength(0);
    expect(saver.status.getState().held?.reason).toBe("other-diagram");
    addServer(ed, "new");
    saver.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(primary.data.get(DRAFT_KEY)).toBe(seed);
    await saver.openHeld();
    expect(ed.getState().doc.nodes.map((n) => n.id)).toEqual(["srv"]);
    expect(ed.getState().past.length).toBeGreaterThan(0); // the person's choice can be undone
    expect(saver.status.getState().held).toBeNull();
  });

  it("or autosaves the address's diagram in its place when the person says so", async () => {
    const forgetAddress = vi.fn();
    const { ed, saver, primary } = setup({ seed: draftOf(), addressHasDiagram: true, forgetAddress });
    await saver.start();
    addServer(ed, "new");
    await saver.replaceHeld();
    expect(savedIds(primary)).toEqual(["new"]);
    // Asked once: the address lets go of its diagram, so a reload shows what autosave keeps.
    expect(forgetAddress).toHaveBeenCalledTimes(1);
  });

  it("opening the held draft also makes the address forget its diagram", async () => {
    const forgetAddress = vi.fn();
    const { saver } = setup({ seed: draftOf(), addressHasDiagram: true, forgetAddress });
    await saver.start();
    expect(forgetAddress).not.toHaveBeenCalled();
    await saver.openHeld();
    expect(forgetAddress).toHaveBeenCalledTimes(1);
  });

  it("a reload of a share link whose diagram is the draft's opens quietly and keeps autosaving", async () => {
    // The link's diagram is in the editor (as main.tsx opens it before autosave starts); the
    // draft holds that same diagram, with the view where the person left it.
    const ed = editor();
    ed.getState().replaceDocument(withServer(), { undoable: false });
    const saved = { ...ed.getState().doc, view: { viewport: { x: 40, y: 20, zoom: 0.8 } } };
    const forgetAddress = vi.fn();
    const { saver, primary } = setup({
      editor: ed,
      seed: draftOf(saved),
      addressHasDiagram: true,
      forgetAddress,
    });
    await saver.start();
    expect(saver.status.getState().held).toBeNull();
    expect(ed.getState().viewport).toEqual({ x: 40, y: 20, zoom: 0.8 });
    expect(forgetAddress).not.toHaveBeenCalled();
    addServer(ed, "more");
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(savedIds(primary)).toEqual(["srv", "more"]);
  });

  it("a draft that differs from the link's diagram only in one label is another diagram: held", async () => {
    const ed = editor();
    ed.getState().replaceDocument(withServer(), { undoable: false });
    const edited = {
      ...ed.getState().doc,
      nodes: ed.getState().doc.nodes.map((n) => ({ ...n, label: "renamed" })),
    };
    const { saver } = setup({ editor: ed, seed: draftOf(edited), addressHasDiagram: true });
    await saver.start();
    expect(saver.status.getState().held?.reason).toBe("other-diagram");
  });
});

describe("unreadable saved data is never overwritten", () => {
  it("a draft whose reader cannot be loaded (offline after a deploy) is kept, and the person is told", async () => {
    const seed = draftOf();
    const { primary, ed, saver } = setup({ seed, loadReader: () => Promise.reject(new Error("chunk gone")) });
    await saver.start();
    expect(ed.getState().doc.nodes).toHaveLength(0);
    expect(ed.getState().notice?.kind).toBe("error");
    addServer(ed);
    await vi.advanceTimersByTimeAsync(1000);
    expect(primary.writes).toHaveLength(0);
    expect(primary.data.get(DRAFT_KEY)).toBe(seed);
  });

  it("with nothing saved, the reader is not even loaded", async () => {
    const loadReader = vi.fn(() => import("../../../src/io/read.ts"));
    const { saver } = setup({ loadReader });
    await saver.start();
    expect(loadReader).not.toHaveBeenCalled();
  });

  const newerDoc = JSON.stringify({ format: "stackdraw", version: 99, nodes: [], edges: [] });
  const cases: [string, string, "corrupt" | "newer"][] = [
    ["corrupt bytes", '{"stackdraw-draft":1,"document":"{\\"format\\":\\"stack', "corrupt"],
    ["not JSON", "\u0000\u0001garbage", "corrupt"],
    ["a newer document", newerDoc, "newer"],
    ["a newer document in an envelope", makeEnvelope(newerDoc, 0, "x"), "newer"],
    ["a newer envelope", JSON.stringify({ "stackdraw-draft": 2, document: 5 }), "newer"],
  ];
  it.each(cases)("%s is held, not loaded, and no edit writes over it", async (_name, seed, reason) => {
    const { ed, saver, primary, hide } = setup({ seed });
    await saver.start();
    expect(saver.status.getState().held).toMatchObject({ reason, raw: seed });
    expect(ed.getState().doc.nodes).toHaveLength(0);
    addServer(ed);
    await vi.advanceTimersByTimeAsync(2000);
    hide();
    await saver.flush();
    expect(primary.writes).toHaveLength(0);
    expect(primary.data.get(DRAFT_KEY)).toBe(seed);
  });

  it("keeping it aside copies it to its own key, then autosave resumes", async () => {
    const seed = "not json at all";
    const { ed, saver, primary } = setup({ seed });
    await saver.start();
    addServer(ed);
    expect(await saver.keepAside()).toBe(true);
    expect(primary.data.get(`${ASIDE_PREFIX}1000`)).toBe(seed);
    expect(savedIds(primary)).toEqual(["srv"]);
    expect(saver.status.getState().held).toBeNull();
  });

  it("a copy that fails keeps holding it and says so", async () => {
    const seed = "not json at all";
    const { ed, saver, primary } = setup({ seed });
    await saver.start();
    addServer(ed);
    primary.failSet = quota();
    expect(await saver.keepAside()).toBe(false);
    expect(saver.status.getState().held).not.toBeNull();
    expect(saver.status.getState().failure?.reason).toBe("quota");
    expect(primary.data.get(DRAFT_KEY)).toBe(seed);
  });

  it("deleting it (the person's choice) resumes autosave", async () => {
    const { ed, saver, primary } = setup({ seed: "garbage" });
    await saver.start();
    addServer(ed);
    expect(await saver.discardHeld()).toBe(true);
    expect(savedIds(primary)).toEqual(["srv"]);
  });

  it("a draft that cannot even be looked at is never written over", async () => {
    const primary = new MemoryStore();
    primary.failGet = new DOMException("denied", "SecurityError");
    const { ed, saver } = setup({ primary });
    await saver.start();
    expect(saver.status.getState().failure?.reason).toBe("blocked");
    addServer(ed);
    await vi.advanceTimersByTimeAsync(1000);
    expect(primary.writes).toHaveLength(0);
    expect(ed.getState().doc.nodes).toHaveLength(1); // the work stays in memory
  });
});

describe("a failing save is never silent", () => {
  const failures: [string, unknown, string][] = [
    ["QuotaExceededError", quota(), "quota"],
    ["Firefox quota", { name: "NS_ERROR_DOM_QUOTA_REACHED", code: 1014, message: "full" }, "quota"],
    ["WebKit code 22", { code: 22, message: "full" }, "quota"],
    ["SecurityError", new DOMException("denied", "SecurityError"), "blocked"],
    ["anything else", new Error("disk"), "other"],
  ];
  it.each(failures)("%s → a warning that stays until a save succeeds", async (_name, error, reason) => {
    const { primary, ed, saver } = setup();
    await saver.start();
    primary.failSet = error;
    addServer(ed, "a");
    await vi.advanceTimersByTimeAsync(500);
    expect(saver.status.getState().failure?.reason).toBe(reason);
    expect(ed.getState().doc.nodes).toHaveLength(1);
    // Still failing: still warned.
    addServer(ed, "b");
    await vi.advanceTimersByTimeAsync(500);
    expect(saver.status.getState().failure?.reason).toBe(reason);
    // Storage works again: the next save clears the warning and holds everything.
    primary.failSet = null;
    addServer(ed, "c");
    await vi.advanceTimersByTimeAsync(500);
    expect(saver.status.getState().failure).toBeNull();
    expect(savedIds(primary)).toEqual(["a", "b", "c"]);
  });
});

describe("two tabs: one writer", () => {
  it("the second tab is read-only for autosave; taking over moves the role and tells the first", async () => {
    const locks = new FakeLocks();
    const primary = new MemoryStore();
    const one = setup({ primary, election: webLocksElection(locks) });
    await one.saver.start();
    const two = setup({ primary, election: webLocksElection(locks) });
    await two.saver.start();
    expect(one.saver.status.getState().role).toBe("writer");
    expect(two.saver.status.getState().role).toBe("reader");

    addServer(one.ed, "one");
    await vi.advanceTimersByTimeAsync(500);
    expect(savedIds(primary)).toEqual(["one"]);

    // Edits in the second tab never reach storage, even on hide.
    addServer(two.ed, "two");
    await vi.advanceTimersByTimeAsync(500);
    two.hide();
    await two.saver.flush();
    expect(savedIds(primary)).toEqual(["one"]);

    await two.saver.takeOver();
    await vi.advanceTimersByTimeAsync(0);
    expect(two.saver.status.getState().role).toBe("writer");
    expect(one.saver.status.getState().role).toBe("reader");
    // (The second tab opened before the first had saved anything, so it holds only its own node.)
    expect(savedIds(primary)).toEqual(["two"]);

    addServer(one.ed, "late");
    await vi.advanceTimersByTimeAsync(500);
    one.hide();
    expect(savedIds(primary)).toEqual(["two"]);
  });

  it("the role is free again once the writer goes", async () => {
    const locks = new FakeLocks();
    const one = setup({ election: webLocksElection(locks) });
    await one.saver.start();
    one.saver.dispose();
    await vi.advanceTimersByTimeAsync(0);
    const two = setup({ election: webLocksElection(locks) });
    await two.saver.start();
    expect(two.saver.status.getState().role).toBe("writer");
  });
});

describe("readDraft", () => {
  it("judges what is stored", () => {
    expect(readDraft(null, readDocument).kind).toBe("empty");
    expect(readDraft(draftOf(emptyDocument()), readDocument).kind).toBe("ok");
    expect(readDraft("[]", readDocument)).toMatchObject({ kind: "unreadable", reason: "corrupt" });
    expect(readDraft(JSON.stringify({ "stackdraw-draft": 1, document: 3 }), readDocument)).toMatchObject({
      kind: "unreadable",
      reason: "corrupt",
    });
  });
});
