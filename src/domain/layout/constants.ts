/**
 * The geometry every drawing of a Stackdraw document shares: the stack layout, the SVG renderer
 * and the editor's node views all read these numbers, so a node laid out here is drawn the same
 * everywhere.
 */
import { KIND_DEFS, type Kind } from "../kinds/catalog.ts";

/** Geometry constants, in pixels at zoom 1. */
export const LAYOUT = {
  /** Space between a parent's left, right and (for frames) bottom edge and its children. */
  padding: 12,
  /** Space between two siblings side by side (and between rows of them). */
  gap: 12,
  /**
   * Space between siblings when edges run between them (or their descendants): room for the
   * router to lead several edges, 6 px apart, and their labels between the boxes.
   */
  linkGap: 32,
  /**
   * Height of a stack node's own strip at the bottom of its box (its label and one line of key
   * props): the layer the node is, with what runs on it drawn above.
   */
  bandHeight: 48,
  /**
   * Height of a frame's title bar (grouping kinds, and artifacts that hold children): frames
   * contain rather than support, so their title goes at the top.
   */
  headerHeight: 32,
  /** Space between a node's band or title bar and its children, so their borders do not merge. */
  stripGap: 6,
  /** Smallest size of a node without children: a label and up to two lines of key props. */
  leaf: { width: 160, height: 64 },
  /** A leaf (or a parent's band) grows to fit its label up to this width; the rest is elided. */
  maxLabelBoxWidth: 260,
  /** Horizontal room left on each side of a label inside its box. */
  textInset: 10,
  /** Font sizes the renderers use, which the width estimates assume. */
  fontSize: { label: 13, prop: 11 },
  /** Space between two root trees laid side by side (and between rows of them). */
  rootGap: 48,
  /**
   * The shapes the layout aims for (width / height). Children wrap into the number of rows that
   * brings their box closest to `target`; a box of more than `smallRow` children is never wider
   * than `maxBox` times its height when some number of rows allows it; a whole diagram laid out
   * from scratch fits a slide, between `slide.min` and `slide.max`.
   */
  aspect: {
    target: 1.6,
    maxBox: 2,
    smallRow: 3,
    slide: { min: 0.5, max: 2.2 },
    /**
     * Up to `smallRow` children stay side by side in one row (the classic figure: three
     * containers on their engine) while that row is at most this many times wider than tall.
     * The layout tries these limits in turn and keeps the first whose whole figure fits a slide.
     */
    rowLimits: [Infinity, 4, 3, 2.2, 1.6],
  },
  /** Space between artifact roots (registries, images) on their shelf. */
  shelfGap: 24,
  /**
   * When the row of root trees is at least this many times wider than tall, artifact roots go on
   * a shelf beneath it; otherwise in a column to its right. Keeps the whole figure near a
   * screen's landscape shape.
   */
  landscape: 1.6,
  /** A shelf of artifacts wraps at the width (or height) of the trees' row, but not below this. */
  shelfMinWrap: { width: 960, height: 320 },
} as const;

/** Room a parent keeps on each side around its children, in pixels. */
export interface Insets {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/**
 * Where a node with children draws its own label: `band` = a strip at the bottom (stack kinds:
 * the layer the children run on), `header` = a title bar at the top (grouping and artifact
 * kinds: a frame around its children).
 */
export type StripPlacement = "band" | "header";

export function stripPlacement(kind: Kind): StripPlacement {
  return KIND_DEFS[kind].family === "stack" ? "band" : "header";
}

const BAND_INSETS: Insets = Object.freeze({
  top: LAYOUT.padding,
  right: LAYOUT.padding,
  bottom: LAYOUT.bandHeight + LAYOUT.stripGap,
  left: LAYOUT.padding,
});
const HEADER_INSETS: Insets = Object.freeze({
  top: LAYOUT.headerHeight + LAYOUT.stripGap,
  right: LAYOUT.padding,
  bottom: LAYOUT.padding,
  left: LAYOUT.padding,
});

/**
 * The content area of a parent of this kind: every child must lie at least this far inside its
 * parent's edges. The bottom inset of a stack kind includes its band, so children never cover it.
 */
export function contentInsets(kind: Kind): Insets {
  return stripPlacement(kind) === "band" ? BAND_INSETS : HEADER_INSETS;
}
