/**
 * No dead ends for saved drafts: a draft refused only for a limit (a 1,001-character label, 70
 * levels of nesting) can be opened repaired — the original kept aside first — and every draft kept
 * aside is listed, readable and deletable.
 */
import {
  ASIDE_PREFIX,
  Autosaver,
  DRAFT_KEY,
  makeEnvelope,
  readDraft,
} from "../../../src/persist/autosaver.ts";
import { readDocument } from "../../../src/io/read.ts";
import { MemoryStore, editor } from "./fakes.ts";
import type { StackDocument } from "../../../src/domain/document.ts";

const overLimit = (): StackDocument => ({
  format: "stackdraw",
  version: 2,
  nodes: [
    { id: "n0", kind: "physical-host", label: "L".repeat(1_001) },
    ...Array.from({ length: 69 }, (_, i) => ({
      id: `n${i + 1}`,
      kind: "container" as const,
      parentId: `n${i}`,
    })),
  ],
  edges: [],
});

function setup(seed: string, now = 5000) {
  const primary = new MemoryStore();
  primary.data.set(DRAFT_KEY, seed);
  const ed = editor();
  const saver = new Autosaver({ editor: ed, primary, tabId: "t", now: () => now, delayMs: 0 });
  return { primary, ed, saver };
}

describe("drafts refused for a limit, and drafts kept aside", () => {
  it("a draft over a limit is held as repairable; a broken one is not", () => {
    const text = JSON.stringify(overLimit());
    expect(readDraft(makeEnvelope(text, 0, "x"), readDocument)).toMatchObject({
      kind: "unreadable",
      reason: "corrupt",
      repairable: true,
    });
    expect(readDraft("{", readDocument)).not.toHaveProperty("repairable");
  });

  it("opens it repaired after keeping the original aside, and autosaves the repaired one", async () => {
    const seed = makeEnvelope(JSON.stringify(overLimit()), 0, "x");
    const { primary, ed, saver } = setup(seed);
    await saver.start();
    expect(saver.status.getState().held?.repairable).toBe(true);
    expect(await saver.openHeldRepaired(() => import("../../../src/io/repair.ts"))).toBe(true);
    const doc = ed.getState().doc;
    expect(doc.nodes).toHaveLength(70);
    expect(doc.nodes.find((n) => n.id === "n0")!.label).toHaveLength(1_000);
    expect(ed.getState().notice?.text.en).toMatch(
      /^The saved draft was opened repaired: 1 labels or texts cut.*5 nodes nested deeper than 64 levels lifted/,
    );
    // Nothing lost: the original is kept aside and listed.
    expect(primary.data.get(`${ASIDE_PREFIX}5000`)).toBe(seed);
    expect(saver.status.getState().aside).toEqual([{ key: `${ASIDE_PREFIX}5000`, at: 5000 }]);
    await saver.flush();
    const saved = readDraft(primary.data.get(DRAFT_KEY)!, readDocument);
    expect(saved.kind).toBe("ok");
  });

  it("lists every draft kept aside, newest first; reads one back; deletes one", async () => {
    const { primary, saver } = setup("not json at all", 9000);
    primary.data.set(
      `${ASIDE_PREFIX}2000`,
      makeEnvelope('{"format":"stackdraw","version":2,"nodes":[]}', 0, "x"),
    );
    await saver.start();
    expect(await saver.keepAside()).toBe(true);
    expect(saver.status.getState().aside.map((a) => a.at)).toEqual([9000, 2000]);
    expect(await saver.asideText(`${ASIDE_PREFIX}9000`)).toBe("not json at all");
    expect(await saver.asideDocumentText(`${ASIDE_PREFIX}2000`)).toBe(
      '{"format":"stackdraw","version":2,"nodes":[]}',
    );
    await saver.discardAside(`${ASIDE_PREFIX}2000`);
    expect(primary.data.has(`${ASIDE_PREFIX}2000`)).toBe(false);
    expect(saver.status.getState().aside.map((a) => a.at)).toEqual([9000]);
  });

  it("a readable draft the editor refuses for a limit is held, never written over", async () => {
    const { createEditorStore } = await import("../../../src/store/editor.ts");
    const { LIMITS } = await import("../../../src/domain/limits.ts");
    const primary = new MemoryStore();
    const twenty = {
      format: "stackdraw",
      version: 2,
      nodes: Array.from({ length: 20 }, (_, k) => ({ id: `h${k}`, kind: "physical-host" })),
      edges: [],
    };
    const seed = makeEnvelope(JSON.stringify(twenty), 0, "x");
    primary.data.set(DRAFT_KEY, seed);
    const ed = createEditorStore(undefined, { limits: { ...LIMITS, nodes: 10 } });
    const saver = new Autosaver({ editor: ed, primary, tabId: "t", now: () => 1, delayMs: 0 });
    await saver.start();
    expect(saver.status.getState().held?.reason).toBe("corrupt");
    expect(ed.getState().notice?.text.en).toMatch(
      /^The draft was not restored: the diagram would have 20 nodes, and the limit is 10/,
    );
    await saver.flush();
    expect(primary.data.get(DRAFT_KEY)).toBe(seed);
  });
});
