/**
 * The one formatter of reader and importer errors, for the CLI (text and JSON), the editor's
 * file-error dialog and anything else that shows them. Messages come from the table in
 * ./messages.ts; the place (path, line:column) is shown beside them, never inside.
 *
 * The editor loads this module on demand (with the Compose importer, or when a document is
 * refused): the table is not part of the first paint.
 */
import type { Lang, Localized } from "../../domain/kinds/props.ts";
import { MESSAGES } from "./messages.ts";
import type { IoError } from "./types.ts";

/** What is wrong, in `lang`, without the place. */
export function ioMessage(e: IoError, lang: Lang): string {
  return (MESSAGES[e.code][lang] as (p: IoError["params"]) => string)(e.params);
}

/** What is wrong in both languages, for a UI that switches language without reading again. */
export function ioMessages(e: IoError): Localized {
  return { en: ioMessage(e, "en"), ko: ioMessage(e, "ko") };
}

/** `line:column`, when the error has a line (YAML and compose errors); else undefined. */
export function ioLineColumn(e: IoError): string | undefined {
  return e.line !== undefined ? `${e.line}:${e.column ?? 1}` : undefined;
}

/**
 * Where, as the editor's dialog shows it beside the message: `3:7 services.web.ports[0]`, `3:7`
 * (a YAML error of the whole file), or the path alone (`nodes[3].kind`, `$`).
 */
export function ioWhere(e: IoError): string {
  const at = ioLineColumn(e);
  if (at === undefined) return e.path;
  return e.path && e.path !== "$" ? `${at} ${e.path}` : at;
}

export interface IoLineOptions {
  /** The file, put first as compilers do: `app.yml:3:7: …`. */
  file?: string;
  /** A word after the place, already in the output's language, such as "warning". */
  label?: string;
}

/**
 * One error as a line of text, as the CLI prints it: `nodes[3].kind: message`, `$: message`, or
 * with a file `app.yml:3:7: services.web.ports[0]: message`. The path `$` (the whole file) is left
 * out when a file or a line:column already says where.
 */
export function ioLine(e: IoError, lang: Lang, opts: IoLineOptions = {}): string {
  const place = [opts.file, ioLineColumn(e)].filter((s) => s !== undefined).join(":");
  const parts = [place];
  if (opts.label !== undefined) parts.push(opts.label);
  if (e.path !== "$" || place === "") parts.push(e.path);
  parts.push(ioMessage(e, lang));
  return parts.filter((s) => s !== "").join(": ");
}
