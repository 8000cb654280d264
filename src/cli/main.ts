/**
 * The command line (docs/cli.md). Pure over its inputs: it gets argv and two writers and
 * returns the exit status, so tests run it in-process without spawning.
 */
import { readFile } from "node:fs/promises";
import { readDocument } from "../io/read.ts";
import { problemMessage, validate, type Problem } from "../domain/rules/index.ts";
import type { Lang } from "../domain/kinds/props.ts";
import type { StackDocument } from "../domain/document.ts";
import { importCompose } from "../io/compose.ts";
import { ioLine, ioMessage } from "../io/errors/format.ts";
import type { IoError } from "../io/errors/types.ts";
import { writeDocument } from "../io/write.ts";
import { cannotRead, formatDocumentErrors, TEXT } from "./errors.ts";
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

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "validate":
      return validateCommand(rest, io);
    case "import":
      return importCommand(rest, io);
    case "render":
      return renderCommand(rest, io, USAGE);
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
  const reports: FileReport[] = [];
  let status: number = EXIT.ok;
  let errors = 0;
  let warnings = 0;

  for (const file of opts.files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (e) {
      const error = cannotRead(e);
      io.stderr(`${ioLine(error, opts.lang, { file })}\n`);
      reports.push({ file, ok: false, documentErrors: [jsonError(error, opts.lang)] });
      status = EXIT.invalid;
      continue;
    }
    const read = readDocument(bytes);
    if (!read.ok) {
      status = EXIT.invalid;
      io.stderr(formatDocumentErrors(file, read.errors, opts.lang));
      reports.push({ file, ok: false, documentErrors: read.errors.map((e) => jsonError(e, opts.lang)) });
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
  else io.stdout(TEXT.summary[opts.lang](errors, warnings) + "\n");
  return status;
}

/** A document error in the `--json` output: its path and its message (a public shape, docs/cli.md). */
function jsonError(e: IoError, lang: Lang): { path: string; message: string } {
  return { path: e.path, message: ioMessage(e, lang) };
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
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    io.stderr(`${ioLine(cannotRead(e), lang, { file })}\n`);
    return EXIT.invalid;
  }
  const result = importCompose(bytes);
  if (!result.ok) {
    // Bytes that are not text could not be read at all, like a file the system refused.
    const unreadable = result.errors.find((e) => e.code === "cannotRead");
    if (unreadable) io.stderr(`${ioLine(unreadable, lang, { file })}\n`);
    else
      io.stderr(
        `${file}: ${TEXT.notImported[lang]}\n${result.errors.map((e) => `  ${ioLine(e, lang, { file })}`).join("\n")}\n`,
      );
    return EXIT.invalid;
  }
  for (const w of result.warnings) io.stderr(`${ioLine(w, lang, { file, label: TEXT.warning[lang] })}\n`);
  io.stdout(writeDocument(result.document));
  return EXIT.ok;
}
