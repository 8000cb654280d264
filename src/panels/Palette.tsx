import { useId, useMemo, useState, type DragEvent } from "react";
import { PALETTE_GROUPS, PALETTE_GROUP_NAMES, PRESETS, type Preset } from "../domain/kinds/presets.ts";
import { KIND_DEFS } from "../domain/kinds/catalog.ts";
import { useEditor, useEditorStore, useT } from "../store/context.tsx";
import { PRESET_MIME, addPreset } from "../store/actions.ts";

/** Case-, space- and hyphen-insensitive match on the preset's name in both languages and its kind. */
export function matchesPreset(p: Preset, query: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s-]+/g, "");
  const q = norm(query);
  if (!q) return true;
  const def = KIND_DEFS[p.kind];
  return [p.name.en, p.name.ko, def.name.en, def.name.ko, p.kind].some((s) => norm(s).includes(q));
}

/**
 * The preset that Enter in the search adds: a preset named exactly the query (in either language)
 * first, then one whose kind is named exactly so, then one whose name starts with it, then the
 * first match in palette order — "container" finds Container before Docker Engine.
 */
export function bestPreset(presets: readonly Preset[], query: string): Preset | null {
  const norm = (s: string) => s.toLowerCase().replace(/[\s-]+/g, "");
  const q = norm(query);
  if (!q) return null;
  const matching = presets.filter((p) => matchesPreset(p, query));
  const names = (p: Preset) => [p.name.en, p.name.ko].map(norm);
  const kinds = (p: Preset) => [KIND_DEFS[p.kind].name.en, KIND_DEFS[p.kind].name.ko, p.kind].map(norm);
  return (
    matching.find((p) => names(p).includes(q)) ??
    matching.find((p) => kinds(p).includes(q)) ??
    matching.find((p) => names(p).some((n) => n.startsWith(q))) ??
    matching[0] ??
    null
  );
}

export function Palette() {
  const t = useT();
  const lang = useEditor((s) => s.lang);
  const store = useEditorStore();
  const [query, setQuery] = useState("");
  const searchId = useId();
  const groups = useMemo(
    () =>
      PALETTE_GROUPS.map((g) => ({
        group: g,
        presets: PRESETS.filter((p) => p.group === g && matchesPreset(p, query)),
      })).filter((g) => g.presets.length > 0),
    [query],
  );

  const onDragStart = (e: DragEvent<HTMLButtonElement>, p: Preset) => {
    e.dataTransfer.setData(PRESET_MIME, p.id);
    e.dataTransfer.setData("text/plain", p.name[lang]);
    e.dataTransfer.effectAllowed = "copy";
    store.getState().setPaletteDrag(p.id);
  };
  const onDragEnd = () => {
    const s = store.getState();
    s.setPaletteDrag(null);
    s.setDropHint(null);
  };

  return (
    <aside className="sd-palette" aria-label={t("palette")}>
      <h2 className="sd-panel-title">{t("palette")}</h2>
      <label htmlFor={searchId} className="sd-visually-hidden">
        {t("searchPresets")}
      </label>
      <input
        id={searchId}
        type="search"
        className="sd-search"
        placeholder={t("searchPlaceholder")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter adds the best match (where a click on it would), and the search stays for the next.
          if (e.key !== "Enter") return;
          const p = bestPreset(
            groups.flatMap((g) => g.presets),
            query,
          );
          if (!p) return;
          e.preventDefault();
          addPreset(store, p.id);
        }}
      />
      <div className="sd-palette-groups">
        {groups.length === 0 && <p className="sd-muted">{t("noPresetsMatch")}</p>}
        {groups.map(({ group, presets }) => (
          <section key={group} className="sd-palette-group" aria-label={PALETTE_GROUP_NAMES[group][lang]}>
            <h3>{PALETTE_GROUP_NAMES[group][lang]}</h3>
            <ul>
              {presets.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className={`sd-preset sd-layer-${KIND_DEFS[p.kind].layer}`}
                    draggable
                    onDragStart={(e) => onDragStart(e, p)}
                    onDragEnd={onDragEnd}
                    onClick={() => addPreset(store, p.id)}
                    title={KIND_DEFS[p.kind].description[lang]}
                  >
                    {p.name[lang]}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
