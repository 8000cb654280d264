/**
 * The limits module (src/domain/limits.ts) as the reader and the writer apply it: every limit is
 * refused with its path, duplicate keys and non-UTF-8 bytes are document errors naming where, and
 * anything within the limits saves within the size limit.
 */
import fc from "fast-check";
import { readDocument } from "../../../src/io/read.ts";
import { savedByteLength, utf8Length, writeDocument, writeForSave } from "../../../src/io/write.ts";
import {
  LIMITS,
  ZOOM_RANGE,
  clampViewport,
  checkLimits,
  codePointLength,
  deepestNode,
} from "../../../src/domain/limits.ts";
import { cutToCodePoints, repairToLimits } from "../../../src/domain/limits-repair.ts";
import type { StackDocument, StackNode } from "../../../src/domain/document.ts";

const doc = (nodes: StackNode[], extra: Partial<StackDocument> = {}): StackDocument => ({
  format: "stackdraw",
  version: 2,
  nodes,
  edges: [],
  ...extra,
});

const errorsOf = (text: string | Uint8Array) => {
  const r = readDocument(text);
  if (r.ok) throw new Error("read");
  return r.errors;
};

describe("the reader refuses each limit with its path", () => {
  it("more than LIMITS.edges edges, before reading any edge", () => {
    const edges = Array.from({ length: LIMITS.edges + 1 }, (_, i) => ({
      id: `e${i}`,
      kind: "network",
      source: "a",
      target: "b",
    }));
    const text = JSON.stringify({ format: "stackdraw", version: 2, nodes: [], edges });
    expect(errorsOf(text)).toEqual([
      { path: "edges", code: "tooManyEdges", params: { count: LIMITS.edges + 1, limit: LIMITS.edges } },
    ]);
    // At the limit it reads (the ends then have to name nodes).
    const at = JSON.stringify({ format: "stackdraw", version: 2, nodes: [], edges: edges.slice(1) });
    expect(errorsOf(at)[0]!.code).toBe("missingEndpoint");
  });

  it("notes over LIMITS.notesLength and other prop text over LIMITS.propTextLength, declared or not", () => {
    const n = (props: Record<string, unknown>) =>
      JSON.stringify(doc([{ id: "c", kind: "container", props }]));
    expect(readDocument(n({ notes: "n".repeat(LIMITS.notesLength) })).ok).toBe(true);
    expect(errorsOf(n({ notes: "n".repeat(LIMITS.notesLength + 1) }))[0]).toMatchObject({
      path: "nodes[0].props.notes",
      code: "tooLong",
      params: { length: LIMITS.notesLength + 1, limit: LIMITS.notesLength },
    });
    expect(errorsOf(n({ image: "i".repeat(LIMITS.propTextLength + 1) }))[0]).toMatchObject({
      path: "nodes[0].props.image",
      code: "tooLong",
    });
    expect(errorsOf(n({ profiles: ["a", "p".repeat(LIMITS.propTextLength + 1)] }))[0]).toMatchObject({
      path: "nodes[0].props.profiles[1]",
    });
    expect(errorsOf(n({ "my note": "u".repeat(LIMITS.propTextLength + 1) }))[0]).toMatchObject({
      path: 'nodes[0].props["my note"]',
    });
    // Emoji count once each (code points, not UTF-16 units).
    expect(readDocument(n({ image: "😀".repeat(LIMITS.propTextLength) })).ok).toBe(true);
  });

  it("a key given twice is a document error at its path with line:column, not last-wins", () => {
    expect(errorsOf('{"format":"stackdraw","version":2,"version":1,"nodes":[]}')).toEqual([
      { path: "version", code: "duplicateKey", params: { key: "version", line: 1, column: 35 } },
    ]);
    const nested =
      '{"format":"stackdraw","version":2,"nodes":[{"id":"a","kind":"container"},\n {"id":"b","kind":"container","props":{"image":"x","im\\u0061ge":"y"}}]}';
    expect(errorsOf(nested)[0]).toMatchObject({
      path: "nodes[1].props.image",
      code: "duplicateKey",
      params: { key: "image", line: 2 },
    });
    // The same key in two different objects is fine.
    expect(
      readDocument(
        '{"format":"stackdraw","version":2,"nodes":[{"id":"a","kind":"container"},{"id":"b","kind":"container"}]}',
      ).ok,
    ).toBe(true);
  });

  it("bytes that are not UTF-8 are refused naming the byte offset", () => {
    const good = new TextEncoder().encode('{"format":"stackdraw","version":2,"title":"é","nodes":[]}');
    expect(readDocument(good).ok).toBe(true);
    const bad = new Uint8Array([...good.slice(0, 43), 0xff, ...good.slice(44)]);
    expect(errorsOf(bad)).toEqual([
      { path: "$", code: "notText", params: { cause: "encoding", offset: 43 } },
    ]);
    // A truncated sequence, and an overlong encoding of '/'.
    expect(errorsOf(new Uint8Array([0x7b, 0xe2, 0x82]))[0]!.params).toEqual({ cause: "encoding", offset: 1 });
    expect(errorsOf(new Uint8Array([0x20, 0x20, 0xc0, 0xaf]))[0]!.params).toEqual({
      cause: "encoding",
      offset: 2,
    });
  });
});

describe("the writer and the size limit", () => {
  it("savedByteLength is the exact size of the compact form, and writeForSave stays within LIMITS.bytes", () => {
    const d = doc(
      [
        {
          id: "a",
          kind: "physical-host",
          label: "서버 😀",
          position: { x: 1, y: 2 },
          size: { width: 3, height: 4 },
        },
        { id: "b", kind: "kernel", parentId: "a", props: { notes: "line\nbreak \u0000 \ud800" } },
      ],
      { title: "t", view: { viewport: { x: 1, y: 2, zoom: 1 } } },
    );
    expect(savedByteLength(d)).toBe(utf8Length(writeDocument(d, { compact: true })));
    expect(utf8Length("é😀")).toBe(new TextEncoder().encode("é😀").length);
    // A document within the limit compact, but over it indented: Save writes it compact.
    const build = (notes: string) =>
      doc(
        Array.from({ length: 1_100 }, (_, i) => ({
          id: `n${i}`,
          kind: "container" as const,
          props: { notes },
          position: { x: i, y: i },
          size: { width: 10, height: 10 },
        })),
      );
    // Notes long enough that the compact form is 40 KB under the limit.
    const overhead = savedByteLength(build(""));
    const many = build("n".repeat(Math.floor((LIMITS.bytes - 40_000 - overhead) / 1_100)));
    const compact = savedByteLength(many);
    const pretty = utf8Length(writeDocument(many));
    expect(compact).toBeLessThanOrEqual(LIMITS.bytes);
    expect(pretty).toBeGreaterThan(LIMITS.bytes);
    const saved = writeForSave(many);
    expect(utf8Length(saved)).toBeLessThanOrEqual(LIMITS.bytes);
    expect(
      pretty > LIMITS.bytes
        ? saved === writeDocument(many, { compact: true })
        : saved === writeDocument(many),
    ).toBe(true);
    expect(readDocument(saved).ok).toBe(true);
  });
});

describe("checkLimits and repairToLimits", () => {
  const chain = (n: number): StackNode[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `n${i}`,
      kind: "container",
      ...(i > 0 ? { parentId: `n${i - 1}` } : {}),
    }));

  it("names the first limit crossed and where", () => {
    expect(checkLimits(doc(chain(LIMITS.depth + 1)))).toBeNull();
    expect(checkLimits(doc(chain(LIMITS.depth + 2)))).toEqual({
      limit: "depth",
      value: LIMITS.depth + 1,
      max: LIMITS.depth,
      nodeId: `n${LIMITS.depth + 1}`,
    });
    expect(checkLimits(doc([{ id: "a", kind: "container", label: "x".repeat(1_001) }]))).toMatchObject({
      limit: "label",
      nodeId: "a",
    });
    expect(checkLimits(doc([]), () => LIMITS.bytes + 1)).toMatchObject({ limit: "bytes" });
  });

  it("deepestNode: the most ancestors of any node, in any order of the nodes; a cycle ends the walk", () => {
    // Forests in any order: node i hangs from an earlier-numbered node or is a root.
    const forest = fc
      .array(fc.option(fc.nat(), { nil: undefined }), { minLength: 1, maxLength: 60 })
      .chain((parents) =>
        fc.shuffledSubarray(
          parents.map((p, i): StackNode => ({
            id: `n${i}`,
            kind: "container",
            ...(p !== undefined && i > 0 ? { parentId: `n${p % i}` } : {}),
          })),
          { minLength: parents.length, maxLength: parents.length },
        ),
      );
    fc.assert(
      fc.property(forest, (nodes) => {
        const byId = new Map(nodes.map((n) => [n.id, n]));
        const ancestors = (n: StackNode) => {
          let k = 0;
          for (let p = n.parentId; p != null; p = byId.get(p)?.parentId) k++;
          return k;
        };
        const most = Math.max(...nodes.map(ancestors));
        const got = deepestNode({ nodes })!;
        expect(got.depth).toBe(most);
        expect(ancestors(byId.get(got.id)!)).toBe(most);
      }),
    );
    // A parent cycle (the reader refuses it; the check must still end).
    const cyc: StackNode[] = [
      { id: "a", kind: "container", parentId: "c" },
      { id: "b", kind: "container", parentId: "a" },
      { id: "c", kind: "container", parentId: "b" },
      { id: "d", kind: "container", parentId: "a" },
    ];
    expect(deepestNode({ nodes: cyc })!.depth).toBeLessThanOrEqual(3);
  });

  it("repairs labels, texts and depth, reporting what changed, into a document the reader opens", () => {
    const nodes = chain(70);
    nodes[3] = { ...nodes[3]!, label: "L".repeat(1_500) };
    nodes[5] = {
      ...nodes[5]!,
      props: { notes: "n".repeat(LIMITS.notesLength + 5), image: "😀".repeat(1_200) },
    };
    const { doc: fixed, report } = repairToLimits(doc(nodes, { title: "t".repeat(1_001) }));
    expect(report).toEqual({ labelsCut: 2, textsCut: 2, lifted: 70 - (LIMITS.depth + 1) });
    expect(checkLimits(fixed)).toBeNull();
    expect(readDocument(writeDocument(fixed)).ok).toBe(true);
    expect(codePointLength(fixed.nodes[5]!.props!.image as string)).toBe(LIMITS.propTextLength);
    // Every lifted node hangs from the deepest allowed level, in its own chain.
    for (const n of fixed.nodes.slice(LIMITS.depth + 1)) expect(n.parentId).toBe(`n${LIMITS.depth - 1}`);
    expect(cutToCodePoints("a😀b", 2)).toBe("a😀");
  });
});

describe("a saved view is clamped to the zoom range and the diagram's neighbourhood", () => {
  const d = doc([
    { id: "a", kind: "physical-host", position: { x: 100, y: 50 }, size: { width: 400, height: 300 } },
  ]);
  it("keeps a view in range as it is", () => {
    const v = { x: -20, y: 10, zoom: 1 };
    expect(clampViewport(v, d)).toBe(v);
  });
  it("keeps every view in range exactly as saved, to the last bit (a reload shows the same view)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: ZOOM_RANGE.min, max: ZOOM_RANGE.max, noNaN: true }),
        fc.double({ min: 100, max: 500, noNaN: true }),
        fc.double({ min: 50, max: 350, noNaN: true }),
        (zoom, fx, fy) => {
          const v = { x: -fx * zoom, y: -fy * zoom, zoom };
          expect(clampViewport(v, d)).toBe(v);
        },
      ),
      { numRuns: 500 },
    );
    // The case that failed: x / zoom × zoom came back one bit off.
    const seen = { x: -198.06139527230073, y: -151.71092054007943, zoom: 0.27824192216388316 };
    const near = doc([
      { id: "a", kind: "physical-host", position: { x: 0, y: 0 }, size: { width: 4000, height: 3000 } },
    ]);
    expect(clampViewport(seen, near)).toBe(seen);
  });
  it("brings zoom 1e-300 and 1e9 into the range, and x = 10⁷ back near the diagram", () => {
    expect(clampViewport({ x: 0, y: 0, zoom: 1e-300 }, d).zoom).toBe(ZOOM_RANGE.min);
    expect(clampViewport({ x: 0, y: 0, zoom: 1e9 }, d).zoom).toBe(ZOOM_RANGE.max);
    const far = clampViewport({ x: 1e7, y: -1e7, zoom: 1 }, d);
    // The pane's top-left shows a flow point within a pane's worth (2,000 px) of the diagram.
    expect(-far.x).toBeGreaterThanOrEqual(100 - 2_000);
    expect(-far.y).toBeLessThanOrEqual(350 + 1_000);
    expect(Number.isFinite(far.x) && Number.isFinite(far.y)).toBe(true);
  });
  it("is what the editor opens with", async () => {
    const { createEditorStore } = await import("../../../src/store/editor.ts");
    const store = createEditorStore({ ...d, view: { viewport: { x: 1e7, y: 0, zoom: 1e-300 } } });
    expect(store.getState().viewport!.zoom).toBe(ZOOM_RANGE.min);
    // Within a pane's worth (2,000 screen px) of the diagram at that zoom.
    expect(Math.abs(store.getState().viewport!.x)).toBeLessThanOrEqual(2_000 + 500 * ZOOM_RANGE.min);
    store.getState().replaceDocument({ ...d, view: { viewport: { x: 0, y: 0, zoom: 50 } } });
    expect(store.getState().viewport!.zoom).toBe(ZOOM_RANGE.max);
  });
});
