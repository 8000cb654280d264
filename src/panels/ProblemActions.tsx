/**
 * What can be done about a problem (its quick fixes, Suppress…, Unsuppress): loaded on demand
 * with the first problem shown (./ProblemsPanel.tsx, src/main.tsx warms it at the first press),
 * since an editor without problems never needs it.
 */
import { useId, useRef, useState, type CSSProperties } from "react";
import type { Problem } from "../domain/rules/types.ts";
import { useEditor, useEditorStore, useT } from "../store/context.tsx";
import { applyProblemFix, suppressProblem, unsuppressProblem } from "../store/problem-actions.ts";

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
