/**
 * The Stackdraw document (`.stackdraw.json`, version 2): the single model that the editor, the
 * CLI, the templates and the importers share. See docs/document-format.md.
 */
import type { EdgeKind, Kind } from "./kinds/catalog.ts";

export const FORMAT = "stackdraw";
/** The newest document version this build reads and writes. */
export const CURRENT_VERSION = 2;

/**
 * The versions a document in memory may say it is. The reader always gives CURRENT_VERSION and the
 * writer always writes it; version 2 only added and widened, so a document built as version 1
 * (in code that predates it) is a valid model of version 2 as it is.
 */
export type DocumentVersion = 1 | typeof CURRENT_VERSION;

export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}

/** A node of the diagram. */
export interface StackNode {
  /** Unique among nodes and edges. May be any string, `__proto__` included (lookups use Maps). */
  id: string;
  kind: Kind;
  /** The node it runs on / sits in; absent or null = at the root. Never forms a cycle. */
  parentId?: string | null;
  /** Display name; absent = the kind's name. At most {@link LIMITS.labelLength} characters. */
  label?: string;
  /**
   * Kind-specific props. Declared props are type-checked on read; unknown ones are kept as they
   * were. Always an own-property bag read through `Object.hasOwn`, never a prototype chain.
   */
  props?: Record<string, unknown>;
  /** Relative to the parent's top-left corner (root nodes: canvas coordinates). */
  position?: Point;
  /** Absent = sized to fit its children. */
  size?: Size;
  /**
   * True when the person sized this node by hand: it keeps at least `size` instead of shrinking to
   * fit its children (docs/drawing.md). Never `false` in a document read from a file: the reader
   * drops `false`, and the writer writes the field only when true.
   */
  manualSize?: boolean;
  /**
   * Suppressed rules: rule id → the reason, a non-empty string. A problem of one of these rules
   * whose first node is this one is suppressed (docs/rules.md, Suppressions). A key that is not a
   * rule id is kept and suppresses nothing.
   */
  suppress?: Readonly<Record<string, string>>;
}

export interface StackEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  label?: string;
  props?: Record<string, unknown>;
}

export type Overlay = "none" | "managedBy";

/** Where the canvas looks: flow coordinates are shown at `zoom`, shifted by (x, y) screen pixels. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface DocumentView {
  viewport?: Viewport;
  overlay?: Overlay;
}

export interface StackDocument {
  format: typeof FORMAT;
  version: DocumentVersion;
  title?: string;
  nodes: StackNode[];
  edges: StackEdge[];
  view?: DocumentView;
}

/** The stated limits (docs/reliability.md, promise 9): declared once, in ./limits.ts. */
export { LIMITS } from "./limits.ts";

export function emptyDocument(title?: string): StackDocument {
  return {
    format: FORMAT,
    version: CURRENT_VERSION,
    ...(title !== undefined ? { title } : {}),
    nodes: [],
    edges: [],
  };
}

/** Reads an own prop; never walks the prototype chain (ids and keys may be `__proto__`). */
export function ownProp(props: Record<string, unknown> | undefined, key: string): unknown {
  return props !== undefined && Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
}
