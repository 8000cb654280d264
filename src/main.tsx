import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, contextMenu, fileErrorDialog, importQuestion, storageBanner } from "./App.tsx";
import { inspectorForms } from "./panels/Inspector.tsx";
import { problemActions } from "./panels/ProblemsPanel.tsx";
import { createEditorStore } from "./store/editor.ts";
import { initialLang, initialTheme, rememberPreference } from "./i18n/preference.ts";
import { openTemplateById } from "./store/actions.ts";
import { fileActions, withFileActions } from "./store/file-actions-part.ts";
import { SHARE_PREFIX } from "./browser/share-prefix.ts";
import { loadReader, onDemand, problemMessages, warmAtFirstInteraction } from "./browser/on-demand.ts";
import { openBrowserStores } from "./persist/stores.ts";
import { mayHoldDraft } from "./persist/draft-store.ts";
import { editorRules } from "./store/rules.ts";
import { translate } from "./i18n/strings.ts";
// Self-hosted UI font with Hangul (OFL): Korean never falls back to tofu on machines without a
// Korean system font, and text measures the same everywhere. Subsets load only when used.
import "pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css";
import "./styles.css";

// Autosave (src/persist/browser.ts) and its banner load on demand. The draft stores open at once:
// the first render waits for autosave only when they may hold a draft to restore; with none, the
// editor shows at once and autosave starts beside it (src/persist/autosaver.ts `shown`).
const autosaver = onDemand(() =>
  Promise.all([import("./persist/browser.ts"), storageBanner.load()]).then(([m]) => m),
);
const stores = openBrowserStores();

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
// (And whether the rules engine, loaded right after the first paint, is there: the tests wait for
// it before their first press, as a person's first press comes after it.)
(window as unknown as { __stackdraw?: unknown }).__stackdraw = {
  getState: () => store.getState(),
  rulesLoaded: () => editorRules.loaded !== undefined,
};

// A share link carries the diagram in the fragment (never sent to any server).
const openFromHash = (): Promise<boolean> =>
  location.hash.startsWith(SHARE_PREFIX)
    ? withFileActions(store, (m) => m.openShareFragment(store, location.hash, (q) => window.confirm(q)))
    : Promise.resolve(false);
// Once the person has chosen between the address's diagram and the saved one, the address lets go
// of its diagram: a reload then shows what autosave keeps, and does not ask again.
const forgetAddress = () => {
  const url = new URL(location.href);
  url.searchParams.delete("template");
  if (url.hash.startsWith(SHARE_PREFIX)) url.hash = "";
  history.replaceState(history.state, "", url);
};
// The address's diagram (`?template=ID`, loaded on demand, or a share link) is in place, not as
// an undo step for a template, before autosave starts and before the first render; an unknown id,
// a broken link or a failed load leaves a notice. Autosave (src/persist) then restores the saved
// draft without an undo step: quietly when the address brought nothing or the same diagram, and
// held with a question when the address brought another one.
const fromAddress: Promise<boolean> =
  templateId !== null ? openTemplateById(store, templateId, "replace", { undoable: false }) : openFromHash();
const autosave: Promise<unknown> = fromAddress
  .catch(() => false)
  .then(async (opened) => {
    const opts = { addressHasDiagram: opened, forgetAddress, stores: await stores };
    const start = async () => {
      const shown = store.getState().doc;
      let m: typeof import("./persist/browser.ts");
      try {
        m = await autosaver.load();
      } catch {
        // Offline, or this page's chunks are gone: the editor works on, and says it does not save.
        const text = { en: translate("en", "autosaveNotLoaded"), ko: translate("ko", "autosaveNotLoaded") };
        store.getState().setNotice({ kind: "error", text });
        return;
      }
      await m.startAutosave(store, { ...opts, shown });
    };
    if (await mayHoldDraft(opts.stores)) {
      // The draft is read by the reader: fetched beside autosave, not after it.
      void loadReader().catch(() => undefined);
      return start();
    }
    void start().catch(() => undefined);
  });
window.addEventListener("hashchange", () => void openFromHash());

// The UI font's face for Latin text (the one the space is in, which sets every line's height)
// before the first render, waited for at most FONT_WAIT_MS: the first paint is drawn in it, not in
// a fallback face that the font replaces a moment later, moving the panels' text under the pointer.
const FONT_WAIT_MS = 500;
const uiFont = Promise.race([
  document.fonts?.load(`14px "Pretendard Variable"`, " Stackdraw").catch(() => undefined),
  new Promise((ok) => setTimeout(ok, FONT_WAIT_MS)),
]);

void Promise.all([autosave.catch(() => undefined), uiFont])
  .then(() =>
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <App store={store} />
      </StrictMode>,
    ),
  )
  // The rules engine right after the first paint: the first click on a preset, the first drop
  // and the first problems are judged by it (a click before it is there waits for it).
  .then(() => setTimeout(() => void editorRules.load().catch(() => undefined), 0));

// At the first interaction, warm the document reader (so that the first Open or Paste does not
// wait for it), the rules engine and its messages (the first drop is judged by them), and what a
// press opens: the inspector's forms, the right-click menu, the dialogs of a file action. An
// editor that is only looked at never loads them.
warmAtFirstInteraction([
  { load: loadReader },
  editorRules,
  problemMessages,
  problemActions,
  fileActions,
  inspectorForms,
  contextMenu,
  importQuestion,
  fileErrorDialog,
]);
