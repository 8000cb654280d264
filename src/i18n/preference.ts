/**
 * The UI language and theme a person chose, remembered in this browser. Reading never throws
 * (storage may be blocked); a stored value that is not one we know is ignored.
 */
import type { Lang } from "./strings.ts";

/** The theme a person can choose; "system" follows the operating system's light or dark mode. */
export type ThemeChoice = "light" | "dark" | "system";

const LANG_KEY = "stackdraw.lang";
const THEME_KEY = "stackdraw.theme";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** `?lang=ko|en` first, then the remembered choice, then the browser's language. */
export function initialLang(search: string, browserLang: string): Lang {
  const q = new URLSearchParams(search).get("lang");
  if (q === "ko" || q === "en") return q;
  const saved = read(LANG_KEY);
  if (saved === "ko" || saved === "en") return saved;
  return browserLang.toLowerCase().startsWith("ko") ? "ko" : "en";
}

export function initialTheme(): ThemeChoice {
  const saved = read(THEME_KEY);
  return saved === "light" || saved === "dark" || saved === "system" ? saved : "system";
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage blocked: the choice lasts for this visit only.
  }
}

/**
 * Remembers a choice for the next visit. The app shell calls it when the store's language or
 * theme changes (src/main.tsx): this module does not know the store.
 */
export function rememberPreference(choice: { lang: Lang } | { theme: ThemeChoice }): void {
  if ("lang" in choice) write(LANG_KEY, choice.lang);
  else write(THEME_KEY, choice.theme);
}

/** Which panels are shown (docs/drawing.md §1.8): each can be hidden to give the canvas the screen. */
export interface PanelsShown {
  palette: boolean;
  inspector: boolean;
  problems: boolean;
}

const PANELS_KEY = "stackdraw.panels";
const WHEEL_KEY = "stackdraw.wheelZooms";

/** The panels as last left; every panel shown the first time (or when the stored value is not ours). */
export function initialPanels(): PanelsShown {
  const shown: PanelsShown = { palette: true, inspector: true, problems: true };
  const saved = read(PANELS_KEY);
  if (saved === null) return shown;
  try {
    const v: unknown = JSON.parse(saved);
    if (typeof v === "object" && v !== null)
      for (const k of ["palette", "inspector", "problems"] as const) {
        const b = (v as Record<string, unknown>)[k];
        if (typeof b === "boolean") shown[k] = b;
      }
  } catch {
    // Not ours: every panel shown.
  }
  return shown;
}

export function rememberPanels(shown: PanelsShown): void {
  write(PANELS_KEY, JSON.stringify(shown));
}

/** Whether the mouse wheel zooms (as in older editors) instead of panning; false unless chosen. */
export function initialWheelZooms(): boolean {
  return read(WHEEL_KEY) === "true";
}

export function rememberWheelZooms(on: boolean): void {
  write(WHEEL_KEY, on ? "true" : "false");
}
