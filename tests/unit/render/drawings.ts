/**
 * The real drawings the SVG contract and the routing acceptance look at: every built-in template
 * in both languages, and every Compose fixture that imports (the realistic ones included).
 */
import { readFileSync, readdirSync } from "node:fs";
import type { StackDocument } from "../../../src/domain/document.ts";
import { importCompose } from "../../../src/io/compose.ts";
import { TEMPLATES } from "../../../src/templates/index.ts";

const composeDir = new URL("../../fixtures/compose/", import.meta.url);
/** The Compose fixtures that import (the top-level ones and any realistic ones). */
export function composeFixtures(): { name: string; doc: StackDocument }[] {
  const out: { name: string; doc: StackDocument }[] = [];
  const visit = (dir: URL, prefix: string) => {
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      if (f.isDirectory() && f.name === "realistic") visit(new URL(`${f.name}/`, dir), `${f.name}/`);
      if (!f.isFile() || !/\.ya?ml$/.test(f.name)) continue;
      const r = importCompose(readFileSync(new URL(f.name, dir)));
      if (r.ok) out.push({ name: prefix + f.name, doc: r.document });
    }
  };
  visit(composeDir, "");
  return out;
}

/** Every drawing the acceptance looks at: each template in both languages, each Compose import. */
export function realDrawings(): { name: string; doc: StackDocument; lang: "en" | "ko" }[] {
  return [
    ...TEMPLATES.flatMap((t) =>
      (["en", "ko"] as const).map((lang) => ({ name: `${t.id} (${lang})`, doc: t.build(lang), lang })),
    ),
    ...composeFixtures().map((c) => ({ ...c, name: `compose ${c.name}`, lang: "en" as const })),
  ];
}
