// @vitest-environment jsdom
/**
 * The template gallery, the shortcuts sheet, the right-click menu, the dialogs of a file action and
 * the inspector's forms load on first use (src/App.tsx, src/panels/Inspector.tsx). They open as
 * before once their code is there; when it cannot be loaded the person gets a notice in both
 * languages, no dialog, the same document — and the next try loads again.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { installDialogShim, installFlowDomShims } from "./jsdom-flow.ts";
import { App } from "../../src/App.tsx";
import { createEditorStore } from "../../src/store/editor.ts";
import { translate } from "../../src/i18n/strings.ts";
import { translatePanel } from "../../src/i18n/panel-strings.ts";
import { openDocumentBytes } from "../../src/store/file-actions.ts";
import type { StackDocument } from "../../src/domain/document.ts";

beforeAll(() => {
  installFlowDomShims();
  installDialogShim();
});

const stack = (): StackDocument => ({
  format: "stackdraw",
  version: 1,
  nodes: [
    {
      id: "host",
      kind: "physical-host",
      label: "Server",
      position: { x: 0, y: 0 },
      size: { width: 400, height: 300 },
    },
  ],
  edges: [],
});

/** The first load of a chunk transforms it on the fly here: give it more than findBy's 1 s. */
const LOADED = { timeout: 15_000 };

function setup(doc: StackDocument = stack(), lang: "en" | "ko" = "en") {
  const store = createEditorStore(doc);
  store.getState().setLang(lang);
  render(<App store={store} />);
  return { store, user: userEvent.setup(), toolbar: screen.getByRole("toolbar") };
}

describe("modal panels loaded on demand", () => {
  it("a panel whose code cannot be loaded: a notice, no dialog, nothing changed; the next open loads it", async () => {
    vi.doMock("../../src/panels/ShortcutsSheet.tsx", () => {
      throw new TypeError("Failed to fetch dynamically imported module");
    });
    // React reports the error its boundary caught on the console; that is expected here.
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { store, user, toolbar } = setup();
      const before = store.getState().doc;
      await user.click(within(toolbar).getByRole("button", { name: "Shortcuts" }));
      expect(await screen.findByRole("alert", {}, LOADED)).toHaveTextContent(translate("en", "loadFailed"));
      expect(store.getState().notice?.text.ko).toBe(translate("ko", "loadFailed"));
      expect(screen.queryByRole("dialog")).toBeNull();
      expect(store.getState().doc).toBe(before);
      expect(store.getState().past).toHaveLength(0);

      vi.doUnmock("../../src/panels/ShortcutsSheet.tsx");
      await user.click(within(toolbar).getByRole("button", { name: "Shortcuts" }));
      expect(await screen.findByRole("dialog", { name: "Keyboard shortcuts" }, LOADED)).toBeInTheDocument();
    } finally {
      vi.doUnmock("../../src/panels/ShortcutsSheet.tsx");
      consoleError.mockRestore();
    }
  });

  it("the shortcuts sheet opens and closes", async () => {
    const { user, toolbar } = setup(stack(), "ko");
    await user.click(within(toolbar).getByRole("button", { name: "단축키" }));
    const sheet = await screen.findByRole("dialog", { name: "키보드 단축키" }, LOADED);
    expect(within(sheet).getByRole("region", { name: "편집" })).toBeInTheDocument();
    await user.click(within(sheet).getByRole("button", { name: "닫기" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("the template gallery shows every template and opens one as one undo step", async () => {
    const { store, user, toolbar } = setup({ format: "stackdraw", version: 1, nodes: [], edges: [] });
    await user.click(within(toolbar).getByRole("button", { name: "Templates" }));
    const gallery = await screen.findByRole("dialog", { name: "Templates" }, LOADED);
    const { TEMPLATES } = await import("../../src/templates/index.ts");
    expect(gallery.querySelectorAll("img")).toHaveLength(TEMPLATES.length);
    await user.click(within(gallery).getByRole("button", { name: `Open ${TEMPLATES[0]!.name.en}` }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(store.getState().doc.nodes.length).toBeGreaterThan(0);
    expect(store.getState().past).toHaveLength(1);
  });
});

/** Makes every import of `path` fail as an offline page's does (counted); returns the undo. */
function offline(path: string) {
  tries = 0;
  vi.doMock(path, () => {
    tries++;
    throw new TypeError("Failed to fetch dynamically imported module");
  });
  // React reports the error its boundary caught on the console; that is expected here.
  const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
  return () => {
    vi.doUnmock(path);
    consoleError.mockRestore();
  };
}

let tries = 0;

describe("the inspector's forms, the right-click menu and the file dialogs, loaded on demand", () => {
  it("inspector forms that cannot be loaded: a notice, the diagram's facts stay; the next selection loads them", async () => {
    const online = offline("../../src/panels/InspectorForms.tsx");
    try {
      const { store } = setup();
      const insp = screen.getByRole("complementary", { name: "Inspector" });
      store.getState().select(["host"]);
      expect(await screen.findByRole("alert", {}, LOADED)).toHaveTextContent(translate("en", "loadFailed"));
      expect(within(insp).getByText(translate("en", "nothingSelected"))).toBeInTheDocument();
      expect(store.getState().past).toHaveLength(0);
      // One try per use: the failure is reported, not retried in a loop.
      await new Promise((r) => setTimeout(r, 300));
      expect(tries).toBe(1);
      online();
      // Another selection (here: none, then the node again) tries again.
      await act(async () => store.getState().select([]));
      await act(async () => store.getState().select(["host"]));
      expect(await within(insp).findByLabelText("Label", {}, LOADED)).toHaveValue("Server");
    } finally {
      online();
    }
  });

  it("a right-click menu that cannot be loaded: a notice and no menu; the next right-click opens it", async () => {
    const online = offline("../../src/panels/ContextMenu.tsx");
    try {
      const { store } = setup(stack(), "ko");
      const pane = document.querySelector(".react-flow__pane")!;
      fireEvent.contextMenu(pane, { clientX: 40, clientY: 40 });
      expect(await screen.findByRole("alert", {}, LOADED)).toHaveTextContent(translate("ko", "loadFailed"));
      expect(screen.queryByRole("menu")).toBeNull();
      online();
      store.getState().setNotice(null);
      fireEvent.contextMenu(pane, { clientX: 40, clientY: 40 });
      const menu = await screen.findByRole("menu", { name: translatePanel("ko", "contextMenu") }, LOADED);
      expect(within(menu).getAllByRole("menuitem").length).toBeGreaterThan(0);
    } finally {
      online();
    }
  });

  it("a question whose dialog cannot be loaded: a notice, and the question is answered Cancel", async () => {
    const online = offline("../../src/panels/ImportQuestion.tsx");
    try {
      const { store } = setup();
      const before = store.getState().doc;
      const text = JSON.stringify({ format: "stackdraw", version: 2, nodes: [], edges: [] });
      const opened = openDocumentBytes(store, new TextEncoder().encode(text), "other.stackdraw.json");
      expect(await screen.findByRole("alert", {}, LOADED)).toHaveTextContent(translate("en", "loadFailed"));
      expect(await opened).toBe(false);
      await waitFor(() => expect(store.getState().question).toBeNull());
      expect(store.getState().doc).toBe(before);
      expect(screen.queryByRole("dialog")).toBeNull();
      online();
      void openDocumentBytes(store, new TextEncoder().encode(text), "other.stackdraw.json");
      expect(
        await screen.findByRole("dialog", { name: "Open “other.stackdraw.json”" }, LOADED),
      ).toBeVisible();
    } finally {
      online();
    }
  });
});
