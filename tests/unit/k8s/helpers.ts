/** Reading the importers' fixtures and summarizing what they drew, for the collection tests. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { StackDocument, StackNode } from "../../../src/domain/document.ts";

export const FIXTURES = path.resolve(__dirname, "../../fixtures");
export const fixture = (rel: string): Uint8Array => readFileSync(path.join(FIXTURES, rel));

/** How many nodes of each kind and edges of each kind a document has (kinds absent = 0). */
export function counts(doc: StackDocument): { nodes: Record<string, number>; edges: Record<string, number> } {
  const nodes: Record<string, number> = {};
  for (const n of doc.nodes) nodes[n.kind] = (nodes[n.kind] ?? 0) + 1;
  const edges: Record<string, number> = {};
  for (const e of doc.edges) edges[e.kind] = (edges[e.kind] ?? 0) + 1;
  return { nodes, edges };
}

/** The node with this label (the first), or a failure naming the labels there are. */
export function byLabel(doc: StackDocument, label: string): StackNode {
  const n = doc.nodes.find((x) => x.label === label);
  if (!n) throw new Error(`no node labelled ${label}; labels: ${doc.nodes.map((x) => x.label).join(", ")}`);
  return n;
}

/** The labels of a node's children, in document order. */
export const childLabels = (doc: StackDocument, id: string): (string | undefined)[] =>
  doc.nodes.filter((n) => n.parentId === id).map((n) => n.label);

/** Each edge as "kind source-label → target-label [label]". */
export function edgeLines(doc: StackDocument): string[] {
  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  return doc.edges.map(
    (e) => `${e.kind} ${label(e.source)} → ${label(e.target)}${e.label ? ` [${e.label}]` : ""}`,
  );
}
