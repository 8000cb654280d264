/**
 * The built-in templates drawn by the layout (they give geometry to a few frames at most; the
 * rest is filled in as the stack layout places it): no box of more than three children wider
 * than twice its height, children inside their parents and clear of their siblings, and the
 * same drawing however the nodes and edges are listed.
 */
import { resolveGeometry } from "../../../src/domain/layout/index.ts";
import { TEMPLATES, type TemplateInfo } from "../../../src/templates/index.ts";
import { containmentProblems, siblingOverlaps, withGeometry } from "./forest.ts";
import { permute, wideBoxes } from "./judge.ts";

const LANGS = ["en", "ko"] as const;

describe.each(TEMPLATES.map((t) => [t.id, t] as [string, TemplateInfo]))("%s", (_id, tpl) => {
  it.each(LANGS)("%s: no wide box, children inside parents, siblings apart", (lang) => {
    const doc = tpl.build(lang);
    const out = withGeometry(doc, resolveGeometry(doc));
    expect(wideBoxes(out)).toEqual([]);
    expect(containmentProblems(out)).toEqual([]);
    expect(siblingOverlaps(out)).toEqual([]);
  });

  it.each(LANGS)("%s: the same drawing, twice and whatever the order of nodes and edges", (lang) => {
    const doc = tpl.build(lang);
    const strip = (m: ReturnType<typeof resolveGeometry>) => new Map([...m].map(([id, g]) => [id, g]));
    const a = strip(resolveGeometry(doc));
    expect(strip(resolveGeometry(tpl.build(lang)))).toEqual(a);
    for (const seed of [11, 12]) {
      const shuffled = { ...doc, nodes: permute(doc.nodes, seed), edges: permute(doc.edges, seed + 1) };
      expect(strip(resolveGeometry(shuffled))).toEqual(a);
    }
  });
});
