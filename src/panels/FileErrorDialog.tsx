import { useModal } from "./useModal.ts";
import { useEditor, useEditorStore } from "../store/context.tsx";
import { usePanelT } from "./usePanelT.ts";
import { openRepairedLabel } from "../i18n/repair-strings.ts";

/**
 * Why a file was refused: its first problems with their JSON paths or line:column. The store
 * places and words them with the one formatter of reader and importer errors
 * (io/errors/format.ts, loaded on demand) in both languages, so this dialog, part of the first
 * paint, carries none of the message table and follows a language switch as it is.
 */
export function FileErrorDialog() {
  const t = usePanelT();
  const store = useEditorStore();
  const error = useEditor((s) => s.fileError);
  const lang = useEditor((s) => s.lang);
  const dialog = useModal(error !== null);
  if (!error) return null;
  const close = () => store.getState().setFileError(null);
  return (
    <dialog
      ref={dialog}
      className="sd-dialog sd-file-error"
      role="alertdialog"
      aria-labelledby="sd-file-error-title"
      onClose={close}
      onCancel={close}
    >
      <h2 id="sd-file-error-title">
        {t(error.kind === "open" ? "fileErrorTitle" : "composeErrorTitle", { file: error.file })}
      </h2>
      <p>{t("fileErrorIntro")}</p>
      <ul className="sd-file-problems">
        {error.problems.map((p, i) => (
          <li key={i}>
            <code>{p.where}</code> {p.message[lang]}
          </li>
        ))}
        {error.total > error.problems.length && (
          <li>{t("moreProblems", { n: error.total - error.problems.length })}</li>
        )}
      </ul>
      <div className="sd-ask-buttons">
        {error.repair && (
          <button type="button" onClick={error.repair}>
            {openRepairedLabel(lang)}
          </button>
        )}
        <button type="button" className="sd-primary" autoFocus onClick={close}>
          {t("ok")}
        </button>
      </div>
    </dialog>
  );
}
