/**
 * The canvas's side of what a node shows: its accessible name, a UI string (src/i18n). What a
 * node shows from the document alone — label, key props, highlight, outline — lives in
 * src/domain/view-model.ts, shared with the SVG renderer; it is re-exported here for the canvas.
 */
import { KIND_DEFS } from "../domain/kinds/catalog.ts";
import type { StackNode } from "../domain/document.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { displayLabel } from "../domain/view-model.ts";
import { translate } from "../i18n/strings.ts";

export { displayLabel, highlightFor, keyPropLines } from "../domain/view-model.ts";

export function accessibleName(node: StackNode, lang: Lang): string {
  return translate(lang, "nodeName", {
    kind: KIND_DEFS[node.kind].name[lang],
    label: displayLabel(node, lang),
  });
}
