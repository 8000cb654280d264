// @vitest-environment jsdom
/**
 * The file commands of src/store/file-actions.ts and the template command of src/store/actions.ts with
 * their on-demand code: what they do when the code loads, and that a failed load (offline after a
 * deploy) shows a notice in both languages and changes nothing. Save, JSON export and the share
 * link write the document with its view (documentWithView).
 */
import { Blob as NodeBlob } from "node:buffer";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createEditorStore } from "../../../src/store/editor.ts";
import { copyShareLink, exportAs, importComposeFile, saveDocument } from "../../../src/store/file-actions.ts";
import { loadOnDemand, openTemplateById } from "../../../src/store/actions.ts";
import { tryLoad } from "../../../src/browser/on-demand.ts";
import { decodeShareFragment } from "../../../src/browser/share.ts";
import { readDocument } from "../../../src/io/read.ts";
import { translate } from "../../../src/i18n/strings.ts";
import type { StackDocument } from "../../../src/domain/document.ts";
import { serverWithUbuntu } from "./server-doc.ts";

const doc = (): StackDocument => serverWithUbuntu("Web host", 1);

const LOAD_FAILED = {
  kind: "error",
  text: { en: translate("en", "loadFailed"), ko: translate("ko", "loadFailed") },
};
/** What a browser gives when the chunk is gone after a deploy, or the network is down. */
const offline = () =>
  Promise.reject(new TypeError("Failed to fetch dynamically imported module: /assets/compose-x.js"));

const COMPOSE = `services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
    depends_on: [api]
  api:
    image: example/api:2
`;

/** Downloads as the page would start them: the blob and the file name. */
let downloads: { blob: Blob; name: string }[] = [];
beforeEach(() => {
  downloads = [];
  const pending: Blob[] = [];
  vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
    pending.push(b as Blob);
    return `blob:test/${pending.length}`;
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ blob: pending[Number(this.href.split("/").pop()) - 1]!, name: this.download });
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The store's observable state that a refused action must leave as it was. */
const snapshot = (store: ReturnType<typeof createEditorStore>) => {
  const s = store.getState();
  return { doc: s.doc, past: s.past.length, future: s.future.length, fileError: s.fileError };
};

describe("on-demand code that cannot be loaded", () => {
  it("Import ▸ Docker Compose: a notice in both languages, the document unchanged", async () => {
    const store = createEditorStore(doc());
    const before = snapshot(store);
    const ok = await importComposeFile(store, new File([COMPOSE], "docker-compose.yml"), offline);
    expect(ok).toBe(false);
    expect(store.getState().notice).toEqual(LOAD_FAILED);
    expect(snapshot(store)).toEqual(before);
    expect(store.getState().doc).toBe(before.doc);
  });

  it("Export PNG and SVG: a notice, nothing downloaded, the document unchanged", async () => {
    for (const format of ["png", "svg"] as const) {
      const store = createEditorStore(doc());
      const before = snapshot(store);
      await exportAs(store, format, offline);
      expect(store.getState().notice).toEqual(LOAD_FAILED);
      expect(downloads).toEqual([]);
      expect(snapshot(store)).toEqual(before);
    }
  });

  it("?template=ID: a notice, the document unchanged (and not the unknown-template one)", async () => {
    const store = createEditorStore(doc());
    const before = snapshot(store);
    expect(await openTemplateById(store, "ecs-docker", "replace", { undoable: false }, offline)).toBe(false);
    expect(store.getState().notice).toEqual(LOAD_FAILED);
    expect(snapshot(store)).toEqual(before);
  });

  it("the notice exists in both languages, and a failed load is retried the next time", async () => {
    expect(LOAD_FAILED.text.en).not.toBe(LOAD_FAILED.text.ko);
    expect(LOAD_FAILED.text.ko).toMatch(/[가-힣]/);
    const store = createEditorStore();
    const load = vi
      .fn<() => Promise<{ ok: number }>>()
      .mockImplementationOnce(offline)
      .mockImplementationOnce(() => Promise.resolve({ ok: 1 }));
    expect(await loadOnDemand(store, load)).toBeNull();
    expect(await loadOnDemand(store, load)).toEqual({ ok: 1 });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("the loader itself only reports: the store side shows the notice", async () => {
    const error = new TypeError("Failed to fetch dynamically imported module");
    expect(await tryLoad(() => Promise.reject(error))).toEqual({ ok: false, error });
    expect(await tryLoad(() => Promise.resolve(7))).toEqual({ ok: true, module: 7 });
  });
});

describe("on-demand code that loads", () => {
  it("imports a compose file as one undo step (the importer loads on first use)", async () => {
    const store = createEditorStore(doc());
    const importing = importComposeFile(store, new File([COMPOSE], "docker-compose.yml"));
    // The canvas has work: it asks first (tests/unit/store/import-questions.test.ts).
    await vi.waitFor(() => expect(store.getState().question?.kind).toBe("where"), { timeout: 15_000 });
    store.getState().question!.answer(null);
    expect(await importing).toBe(false);
    const again = importComposeFile(store, new File([COMPOSE], "docker-compose.yml"));
    await vi.waitFor(() => expect(store.getState().question?.kind).toBe("where"));
    const q = store.getState().question!;
    if (q.kind === "where") q.answer("replace");
    expect(await again).toBe(true);
    const s = store.getState();
    expect(s.doc.title).toBe("docker-compose");
    expect(
      s.doc.nodes
        .filter((n) => n.kind === "container")
        .map((n) => n.label)
        .sort(),
    ).toEqual(["api", "web"]);
    expect(s.past).toHaveLength(1);
    expect(s.notice).toBeNull();
  });

  it("a bad compose file still gets its line:column dialog and changes nothing", async () => {
    const store = createEditorStore(doc());
    const before = store.getState().doc;
    expect(
      await importComposeFile(store, new File(['services:\n  web:\n    ports: ["70000:80"]\n'], "bad.yml")),
    ).toBe(false);
    expect(store.getState().fileError?.kind).toBe("import");
    expect(store.getState().fileError?.problems[0]?.where).toMatch(/^3:/);
    expect(store.getState().doc).toBe(before);
  });

  it("exports SVG (the renderer loads on first use)", async () => {
    const store = createEditorStore(doc());
    await exportAs(store, "svg");
    expect(downloads.map((d) => d.name)).toEqual(["Web-host.svg"]);
    const svg = await downloads[0]!.blob.text();
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("Ubuntu");
    expect(store.getState().notice).toBeNull();
  });

  it("exports in the theme in effect: the choice, with 'system' as the app shell reports it", async () => {
    const themes: string[] = [];
    const exporter = {
      exportSvgFile: async (_d: StackDocument, o: { theme: string }) => (
        themes.push(o.theme),
        new Blob(["<svg/>"])
      ),
      exportPng: async () => new Blob([]),
    } as unknown as typeof import("../../../src/browser/export.ts");
    const store = createEditorStore(doc());
    // The DOM says nothing here: the store never reads it.
    document.documentElement.dataset.theme = "light";
    store.getState().setSystemTheme("dark");
    await exportAs(store, "svg", async () => exporter);
    store.getState().setTheme("light");
    await exportAs(store, "svg", async () => exporter);
    store.getState().setTheme("system");
    store.getState().setSystemTheme("light");
    await exportAs(store, "svg", async () => exporter);
    expect(themes).toEqual(["dark", "light", "light"]);
    delete document.documentElement.dataset.theme;
  });

  it("opens ?template=ID without an undo step, and says so for an unknown id", async () => {
    const store = createEditorStore();
    expect(await openTemplateById(store, "ecs-docker", "replace", { undoable: false })).toBe(true);
    expect(store.getState().doc.nodes.length).toBeGreaterThan(5);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().overlay).toBe(true);

    const empty = createEditorStore();
    expect(await openTemplateById(empty, "nope")).toBe(false);
    expect(empty.getState().notice).toEqual({
      kind: "error",
      text: {
        en: translate("en", "unknownTemplate", { id: "nope" }),
        ko: translate("ko", "unknownTemplate", { id: "nope" }),
      },
    });
    expect(empty.getState().doc.nodes).toHaveLength(0);
  });
});

describe("Save, JSON export and the share link write the view with the document", () => {
  const withView = () => {
    const store = createEditorStore(doc());
    store.getState().setViewport({ x: -120, y: 40, zoom: 0.75 });
    store.getState().setOverlay(true);
    return store;
  };

  it("Save", async () => {
    saveDocument(withView());
    expect(downloads.map((d) => d.name)).toEqual(["Web-host.stackdraw.json"]);
    expect(JSON.parse(await downloads[0]!.blob.text()).view).toEqual({
      viewport: { x: -120, y: 40, zoom: 0.75 },
      overlay: "managedBy",
    });
  });

  it("Export ▸ JSON (needs no on-demand code)", async () => {
    const load = vi.fn(offline);
    await exportAs(withView(), "json", load);
    expect(load).not.toHaveBeenCalled();
    expect(downloads.map((d) => d.name)).toEqual(["Web-host.stackdraw.json"]);
    expect(JSON.parse(await downloads[0]!.blob.text()).view).toEqual({
      viewport: { x: -120, y: 40, zoom: 0.75 },
      overlay: "managedBy",
    });
  });

  it("no view is written when there is none", async () => {
    saveDocument(createEditorStore(doc()));
    expect(JSON.parse(await downloads[0]!.blob.text()).view).toBeUndefined();
  });

  it("the share link", async () => {
    // jsdom's Blob has no stream(): the codec runs on Node's, as it does on the browser's.
    vi.stubGlobal("Blob", NodeBlob);
    const replaced: string[] = [];
    vi.spyOn(history, "replaceState").mockImplementation((_d, _t, url) => void replaced.push(String(url)));
    const link = await copyShareLink(withView());
    expect(link).not.toBeNull();
    expect(replaced).toEqual([link]);
    const decoded = await decodeShareFragment(new URL(link!).hash, 10_000_000);
    expect(decoded.ok).toBe(true);
    const read = readDocument((decoded as { bytes: Uint8Array }).bytes);
    expect(read.ok && read.document.view).toEqual({
      viewport: { x: -120, y: 40, zoom: 0.75 },
      overlay: "managedBy",
    });
  });
});
