/**
 * The DOM side of files that the editor needs from its first paint: letting the person pick one,
 * knowing when the page goes. Light on purpose: downloading (./download.ts), the export renderer
 * (./export.ts) and the importers load on demand (docs/performance.md, initial JS).
 */

/** The files the person picks (several allowed), or an empty list when they cancel. */
export function pickFiles(accept: string): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = accept;
    input.multiple = true;
    input.addEventListener("change", () => resolve([...(input.files ?? [])]), { once: true });
    input.addEventListener("cancel", () => resolve([]), { once: true });
    input.click();
  });
}

/** Lets the person pick one file; resolves null when they cancel. */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = accept;
    input.addEventListener("change", () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener("cancel", () => resolve(null), { once: true });
    input.click();
  });
}

/**
 * Calls `flush` when the page is hidden or left (`pagehide`, and `visibilitychange` to hidden), in
 * the capture phase so that it runs before the autosaver's own listeners see the page go; returns
 * the function that stops listening. Where typing not yet committed must reach the document.
 */
export function onPageHide(flush: () => void): () => void {
  const onHide = () => {
    if (document.visibilityState === "hidden") flush();
  };
  window.addEventListener("pagehide", flush, { capture: true });
  window.addEventListener("visibilitychange", onHide, { capture: true });
  return () => {
    window.removeEventListener("pagehide", flush, { capture: true });
    window.removeEventListener("visibilitychange", onHide, { capture: true });
  };
}
