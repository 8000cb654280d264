import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import prettier from "eslint-config-prettier";

// ---------------------------------------------------------------------------------------------
// The walls between the folders of src/ (docs/architecture.md): which folders each one may import.
// An import that leaves a folder for one not listed here is an error, whether it is written
// `import … from`, `export … from`, `import()` or `typeof import()`. Only the app shell
// (src/App.tsx, src/main.tsx) is outside every wall: no folder may import it, and no folder but
// it imports src/panels. Tested by tests/unit/lint/walls.test.ts.

/** UI libraries: React, React Flow and zustand. */
const UI_PACKAGES = ["react", "react/*", "react-*", "react-dom/*", "@xyflow/*", "zustand", "zustand/*"];
/** Code that runs unchanged in the browser and in the CLI: no UI library, no Node built-ins. */
const PURE_PACKAGES = [...UI_PACKAGES, "node:*"];

/**
 * Per folder: the folders it may import besides itself (`types`: only `import type` from them),
 * and the npm packages it must not import. React Flow is forbidden everywhere but src/canvas.
 */
const WALLS = {
  domain: { may: [], packages: PURE_PACKAGES, why: "the domain is pure TypeScript" },
  io: { may: ["domain"], packages: PURE_PACKAGES, why: "reading and writing files knows only the domain" },
  render: { may: ["domain"], packages: PURE_PACKAGES, why: "the renderer knows only the domain" },
  templates: { may: ["domain"], packages: PURE_PACKAGES, why: "templates are documents of the domain" },
  i18n: { may: [], types: ["domain"], packages: PURE_PACKAGES, why: "the strings are a leaf" },
  cli: { may: ["domain", "io", "render", "templates"], packages: UI_PACKAGES, why: "the CLI has no UI" },
  browser: {
    may: ["domain", "io", "render", "i18n"],
    packages: UI_PACKAGES,
    why: "the DOM helpers do not know the store or the UI",
  },
  store: {
    may: ["domain", "io", "i18n", "browser", "templates"],
    packages: ["@xyflow/*"],
    why: "the store does not know the UI",
  },
  persist: {
    may: ["domain", "io", "i18n", "browser", "store"],
    packages: ["@xyflow/*"],
    why: "autosave knows the store, not the UI",
  },
  commands: {
    may: ["domain", "i18n", "browser", "store"],
    packages: ["@xyflow/*"],
    why: "commands run through the store; the canvas hands its view controls over in the store's context",
  },
  canvas: {
    may: ["domain", "render", "i18n", "browser", "store"],
    packages: [],
    why: "the canvas is one panel of the app",
  },
  panels: {
    may: ["domain", "io", "render", "templates", "i18n", "browser", "store", "commands", "canvas", "persist"],
    packages: ["@xyflow/*"],
    why: "panels are composed by the app shell only",
  },
};

const MAX_DEPTH = 4;
const dirs = (n) => "*/".repeat(n);
/**
 * Matches a relative import, written `depth` folders below src/<folder>, that lands in src/ outside
 * the folders `allowed` (or outside src/ altogether).
 */
const leaving = (depth, allowed) =>
  `^(?:\\./)?(?:\\.\\./){${depth + 1}}` + (allowed.length ? `(?!(?:${allowed.join("|")})/)` : "");
/** Matches a relative import, written `depth` folders below src/<folder>, of src/<target>. */
const into = (depth, target) => `^(?:\\./)?(?:\\.\\./){${depth + 1}}${target}/`;
/** The same regex inside a selector: esquery's regexes cannot contain a slash. */
const inSelector = (re) => re.replaceAll("/", "\\x2F");
const list = (names) => names.map((n) => `src/${n}`).join(", ");

function walls() {
  const configs = [];
  for (const [folder, wall] of Object.entries(WALLS)) {
    const allowed = [folder, ...wall.may];
    const types = wall.types ?? [];
    const message =
      `src/${folder} may import only ${list(allowed)}` +
      (types.length ? ` (and types from ${list(types)})` : "") +
      `: ${wall.why} (WALLS in eslint.config.js).`;
    const packages = folder === "canvas" ? wall.packages : [...new Set([...wall.packages, "@xyflow/*"])];
    const packageMessage =
      packages.length === 1
        ? "Only src/canvas imports React Flow."
        : `src/${folder} must not import ${packages.join(", ")}: ${wall.why}.`;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const patterns = [
        // Anything outside the allowed folders (type-only folders have the next patterns, so that
        // a value import from one is reported once).
        { regex: leaving(depth, [...allowed, ...types]), message },
        ...types.map((t) => ({ regex: into(depth, t), allowTypeImports: true, message })),
      ];
      if (packages.length) patterns.push({ group: packages, message: packageMessage });
      configs.push({
        files: [`src/${folder}/${dirs(depth)}*.{ts,tsx}`],
        rules: {
          "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
          // `import()` and `typeof import()` are not import declarations: the same wall for them.
          "no-restricted-syntax": [
            "error",
            { selector: `ImportExpression[source.value=/${inSelector(leaving(depth, allowed))}/]`, message },
            {
              selector: `TSImportType[source.value=/${inSelector(leaving(depth, [...allowed, ...types]))}/]`,
              message,
            },
          ],
        },
      });
    }
  }
  return configs;
}

export default tseslint.config(
  { ignores: ["dist", "dist-*", "node_modules", "coverage", "test-results", ".bench-out"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Only the canvas imports React Flow (the folders' walls below repeat it for their files).
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@xyflow/*"], message: "Only src/canvas imports React Flow." }] },
      ],
    },
  },
  // (After the rule above: for the same rule, the later configuration wins.)
  ...walls(),
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  // Formatting is Prettier's (checked by `npm run lint`); no ESLint rule argues with it.
  prettier,
);
