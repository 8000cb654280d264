/**
 * `validate --format junit` (docs/cli.md): JUnit XML, as CI servers read test reports. One
 * `<testsuite>` per file (named by the path as given), one `<testcase>` per problem: a `<failure>`
 * for an error, and for a warning under `--strict`; a warning otherwise passes with its message as
 * `<system-out>`. A suppressed problem is a `<skipped>` test case with the reason. A file with no
 * counted problem has one passing test case; a file that is not a valid document has one test case
 * per document error, each an `<error>`. Every text is escaped and cleaned of what XML 1.0 cannot
 * hold (render/xml.ts), so any label gives a well-formed report.
 */
import type { Lang } from "../../domain/kinds/props.ts";
import { ioLine } from "../../io/errors/format.ts";
import { escapeXml } from "../../render/xml.ts";
import { TEXT } from "../errors.ts";
import { fails, type FileOutcome, type Reported } from "../outcome.ts";
import { DOCUMENT_INVALID } from "./sarif.ts";
import { subjectOf } from "./text.ts";

const attr = (name: string, value: string | number) => ` ${name}="${escapeXml(String(value))}"`;

interface Case {
  name: string;
  /** The element inside the test case, if any: failure, error, skipped or system-out. */
  body?: {
    tag: "failure" | "error" | "skipped" | "system-out";
    type?: string;
    message?: string;
    text?: string;
  };
}

function casesOf(o: FileOutcome, strict: boolean, lang: Lang): Case[] {
  if (o.kind === "invalid")
    return o.errors.map((e) => ({
      name: `${DOCUMENT_INVALID} ${e.path}`,
      body: { tag: "error", type: DOCUMENT_INVALID, message: ioLine(e, lang), text: ioLine(e, lang) },
    }));
  const name = (r: Reported) => `${r.problem.severity} ${r.problem.rule} [${subjectOf(r)}]`;
  const cases: Case[] = o.problems.map((r) =>
    fails(r, strict)
      ? { name: name(r), body: { tag: "failure", type: r.problem.rule, message: r.message, text: r.message } }
      : { name: name(r), body: { tag: "system-out", text: r.message } },
  );
  if (o.problems.length === 0) cases.push({ name: TEXT.cleanCase[lang] });
  for (const r of o.suppressed)
    cases.push({
      name: `suppressed ${name(r)}`,
      body: { tag: "skipped", message: `${TEXT.reason[lang]}: ${r.reason ?? ""}`, text: r.message },
    });
  // Test case names are unique within a suite: a second one of the same name gets a number.
  const seen = new Map<string, number>();
  for (const c of cases) {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    if (n > 1) c.name = `${c.name} #${n}`;
  }
  return cases;
}

export function formatJunit(outcomes: readonly FileOutcome[], opts: { lang: Lang; strict: boolean }): string {
  const suites: string[] = [];
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const o of outcomes) {
    const cases = casesOf(o, opts.strict, opts.lang);
    const count = (tag: string) => cases.filter((c) => c.body?.tag === tag).length;
    const n = {
      tests: cases.length,
      failures: count("failure"),
      errors: count("error"),
      skipped: count("skipped"),
    };
    total.tests += n.tests;
    total.failures += n.failures;
    total.errors += n.errors;
    total.skipped += n.skipped;
    const body = cases.map((c) => {
      const open = `    <testcase${attr("classname", o.file)}${attr("name", c.name)}${attr("file", o.file)}`;
      if (!c.body) return `${open}/>`;
      const b = c.body;
      const inner =
        b.tag === "system-out"
          ? `<system-out>${escapeXml(b.text ?? "")}</system-out>`
          : `<${b.tag}${b.type !== undefined ? attr("type", b.type) : ""}${b.message !== undefined ? attr("message", b.message) : ""}>${escapeXml(b.text ?? "")}</${b.tag}>`;
      return `${open}>\n      ${inner}\n    </testcase>`;
    });
    suites.push(
      `  <testsuite${attr("name", o.file)}${attr("tests", n.tests)}${attr("failures", n.failures)}${attr("errors", n.errors)}${attr("skipped", n.skipped)}>\n${body.join("\n")}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites${attr("name", "stackdraw validate")}${attr("tests", total.tests)}${attr("failures", total.failures)}${attr("errors", total.errors)}${attr("skipped", total.skipped)}>\n` +
    suites.join("\n") +
    (suites.length ? "\n" : "") +
    `</testsuites>\n`
  );
}
