import { useSyncExternalStore } from "react";
import { useStore } from "zustand";
import { useEditor, useEditorStore, useT } from "../store/context.tsx";
import { download, fileStem } from "../browser/download.ts";
import { withFileActions } from "../store/file-actions-part.ts";
import { draftText } from "../i18n/repair-strings.ts";
import { translate } from "../i18n/strings.ts";
import { autosaverFor, onAutosaverRegistered, type Autosaver, type HeldDraft } from "./autosaver.ts";

/** Offers the saved data exactly as stored (or the document inside our envelope). */
function downloadHeld(held: HeldDraft) {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  if (held.text !== null) {
    const title = held.document?.title;
    download(
      new Blob([held.text], { type: "application/json" }),
      `${title ? fileStem(title) : `stackdraw-saved-${stamp}`}.stackdraw.json`,
    );
  } else
    download(new Blob([held.raw], { type: "application/octet-stream" }), `stackdraw-saved-data-${stamp}.txt`);
}

/**
 * Autosave warnings that stay up while they are true: saved data that is held (unreadable,
 * newer, or another diagram than the address brings), saves failing, another tab autosaving.
 */
export function StorageBanner() {
  const store = useEditorStore();
  // The editor may show before its autosaver is registered (src/main.tsx): render again when it is.
  const saver = useSyncExternalStore(onAutosaverRegistered, () => autosaverFor(store));
  return saver ? <Banners saver={saver} /> : null;
}

function Banners({ saver }: { saver: Autosaver }) {
  const t = useT();
  const store = useEditorStore();
  const lang = useEditor((s) => s.lang);
  const held = useStore(saver.status, (s) => s.held);
  const failure = useStore(saver.status, (s) => s.failure);
  const role = useStore(saver.status, (s) => s.role);
  const writer = role === "writer";
  return (
    <>
      {held && (
        <div
          className={`sd-notice ${held.reason === "other-diagram" ? "sd-notice-info" : "sd-notice-error"}`}
          role={held.reason === "other-diagram" ? "status" : "alert"}
        >
          <span>
            {t(
              held.reason === "corrupt"
                ? "autosaveHeldCorrupt"
                : held.reason === "newer"
                  ? "autosaveHeldNewer"
                  : held.whileWorking
                    ? "autosaveHeldWhileWorking"
                    : "autosaveHeldOther",
            )}
          </span>
          <button type="button" className="sd-small-button" onClick={() => downloadHeld(held)}>
            {t("autosaveDownloadSaved")}
          </button>
          {writer && held.reason === "other-diagram" && (
            <>
              <button type="button" className="sd-small-button" onClick={() => void saver.openHeld()}>
                {t("autosaveOpenSaved")}
              </button>
              <button type="button" className="sd-small-button" onClick={() => void saver.replaceHeld()}>
                {t("autosaveUseThis")}
              </button>
            </>
          )}
          {writer && held.repairable && (
            <button
              type="button"
              className="sd-small-button"
              onClick={() => void saver.openHeldRepaired(() => import("../io/repair.ts"))}
            >
              {draftText(lang, "openRepaired")}
            </button>
          )}
          {writer && held.reason !== "other-diagram" && (
            <>
              <button type="button" className="sd-small-button" onClick={() => void saver.keepAside()}>
                {t("autosaveKeepAside")}
              </button>
              <button
                type="button"
                className="sd-small-button"
                onClick={() => {
                  if (window.confirm(translate(lang, "autosaveConfirmDiscard"))) void saver.discardHeld();
                }}
              >
                {t("autosaveDiscard")}
              </button>
            </>
          )}
        </div>
      )}
      <KeptAside saver={saver} />
      {failure && (
        <div className="sd-notice sd-notice-error" role="alert">
          <span>
            {t("autosaveFailed", {
              reason:
                failure.reason === "quota"
                  ? t("autosaveReasonQuota")
                  : failure.reason === "blocked"
                    ? t("autosaveReasonBlocked")
                    : t("autosaveReasonOther", { detail: failure.detail }),
            })}
          </span>
          <button
            type="button"
            className="sd-small-button"
            onClick={() => void withFileActions(store, (m) => m.saveDocument(store))}
          >
            {t("autosaveSaveFile")}
          </button>
        </div>
      )}
      {!writer && (
        <div className="sd-notice sd-notice-error" role="alert">
          <span>{t("autosaveOtherTab")}</span>
          <button
            type="button"
            className="sd-small-button"
            onClick={() => void withFileActions(store, (m) => m.saveDocument(store))}
          >
            {t("autosaveSaveFile")}
          </button>
          <button
            type="button"
            className="sd-small-button"
            onClick={() => {
              if (window.confirm(translate(lang, "autosaveConfirmTakeOver"))) void saver.takeOver();
            }}
          >
            {t("autosaveTakeOver")}
          </button>
        </div>
      )}
    </>
  );
}

/**
 * The drafts kept aside, listed where the person finds them again (no dead end): each can be
 * downloaded exactly as stored, opened (refused with its reasons, or opened repaired when only a
 * limit stood in the way), or deleted for good.
 */
function KeptAside({ saver }: { saver: Autosaver }) {
  const store = useEditorStore();
  const lang = useEditor((s) => s.lang);
  const aside = useStore(saver.status, (s) => s.aside);
  if (aside.length === 0) return null;
  const when = (at: number) =>
    at > 0 ? new Date(at).toLocaleString(lang === "ko" ? "ko-KR" : "en-US") : "?";
  const name = (at: number) => `stackdraw-kept-aside-${at}.stackdraw.json`;
  const gone = () =>
    store.getState().setNotice({
      kind: "error",
      text: { en: draftText("en", "asideGone"), ko: draftText("ko", "asideGone") },
    });
  return (
    <details className="sd-notice sd-notice-info sd-kept-aside">
      <summary>{draftText(lang, "asideTitle", { n: aside.length })}</summary>
      <ul aria-label={draftText(lang, "asideTitle", { n: aside.length })}>
        {aside.map((a) => {
          const label = draftText(lang, "asideItem", { time: when(a.at) });
          return (
            <li key={a.key} aria-label={label}>
              <span>{label}</span>{" "}
              <button
                type="button"
                className="sd-small-button"
                onClick={async () => {
                  const raw = await saver.asideText(a.key);
                  if (raw === null) return gone();
                  download(new Blob([raw], { type: "application/json" }), name(a.at));
                }}
              >
                {draftText(lang, "asideDownload")}
              </button>
              <button
                type="button"
                className="sd-small-button"
                onClick={async () => {
                  const text = await saver.asideDocumentText(a.key);
                  if (text === null) return gone();
                  await withFileActions(store, (m) => m.openDocumentBytes(store, text, name(a.at)));
                }}
              >
                {draftText(lang, "asideOpen")}
              </button>
              <button
                type="button"
                className="sd-small-button"
                onClick={() => {
                  if (window.confirm(draftText(lang, "asideConfirmDiscard"))) void saver.discardAside(a.key);
                }}
              >
                {draftText(lang, "asideDiscard")}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
