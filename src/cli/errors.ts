/**
 * How the CLI prints reader and importer errors: with the one formatter of io/errors/format.ts,
 * and the CLI's own words around them (headings, counts) in both languages side by side.
 */
import type { Lang } from "../domain/kinds/props.ts";
import { ioLine } from "../io/errors/format.ts";
import type { IoError } from "../io/errors/types.ts";

/** How many document errors are printed per invalid file. */
export const MAX_DOC_ERRORS = 10;

/** The CLI's own words around the errors, both languages side by side (the errors' are in io/errors/messages.ts). */
export const TEXT = {
  invalid: { en: "not a valid Stackdraw document", ko: "올바른 Stackdraw 문서가 아닙니다" },
  notImported: {
    en: "could not be imported as a Docker Compose file",
    ko: "Docker Compose 파일로 가져올 수 없습니다",
  },
  warning: { en: "warning", ko: "경고" },
  more: { en: (n: number) => `…and ${n} more`, ko: (n: number) => `…그 밖에 ${n}개` },
  summary: {
    en: (e: number, w: number) => `${e} errors, ${w} warnings`,
    ko: (e: number, w: number) => `오류 ${e}개, 경고 ${w}개`,
  },
  /** Before a suppressed problem's reason (text output, JUnit). */
  reason: { en: "reason", ko: "사유" },
  /** The passing JUnit test case of a file with no counted problem. */
  cleanCase: { en: "no problems", ko: "문제 없음" },
  /** A rule's full description in SARIF: its title and the section (of the notes, or of our docs) it comes from. */
  ruleDescription: {
    en: (title: string, section: string) => `${title}. Source: ${section}.`,
    ko: (title: string, section: string) => `${title}. 출처: ${section}.`,
  },
  invalidRule: { en: "Not a valid Stackdraw document", ko: "올바른 Stackdraw 문서가 아닙니다" },
  invalidRuleFull: {
    en: "The file could not be read as a Stackdraw document (docs/document-format.md), so its stack rules were not checked.",
    ko: "파일을 Stackdraw 문서(docs/document-format.md)로 읽을 수 없어 스택 규칙을 검사하지 못했습니다.",
  },
  unknownTemplate: {
    en: (id: string, known: string) => `no built-in template has the id "${id}"; known: ${known}`,
    ko: (id: string, known: string) => `id가 "${id}"인 기본 템플릿이 없습니다. 있는 템플릿: ${known}`,
  },
} satisfies Record<string, Record<Lang, unknown>>;

/** The error of a file the system would not read: its error code (ENOENT, EISDIR…). */
export function cannotRead(e: unknown): IoError<"cannotRead"> {
  const detail = e instanceof Error && "code" in e ? String((e as NodeJS.ErrnoException).code) : String(e);
  return { path: "$", code: "cannotRead", params: { cause: "system", detail } };
}

/** A refused document: a heading, then its first errors, one per line (`  nodes[3].kind: …`). */
export function formatDocumentErrors(file: string, errs: readonly IoError[], lang: Lang): string {
  const shown = errs.slice(0, MAX_DOC_ERRORS);
  const lines = shown.map((e) => `  ${ioLine(e, lang)}`);
  if (errs.length > shown.length) lines.push(`  ${TEXT.more[lang](errs.length - shown.length)}`);
  return `${file}: ${TEXT.invalid[lang]}\n${lines.join("\n")}\n`;
}
