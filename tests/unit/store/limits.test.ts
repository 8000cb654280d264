/**
 * The real limits (src/domain/limits.ts LIMITS) crossed at the edit that would cross them: the
 * store refuses the edit whole, says which limit in both languages, and changes nothing.
 */
import { createEditorStore, type EditorStore } from "../../../src/store/editor.ts";
import { copySelection, duplicateSelection, pasteText } from "../../../src/store/actions.ts";
import { addEdge, updateNode } from "../../../src/domain/edit.ts";
import { readDocument } from "../../../src/io/read.ts";
import { LIMITS } from "../../../src/domain/limits.ts";
import type { StackDocument, StackNode } from "../../../src/domain/document.ts";

const hosts = (n: number, extra: Partial<StackNode> = {}): StackNode[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `h${i}`,
    kind: "physical-host",
    position: { x: (i % 100) * 200, y: Math.floor(i / 100) * 100 },
    size: { width: 160, height: 64 },
    ...extra,
  }));
const doc = (nodes: StackNode[], edges: StackDocument["edges"] = []): StackDocument => ({
  format: "stackdraw",
  version: 2,
  nodes,
  edges,
});

function refusedUnchanged(store: EditorStore, ok: boolean, message: RegExp) {
  expect(ok).toBe(false);
  expect(store.getState().notice?.kind).toBe("error");
  expect(store.getState().notice?.text.en).toMatch(message);
  expect(store.getState().notice?.text.ko).toMatch(/[가-힣]/);
}

describe("the real limits, at the edit", () => {
  it("Ctrl+A, Ctrl+D past 20,000 nodes is refused whole", () => {
    const store = createEditorStore(doc(hosts(10_001)));
    const before = store.getState().doc;
    store.getState().select(before.nodes.map((n) => n.id));
    refusedUnchanged(
      store,
      duplicateSelection(store),
      /^Nothing was duplicated: the diagram would have 20,002 nodes, and the limit is 20,000\. Nothing else changed\.$/,
    );
    expect(store.getState().doc).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });

  it("a 10,001st edge is refused before anything is laid out or routed", () => {
    const store = createEditorStore(doc(hosts(2)));
    const before = store.getState().doc;
    const edges = Array.from({ length: LIMITS.edges + 1 }, (_, i) => ({
      id: `e${i}`,
      kind: "network" as const,
      source: "h0",
      target: "h1",
    }));
    refusedUnchanged(
      store,
      store.getState().commit({ ...before, edges }, "connect"),
      /10,001 connections, and the limit is 10,000/,
    );
    expect(store.getState().doc).toBe(before);
    expect(addEdge(before, { kind: "network", source: "h0", target: "h1" }).doc.edges).toHaveLength(1);
  });

  it("a 1,001-character label, 10,001-character notes and 1,001-character image are refused", () => {
    const store = createEditorStore(doc(hosts(1)));
    const before = store.getState().doc;
    const s = store.getState();
    refusedUnchanged(
      store,
      s.commit(updateNode(before, "h0", { label: "x".repeat(1_001) })),
      /a label would be 1,001 characters long, and the limit is 1,000/,
    );
    refusedUnchanged(
      store,
      s.commit(updateNode(before, "h0", { props: { notes: "n".repeat(10_001) } })),
      /the text of “notes” would be 10,001 characters long, and the limit is 10,000/,
    );
    expect(s.commit(updateNode(before, "h0", { label: "x".repeat(1_000) }))).toBe(true);
    expect(store.getState().doc.nodes[0]!.label).toHaveLength(1_000);
  });

  it("pasting into the 64th level is refused; 64 levels are fine", () => {
    const nodes: StackNode[] = Array.from({ length: LIMITS.depth + 1 }, (_, i) => ({
      id: `n${i}`,
      kind: i === 0 ? "physical-host" : "container",
      ...(i > 0 ? { parentId: `n${i - 1}` } : {}),
    }));
    const store = createEditorStore(doc(nodes));
    const before = store.getState().doc;
    store.getState().select([`n${LIMITS.depth}`]);
    const text = copySelection(store)!;
    store.getState().select([`n${LIMITS.depth}`]);
    refusedUnchanged(
      store,
      pasteText(store, text, readDocument),
      /^Nothing was pasted: a node would be nested 65 levels deep, and the limit is 64/,
    );
    expect(store.getState().doc).toBe(before);
  });

  it("an edit that would make Save write more than 10 MB is refused", () => {
    const store = createEditorStore(doc(hosts(1)));
    const before = store.getState().doc;
    const big = hosts(1_100, { props: { notes: "n".repeat(9_900) } });
    refusedUnchanged(
      store,
      store.getState().commit(doc(big), "paste"),
      /^Nothing was pasted: the file would be 10\.\d MB, and the limit is 10 MB/,
    );
    expect(store.getState().doc).toBe(before);
  });

  it("pasting a document that is itself over a limit says which limit, not 'no Stackdraw nodes'", () => {
    const store = createEditorStore(doc(hosts(1)));
    const before = store.getState().doc;
    const cases: [unknown, RegExp][] = [
      [
        doc(hosts(1, { label: "x".repeat(1_001) })),
        /^Nothing was pasted: a label would be 1,001 characters long/,
      ],
      [
        doc(hosts(1, { props: { notes: "n".repeat(10_001) } })),
        /the text of “notes” would be 10,001 characters long/,
      ],
      [doc(hosts(20_001)), /the diagram would have 20,001 nodes, and the limit is 20,000/],
    ];
    for (const [d, message] of cases) {
      refusedUnchanged(store, pasteText(store, JSON.stringify(d), readDocument), message);
      expect(store.getState().doc).toBe(before);
    }
  });
});
