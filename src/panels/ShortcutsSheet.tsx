import { useModal } from "./useModal.ts";
import { COMMANDS, GROUP_LABELS, type CommandGroup } from "../commands/table.ts";
import { formatBinding } from "../commands/keys.ts";
import {} from "../store/context.tsx";
import { usePanelT } from "./usePanelT.ts";

const GROUPS: readonly CommandGroup[] = ["edit", "selection", "file", "view", "help"];

/** The keyboard shortcuts sheet, generated from the command table that binds the keys. */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const t = usePanelT();
  const dialog = useModal();
  return (
    <dialog
      ref={dialog}
      className="sd-dialog sd-shortcuts"
      aria-labelledby="sd-shortcuts-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <header className="sd-dialog-head">
        <h2 id="sd-shortcuts-title">{t("cmdShortcuts")}</h2>
        <button type="button" className="sd-icon-button" aria-label={t("close")} onClick={onClose}>
          ×
        </button>
      </header>
      <p className="sd-muted">{t("shortcutsIntro")}</p>
      <div className="sd-shortcut-groups">
        {GROUPS.map((g) => (
          <section key={g} aria-label={t(GROUP_LABELS[g])}>
            <h3>{t(GROUP_LABELS[g])}</h3>
            <table>
              <tbody>
                {COMMANDS.filter((c) => c.group === g).map((c) => (
                  <tr key={c.id} data-command={c.id}>
                    <th scope="row">{t(c.label)}</th>
                    <td>
                      {c.keys.map((b, i) => (
                        <kbd key={i}>{formatBinding(b)}</kbd>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </dialog>
  );
}
