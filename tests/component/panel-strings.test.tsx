// @vitest-environment jsdom
/**
 * The words of the panels that load on demand (src/i18n/panel-strings.ts) come with their code:
 * in Korean mode none of their English texts shows in those panels — the inspector's forms, the
 * right-click menu, the shortcuts sheet, the template gallery and its question, the file error
 * dialog — and in English mode they read as before. (tests/e2e/language.spec.ts walks the screens
 * in a real browser for the first-paint strings.)
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { installDialogShim, installFlowDomShims } from "./jsdom-flow.ts";
import { App } from "../../src/App.tsx";
import { createEditorStore } from "../../src/store/editor.ts";
import { PANEL_STRINGS } from "../../src/i18n/panel-strings.ts";
import { STRINGS } from "../../src/i18n/strings.ts";
import { openDocumentBytes } from "../../src/store/file-actions.ts";
import type { StackDocument } from "../../src/domain/document.ts";
import { dockerStack } from "./docker-stack.ts";

beforeAll(() => {
  installFlowDomShims();
  installDialogShim();
});

/** The first load of a chunk transforms it on the fly here: give it more than findBy's 1 s. */
const LOADED = { timeout: 15_000 };

const doc = (): StackDocument =>
  dockerStack(
    {
      props: { image: "nginx:1.27", ports: [{ container: 80, host: 8080 }] },
      suppress: { "container/own-kernel": "reviewed" },
    },
    2,
  );

/** Texts of the panel table that differ between the languages (placeholders aside). */
function englishOnly(): Set<string> {
  const out = new Set<string>();
  for (const key of Object.keys(PANEL_STRINGS.en) as (keyof typeof PANEL_STRINGS.en)[]) {
    const en = PANEL_STRINGS.en[key];
    if (en !== PANEL_STRINGS.ko[key] && !/\{\w+\}/.test(en)) out.add(en.trim());
  }
  return out;
}

/**
 * Every UI text a person sees or hears in `root`: text nodes, accessible names, titles,
 * placeholders. Typed text, rule ids and key caps ("Delete") are not UI text.
 */
function textsIn(root: Element): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent?.trim();
    if (text && !n.parentElement?.closest("textarea, input, kbd, code")) out.push(text);
  }
  for (const el of root.querySelectorAll("[aria-label], [title], [placeholder]"))
    for (const a of ["aria-label", "title", "placeholder"]) {
      const v = el.getAttribute(a)?.trim();
      if (v) out.push(v);
    }
  return out;
}

describe("the words of the on-demand panels", () => {
  it("every key in both languages, none of them also a first-paint string", () => {
    for (const key of Object.keys(PANEL_STRINGS.en) as (keyof typeof PANEL_STRINGS.en)[]) {
      expect(PANEL_STRINGS.ko[key], key).toBeTruthy();
      expect(PANEL_STRINGS.en[key].match(/\{\w+\}/g)?.sort(), key).toEqual(
        PANEL_STRINGS.ko[key].match(/\{\w+\}/g)?.sort(),
      );
      expect(Object.hasOwn(STRINGS.en, key), key).toBe(false);
    }
  });

  it("in Korean mode none of their English texts shows in those panels", async () => {
    const english = englishOnly();
    const store = createEditorStore(doc());
    store.getState().setLang("ko");
    render(<App store={store} />);
    const user = userEvent.setup();
    const leaks: string[] = [];
    const check = (where: string, root: Element) => {
      for (const text of textsIn(root)) if (english.has(text)) leaks.push(`${where}: ${text}`);
    };
    const ko = PANEL_STRINGS.ko;

    store.getState().select(["web"]);
    const insp = screen.getByRole("complementary", { name: "속성" });
    await within(insp).findByRole("button", { name: ko.addPort }, LOADED);
    check("node inspector", insp);

    fireEvent.contextMenu(document.querySelector(".react-flow__pane")!, { clientX: 40, clientY: 40 });
    check("right-click menu", await screen.findByRole("menu", { name: ko.contextMenu }, LOADED));
    fireEvent.keyDown(screen.getByRole("menu"), { key: "Escape" });

    await user.click(screen.getByRole("button", { name: STRINGS.ko.shortcutsButton }));
    const sheet = await screen.findByRole("dialog", { name: STRINGS.ko.cmdShortcuts }, LOADED);
    expect(within(sheet).getByRole("region", { name: ko.groupEdit })).toBeInTheDocument();
    check("shortcuts sheet", sheet);
    await user.click(within(sheet).getByRole("button", { name: ko.close }));

    await user.click(screen.getByRole("button", { name: STRINGS.ko.templates, exact: true } as never));
    const gallery = await screen.findByRole("dialog", { name: STRINGS.ko.templatesTitle }, LOADED);
    check("template gallery", gallery);
    await user.click(within(gallery).getByRole("button", { name: ko.close }));

    const text = JSON.stringify({ format: "stackdraw", version: 2, nodes: [], edges: [] });
    const opening = openDocumentBytes(store, text, "other.stackdraw.json");
    const where = await screen.findByRole("dialog", { name: "“other.stackdraw.json” 열기" }, LOADED);
    check("where question", where);
    await user.click(within(where).getByRole("button", { name: STRINGS.ko.cancel }));
    expect(await opening).toBe(false);

    await openDocumentBytes(store, '{"format":"stackdraw","version":7,"nodes":[]}', "bad.stackdraw.json");
    check("file error dialog", await screen.findByRole("alertdialog", {}, LOADED));

    expect(leaks).toEqual([]);
  });
});
