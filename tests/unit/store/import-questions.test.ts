/**
 * The questions Open and every import ask (src/store/file-actions.ts): on a canvas with work,
 * "Replace / Open beside / Cancel" before anything changes — Replace and Open beside one undo step
 * each, beside never overlapping the work, Cancel changing nothing; on an empty canvas, no
 * question; a refused file, its error and no question. A Compose file that declares profiles asks
 * which to draw, and the answer reaches the importer as the CLI's --profile.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEditorStore, type EditorQuestion, type EditorStore } from "../../../src/store/editor.ts";
import {
  importComposeFile,
  importFormatFile,
  openDocumentBytes,
  openDroppedFile,
} from "../../../src/store/file-actions.ts";
import type { StackDocument } from "../../../src/domain/document.ts";
import { serverWithUbuntu } from "./server-doc.ts";
import { indexDocument } from "../../../src/domain/diagram.ts";
import type { Limits } from "../../../src/domain/limits.ts";
import { LIMITS } from "../../../src/domain/limits.ts";
import { COMPOSE_PROFILES } from "./compose-profiles.ts";

const fixture = (rel: string) => readFileSync(new URL(`../../fixtures/${rel}`, import.meta.url), "utf8");

/** Work on the canvas: a server with Ubuntu. */
const work = (): StackDocument => serverWithUbuntu("Work");

/** A document to open, whose ids clash with the work's. */
const incoming = JSON.stringify({
  format: "stackdraw",
  version: 2,
  title: "Incoming",
  nodes: [
    { id: "host", kind: "physical-host", label: "Other server" },
    { id: "win", kind: "kernel", parentId: "host", label: "Windows Server", props: { family: "windows" } },
  ],
  edges: [],
});

/** The question the store holds once it is asked (the functions ask after an on-demand load). */
async function asked(store: EditorStore): Promise<EditorQuestion> {
  const now = store.getState().question;
  if (now) return now;
  return new Promise((resolve) => {
    const stop = store.subscribe((s) => {
      if (s.question) {
        stop();
        resolve(s.question);
      }
    });
  });
}

async function askedWhere(store: EditorStore) {
  const q = await asked(store);
  if (q.kind !== "where") throw new Error(`asked ${q.kind}, not where`);
  return q;
}
async function askedProfiles(store: EditorStore) {
  const q = await asked(store);
  if (q.kind !== "profiles") throw new Error(`asked ${q.kind}, not profiles`);
  return q;
}

const labels = (doc: StackDocument, kind: string) =>
  doc.nodes
    .filter((n) => n.kind === kind)
    .map((n) => n.label)
    .sort();

/** The boxes of the root nodes whose ids are in `ids`. */
const rootBoxes = (doc: StackDocument, ids: ReadonlySet<string>) =>
  doc.nodes.filter((n) => n.parentId == null && ids.has(n.id)).map((n) => ({ ...n.position!, ...n.size! }));
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("an empty canvas asks nothing", () => {
  it("Open replaces it at once, one undo step", async () => {
    const store = createEditorStore();
    expect(await openDocumentBytes(store, incoming, "incoming.stackdraw.json")).toBe(true);
    expect(store.getState().question).toBeNull();
    expect(labels(store.getState().doc, "physical-host")).toEqual(["Other server"]);
    expect(store.getState().past).toHaveLength(1);
  });
});

describe("Open on a canvas with work", () => {
  it("asks where, naming the file, before anything changes; Cancel changes nothing", async () => {
    const store = createEditorStore(work());
    const before = store.getState().doc;
    const opening = openDocumentBytes(store, incoming, "incoming.stackdraw.json");
    const q = await askedWhere(store);
    expect(q).toMatchObject({ kind: "where", action: "open", file: "incoming.stackdraw.json" });
    expect(store.getState().doc).toBe(before);
    q.answer(null);
    expect(await opening).toBe(false);
    expect(store.getState().question).toBeNull();
    expect(store.getState().doc).toBe(before);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().notice).toBeNull();
  });

  it("Replace: the whole document replaced as one undo step; Undo brings the work back", async () => {
    const store = createEditorStore(work());
    const before = store.getState().doc;
    const opening = openDocumentBytes(store, incoming, "incoming.stackdraw.json");
    (await askedWhere(store)).answer("replace");
    expect(await opening).toBe(true);
    const s = store.getState();
    expect(s.question).toBeNull();
    expect(s.doc.title).toBe("Incoming");
    expect(labels(s.doc, "physical-host")).toEqual(["Other server"]);
    expect(s.past).toHaveLength(1);
    s.undo();
    expect(store.getState().doc).toBe(before);
  });

  it("Open beside: both diagrams, the new one right of the work without overlapping it, one undo step", async () => {
    const store = createEditorStore(work());
    const before = store.getState().doc;
    const opening = openDocumentBytes(store, incoming, "incoming.stackdraw.json");
    (await askedWhere(store)).answer("beside");
    expect(await opening).toBe(true);
    const s = store.getState();
    // The work kept as it was (ids, labels, places), its title too; the incoming nodes added with fresh ids.
    for (const n of before.nodes)
      expect(s.index.byId.get(n.id)).toMatchObject({ label: n.label, position: n.position });
    expect(s.doc.title).toBe("Work");
    expect(labels(s.doc, "physical-host")).toEqual(["Other server", "Server"]);
    expect(labels(s.doc, "kernel")).toEqual(["Ubuntu", "Windows Server"]);
    expect(new Set(s.doc.nodes.map((n) => n.id)).size).toBe(4);
    const old = new Set(before.nodes.map((n) => n.id));
    const added = new Set(s.doc.nodes.map((n) => n.id).filter((id) => !old.has(id)));
    const a = rootBoxes(s.doc, old);
    const b = rootBoxes(s.doc, added);
    expect(b).toHaveLength(1);
    for (const x of a) for (const y of b) expect(overlap(x, y)).toBe(false);
    expect(Math.min(...b.map((y) => y.x))).toBeGreaterThanOrEqual(Math.max(...a.map((x) => x.x + x.width)));
    // The new diagram keeps its own tree (Windows Server inside the other server).
    const idx = indexDocument(s.doc);
    const win = s.doc.nodes.find((n) => n.label === "Windows Server")!;
    expect(idx.byId.get(win.parentId!)!.label).toBe("Other server");
    // The new top selected; the view asked to show both.
    expect(s.selectedNodes).toEqual([...added].filter((id) => idx.byId.get(id)!.parentId == null));
    const roots = s.doc.nodes.filter((n) => n.parentId == null).map((n) => n.id);
    expect([...s.frameRequest!.ids].sort()).toEqual(roots.sort());
    expect(s.past).toHaveLength(1);
    s.undo();
    expect(store.getState().doc).toBe(before);
  });

  it("a refused file shows its error and asks nothing", async () => {
    const store = createEditorStore(work());
    const before = store.getState().doc;
    expect(
      await openDocumentBytes(store, '{ "format": "stackdraw", "version": 2, "nodes": [ {', "cut.json"),
    ).toBe(false);
    expect(store.getState().fileError?.file).toBe("cut.json");
    expect(store.getState().question).toBeNull();
    expect(store.getState().doc).toBe(before);
  });

  it("beside past a limit: refused whole with the limit's notice, nothing changed", async () => {
    const limits: Limits = { ...LIMITS, nodes: 3 };
    const store = createEditorStore(work(), { limits });
    const before = store.getState().doc;
    const opening = openDocumentBytes(store, incoming, "incoming.stackdraw.json");
    (await askedWhere(store)).answer("beside");
    expect(await opening).toBe(false);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().notice?.kind).toBe("error");
    expect(store.getState().notice?.text.en).toMatch(/4 nodes/);
  });

  it("one question at a time: a second file while the first is asked cancels the first", async () => {
    const store = createEditorStore(work());
    const first = openDocumentBytes(store, incoming, "first.stackdraw.json");
    const q1 = await askedWhere(store);
    const second = openDocumentBytes(store, incoming, "second.stackdraw.json");
    expect(await first).toBe(false);
    const q2 = await askedWhere(store);
    expect(q2.file).toBe("second.stackdraw.json");
    expect(q2.id).not.toBe(q1.id);
    q1.answer("replace"); // a stale answer does nothing
    expect(store.getState().question).toBe(q2);
    q2.answer("replace");
    expect(await second).toBe(true);
    expect(store.getState().past).toHaveLength(1);
  });
});

describe("imports on a canvas with work ask the same", () => {
  it("Kubernetes manifests: asked where (an import); Replace draws the cluster, one undo step", async () => {
    const store = createEditorStore(work());
    const before = store.getState().doc;
    const importing = importFormatFile(store, new File([fixture("k8s/web-app.yaml")], "web-app.yaml"), "k8s");
    const q = await askedWhere(store);
    expect(q).toMatchObject({ action: "import", file: "web-app.yaml" });
    expect(store.getState().doc).toBe(before);
    q.answer("replace");
    expect(await importing).toBe(true);
    expect(store.getState().doc.nodes[0]).toMatchObject({ kind: "k8s-cluster" });
    expect(labels(store.getState().doc, "physical-host")).toEqual([]);
    store.getState().undo();
    expect(store.getState().doc).toBe(before);
  });

  it("an ECS task definition dropped: asked where; Open beside keeps the work", async () => {
    const store = createEditorStore(work());
    const dropping = openDroppedFile(store, new File([fixture("ecs/fargate-web.json")], "task.json"));
    (await askedWhere(store)).answer("beside");
    expect(await dropping).toBe(true);
    const doc = store.getState().doc;
    expect(labels(doc, "physical-host")).toEqual(["Server"]);
    expect(doc.nodes.some((n) => n.kind === "fargate")).toBe(true);
    expect(store.getState().past).toHaveLength(1);
  });

  it("a Kubernetes manifest dropped: Cancel changes nothing", async () => {
    const store = createEditorStore(work());
    const before = store.getState().doc;
    const dropping = openDroppedFile(store, new File([fixture("k8s/web-app.yaml")], "manifests.yaml"));
    const q = await askedWhere(store);
    expect(q.action).toBe("import");
    q.answer(null);
    expect(await dropping).toBe(false);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });

  it("a refused import shows its error and asks nothing", async () => {
    const store = createEditorStore(work());
    const bad = new File([fixture("ecs/bad/port-out-of-range.json")], "bad.json");
    expect(await importFormatFile(store, bad, "ecs")).toBe(false);
    expect(store.getState().fileError?.problems[0]?.where).toMatch(/^4:76 /);
    expect(store.getState().question).toBeNull();
    const compose = new File(['services:\n  web:\n    profiles: [x]\n    ports: ["70000:80"]\n'], "bad.yml");
    expect(await importComposeFile(store, compose)).toBe(false);
    expect(store.getState().fileError?.problems[0]?.where).toMatch(/^4:/);
    expect(store.getState().question).toBeNull();
  });
});

describe("a Compose file that declares profiles", () => {
  it("asks which profiles, listing each with its services; one chosen draws exactly its services", async () => {
    const store = createEditorStore();
    const importing = importComposeFile(store, new File([COMPOSE_PROFILES], "compose.yml"));
    const q = await askedProfiles(store);
    expect(q).toMatchObject({
      file: "compose.yml",
      profiles: [
        { name: "debug", services: ["adminer", "mailhog"] },
        { name: "mail", services: ["mailhog"] },
        { name: "docs", services: ["docs"] },
      ],
      always: ["web"],
    });
    q.answer(["mail"]);
    expect(await importing).toBe(true);
    // An empty canvas: no where-question after the profiles.
    expect(store.getState().question).toBeNull();
    expect(labels(store.getState().doc, "container")).toEqual(["mailhog", "web"]);
    expect(store.getState().past).toHaveLength(1);
  });

  it('"All profiles" (["*"]) draws every service', async () => {
    const store = createEditorStore();
    const importing = importComposeFile(store, new File([COMPOSE_PROFILES], "compose.yml"));
    (await askedProfiles(store)).answer(["*"]);
    expect(await importing).toBe(true);
    expect(labels(store.getState().doc, "container")).toEqual(["adminer", "docs", "mailhog", "web"]);
  });

  it("Cancel imports nothing", async () => {
    const store = createEditorStore();
    const importing = importComposeFile(store, new File([COMPOSE_PROFILES], "compose.yml"));
    (await askedProfiles(store)).answer(null);
    expect(await importing).toBe(false);
    expect(store.getState().doc.nodes).toHaveLength(0);
    expect(store.getState().past).toHaveLength(0);
  });

  it("on a canvas with work: the profiles first, then where; Cancel there changes nothing", async () => {
    const store = createEditorStore(work());
    const before = store.getState().doc;
    const importing = importComposeFile(store, new File([COMPOSE_PROFILES], "compose.yml"));
    const p = await askedProfiles(store);
    p.answer(["debug", "docs"]);
    const w = await askedWhere(store);
    expect(w).toMatchObject({ action: "import", file: "compose.yml" });
    expect(w.id).not.toBe(p.id);
    w.answer(null);
    expect(await importing).toBe(false);
    expect(store.getState().doc).toBe(before);

    const again = importComposeFile(store, new File([COMPOSE_PROFILES], "compose.yml"));
    (await askedProfiles(store)).answer(["debug", "docs"]);
    (await askedWhere(store)).answer("beside");
    expect(await again).toBe(true);
    expect(labels(store.getState().doc, "container")).toEqual(["adminer", "docs", "mailhog", "web"]);
    expect(labels(store.getState().doc, "physical-host")).toHaveLength(2);
    expect(store.getState().past).toHaveLength(1);
  });

  it("a file without profiles asks nothing about them", async () => {
    const store = createEditorStore();
    const ok = await importComposeFile(store, new File(["services:\n  web:\n    image: nginx\n"], "c.yml"));
    expect(ok).toBe(true);
    expect(store.getState().question).toBeNull();
    expect(labels(store.getState().doc, "container")).toEqual(["web"]);
  });
});
