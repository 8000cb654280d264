/**
 * The right-click menu (docs/drawing.md §1.9): the commands of the command table that apply where
 * the click landed — a node, an edge or the empty canvas — with their keys, greyed out when they
 * cannot run now. The same table as the keys and the shortcuts sheet, so they cannot disagree.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useEditorStore, useViewControls } from "../store/context.tsx";
import { usePanelT } from "./usePanelT.ts";
import { COMMANDS, type CommandContext, type MenuPlace } from "../commands/table.ts";
import { formatBinding } from "../commands/keys.ts";

export interface ContextMenuProps {
  place: MenuPlace;
  at: { x: number; y: number };
  ui: CommandContext["ui"];
  onClose: () => void;
}

export function ContextMenu({ place, at, ui, onClose }: ContextMenuProps) {
  const t = usePanelT();
  const store = useEditorStore();
  const view = useViewControls();
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(at);
  const ctx: CommandContext = { store, view: view.current(), ui, focusedNode: null };
  const items = COMMANDS.filter((c) => c.menu?.includes(place));

  // Kept inside the window, and focused on its first item (arrow keys move, Esc closes).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    setPos({
      x: Math.max(4, Math.min(at.x, window.innerWidth - r.width - 4)),
      y: Math.max(4, Math.min(at.y, window.innerHeight - r.height - 4)),
    });
    el.querySelector<HTMLElement>("[role^=menuitem]:not([aria-disabled=true])")?.focus();
  }, [at]);
  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", away, true);
    return () => window.removeEventListener("pointerdown", away, true);
  }, [onClose]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === "Escape" || e.key === "Tab") {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const all = [...(ref.current?.querySelectorAll<HTMLElement>("[role^=menuitem]") ?? [])];
    const i = all.indexOf(document.activeElement as HTMLElement);
    all[(i + (e.key === "ArrowDown" ? 1 : -1) + all.length) % all.length]?.focus();
  };

  return (
    <div
      ref={ref}
      className="sd-context-menu"
      role="menu"
      aria-label={t("contextMenu")}
      style={{ left: pos.x, top: pos.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((c) => {
        const enabled = !c.enabled || c.enabled(ctx);
        const check = c.id === "wheel-zooms";
        return (
          <button
            key={c.id}
            type="button"
            role={check ? "menuitemcheckbox" : "menuitem"}
            aria-checked={check ? ui.wheelZooms : undefined}
            aria-disabled={!enabled}
            tabIndex={-1}
            onClick={() => {
              if (!enabled) return;
              onClose();
              c.run(ctx, c.keys[0] ?? { key: "" });
            }}
          >
            <span>{t(c.label)}</span>
            {c.keys[0] && <kbd>{formatBinding(c.keys[0])}</kbd>}
          </button>
        );
      })}
    </div>
  );
}
