/**
 * `validate --format sarif` (docs/cli.md): one SARIF 2.1.0 log for all files, one run. The driver
 * is "stackdraw" with its version and every rule of the catalog (plus `document/invalid`); each
 * problem is a result at its first node's object in the file (region start line:column, UTF-16
 * columns) with a logical location naming that node; suppressed problems carry an `inSource`
 * suppression with the node's reason; a file that is not a valid document gives one
 * `document/invalid` result per error, at the error's position. GitHub code scanning shows these
 * inline on a pull request.
 */
import { pathToFileURL } from "node:url";
import type { Lang } from "../../domain/kinds/props.ts";
import { RULE_IDS, RULES, type Severity } from "../../domain/rules/index.ts";
import { ioMessage } from "../../io/errors/format.ts";
import type { IoError, TextPosition } from "../../io/errors/types.ts";
import { TEXT } from "../errors.ts";
import { locateNodes, locatePaths } from "../locate.ts";
import type { FileOutcome, Reported } from "../outcome.ts";
import { subjectOf } from "./text.ts";

/** The rule id of a result for a file that is not a valid document. */
export const DOCUMENT_INVALID = "document/invalid";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

const LEVEL: Record<Severity, "error" | "warning"> = { error: "error", warning: "warning" };

/** The file as a URI reference, as given: relative stays relative, each segment percent-encoded. */
export function artifactUri(file: string): string {
  const wellFormed = file.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd",
  );
  if (process.platform === "win32" && /^[A-Za-z]:[\\/]/.test(wellFormed))
    return pathToFileURL(wellFormed).href;
  const sep = process.platform === "win32" ? /[\\/]/ : /\//;
  return wellFormed.split(sep).map(encodeURIComponent).join("/");
}

interface RuleDescriptor {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  defaultConfiguration: { level: "error" | "warning" };
}

/** Every rule the results may name, in the catalog's order, `document/invalid` last. */
export function ruleDescriptors(lang: Lang): RuleDescriptor[] {
  const rules: RuleDescriptor[] = RULE_IDS.map((id) => {
    const def = RULES[id];
    return {
      id,
      shortDescription: { text: def.title[lang] },
      fullDescription: { text: TEXT.ruleDescription[lang](def.title[lang], def.section[lang]) },
      defaultConfiguration: { level: LEVEL[def.severity] },
    };
  });
  rules.push({
    id: DOCUMENT_INVALID,
    shortDescription: { text: TEXT.invalidRule[lang] },
    fullDescription: { text: TEXT.invalidRuleFull[lang] },
    defaultConfiguration: { level: "error" },
  });
  return rules;
}

type Region = { startLine: number; startColumn: number };
const region = (p: TextPosition): Region => ({ startLine: p.line, startColumn: p.column });

/** The line:column a document error carries itself (a syntax error, a YAML error), if any. */
function ownPosition(e: IoError): TextPosition | undefined {
  if (e.line !== undefined) return { line: e.line, column: e.column ?? 1 };
  const params = e.params as Partial<TextPosition>;
  if (typeof params.line === "number" && typeof params.column === "number")
    return { line: params.line, column: params.column };
  return undefined;
}

/**
 * Where each document error is: its own line:column, else the start of the value its path names
 * in the text (one scan for all of them). None when the file could not be read.
 */
function errorPositions(errors: readonly IoError[], text: string | undefined): (TextPosition | undefined)[] {
  const byPath =
    text === undefined
      ? undefined
      : locatePaths(
          text,
          errors.filter((e) => ownPosition(e) === undefined).map((e) => e.path),
        );
  return errors.map((e) => ownPosition(e) ?? byPath?.get(e.path));
}

export function formatSarif(outcomes: readonly FileOutcome[], opts: { lang: Lang; version: string }): string {
  const rules = ruleDescriptors(opts.lang);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: unknown[] = [];
  for (const o of outcomes) {
    const artifactLocation = { uri: artifactUri(o.file) };
    if (o.kind === "invalid") {
      const positions = errorPositions(o.errors, o.text);
      for (const [i, e] of o.errors.entries()) {
        const at = positions[i];
        results.push({
          ruleId: DOCUMENT_INVALID,
          ruleIndex: ruleIndex.get(DOCUMENT_INVALID),
          level: "error",
          message: {
            text: e.path === "$" ? ioMessage(e, opts.lang) : `${e.path}: ${ioMessage(e, opts.lang)}`,
          },
          locations: [{ physicalLocation: { artifactLocation, ...(at ? { region: region(at) } : {}) } }],
        });
      }
      continue;
    }
    const all = [...o.problems, ...o.suppressed];
    const where = locateNodes(o.text, all.map(subjectOf));
    const result = (r: Reported) => {
      const node = subjectOf(r);
      const at = where.get(node);
      return {
        ruleId: r.problem.rule,
        ruleIndex: ruleIndex.get(r.problem.rule),
        level: LEVEL[r.problem.severity],
        message: { text: r.message },
        locations: [
          {
            physicalLocation: { artifactLocation, ...(at ? { region: region(at) } : {}) },
            logicalLocations: [
              { name: node, ...(at ? { fullyQualifiedName: at.path } : {}), kind: "object" },
            ],
          },
        ],
        ...(r.reason !== undefined ? { suppressions: [{ kind: "inSource", justification: r.reason }] } : {}),
      };
    };
    for (const r of all) results.push(result(r));
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "stackdraw", version: opts.version, rules } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
