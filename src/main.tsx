import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { createEditorStore } from "./store/editor.ts";
import { initialLang, initialTheme, rememberPreference } from "./i18n/preference.ts";
import { openTemplateById } from "./store/actions.ts";
import { openShareFragment } from "./store/file-actions.ts";
import { SHARE_PREFIX } from "./browser/share.ts";
import { loadReader } from "./browser/on-demand.ts";
import { startAutosave } from "./persist/browser.ts";
// Self-hosted UI font with Hangul (OFL): Korean never falls back to tofu on machines without a
// Korean system font, and text measures the same everywhere. Subsets load only when used.
import "pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css";
import "./styles.css";

const store = createEditorStore();
store.getState().setLang(initialLang(location.search, navigator.language));
store.getState().setTheme(initialTheme());
// What a "system" theme resolves to, known before the first render (the shell follows changes).
store
  .getState()
  .setSystemTheme(window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light");
// Every later change of language or theme is remembered for the next visit.
store.subscribe((s, prev) => {
  if (s.lang !== prev.lang) rememberPreference({ lang: s.lang });
  if (s.theme !== prev.theme) rememberPreference({ theme: s.theme });
});
const templateId = new URLSearchParams(location.search).get("template");
// Exposed for the browser tests and the benchmark to read the document, never to write it.
(window as unknown as { __stackdraw?: unknown }).__stackdraw = { getState: () => store.getState() };

// A share link carries the diagram in the fragment (never sent to any server).
const openFromHash = () => {
  if (location.hash.startsWith(SHARE_PREFIX))
    void openShareFragment(store, location.hash, (q) => window.confirm(q));
};
// Autosave (src/persist): the saved draft is restored before the first render, without an undo
// step. When the address brings its own diagram (a template or a share link) the draft is neither
// opened nor overwritten; a banner lets the person choose.
const addressHasDiagram = templateId !== null || location.hash.startsWith(SHARE_PREFIX);
const start = () => {
  const saver = startAutosave(store, { addressHasDiagram });
  openFromHash();
  return saver;
};
// `?template=ID`: the templates load on demand. The template is in place (not an undo step)
// before autosave starts and before the first render; an unknown id or a failed load leaves a
// notice and the canvas empty.
const autosave: Promise<unknown> =
  templateId === null
    ? start()
    : openTemplateById(store, templateId, "replace", { undoable: false })
        .catch(() => false)
        .then(start);
window.addEventListener("hashchange", openFromHash);

void autosave
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <App store={store} />
      </StrictMode>,
    ),
  );

// Warm the document reader at the first interaction, so that the first Open or Paste does not wait
// for it; an editor that is only looked at never loads it.
const warmReader = () => void loadReader().catch(() => undefined);
for (const type of ["pointerdown", "keydown", "dragenter"])
  window.addEventListener(type, warmReader, { once: true, capture: true, passive: true });
