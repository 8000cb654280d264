/**
 * The Kubernetes manifests importer (docs/import.md): one or more files of YAML or JSON —
 * multi-document streams (`---`), `kind: List`, Helm's rendered output (its `# Source:` comments
 * are comments) — become a laid-out Stackdraw document: a cluster with a control plane and its
 * worker nodes, every workload a pod with its containers on the worker its node selector picks,
 * Services and Ingresses as `k8s-service` nodes routing to what they select, volumes mounted by
 * the containers, host ports and NodePorts listening on the workers' kernels.
 *
 *   import/source.ts  decodeSource       UTF-8 or UTF-16 text of at most LIMITS.bytes
 *   compose/yaml.ts   parseYamlDocuments safe YAML → located value trees (no tags, no alias bombs)
 *   k8s/model.ts      readK8s            workloads, Services, Ingresses, other objects counted
 *   k8s/document.ts   k8sDocument        the document; finishK8sDocument writes the report, lays out
 *
 * Never throws and never silently drops: what is not drawn is a warning, and the warnings are the
 * import report on the cluster's notes. A Compose file, an ECS task definition or a Stackdraw
 * document is refused naming the right importer.
 */
import { LIMITS, type StackDocument } from "../domain/document.ts";
import { ioMessage } from "./errors/format.ts";
import { REPORT_TITLE, type ImportError, type ImportSource } from "./import/source.ts";
import { finishK8sDocument, k8sDocument, type K8sOptions } from "./k8s/document.ts";
import { readK8s } from "./k8s/model.ts";

export type { ImportError, ImportSource } from "./import/source.ts";
export type { K8sOptions } from "./k8s/document.ts";
export { readK8s, type K8sModel } from "./k8s/model.ts";
export { ioLine, ioMessage, ioMessages, ioWhere } from "./errors/format.ts";

export type ImportResult =
  { ok: true; document: StackDocument; warnings: ImportError[] } | { ok: false; errors: ImportError[] };

/** Imports Kubernetes manifests as a laid-out Stackdraw document. Never throws. */
export function importK8s(sources: readonly ImportSource[], opts: K8sOptions = {}): ImportResult {
  try {
    const read = readK8s(sources);
    if (!read.ok) return read;
    const { document, nodeCount } = k8sDocument(read.model, opts);
    if (nodeCount > LIMITS.nodes || document.edges.length > LIMITS.edges)
      return {
        ok: false,
        errors: [
          {
            path: "$",
            code: "importTooManyNodes",
            params: { format: "k8s", count: nodeCount, limit: LIMITS.nodes },
          },
        ],
      };
    const warnings: ImportError[] = read.reports.flatMap((r) => r.warnings);
    if (read.model.notDrawn.size > 0)
      warnings.push({
        path: "$",
        code: "k8sObjectsNotDrawn",
        params: { kinds: [...read.model.notDrawn].map(([kind, count]) => ({ kind, count })) },
      });
    const lang = opts.lang ?? "en";
    const lines = warnings.map((w) => `${w.file !== undefined ? `${w.file}: ` : ""}${ioMessage(w, lang)}`);
    const report = lines.length > 0 ? [REPORT_TITLE[lang], ...lines] : [];
    return { ok: true, document: finishK8sDocument(document, report), warnings };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: "$", code: "importInternal", params: { reason } }] };
  }
}
