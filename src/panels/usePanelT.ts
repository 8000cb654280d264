import { useEditor } from "../store/context.tsx";
import { translatePanel, type PanelStringKey } from "../i18n/panel-strings.ts";
import type { StringKey } from "../i18n/strings.ts";

/**
 * The translator of the panels that load on demand: their own words (src/i18n/panel-strings.ts,
 * which come with their code) and every first-paint string, in the current UI language.
 */
export function usePanelT() {
  const lang = useEditor((s) => s.lang);
  return (key: PanelStringKey | StringKey, params?: Record<string, string | number>) =>
    translatePanel(lang, key, params);
}
