// @vitest-environment jsdom
/**
 * The canvas side of "every kind looks the same on the canvas and in the exports": the node view
 * puts its kind's declared look on the node (`data-border`, the frame class), which the
 * stylesheet draws (tests/unit/render/look.test.ts: only `[data-border="dashed"]` sets a border
 * style) and which the SVG renderer reads too (same test file). Rendered through React Flow, as
 * the canvas does.
 */
import { render } from "@testing-library/react";
import { ReactFlow, ReactFlowProvider } from "@xyflow/react";
import { beforeAll, describe, expect, it } from "vitest";
import { installFlowDomShims } from "./jsdom-flow.ts";
import { FlowAdapter } from "../../src/canvas/adapter.ts";
import { StackNodeView, type StackFlowNode } from "../../src/canvas/StackNodeView.tsx";
import { EDGE_KINDS, EDGE_KIND_DEFS, KIND_DEFS, KINDS, type Kind } from "../../src/domain/kinds/catalog.ts";
import type { StackNode } from "../../src/domain/document.ts";
import { BORDER_DASHARRAY, STROKE_DASHARRAY } from "../../src/domain/view-model.ts";
import { nodeOutline } from "../../src/render/svg.ts";

beforeAll(installFlowDomShims);

const nodeTypes = { stack: StackNodeView };

function flowNode(node: StackNode, x: number, hasChildren: boolean): StackFlowNode {
  return {
    id: node.id,
    type: "stack",
    position: { x, y: 0 },
    width: 160,
    height: 64,
    data: {
      node,
      lang: "en",
      problems: [],
      hasChildren,
      highlighted: false,
      managedBy: null,
      hint: null,
      hintMessage: null,
      renaming: false,
    },
  };
}

/** Every kind drawn by the node view, as a leaf and as a parent; returns each drawn `.sd-node` by id. */
function drawEveryKind(): Map<string, HTMLElement> {
  const nodes = KINDS.flatMap((k, i) => [
    flowNode({ id: `leaf-${k}`, kind: k }, i * 400, false),
    flowNode({ id: `parent-${k}`, kind: k }, i * 400 + 200, true),
  ]);
  const { container } = render(
    <ReactFlowProvider>
      <div style={{ width: 1000, height: 800 }}>
        <ReactFlow nodes={nodes} nodeTypes={nodeTypes} />
      </div>
    </ReactFlowProvider>,
  );
  const out = new Map<string, HTMLElement>();
  for (const el of container.querySelectorAll<HTMLElement>(".react-flow__node")) {
    const id = el.dataset.id!;
    out.set(id, el.querySelector<HTMLElement>(".sd-node")!);
  }
  return out;
}

describe("the node view draws each kind's declared look", () => {
  it("sets every node's border and shape from its kind's declaration", () => {
    const drawn = drawEveryKind();
    expect(drawn.size).toBe(KINDS.length * 2);
    for (const k of KINDS) {
      const look = KIND_DEFS[k].look;
      for (const [id, shape] of [
        [`leaf-${k}`, look.leafShape],
        [`parent-${k}`, look.shape],
      ] as const) {
        const el = drawn.get(id)!;
        expect(el.dataset.kind).toBe(k);
        expect(el.dataset.border, id).toBe(look.border);
        expect(el.classList.contains("sd-frame"), id).toBe(shape === "frame");
        expect(el.classList.contains("sd-stack"), id).toBe(shape === "box");
        // The export draws the same shape and border for the same node.
        expect(nodeOutline(k, id.startsWith("parent")).shape, id).toBe(shape);
      }
    }
  });

  it("draws registries and images dashed on the canvas, as the export does", () => {
    const drawn = drawEveryKind();
    const kinds: Kind[] = ["registry", "image"];
    for (const k of kinds)
      for (const hasChildren of [false, true]) {
        expect(drawn.get(`${hasChildren ? "parent" : "leaf"}-${k}`)!.dataset.border).toBe("dashed");
        // The export's dash for the same declaration.
        expect(nodeOutline(k, hasChildren).dasharray).toBe(BORDER_DASHARRAY.dashed);
      }
  });
});

describe("the canvas draws each edge kind's declared stroke", () => {
  it("puts the declared dash on every edge's path, the one the export draws", () => {
    const edges = EDGE_KINDS.map((kind) => ({ id: kind, kind, source: "a", target: "b" }));
    const doc = {
      format: "stackdraw" as const,
      version: 1 as const,
      nodes: [
        { id: "a", kind: "container" as const },
        { id: "b", kind: "container" as const },
      ],
      edges,
    };
    const rf = new FlowAdapter().edges(doc, null, "en", new Set());
    expect(rf.map((e) => e.style?.strokeDasharray)).toEqual(
      EDGE_KINDS.map((k) => STROKE_DASHARRAY[EDGE_KIND_DEFS[k].stroke]),
    );
  });
});
