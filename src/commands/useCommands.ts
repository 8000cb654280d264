import { useEffect } from "react";
import type { EditorStore } from "../store/editor.ts";
import { useViewControls } from "../store/context.tsx";
import { loadReader } from "../browser/on-demand.ts";
import { COMMANDS, type CommandContext } from "./table.ts";
import { isTyping, matches } from "./keys.ts";
import { copySelection, cutSelection, loadOnDemand, pasteText } from "../store/actions.ts";

/** The canvas node that has keyboard focus (React Flow marks node wrappers with data-id). */
function focusedNode(): string | null {
  const el = document.activeElement?.closest<HTMLElement>(".react-flow__node");
  return el?.dataset.id ?? null;
}

/** True when the clipboard event should be left to the browser (text fields, selected text). */
function browserOwnsClipboard(e: ClipboardEvent): boolean {
  if (isTyping(e.target)) return true;
  const sel = document.getSelection();
  return !!sel && !sel.isCollapsed && sel.toString().length > 0;
}

/**
 * Binds the command table to the keyboard, and Copy/Cut/Paste to the system clipboard (as
 * Stackdraw JSON in text/plain, so pasting works between tabs and windows). The zoom and fit keys
 * use the view controls the canvas provides in the editor's context (src/store/context.tsx).
 */
export function useCommands(store: EditorStore, ui: CommandContext["ui"]): void {
  const view = useViewControls();
  useEffect(() => {
    const context = (): CommandContext => ({ store, view: view.current(), ui, focusedNode: focusedNode() });
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      // A modal dialog owns the keyboard.
      if (document.querySelector("dialog[open]")) return;
      const ctx = context();
      for (const cmd of COMMANDS) {
        if (cmd.via === "clipboard") continue;
        const binding = cmd.keys.find((b) => matches(b, e));
        if (!binding) continue;
        if (cmd.enabled && !cmd.enabled(ctx)) return;
        e.preventDefault();
        cmd.run(ctx, binding);
        return;
      }
    };
    const onCopy = (e: ClipboardEvent) => {
      if (browserOwnsClipboard(e)) return;
      const text = e.type === "cut" ? cutSelection(store) : copySelection(store);
      if (text === null) return;
      e.clipboardData?.setData("text/plain", text);
      e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (browserOwnsClipboard(e) || document.querySelector("dialog[open]")) return;
      const text = e.clipboardData?.getData("text/plain") ?? "";
      e.preventDefault();
      void loadOnDemand(store, loadReader).then(
        (reader) => reader && pasteText(store, text, reader.readDocument),
      );
    };
    window.addEventListener("keydown", onKeyDown);
    document.addEventListener("copy", onCopy);
    document.addEventListener("cut", onCopy);
    document.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("cut", onCopy);
      document.removeEventListener("paste", onPaste);
    };
  }, [store, ui, view]);
}
