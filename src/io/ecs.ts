/**
 * The ECS task definition importer (docs/import.md): task definitions as registered, as
 * `aws ecs describe-task-definition` prints them, or as a CloudFormation / CDK template's
 * `AWS::ECS::TaskDefinition` resources, become a laid-out Stackdraw document inside an AWS cloud
 * and one ECS cluster, each task on what its launch type says.
 *
 *   import/source.ts  decodeSource  UTF-8 or UTF-16 text of at most LIMITS.bytes
 *   compose/yaml.ts   parseYaml     safe YAML (JSON is YAML) → a located value tree
 *   ecs/model.ts      readEcs       task definitions: launch type, network mode, containers…
 *   ecs/document.ts   ecsDocument   the document; finishEcsDocument writes the report, lays out
 *
 * Never throws; what is not drawn is a warning and the import report on the cluster's notes.
 */
import { LIMITS, type StackDocument } from "../domain/document.ts";
import { ioMessage } from "./errors/format.ts";
import { REPORT_TITLE, type ImportError, type ImportSource } from "./import/source.ts";
import { ecsDocument, finishEcsDocument, type EcsOptions } from "./ecs/document.ts";
import { readEcs } from "./ecs/model.ts";

export type { ImportError, ImportSource } from "./import/source.ts";
export type { EcsOptions } from "./ecs/document.ts";
export { readEcs, type EcsModel } from "./ecs/model.ts";
export { ioLine, ioMessage, ioMessages, ioWhere } from "./errors/format.ts";

export type EcsResult =
  { ok: true; document: StackDocument; warnings: ImportError[] } | { ok: false; errors: ImportError[] };

/** Imports ECS task definitions as a laid-out Stackdraw document. Never throws. */
export function importEcs(sources: readonly ImportSource[], opts: EcsOptions = {}): EcsResult {
  try {
    const read = readEcs(sources);
    if (!read.ok) return read;
    if (read.model.tasks.length === 0)
      return { ok: false, errors: [{ path: "$", code: "importEmpty", params: { format: "ecs" } }] };
    const document = ecsDocument(read.model, opts);
    if (document.nodes.length > LIMITS.nodes || document.edges.length > LIMITS.edges)
      return {
        ok: false,
        errors: [
          {
            path: "$",
            code: "importTooManyNodes",
            params: { format: "ecs", count: document.nodes.length, limit: LIMITS.nodes },
          },
        ],
      };
    const warnings = read.reports.flatMap((r) => r.warnings);
    const lang = opts.lang ?? "en";
    const lines = warnings.map((w) => `${w.file !== undefined ? `${w.file}: ` : ""}${ioMessage(w, lang)}`);
    return {
      ok: true,
      document: finishEcsDocument(document, lines.length > 0 ? [REPORT_TITLE[lang], ...lines] : []),
      warnings,
    };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: "$", code: "importInternal", params: { reason } }] };
  }
}
