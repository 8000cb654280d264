/**
 * Initial-JS figures of a Vite/rolldown build (pure but for gzip; tested in
 * tests/unit/bench/bundle.test.ts): which chunks load first (an entry chunk and everything it
 * imports statically — dynamic imports load on demand and are not counted), their gzip size at
 * level 9, and a per-package breakdown.
 *
 * A chunk is compressed as a whole, so a package's share of it is not measurable directly: each
 * chunk's real gzip size is allocated to the packages in it in proportion to each package's
 * individually gzipped rendered code (the modules' code as it stands in the chunk, concatenated per
 * package). The allocation sums to the chunk's real size exactly.
 */
import { gzipSync } from "node:zlib";

/** The parts of a rolldown output chunk that are used here. */
export interface ChunkLike {
  type: "chunk";
  fileName: string;
  code: string;
  isEntry: boolean;
  facadeModuleId?: string | null;
  imports: readonly string[];
  dynamicImports: readonly string[];
  modules: Readonly<Record<string, { code: string | null; renderedLength: number }>>;
  viteMetadata?: { importedCss: ReadonlySet<string> };
}
export interface AssetLike {
  type: "asset";
  fileName: string;
  source: string | Uint8Array;
}
export type OutputLike = ChunkLike | AssetLike;

export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(typeof data === "string" ? Buffer.from(data) : data, { level: 9 }).length;
}

/**
 * The package a module belongs to: an npm package (`react-dom`, `@xyflow/react`), our own code by
 * its folder (`Stackdraw src/canvas`, `Stackdraw src/ (top level)`), or `(bundler runtime)` for the
 * bundler's virtual modules (`\0rolldown/runtime.js`, `\0vite/preload-helper.js`, …).
 */
export function packageOf(id: string, root: string): string {
  if (id.startsWith("\0") || !/^([a-zA-Z]:)?[\\/]/.test(id)) return "(bundler runtime)";
  const path = id.replace(/\\/g, "/").replace(/[?#].*$/, "");
  const nm = path.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const parts = path.slice(nm + "/node_modules/".length).split("/");
    return parts[0]!.startsWith("@") && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const base = root.replace(/\\/g, "/").replace(/\/$/, "") + "/";
  if (path.startsWith(base)) {
    const parts = path.slice(base.length).split("/");
    if (parts[0] === "src")
      return parts.length > 2 ? `Stackdraw src/${parts[1]}` : "Stackdraw src/ (top level)";
    return parts.length > 1
      ? `Stackdraw ${parts.slice(0, Math.min(2, parts.length - 1)).join("/")}`
      : "Stackdraw (top level)";
  }
  return path;
}

/** The chunks that load with `entry`: it and, transitively, its static imports (not dynamic ones). */
export function initialChunks(chunks: readonly ChunkLike[], entry: ChunkLike): ChunkLike[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const out: ChunkLike[] = [];
  const visit = (c: ChunkLike) => {
    if (seen.has(c.fileName)) return;
    seen.add(c.fileName);
    out.push(c);
    for (const f of c.imports) {
      const next = byFile.get(f);
      if (next) visit(next);
    }
  };
  visit(entry);
  return out;
}

/** The chunks `entry` can load later: reachable through dynamic imports (and their static imports), not initial. */
export function lazyChunks(chunks: readonly ChunkLike[], entry: ChunkLike): ChunkLike[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set(initialChunks(chunks, entry).map((c) => c.fileName));
  const seen = new Set<string>([entry.fileName]);
  const out: ChunkLike[] = [];
  const queue = [entry];
  while (queue.length) {
    const c = queue.shift()!;
    for (const f of [...c.imports, ...c.dynamicImports]) {
      const next = byFile.get(f);
      if (!next || seen.has(f)) continue;
      seen.add(f);
      queue.push(next);
      if (!initial.has(f)) out.push(next);
    }
  }
  return out;
}

/**
 * `total` split over `weights` in proportion, in whole units, summing to `total` exactly (largest
 * remainder). All-zero weights split evenly.
 */
export function allocate(total: number, weights: ReadonlyMap<string, number>): Map<string, number> {
  const names = [...weights.keys()];
  const out = new Map<string, number>();
  if (names.length === 0) return out;
  const sum = names.reduce((s, k) => s + Math.max(0, weights.get(k)!), 0);
  const exact = names.map((k) =>
    sum > 0 ? (total * Math.max(0, weights.get(k)!)) / sum : total / names.length,
  );
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((s, x) => s + x, 0);
  const order = names
    .map((_, i) => i)
    .sort((i, j) => exact[j]! - floors[j]! - (exact[i]! - floors[i]!) || i - j);
  for (const i of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  names.forEach((k, i) => out.set(k, floors[i]!));
  return out;
}

export interface PackageShare {
  name: string;
  /** Allocated share of the initial chunks' real gzip size (bytes). */
  gzip: number;
  /** Rendered (minified) code in the initial chunks (bytes, UTF-16 length). */
  rendered: number;
}

export interface BundleFigures {
  /** The initial chunks' file names, the entry first. */
  chunks: string[];
  /** Gzip (level 9) of the initial JS chunks, each compressed separately as served (bytes). */
  initialJs: number;
  /** Their raw size (bytes). */
  initialJsRaw: number;
  /** Gzip of the CSS the initial chunks import (bytes). */
  initialCss: number;
  /** Gzip of the chunks the entry loads on demand (dynamic imports, transitively; bytes). */
  lazyJs: number;
  /** Largest first. */
  packages: PackageShare[];
}

/** The figures for one entry of a build's output. `gzip` is injectable for tests. */
export function bundleFigures(
  output: readonly OutputLike[],
  entry: ChunkLike,
  root: string,
  gzip: (s: string | Uint8Array) => number = gzipSize,
): BundleFigures {
  const chunks = output.filter((o): o is ChunkLike => o.type === "chunk");
  const initial = initialChunks(chunks, entry);
  const shares = new Map<string, PackageShare>();
  let initialJs = 0;
  let initialJsRaw = 0;
  const css = new Set<string>();
  for (const c of initial) {
    const size = gzip(c.code);
    initialJs += size;
    initialJsRaw += Buffer.byteLength(c.code);
    for (const f of c.viteMetadata?.importedCss ?? []) css.add(f);
    const code = new Map<string, string[]>();
    const rendered = new Map<string, number>();
    for (const [id, m] of Object.entries(c.modules)) {
      if (!m.code || m.renderedLength === 0) continue;
      const name = packageOf(id, root);
      let list = code.get(name);
      if (!list) code.set(name, (list = []));
      list.push(m.code);
      rendered.set(name, (rendered.get(name) ?? 0) + m.renderedLength);
    }
    const weights = new Map([...code].map(([name, parts]) => [name, gzip(parts.join("\n"))]));
    for (const [name, bytes] of allocate(size, weights)) {
      const s = shares.get(name) ?? { name, gzip: 0, rendered: 0 };
      s.gzip += bytes;
      s.rendered += rendered.get(name) ?? 0;
      shares.set(name, s);
    }
  }
  let initialCss = 0;
  for (const o of output) if (o.type === "asset" && css.has(o.fileName)) initialCss += gzip(o.source);
  const lazyJs = lazyChunks(chunks, entry).reduce((s, c) => s + gzip(c.code), 0);
  return {
    chunks: initial.map((c) => c.fileName),
    initialJs,
    initialJsRaw,
    initialCss,
    lazyJs,
    packages: [...shares.values()].sort((a, b) => b.gzip - a.gzip || a.name.localeCompare(b.name)),
  };
}

/** The entry chunk built from an HTML input whose path ends with `htmlName` (e.g. "index.html"). */
export function entryFor(output: readonly OutputLike[], htmlName: string): ChunkLike {
  const entries = output.filter((o): o is ChunkLike => o.type === "chunk" && o.isEntry);
  const hit = entries.find((c) => (c.facadeModuleId ?? "").replace(/\\/g, "/").endsWith(`/${htmlName}`));
  if (!hit)
    throw new Error(
      `no entry chunk for ${htmlName} (entries: ${entries.map((c) => c.facadeModuleId ?? c.fileName).join(", ")})`,
    );
  return hit;
}
