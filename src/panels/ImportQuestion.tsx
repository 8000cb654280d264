import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useModal } from "./useModal.ts";
import { useEditor } from "../store/context.tsx";
import { usePanelT } from "./usePanelT.ts";
import type { EditorQuestion } from "../store/editor.ts";

type Asked<K extends EditorQuestion["kind"]> = Extract<EditorQuestion, { kind: K }>;

/**
 * The question an open or an import waits on (`EditorState.question`, asked by
 * store/file-actions.ts), as a modal dialog: where the document goes, or which Compose profiles to
 * draw. Part of the first paint, as the file error dialog is: small, and a chunk of its own made
 * the bundler split the shared code out of the main chunk. Escape and Cancel answer Cancel — to
 * the question the dialog shows, never to one asked after it (a late `close` event of a dialog
 * already answered must not cancel the next question).
 */
export function ImportQuestion() {
  const question = useEditor((s) => s.question);
  if (!question) return null;
  const cancel = () => question.answer(null);
  // One dialog per question: the next one (profiles, then where) opens afresh, focus in it.
  return question.kind === "where" ? (
    <WhereDialog key={question.id} question={question} onCancel={cancel} />
  ) : (
    <ProfilesDialog key={question.id} question={question} onCancel={cancel} />
  );
}

/**
 * Gives keyboard focus back to where it was when the dialog opened (the Open button, the Import
 * menu) once it is answered: the dialog is removed, not closed, so the browser does not. The
 * opener is read at the first render, before the dialog is shown and takes the focus (an effect
 * run twice, as React's StrictMode does, would read the dialog's own button the second time).
 */
function useFocusReturn() {
  const [opener] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      const now = document.activeElement;
      if (opener instanceof HTMLElement && opener.isConnected && (now === null || now === document.body))
        opener.focus();
    },
    [opener],
  );
}

/** The modal dialog both questions live in: named by its `${id}-title`, described by `${id}-text`; Esc cancels. */
function QuestionShell({
  id,
  onCancel,
  children,
}: {
  id: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const dialog = useModal();
  return (
    <dialog
      ref={dialog}
      className="sd-dialog sd-question"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onClose={onCancel}
      onCancel={onCancel}
    >
      {children}
    </dialog>
  );
}

/** Replace / Open beside / Cancel, in the template gallery's words. */
function WhereDialog({ question, onCancel }: { question: Asked<"where">; onCancel: () => void }) {
  const t = usePanelT();
  useFocusReturn();
  const id = useId();
  return (
    <QuestionShell id={id} onCancel={onCancel}>
      <h2 id={`${id}-title`}>
        {t(question.action === "open" ? "askOpenTitle" : "askImportTitle", { file: question.file })}
      </h2>
      <p id={`${id}-text`}>
        {t("templateWhere", { name: question.file })} {t("askOneStep")}
      </p>
      <div className="sd-ask-buttons">
        <button type="button" className="sd-primary" autoFocus onClick={() => question.answer("replace")}>
          {t("templateReplace")}
        </button>
        <button type="button" onClick={() => question.answer("beside")}>
          {t("templateBeside")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </QuestionShell>
  );
}

/**
 * A checkbox per profile the file declares, with the services it brings; "All profiles" (the
 * CLI's `--profile "*"`); Import and Cancel. None is chosen at first, as `docker compose up`
 * without `--profile`.
 */
function ProfilesDialog({ question, onCancel }: { question: Asked<"profiles">; onCancel: () => void }) {
  const t = usePanelT();
  useFocusReturn();
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const names = question.profiles.map((p) => p.name);
  const all = names.length > 0 && names.every((n) => chosen.has(n));
  const some = !all && names.some((n) => chosen.has(n));
  const allBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = some;
  }, [some]);
  const toggle = (name: string) =>
    setChosen((c) => {
      const next = new Set(c);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    question.answer(all ? ["*"] : names.filter((n) => chosen.has(n)));
  };
  return (
    <QuestionShell id={id} onCancel={onCancel}>
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{t("profilesTitle", { file: question.file })}</h2>
        <p id={`${id}-text`}>{t("profilesIntro")}</p>
        <fieldset>
          <legend>{t("profilesLegend")}</legend>
          <label>
            <input
              ref={allBox}
              type="checkbox"
              checked={all}
              onChange={() => setChosen(all ? new Set() : new Set(names))}
            />{" "}
            {t("profilesAll")}
          </label>
          <ul>
            {question.profiles.map((p, i) => (
              <li key={p.name}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(p.name)}
                    aria-describedby={`${id}-p${i}`}
                    onChange={() => toggle(p.name)}
                  />{" "}
                  {p.name}
                </label>{" "}
                <span id={`${id}-p${i}`} className="sd-muted">
                  {t("profileServices", { services: p.services.join(", ") })}
                </span>
              </li>
            ))}
          </ul>
        </fieldset>
        {question.always.length > 0 && (
          <p className="sd-muted">{t("profilesAlways", { services: question.always.join(", ") })}</p>
        )}
        <div className="sd-ask-buttons">
          <button type="submit" className="sd-primary">
            {t("profilesImport")}
          </button>
          <button type="button" onClick={onCancel}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </QuestionShell>
  );
}
