/**
 * Stage 2 of the Docker Compose importer, safe YAML: parses with the `yaml` package (YAML 1.2 core
 * schema, merge keys, unique keys) and turns the syntax tree into a small located value tree
 * ({@link YValue}) — never running a tag, never expanding an alias bomb, never looping on a cyclic
 * alias, and never building an object whose keys could touch a prototype (mappings are Maps).
 *
 * Why a tree of our own rather than `doc.toJS()`:
 * - every value keeps its offset, so the importer's own errors ("port 70000 is out of range")
 *   name a line and column, not only a key path;
 * - scalars keep their source text, so a value written `0755` can be read as the string "0755"
 *   (the core schema resolves it to the number 755, losing the zero) where compose wants text;
 * - aliases resolve to the very same value object (a DAG, no copies), so expansion costs nothing.
 *
 * The alias limit is yaml's own (`maxAliasCount`, 100), reproduced while walking the tree in
 * document order so that the refusal names the alias where the limit was crossed; `doc.toJS`
 * with the same limit then runs as a backstop.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Node as YamlNode,
  type YAMLError,
} from "yaml";
import type { YamlError, YamlErrorCode, YamlErrorParams } from "../errors/types.ts";

/** A located scalar: its resolved value and the text it was written as. */
export interface YScalar {
  t: "scalar";
  /** As the core schema resolved it: string, number, boolean or null. */
  value: string | number | boolean | null;
  /** The scalar's text as written (without quotes); for plain scalars the literal, e.g. `0755`. */
  text: string;
  /** Offset of the value in the source text. */
  offset: number;
}
/** A located mapping; keys are strings (non-string scalar keys keep their source text). */
export interface YMap {
  t: "map";
  entries: Map<string, YValue>;
  /** Offset of each key, for errors about a key. */
  keyOffsets: Map<string, number>;
  offset: number;
}
/** A located sequence. */
export interface YSeq {
  t: "seq";
  items: YValue[];
  offset: number;
}
/** A YAML value with its place in the source. */
export type YValue = YScalar | YMap | YSeq;

/** The outcome of {@link parseYaml}; its errors are of the whole file (path `$`), located. */
export type YamlResult =
  { ok: true; value: YValue | null; lineCounter: LineCounter } | { ok: false; errors: YamlError[] };

/**
 * The alias-bomb guard measures expansion, not the count of aliases (real files use hundreds):
 * a document whose aliases, expanded, stand for more than 100× the nodes written in it, or for more
 * than 1,000,000 nodes, is refused at the alias that crossed the line.
 */
export const EXPANSION_FACTOR = 100;
export const MAX_EXPANDED_NODES = 1_000_000;
/** The deepest nesting of collections read; compose files nest about six levels. */
export const MAX_YAML_DEPTH = 100;
/** Tags allowed explicitly: the core schema's own, and compose's `!reset` / `!override`. */
const CORE_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`),
);
/** Compose's merge-control tags (docker compose 2.24+); they only steer merging of several files. */
export const COMPOSE_TAGS = new Set(["!reset", "!override"]);

const PARSE_OPTIONS = {
  schema: "core",
  merge: true,
  // Duplicate keys are found by Builder with a Map: yaml's own uniqueKeys check compares each key
  // with every earlier one, which took 10 s for a mapping of 20,000 services.
  uniqueKeys: false,
  prettyErrors: true,
  strict: true,
  // No customTags: an unknown tag is a warning from yaml, and an error from us (never executed).
} as const;

/** Shows a tag as it was probably written: `!!js/function` rather than the full URI. */
export function showTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}

const firstLine = (s: string) => {
  const line = s.split("\n", 1)[0] ?? s;
  return line.replace(/ at line \d+, column \d+:?$/, "").trim();
};

/** A YAML error of the whole file at an offset of the source. */
function located<C extends YamlErrorCode>(
  lc: LineCounter,
  offset: number,
  code: C,
  params: YamlErrorParams[C],
): YamlError {
  const { line, col } = lc.linePos(offset);
  return { path: "$", line, column: col, code, params } as YamlError;
}

/**
 * The offset where `[`/`{` flow collections first nest deeper than `limit`, outside quoted
 * strings and comments; undefined when they never do.
 */
export function flowNestingOver(text: string, limit: number): number | undefined {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < n && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x27 /* ' */ && (i === 0 || /[\s[{,:]/.test(text[i - 1]!))) {
      for (i++; i < n; i++) if (text.charCodeAt(i) === 0x27 && text.charCodeAt(++i) !== 0x27) break;
      i--;
    } else if (c === 0x23 /* # */ && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf("\n", i);
      if (end === -1) return undefined;
      i = end;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

function fromYamlError(e: YAMLError, lc: LineCounter): YamlError {
  const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
  const at = { path: "$", line: pos.line, column: pos.col };
  const detail = firstLine(e.message);
  // Block nesting deep enough to overflow yaml's parser: in our words, at its place.
  if (/call stack/i.test(detail)) return { ...at, code: "yamlTooDeep", params: { limit: MAX_YAML_DEPTH } };
  switch (e.code) {
    case "DUPLICATE_KEY":
      return { ...at, code: "yamlDuplicateKey", params: {} };
    case "TAB_AS_INDENT":
      return { ...at, code: "yamlTabIndent", params: {} };
    case "TAG_RESOLVE_FAILED":
      return { ...at, code: "yamlUnknownTag", params: { detail } };
    default:
      return { ...at, code: "yamlSyntax", params: { detail } };
  }
}

// ---------------------------------------------------------------------------------------------
// Pass 1: check the tree (tags, anchors and aliases, depth) without following any alias.

class Checker {
  readonly errors: YamlError[] = [];
  private readonly anchors = new Map<string, YamlNode>();
  private readonly open = new Set<YamlNode>();
  /** Each alias's target, as yaml would resolve it (the last anchor of that name before it). */
  readonly targets = new Map<unknown, YamlNode>();
  /** Set by an alias-limit refusal: one is enough, and walking on would only repeat it. */
  private bombed = false;
  constructor(
    private readonly lc: LineCounter,
    private readonly maxErrors: number,
    private readonly source: string,
  ) {}

  /** Where the tag of a node starts: the node's range starts at its value, after tag and anchor. */
  private tagOffset(valueOffset: number): number {
    let end = valueOffset;
    for (let token = 0; token < 3; token++) {
      while (end > 0 && /\s/.test(this.source[end - 1]!)) end--;
      let start = end;
      while (start > 0 && !/\s/.test(this.source[start - 1]!)) start--;
      if (start === end) break;
      if (this.source[start] === "!") return start;
      end = start;
    }
    return valueOffset;
  }

  private err<C extends YamlErrorCode>(offset: number, code: C, params: YamlErrorParams[C]) {
    if (this.errors.length < this.maxErrors) this.errors.push(located(this.lc, offset, code, params));
  }

  /** How many nodes a node stands for once every alias in it is expanded (memoized: a DAG). */
  private expandedSize(node: unknown, depth: number): number {
    if (depth > MAX_YAML_DEPTH) return 1;
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      return target === undefined || this.open.has(target) ? 1 : this.expandedSize(target, depth + 1);
    }
    if (isPair(node))
      return this.expandedSize(node.key, depth + 1) + this.expandedSize(node.value, depth + 1);
    if (!isMap(node) && !isSeq(node)) return 1;
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    let n = 1;
    for (const item of node.items as unknown[]) {
      n += this.expandedSize(item, depth + 1);
      if (n > MAX_EXPANDED_NODES * 2) break; // far past any limit: stop counting
    }
    this.sizes.set(node, n);
    return n;
  }

  /** Nodes written in the source (aliases count one each), and the aliases with the expansion so far. */
  sourceNodes = 0;
  expanded = 0;
  readonly aliasesSeen: { offset: number; name: string; expandedSoFar: number }[] = [];
  private readonly sizes = new Map<unknown, number>();

  /**
   * After the walk: the first alias at which the expansion passed 100× the source's own nodes or
   * {@link MAX_EXPANDED_NODES}, refused there.
   */
  judgeExpansion(): void {
    if (this.bombed) return;
    const limit = Math.min(MAX_EXPANDED_NODES, EXPANSION_FACTOR * this.sourceNodes);
    const over = this.aliasesSeen.find((a) => this.sourceNodes + a.expandedSoFar > limit);
    if (over !== undefined) {
      this.bombed = true;
      this.err(over.offset, "yamlAliasLimit", { name: over.name, limit });
    }
  }

  walk(node: unknown, depth: number): void {
    if (this.bombed || this.errors.length >= this.maxErrors || node === null || node === undefined) return;
    if (isPair(node)) {
      this.walk(node.key, depth);
      this.walk(node.value, depth);
      return;
    }
    if (isAlias(node)) {
      const offset = node.range?.[0] ?? 0;
      const target = this.anchors.get(node.source);
      if (target === undefined) {
        this.err(offset, "yamlUnknownAlias", { name: node.source });
        return;
      }
      if (this.open.has(target)) {
        this.err(offset, "yamlCyclicAlias", { name: node.source });
        return;
      }
      this.targets.set(node, target);
      this.sourceNodes++;
      // The alias stands for its target's whole expansion (less the one node the alias is).
      this.expanded += this.expandedSize(target, 0) - 1;
      this.aliasesSeen.push({ offset, name: node.source, expandedSoFar: this.expanded });
      if (this.expanded > MAX_EXPANDED_NODES * 2) {
        this.judgeExpansion();
        this.bombed = true;
      }
      return;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return;
    const offset = node.range?.[0] ?? 0;
    const tag = node.tag;
    if (tag !== undefined && !CORE_TAGS.has(tag) && !COMPOSE_TAGS.has(tag)) {
      this.err(this.tagOffset(offset), "yamlTagNotAllowed", { tag: showTag(tag) });
    }
    this.sourceNodes++;
    if (node.anchor) this.anchors.set(node.anchor, node);
    if (isScalar(node)) return;
    if (depth >= MAX_YAML_DEPTH) {
      this.err(offset, "yamlTooDeep", { limit: MAX_YAML_DEPTH });
      return;
    }
    this.open.add(node);
    for (const item of node.items as unknown[]) this.walk(item, depth + 1);
    this.open.delete(node);
  }
}

// ---------------------------------------------------------------------------------------------
// Pass 2: build the value tree (aliases shared, merge keys applied).

/** Builder stops after this many errors. */
const MAX_BUILD_ERRORS = 20;

const isMergeKey = (key: unknown): boolean =>
  isScalar(key) && typeof key.value === "symbol" && (key.value as symbol).description === "<<";

class Builder {
  readonly errors: YamlError[] = [];
  private readonly memo = new Map<YamlNode, YValue>();
  constructor(
    private readonly targets: ReadonlyMap<unknown, YamlNode>,
    private readonly lc: LineCounter,
  ) {}

  /** An alias's target from the checker's table: Alias.resolve would rescan the document each time. */
  private resolve(node: unknown): unknown {
    return isAlias(node) ? this.targets.get(node) : node;
  }

  build(input: unknown): YValue | null {
    const node = this.resolve(input);
    if (node === null || node === undefined) return null;
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return null;
    const memo = this.memo.get(node);
    if (memo !== undefined) return memo;
    const offset = node.range?.[0] ?? 0;
    let out: YValue;
    if (isScalar(node)) {
      const v: unknown = node.value;
      const value =
        typeof v === "string" || typeof v === "number" || typeof v === "boolean"
          ? v
          : v === null
            ? null
            : String(v);
      out = { t: "scalar", value, text: typeof node.source === "string" ? node.source : String(v), offset };
    } else if (isSeq(node)) {
      out = { t: "seq", items: [], offset };
      this.memo.set(node, out);
      for (const item of node.items) {
        const b = this.build(item);
        out.items.push(
          b ?? {
            t: "scalar",
            value: null,
            text: "",
            offset: (item as YamlNode | null)?.range?.[0] ?? offset,
          },
        );
      }
    } else {
      const map: YMap = { t: "map", entries: new Map(), keyOffsets: new Map(), offset };
      out = map;
      this.memo.set(node, out);
      const merges: { value: unknown; offset: number }[] = [];
      for (const pair of node.items) {
        const keyNode = this.resolve(pair.key);
        const keyOffset = (keyNode as YamlNode | null)?.range?.[0] ?? offset;
        if (isMergeKey(keyNode)) {
          merges.push({ value: pair.value, offset: keyOffset });
          continue;
        }
        let key: string;
        if (keyNode === null || keyNode === undefined) key = "";
        else if (isScalar(keyNode))
          key =
            typeof keyNode.value === "string"
              ? keyNode.value
              : typeof keyNode.source === "string"
                ? keyNode.source
                : String(keyNode.value);
        else {
          this.errors.push(located(this.lc, keyOffset, "yamlComplexKey", {}));
          continue;
        }
        if (map.keyOffsets.has(key)) {
          this.errors.push(located(this.lc, keyOffset, "yamlDuplicateKey", { key }));
          if (this.errors.length >= MAX_BUILD_ERRORS) return out;
          continue;
        }
        const value = this.build(pair.value);
        map.entries.set(key, value ?? { t: "scalar", value: null, text: "", offset: keyOffset });
        map.keyOffsets.set(key, keyOffset);
      }
      for (const m of merges) {
        const src = this.build(m.value);
        const sources = src?.t === "seq" ? src.items : src ? [src] : [];
        for (const s of sources) {
          if (s.t !== "map") {
            // Once per merge key: a list of ten numbers is one mistake, not ten.
            this.errors.push(located(this.lc, m.offset, "yamlMergeNotMapping", {}));
            break;
          }
          // Keys written in the mapping win; among merged mappings, the first one listed wins.
          for (const [k, v] of s.entries)
            if (!map.entries.has(k)) {
              map.entries.set(k, v);
              map.keyOffsets.set(k, s.keyOffsets.get(k) ?? m.offset);
            }
        }
      }
    }
    return out;
  }
}

/**
 * Parses YAML text safely into a located value tree. Never throws for any string; the errors are
 * YAML errors and warnings (syntax, duplicate keys, tabs, unknown tags), alias trouble (cyclic,
 * unknown, over the alias limit), several documents in one file, and too deep nesting.
 */
export function parseYaml(text: string, maxErrors = 20): YamlResult {
  const r = parseYamlText(text, maxErrors, false);
  return r.ok ? { ok: true, value: r.values[0] ?? null, lineCounter: r.lineCounter } : r;
}

/** The outcome of {@link parseYamlDocuments}: each document's value (null for an empty one). */
export type YamlDocumentsResult =
  { ok: true; values: (YValue | null)[]; lineCounter: LineCounter } | { ok: false; errors: YamlError[] };

/**
 * Parses a stream of YAML documents (`---` between them: Kubernetes manifests, Helm output) with
 * the same safety as {@link parseYaml}; each document is checked on its own (tags, aliases, depth).
 */
export function parseYamlDocuments(text: string, maxErrors = 20): YamlDocumentsResult {
  return parseYamlText(text, maxErrors, true);
}

function parseYamlText(text: string, maxErrors: number, several: boolean): YamlDocumentsResult {
  const lc = new LineCounter();
  try {
    // Brackets nested past the limit are refused where they cross it, before yaml's recursive
    // parser could overflow its stack on them.
    const deep = flowNestingOver(text, MAX_YAML_DEPTH);
    if (deep !== undefined) {
      lc.addNewLine(0);
      for (let i = text.indexOf("\n"); i !== -1 && i < deep; i = text.indexOf("\n", i + 1))
        lc.addNewLine(i + 1);
      return { ok: false, errors: [located(lc, deep, "yamlTooDeep", { limit: MAX_YAML_DEPTH })] };
    }
    const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter: lc });
    if (!Array.isArray(docs) || docs.length === 0) return { ok: true, values: [], lineCounter: lc };
    const errors: YamlError[] = [];
    for (const d of docs) for (const e of d.errors) errors.push(fromYamlError(e, lc));
    // yaml reports an unresolved tag as a warning; the checker below refuses every tag that is
    // not the core schema's or compose's own, with a clearer message, so those warnings are skipped.
    for (const d of docs)
      for (const w of d.warnings) if (w.code !== "TAG_RESOLVE_FAILED") errors.push(fromYamlError(w, lc));
    if (errors.length > 0) return { ok: false, errors: errors.slice(0, maxErrors) };
    if (!several && docs.length > 1) {
      const second = docs[1]!;
      const offset = second.range?.[0] ?? 0;
      return { ok: false, errors: [located(lc, offset, "yamlSeveralDocuments", {})] };
    }
    const values: (YValue | null)[] = [];
    for (const doc of docs) {
      const checker = new Checker(lc, maxErrors, text);
      checker.walk(doc.contents, 0);
      checker.judgeExpansion();
      if (checker.errors.length > 0) return { ok: false, errors: checker.errors };
      // Our builder first: it says where a `<<` merge is wrong (yaml's toJS throws without a place).
      const builder = new Builder(checker.targets, lc);
      const value = builder.build(doc.contents);
      if (builder.errors.length > 0) return { ok: false, errors: builder.errors.slice(0, maxErrors) };
      values.push(value);
    }
    return { ok: true, values, lineCounter: lc };
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n", 1)[0]! : String(e);
    return { ok: false, errors: [{ path: "$", code: "yamlInternal", params: { reason } }] };
  }
}

/** The 1-based line and column of an offset. */
export function lineColumn(lc: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}
