/**
 * What the first paint loads (docs/performance.md: initial JS ≤ 180 KB gzip, "load
 * import/export code on demand"). Walks the static imports from src/main.tsx — what the bundler
 * must put into the initial JS — and checks that the import/export code, the templates and the
 * modal panels are not among them, but are reachable by dynamic import().
 * tests/e2e/on-demand.spec.ts checks the same on the built page.
 */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(import.meta.dirname, "../../..");
const ENTRY = "src/main.tsx";

interface Graph {
  /** Module → the module that first imported it statically (for the chain in a failure). */
  via: Map<string, string | null>;
  /** Targets of dynamic import() in the initial modules, and in the code they load on demand. */
  dynamic: Set<string>;
}

function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const text = readFileSync(resolve(ROOT, file), "utf8");
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out = { static: [] as string[], dynamic: [] as string[] };
  const target = (spec: string) =>
    spec.startsWith(".") ? relative(ROOT, resolve(dirname(resolve(ROOT, file)), spec)) : spec;
  for (const st of sf.statements) {
    // `import type` / `export type … from` are erased; anything else is a runtime import (with
    // verbatimModuleSyntax even `import { type X }` keeps the module).
    if (ts.isImportDeclaration(st) && !st.importClause?.isTypeOnly && ts.isStringLiteral(st.moduleSpecifier))
      out.static.push(target(st.moduleSpecifier.text));
    if (
      ts.isExportDeclaration(st) &&
      !st.isTypeOnly &&
      st.moduleSpecifier &&
      ts.isStringLiteral(st.moduleSpecifier)
    )
      out.static.push(target(st.moduleSpecifier.text));
  }
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) out.dynamic.push(target(arg.text));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function initialGraph(): Graph {
  const via = new Map<string, string | null>([[ENTRY, null]]);
  const dynamic = new Set<string>();
  const queue = [ENTRY];
  while (queue.length) {
    const file = queue.shift()!;
    if (!/\.(ts|tsx)$/.test(file)) continue; // a package or a stylesheet
    const { static: s, dynamic: d } = importsOf(file);
    for (const t of d) dynamic.add(t);
    for (const t of s)
      if (!via.has(t)) {
        via.set(t, file);
        queue.push(t);
      }
  }
  // What loads on demand may load more on demand (the file actions load the importers): the
  // targets of dynamic import() anywhere in code that only loads on demand count too.
  const seen = new Set<string>(dynamic);
  const later = [...dynamic];
  while (later.length) {
    const file = later.shift()!;
    if (!/\.(ts|tsx)$/.test(file)) continue;
    const { static: s, dynamic: d } = importsOf(file);
    for (const t of d) dynamic.add(t);
    for (const t of [...s, ...d])
      if (!seen.has(t) && !via.has(t)) {
        seen.add(t);
        later.push(t);
      }
  }
  return { via, dynamic };
}

function chain(g: Graph, module: string): string {
  const path = [module];
  for (let at = g.via.get(module); at; at = g.via.get(at)) path.unshift(at);
  return path.join(" → ");
}

/** Not needed for the first paint: each loads on demand. */
const ON_DEMAND: [RegExp, string][] = [
  [/^yaml$/, "the YAML parser (Import ▸ Docker Compose)"],
  [/^src\/io\/compose(\/.*)?\.ts$/, "the Compose importer"],
  [/^src\/templates\//, "the templates (gallery, ?template=)"],
  [/^src\/render\/(svg|raster|thumbnail)\.ts$/, "the SVG renderer (export, gallery thumbnails)"],
  [/^src\/browser\/(fonts|export)\.ts$/, "the SVG/PNG export and its font inlining"],
  [/^src\/panels\/(TemplateGallery|ShortcutsSheet)\.tsx$/, "a modal panel"],
  [
    /^src\/panels\/(ImportQuestion|FileErrorDialog)\.tsx$/,
    "a dialog of a file action (its question, a refused file)",
  ],
  [/^src\/panels\/ContextMenu\.tsx$/, "the right-click menu"],
  [/^src\/panels\/InspectorForms\.tsx$/, "the inspector's forms of a selected node or connection"],
  [/^src\/io\/(read(\/.*)?|migrations)\.ts$/, "the document reader (open, paste, restore a draft)"],
  [/^src\/io\/errors\//, "the words of reader and importer errors (a refused file)"],
  [/^src\/domain\/rules\/messages\.ts$/, "the problem messages (a problem to show)"],
  [/^src\/store\/file-actions\.ts$/, "the file actions (open, save, import, export, share)"],
  [
    /^src\/domain\/rules\/(index|validate|stack|ports|scan|edges|cloud|suppress|fixes\/.*)\.ts$/,
    "the rules engine (a document with nodes)",
  ],
  [
    /^src\/domain\/routing\/(route|search|nudge|clusters|scene|label-place|box)\.ts$/,
    "the edge router (a document with edges)",
  ],
  [
    /^src\/domain\/rules\/(defs|problem)\.ts$/,
    "the rule catalog and the problems it builds (the rules engine)",
  ],
  [/^src\/domain\/compact-index\.ts$/, "the compact index that full validation walks (the rules engine)"],
  [
    /^src\/persist\/(?!stores\.ts$|draft-store\.ts$)/,
    "autosave and its banner (started beside the first paint, src/main.tsx)",
  ],
  [
    /^src\/(panels\/ProblemActions\.tsx|store\/problem-actions\.ts)$/,
    "a problem's actions (its fixes, Suppress…)",
  ],
  [/^src\/browser\/download\.ts$/, "downloading a file (save, export, saved data)"],
  [
    /^src\/(canvas\/FarLayer\.tsx|render\/far\.ts|render\/node-colors\.ts|i18n\/far-strings\.ts)$/,
    "the far-zoom canvas layer (a big diagram zoomed far out)",
  ],
  [/^src\/browser\/share\.ts$/, "the share link's encoder and decoder (the file actions)"],
  [
    /^src\/(domain\/kinds\/prop-values|domain\/limits-repair|i18n\/repair-strings)\.ts$/,
    "checks and repairs of values (the reader, the importers, the inspector's forms)",
  ],
];

describe("the initial JS (static imports from src/main.tsx)", () => {
  const g = initialGraph();

  it("holds none of the code that loads on demand", () => {
    const found = [...g.via.keys()].flatMap((m) =>
      ON_DEMAND.filter(([re]) => re.test(m)).map(([, what]) => `${what}: ${chain(g, m)}`),
    );
    expect(found).toEqual([]);
  });

  it("reaches that code by dynamic import()", () => {
    for (const m of [
      "src/io/compose.ts",
      "src/browser/export.ts",
      "src/templates/index.ts",
      "src/panels/TemplateGallery.tsx",
      "src/panels/ShortcutsSheet.tsx",
      "src/panels/ImportQuestion.tsx",
      "src/panels/FileErrorDialog.tsx",
      "src/panels/ContextMenu.tsx",
      "src/panels/InspectorForms.tsx",
      "src/canvas/FarLayer.tsx",
      "src/io/read.ts",
      "src/io/errors/format.ts",
      "src/domain/rules/messages.ts",
      "src/domain/rules/index.ts",
      "src/store/file-actions.ts",
      "src/domain/routing/route.ts",
      "src/persist/browser.ts",
      "src/persist/StorageBanner.tsx",
      "src/panels/ProblemActions.tsx",
    ])
      expect(g.dynamic, m).toContain(m);
  });

  it("keeps what the first paint needs: the app, the canvas, the colour table", () => {
    for (const m of [
      "src/App.tsx",
      "src/canvas/Canvas.tsx",
      "src/panels/Inspector.tsx",
      "src/panels/ProblemsPanel.tsx",
      "src/render/colors.ts",
      "src/browser/dom.ts",
      "src/persist/draft-store.ts",
      "src/browser/share-prefix.ts",
    ])
      expect(g.via.has(m), m).toBe(true);
  });
});
