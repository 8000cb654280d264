/**
 * A node's colours as the SVG and the far-zoom canvas layer paint it, from the tables of
 * ./colors.ts. A module of its own: the editor's first paint reads only the tables (as CSS
 * variables), and these are for the parts that load on demand.
 */
import type { ManagedBy } from "../domain/diagram.ts";
import type { StackNode } from "../domain/document.ts";
import { KIND_DEFS } from "../domain/kinds/catalog.ts";
import type { LayerColors, ThemeColors, ThemeName } from "./colors.ts";

/**
 * The rings the editor draws around a node (styles.css `--accent`, `--highlight`, `--ok`; the
 * error ring is the theme's `error`): the selection, what the selection is related to, and a drop
 * that would be accepted. The SVG draws none of them; the far-zoom canvas layer draws all three.
 */
export const MARKS: { readonly [T in ThemeName]: { accent: string; highlight: string; ok: string } } = {
  light: { accent: "#2f6fed", highlight: "#f5b700", ok: "#16833a" },
  dark: { accent: "#6d9eff", highlight: "#f5b700", ok: "#4cc776" },
};

/** `#rgb`/`#rrggbb` times `factor` (CSS `filter: brightness()` on a flat colour). */
export function brightness(hex: string, factor: number): string {
  const h = hex.length === 4 ? hex.replace(/^#(.)(.)(.)$/, "#$1$1$2$2$3$3") : hex;
  const v = Number.parseInt(h.slice(1), 16);
  const ch = (shift: number) => Math.min(255, Math.round(((v >> shift) & 0xff) * factor));
  return `#${((1 << 24) | (ch(16) << 16) | (ch(8) << 8) | ch(0)).toString(16).slice(1)}`;
}

/** A node's colours: its layer's, or the "who manages what" overlay's when that is on. */
export function nodeColors(theme: ThemeColors, node: StackNode, managedBy: ManagedBy | null): LayerColors {
  if (managedBy === null) return theme.layers[KIND_DEFS[node.kind].layer];
  const fill = managedBy === "user" ? theme.userBg : theme.providerBg;
  return { fill, border: managedBy === "user" ? theme.user : theme.provider, band: brightness(fill, 0.96) };
}
