/**
 * The command line (docs/cli.md). Pure over its inputs: it gets argv and two writers and
 * returns the exit status, so tests run it in-process without spawning.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { LIMITS } from "../domain/limits.ts";
import { readInput } from "./read-file.ts";
import { parseDotEnv } from "../io/compose/interpolate.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { importCompose, importComposeFiles } from "../io/compose.ts";
import { ioLine } from "../io/errors/format.ts";
import { writeDocument } from "../io/write.ts";
import { TEXT } from "./errors.ts";
import { IMPORT_USAGE, importFormatCommand } from "./import-command.ts";
import { renderCommand } from "./render.ts";
import { templateCommand, templatesCommand } from "./templates.ts";
import { validateCommand, type Io } from "./validate.ts";

export type { Io } from "./validate.ts";

export const EXIT = { ok: 0, problems: 1, invalid: 2 } as const;

const USAGE = `Usage:
  stackdraw validate [--format text|json|sarif|junit] [--json] [--lang en|ko] [--strict]
                     [--fix | --fix-dry-run] [--show-suppressed] FILE...
  stackdraw import compose [--lang en|ko] [--profile NAME]... [--env-file FILE] [-f FILE]... [FILE...] > app.stackdraw.json
${IMPORT_USAGE}
  stackdraw render FILE -o OUT.svg|OUT.png [--theme light|dark] [--lang en|ko] [--scale N]
  stackdraw templates [--lang en|ko]
  stackdraw template ID [--lang en|ko] > x.stackdraw.json

validate: checks Stackdraw documents (.stackdraw.json) against the stack rules.
  --format text (default), json (= --json), sarif (SARIF 2.1.0, one log) or junit (JUnit XML).
  --fix applies the quick fixes and writes each file back; --fix-dry-run prints the fixed document of one FILE.
  --show-suppressed lists suppressed problems in text output (they never count).
  Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 a file could not be read or is not a valid document.
import compose: turns a Docker Compose file into a laid-out Stackdraw document on stdout.
  Variables (\${VAR:-default}…) come from the .env beside FILE (or --env-file FILE) and the environment.
  --profile NAME activates a profile (repeatable; "*" every one): as docker compose up, services with profiles are drawn only when one is active.
import k8s: the same for Kubernetes manifests (multi-document YAML, Lists, Helm output, JSON; a FOLDER is read whole).
import ecs: the same for ECS task definitions (registered JSON, describe-task-definition output, CloudFormation).
  Exit status: 0 imported (what was not drawn as warnings on stderr), 2 a file could not be read or imported (line:column on stderr).
render: draws a document to SVG or PNG (format from OUT's extension), laid out where it has no positions.
  --theme light|dark (default light), --lang en|ko (kind names; default en), --scale N: PNG density (default 2).
  Exit status: 0 written, 2 bad arguments, or the file could not be read, is not a valid document, or could not be drawn or written.
templates: lists the built-in templates (id and title). template ID: prints one, laid out, as the gallery opens it.
  Exit status: 0 printed, 2 an unknown ID or bad arguments.
`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "validate":
      return validateCommand(rest, io, USAGE);
    case "import":
      return importCommand(rest, io);
    case "render":
      return renderCommand(rest, io, USAGE);
    case "templates":
      return templatesCommand(rest, io, USAGE);
    case "template":
      return templateCommand(rest, io, USAGE);
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

/** `import compose [--lang en|ko] FILE`: the document JSON on stdout, or errors as FILE:LINE:COLUMN on stderr. */
async function importCommand(args: string[], io: Io): Promise<number> {
  const [format, ...rest] = args;
  if (format === "k8s" || format === "ecs") return importFormatCommand(format, rest, io, USAGE);
  if (format !== "compose") {
    io.stderr(
      `stackdraw import: ${format ? `unknown format "${format}"; known: compose, k8s, ecs` : "no format given; known: compose, k8s, ecs"}\n\n${USAGE}`,
    );
    return EXIT.invalid;
  }
  let lang: Lang = "en";
  const files: string[] = [];
  const profiles: string[] = [];
  let envFile: string | undefined;
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
    } else if (a === "--env-file" || a.startsWith("--env-file=")) {
      envFile = a === "--env-file" ? rest[++i] : a.slice("--env-file=".length);
      if (envFile === undefined || envFile === "") {
        io.stderr(`stackdraw import compose: --env-file takes a FILE\n`);
        return EXIT.invalid;
      }
    } else if (a === "--profile" || a.startsWith("--profile=")) {
      const v = a === "--profile" ? rest[++i] : a.slice("--profile=".length);
      if (v === undefined || v === "" || v.startsWith("-")) {
        io.stderr(`stackdraw import compose: --profile takes a profile name (or "*")\n`);
        return EXIT.invalid;
      }
      profiles.push(v);
    } else if (a === "-f" || a === "--file") {
      const v = rest[++i];
      if (v === undefined) {
        io.stderr(`stackdraw import compose: ${a} takes a FILE\n`);
        return EXIT.invalid;
      }
      files.push(v);
    } else if (a === "--") {
      files.push(...rest.slice(i + 1));
      break;
    } else if (a.startsWith("-") && a !== "-") {
      io.stderr(`stackdraw import compose: unknown option ${a}\n\n${USAGE}`);
      return EXIT.invalid;
    } else files.push(a);
  }
  if (files.length === 0) {
    io.stderr(`stackdraw import compose: no FILE given\n\n${USAGE}`);
    return EXIT.invalid;
  }
  const file = files[0]!;
  const sources: { name: string; data: Uint8Array }[] = [];
  for (const f of files) {
    const input = await readInput(f, "compose");
    if (!input.ok) {
      io.stderr(`${ioLine(input.error, lang, { file: f })}\n`);
      return EXIT.invalid;
    }
    sources.push({ name: f, data: input.bytes });
  }
  const bytes = sources[0]!.data;
  // Variables: the .env beside the file (or --env-file), then the environment, which wins.
  const dotEnv = envFile ?? join(dirname(file), ".env");
  const envText = await readInput(dotEnv, "document");
  if (!envText.ok && envFile !== undefined) {
    io.stderr(`${ioLine(envText.error, lang, { file: envFile })}\n`);
    return EXIT.invalid;
  }
  const variables = new Map(envText.ok ? parseDotEnv(new TextDecoder().decode(envText.bytes)) : []);
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) variables.set(k, v);
  // include: files relative to this one's folder, read within the size limit (regular files only).
  const base = dirname(file);
  const include = (p: string): Uint8Array | undefined => {
    try {
      const full = isAbsolute(p) ? p : join(base, p);
      if (!statSync(full).isFile() || statSync(full).size > LIMITS.bytes) return undefined;
      return readFileSync(full);
    } catch {
      return undefined;
    }
  };
  const options = { profiles, variables, include, lang };
  // Several files (-f a -f b): merged as docker compose merges them; a refusal names its file.
  const result = sources.length === 1 ? importCompose(bytes, options) : importComposeFiles(sources, options);
  if (!result.ok) {
    const at: string = "file" in result && typeof result.file === "string" ? result.file : file;
    // Bytes that are not text could not be read at all, like a file the system refused.
    const unreadable = result.errors.find((e) => e.code === "cannotRead");
    if (unreadable) io.stderr(`${ioLine(unreadable, lang, { file: at })}\n`);
    else
      io.stderr(
        `${at}: ${TEXT.notImported[lang]}\n${result.errors.map((e) => `  ${ioLine(e, lang, { file: at })}`).join("\n")}\n`,
      );
    return EXIT.invalid;
  }
  for (const w of result.warnings)
    io.stderr(
      `${ioLine(w, lang, { ...(sources.length === 1 ? { file } : {}), label: TEXT.warning[lang] })}\n`,
    );
  io.stdout(writeDocument(result.document));
  return EXIT.ok;
}
