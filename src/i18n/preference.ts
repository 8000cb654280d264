/**
 * The UI language and theme a person chose, remembered in this browser. Reading never throws
 * (storage may be blocked); a stored value that is not one we know is ignored.
 */
import type { Lang } from "./strings.ts";
import type { EditorStore, ThemeChoice } from "../store/editor.ts";

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

/** Remembers every later change of language or theme. */
export function rememberPreferences(store: EditorStore): () => void {
  return store.subscribe((s, prev) => {
    try {
      if (s.lang !== prev.lang) localStorage.setItem(LANG_KEY, s.lang);
      if (s.theme !== prev.theme) localStorage.setItem(THEME_KEY, s.theme);
    } catch {
      // Storage blocked: the choice lasts for this visit only.
    }
  });
}
