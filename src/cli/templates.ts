/**
 * `stackdraw templates` and `stackdraw template ID` (docs/cli.md): the built-in templates of the
 * gallery (docs/templates.md), listed, or one printed as the document the gallery opens — built in
 * the `--lang` language and laid out by the same completeGeometry as the editor's open — in the
 * writer's format, so it opens, validates and renders as it is.
 */
import { completeGeometry } from "../domain/geometry.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { writeDocument } from "../io/write.ts";
import { TEMPLATES, templateById } from "../templates/index.ts";
import { TEXT } from "./errors.ts";
import type { Io } from "./validate.ts";

/** Parses `[--lang en|ko]` and positional arguments; a string is the usage error. */
function parse(args: string[]): { lang: Lang; rest: string[] } | string {
  let lang: Lang = "en";
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--lang" || a.startsWith("--lang=")) {
      const v = a === "--lang" ? args[++i] : a.slice("--lang=".length);
      if (v !== "en" && v !== "ko")
        return `--lang takes "en" or "ko", not ${v === undefined ? "nothing" : JSON.stringify(v)}`;
      lang = v;
    } else if (a === "--") {
      rest.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith("-") && a !== "-") return `unknown option ${a}`;
    else rest.push(a);
  }
  return { lang, rest };
}

/** `templates [--lang en|ko]`: one line per template, its id, then its title, in the gallery's order. */
export function templatesCommand(args: string[], io: Io, usage: string): number {
  const p = parse(args);
  if (typeof p === "string" || p.rest.length > 0) {
    io.stderr(`stackdraw templates: ${typeof p === "string" ? p : "takes no arguments"}\n\n${usage}`);
    return 2;
  }
  const width = Math.max(...TEMPLATES.map((t) => t.id.length)) + 2;
  io.stdout(TEMPLATES.map((t) => `${t.id.padEnd(width)}${t.name[p.lang]}\n`).join(""));
  return 0;
}

/** `template ID [--lang en|ko]`: the template's document, laid out, on stdout. */
export function templateCommand(args: string[], io: Io, usage: string): number {
  const p = parse(args);
  if (typeof p === "string" || p.rest.length !== 1) {
    const why =
      typeof p === "string" ? p : p.rest.length === 0 ? "no template ID given" : "give exactly one ID";
    io.stderr(`stackdraw template: ${why}\n\n${usage}`);
    return 2;
  }
  const id = p.rest[0]!;
  const tpl = templateById(id);
  if (!tpl) {
    io.stderr(
      `stackdraw template: ${TEXT.unknownTemplate[p.lang](id, TEMPLATES.map((t) => t.id).join(", "))}\n`,
    );
    return 2;
  }
  io.stdout(writeDocument(completeGeometry(tpl.build(p.lang))));
  return 0;
}
