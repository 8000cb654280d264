import { useEditor, useT } from "../store/context.tsx";

/** The "who manages what" legend, shown while the overlay is on. */
export function Legend() {
  const t = useT();
  const on = useEditor((s) => s.overlay);
  if (!on) return null;
  return (
    <div className="sd-legend" role="note" aria-label={t("overlay")}>
      <strong>{t("overlay")}</strong>
      <span>
        <i className="sd-legend-swatch sd-managed-user" aria-hidden="true" /> {t("legendUser")}
      </span>
      <span>
        <i className="sd-legend-swatch sd-managed-provider" aria-hidden="true" /> {t("legendProvider")}
      </span>
    </div>
  );
}
