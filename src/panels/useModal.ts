import { useEffect, useRef } from "react";

/** A <dialog> shown as a modal while `open` holds (Escape and the backdrop behave natively). */
export function useModal(open = true) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (open && d && !d.open) d.showModal();
  }, [open]);
  return ref;
}
