/**
 * The command line (docs/cli.md). Pure over its inputs: it gets argv and two writers and
 * returns the exit status, so tests run it in-process without spawning.
 */
import { readFile } from "node:fs/promises";
import { readDocument, type DocumentError } from "../io/read.ts";
import { problemMessage, validate, type Problem } from "../domain/rules/index.ts";
import type { Lang } from "../domain/kinds/props.ts";
import type { StackDocument } from "../domain/document.ts";
import { importCompose } from "../io/compose.ts";
import { writeDocument } from "../io/write.ts";
import { renderCommand } from "./render.ts";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const EXIT = { ok: 0, problems: 1, invalid: 2 } as const;

const USAGE = `Usage:
  stackdraw validate [--json] [--lang en|ko] [--strict] FILE...
  stackdraw import compose [--lang en|ko] FILE > app.stackdraw.json
  stackdraw render FILE -o OUT.svg|OUT.png [--theme light|dark] [--lang en|ko] [--scale N]

validate: checks Stackdraw documents (.stackdraw.json) against the stack rules.
  Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 a file could not be read or is not a valid document.
import compose: turns a Docker Compose file into a laid-out Stackdraw document on stdout.
  Exit status: 0 imported (warnings on stderr), 2 the file could not be read or imported (line:column on stderr).
render: draws a document to SVG or PNG (format from OUT's extension), laid out where it has no positions.
  --theme light|dark (default light), --lang en|ko (kind names; default en), --scale N: PNG density (default 2).
  Exit status: 0 written, 2 bad arguments, or the file could not be read, is not a valid document, or could not be drawn or written.
`;

/** How many document errors are printed per invalid file. */
const MAX_DOC_ERRORS = 10;

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "validate":
      return validateCommand(rest, io);
    case "import":
      return importCommand(rest, io);
    case "render":
      return renderCommand(rest, io, USAGE, formatDocumentErrors);
    case "help":
    case "--help":
    case "-h":
      io.stdout(USAGE);
      return EXIT.ok;
    default:
      io.stderr(command ? `stackdraw: unknown command "${command}"\n\n${USAGE}` : USAGE);
      return EXIT.invalid;
  }
}

interface ValidateOptions {
  json: boolean;
  lang: Lang;
  strict: boolean;
  files: string[];
}

function parseValidateArgs(args: string[]): ValidateOptions | string {
  const opts: ValidateOptions = { json: false, lang: "en", strict: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--json") opts.json = true;
    else if (a === "--strict") opts.strict = true;
    else if (a === "--lang" || a.startsWith("--lang=")) {
      const v = a === "--lang" ? args[++i] : a.slice("--lang=".length);
      if (v !== "en" && v !== "ko")
        return `--lang takes "en" or "ko", not ${v === undefined ? "nothing" : JSON.stringify(v)}`;
      opts.lang = v;
    } else if (a === "--") {
      opts.files.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith("-") && a !== "-") return `unknown option ${a}`;
    else opts.files.push(a);
  }
  if (opts.files.length === 0) return "no FILE given";
  return opts;
}

/** One file's outcome, in the shape of the `--json` output. */
type FileReport =
  | { file: string; ok: boolean; problems: JsonProblem[] }
  | { file: string; ok: false; documentErrors: { path: string; message: string }[] };

interface JsonProblem {
  rule: string;
  severity: string;
  nodeIds: string[];
  edgeId?: string;
  message: string;
}

async function validateCommand(args: string[], io: Io): Promise<number> {
  const opts = parseValidateArgs(args);
  if (typeof opts === "string") {
    io.stderr(`stackdraw validate: ${opts}\n\n${USAGE}`);
    return EXIT.invalid;
  }
  const t = TEXT[opts.lang];
  const reports: FileReport[] = [];
  let status: number = EXIT.ok;
  let errors = 0;
  let warnings = 0;

  for (const file of opts.files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (e) {
      const reason =
        e instanceof Error && "code" in e ? String((e as NodeJS.ErrnoException).code) : String(e);
      const message = t.cannotRead(reason);
      io.stderr(`${file}: ${message}\n`);
      reports.push({ file, ok: false, documentErrors: [{ path: "$", message }] });
      status = EXIT.invalid;
      continue;
    }
    const read = readDocument(bytes);
    if (!read.ok) {
      status = EXIT.invalid;
      io.stderr(formatDocumentErrors(file, read.errors, opts.lang));
      reports.push({
        file,
        ok: false,
        documentErrors: read.errors.map((e) => ({ path: e.path, message: e.message[opts.lang] })),
      });
      continue;
    }
    const problems = validate(read.document);
    const fileErrors = problems.filter((p) => p.severity === "error").length;
    const fileWarnings = problems.length - fileErrors;
    errors += fileErrors;
    warnings += fileWarnings;
    if (status !== EXIT.invalid && (fileErrors > 0 || (opts.strict && fileWarnings > 0)))
      status = EXIT.problems;
    reports.push({
      file,
      ok: fileErrors === 0,
      problems: problems.map((p) => toJson(p, read.document, opts.lang)),
    });
    if (!opts.json)
      for (const p of problems)
        io.stdout(
          `${file}: ${p.severity} ${p.rule} [${p.nodeIds[0] ?? p.edgeId ?? ""}] ${problemMessage(p, opts.lang, read.document)}\n`,
        );
  }

  if (opts.json) io.stdout(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + "\n");
  else io.stdout(t.summary(errors, warnings) + "\n");
  return status;
}

function toJson(p: Problem, doc: StackDocument, lang: Lang): JsonProblem {
  return {
    rule: p.rule,
    severity: p.severity,
    nodeIds: p.nodeIds,
    ...(p.edgeId !== undefined ? { edgeId: p.edgeId } : {}),
    message: problemMessage(p, lang, doc),
  };
}

export function formatDocumentErrors(file: string, errs: readonly DocumentError[], lang: Lang): string {
  const shown = errs.slice(0, MAX_DOC_ERRORS);
  const lines = shown.map((e) => `  ${e.path}: ${e.message[lang]}`);
  if (errs.length > shown.length) lines.push(`  ${TEXT[lang].more(errs.length - shown.length)}`);
  return `${file}: ${TEXT[lang].invalid}\n${lines.join("\n")}\n`;
}

const TEXT = {
  en: {
    invalid: "not a valid Stackdraw document",
    notImported: "could not be imported as a Docker Compose file",
    cannotRead: (reason: string) => `cannot read the file (${reason})`,
    more: (n: number) => `…and ${n} more`,
    summary: (e: number, w: number) => `${e} errors, ${w} warnings`,
  },
  ko: {
    invalid: "올바른 Stackdraw 문서가 아닙니다",
    notImported: "Docker Compose 파일로 가져올 수 없습니다",
    cannotRead: (reason: string) => `파일을 읽을 수 없습니다 (${reason})`,
    more: (n: number) => `…그 밖에 ${n}개`,
    summary: (e: number, w: number) => `오류 ${e}개, 경고 ${w}개`,
  },
} satisfies Record<Lang, unknown>;

/** `import compose [--lang en|ko] FILE`: the document JSON on stdout, or errors as FILE:LINE:COLUMN on stderr. */
async function importCommand(args: string[], io: Io): Promise<number> {
  const [format, ...rest] = args;
  if (format !== "compose") {
    io.stderr(
      `stackdraw import: ${format ? `unknown format "${format}"; known: compose` : "no format given; known: compose"}\n\n${USAGE}`,
    );
    return EXIT.invalid;
  }
  let lang: Lang = "en";
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === "--lang" || a.startsWith("--lang=")) {
      const v = a === "--lang" ? rest[++i] : a.slice("--lang=".length);
      if (v !== "en" && v !== "ko") {
        io.stderr(
          `stackdraw import compose: --lang takes "en" or "ko", not ${v === undefined ? "nothing" : JSON.stringify(v)}\n`,
        );
        return EXIT.invalid;
      }
      lang = v;
    } else if (a === "--") {
      files.push(...rest.slice(i + 1));
      break;
    } else if (a.startsWith("-") && a !== "-") {
      io.stderr(`stackdraw import compose: unknown option ${a}\n\n${USAGE}`);
      return EXIT.invalid;
    } else files.push(a);
  }
  if (files.length !== 1) {
    io.stderr(
      `stackdraw import compose: ${files.length === 0 ? "no FILE given" : "give exactly one FILE"}\n\n${USAGE}`,
    );
    return EXIT.invalid;
  }
  const file = files[0]!;
  let text: string;
  try {
    const bytes = await readFile(file);
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (e) {
    const reason =
      e instanceof Error && "code" in e
        ? String((e as NodeJS.ErrnoException).code)
        : e instanceof TypeError
          ? "not UTF-8 text"
          : String(e);
    io.stderr(`${file}: ${TEXT[lang].cannotRead(reason)}\n`);
    return EXIT.invalid;
  }
  const result = importCompose(text);
  const located = (e: { line?: number; column?: number }) =>
    e.line !== undefined ? `${file}:${e.line}:${e.column ?? 1}` : file;
  const describe = (e: { path: string; message: { en: string; ko: string } }) =>
    `${e.path !== "$" ? `${e.path}: ` : ""}${e.message[lang]}`;
  if (!result.ok) {
    io.stderr(
      `${file}: ${TEXT[lang].notImported}\n${result.errors.map((e) => `  ${located(e)}: ${describe(e)}`).join("\n")}\n`,
    );
    return EXIT.invalid;
  }
  for (const w of result.warnings) io.stderr(`${located(w)}: warning: ${describe(w)}\n`);
  io.stdout(writeDocument(result.document));
  return EXIT.ok;
}
