/**
 * Edges at scale (docs/performance.md): the canvas mounts only the edges with an end or a route in
 * view, and the nodes at both ends of those — not every edge whose far end pulls a node in.
 */
import { edgesToMount, nodesToMount } from "../../../src/domain/viewport.ts";
import { indexDocument } from "../../../src/domain/diagram.ts";
import type { StackDocument } from "../../../src/domain/document.ts";

/** `cols` × `rows` hosts 200 px apart, each joined to its right neighbour. */
function grid(cols: number, rows: number): StackDocument {
  const nodes = [];
  const edges = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const id = `n${r}-${c}`;
      nodes.push({
        id,
        kind: "physical-host" as const,
        position: { x: c * 200, y: r * 100 },
        size: { width: 160, height: 64 },
      });
      if (c + 1 < cols)
        edges.push({ id: `e${r}-${c}`, kind: "network" as const, source: id, target: `n${r}-${c + 1}` });
    }
  return { format: "stackdraw", version: 2, nodes, edges };
}

describe("edges to mount", () => {
  const doc = grid(100, 50);
  const index = indexDocument(doc);
  const area = { x: 0, y: 0, width: 990, height: 490 };

  it("are the edges with an end in view, not the rest of 4,950", () => {
    const edges = edgesToMount(doc, index, area);
    // Columns 0–4 and rows 0–4 are in view: their edges, and those reaching column 5.
    expect(edges.size).toBe(5 * 5);
    for (const id of edges) expect(Number(id.split("-")[1])).toBeLessThanOrEqual(4);
  });

  it("include an edge whose route crosses the view though both ends are outside", () => {
    const far: StackDocument = {
      ...doc,
      edges: [...doc.edges, { id: "long", kind: "network", source: "n49-0", target: "n49-99" }],
    };
    const routes = new Map([
      [
        "long",
        {
          points: [
            { x: 80, y: 4_900 },
            { x: 80, y: 200 },
            { x: 19_880, y: 200 },
            { x: 19_880, y: 4_900 },
          ],
        },
      ],
    ]);
    const ix = indexDocument(far);
    expect(edgesToMount(far, ix, area, routes).has("long")).toBe(true);
    // Both its ends are then mounted, so that React Flow can draw it.
    const nodes = nodesToMount(far, ix, area, [], routes);
    expect(nodes.has("n49-0") && nodes.has("n49-99")).toBe(true);
    // Without the route through the view, it is not mounted.
    const away = new Map([
      [
        "long",
        {
          points: [
            { x: 80, y: 4_950 },
            { x: 19_880, y: 4_950 },
          ],
        },
      ],
    ]);
    expect(edgesToMount(far, ix, area, away).has("long")).toBe(false);
  });
});
