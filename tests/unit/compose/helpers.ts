import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { importCompose, type ComposeResult } from "../../../src/io/compose.ts";
import { readDocument } from "../../../src/io/read.ts";
import { writeDocument } from "../../../src/io/write.ts";
import type { StackDocument } from "../../../src/domain/document.ts";

export const FIXTURES = join(import.meta.dirname, "../../fixtures/compose");

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

/** Imports and asserts success, and that the document survives write → read unchanged. */
export function importOk(text: string): StackDocument {
  const r: ComposeResult = importCompose(text);
  if (!r.ok) throw new Error(`expected an import, got ${JSON.stringify(r.errors)}`);
  const back = readDocument(writeDocument(r.document));
  if (!back.ok) throw new Error(`not a valid document: ${JSON.stringify(back.errors)}`);
  expect(back.document).toEqual(r.document);
  return r.document;
}

export const containers = (doc: StackDocument) => doc.nodes.filter((n) => n.kind === "container");
export const byLabel = (doc: StackDocument, label: string) => doc.nodes.find((n) => n.label === label)!;
export const edgePairs = (doc: StackDocument) =>
  doc.edges.map((e) => `${byId(doc, e.source).label}->${byId(doc, e.target).label}`);
const byId = (doc: StackDocument, id: string) => doc.nodes.find((n) => n.id === id)!;
