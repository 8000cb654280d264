import { RULES, problemMessage } from "../domain/rules/index.ts";
import { useEditor, useEditorStore, useT } from "../store/context.tsx";
import { stillDoc } from "../store/editor.ts";

export function ProblemsPanel() {
  const t = useT();
  const store = useEditorStore();
  const problems = useEditor((s) => s.problems);
  const doc = useEditor(stillDoc);
  const lang = useEditor((s) => s.lang);
  return (
    <section className="sd-problems" aria-label={t("problems")}>
      <h2 className="sd-panel-title">
        {t("problems")} <span className="sd-count">{problems.length}</span>
      </h2>
      {problems.length === 0 ? (
        <p className="sd-muted">{t("noProblems")}</p>
      ) : (
        <ul className="sd-problem-list">
          {problems.map((p, i) => {
            const target = p.nodeIds[0];
            const message = problemMessage(p, lang, doc);
            return (
              <li
                key={`${p.rule}-${p.nodeIds.join(",")}-${p.edgeId ?? ""}-${i}`}
                className={`sd-problem sd-problem-${p.severity}`}
              >
                <button
                  type="button"
                  onClick={() => {
                    if (target) store.getState().revealNode(target);
                    else if (p.edgeId) store.getState().select([], p.edgeId);
                  }}
                >
                  <span className={`sd-sev sd-sev-${p.severity}`}>
                    {t(p.severity === "error" ? "problemSeverityError" : "problemSeverityWarning")}
                  </span>
                  <code className="sd-rule" title={RULES[p.rule].title[lang]}>
                    {p.rule}
                  </code>
                  <span className="sd-message">{message}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
