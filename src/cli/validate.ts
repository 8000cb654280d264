/**
 * `stackdraw validate` (docs/cli.md): reads each file, checks it against the rules, optionally
 * applies the quick fixes (`--fix` writes the files back as Save writes them, `--fix-dry-run` prints
 * the fixed document of one file), and reports in one of four formats (./formats/).
 */
import { writeFile } from "node:fs/promises";
import { readInput } from "./read-file.ts";
import type { StackDocument } from "../domain/document.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { fixAll, validate } from "../domain/rules/index.ts";
import { ioLine } from "../io/errors/format.ts";
import { readDocument } from "../io/read.ts";
import { writeDocument } from "../io/write.ts";
import { formatDocumentErrors } from "./errors.ts";
import { formatJson } from "./formats/json.ts";
import { formatJunit } from "./formats/junit.ts";
import { formatSarif } from "./formats/sarif.ts";
import { formatText } from "./formats/text.ts";
import { exitStatus, reportProblems, type AppliedFix, type FileOutcome } from "./outcome.ts";
import { stackdrawVersion } from "./version.ts";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stdout is a terminal that may be coloured (text output dims suppressed problems). */
  color?: boolean;
}

export const FORMATS = ["text", "json", "sarif", "junit"] as const;
export type Format = (typeof FORMATS)[number];

export interface ValidateOptions {
  format: Format;
  lang: Lang;
  strict: boolean;
  fix: "none" | "write" | "dry-run";
  showSuppressed: boolean;
  files: string[];
}

/** The value of `--name VALUE` or `--name=VALUE` at args[i]; `next` tells how far it read. */
function optionValue(
  args: string[],
  i: number,
  name: string,
): { value: string | undefined; next: number } | null {
  const a = args[i]!;
  if (a === name) return { value: args[i + 1], next: i + 1 };
  if (a.startsWith(`${name}=`)) return { value: a.slice(name.length + 1), next: i };
  return null;
}

const shown = (v: string | undefined) => (v === undefined ? "nothing" : JSON.stringify(v));

export function parseValidateArgs(args: string[]): ValidateOptions | string {
  const opts: ValidateOptions = {
    format: "text",
    lang: "en",
    strict: false,
    fix: "none",
    showSuppressed: false,
    files: [],
  };
  let format: Format | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const lang = optionValue(args, i, "--lang");
    const fmt = optionValue(args, i, "--format");
    if (a === "--json") json = true;
    else if (a === "--strict") opts.strict = true;
    else if (a === "--show-suppressed") opts.showSuppressed = true;
    else if (a === "--fix" || a === "--fix-dry-run") {
      const mode = a === "--fix" ? "write" : "dry-run";
      if (opts.fix !== "none" && opts.fix !== mode) return "--fix and --fix-dry-run cannot be used together";
      opts.fix = mode;
    } else if (lang) {
      if (lang.value !== "en" && lang.value !== "ko")
        return `--lang takes "en" or "ko", not ${shown(lang.value)}`;
      opts.lang = lang.value;
      i = lang.next;
    } else if (fmt) {
      if (!(FORMATS as readonly (string | undefined)[]).includes(fmt.value))
        return `--format takes ${FORMATS.join(", ")}, not ${shown(fmt.value)}`;
      if (format !== undefined && format !== fmt.value)
        return "--format is given twice, with different values";
      format = fmt.value as Format;
      i = fmt.next;
    } else if (a === "--") {
      opts.files.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith("-") && a !== "-") return `unknown option ${a}`;
    else opts.files.push(a);
  }
  if (json && format !== undefined && format !== "json") return `--json and --format ${format} disagree`;
  opts.format = json ? "json" : (format ?? "text");
  if (opts.files.length === 0) return "no FILE given";
  if (opts.fix === "dry-run") {
    if (opts.files.length !== 1) return "--fix-dry-run takes exactly one FILE";
    if (json || format !== undefined)
      return "--fix-dry-run prints the fixed document, so it takes no --format or --json";
  }
  return opts;
}

/** Reads, fixes (when asked) and checks one file. `wrote` is false when a fixed file could not be written. */
async function checkFile(
  file: string,
  opts: ValidateOptions,
  io: Io,
): Promise<{ outcome: FileOutcome; fixedText?: string; writeFailed?: boolean }> {
  const input = await readInput(file);
  if (!input.ok) {
    const error = input.error;
    io.stderr(`${ioLine(error, opts.lang, { file })}\n`);
    return { outcome: { kind: "invalid", file, errors: [error] } };
  }
  const bytes = input.bytes;
  const text = new TextDecoder("utf-8").decode(bytes);
  const read = readDocument(bytes);
  if (!read.ok) {
    io.stderr(formatDocumentErrors(file, read.errors, opts.lang));
    return { outcome: { kind: "invalid", file, errors: read.errors, text } };
  }
  let doc: StackDocument = read.document;
  let checkedText = text;
  let fixed: AppliedFix[] | undefined;
  let fixedText: string | undefined;
  let writeFailed = false;
  if (opts.fix !== "none") {
    const result = fixAll(doc);
    fixedText = writeDocument(result.doc);
    if (opts.fix === "dry-run" || result.applied.length === 0) {
      doc = result.doc;
      fixed = result.applied.map((f) => ({ rule: f.rule, fixId: f.fixId, nodeId: f.nodeId }));
    } else {
      try {
        await writeFile(file, fixedText);
        doc = result.doc;
        checkedText = fixedText;
        fixed = result.applied.map((f) => ({ rule: f.rule, fixId: f.fixId, nodeId: f.nodeId }));
      } catch (e) {
        const code =
          e instanceof Error && "code" in e ? String((e as NodeJS.ErrnoException).code) : String(e);
        io.stderr(`${file}: cannot write the file (${code}); it is left as it was\n`);
        writeFailed = true;
      }
    }
  }
  const { problems, suppressed } = reportProblems(validate(doc), doc, opts.lang);
  return {
    outcome: {
      kind: "document",
      file,
      doc,
      text: checkedText,
      problems,
      suppressed,
      ...(fixed ? { fixed } : {}),
    },
    ...(fixedText !== undefined ? { fixedText } : {}),
    writeFailed,
  };
}

export async function validateCommand(args: string[], io: Io, usage: string): Promise<number> {
  const opts = parseValidateArgs(args);
  if (typeof opts === "string") {
    io.stderr(`stackdraw validate: ${opts}\n\n${usage}`);
    return 2;
  }
  const outcomes: FileOutcome[] = [];
  let writeFailed = false;
  let fixedText: string | undefined;
  for (const file of opts.files) {
    const r = await checkFile(file, opts, io);
    outcomes.push(r.outcome);
    writeFailed ||= r.writeFailed === true;
    fixedText = r.fixedText;
  }
  const status = writeFailed ? 2 : exitStatus(outcomes, opts.strict);

  if (opts.fix === "dry-run") {
    // The fixed document alone on stdout; what is left after the fixes goes to stderr.
    if (fixedText === undefined) return status;
    io.stdout(fixedText);
    io.stderr(formatText(outcomes, { lang: opts.lang, showSuppressed: opts.showSuppressed, color: false }));
    return status;
  }
  switch (opts.format) {
    case "json":
      io.stdout(formatJson(outcomes, opts.lang));
      break;
    case "sarif":
      io.stdout(formatSarif(outcomes, { lang: opts.lang, version: stackdrawVersion() }));
      break;
    case "junit":
      io.stdout(formatJunit(outcomes, { lang: opts.lang, strict: opts.strict }));
      break;
    case "text":
      io.stdout(
        formatText(outcomes, {
          lang: opts.lang,
          showSuppressed: opts.showSuppressed,
          color: io.color === true,
        }),
      );
      break;
  }
  return status;
}
