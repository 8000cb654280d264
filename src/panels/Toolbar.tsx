import { useEditor, useEditorStore, useT } from "../store/context.tsx";
import { arrangeTrees } from "../store/drawing-actions.ts";
import { emptyDocument } from "../domain/document.ts";
import { countProblems } from "../domain/rules/problem-tally.ts";
import type { ThemeChoice } from "../store/editor.ts";
import { MenuButton } from "./MenuButton.tsx";
import { withFileActions } from "../store/file-actions-part.ts";
import { pickFile, pickFiles } from "../browser/dom.ts";

/** Asks for a .stackdraw.json file and opens it (Ctrl+O uses the same path). */
export async function pickAndOpen(store: ReturnType<typeof useEditorStore>): Promise<void> {
  const f = await pickFile(".json,.stackdraw.json,application/json");
  if (f) await withFileActions(store, (m) => m.openFile(store, f));
}

export function Toolbar({ onTemplates, onShortcuts }: { onTemplates: () => void; onShortcuts: () => void }) {
  const t = useT();
  const store = useEditorStore();
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  // Suppressed problems count nowhere (countProblems skips them).
  const errors = useEditor((s) => countProblems(s.problems).errors);
  const warnings = useEditor((s) => countProblems(s.problems).warnings);
  const overlay = useEditor((s) => s.overlay);
  const lang = useEditor((s) => s.lang);
  const theme = useEditor((s) => s.theme);
  const empty = useEditor((s) => s.doc.nodes.length === 0);
  return (
    <header className="sd-toolbar" role="toolbar" aria-label={t("toolbar")}>
      <span className="sd-brand">{t("appName")}</span>
      <button
        type="button"
        title={t("newHint")}
        disabled={empty}
        onClick={() => store.getState().replaceDocument(emptyDocument())}
      >
        {t("newDiagram")}
      </button>
      <button type="button" title={t("openHint")} onClick={() => void pickAndOpen(store)}>
        {t("open")}
      </button>
      <button
        type="button"
        title={t("saveHint")}
        onClick={() => void withFileActions(store, (m) => m.saveDocument(store))}
      >
        {t("save")}
      </button>
      <button type="button" title={t("templatesHint")} aria-haspopup="dialog" onClick={onTemplates}>
        {t("templates")}
      </button>
      <MenuButton
        label={t("exportMenu")}
        items={[
          {
            label: t("exportPng"),
            onSelect: () => void withFileActions(store, (m) => m.exportAs(store, "png")),
          },
          {
            label: t("exportSvg"),
            onSelect: () => void withFileActions(store, (m) => m.exportAs(store, "svg")),
          },
          {
            label: t("exportJson"),
            onSelect: () => void withFileActions(store, (m) => m.exportAs(store, "json")),
          },
        ]}
      />
      <MenuButton
        label={t("importMenu")}
        items={[
          {
            label: t("importCompose"),
            onSelect: () =>
              void pickFiles(".yml,.yaml,application/yaml,text/yaml").then(([f, ...more]) =>
                f ? withFileActions(store, (m) => m.importComposeFile(store, f, undefined, more)) : false,
              ),
          },
          {
            label: t("importK8s"),
            onSelect: () =>
              void pickFiles(".yml,.yaml,.json,application/yaml,text/yaml,application/json").then(
                ([f, ...more]) =>
                  f
                    ? withFileActions(store, (m) => m.importFormatFile(store, f, "k8s", undefined, more))
                    : false,
              ),
          },
          {
            label: t("importEcs"),
            onSelect: () =>
              void pickFile(".json,application/json").then((f) =>
                f ? withFileActions(store, (m) => m.importFormatFile(store, f, "ecs")) : false,
              ),
          },
        ]}
      />
      <button
        type="button"
        title={t("copyLinkHint")}
        disabled={empty}
        onClick={() => void withFileActions(store, (m) => m.copyShareLink(store))}
      >
        {t("copyLink")}
      </button>
      <span className="sd-sep" aria-hidden="true" />
      <button type="button" disabled={!canUndo} onClick={() => store.getState().undo()}>
        {t("undo")}
      </button>
      <button type="button" disabled={!canRedo} onClick={() => store.getState().redo()}>
        {t("redo")}
      </button>
      <span className="sd-sep" aria-hidden="true" />
      <button type="button" title={t("arrangeHint")} disabled={empty} onClick={() => arrangeTrees(store)}>
        {t("arrange")}
      </button>
      <button
        type="button"
        aria-pressed={overlay}
        title={t("overlayHint")}
        onClick={() => store.getState().setOverlay(!overlay)}
      >
        {t("overlay")}
      </button>
      <span className="sd-spacer" />
      <span className="sd-counts" role="status" aria-live="polite">
        <span className={`sd-count-errors${errors ? " sd-nonzero" : ""}`}>
          {errors === 1 ? t("errorsCountOne") : t("errorsCount", { n: errors })}
        </span>
        <span className={`sd-count-warnings${warnings ? " sd-nonzero" : ""}`}>
          {warnings === 1 ? t("warningsCountOne") : t("warningsCount", { n: warnings })}
        </span>
      </span>
      <span className="sd-sep" aria-hidden="true" />
      <div className="sd-segmented" role="group" aria-label={t("language")}>
        <button
          type="button"
          lang="ko"
          aria-pressed={lang === "ko"}
          onClick={() => store.getState().setLang("ko")}
        >
          한국어
        </button>
        <button
          type="button"
          lang="en"
          aria-pressed={lang === "en"}
          onClick={() => store.getState().setLang("en")}
        >
          English
        </button>
      </div>
      <button
        type="button"
        className="sd-icon-text"
        aria-haspopup="dialog"
        aria-label={t("shortcutsButton")}
        title={`${t("cmdShortcuts")} (?)`}
        onClick={onShortcuts}
      >
        ?
      </button>
      <label className="sd-theme">
        <span className="sd-visually-hidden">{t("theme")}</span>
        <select
          aria-label={t("theme")}
          value={theme}
          onChange={(e) => store.getState().setTheme(e.target.value as ThemeChoice)}
        >
          <option value="system">{t("themeSystem")}</option>
          <option value="light">{t("themeLight")}</option>
          <option value="dark">{t("themeDark")}</option>
        </select>
      </label>
    </header>
  );
}
