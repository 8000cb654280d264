// `npm run gallery`: the exported pictures of every template and of three Compose imports, in
// both languages, made with the CLI exactly as a person would make them (`stackdraw template ID`,
// `stackdraw import compose FILE`, `stackdraw render … -o X.png`), into docs/gallery/, and the page
// that shows them, docs/gallery.md. The renderer and router are the editor's (src/render,
// src/domain/routing), so these are also what Export ▸ PNG gives.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "docs", "gallery");
const bin = join(root, "bin", "stackdraw.mjs");
const tmp = mkdtempSync(join(tmpdir(), "stackdraw-gallery-"));

function cli(args) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`stackdraw ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

const LANGS = ["en", "ko"];
const COMPOSE = [
  ["reverse-proxy-apps", "a reverse proxy in front of four apps, each with its database"],
  [
    "ecommerce-platform",
    "a 19-service shop: edge proxy, storefront, backend-for-frontend, search, a queue, databases",
  ],
  ["web-db-cache-worker", "the classic web, database, cache and worker"],
];

mkdirSync(out, { recursive: true });
const templates = cli(["templates"])
  .trim()
  .split("\n")
  .map((l) => {
    const m = /^(\S+)\s+(.*)$/.exec(l);
    return { id: m[1], title: m[2] };
  });
const lines = [
  "# Gallery — what the exports look like",
  "",
  "Every template and three Compose imports, exported to PNG in both languages by the CLI",
  "(`stackdraw render`, the same renderer and router as the editor's Export ▸ PNG). Made by",
  "`npm run gallery`; each picture is 1× here (`--scale 2`, the default, gives slides their",
  "sharpness). The layout, the routes and the legend are described in [drawing.md](drawing.md).",
  "",
  "## Templates",
  "",
];
try {
  for (const t of templates) {
    lines.push(`### \`${t.id}\` — ${t.title}`, "");
    for (const lang of LANGS) {
      const doc = join(tmp, `${t.id}-${lang}.json`);
      writeFileSync(doc, cli(["template", t.id, "--lang", lang]));
      const png = `template-${t.id}-${lang}.png`;
      cli(["render", doc, "-o", join(out, png), "--lang", lang, "--scale", "1"]);
      lines.push(`![${t.id} (${lang})](gallery/${png})`, "");
    }
  }
  lines.push("## Compose imports", "");
  for (const [name, what] of COMPOSE) {
    const src = `tests/fixtures/compose/realistic/${name}.yml`;
    const doc = join(tmp, `${name}.json`);
    writeFileSync(doc, cli(["import", "compose", src]));
    lines.push(`### \`${name}.yml\` — ${what}`, "", `From [${src}](../${src}).`, "");
    for (const lang of LANGS) {
      const png = `compose-${name}-${lang}.png`;
      cli(["render", doc, "-o", join(out, png), "--lang", lang, "--scale", "1"]);
      lines.push(`![${name} (${lang})](gallery/${png})`, "");
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
writeFileSync(join(root, "docs", "gallery.md"), lines.join("\n"));
console.log(
  `wrote docs/gallery.md and ${templates.length * 2 + COMPOSE.length * 2} pictures in docs/gallery/`,
);
