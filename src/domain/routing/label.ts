/**
 * What an edge's label says and how big it is (the canvas draws it from these); where it goes on
 * its route is the router's (./label-place.ts).
 */
import type { Size, StackEdge } from "../document.ts";
import { EDGE_KIND_DEFS } from "../kinds/catalog.ts";
import type { Lang } from "../kinds/props.ts";
import { estimateTextWidth } from "../layout/text.ts";

/** Font size of an edge's label (px), as the canvas and src/render/svg.ts draw it. */
export const LABEL_FONT = 11;
/** Widest an edge label's text gets (px); longer text is elided. */
export const LABEL_MAX = 200;
/** Room between the label's text and its box's left and right sides (px, each side). */
export const LABEL_PAD = 4;

/** What an edge says on the drawing: the person's label, else its kind in words ("pulls"). */
export function edgeLabelText(e: StackEdge, lang: Lang): string {
  if (e.label !== undefined && e.label.trim() !== "") return e.label;
  return EDGE_KIND_DEFS[e.kind].verb[lang];
}

/** The box of a label with this text: its text (at most {@link LABEL_MAX} wide) and the padding. */
export function labelBoxSize(text: string): Size {
  return {
    width: Math.min(LABEL_MAX, estimateTextWidth(text, LABEL_FONT, LABEL_MAX)) + 2 * LABEL_PAD,
    height: LABEL_FONT * 1.2 + 4,
  };
}
