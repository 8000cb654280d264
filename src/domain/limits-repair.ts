/**
 * Bringing a document within the text and depth limits (./limits.ts): what "Open repaired" and an
 * import of over-long texts do, and the cut a text field makes. Apart from the limits themselves
 * because only the reader, the importers and the inspector's forms need it.
 */
import type { StackDocument, StackNode } from "./document.ts";
import { LIMITS, codePointLength, labelOver, propTextLimit, textOver } from "./limits.ts";

/** The first `max` code points of `s` (never splits a surrogate pair). */
export function cutToCodePoints(s: string, max: number): string {
  if (s.length <= max) return s;
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    if (count === max) return s.slice(0, i);
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return s;
}

/** What a repair changed (see {@link repairToLimits}). */
export interface LimitRepair {
  labelsCut: number;
  textsCut: number;
  /** Nodes moved up to the deepest allowed level. */
  lifted: number;
}

/**
 * A document within the text and depth limits made from one that crosses them: labels, titles and
 * texts cut to their limits, and nodes deeper than LIMITS.depth lifted to the deepest allowed
 * ancestor (they keep their place in the stack, one level up per level too many). Counts and size
 * cannot be repaired this way; checkLimits still says so afterwards.
 */
export function repairToLimits(doc: StackDocument): { doc: StackDocument; report: LimitRepair } {
  const report: LimitRepair = { labelsCut: 0, textsCut: 0, lifted: 0 };
  const cutLabel = (s: string | undefined) => {
    if (s === undefined || labelOver(s) === undefined) return s;
    report.labelsCut++;
    return cutToCodePoints(s, LIMITS.labelLength);
  };
  const cutProps = (props: Record<string, unknown> | undefined) => {
    if (props === undefined || textOver(props) === undefined) return props;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(props)) {
      const v = props[k];
      const max = propTextLimit(k);
      const cut = (x: unknown) => {
        if (typeof x !== "string" || codePointLength(x) <= max) return x;
        report.textsCut++;
        return cutToCodePoints(x, max);
      };
      Object.defineProperty(out, k, {
        value: Array.isArray(v) ? v.map(cut) : cut(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const ancestors = (n: StackNode): string[] => {
    const out: string[] = [];
    const seen = new Set<string>([n.id]);
    for (let p = n.parentId; p != null && byId.has(p) && !seen.has(p); p = byId.get(p)!.parentId) {
      seen.add(p);
      out.push(p);
    }
    return out;
  };
  const nodes = doc.nodes.map((n) => {
    let next = n;
    const label = cutLabel(n.label);
    const props = cutProps(n.props);
    if (label !== n.label || props !== n.props) {
      next = { ...n };
      if (label !== undefined) next.label = label;
      if (props !== undefined) next.props = props;
    }
    const up = ancestors(n);
    if (up.length > LIMITS.depth) {
      // The ancestor at depth LIMITS.depth - 1 becomes the parent: the node lands at the limit.
      report.lifted++;
      next = { ...next, parentId: up[up.length - LIMITS.depth]! };
    }
    return next;
  });
  const edges = doc.edges.map((e) => {
    const label = cutLabel(e.label);
    const props = cutProps(e.props);
    if (label === e.label && props === e.props) return e;
    const next = { ...e };
    if (label !== undefined) next.label = label;
    if (props !== undefined) next.props = props;
    return next;
  });
  const title = cutLabel(doc.title);
  const out: StackDocument = { ...doc, nodes, edges };
  if (title !== undefined) out.title = title;
  return { doc: out, report };
}
