import { useEffect, useId, useRef, useState } from "react";

export interface MenuItem {
  label: string;
  onSelect: () => void;
}

/** A toolbar button that opens a menu (WAI-ARIA menu button: arrows move, Escape closes). */
export function MenuButton({
  label,
  title,
  items,
}: {
  label: string;
  title?: string;
  items: readonly MenuItem[];
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const entries = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    if (e.key === "Escape") {
      setOpen(false);
      button.current?.focus();
    } else if (e.key === "ArrowDown") entries[(at + 1) % entries.length]?.focus();
    else if (e.key === "ArrowUp") entries[(at - 1 + entries.length) % entries.length]?.focus();
    else if (e.key === "Home") entries[0]?.focus();
    else if (e.key === "End") entries.at(-1)?.focus();
    else return;
    e.preventDefault();
  };

  return (
    <div className="sd-menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        title={title}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {label} ▾
      </button>
      {open && (
        <ul id={id} role="menu" aria-label={label} className="sd-menu-list">
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  setOpen(false);
                  button.current?.focus();
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
