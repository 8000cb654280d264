/** The writer: fixed key order, pretty and stable output, nothing invented. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { StackDocument } from "../../../src/domain/document.ts";
import { readDocument } from "../../../src/io/read.ts";
import { writeDocument } from "../../../src/io/write.ts";

describe("writeDocument", () => {
  it("writes keys in the fixed order, 2-space indented, with a trailing newline", () => {
    // Keys given in a scrambled order on purpose.
    const doc = {
      view: { overlay: "none", viewport: { zoom: 2, y: 1, x: 0 } },
      edges: [{ label: "5432/tcp", target: "b", source: "a", kind: "network", id: "e" }],
      nodes: [
        {
          suppress: { "vm/no-guest-os": "a frame, on purpose", "arch/mismatch": "emulated" },
          manualSize: true,
          size: { height: 2, width: 1 },
          position: { y: 4, x: 3 },
          props: { z: 1, a: 2 },
          label: "A",
          parentId: null,
          kind: "group",
          id: "a",
        },
        { manualSize: false, parentId: "a", kind: "vm", id: "b" },
      ],
      title: "T",
      version: 2,
      format: "stackdraw",
    } as unknown as StackDocument;
    expect(writeDocument(doc)).toBe(`{
  "format": "stackdraw",
  "version": 2,
  "title": "T",
  "nodes": [
    {
      "id": "a",
      "kind": "group",
      "label": "A",
      "props": {
        "z": 1,
        "a": 2
      },
      "position": {
        "x": 3,
        "y": 4
      },
      "size": {
        "width": 1,
        "height": 2
      },
      "manualSize": true,
      "suppress": {
        "vm/no-guest-os": "a frame, on purpose",
        "arch/mismatch": "emulated"
      }
    },
    {
      "id": "b",
      "kind": "vm",
      "parentId": "a"
    }
  ],
  "edges": [
    {
      "id": "e",
      "kind": "network",
      "source": "a",
      "target": "b",
      "label": "5432/tcp"
    }
  ],
  "view": {
    "viewport": {
      "x": 0,
      "y": 1,
      "zoom": 2
    },
    "overlay": "none"
  }
}
`);
  });

  it("always writes edges, even when empty, and nothing that was not given", () => {
    expect(
      JSON.parse(
        writeDocument({ format: "stackdraw", version: 1, nodes: [{ id: "a", kind: "group" }], edges: [] }),
      ),
    ).toStrictEqual({
      format: "stackdraw",
      version: 2,
      nodes: [{ id: "a", kind: "group" }],
      edges: [],
    });
  });

  it("escapes a lone surrogate so the file is valid UTF-8, and reads it back the same", () => {
    const doc: StackDocument = {
      format: "stackdraw",
      version: 2,
      nodes: [{ id: "a", kind: "group", label: "x\ud800y" }],
      edges: [],
    };
    const text = writeDocument(doc);
    expect(text).toContain('"x\\ud800y"');
    expect(readDocument(new TextEncoder().encode(text))).toEqual({ ok: true, document: doc });
  });

  it("writes the current version whatever version the document in memory says", () => {
    const text = writeDocument({ format: "stackdraw", version: 1, nodes: [], edges: [] });
    expect(JSON.parse(text).version).toBe(2);
  });

  it("round-trips the frozen v1 fixture byte-for-byte after one normalizing save", () => {
    const file = path.resolve(__dirname, "../../fixtures/documents/v1/aws-web-stack.stackdraw.json");
    const first = readDocument(readFileSync(file, "utf8"));
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const once = writeDocument(first.document);
    const second = readDocument(once);
    expect(second).toEqual(first);
    if (second.ok) expect(writeDocument(second.document)).toBe(once);
  });
});
