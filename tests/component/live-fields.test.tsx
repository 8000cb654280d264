// @vitest-environment jsdom
/**
 * Inspector text fields are part of the draft while being typed (docs/reliability.md, promise 1):
 * they commit while typing (debounced) and at once on pagehide / a hidden page, one undo step per
 * field edit; they stop at their limit and say so, in both languages.
 */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { installFlowDomShims } from "./jsdom-flow.ts";
import { App } from "../../src/App.tsx";
import { createEditorStore } from "../../src/store/editor.ts";
import type { StackDocument } from "../../src/domain/document.ts";
import { LIMITS } from "../../src/domain/limits.ts";

beforeAll(installFlowDomShims);

const doc = (): StackDocument => ({
  format: "stackdraw",
  version: 2,
  nodes: [
    {
      id: "host",
      kind: "physical-host",
      label: "Server",
      position: { x: 0, y: 0 },
      size: { width: 300, height: 200 },
    },
  ],
  edges: [],
});

async function setup(lang: "en" | "ko" = "en") {
  const store = createEditorStore(doc());
  store.getState().setLang(lang);
  render(<App store={store} />);
  store.getState().select(["host"]);
  const insp = await screen.findByRole("complementary", { name: lang === "en" ? "Inspector" : "속성" });
  return { store, insp, user: userEvent.setup() };
}

const host = (store: ReturnType<typeof createEditorStore>) => store.getState().doc.nodes[0]!;

describe("live inspector fields", () => {
  it("commit Label and Notes while typing, without Enter or blur, one undo step per field edit", async () => {
    const { store, insp, user } = await setup();
    const label = await within(insp).findByLabelText("Label");
    await user.click(label);
    await user.type(label, " one");
    await waitFor(() => expect(host(store).label).toBe("Server one"));
    await user.type(label, " two");
    await waitFor(() => expect(host(store).label).toBe("Server one two"));
    expect(label).toHaveFocus();
    expect(store.getState().past).toHaveLength(1);
    const notes = within(insp).getByLabelText("Notes");
    await user.click(notes);
    await user.type(notes, "first line");
    await waitFor(() => expect(host(store).props?.notes).toBe("first line"));
    expect(store.getState().past).toHaveLength(2);
    // Undo takes back the whole notes edit, then the whole label edit.
    act(() => store.getState().undo());
    expect(host(store).props?.notes).toBeUndefined();
    act(() => store.getState().undo());
    expect(host(store).label).toBe("Server");
  });

  it("commit at once when the page is hidden or closed (before autosave writes)", async () => {
    const { store, insp, user } = await setup();
    const notes = await within(insp).findByLabelText("Notes");
    await user.click(notes);
    await user.type(notes, "typed just now");
    // Within the debounce: nothing committed yet; pagehide flushes it synchronously.
    act(() => {
      window.dispatchEvent(new Event("pagehide"));
    });
    expect(host(store).props?.notes).toBe("typed just now");
  });

  it("stop at the label limit and say so; the document never holds more", async () => {
    const { store, insp, user } = await setup();
    const label = await within(insp).findByLabelText("Label");
    await user.clear(label);
    await user.click(label);
    await user.paste("x".repeat(LIMITS.labelLength + 5));
    expect((label as HTMLInputElement).value).toHaveLength(LIMITS.labelLength);
    expect(within(insp).getByRole("status")).toHaveTextContent(
      "The pasted text was cut to 1,000 characters, the limit.",
    );
    await user.type(label, "y");
    expect((label as HTMLInputElement).value).toHaveLength(LIMITS.labelLength);
    expect(within(insp).getByRole("status")).toHaveTextContent("At most 1,000 characters");
    await user.tab();
    expect(host(store).label).toHaveLength(LIMITS.labelLength);
  });

  it("say the limit in Korean too", async () => {
    const { insp, user } = await setup("ko");
    const notes = await within(insp).findByLabelText("메모");
    await user.click(notes);
    await user.paste("n".repeat(LIMITS.notesLength + 2));
    expect(within(insp).getByRole("status")).toHaveTextContent("한도인 10,000자로 잘랐습니다");
  });

  it("Escape takes the whole field edit back", async () => {
    const { store, insp, user } = await setup();
    const label = await within(insp).findByLabelText("Label");
    await user.click(label);
    await user.type(label, "abc");
    await waitFor(() => expect(host(store).label).toBe("Serverabc"));
    await user.keyboard("{Escape}");
    expect(label).toHaveValue("Server");
    expect(host(store).label).toBe("Server");
    expect(store.getState().past).toHaveLength(0);
  });
});
