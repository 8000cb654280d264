/** Page parameters shared by both benchmark pages: `?n=1000&w=…&h=…`. */
export function pageParams(search: string = location.search) {
  const q = new URLSearchParams(search);
  const int = (k: string, d: number) => {
    const v = Number.parseInt(q.get(k) ?? "", 10);
    return Number.isFinite(v) && v > 0 ? v : d;
  };
  return { n: int("n", 1000), width: int("w", 0), height: int("h", 0) };
}

/** The editor's fit-view options (src/canvas/Canvas.tsx FIT_VIEW), mirrored for the bare page. */
export const FIT_VIEW = { maxZoom: 1, padding: 0.15 };
