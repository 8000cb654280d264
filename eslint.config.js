import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import prettier from "eslint-config-prettier";

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
    // Only the canvas adapter may import React Flow.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/canvas/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@xyflow/*"] }] },
  },
  {
    // (After the rule above, so it wins.) The domain layer is pure: no React, no React Flow, no DOM-only modules.
    files: ["src/domain/**/*.ts", "src/io/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-*", "@xyflow/*", "zustand", "zustand/*"] },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  // Formatting is Prettier's (checked by `npm run lint`); no ESLint rule argues with it.
  prettier,
);
