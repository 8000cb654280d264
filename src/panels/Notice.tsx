import { useEditor, useEditorStore, useT } from "../store/context.tsx";

/** A message that stays until dismissed: a bad link, a refused file. */
export function Notice() {
  const t = useT();
  const store = useEditorStore();
  const notice = useEditor((s) => s.notice);
  const lang = useEditor((s) => s.lang);
  if (!notice) return null;
  return (
    <div className={`sd-notice sd-notice-${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
      <span>{notice.text[lang]}</span>
      <button type="button" className="sd-small-button" onClick={() => store.getState().setNotice(null)}>
        {t("dismiss")}
      </button>
    </div>
  );
}
