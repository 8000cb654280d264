// @vitest-environment jsdom
/**
 * Autosave's banner when the editor shows before its autosaver starts (src/main.tsx starts it
 * beside the first paint when storage holds no draft): the banner appears once the autosaver is
 * registered, not only if it was there at the first render.
 */
import { act, render, screen } from "@testing-library/react";
import { beforeAll, expect, it } from "vitest";
import { installFlowDomShims } from "./jsdom-flow.ts";
import { App, storageBanner } from "../../src/App.tsx";
import { createEditorStore } from "../../src/store/editor.ts";
import { Autosaver, registerAutosaver } from "../../src/persist/autosaver.ts";
import { MemoryStore } from "../unit/persist/fakes.ts";

beforeAll(installFlowDomShims);
beforeAll(() => storageBanner.load());

it("shows autosave's warning when the autosaver comes after the editor's first render", async () => {
  const store = createEditorStore();
  store.getState().setLang("en");
  render(<App store={store} />);
  expect(screen.queryByText(/Changes are not being saved/)).toBeNull();
  const saver = new Autosaver({ editor: store, primary: new MemoryStore() });
  saver.status.setState({ failure: { reason: "quota", detail: "full" } });
  act(() => registerAutosaver(store, saver));
  expect(
    await screen.findByText(/Changes are not being saved in this browser: its storage is full/),
  ).toBeVisible();
  saver.dispose();
});
