/**
 * Renders every template in both languages to PNG through the CLI's `render` (in-process), for
 * looking at: `npx tsx bench/render-templates.ts [OUT_DIR]` (default /tmp/render-templates).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { main } from "../src/cli/main.ts";
import { writeDocument } from "../src/io/write.ts";
import { TEMPLATES } from "../src/templates/index.ts";

const dir = resolve(process.argv[2] ?? "/tmp/render-templates");
mkdirSync(dir, { recursive: true });
let failed = 0;
for (const t of TEMPLATES)
  for (const lang of ["en", "ko"] as const) {
    const src = join(dir, `${t.id}.${lang}.stackdraw.json`);
    writeFileSync(src, writeDocument(t.build(lang)));
    for (const theme of ["light", "dark"] as const) {
      const out = join(dir, `${t.id}.${lang}${theme === "dark" ? ".dark" : ""}.png`);
      const code = await main(["render", src, "-o", out, "--lang", lang, "--theme", theme], {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
      });
      if (code !== 0) failed++;
      console.log(`${code === 0 ? "ok  " : "FAIL"} ${out}`);
    }
  }
process.exit(failed ? 1 : 0);
