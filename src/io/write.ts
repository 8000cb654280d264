/**
 * Writes a StackDocument as `.stackdraw.json` text: pretty (2 spaces), keys in one fixed order,
 * a trailing newline — so that saving the same diagram twice gives byte-identical files and
 * diffs in version control show only real changes. readDocument(writeDocument(d)) gives back d.
 */
import { LIMITS } from "../domain/limits.ts";
import {
  CURRENT_VERSION,
  FORMAT,
  type StackDocument,
  type StackEdge,
  type StackNode,
} from "../domain/document.ts";

/**
 * Copies a props bag keeping its own key order. defineProperty, because a document may hold a
 * `__proto__` prop, which plain assignment would turn into a prototype change.
 */
function bag(src: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(src))
    Object.defineProperty(out, k, { value: src[k], enumerable: true, writable: true, configurable: true });
  return out;
}

function node(n: StackNode): Record<string, unknown> {
  return {
    id: n.id,
    kind: n.kind,
    // null and absent mean the same (a root); only a real parent is written.
    ...(n.parentId != null ? { parentId: n.parentId } : {}),
    ...(n.label !== undefined ? { label: n.label } : {}),
    ...(n.props !== undefined ? { props: bag(n.props) } : {}),
    ...(n.position !== undefined ? { position: { x: n.position.x, y: n.position.y } } : {}),
    ...(n.size !== undefined ? { size: { width: n.size.width, height: n.size.height } } : {}),
    // Only `true` says something: absent and false both mean "sized to fit".
    ...(n.manualSize === true ? { manualSize: true } : {}),
    ...(n.suppress !== undefined ? { suppress: bag(n.suppress) } : {}),
  };
}

function edge(e: StackEdge): Record<string, unknown> {
  return {
    id: e.id,
    kind: e.kind,
    source: e.source,
    target: e.target,
    ...(e.label !== undefined ? { label: e.label } : {}),
    ...(e.props !== undefined ? { props: bag(e.props) } : {}),
  };
}

/**
 * Serializes a document. Key order: format, version, title, nodes, edges, view; per node: id,
 * kind, parentId, label, props, position, size, manualSize, suppress; per edge: id, kind, source,
 * target, label, props. Props and suppressions keep their own order. Always writes the current format and version. `compact` leaves out
 * the indentation and the final newline.
 */
export function writeDocument(doc: StackDocument, opts: { compact?: boolean } = {}): string {
  const out = envelope(doc, doc.nodes.map(node), doc.edges.map(edge));
  // Compact (no indentation) for machine copies such as the autosave draft: a third of the size
  // and of the time for a big diagram; same keys, same order, same reading.
  return opts.compact ? JSON.stringify(out) : `${JSON.stringify(out, null, 2)}\n`;
}

function envelope(doc: StackDocument, nodes: unknown[], edges: unknown[]) {
  const view = doc.view;
  return {
    format: FORMAT,
    version: CURRENT_VERSION,
    ...(doc.title !== undefined ? { title: doc.title } : {}),
    nodes,
    edges,
    ...(view !== undefined
      ? {
          view: {
            ...(view.viewport !== undefined
              ? { viewport: { x: view.viewport.x, y: view.viewport.y, zoom: view.viewport.zoom } }
              : {}),
            ...(view.overlay !== undefined ? { overlay: view.overlay } : {}),
          },
        }
      : {}),
  };
}

/** UTF-8 bytes of a string (a lone surrogate counts as the 3 bytes of U+FFFD; JSON escapes it anyway). */
export function utf8Length(s: string): number {
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 2; // 4 bytes for 2 code units
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

/** Per node or edge object, the bytes of its compact JSON: edits share unchanged objects. */
const entryBytes = new WeakMap<object, number>();

function bytesOf<T extends object>(x: T, write: (x: T) => unknown): number {
  let b = entryBytes.get(x);
  if (b === undefined) entryBytes.set(x, (b = utf8Length(JSON.stringify(write(x)))));
  return b;
}

/**
 * The bytes of `writeDocument(doc, { compact: true })`, exactly, in O(changed) for a document that
 * shares most node objects with one measured before: the smallest file Save can write, which is
 * what the size limit (LIMITS.bytes) is checked against. `prev`: a document measured before whose
 * lists are place by place mostly `doc`'s (the one an edit started from): then only the entries
 * that differ are visited.
 */
export function savedByteLength(doc: StackDocument, prev?: StackDocument): number {
  let total = utf8Length(JSON.stringify(envelope(doc, [], [])));
  total += listBytes(doc.nodes, node, prev?.nodes);
  total += listBytes(doc.edges, edge, prev?.edges);
  // The commas between entries.
  return total + Math.max(0, doc.nodes.length - 1) + Math.max(0, doc.edges.length - 1);
}

/** Per node or edge list, the sum of its entries' bytes. */
const listTotals = new WeakMap<readonly object[], number>();

/**
 * The bytes of `list`'s entries: from `prev`'s total (a list of the same length measured before)
 * and the entries that differ place by place, else entry by entry.
 */
function listBytes<T extends object>(
  list: readonly T[],
  write: (x: T) => unknown,
  prev?: readonly T[],
): number {
  let total = listTotals.get(list);
  if (total !== undefined) return total;
  const before = prev === undefined ? undefined : listTotals.get(prev);
  if (before !== undefined && prev!.length === list.length) {
    total = before;
    for (let i = 0; i < list.length; i++)
      if (list[i] !== prev![i]) total += bytesOf(list[i]!, write) - bytesOf(prev![i]!, write);
  } else {
    total = 0;
    for (const x of list) total += bytesOf(x, write);
  }
  listTotals.set(list, total);
  return total;
}

/**
 * The text Save writes: indented (readable, diff-friendly) when that fits the size limit, else
 * compact — so that every document the editor holds (within the limit compact) saves, and opens
 * again.
 */
export function writeForSave(doc: StackDocument): string {
  const pretty = writeDocument(doc);
  return pretty.length <= LIMITS.bytes / 3 || utf8Length(pretty) <= LIMITS.bytes
    ? pretty
    : writeDocument(doc, { compact: true });
}
