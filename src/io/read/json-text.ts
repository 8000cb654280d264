/**
 * Low-level checks on the text of a JSON file, done without JSON.parse so that their answers are
 * the same in every JavaScript engine: where a syntax error is (line:column), and whether the
 * nesting is deep enough to freeze the tab.
 */
import type { JsonSyntaxProblem, TextPosition } from "../errors/types.ts";

export type { TextPosition };

export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The deepest `[`/`{` nesting in the text and where it first exceeds `limit`. Runs before
 * JSON.parse because V8 takes seconds on a few million nested brackets and other engines overflow
 * their stack; a Stackdraw document needs fewer than ten levels.
 */
export function findExcessiveNesting(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return i;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return undefined;
}

/** The first syntax error of a JSON text: its offset and what was found wrong there. */
export interface JsonSyntaxError {
  offset: number;
  problem: JsonSyntaxProblem;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

function describeChar(text: string, i: number): string {
  const cp = text.codePointAt(i) ?? 0;
  return cp < 0x20 || cp === 0x7f
    ? `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`
    : `'${String.fromCodePoint(cp)}'`;
}

const err = (offset: number, problem: JsonSyntaxProblem): JsonSyntaxError => ({ offset, problem });

/**
 * Finds the first syntax error of `text`, or undefined when it is valid JSON. Iterative (an
 * explicit stack of open containers), so no input can overflow the call stack. Only called after
 * JSON.parse has failed, to say where and why in the same words on every engine.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  type State = "value" | "valueOrClose" | "key" | "keyOrClose" | "colon" | "after";
  const stack: ("{" | "[")[] = [];
  let state: State = "value";
  let i = 0;
  const n = text.length;

  const scanString = (): JsonSyntaxError | undefined => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === "u") {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) return err(i, { kind: "badUnicodeEscape" });
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return err(i, { kind: "badEscape" });
      } else if (c < 0x20) return err(i, { kind: "controlChar", char: describeChar(text, i) });
      else i++;
    }
    return err(start, { kind: "unterminatedString" });
  };

  for (;;) {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
    if (i >= n) {
      if (state === "after" && stack.length === 0) return undefined;
      return err(n, { kind: "unexpectedEnd" });
    }
    const c = text[i]!;
    switch (state) {
      case "after": {
        const top = stack[stack.length - 1];
        if (top === undefined) return err(i, { kind: "afterEnd", char: describeChar(text, i) });
        const close = top === "{" ? "}" : "]";
        if (c === ",") {
          i++;
          state = top === "{" ? "key" : "value";
        } else if (c === close) {
          stack.pop();
          i++;
        } else return err(i, { kind: "expectedCommaOrClose", close, char: describeChar(text, i) });
        break;
      }
      case "keyOrClose":
      case "key": {
        if (state === "keyOrClose" && c === "}") {
          stack.pop();
          i++;
          state = "after";
          break;
        }
        if (c !== '"') return err(i, { kind: "expectedKey", char: describeChar(text, i) });
        const e = scanString();
        if (e) return e;
        state = "colon";
        break;
      }
      case "colon":
        if (c !== ":") return err(i, { kind: "expectedColon", char: describeChar(text, i) });
        i++;
        state = "value";
        break;
      case "valueOrClose":
      case "value": {
        if (state === "valueOrClose" && c === "]") {
          stack.pop();
          i++;
          state = "after";
          break;
        }
        if (c === "{" || c === "[") {
          stack.push(c);
          i++;
          state = c === "{" ? "keyOrClose" : "valueOrClose";
          break;
        }
        if (c === '"') {
          const e = scanString();
          if (e) return e;
        } else if (c === "-" || (c >= "0" && c <= "9")) {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          if (!m) return err(i, { kind: "badNumber" });
          i += m[0].length;
        } else {
          const lit = ["true", "false", "null"].find((l) => text.startsWith(l, i));
          if (lit === undefined) return err(i, { kind: "expectedValue", char: describeChar(text, i) });
          i += lit.length;
        }
        state = "after";
        break;
      }
    }
  }
}

/** A key given twice in one object of a valid JSON text: its path, the key and where the second one is. */
export interface DuplicateKey {
  /** The JSON path of the object holding it, with the key: `nodes[2].props.image`. */
  path: string;
  key: string;
  offset: number;
}

/**
 * The first key that one object of `text` (valid JSON: JSON.parse took it) gives twice, or
 * undefined. JSON.parse keeps the last, silently: `"version": 2, "version": 1` would read as
 * version 1. Iterative, one pass, no value built.
 */
export function findDuplicateKey(text: string, segment: (key: string) => string): DuplicateKey | undefined {
  interface Frame {
    keys: Set<string> | null;
    /** The path of this container. */
    path: string;
    /** Array: the index of the current element; object: the current key. */
    index: number;
    key: string;
  }
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  let expectKey = false;
  const childPath = (f: Frame | undefined): string =>
    f === undefined ? "" : f.keys === null ? `${f.path}[${f.index}]` : `${f.path}${segment(f.key)}`;
  const readString = (): string => {
    const start = i;
    let escaped = false;
    i++;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) {
        escaped = true;
        i += 2;
      } else if (c === 0x22) break;
      else i++;
    }
    i++;
    return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const at = i;
      const s = readString();
      if (expectKey) {
        const top = stack[stack.length - 1]!;
        if (top.keys!.has(s))
          return { path: `${top.path}${segment(s)}`.replace(/^\./, ""), key: s, offset: at };
        top.keys!.add(s);
        top.key = s;
        expectKey = false;
      }
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const path = childPath(stack[stack.length - 1]);
      stack.push({ keys: c === 0x7b ? new Set() : null, path, index: 0, key: "" });
      expectKey = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top) {
        if (top.keys === null) top.index++;
        else expectKey = true;
      }
    }
    i++;
  }
  return undefined;
}

/** Where the first byte of `bytes` that is not part of well-formed UTF-8 is, or undefined. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return undefined;
}
