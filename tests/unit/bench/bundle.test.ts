// @vitest-environment node
import {
  allocate,
  bundleFigures,
  entryFor,
  gzipSize,
  initialChunks,
  lazyChunks,
  packageOf,
  type ChunkLike,
  type OutputLike,
} from "../../../bench/perf/bundle.ts";

const ROOT = "/work/app";

function chunk(fileName: string, modules: Record<string, string>, extra: Partial<ChunkLike> = {}): ChunkLike {
  const mods = Object.fromEntries(
    Object.entries(modules).map(([id, code]) => [id, { code, renderedLength: code.length }]),
  );
  return {
    type: "chunk",
    fileName,
    code: Object.values(modules).join("\n"),
    isEntry: false,
    imports: [],
    dynamicImports: [],
    modules: mods,
    ...extra,
  };
}

describe("bench bundle", () => {
  it("package of a module id", () => {
    expect(packageOf("/work/app/node_modules/react-dom/cjs/react-dom-client.production.js", ROOT)).toBe(
      "react-dom",
    );
    expect(packageOf("/work/app/node_modules/@xyflow/react/dist/esm/index.js", ROOT)).toBe("@xyflow/react");
    expect(packageOf("/work/app/node_modules/@xyflow/system/dist/esm/index.js", ROOT)).toBe("@xyflow/system");
    expect(
      packageOf("/work/app/node_modules/.pnpm/d3-zoom@3.0.0/node_modules/d3-zoom/src/zoom.js", ROOT),
    ).toBe("d3-zoom");
    expect(packageOf("/work/app/node_modules/zustand/esm/index.mjs?commonjs-proxy", ROOT)).toBe("zustand");
    expect(packageOf("/work/app/src/canvas/Canvas.tsx", ROOT)).toBe("Stackdraw src/canvas");
    expect(packageOf("/work/app/src/domain/rules/index.ts", ROOT)).toBe("Stackdraw src/domain");
    expect(packageOf("/work/app/src/App.tsx", ROOT)).toBe("Stackdraw src/ (top level)");
    expect(packageOf("/work/app/bench/perf/doc.ts", ROOT)).toBe("Stackdraw bench/perf");
    expect(packageOf("\0rolldown/runtime.js", ROOT)).toBe("(bundler runtime)");
    expect(packageOf("\0vite/preload-helper.js", ROOT)).toBe("(bundler runtime)");
    expect(packageOf("C:\\work\\app\\node_modules\\yaml\\dist\\index.js", "C:\\work\\app")).toBe("yaml");
  });

  it("initial chunks: the entry and its static imports, transitively, not dynamic imports", () => {
    const entry = chunk(
      "entry.js",
      {},
      { isEntry: true, imports: ["vendor.js"], dynamicImports: ["lazy.js"] },
    );
    const vendor = chunk("vendor.js", {}, { imports: ["shared.js"] });
    const shared = chunk("shared.js", {}, { imports: ["vendor.js"] }); // a cycle is fine
    const lazy = chunk("lazy.js", {}, { imports: ["shared.js"], dynamicImports: ["lazier.js"] });
    const other = chunk("other-page.js", {}, { isEntry: true, imports: ["vendor.js"] });
    const lazier = chunk("lazier.js", {}, { dynamicImports: ["lazy.js"] });
    const all = [entry, vendor, shared, lazy, other, lazier];
    expect(initialChunks(all, entry).map((c) => c.fileName)).toEqual(["entry.js", "vendor.js", "shared.js"]);
    // On demand: what dynamic imports reach, transitively, and not another page's entry.
    expect(lazyChunks(all, entry).map((c) => c.fileName)).toEqual(["lazy.js", "lazier.js"]);
  });

  it("allocation is proportional and sums exactly", () => {
    const a = allocate(
      100,
      new Map([
        ["a", 1],
        ["b", 1],
        ["c", 1],
      ]),
    );
    expect([...a.values()].reduce((s, x) => s + x, 0)).toBe(100);
    expect([...a.values()].sort()).toEqual([33, 33, 34]);
    expect(
      Object.fromEntries(
        allocate(
          1000,
          new Map([
            ["x", 3],
            ["y", 1],
          ]),
        ),
      ),
    ).toEqual({ x: 750, y: 250 });
    expect(
      Object.fromEntries(
        allocate(
          10,
          new Map([
            ["x", 0],
            ["y", 0],
          ]),
        ),
      ),
    ).toEqual({ x: 5, y: 5 });
    expect(allocate(10, new Map()).size).toBe(0);
  });

  it("figures: initial JS and CSS gzip, lazy JS, per-package shares summing to the real size", () => {
    const reactCode = "function react(){return 'react'.repeat(40)}".repeat(30);
    const ours = "export const canvas = () => 'stackdraw canvas';".repeat(10);
    const entry = chunk(
      "assets/index.js",
      {
        "/work/app/node_modules/react/index.js": reactCode,
        "/work/app/src/canvas/Canvas.tsx": ours,
        "\0rolldown/runtime.js": "",
      },
      {
        isEntry: true,
        facadeModuleId: "/work/app/index.html",
        dynamicImports: ["assets/lazy.js"],
        viteMetadata: { importedCss: new Set(["assets/index.css"]) },
      },
    );
    const lazy = chunk("assets/lazy.js", { "/work/app/node_modules/yaml/index.js": "yaml".repeat(100) });
    const output: OutputLike[] = [
      entry,
      lazy,
      { type: "asset", fileName: "assets/index.css", source: "body{margin:0}" },
      { type: "asset", fileName: "assets/other.css", source: "x{}" },
    ];
    expect(entryFor(output, "index.html")).toBe(entry);
    expect(() => entryFor(output, "bare.html")).toThrow(/no entry chunk/);
    const f = bundleFigures(output, entry, ROOT);
    expect(f.chunks).toEqual(["assets/index.js"]);
    expect(f.initialJs).toBe(gzipSize(entry.code));
    expect(f.initialCss).toBe(gzipSize("body{margin:0}"));
    expect(f.lazyJs).toBe(gzipSize(lazy.code));
    expect(f.packages.map((p) => p.name)).toEqual(["react", "Stackdraw src/canvas"]); // empty modules are left out
    expect(f.packages.reduce((s, p) => s + p.gzip, 0)).toBe(f.initialJs);
    expect(f.packages[0]!.rendered).toBe(reactCode.length);
  });
});
