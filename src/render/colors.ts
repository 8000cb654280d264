/**
 * The colour tables of Stackdraw, as data: one table per theme, read by the SVG renderer and
 * (through {@link layerCssVariables} / {@link themeCssVariables}) by the editor's stylesheet, so
 * that the canvas and every export draw a layer in the same colours.
 *
 * The values are those of `src/styles.css` (`:root` and `:root[data-theme="dark"]`).
 */
import type { Layer } from "../domain/kinds/catalog.ts";

/** The UI colour theme. */
export type ThemeName = "light" | "dark";

/** How a layer is painted: its box, its border (and kind name), its band or title bar. */
export interface LayerColors {
  /** Fill of the node's box; may be `transparent` or an `rgba(…)` colour. */
  readonly fill: string;
  /** Border of the box and colour of the kind name. */
  readonly border: string;
  /** Fill of the band (stack kinds) or title bar (frames). */
  readonly band: string;
}

/** Every colour the renderer uses in one theme. */
export interface ThemeColors {
  /** Canvas background (`--bg`). */
  readonly background: string;
  /** Panel colour (`--panel`): the background behind edge labels. */
  readonly panel: string;
  /** Main text (`--text`). */
  readonly text: string;
  /** Secondary text: key props (`--muted`). */
  readonly muted: string;
  /** Error badge and outline (`--error`), and its halo (`--error-bg`). */
  readonly error: string;
  readonly errorBg: string;
  /** Warning badge and outline (`--warning`), and its halo (`--warning-bg`). */
  readonly warning: string;
  readonly warningBg: string;
  /** "Managed by you" overlay: border (`--user`) and fill (`--user-bg`). */
  readonly user: string;
  readonly userBg: string;
  /** "Managed by the provider" overlay: border (`--provider`) and fill (`--provider-bg`). */
  readonly provider: string;
  readonly providerBg: string;
  /**
   * Edge stroke and arrowhead. Not in styles.css (the canvas uses React Flow's default, which is
   * too faint in a picture); exposed as `--xy-edge-stroke` by {@link themeCssVariables}.
   */
  readonly edge: string;
  /** Per layer: fill, border, band. */
  readonly layers: { readonly [L in Layer]: LayerColors };
}

const L = (fill: string, border: string, band: string): LayerColors => ({ fill, border, band });

/** The colour tables of both themes, copied from `src/styles.css`. */
export const THEMES: { readonly [T in ThemeName]: ThemeColors } = {
  light: {
    background: "#f6f7f9",
    panel: "#ffffff",
    text: "#1d2330",
    muted: "#5d6778",
    error: "#d42a2a",
    errorBg: "#fdecec",
    warning: "#b86e00",
    warningBg: "#fff4e0",
    user: "#2f6fed",
    userBg: "#e5eeff",
    provider: "#c2410c",
    providerBg: "#ffead9",
    edge: "#7d8694",
    layers: {
      hardware: L("#eef1f5", "#6b7686", "#d9dee6"),
      hypervisor: L("#f3edff", "#7c4dcc", "#e2d6fb"),
      vm: L("#eaf4ff", "#3d7fcc", "#d2e6fb"),
      kernel: L("#e9f7ef", "#2f8f57", "#cdebd9"),
      engine: L("#e6f7fb", "#1787a6", "#c8eaf3"),
      container: L("#fff8e6", "#c58a00", "#fbe9b8"),
      app: L("#fff0f3", "#c2406a", "#fbd5df"),
      serverless: L("#fff1e8", "#d2691e", "#fbd9c3"),
      frame: L("transparent", "#98a1b0", "#eef0f3"),
      cloud: L("rgba(255, 153, 0, 0.05)", "#e58a00", "#ffe8c7"),
      orchestration: L("rgba(80, 110, 160, 0.05)", "#5a6f95", "#dfe5ef"),
      artifact: L("#f4f4f4", "#777", "#e4e4e4"),
    },
  },
  dark: {
    background: "#14171c",
    panel: "#1c2027",
    text: "#e6e9ef",
    muted: "#9aa3b2",
    error: "#ff6b6b",
    errorBg: "#3a1d1f",
    warning: "#f0b047",
    warningBg: "#3a2d14",
    user: "#6d9eff",
    userBg: "#1b2a47",
    provider: "#ff9a5c",
    providerBg: "#3d2414",
    edge: "#8b94a3",
    layers: {
      hardware: L("#232830", "#8b96a8", "#2d343f"),
      hypervisor: L("#261f36", "#a784ea", "#33294a"),
      vm: L("#1a2636", "#6aa5ea", "#22344b"),
      kernel: L("#17291f", "#5cc48a", "#1f3a2b"),
      engine: L("#142a31", "#4bbcd9", "#1a3a44"),
      container: L("#2e2612", "#e3b341", "#3d3217"),
      app: L("#331b23", "#ec7fa2", "#47232f"),
      serverless: L("#33210f", "#f39a55", "#472d15"),
      frame: L("transparent", "#6b7484", "#262b33"),
      cloud: L("rgba(255, 153, 0, 0.06)", "#f0a02c", "#3a2c15"),
      orchestration: L("rgba(120, 150, 200, 0.06)", "#8398bf", "#252d3b"),
      artifact: L("#262626", "#999", "#303030"),
    },
  },
};

/**
 * The layer colours of a theme as CSS custom properties, named as the stylesheet reads them:
 * `--hardware` (fill), `--hardware-b` (border), `--hardware-band` (band), and so on per layer.
 */
export function layerCssVariables(theme: ThemeName): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [layer, c] of Object.entries(THEMES[theme].layers) as [Layer, LayerColors][]) {
    out[`--${layer}`] = c.fill;
    out[`--${layer}-b`] = c.border;
    out[`--${layer}-band`] = c.band;
  }
  return out;
}

/**
 * Every colour of a theme as CSS custom properties: the layer colours of
 * {@link layerCssVariables}, the UI colours the renderer shares with the stylesheet (`--bg`,
 * `--panel`, `--text`, `--muted`, `--error`, `--error-bg`, `--warning`, `--warning-bg`, `--user`,
 * `--user-bg`, `--provider`, `--provider-bg`) and the edge colour as React Flow's
 * `--xy-edge-stroke`.
 */
export function themeCssVariables(theme: ThemeName): Record<string, string> {
  const t = THEMES[theme];
  return {
    "--bg": t.background,
    "--panel": t.panel,
    "--text": t.text,
    "--muted": t.muted,
    "--error": t.error,
    "--error-bg": t.errorBg,
    "--warning": t.warning,
    "--warning-bg": t.warningBg,
    "--user": t.user,
    "--user-bg": t.userBg,
    "--provider": t.provider,
    "--provider-bg": t.providerBg,
    "--xy-edge-stroke": t.edge,
    ...layerCssVariables(theme),
  };
}
