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
