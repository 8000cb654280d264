// @vitest-environment jsdom
/**
 * The dialogs of the questions Open and the imports ask (src/panels/ImportQuestion.tsx, in
 * src/App.tsx): named, in English and Korean, their buttons answering the store's
 * question; the profile dialog's checkboxes (each with the services it brings, "All profiles")
 * handing the importer what the CLI's --profile would. What needs a real browser (focus, Escape,
 * Enter, the file chooser, a drop) is in tests/e2e/import-prompts.spec.ts.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { installDialogShim, installFlowDomShims } from "./jsdom-flow.ts";
import { App } from "../../src/App.tsx";
import { createEditorStore } from "../../src/store/editor.ts";
import { importComposeFile, openDocumentBytes } from "../../src/store/file-actions.ts";
import { translate } from "../../src/i18n/strings.ts";
import { translatePanel } from "../../src/i18n/panel-strings.ts";
import type { StackDocument } from "../../src/domain/document.ts";
import { COMPOSE_PROFILES } from "../unit/store/compose-profiles.ts";

beforeAll(() => {
  installFlowDomShims();
  installDialogShim();
});

const work = (): StackDocument => ({
  format: "stackdraw",
  version: 2,
  title: "Work",
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

const COMPOSE = COMPOSE_PROFILES;

/** The first load of an importer transforms it on the fly here: give it more than findBy's 1 s. */
const LOADED = { timeout: 15_000 };

function setup(doc: StackDocument = work(), lang: "en" | "ko" = "en") {
  const store = createEditorStore(doc);
  store.getState().setLang(lang);
  render(<App store={store} />);
  return { store, user: userEvent.setup() };
}

const containers = (doc: StackDocument) =>
  doc.nodes
    .filter((n) => n.kind === "container")
    .map((n) => n.label)
    .sort();

describe("the profile dialog", () => {
  it("lists each profile with its services; the one chosen is imported, then where it goes is asked", async () => {
    const { store, user } = setup();
    const importing = importComposeFile(store, new File([COMPOSE], "compose.yml"));
    const dialog = await screen.findByRole(
      "dialog",
      { name: "Import “compose.yml”: which profiles?" },
      LOADED,
    );
    const debug = within(dialog).getByRole("checkbox", { name: "debug" });
    expect(debug).toHaveAccessibleDescription("Services: adminer, mailhog");
    expect(within(dialog).getByRole("checkbox", { name: "mail" })).toHaveAccessibleDescription(
      "Services: mailhog",
    );
    expect(within(dialog).getByRole("checkbox", { name: "docs" })).toHaveAccessibleDescription(
      "Services: docs",
    );
    expect(dialog).toHaveTextContent("Always drawn (no profile): web");
    // None chosen at first, as docker compose up without --profile.
    for (const box of within(dialog).getAllByRole("checkbox")) expect(box).not.toBeChecked();
    const all = within(dialog).getByRole("checkbox", { name: "All profiles" });
    await user.click(debug);
    expect(all).toBePartiallyChecked();
    expect(store.getState().doc.nodes).toHaveLength(1);
    await user.click(within(dialog).getByRole("button", { name: "Import" }));

    const where = await screen.findByRole("dialog", { name: "Import “compose.yml”" });
    expect(where).toHaveAccessibleDescription(
      "Your diagram has work on it. Where should “compose.yml” go? Either way, one Undo takes it back.",
    );
    await user.click(within(where).getByRole("button", { name: "Open beside it" }));
    expect(await act(() => importing)).toBe(true);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(containers(store.getState().doc)).toEqual(["adminer", "mailhog", "web"]);
    expect(store.getState().doc.nodes.some((n) => n.label === "Server")).toBe(true);
    expect(store.getState().past).toHaveLength(1);
  });

  it('"All profiles" ticks every profile and imports them all (["*"]); unticked, none', async () => {
    const { store, user } = setup({ format: "stackdraw", version: 2, nodes: [], edges: [] });
    const importing = importComposeFile(store, new File([COMPOSE], "compose.yml"));
    const dialog = await screen.findByRole("dialog", { name: /which profiles/ }, LOADED);
    const all = within(dialog).getByRole("checkbox", { name: "All profiles" });
    await user.click(all);
    for (const box of within(dialog).getAllByRole("checkbox")) expect(box).toBeChecked();
    await user.click(all);
    for (const box of within(dialog).getAllByRole("checkbox")) expect(box).not.toBeChecked();
    for (const name of ["debug", "mail", "docs"])
      await user.click(within(dialog).getByRole("checkbox", { name }));
    expect(all).toBeChecked();
    await user.click(within(dialog).getByRole("button", { name: "Import" }));
    expect(await act(() => importing)).toBe(true);
    // An empty canvas: nothing more is asked.
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(containers(store.getState().doc)).toEqual(["adminer", "docs", "mailhog", "web"]);
  });

  it("in Korean, and Cancel imports nothing", async () => {
    const { store, user } = setup(work(), "ko");
    const before = store.getState().doc;
    const importing = importComposeFile(store, new File([COMPOSE], "compose.yml"));
    const dialog = await screen.findByRole(
      "dialog",
      { name: "“compose.yml” 가져오기: 어떤 프로필을 그릴까요?" },
      LOADED,
    );
    expect(within(dialog).getByRole("group", { name: "그릴 프로필" })).toBeInTheDocument();
    expect(within(dialog).getByRole("checkbox", { name: "모든 프로필" })).toBeInTheDocument();
    expect(within(dialog).getByRole("checkbox", { name: "debug" })).toHaveAccessibleDescription(
      "서비스: adminer, mailhog",
    );
    expect(within(dialog).getByRole("button", { name: "가져오기" })).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "취소" }));
    expect(await act(() => importing)).toBe(false);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(store.getState().doc).toBe(before);
  });
});

describe("the where dialog", () => {
  const incoming = JSON.stringify({
    format: "stackdraw",
    version: 2,
    nodes: [{ id: "other", kind: "physical-host", label: "Other" }],
    edges: [],
  });

  it("Open: named for the file, in the template gallery's words; Replace replaces as one undo step", async () => {
    const { store, user } = setup();
    const opening = openDocumentBytes(store, incoming, "other.stackdraw.json");
    const where = await screen.findByRole("dialog", { name: "Open “other.stackdraw.json”" }, LOADED);
    const buttons = within(where).getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual([
      translatePanel("en", "templateReplace"),
      translatePanel("en", "templateBeside"),
      translate("en", "cancel"),
    ]);
    await user.click(buttons[0]!);
    expect(await act(() => opening)).toBe(true);
    expect(store.getState().doc.nodes.map((n) => n.label)).toEqual(["Other"]);
    act(() => store.getState().undo());
    expect(store.getState().doc.nodes.map((n) => n.label)).toEqual(["Server"]);
  });

  it("in Korean; the dialog's cancel (Escape) answers Cancel and changes nothing", async () => {
    const { store } = setup(work(), "ko");
    const before = store.getState().doc;
    const opening = openDocumentBytes(store, incoming, "other.stackdraw.json");
    const where = await screen.findByRole("dialog", { name: "“other.stackdraw.json” 열기" }, LOADED);
    expect(
      within(where)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["이 다이어그램 바꾸기", "옆에 열기", "취소"]);
    expect(where).toHaveAccessibleDescription(
      "지금 다이어그램에 작업한 내용이 있습니다. “other.stackdraw.json”을(를) 어디에 열까요? 어느 쪽이든 실행 취소 한 번으로 되돌릴 수 있습니다.",
    );
    // What the browser sends a modal dialog on Escape.
    fireEvent(where, new Event("cancel"));
    expect(await act(() => opening)).toBe(false);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(store.getState().doc).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });
});
