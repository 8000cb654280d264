/**
 * The words of the document limits (src/domain/limits.ts) in English and Korean: why an edit was
 * refused, and what a field at its limit says. Kept apart from strings.ts because each message is
 * built from the violation's parts; the Korean table is typed by the English one.
 */
import type { Lang, Localized } from "../domain/kinds/props.ts";
import type { LimitViolation } from "../domain/limits.ts";

/** The edit that was refused, named in the message. */
export type LimitedAction =
  | "edit"
  | "paste"
  | "duplicate"
  | "drop"
  | "template"
  | "import"
  | "open"
  | "add"
  | "connect"
  | "fix"
  | "draft";

const en = {
  action: {
    edit: "This change was not made",
    paste: "Nothing was pasted",
    duplicate: "Nothing was duplicated",
    drop: "The drop was undone",
    template: "The template was not added",
    import: "Nothing was imported",
    open: "The diagram was not opened",
    add: "Nothing was added",
    connect: "The connection was not made",
    fix: "The fix was not applied",
    draft: "The draft was not restored",
  },
  nodes: "the diagram would have {value} nodes, and the limit is {max}",
  edges: "the diagram would have {value} connections, and the limit is {max}",
  depth: "a node would be nested {value} levels deep, and the limit is {max}",
  label: "a label would be {value} characters long, and the limit is {max}",
  title: "the title would be {value} characters long, and the limit is {max}",
  text: "the text of “{prop}” would be {value} characters long, and the limit is {max}",
  bytes: "the file would be {value} MB, and the limit is {max} MB",
  end: "Nothing else changed.",
  fieldAtLimit: "At most {max} characters: the text stops here.",
  fieldCut: "The pasted text was cut to {max} characters, the limit.",
};

type Table = typeof en;

const ko: { readonly [K in keyof Table]: Table[K] extends string ? string : Record<LimitedAction, string> } =
  {
    action: {
      edit: "이 변경은 적용하지 않았습니다",
      paste: "아무것도 붙여넣지 않았습니다",
      duplicate: "아무것도 복제하지 않았습니다",
      drop: "놓기를 취소했습니다",
      template: "템플릿을 추가하지 않았습니다",
      import: "아무것도 가져오지 않았습니다",
      open: "다이어그램을 열지 않았습니다",
      add: "아무것도 추가하지 않았습니다",
      connect: "연결을 만들지 않았습니다",
      fix: "수정을 적용하지 않았습니다",
      draft: "초안을 복원하지 않았습니다",
    },
    nodes: "노드가 {value}개가 되는데, 한도는 {max}개입니다",
    edges: "연결이 {value}개가 되는데, 한도는 {max}개입니다",
    depth: "노드가 {value}단계 깊이로 중첩되는데, 한도는 {max}단계입니다",
    label: "이름이 {value}자가 되는데, 한도는 {max}자입니다",
    title: "제목이 {value}자가 되는데, 한도는 {max}자입니다",
    text: "“{prop}” 텍스트가 {value}자가 되는데, 한도는 {max}자입니다",
    bytes: "파일이 {value}MB가 되는데, 한도는 {max}MB입니다",
    end: "다른 것은 바뀌지 않았습니다.",
    fieldAtLimit: "최대 {max}자까지입니다. 여기서 더 입력되지 않습니다.",
    fieldCut: "붙여넣은 텍스트를 한도인 {max}자로 잘랐습니다.",
  };

const TABLES = { en, ko } as const;

export function fill(s: string, params: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function num(lang: Lang, n: number): string {
  return n.toLocaleString(lang === "ko" ? "ko-KR" : "en-US");
}

const MB = 1024 * 1024;

/** Why the limit was crossed, in one clause (no action). */
export function limitReason(v: LimitViolation, lang: Lang): string {
  const t = TABLES[lang];
  if (v.limit === "bytes")
    return fill(t.bytes, {
      value: (Math.ceil((v.value / MB) * 10) / 10).toFixed(1),
      max: num(lang, v.max / MB),
    });
  const params = { value: num(lang, v.value), max: num(lang, v.max) };
  switch (v.limit) {
    case "nodes":
      return fill(t.nodes, params);
    case "edges":
      return fill(t.edges, params);
    case "depth":
      return fill(t.depth, params);
    case "label":
      return fill(v.title ? t.title : t.label, params);
    case "text":
      return fill(t.text, { ...params, prop: v.prop });
  }
}

/** "Nothing was pasted: the diagram would have 20,001 nodes, and the limit is 20,000. Nothing else changed." */
export function limitMessage(v: LimitViolation, action: LimitedAction): Localized {
  const one = (lang: Lang) => {
    const t = TABLES[lang];
    return `${t.action[action]}: ${limitReason(v, lang)}. ${t.end}`;
  };
  return { en: one("en"), ko: one("ko") };
}

/** What a text field at its limit says under itself. */
export function fieldLimitMessage(lang: Lang, max: number, cut: boolean): string {
  const t = TABLES[lang];
  return fill(cut ? t.fieldCut : t.fieldAtLimit, { max: num(lang, max) });
}
