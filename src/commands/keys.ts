/**
 * Key bindings as data: one binding matches a keyboard event and prints itself for the shortcuts
 * sheet, so what the sheet says and what the keys do come from the same value.
 */

export interface KeyBinding {
  /** `KeyboardEvent.key`, compared case-insensitively for letters ("z", "Delete", "ArrowUp", "?"). */
  key: string;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** Exactly Ctrl, on every platform (Ctrl+Y is redo even on a Mac keyboard layout's Windows). */
  ctrl?: boolean;
}

export function isMac(): boolean {
  return (
    typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
  );
}

export function matches(
  b: KeyBinding,
  e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">,
  mac = isMac(),
): boolean {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const want = b.key.length === 1 ? b.key.toLowerCase() : b.key;
  if (key !== want) return false;
  const mod = mac ? e.metaKey : e.ctrlKey;
  if (b.ctrl) {
    if (!e.ctrlKey) return false;
  } else if (!!b.mod !== mod) return false;
  if (!b.ctrl && !b.mod && (e.ctrlKey || e.metaKey)) return false;
  // "?" is Shift+/ on most layouts: a printable key's own shift state is part of the key.
  if (b.key.length !== 1 || /[a-z]/i.test(b.key)) {
    if (!!b.shift !== e.shiftKey) return false;
  }
  return !!b.alt === e.altKey;
}

const KEY_NAMES: Record<string, string> = {
  ArrowUp: "↑",
  ArrowDown: "↓",
  ArrowLeft: "←",
  ArrowRight: "→",
  Escape: "Esc",
  Delete: "Delete",
  Backspace: "Backspace",
  " ": "Space",
};

/** "Ctrl+Shift+Z", or "⌘⇧Z" on a Mac. */
export function formatBinding(b: KeyBinding, mac = isMac()): string {
  const key = KEY_NAMES[b.key] ?? (b.key.length === 1 ? b.key.toUpperCase() : b.key);
  if (mac) return `${b.ctrl ? "⌃" : ""}${b.mod ? "⌘" : ""}${b.alt ? "⌥" : ""}${b.shift ? "⇧" : ""}${key}`;
  return [b.ctrl || b.mod ? "Ctrl" : "", b.alt ? "Alt" : "", b.shift ? "Shift" : "", key]
    .filter(Boolean)
    .join("+");
}

/** True when typing goes to a text field, where the editor's keys must not fire. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !("tagName" in el)) return false;
  return (
    el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable
  );
}
