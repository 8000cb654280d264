/**
 * The words around documents that cross a limit (./limit-strings.ts has why an edit was refused):
 * a link or a paste the reader refused, a document opened repaired, and the drafts autosave kept
 * aside. Apart from those because only the file actions, the reader's dialogs and autosave say
 * them, and those load on demand.
 */
import type { Lang, Localized } from "../domain/kinds/props.ts";
import { fill, num } from "./limit-strings.ts";

const en = {
  linkRefused: "The diagram in this link was not opened: {reason}. Nothing was changed.",
  pasteRefused: "Nothing was pasted: {reason}.",
  openRepaired: "Open repaired",
  repaired: "“{file}” was opened repaired: {changes}. Undo goes back.",
  repairedDraft: "The saved draft was opened repaired: {changes}. The original is kept aside.",
  repairLabels: "{n} labels or texts cut to their limit",
  repairLifted: "{n} nodes nested deeper than {max} levels lifted to level {max}",
  asideTitle: "Drafts kept aside ({n})",
  asideItem: "Kept aside {time}",
  asideDownload: "Download",
  asideOpen: "Open",
  asideDiscard: "Discard",
  asideConfirmDiscard: "Delete this kept-aside draft for good? It cannot be brought back.",
  asideGone: "That draft is no longer in this browser.",
};

type Table = typeof en;

const ko: { readonly [K in keyof Table]: string } = {
  linkRefused: "이 링크의 다이어그램을 열지 않았습니다: {reason}. 아무것도 바뀌지 않았습니다.",
  pasteRefused: "아무것도 붙여넣지 않았습니다: {reason}.",
  openRepaired: "고쳐서 열기",
  repaired: "“{file}”을(를) 고쳐서 열었습니다: {changes}. 실행 취소로 되돌릴 수 있습니다.",
  repairedDraft: "저장된 초안을 고쳐서 열었습니다: {changes}. 원본은 따로 보관했습니다.",
  repairLabels: "이름이나 텍스트 {n}개를 한도에 맞춰 잘랐습니다",
  repairLifted: "{max}단계보다 깊은 노드 {n}개를 {max}단계로 올렸습니다",
  asideTitle: "따로 보관한 초안 ({n})",
  asideItem: "{time}에 따로 보관함",
  asideDownload: "다운로드",
  asideOpen: "열기",
  asideDiscard: "삭제",
  asideConfirmDiscard: "따로 보관한 이 초안을 완전히 삭제할까요? 되돌릴 수 없습니다.",
  asideGone: "그 초안은 이제 이 브라우저에 없습니다.",
};

const TABLES = { en, ko } as const;

/**
 * A share link (or a paste) the reader refused, with the reader's own first reason in each
 * language ("the document has 100,000 connections; …"), not a guess that it was cut short.
 */
export function readerRefusal(kind: "link" | "paste", reason: Localized): Localized {
  const key = kind === "link" ? "linkRefused" : "pasteRefused";
  return { en: fill(en[key], { reason: reason.en }), ko: fill(ko[key], { reason: reason.ko }) };
}

/** The label of the button that opens a document refused only for a limit, repaired. */
export function openRepairedLabel(lang: Lang): string {
  return TABLES[lang].openRepaired;
}

/** What a repair changed, for the notice after opening repaired (`file` "": the saved draft). */
export function repairReport(
  file: string,
  report: { labelsCut: number; textsCut: number; lifted: number },
  maxDepth: number,
): Localized {
  const one = (lang: Lang) => {
    const t = TABLES[lang];
    const parts: string[] = [];
    const cut = report.labelsCut + report.textsCut;
    if (cut > 0) parts.push(fill(t.repairLabels, { n: num(lang, cut) }));
    if (report.lifted > 0) parts.push(fill(t.repairLifted, { n: num(lang, report.lifted), max: maxDepth }));
    return fill(file === "" ? t.repairedDraft : t.repaired, {
      file,
      changes: parts.join(lang === "ko" ? ", " : "; "),
    });
  };
  return { en: one("en"), ko: one("ko") };
}

export type DraftKey =
  | "openRepaired"
  | "asideTitle"
  | "asideItem"
  | "asideDownload"
  | "asideOpen"
  | "asideDiscard"
  | "asideConfirmDiscard"
  | "asideGone";

/** The words of kept-aside drafts and of opening repaired. */
export function draftText(lang: Lang, key: DraftKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}
