/**
 * Gallery thumbnails: the document drawn by the same renderer as the export, without problem
 * badges or the overlay and with a small margin. The SVG keeps its viewBox, so the caller scales
 * it with CSS (`width: 100%; height: auto`) to the card.
 */
import type { StackDocument } from "../domain/document.ts";
import type { Lang } from "../domain/kinds/props.ts";
import type { ThemeName } from "./colors.ts";
import { renderSvg } from "./svg.ts";

/** Options of {@link renderThumbnail}. */
export interface ThumbnailOptions {
  /** Colour theme; default `light`. */
  theme?: ThemeName;
  /** Language of kind names; default `en`. */
  lang?: Lang;
  /** Space around the diagram, in diagram pixels; default 8. */
  margin?: number;
}

/** A document as a standalone SVG string for a gallery card: no problems, no overlay. */
export function renderThumbnail(doc: StackDocument, opts: ThumbnailOptions = {}): string {
  return renderSvg(doc, {
    ...(opts.theme !== undefined ? { theme: opts.theme } : {}),
    ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
    overlay: false,
    problems: false,
    margin: opts.margin ?? 8,
  }).svg;
}
