/** The routing contract as checks over a document and its routes (shared by the routing tests). */
import type { Point, StackDocument } from "../../../src/domain/document.ts";
import { indexDocument } from "../../../src/domain/diagram.ts";
import { absoluteRects } from "../../../src/domain/drop.ts";
import { textBoxes, type Box, type Routes } from "../../../src/domain/routing/index.ts";

const EPS = 1e-6;

export function boxesOf(doc: StackDocument): Map<string, Box> {
  const index = indexDocument(doc);
  const out = new Map<string, Box>();
  for (const [id, r] of absoluteRects(doc, index))
    out.set(id, { l: r.x, t: r.y, r: r.x + r.width, b: r.y + r.height });
  return out;
}

export function ancestors(doc: StackDocument, id: string): string[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  for (let p = byId.get(id)?.parentId; p != null; p = byId.get(p)?.parentId) out.push(p);
  return out;
}

function onBoundary(p: Point, b: Box): boolean {
  const inX = p.x >= b.l - EPS && p.x <= b.r + EPS;
  const inY = p.y >= b.t - EPS && p.y <= b.b + EPS;
  return (
    inX &&
    inY &&
    (Math.abs(p.x - b.l) < EPS ||
      Math.abs(p.x - b.r) < EPS ||
      Math.abs(p.y - b.t) < EPS ||
      Math.abs(p.y - b.b) < EPS)
  );
}

/** Whether segment p–q (axis-parallel) runs through the open inside of `o`. */
export function crosses(p: Point, q: Point, o: Box): boolean {
  if (Math.abs(p.y - q.y) < EPS) {
    const lo = Math.min(p.x, q.x);
    const hi = Math.max(p.x, q.x);
    return p.y > o.t + EPS && p.y < o.b - EPS && lo < o.r - EPS && hi > o.l + EPS;
  }
  const lo = Math.min(p.y, q.y);
  const hi = Math.max(p.y, q.y);
  return p.x > o.l + EPS && p.x < o.r - EPS && lo < o.b - EPS && hi > o.t + EPS;
}

/**
 * Every way a route breaks the contract, as readable strings (empty = all kept): orthogonal,
 * starts and ends on its end boxes, never through a box that is not an end or an ancestor of
 * one (an end box only from the inside when it holds the other end), never through any text area.
 */
export function contractViolations(doc: StackDocument, routes: Routes): string[] {
  const boxes = boxesOf(doc);
  const index = indexDocument(doc);
  const text = textBoxes(doc, index);
  const out: string[] = [];
  for (const e of doc.edges) {
    const r = routes.get(e.id);
    if (r === undefined) {
      if (boxes.has(e.source) && boxes.has(e.target)) out.push(`${e.id}: no route`);
      continue;
    }
    if (!r.ok) out.push(`${e.id}: not ok`);
    const pts = r.points;
    if (pts.length < 2) {
      out.push(`${e.id}: ${pts.length} points`);
      continue;
    }
    for (let k = 0; k + 1 < pts.length; k++) {
      const p = pts[k]!;
      const q = pts[k + 1]!;
      if (Math.abs(p.x - q.x) > EPS && Math.abs(p.y - q.y) > EPS)
        out.push(`${e.id}: segment ${k} is diagonal`);
    }
    if (!onBoundary(pts[0]!, boxes.get(e.source)!)) out.push(`${e.id}: starts off its source's box`);
    if (!onBoundary(pts[pts.length - 1]!, boxes.get(e.target)!))
      out.push(`${e.id}: ends off its target's box`);
    const sa = ancestors(doc, e.source);
    const ta = ancestors(doc, e.target);
    const allowed = new Set([...sa, ...ta]);
    // An end box may hold the route only when it holds the other end.
    if (ta.includes(e.source)) allowed.add(e.source);
    if (sa.includes(e.target)) allowed.add(e.target);
    for (const n of doc.nodes) {
      const bx = boxes.get(n.id)!;
      const tx = text.get(n.id)!;
      for (let k = 0; k + 1 < pts.length; k++) {
        if (!allowed.has(n.id) && crosses(pts[k]!, pts[k + 1]!, bx))
          out.push(`${e.id}: segment ${k} crosses ${n.id}`);
        else if (crosses(pts[k]!, pts[k + 1]!, tx))
          out.push(`${e.id}: segment ${k} crosses the text of ${n.id}`);
      }
    }
  }
  return out;
}

interface Seg {
  edge: string;
  pos: number;
  a: number;
  b: number;
  horizontal: boolean;
}

/** Pairs of parallel segments of different edges, overlapping along, closer than `spacing` across. */
export function closePairs(
  doc: StackDocument,
  routes: Routes,
  spacing = 6,
): Array<{ a: Seg; b: Seg; gap: number }> {
  const segs: Seg[] = [];
  for (const e of doc.edges) {
    const pts = routes.get(e.id)?.points ?? [];
    for (let k = 0; k + 1 < pts.length; k++) {
      const p = pts[k]!;
      const q = pts[k + 1]!;
      const horizontal = Math.abs(p.y - q.y) < EPS;
      const pa = horizontal ? p.x : p.y;
      const qa = horizontal ? q.x : q.y;
      if (Math.abs(pa - qa) < EPS) continue;
      segs.push({
        edge: e.id,
        pos: horizontal ? p.y : p.x,
        a: Math.min(pa, qa),
        b: Math.max(pa, qa),
        horizontal,
      });
    }
  }
  const out: Array<{ a: Seg; b: Seg; gap: number }> = [];
  for (let i = 0; i < segs.length; i++)
    for (let j = i + 1; j < segs.length; j++) {
      const s = segs[i]!;
      const t = segs[j]!;
      if (s.edge === t.edge || s.horizontal !== t.horizontal) continue;
      if (Math.min(s.b, t.b) - Math.max(s.a, t.a) <= EPS) continue;
      const gap = Math.abs(s.pos - t.pos);
      if (gap < spacing - 1e-6) out.push({ a: s, b: t, gap });
    }
  return out;
}
