import { useMemo, type CSSProperties } from "react";
import { problemKey } from "../domain/rules/problem-tally.ts";
import type { Problem } from "../domain/rules/types.ts";
import { onDemand, problemMessages } from "../browser/on-demand.ts";
import { useEditor, useEditorStore, useLoaded, useT } from "../store/context.tsx";
import { stillDoc } from "../store/editor.ts";

/** A suppressed problem: still listed, muted, never counted. */
const MUTED: CSSProperties = { opacity: 0.62 };

/** A problem's actions, once their code is there (a moment after the first problem shows). */
export const problemActions = onDemand(() => import("./ProblemActions.tsx"));

function Actions({ problem }: { problem: Problem }) {
  const m = useLoaded(problemActions);
  return m ? <m.ProblemActions problem={problem} /> : null;
}

function ProblemRow({ problem: p }: { problem: Problem }) {
  const t = useT();
  const store = useEditorStore();
  const doc = useEditor(stillDoc);
  const lang = useEditor((s) => s.lang);
  // The messages come on demand: until then, the rule's title says what is wrong (from the rules
  // engine, which found the problem).
  const messages = useLoaded(problemMessages);
  const title = useEditor((s) => s.rules?.RULES[p.rule].title[lang]) ?? p.rule;
  const target = p.nodeIds[0];
  return (
    <li
      className={`sd-problem sd-problem-${p.severity}${p.suppressed ? " sd-problem-suppressed" : ""}`}
      style={p.suppressed ? MUTED : undefined}
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
        <code className="sd-rule" title={title}>
          {p.rule}
        </code>
        <span className="sd-message">{messages ? messages.problemMessage(p, lang, doc) : title}</span>
      </button>
      <Actions problem={p} />
    </li>
  );
}

export function ProblemsPanel() {
  const t = useT();
  const problems = useEditor((s) => s.problems);
  // Suppressed problems are listed after the others, muted, and count nowhere.
  const [active, suppressed] = useMemo(() => {
    const on: Problem[] = [];
    const off: Problem[] = [];
    for (const p of problems) (p.suppressed ? off : on).push(p);
    return [on, off];
  }, [problems]);
  return (
    <section className="sd-problems" aria-label={t("problems")}>
      <h2 className="sd-panel-title">
        {t("problems")} <span className="sd-count">{active.length}</span>
      </h2>
      {active.length === 0 ? (
        <p className="sd-muted">{t("noProblems")}</p>
      ) : (
        <ul className="sd-problem-list">
          {active.map((p) => (
            <ProblemRow key={problemKey(p)} problem={p} />
          ))}
        </ul>
      )}
      {suppressed.length > 0 && (
        <>
          <h3 className="sd-muted sd-small">{t("suppressedCount", { n: suppressed.length })}</h3>
          <ul className="sd-problem-list" aria-label={t("suppressedCount", { n: suppressed.length })}>
            {suppressed.map((p) => (
              <ProblemRow key={problemKey(p)} problem={p} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
