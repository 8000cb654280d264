/**
 * Page parameters shared by both benchmark pages:
 * `?n=1000&edges=200&w=…&h=…&fit=padding,minZoom,maxZoom&vx=…&vy=…&vz=…`.
 * - `edges`: that many edges over the document (bench/perf/doc.ts perfEdges; default none);
 * - `w`, `h`: the bare page's canvas size (the editor's, measured by the runner);
 * - `fit`: the editor's fit options (src/canvas/Canvas.tsx FIT_VIEW, read from the app page by the
 *   runner), for the bare page's fitView;
 * - `vx`, `vy`, `vz`: open at this viewport instead of fitting (React Flow's convention);
 * - `culled=1`: the bare page fits with `onlyRenderVisibleElements` too (the stated limit fitted).
 */
export interface PageViewport {
  x: number;
  y: number;
  zoom: number;
}

export function pageParams(search: string = location.search) {
  const q = new URLSearchParams(search);
  const int = (k: string, d: number, min = 1) => {
    const v = Number.parseInt(q.get(k) ?? "", 10);
    return Number.isFinite(v) && v >= min ? v : d;
  };
  const num = (k: string) => {
    const raw = q.get(k);
    const v = raw === null || raw === "" ? Number.NaN : Number(raw);
    return Number.isFinite(v) ? v : null;
  };
  const vx = num("vx");
  const vy = num("vy");
  const vz = num("vz");
  const viewport: PageViewport | null =
    vx !== null && vy !== null && vz !== null && vz > 0 ? { x: vx, y: vy, zoom: vz } : null;
  const [padding, minZoom, maxZoom] = (q.get("fit") ?? "").split(",").map(Number);
  const fit =
    padding !== undefined &&
    minZoom !== undefined &&
    maxZoom !== undefined &&
    [padding, minZoom, maxZoom].every(Number.isFinite)
      ? { padding, minZoom, maxZoom }
      : null;
  return {
    n: int("n", 1000, 0),
    edges: int("edges", 0),
    width: int("w", 0),
    height: int("h", 0),
    viewport,
    fit,
    culled: q.get("culled") === "1",
  };
}
