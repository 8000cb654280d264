// @vitest-environment node
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { childPath, LineIndex, locateNodes, locatePaths, pathPrefixes } from "../../../src/cli/locate.ts";

/** The offset of a 1-based line:column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf("\n", offset) + 1;
  return offset + column - 1;
}

describe("JSON text positions", () => {
  const text = [
    "{",
    '  "format": "stackdraw", "version": 2,',
    '  "nodes": [',
    '    { "id": "host", "kind": "physical-host" },',
    "",
    '    {"id":"웹 \\"서버\\"","kind":"container","props":{"my-key":[1,{"x":true}],"ports":[80, 443]}}',
    "  ]",
    "}",
  ].join("\n");

  it("finds where each node's object starts, by id", () => {
    const at = locateNodes(text, ["host", '웹 "서버"', "nope"]);
    expect(at.get("host")).toEqual({ path: "nodes[0]", line: 4, column: 5 });
    expect(at.get('웹 "서버"')).toEqual({ path: "nodes[1]", line: 6, column: 5 });
    expect(at.has("nope")).toBe(false);
  });

  it("finds values under quoted keys and indices, and a missing path at its nearest ancestor", () => {
    const at = locatePaths(text, [
      'nodes[1].props["my-key"][1].x',
      "nodes[1].props.ports[1]",
      "nodes[0].parentId",
      "nodes[7].kind",
      "$",
      "version",
    ]);
    const line6 = text.split("\n")[5]!;
    expect(at.get('nodes[1].props["my-key"][1].x')).toEqual({
      path: 'nodes[1].props["my-key"][1].x',
      line: 6,
      column: line6.indexOf("true") + 1,
    });
    expect(at.get("nodes[1].props.ports[1]")).toMatchObject({ line: 6, column: line6.indexOf("443") + 1 });
    expect(at.get("nodes[0].parentId")).toEqual({ path: "nodes[0]", line: 4, column: 5 });
    expect(at.get("nodes[7].kind")).toEqual({ path: "nodes", line: 3, column: 12 });
    expect(at.get("$")).toEqual({ path: "$", line: 1, column: 1 });
    const line2 = text.split("\n")[1]!;
    expect(at.get("version")).toEqual({ path: "version", line: 2, column: line2.indexOf(": 2") + 3 });
  });

  it("counts columns without a byte-order mark, and lines with CRLF as editors do", () => {
    const crlf = '\ufeff{\r\n"nodes": [\r\n  {"id": "a", "kind": "vm"}\r\n]}';
    expect(locateNodes(crlf, ["a"]).get("a")).toEqual({ path: "nodes[0]", line: 3, column: 3 });
  });

  it("stops quietly on text that is not JSON", () => {
    expect(locatePaths('{"nodes": [ {"id": "a"} }', ["nodes[1]"]).get("nodes[1]")).toMatchObject({
      path: "nodes",
    });
    expect(locateNodes("not json", ["a"]).size).toBe(0);
  });

  it("splits paths as the reader writes them", () => {
    expect(pathPrefixes('nodes[3].props["a.b"][0]')).toEqual([
      "$",
      "nodes",
      "nodes[3]",
      "nodes[3].props",
      'nodes[3].props["a.b"]',
      'nodes[3].props["a.b"][0]',
    ]);
    expect(childPath("$", "nodes")).toBe("nodes");
    expect(childPath("$", "a-b")).toBe('["a-b"]');
    expect(childPath("nodes[0]", "__proto__")).toBe("nodes[0].__proto__");
  });

  it("maps offsets to line:column", () => {
    const idx = new LineIndex("ab\ncd\n\nef");
    expect(idx.position(0)).toEqual({ line: 1, column: 1 });
    expect(idx.position(4)).toEqual({ line: 2, column: 2 });
    expect(idx.position(7)).toEqual({ line: 4, column: 1 });
  });

  it("points at each node's own object in any layout JSON.stringify gives (property)", () => {
    const node = fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      kind: fc.constantFrom("vm", "kernel"),
      props: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(node, { minLength: 1, maxLength: 6, selector: (n) => n.id }),
        fc.constantFrom("", "  ", "\t", "    "),
        (nodes, indent) => {
          const doc = { format: "stackdraw", version: 2, title: "t\n{", nodes };
          const text = JSON.stringify(doc, null, indent);
          const at = locateNodes(
            text,
            nodes.map((n) => n.id),
          );
          nodes.forEach((n, i) => {
            const found = at.get(n.id)!;
            expect(found.path).toBe(`nodes[${i}]`);
            const own = JSON.stringify(n, null, indent).replace(/\n/g, "\n" + indent.repeat(2));
            const offset = offsetOf(text, found.line, found.column);
            expect(text.slice(offset, offset + own.length)).toBe(own);
          });
        },
      ),
    );
  });
});
