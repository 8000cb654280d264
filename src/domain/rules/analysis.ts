/**
 * What one validation learns about a document besides its problems: the compact index and the
 * first pass's gatherings. The quick fixes plan from it, so offering a fix needs no second pass.
 */
import type { CompactIndex } from "../compact-index.ts";
import type { StackDocument } from "../document.ts";
import type { Scan } from "./scan.ts";

export interface Analysis {
  doc: Pick<StackDocument, "nodes"> & { edges?: StackDocument["edges"] };
  ix: CompactIndex;
  scan: Scan;
}
