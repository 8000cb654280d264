/** The file actions on demand (src/store/file-actions-part.ts): run once loaded; a failed load says so. */
import { describe, expect, it } from "vitest";
import { onDemand } from "../../../src/browser/on-demand.ts";
import { createEditorStore } from "../../../src/store/editor.ts";
import { withFileActions, type FileActions } from "../../../src/store/file-actions-part.ts";
import * as real from "../../../src/store/file-actions.ts";
import { serverWithUbuntu } from "./server-doc.ts";

describe("withFileActions", () => {
  it("runs the action with the loaded module", async () => {
    const store = createEditorStore(serverWithUbuntu("s"));
    const part = onDemand<FileActions>(async () => real);
    const seen = await withFileActions(store, (m) => m === real && "ran", part);
    expect(seen).toBe("ran");
    expect(store.getState().notice).toBeNull();
  });

  it("says so when the actions cannot be loaded, changes nothing, and loads again next time", async () => {
    const store = createEditorStore(serverWithUbuntu("s"));
    const doc = store.getState().doc;
    let tries = 0;
    const part = onDemand<FileActions>(async () => {
      tries++;
      if (tries === 1) throw new Error("offline");
      return real;
    });
    let ran = false;
    expect(await withFileActions(store, () => (ran = true), part)).toBe(false);
    expect(ran).toBe(false);
    expect(store.getState().notice?.kind).toBe("error");
    expect(store.getState().doc).toBe(doc);
    expect(await withFileActions(store, () => "again", part)).toBe("again");
    expect(tries).toBe(2);
  });
});
