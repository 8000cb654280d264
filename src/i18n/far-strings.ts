/**
 * The words of the far-zoom canvas layer (src/canvas/FarLayer.tsx): apart from the main table
 * because that layer loads on demand, only for a big diagram zoomed far out.
 */
import type { Lang } from "../domain/kinds/props.ts";
import { fill, num } from "./limit-strings.ts";

const en = {
  farPicture:
    "The diagram zoomed out: {n} nodes drawn as coloured boxes without their names. Zoom in to read them; click a box to select it, drag it to move it.",
};

const ko: { readonly [K in keyof typeof en]: string } = {
  farPicture:
    "축소해서 본 다이어그램: 노드 {n}개를 이름 없이 색 상자로 그렸습니다. 이름을 읽으려면 확대하세요. 상자를 클릭하면 선택하고, 끌면 옮깁니다.",
};

const TABLES = { en, ko } as const;

/** The accessible name of the far picture, for `n` nodes. */
export function farPictureLabel(lang: Lang, n: number): string {
  return fill(TABLES[lang].farPicture, { n: num(lang, n) });
}
