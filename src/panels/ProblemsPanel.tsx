import { useId, useMemo, useRef, useState, type CSSProperties } from "react";
import { RULES } from "../domain/rules/defs.ts";
import { problemKey } from "../domain/rules/problem.ts";
import type { Problem } from "../domain/rules/types.ts";
import { problemMessages } from "../browser/on-demand.ts";
import { useEditor, useEditorStore, useLoaded, useT } from "../store/context.tsx";
import { stillDoc } from "../store/editor.ts";
import { applyProblemFix, suppressProblem, unsuppressProblem } from "../store/actions.ts";

// The list's own rule styles every button in it as a full-width row (the reveal button); the
// action buttons under a problem are ordinary small buttons again.
const ACTION: CSSProperties = {
  display: "inline-block",
  width: "auto",
  border: "1px solid var(--panel-border)",
  background: "var(--panel)",
  borderRadius: 6,
  padding: "2px 7px",
  margin: "0 6px 4px 0",
};
const ROW: CSSProperties = { display: "flex", flexWrap: "wrap", alignItems: "center", paddingLeft: 4 };
/** A suppressed problem: still listed, muted, never counted. */
const MUTED: CSSProperties = { opacity: 0.62 };

/**
 * What can be done about one problem: its quick fixes as buttons (each one undo step), and
 * "Suppress…", which asks for the reason first; for a suppressed problem, its reason and
 * "Unsuppress". Used in the Problems panel and in the Inspector's list of a node's problems.
 */
export function ProblemActions({ problem }: { problem: Problem }) {
  const t = useT();
  const store = useEditorStore();
  const lang = useEditor((s) => s.lang);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const suppressButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const errorId = useId();
  const formId = useId();

  if (problem.suppressed !== undefined)
    return (
      <div style={ROW}>
        <span className="sd-small" style={{ marginRight: 8 }}>
          {t("suppressedReason", { reason: problem.suppressed.reason })}
        </span>
        <button type="button" style={ACTION} onClick={() => unsuppressProblem(store, problem)}>
          {t("unsuppress")}
        </button>
      </div>
    );

  const close = () => {
    setAsking(false);
    setReason("");
    setMissing(false);
    suppressButton.current?.focus();
  };
  return (
    <>
      <div style={ROW} role="group" aria-label={t("problemFixes")}>
        {problem.fixes.map((f) => (
          <button
            key={f.id}
            type="button"
            style={ACTION}
            onClick={() => applyProblemFix(store, problem, f.id)}
          >
            {f.title[lang]}
          </button>
        ))}
        <button
          ref={suppressButton}
          type="button"
          style={ACTION}
          title={t("suppressHint")}
          aria-expanded={asking}
          aria-controls={asking ? formId : undefined}
          onClick={() => (asking ? close() : setAsking(true))}
        >
          {t("suppressAction")}
        </button>
      </div>
      {asking && (
        <form
          id={formId}
          noValidate
          style={{ ...ROW, gap: 6 }}
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim() === "") {
              setMissing(true);
              input.current?.focus();
              return;
            }
            suppressProblem(store, problem, reason);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              close();
            }
          }}
        >
          <label htmlFor={fieldId} className="sd-small" style={{ color: "var(--text)" }}>
            {t("suppressReason")}
          </label>
          <input
            ref={input}
            id={fieldId}
            type="text"
            autoFocus
            required
            value={reason}
            placeholder={t("suppressReasonPlaceholder")}
            aria-invalid={missing}
            aria-describedby={missing ? errorId : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              if (missing && e.target.value.trim() !== "") setMissing(false);
            }}
            style={{ flex: "1 1 200px", minWidth: 0 }}
          />
          <button type="submit" style={ACTION}>
            {t("suppressConfirm")}
          </button>
          <button type="button" style={ACTION} onClick={close}>
            {t("cancel")}
          </button>
          {missing && (
            <p id={errorId} role="alert" className="sd-small sd-problem-error" style={{ flexBasis: "100%" }}>
              {t("suppressReasonRequired")}
            </p>
          )}
        </form>
      )}
    </>
  );
}

function ProblemRow({ problem: p }: { problem: Problem }) {
  const t = useT();
  const store = useEditorStore();
  const doc = useEditor(stillDoc);
  const lang = useEditor((s) => s.lang);
  // The messages come on demand: until then, the rule's title says what is wrong.
  const messages = useLoaded(problemMessages);
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
        <code className="sd-rule" title={RULES[p.rule].title[lang]}>
          {p.rule}
        </code>
        <span className="sd-message">
          {messages ? messages.problemMessage(p, lang, doc) : RULES[p.rule].title[lang]}
        </span>
      </button>
      <ProblemActions problem={p} />
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
