import { useMemo, useState } from "react";
import { TEMPLATES, type TemplateInfo } from "../templates/index.ts";
import { renderThumbnail } from "../render/thumbnail.ts";
import { completeGeometry } from "../domain/geometry.ts";
import { useModal } from "./useModal.ts";
import { useEditor, useEditorStore } from "../store/context.tsx";
import { usePanelT } from "./usePanelT.ts";
import { openTemplate } from "../store/actions.ts";

function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * The Templates dialog: a card per template with a thumbnail drawn from its document. Loaded on
 * first use (src/App.tsx), with the templates and the renderer it draws the thumbnails with.
 */
export function TemplateGallery({ onClose }: { onClose: () => void }) {
  const t = usePanelT();
  const store = useEditorStore();
  const lang = useEditor((s) => s.lang);
  const hasWork = useEditor((s) => s.doc.nodes.length > 0);
  const [asking, setAsking] = useState<TemplateInfo | null>(null);
  const dialog = useModal();
  const thumbs = useMemo(
    () =>
      new Map(
        TEMPLATES.map((tpl) => [
          tpl.id,
          svgDataUrl(renderThumbnail(completeGeometry(tpl.build(lang)), { lang })),
        ]),
      ),
    [lang],
  );

  const choose = (tpl: TemplateInfo, mode: "replace" | "beside") => {
    openTemplate(store, tpl, mode);
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="sd-dialog sd-gallery"
      aria-labelledby="sd-gallery-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <header className="sd-dialog-head">
        <h2 id="sd-gallery-title">{t("templatesTitle")}</h2>
        <button type="button" className="sd-icon-button" aria-label={t("close")} onClick={onClose}>
          ×
        </button>
      </header>
      {asking ? (
        <div className="sd-ask" role="group" aria-label={asking.name[lang]}>
          <p>{t("templateWhere", { name: asking.name[lang] })}</p>
          <div className="sd-ask-buttons">
            <button type="button" className="sd-primary" autoFocus onClick={() => choose(asking, "replace")}>
              {t("templateReplace")}
            </button>
            <button type="button" onClick={() => choose(asking, "beside")}>
              {t("templateBeside")}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="sd-muted">{t("templatesIntro")}</p>
          <ul className="sd-cards">
            {TEMPLATES.map((tpl) => (
              <li key={tpl.id}>
                <button
                  type="button"
                  className="sd-card"
                  aria-label={t("openTemplate", { name: tpl.name[lang] })}
                  onClick={() => (hasWork ? setAsking(tpl) : choose(tpl, "replace"))}
                >
                  <img src={thumbs.get(tpl.id)} alt="" />
                  <strong>{tpl.name[lang]}</strong>
                  <span className="sd-muted">{tpl.description[lang]}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </dialog>
  );
}
