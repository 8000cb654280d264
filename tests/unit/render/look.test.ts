/**
 * Every kind looks the same in the exports as on the canvas BY CONSTRUCTION: the SVG renderer's
 * outline of a node (corner, dash) and of an edge (dash) is its kind's declared look, the one the
 * node view puts on the canvas (tests/component/node-look.test.tsx checks that side; the
 * stylesheet's side is checked below). Registries and images are the case that once differed:
 * dashed on the canvas, solid in exports.
 */
import { readFileSync } from "node:fs";
import type { StackDocument, StackNode } from "../../../src/domain/document.ts";
import {
  EDGE_KINDS,
  EDGE_KIND_DEFS,
  EDGE_WIDTH,
  KIND_DEFS,
  KINDS,
  type Kind,
} from "../../../src/domain/kinds/catalog.ts";
import { BORDER_DASHARRAY, CORNER_RADIUS, STROKE_DASHARRAY } from "../../../src/domain/view-model.ts";
import { nodeOutline, renderSvg } from "../../../src/render/svg.ts";
import { FlowAdapter } from "../../../src/canvas/adapter.ts";
import { elements, parseXml, type XmlElement } from "./xml-check.ts";

/** styles.css without its comments. */
const css = readFileSync(new URL("../../../src/styles.css", import.meta.url), "utf8").replace(
  /\/\*[\s\S]*?\*\//g,
  "",
);

const one = (nodes: StackNode[]): StackDocument => ({ format: "stackdraw", version: 1, nodes, edges: [] });

/** The first node group of a drawing: its box, and the baselines of its kind name and label. */
function firstNode(svg: string): { box: XmlElement; kindY: number; labelY: number; hasKind: boolean } {
  const root = parseXml(svg);
  const layer = [...elements(root)].find((e) => e.attrs.get("class") === "sd-nodes")!;
  const g = layer.children.find((c): c is XmlElement => typeof c !== "string")!;
  const el = (cls: string) => [...elements(g)].find((e) => e.attrs.get("class") === cls);
  return {
    box: g.children.find((c): c is XmlElement => typeof c !== "string" && c.name === "rect")!,
    hasKind: el("sd-kind") !== undefined,
    kindY: Number(el("sd-kind")?.attrs.get("y")),
    labelY: Number(el("sd-label")!.attrs.get("y")),
  };
}

describe("the export draws each kind's declared look", () => {
  const cases = KINDS.flatMap((k) => [
    { k, hasChildren: false, shape: KIND_DEFS[k].look.leafShape },
    { k, hasChildren: true, shape: KIND_DEFS[k].look.shape },
  ]);
  it.each(cases)(
    "$k (children: $hasChildren) is drawn as its declared $shape",
    ({ k, hasChildren, shape }) => {
      const nodes: StackNode[] = [{ id: "a", kind: k, label: "A" }];
      if (hasChildren) nodes.push({ id: "b", kind: "group", parentId: "a" });
      const { box, kindY, labelY } = firstNode(renderSvg(one(nodes), { problems: false }).svg);
      const border = KIND_DEFS[k].look.border;
      expect(box.attrs.get("stroke-dasharray")).toBe(BORDER_DASHARRAY[border]);
      const w = Number(box.attrs.get("width"));
      const h = Number(box.attrs.get("height"));
      expect(Number(box.attrs.get("rx"))).toBe(Math.min(CORNER_RADIUS[shape] - 0.75, w / 2, h / 2));
      // A frame's kind name and label share a line (its title bar); a box stacks them.
      if (shape === "frame") expect(kindY).toBe(labelY);
      else expect(kindY).toBeLessThan(labelY);
      expect(nodeOutline(k, hasChildren)).toEqual({
        shape,
        radius: CORNER_RADIUS[shape],
        dasharray: BORDER_DASHARRAY[border],
      });
    },
  );

  it("registries and images are dashed in the export, as on the canvas", () => {
    const kinds: Kind[] = ["registry", "image"];
    for (const k of kinds) {
      expect(KIND_DEFS[k].look.border).toBe("dashed");
      for (const nodes of [
        [{ id: "a", kind: k }],
        [
          { id: "a", kind: k },
          { id: "b", kind: k, parentId: "a" },
        ],
      ]) {
        const { box, hasKind } = firstNode(renderSvg(one(nodes), { problems: false }).svg);
        expect(box.attrs.get("stroke-dasharray")).toBe(BORDER_DASHARRAY.dashed);
        // Unlabelled, the node shows its kind's name once, as its label (as the node view does).
        expect(hasKind).toBe(false);
      }
    }
  });

  it("every edge's dash comes from its kind's declared stroke", () => {
    const nodes: StackNode[] = [
      { id: "a", kind: "container", position: { x: 0, y: 0 }, size: { width: 160, height: 64 } },
      { id: "b", kind: "container", position: { x: 400, y: 0 }, size: { width: 160, height: 64 } },
    ];
    const edges = EDGE_KINDS.map((kind) => ({ id: kind, kind, source: "a", target: "b" }));
    const root = parseXml(
      renderSvg({ format: "stackdraw", version: 1, nodes, edges }, { problems: false }).svg,
    );
    const lines = [...elements(root)].filter((e) => e.attrs.get("class") === "sd-edge-line");
    expect(lines.map((l) => l.attrs.get("stroke-dasharray"))).toEqual(
      EDGE_KINDS.map((k) => STROKE_DASHARRAY[EDGE_KIND_DEFS[k].stroke]),
    );
    // …and its width from its declared weight, the one the canvas puts on the path.
    const widths = EDGE_KINDS.map((k) => EDGE_WIDTH[EDGE_KIND_DEFS[k].weight ?? "regular"]);
    expect(lines.map((l) => Number(l.attrs.get("stroke-width")))).toEqual(widths);
    const canvas = new FlowAdapter().edges(
      { format: "stackdraw", version: 1, nodes, edges },
      null,
      "en",
      new Set(),
    );
    expect(canvas.map((e) => e.style?.strokeWidth)).toEqual(widths);
    expect(canvas.map((e) => e.style?.strokeDasharray)).toEqual(
      lines.map((l) => l.attrs.get("stroke-dasharray")),
    );
  });

  it("draws the edge kinds as the brief says: network solid, pulls dashed, launched-from dotted, moves bold, mounts bold dotted, routes dash-dot", () => {
    const look = (k: (typeof EDGE_KINDS)[number]) => [
      EDGE_KIND_DEFS[k].stroke,
      EDGE_KIND_DEFS[k].weight ?? "regular",
    ];
    expect(look("network")).toEqual(["solid", "regular"]);
    expect(look("pulls")).toEqual(["dashed", "regular"]);
    expect(look("launched-from")).toEqual(["dotted", "regular"]);
    expect(look("moves")).toEqual(["solid", "bold"]);
    expect(look("mounts")).toEqual(["dotted", "bold"]);
    expect(look("routes")).toEqual(["dash-dot", "regular"]);
    // No two kinds look the same.
    expect(new Set(EDGE_KINDS.map((k) => look(k).join())).size).toBe(EDGE_KINDS.length);
  });
});

describe("the stylesheet draws the node view's declared look, and nothing else decides it", () => {
  /** The declaration blocks of styles.css whose selector mentions `needle`, as [selector, body]. */
  const rules = (needle: string): [string, string][] =>
    [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)]
      .map((m): [string, string] => [m[1]!.trim(), m[2]!])
      .filter(([sel]) => sel.includes(needle));

  it("dashes exactly the nodes whose data-border says dashed", () => {
    const setters = [...css.matchAll(/([^{}]+)\{([^}]*border-style[^}]*)\}/g)].map((m) => m[1]!.trim());
    expect(setters).toEqual(['.sd-node[data-border="dashed"]']);
    expect(rules('[data-border="dashed"]')[0]![1]).toMatch(/border-style:\s*dashed/);
  });

  it("has no per-kind edge dash: the adapter sets the declared one on the path", () => {
    expect(css).not.toMatch(/stroke-dasharray/);
    for (const k of EDGE_KINDS) expect(rules(`.sd-edge-${k}`)).toEqual([]);
  });
});
