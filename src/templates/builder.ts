/**
 * A small builder shared by the templates: each template is written once with both languages
 * side by side (`L(en, ko)`), and the builder picks one language when the document is built.
 * Node and edge ids never depend on the language.
 */
import {
  CURRENT_VERSION,
  FORMAT,
  type DocumentView,
  type StackDocument,
  type StackEdge,
  type StackNode,
} from "../domain/document.ts";
import type { EdgeKind, Kind } from "../domain/kinds/catalog.ts";
import { nodeOf, type PropsOf } from "../domain/kinds/nodes.ts";
import type { Lang, Localized } from "../domain/kinds/props.ts";
import { LAYOUT, contentInsets, resolveGeometry } from "../domain/layout/index.ts";

export type { Lang, Localized };

/** Text in both languages, English first. */
export const L = (en: string, ko: string): Localized => ({ en, ko });

/** Collects the nodes and edges of one template in one language. */
export class TemplateBuilder {
  readonly nodes: StackNode[] = [];
  readonly edges: StackEdge[] = [];

  constructor(readonly lang: Lang) {}

  /** The text in the builder's language. */
  t(text: Localized): string {
    return text[this.lang];
  }

  /**
   * Adds a node (without position or size: the stack layout places it when the document opens)
   * and returns its id, so that children can name it as their parent. Its props are type-checked
   * against its kind's declaration.
   */
  node<K extends Kind>(
    id: string,
    kind: K,
    parentId: string | null,
    label: Localized,
    props: PropsOf<K> = {},
    notes?: Localized,
  ): string {
    const all: PropsOf<K> = { ...props };
    if (notes) all.notes = this.t(notes);
    this.nodes.push(
      nodeOf(kind, id, { ...(parentId !== null ? { parentId } : {}), label: this.t(label), props: all }),
    );
    return id;
  }

  edge(id: string, kind: EdgeKind, source: string, target: string, label?: Localized): void {
    this.edges.push({ id, kind, source, target, ...(label ? { label: this.t(label) } : {}) });
  }

  /** The finished document. */
  build(title: Localized, view?: DocumentView): StackDocument {
    return {
      format: FORMAT,
      version: CURRENT_VERSION,
      title: this.t(title),
      nodes: this.nodes,
      edges: this.edges,
      ...(view ? { view } : {}),
    };
  }
}

/**
 * Gives hand positions to the children of `parentId` (or to root nodes, for `null`) so that they
 * sit in rows instead of one long row: each inner list is a row, left to right, bottom-aligned
 * like the stack layout's row; rows go top to bottom. Sizes come from the stack layout itself, so
 * the rows follow the labels of the language being built. Everything else keeps no geometry.
 * Call it for inner parents before outer ones (an outer parent's size depends on its children's
 * positions).
 */
export function placeRows(
  doc: StackDocument,
  parentId: string | null,
  rows: readonly (readonly string[])[],
  gap: number = parentId === null ? LAYOUT.rootGap : LAYOUT.gap,
): StackDocument {
  const geo = resolveGeometry(doc);
  const parent = parentId === null ? undefined : doc.nodes.find((n) => n.id === parentId);
  const origin = parent ? contentInsets(parent.kind) : { left: 0, top: 0 };
  const positions = new Map<string, { x: number; y: number }>();
  let y = origin.top;
  for (const row of rows) {
    const sizes = row.map((id) => {
      const g = geo.get(id);
      if (!g) throw new Error(`placeRows: no node ${id}`);
      return g.size;
    });
    const rowH = Math.max(...sizes.map((s) => s.height));
    let x = origin.left;
    row.forEach((id, i) => {
      const s = sizes[i]!;
      positions.set(id, { x, y: y + rowH - s.height });
      x += s.width + gap;
    });
    y += rowH + gap;
  }
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)),
  };
}
