/**
 * The walls between the folders of src/ (WALLS in eslint.config.js) hold: a wrong-way import in
 * any walled folder is an ESLint error, and the imports each folder is meant to make are not.
 * Runs the project's own ESLint configuration on snippets placed (virtually) inside each folder.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** One import of `x` per case, in a file that uses it (only the walls' messages are counted). */
const fileWith = (line: string) => `${line}\nexport const used = [x];\n`;

/** The wall errors ESLint reports for a file `file` (relative to the root) with the import `code`. */
async function wallErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(fileWith(code), { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter(
      (m) => m.ruleId === "@typescript-eslint/no-restricted-imports" || m.ruleId === "no-restricted-syntax",
    )
    .map((m) => m.message);
}

const WRONG: [file: string, code: string][] = [
  ["src/domain/zz.ts", `import { x } from "../store/editor.ts";`],
  ["src/domain/kinds/zz.ts", `import { x } from "../../canvas/adapter.ts";`],
  ["src/domain/zz.ts", `import { useState as x } from "react";`],
  ["src/domain/zz.ts", `import { ReactFlow as x } from "@xyflow/react";`],
  ["src/domain/zz.ts", `import { create as x } from "zustand";`],
  ["src/domain/zz.ts", `const x = () => import("../io/read.ts");`],
  ["src/domain/zz.ts", `type x = typeof import("../render/svg.ts");`],
  ["src/io/zz.ts", `import { x } from "../render/svg.ts";`],
  ["src/io/zz.ts", `export { x } from "../store/actions.ts";`],
  ["src/render/zz.ts", `import { x } from "../canvas/view-model.ts";`],
  ["src/render/zz.ts", `import { readFile as x } from "node:fs/promises";`],
  ["src/templates/zz.ts", `import { x } from "../io/read.ts";`],
  ["src/i18n/zz.ts", `import type { EditorStore as x } from "../store/editor.ts";`],
  ["src/i18n/zz.ts", `import { LIMITS as x } from "../domain/document.ts";`],
  ["src/browser/zz.ts", `import type { EditorStore as x } from "../store/editor.ts";`],
  ["src/browser/zz.ts", `import { Palette as x } from "../panels/Palette.tsx";`],
  ["src/browser/zz.ts", `import { FlowAdapter as x } from "../canvas/adapter.ts";`],
  ["src/browser/zz.ts", `const x = () => import("../store/actions.ts");`],
  ["src/store/zz.ts", `import { Toolbar as x } from "../panels/Toolbar.tsx";`],
  ["src/store/zz.ts", `import { ReactFlow as x } from "@xyflow/react";`],
  ["src/commands/zz.ts", `import { Canvas as x } from "../canvas/Canvas.tsx";`],
  ["src/canvas/zz.ts", `import { COMMANDS as x } from "../commands/table.ts";`],
  ["src/canvas/zz.ts", `import { Inspector as x } from "../panels/Inspector.tsx";`],
  ["src/persist/zz.ts", `import { App as x } from "../App.tsx";`],
  ["src/panels/zz.ts", `import { ReactFlow as x } from "@xyflow/react";`],
  ["src/cli/zz.ts", `import { createEditorStore as x } from "../store/editor.ts";`],
];

const RIGHT: [file: string, code: string][] = [
  ["src/domain/zz.ts", `import { LIMITS as x } from "./document.ts";`],
  ["src/domain/kinds/zz.ts", `import { validate as x } from "../rules/index.ts";`],
  ["src/io/zz.ts", `import { parse as x } from "yaml";`],
  ["src/io/zz.ts", `import { LIMITS as x } from "../domain/document.ts";`],
  ["src/render/zz.ts", `import { validate as x } from "../domain/rules/index.ts";`],
  ["src/i18n/zz.ts", `import type { Lang as x } from "../domain/kinds/props.ts";`],
  ["src/browser/zz.ts", `import { renderSvg as x } from "../render/svg.ts";`],
  ["src/browser/zz.ts", `const x = () => import("../io/read.ts");`],
  ["src/store/zz.ts", `import { tryLoad as x } from "../browser/on-demand.ts";`],
  ["src/store/zz.ts", `const x = () => import("../templates/index.ts");`],
  ["src/canvas/zz.ts", `import { ReactFlow as x } from "@xyflow/react";`],
  ["src/commands/zz.ts", `import { useViewControls as x } from "../store/context.tsx";`],
  ["src/cli/zz.ts", `import { readFile as x } from "node:fs/promises";`],
  ["src/App.tsx", `import { Toolbar as x } from "./panels/Toolbar.tsx";`],
];

describe("the walls between folders", () => {
  it.each(WRONG)("%s: %s is an error", async (file, code) => {
    const errors = await wallErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/src\/\w+ (may|must not) import|Only src\/canvas imports React Flow/);
  });

  it.each(RIGHT)("%s: %s is allowed", async (file, code) => {
    expect(await wallErrors(file, code)).toEqual([]);
  });
});
