/**
 * `import k8s FILE|FOLDER…` and `import ecs FILE…` (docs/cli.md): the document JSON on stdout,
 * warnings (what was not drawn) on stderr, or the refusal as FILE:LINE:COLUMN on stderr. A folder
 * given to `import k8s` is read whole: its .yaml, .yml and .json files, in name order, below it too.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Lang } from "../domain/kinds/props.ts";
import { ioLine } from "../io/errors/format.ts";
import type { ImportError, ImportSource } from "../io/import/source.ts";
import { importK8s } from "../io/k8s.ts";
import { importEcs } from "../io/ecs.ts";
import { writeDocument } from "../io/write.ts";
import { readInput } from "./read-file.ts";
import type { Io } from "./validate.ts";

const WORDS = {
  notImported: {
    k8s: {
      en: "could not be imported as Kubernetes manifests",
      ko: "쿠버네티스 매니페스트로 가져올 수 없습니다",
    },
    ecs: { en: "could not be imported as ECS task definitions", ko: "ECS 태스크 정의로 가져올 수 없습니다" },
  },
  warning: { en: "warning", ko: "경고" },
  noFiles: {
    en: (dir: string) => `${dir}: no .yaml, .yml or .json file in this folder`,
    ko: (dir: string) => `${dir}: 이 폴더에 .yaml, .yml, .json 파일이 없습니다`,
  },
} as const;

const MANIFEST = /\.(ya?ml|json)$/i;

/** The files of a folder that hold manifests, in name order, below it too (at most 10,000). */
async function manifestsIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      if (out.length >= 10_000) return;
      const p = path.join(d, e.name);
      if (e.isDirectory() && depth < 16) await walk(p, depth + 1);
      else if (e.isFile() && MANIFEST.test(e.name)) out.push(p);
    }
  };
  await walk(dir, 0);
  return out;
}

export const IMPORT_USAGE = `  stackdraw import k8s [--lang en|ko] FILE|FOLDER... > cluster.stackdraw.json
  stackdraw import ecs [--lang en|ko] FILE... > tasks.stackdraw.json`;

export async function importFormatCommand(
  format: "k8s" | "ecs",
  args: string[],
  io: Io,
  usage: string,
): Promise<number> {
  let lang: Lang = "en";
  const given: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--lang" || a.startsWith("--lang=")) {
      const v = a === "--lang" ? args[++i] : a.slice("--lang=".length);
      if (v !== "en" && v !== "ko") {
        io.stderr(
          `stackdraw import ${format}: --lang takes "en" or "ko", not ${v === undefined ? "nothing" : JSON.stringify(v)}\n`,
        );
        return 2;
      }
      lang = v;
    } else if (a === "--") {
      given.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith("-") && a !== "-") {
      io.stderr(`stackdraw import ${format}: unknown option ${a}\n\n${usage}`);
      return 2;
    } else given.push(a);
  }
  if (given.length === 0) {
    io.stderr(`stackdraw import ${format}: no FILE given\n\n${usage}`);
    return 2;
  }
  const files: string[] = [];
  for (const g of given) {
    const st = await stat(g).catch(() => undefined);
    if (format === "k8s" && st?.isDirectory()) {
      const inside = await manifestsIn(g);
      if (inside.length === 0) {
        io.stderr(`${WORDS.noFiles[lang](g)}\n`);
        return 2;
      }
      files.push(...inside);
    } else files.push(g);
  }
  const sources: ImportSource[] = [];
  for (const file of files) {
    const input = await readInput(file, "document");
    if (!input.ok) {
      const e: ImportError =
        input.error.code === "tooLarge" || input.error.code === "composeTooLarge"
          ? { path: "$", code: "importTooLarge", params: { format } }
          : input.error;
      io.stderr(`${ioLine(e, lang, { file })}\n`);
      return 2;
    }
    sources.push({ name: file, data: input.bytes });
  }
  const result = format === "k8s" ? importK8s(sources, { lang }) : importEcs(sources, { lang });
  const fileOf = (e: ImportError) => e.file ?? (files.length === 1 ? files[0]! : undefined);
  if (!result.ok) {
    const first = fileOf(result.errors[0]!) ?? files[0]!;
    const unreadable = result.errors.find((e) => e.code === "cannotRead");
    if (unreadable) io.stderr(`${ioLine(unreadable, lang, { file: fileOf(unreadable) ?? first })}\n`);
    else
      io.stderr(
        `${first}: ${WORDS.notImported[format][lang]}\n${result.errors
          .map((e) => `  ${ioLine(e, lang, { file: fileOf(e) ?? first })}`)
          .join("\n")}\n`,
      );
    return 2;
  }
  for (const w of result.warnings) {
    const file = fileOf(w);
    io.stderr(
      `${ioLine(w, lang, { ...(file !== undefined ? { file } : {}), label: WORDS.warning[lang] })}\n`,
    );
  }
  io.stdout(writeDocument(result.document));
  return 0;
}
