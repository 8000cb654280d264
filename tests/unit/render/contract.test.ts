/**
 * The SVG contract (docs/drawing.md, "The SVG is a public contract"), read as an outside tool
 * reads it (./contract.ts): first the reader and the measurements on hand-made SVGs, whose
 * answers are known; then every real drawing — every template in both languages, the importers'
 * fixtures — meets the contract. The routing half of the acceptance (no edge through a foreign
 * box or across text, parallels ≥ 6 px apart, labels clear of text, the slide's aspect ratio) is
 * ./routing-acceptance.test.ts.
 */
import { EDGE_KINDS, EDGE_KIND_DEFS } from "../../../src/domain/kinds/catalog.ts";
import { renderSvg } from "../../../src/render/svg.ts";
import { TEMPLATES } from "../../../src/templates/index.ts";
import { realDrawings } from "./drawings.ts";
import {
  aspectRatio,
  closeParallels,
  contractProblems,
  crosses,
  diagonalSegments,
  diagramAspectRatio,
  endsOffSides,
  labelsOffRoute,
  labelsOverText,
  parsePathData,
  readDrawing,
  segmentsAcrossText,
  segmentsThroughForeignBoxes,
} from "./contract.ts";

/** A hand-made drawing: nodes as [id, parent, x, y, w, h, text box?], edges as [id, source, target, d]. */
function svgOf(
  nodes: [string, string | null, number, number, number, number, [number, number, number, number]?][],
  edges: [string, string, string, string, [number, number, number, number]?][] = [],
  root = 'width="400" height="300" viewBox="0 0 400 300"',
): string {
  const n = nodes
    .map(
      ([id, parent, x, y, w, h, t]) =>
        `<g data-node-id="${id}" data-kind="container"${parent ? ` data-parent-id="${parent}"` : ""} data-x="${x}" data-y="${y}" data-width="${w}" data-height="${h}"` +
        (t
          ? ` data-text-x="${t[0]}" data-text-y="${t[1]}" data-text-width="${t[2]}" data-text-height="${t[3]}"`
          : "") +
        `><rect/></g>`,
    )
    .join("");
  const e = edges
    .map(
      ([id, s, t, d]) =>
        `<path data-edge-id="${id}" data-kind="network" data-source="${s}" data-target="${t}" d="${d}"/>`,
    )
    .join("");
  const l = edges
    .filter((x) => x[4])
    .map(
      ([id, , , , b]) =>
        `<g data-label-for="${id}" data-x="${b![0]}" data-y="${b![1]}" data-width="${b![2]}" data-height="${b![3]}"><text>x</text></g>`,
    )
    .join("");
  const legend = edges.length
    ? `<g class="sd-legend" data-x="0" data-y="0" data-width="1" data-height="1"><g class="sd-legend-entry" data-edge-kind="network"><text>network</text></g></g>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" ${root}>${n}${e}${l}${legend}</svg>`;
}

describe("the contract reader", () => {
  it("reads path data of absolute M, L, H and V only", () => {
    expect(parsePathData("M10 20H50V80L90 80")).toEqual([
      { x: 10, y: 20 },
      { x: 50, y: 20 },
      { x: 50, y: 80 },
      { x: 90, y: 80 },
    ]);
    expect(parsePathData("M 1.5,-2 L 3e1 -2")).toEqual([
      { x: 1.5, y: -2 },
      { x: 30, y: -2 },
    ]);
    // Implicit L after M, repeated points dropped.
    expect(parsePathData("M0 0 10 0H10")).toEqual([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
    ]);
    for (const [d, why] of [
      ["m0 0h10", /command m/],
      ["M0 0l10 0", /command l/],
      ["M0 0C1 1 2 2 3 3", /command C/],
      ["M0 0A5 5 0 0 1 10 0", /command A/],
      ["M0 0H10Z", /command Z/],
      ["M0 0H10M20 0H30", /second M/],
      ["H10", /does not start with M/],
      ["M0 0", /fewer than two/],
      ["M0 0L5", /two numbers/],
      ["M0 0 H1 #5", /unreadable/],
      ["M0 0 H1 x5", /command x/],
    ] as const)
      expect(parsePathData(d)).toMatch(why);
  });

  it("reads nodes, parents, text boxes, edges and labels", () => {
    const d = readDrawing(
      svgOf(
        [
          ["p", null, 0, 0, 200, 100, [10, 80, 50, 14]],
          ["a", "p", 10, 10, 50, 40],
        ],
        [["e", "a", "p", "M60 30H200", [120, 22, 30, 16]]],
      ),
    );
    expect(d.violations).toEqual([]);
    expect(d.nodes).toEqual([
      {
        id: "p",
        kind: "container",
        parentId: null,
        box: { l: 0, t: 0, r: 200, b: 100 },
        text: { l: 10, t: 80, r: 60, b: 94 },
      },
      { id: "a", kind: "container", parentId: "p", box: { l: 10, t: 10, r: 60, b: 50 }, text: null },
    ]);
    expect(d.edges[0]).toMatchObject({
      id: "e",
      source: "a",
      target: "p",
      label: { l: 120, t: 22, r: 150, b: 38 },
      labelText: "x",
    });
    expect(d.legend).toEqual([{ key: "edge:network", words: "network" }]);
    expect(contractProblems(d)).toEqual([]);
  });

  it("reports what breaks the contract, all at once", () => {
    const bad =
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100" viewBox="0 0 400 300">` +
      `<rect data-node-id="r" data-kind="vm" data-x="0" data-y="0" data-width="1" data-height="1"/>` +
      `<g data-node-id="n" data-x="a" data-y="0" data-width="1"/>` +
      `<g data-node-id="c" data-kind="vm" data-parent-id="ghost" data-x="0" data-y="0" data-width="1" data-height="1"/>` +
      `<path data-edge-id="e" data-kind="network" data-source="n" d="M0 0c1 1 2 2"/>` +
      `<line data-edge-id="f" data-kind="network" data-source="n" data-target="zz"/>` +
      `</svg>`;
    const v = readDrawing(bad).violations;
    expect(v).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/do not agree with viewBox/),
        'node "r" is a <rect>, not a <g>',
        'node "n": no data-kind',
        'node "n": data-x is "a"',
        'node "n": data-height is missing',
        'node "c": its parent "ghost" is not drawn',
        'edge "e": no data-target',
        'edge "e": command c (only absolute M, L, H, V)',
        'edge "f" is a <line>, not a <path>',
        'edge "f": its end "zz" is not drawn',
      ]),
    );
    expect(readDrawing(svgOf([], [], 'width="10" height="10"')).violations).toContain(
      "<svg>: no readable viewBox",
    );
    // A scaled drawing agrees; a stretched one does not.
    expect(readDrawing(svgOf([], [], 'width="800" height="600" viewBox="0 0 400 300"')).violations).toEqual(
      [],
    );
  });

  it("asks for a title when the document has one and a legend entry per edge kind drawn", () => {
    const d = readDrawing(svgOf([["a", null, 0, 0, 10, 10]], [["e", "a", "a", "M10 5H20V8H10"]]));
    expect(contractProblems(d, { title: "Prod" })).toEqual(["no title drawn"]);
    expect(contractProblems(d, { title: "  " })).toEqual([]);
    const noLegend = readDrawing(
      svgOf([["a", null, 0, 0, 10, 10]]).replace(
        "</svg>",
        '<path data-edge-id="e" data-kind="pulls" data-source="a" data-target="a" d="M0 0H5"/></svg>',
      ),
    );
    expect(contractProblems(noLegend)).toEqual(["edges but no legend"]);
    const wrong = readDrawing(
      svgOf([["a", null, 0, 0, 10, 10]], [["e", "a", "a", "M10 5H20"]]).replace(
        'data-kind="network" data-source',
        'data-kind="pulls" data-source',
      ),
    );
    expect(contractProblems(wrong)).toEqual(["legend shows network, the drawing pulls"]);
    const outside = readDrawing(svgOf([["a", null, 390, 0, 20, 10]], [["e", "a", "a", "M410 5H420"]]));
    expect(contractProblems(outside)).toEqual([
      'node "a" outside the viewBox',
      'edge "e" leaves the viewBox',
    ]);
  });
});

describe("the measurements", () => {
  // A parent p holding a and b side by side, a root c to the right; text boxes on a, b, c.
  const nodes: Parameters<typeof svgOf>[0] = [
    ["p", null, 0, 0, 200, 100, [10, 76, 60, 16]],
    ["a", "p", 10, 10, 60, 50, [20, 25, 40, 20]],
    ["b", "p", 120, 10, 60, 50, [130, 25, 40, 20]],
    ["c", null, 300, 0, 60, 50, [310, 15, 40, 20]],
  ];

  it("finds segments through the box of a node that is neither an end nor an ancestor of one", () => {
    const d = readDrawing(
      svgOf(nodes, [
        ["through-b", "a", "c", "M70 35H300"], // across b, which is neither end
        ["around-b", "a", "c", "M70 5H300"], // inside p (an ancestor of a), above b
        ["along-b", "a", "c", "M70 10H300"], // along b's top side: not through
        ["into-parent", "a", "p", "M40 60V100"], // from a down through p's inside: p is an end
      ]),
    );
    expect(segmentsThroughForeignBoxes(d).map((h) => [h.edge, h.node])).toEqual([["through-b", "b"]]);
    expect(crosses({ x: 0, y: 0 }, { x: 100, y: 100 }, { l: 40, t: 40, r: 60, b: 60 })).toBe(true);
    expect(crosses({ x: 0, y: 0 }, { x: 100, y: 0 }, { l: 40, t: 0, r: 60, b: 60 })).toBe(false);
    expect(crosses({ x: 0, y: 0 }, { x: 40, y: 0 }, { l: 40, t: -5, r: 60, b: 5 })).toBe(false);
  });

  it("finds segments across any node's text, its own ends' included", () => {
    const d = readDrawing(
      svgOf(nodes, [
        ["own-text", "a", "c", "M40 10V35H300"], // down into a's own text, then across b's text
        ["clear", "a", "c", "M70 5H300"],
      ]),
    );
    expect(segmentsAcrossText(d).map((h) => [h.edge, h.node])).toEqual([
      ["own-text", "a"],
      ["own-text", "a"],
      ["own-text", "b"],
    ]);
  });

  it("finds parallel segments of different edges closer than 6 px, running side by side", () => {
    const d = readDrawing(
      svgOf(nodes, [
        ["h1", "a", "c", "M70 5H300"],
        ["h2", "a", "c", "M70 9H300"], // 4 px below h1
        ["h3", "a", "c", "M70 15H300"], // 6 px below h2: fine
        ["v1", "a", "c", "M250 20V90"],
        ["v2", "a", "c", "M253 95V120"], // 3 px beside v1 but not alongside it
        ["v3", "a", "c", "M255 20V40"], // 5 px beside v1, alongside it
      ]),
    );
    expect(closeParallels(d).map((p) => [p.a.edge, p.b.edge, p.gap])).toEqual([
      ["h1", "h2", 4],
      ["v1", "v3", 5],
    ]);
    expect(closeParallels(d, 7).map((p) => [p.a.edge, p.b.edge])).toContainEqual(["h2", "h3"]);
    // One edge's own segments never count.
    expect(closeParallels(readDrawing(svgOf(nodes, [["u", "a", "c", "M70 5H300V7H70"]])))).toEqual([]);
  });

  it("finds labels over node text and off their route, route ends off their boxes, diagonals", () => {
    const d = readDrawing(
      svgOf(nodes, [
        ["ok", "a", "b", "M70 35H120", [80, 28, 30, 14]],
        ["on-text", "a", "c", "M70 30H300", [125, 20, 30, 14]],
        ["off-route", "b", "c", "M180 35H300", [200, 60, 20, 10]],
        ["loose-end", "a", "c", "M75 35H300"],
        ["slanted", "b", "c", "M180 35L300 25"],
      ]),
    );
    expect(labelsOverText(d)).toEqual([["on-text", "b"]]);
    expect(labelsOffRoute(d)).toEqual(["off-route"]);
    expect(endsOffSides(d)).toEqual(["loose-end"]);
    expect(diagonalSegments(d).map((s) => s.edge)).toEqual(["slanted"]);
  });

  it("measures the aspect ratio of the image and of the diagram", () => {
    const d = readDrawing(svgOf(nodes));
    expect(aspectRatio(d)).toBeCloseTo(400 / 300);
    expect(diagramAspectRatio(d)).toBeCloseTo(360 / 100);
  });
});

// ---------------------------------------------------------------------------------------------
// Real drawings

describe("every real drawing meets the contract", () => {
  const drawings = realDrawings();

  it("has drawings to look at", () => {
    expect(drawings.length).toBeGreaterThanOrEqual(TEMPLATES.length * 2 + 3);
  });

  it.each(drawings)(
    "$name: attributes, paths, viewBox, title, legend, orthogonal routes from side to side",
    ({ doc, lang }) => {
      const svg = renderSvg(doc, { lang }).svg;
      const d = readDrawing(svg);
      expect(contractProblems(d, { title: doc.title })).toEqual([]);
      expect(d.nodes).toHaveLength(doc.nodes.length);
      expect(d.edges).toHaveLength(doc.edges.length);
      expect(diagonalSegments(d)).toEqual([]);
      expect(endsOffSides(d)).toEqual([]);
      expect(labelsOffRoute(d)).toEqual([]);
      // An edge says the person's label (always), else its kind in words (where they fit).
      for (const e of d.edges) {
        const edge = doc.edges.find((x) => x.id === e.id)!;
        if (edge.label?.trim()) expect(edge.label.startsWith(e.labelText!.replace(/…$/, ""))).toBe(true);
        else if (e.labelText !== null) expect(e.labelText).toBe(EDGE_KIND_DEFS[edge.kind].verb[lang]);
      }
      // Every node's text has a box.
      for (const n of d.nodes) expect(n.text).not.toBeNull();
    },
  );

  it("draws each edge kind differently and says its words in the legend", () => {
    const nodes = EDGE_KINDS.flatMap((_k, i) => [
      {
        id: `s${i}`,
        kind: "container" as const,
        position: { x: 0, y: i * 120 },
        size: { width: 160, height: 64 },
      },
      {
        id: `t${i}`,
        kind: "container" as const,
        position: { x: 400, y: i * 120 },
        size: { width: 160, height: 64 },
      },
    ]);
    const edges = EDGE_KINDS.map((kind, i) => ({ id: `e${i}`, kind, source: `s${i}`, target: `t${i}` }));
    for (const lang of ["en", "ko"] as const) {
      const svg = renderSvg({ format: "stackdraw", version: 1, nodes, edges }, { lang, problems: false }).svg;
      const d = readDrawing(svg);
      expect(d.legend).toEqual(
        EDGE_KINDS.map((k) => ({ key: `edge:${k}`, words: EDGE_KIND_DEFS[k].verb[lang] })),
      );
      expect(d.edges.map((e) => e.labelText)).toEqual(EDGE_KINDS.map((k) => EDGE_KIND_DEFS[k].verb[lang]));
      const looks = [...svg.matchAll(/<path class="sd-edge-line"[^>]*>/g)].map((m) =>
        [/stroke-width="([^"]+)"/, /stroke-dasharray="([^"]+)"/]
          .map((re) => re.exec(m[0])?.[1] ?? "-")
          .join(" "),
      );
      expect(new Set(looks).size).toBe(EDGE_KINDS.length);
    }
  });
});
