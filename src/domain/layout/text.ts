/**
 * Text measurement without a DOM: the CLI renderer runs in Node, and the layout must give the
 * same sizes there as in the browser, so nothing here asks a real font. The estimates are tuned
 * for a sans-serif UI face and err slightly wide, so labels rarely overflow their box.
 */
import type { Size, StackNode } from "../document.ts";
import { KIND_DEFS } from "../kinds/catalog.ts";
import { LAYOUT } from "./constants.ts";

const LATIN_WEIGHT_FACTOR = 1.15;

/** Advance widths of ASCII characters, in em. */
const ASCII_EM = new Float64Array(128);
{
  ASCII_EM.fill(0.6);
  const set = (chars: string, em: number) => {
    for (const c of chars) ASCII_EM[c.charCodeAt(0)] = em;
  };
  for (let c = 0x61; c <= 0x7a; c++) ASCII_EM[c] = 0.52; // a-z
  for (let c = 0x41; c <= 0x5a; c++) ASCII_EM[c] = 0.66; // A-Z
  for (let c = 0x30; c <= 0x39; c++) ASCII_EM[c] = 0.56; // 0-9
  set(" ", 0.28);
  set("iljtfrI!|.,:;'`", 0.3);
  set('()[]{}"-/\\', 0.36);
  set("mwMW@", 0.86);
  set("%&#", 0.72);
  for (let c = 0; c < 0x20; c++) ASCII_EM[c] = 0;
  ASCII_EM[0x7f] = 0;
  // Calibrated against the UI face at the label's weight (600) in Chromium: Latin labels
  // measured 1.05–1.20× the plain estimates above, so scale them to err wide, as promised.
  for (let c = 0; c < 128; c++) ASCII_EM[c] = ASCII_EM[c]! * LATIN_WEIGHT_FACTOR;
}

/** True for characters drawn at full (square) width: CJK, Hangul, kana, fullwidth forms, emoji. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo (leading consonants)
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) || // CJK radicals … Yi, kana, CJK ideographs
    (cp >= 0xa960 && cp <= 0xa97f) || // Hangul Jamo extended-A
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xff60) || // fullwidth forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) || // emoji and pictographs
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK extension planes
  );
}

function charEm(cp: number): number {
  if (cp < 128) return ASCII_EM[cp]!;
  if (isWide(cp)) return 1;
  // Combining marks, zero-width joiners and variation selectors add nothing on their own.
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f))
    return 0;
  return 0.6;
}

/**
 * Width of `text` in the UI font at `fontSize` px, estimated per character: CJK and Hangul count
 * as a full em, Latin letters about half of one. `capPx` stops counting once exceeded (a
 * 1,000-character label need not be measured past the widest box that could show it).
 */
export function estimateTextWidth(text: string, fontSize: number, capPx = Infinity): number {
  const capEm = capPx / fontSize;
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    // Decode surrogate pairs by hand: iterating with for…of allocates a string per character.
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    em += charEm(cp);
    if (em > capEm) break;
  }
  return em * fontSize;
}

/**
 * Width a node's box needs for its label: the label plus insets, between the leaf width and
 * {@link LAYOUT.maxLabelBoxWidth}. An unlabelled node shows its kind's name in the UI language,
 * so it is sized for the wider of the two names: the layout must not change with the language.
 */
export function labelBoxWidth(node: Pick<StackNode, "kind" | "label">): number {
  const max = LAYOUT.maxLabelBoxWidth;
  const room = max - 2 * LAYOUT.textInset;
  const fs = LAYOUT.fontSize.label;
  const def = KIND_DEFS[node.kind];
  let text: number;
  if (typeof node.label === "string" && node.label.length > 0) {
    text = estimateTextWidth(node.label, fs, room);
    // A frame without children draws its kind's name and its label on one line (a title bar's
    // layout): room for both, so neither is elided.
    if (def.look.leafShape === "frame" && def.name.en !== node.label && def.name.ko !== node.label) {
      const kind = (name: string) =>
        styledTextWidth(name.toUpperCase(), {
          size: NODE_TEXT.kindSize,
          spacing: NODE_TEXT.kindSpacing,
          weight: 700,
        });
      text += Math.max(kind(def.name.en), kind(def.name.ko)) + NODE_TEXT.gap;
    }
  } else {
    const name = def.name;
    text = Math.max(estimateTextWidth(name.en, fs, room), estimateTextWidth(name.ko, fs, room));
  }
  return Math.min(max, Math.max(LAYOUT.leaf.width, Math.ceil(text + 2 * LAYOUT.textInset)));
}

/** The size of a node without children (or of a new node before anything is put in it). */
export function leafSize(node: Pick<StackNode, "kind" | "label">): Size {
  return { width: labelBoxWidth(node), height: LAYOUT.leaf.height };
}

/**
 * The node view's text metrics (styles.css, and src/render/svg.ts which draws the same): the kind
 * name at 10 px bold with 0.5 px letter spacing, the label at 13 px, key props at 11 px in a
 * monospace face, 6 px between the pieces of one line.
 */
export const NODE_TEXT = {
  kindSize: 10,
  kindSpacing: 0.5,
  labelSize: LAYOUT.fontSize.label,
  propSize: LAYOUT.fontSize.prop,
  gap: 6,
} as const;

/** How text is measured: its size, letter spacing, weight and face. */
export interface TextMetrics {
  size: number;
  spacing?: number;
  /** Bold faces run wider than the estimate's regular face. */
  weight?: number;
  /** Monospace: every narrow character is 0.6 em wide. */
  mono?: boolean;
}

/** Estimated width of `text` in a style (stops counting past `cap`). */
export function styledTextWidth(text: string, m: TextMetrics, cap = Infinity): number {
  let w: number;
  if (m.mono) {
    w = 0;
    const narrow = 0.6 * m.size;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f) w += narrow;
      else {
        const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
        const e = estimateTextWidth(pair ? text.slice(i, i + 2) : text[i]!, m.size);
        if (pair) i++;
        w += e > 0 && e < narrow ? narrow : e;
      }
      if (w > cap) break;
    }
  } else w = estimateTextWidth(text, m.size, cap);
  // The estimate is already calibrated for the label's weight (above), so boxes sized by it hold
  // their labels in every renderer.
  return w + (m.spacing ? m.spacing * text.length : 0);
}
