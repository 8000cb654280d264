/**
 * Where things are in a document's JSON text, as line:column, for the CLI's SARIF output: the
 * start of a node's object (`nodes[3]`), or of the value a document error's path names
 * (`nodes[3].parentId`). The reader works on parsed values and keeps no positions, so this is a
 * small scanner of its own over the same text (a byte-order mark stripped, as the reader does).
 *
 * Paths are written as the reader writes them (docs/document-format.md): `nodes[3].props.ports[1]`,
 * a key that is not an identifier as `["my-key"]`, `$` for the whole file. A path the text does
 * not hold (a missing field) is located at its nearest ancestor that it does hold.
 */
import type { TextPosition } from "../io/errors/types.ts";

/** A position in the text and the path it was found at (the path asked for, or an ancestor). */
export interface Located extends TextPosition {
  path: string;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** One segment of a path: a key (`.key`, `["key"]`, or a bare key first) or an index (`[3]`). */
const SEGMENT = /(?:^[A-Za-z_$][A-Za-z0-9_$]*|\.[A-Za-z_$][A-Za-z0-9_$]*|\[[0-9]+\]|\["(?:[^"\\]|\\.)*"\])/y;

/** The path of a value under `parent` at `key` (a string key or an array index). */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent === "$" ? "" : parent}[${key}]`;
  if (parent === "$") return IDENT.test(key) ? key : `[${JSON.stringify(key)}]`;
  return IDENT.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** `$` and every ancestor path of `path`, shortest first, ending with the path itself when it parses. */
export function pathPrefixes(path: string): string[] {
  const out = ["$"];
  if (path === "$" || path === "") return out;
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < path.length) {
    const m = SEGMENT.exec(path);
    if (!m) break;
    out.push(path.slice(0, SEGMENT.lastIndex));
  }
  return out;
}

/** The text as the reader reads it: without a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offsets → 1-based line:column (UTF-16 code units, as editors and SARIF count them). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): TextPosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The offsets where the values at `wanted` paths start in a JSON text. One pass with an explicit
 * stack (no recursion, so no depth can overflow it); stops quietly where the text is not JSON.
 */
export function valueOffsets(text: string, wanted: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>();
  type Frame = { path: string; array: boolean; index: number };
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  const skipWs = () => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  /** Scans a string at `i` (a `"`) and returns its raw text, quotes included; undefined when unterminated. */
  const scanString = (): string | undefined => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) i += 2;
      else if (c === 0x22) return text.slice(start, ++i);
      else i++;
    }
    return undefined;
  };
  let path = "$";
  for (;;) {
    // A value starts here, at `path`.
    skipWs();
    if (i >= n) return found;
    if (wanted.has(path)) found.set(path, i);
    const c = text[i];
    if (c === "{" || c === "[") {
      const frame: Frame = { path, array: c === "[", index: 0 };
      i++;
      skipWs();
      if (text[i] === (frame.array ? "]" : "}")) i++;
      else {
        stack.push(frame);
        const next = frame.array ? childPath(path, 0) : readKey(frame);
        if (next === undefined) return found;
        path = next;
        continue;
      }
    } else if (c === '"') {
      if (scanString() === undefined) return found;
    } else {
      while (i < n && !isWs(text.charCodeAt(i)) && !",]}".includes(text[i]!)) i++;
    }
    // After a value: the next sibling, or close containers until there is one.
    for (;;) {
      const top = stack[stack.length - 1];
      if (top === undefined) return found;
      skipWs();
      if (text[i] === ",") {
        i++;
        top.index++;
        const next = top.array ? childPath(top.path, top.index) : readKey(top);
        if (next === undefined) return found;
        path = next;
        break;
      }
      if (text[i] !== (top.array ? "]" : "}")) return found;
      i++;
      stack.pop();
    }
  }

  /** Reads `"key" :` at `i` and returns the child path, or undefined when the text is not JSON there. */
  function readKey(frame: Frame): string | undefined {
    skipWs();
    if (text[i] !== '"') return undefined;
    const raw = scanString();
    if (raw === undefined) return undefined;
    skipWs();
    if (text[i] !== ":") return undefined;
    i++;
    let key: string;
    try {
      key = JSON.parse(raw) as string;
    } catch {
      return undefined;
    }
    return childPath(frame.path, key);
  }
}

/**
 * Locates each of `paths` in a JSON text: the start of its value, or of its nearest ancestor the
 * text holds (`$`, line 1 column 1, at worst).
 */
export function locatePaths(text: string, paths: Iterable<string>): Map<string, Located> {
  const body = stripBom(text);
  const prefixes = new Map<string, string[]>();
  const wanted = new Set<string>();
  for (const p of paths) {
    const list = pathPrefixes(p);
    prefixes.set(p, list);
    for (const q of list) wanted.add(q);
  }
  const offsets = valueOffsets(body, wanted);
  const lines = new LineIndex(body);
  const out = new Map<string, Located>();
  for (const [p, list] of prefixes) {
    let at: Located = { path: "$", line: 1, column: 1 };
    for (let k = list.length - 1; k >= 0; k--) {
      const offset = offsets.get(list[k]!);
      if (offset !== undefined) {
        at = { path: list[k]!, ...lines.position(offset) };
        break;
      }
    }
    out.set(p, at);
  }
  return out;
}

/**
 * Where each node's object starts, by node id: `nodes[i]` of the first node in the file with that
 * id. `text` must be JSON (a document the reader accepted); ids it does not hold are left out.
 */
export function locateNodes(text: string, ids: Iterable<string>): Map<string, Located> {
  const body = stripBom(text);
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return new Map();
  }
  const nodes = (raw as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return new Map();
  const indexOf = new Map<string, number>();
  nodes.forEach((n: unknown, i) => {
    const id = (n as { id?: unknown } | null)?.id;
    if (typeof id === "string" && !indexOf.has(id)) indexOf.set(id, i);
  });
  const pathOf = new Map<string, string>();
  for (const id of ids) {
    const i = indexOf.get(id);
    if (i !== undefined) pathOf.set(id, childPath("nodes", i));
  }
  const located = locatePaths(body, pathOf.values());
  const out = new Map<string, Located>();
  for (const [id, p] of pathOf) out.set(id, located.get(p)!);
  return out;
}
