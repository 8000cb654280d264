/**
 * The DOM side of files that the editor needs from its first paint: downloading a blob, naming
 * the file, letting the person pick one. Light on purpose: the export renderer (./export.ts) and
 * the Compose importer load on demand (docs/performance.md, initial JS).
 */
export function download(data: Blob, filename: string): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the diagram's title: letters, digits, Hangul and dashes only. */
export function fileStem(title: string | undefined): string {
  const stem = (title ?? "")
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return stem || "diagram";
}

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
