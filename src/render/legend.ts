/**
 * The legend of an exported drawing: one entry per edge kind the drawing shows (its line as drawn,
 * and the kind in words), and with the "who manages what" overlay its two colours. Laid out in
 * rows under the diagram, in the drawing's language.
 */
import { EDGE_KINDS, EDGE_KIND_DEFS, type EdgeKind } from "../domain/kinds/catalog.ts";
import type { Lang, Localized } from "../domain/kinds/props.ts";
import type { ThemeColors } from "./colors.ts";
import { markerId, pathData, strokeAttrs } from "./edges.ts";
import { LINE, baseline, boxAttrs, num, paint, text, textWidth, type Box, type TextStyle } from "./text.ts";

/** The overlay's two entries, worded as the editor's legend (src/i18n/strings.ts legendUser/legendProvider). */
export const OVERLAY_WORDS: { readonly user: Localized; readonly provider: Localized } = {
  user: { en: "You manage it", ko: "사용자가 관리" },
  provider: { en: "The provider manages it", ko: "제공자가 관리" },
};

const SIZE = 11;
const ROW = 20;
const PAD = 8;
/** Length of an entry's line sample, and of an overlay swatch's side. */
const SAMPLE = 28;
const SWATCH = 12;
const SAMPLE_GAP = 6;
const ENTRY_GAP = 18;

type Entry = { edge: EdgeKind; words: string } | { overlay: "user" | "provider"; words: string };

/** The legend, laid out: its entries' places and its size (0 × 0 when it has none). */
export interface LegendLayout {
  entries: { entry: Entry; x: number; row: number; width: number }[];
  width: number;
  height: number;
}

/** The entries a drawing's legend has: the edge kinds it shows (in the catalog's order), then the overlay. */
export function legendEntries(kinds: ReadonlySet<EdgeKind>, overlay: boolean, lang: Lang): Entry[] {
  const out: Entry[] = [];
  for (const k of EDGE_KINDS) if (kinds.has(k)) out.push({ edge: k, words: EDGE_KIND_DEFS[k].verb[lang] });
  if (overlay)
    for (const who of ["user", "provider"] as const)
      out.push({ overlay: who, words: OVERLAY_WORDS[who][lang] });
  return out;
}

const style = (theme: ThemeColors): TextStyle => ({ size: SIZE, fill: theme.text, cls: "sd-legend" });

/** Lays the entries out in rows no wider than `wrap` (an entry wider than that gets a row alone). */
export function layoutLegend(entries: readonly Entry[], wrap: number): LegendLayout {
  if (entries.length === 0) return { entries: [], width: 0, height: 0 };
  const placed: LegendLayout["entries"] = [];
  let x = 0;
  let row = 0;
  let widest = 0;
  for (const entry of entries) {
    const lead = "edge" in entry ? SAMPLE : SWATCH;
    const width = lead + SAMPLE_GAP + textWidth(entry.words, { size: SIZE });
    if (x > 0 && x + width > wrap - 2 * PAD) {
      row++;
      x = 0;
    }
    placed.push({ entry, x, row, width });
    x += width + ENTRY_GAP;
    widest = Math.max(widest, x - ENTRY_GAP);
  }
  return { entries: placed, width: widest + 2 * PAD, height: (row + 1) * ROW + PAD };
}

/** The legend drawn with its top-left corner at (x, y). */
export function legendSvg(
  layout: LegendLayout,
  x: number,
  y: number,
  theme: ThemeColors,
  markerPrefix: string,
): string {
  if (layout.entries.length === 0) return "";
  const box: Box = { l: x, t: y, r: x + layout.width, b: y + layout.height };
  const out: string[] = [
    `<g class="sd-legend"${boxAttrs(box)}>`,
    `<rect x="${num(box.l)}" y="${num(box.t)}" width="${num(layout.width)}" height="${num(layout.height)}" rx="6" ${paint("fill", theme.panel)} ${paint("stroke", theme.edge)} stroke-opacity="0.35"/>`,
  ];
  const s = style(theme);
  for (const { entry, x: ex, row } of layout.entries) {
    const left = x + PAD + ex;
    const top = y + PAD / 2 + row * ROW;
    const cy = top + ROW / 2;
    const base = baseline(cy - (SIZE * LINE) / 2, SIZE);
    if ("edge" in entry) {
      out.push(
        `<g class="sd-legend-entry" data-edge-kind="${entry.edge}">`,
        `<path class="sd-legend-line" d="${pathData([
          { x: left, y: cy },
          { x: left + SAMPLE, y: cy },
        ])}" ${strokeAttrs(entry.edge, theme.edge)} marker-end="url(#${markerId(markerPrefix, entry.edge, false)})"/>`,
        text(left + SAMPLE + SAMPLE_GAP, base, entry.words, s),
        `</g>`,
      );
    } else {
      const fill = entry.overlay === "user" ? theme.userBg : theme.providerBg;
      const border = entry.overlay === "user" ? theme.user : theme.provider;
      out.push(
        `<g class="sd-legend-entry" data-overlay="${entry.overlay}">`,
        `<rect x="${num(left)}" y="${num(cy - SWATCH / 2)}" width="${SWATCH}" height="${SWATCH}" rx="3" ${paint("fill", fill)} ${paint("stroke", border)} stroke-width="1.5"/>`,
        text(left + SWATCH + SAMPLE_GAP, base, entry.words, s),
        `</g>`,
      );
    }
  }
  out.push(`</g>`);
  return out.join("");
}
