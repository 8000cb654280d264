/**
 * The reader's stages and decisions, case by case (the table-driven bad files are in
 * bad-documents.test.ts; random input in properties.test.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { LIMITS, type StackDocument } from "../../../src/domain/document.ts";
import { indexDocument, ancestorsOf, childrenOf } from "../../../src/domain/diagram.ts";
import { MAX_ERRORS, keySegment, readDocument, type ReadResult } from "../../../src/io/read.ts";
import { writeDocument } from "../../../src/io/write.ts";
import { ioMessage, ioMessages } from "../../../src/io/errors/format.ts";

const BAD_DIR = path.resolve(__dirname, "../../fixtures/documents/bad");

const text = (nodes: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: "stackdraw", version: 2, nodes, ...extra });

function loaded(r: ReadResult): StackDocument {
  if (!r.ok) throw new Error(`expected the document to load: ${JSON.stringify(r.errors)}`);
  return r.document;
}
function refused(r: ReadResult) {
  if (r.ok) throw new Error("expected the document to be refused");
  return r;
}

/** A chain of `count` groups, each inside the previous one; reversed = children listed first. */
function chain(count: number, reversed = false): string {
  const nodes = Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    kind: "group",
    ...(i > 0 ? { parentId: `n${i - 1}` } : {}),
  }));
  return text(reversed ? nodes.reverse() : nodes);
}

describe("size and node-count limits", () => {
  it("refuses more than 10 MB before parsing, for strings and bytes", () => {
    const big = " ".repeat(LIMITS.bytes + 1);
    for (const input of [big, new Uint8Array(LIMITS.bytes + 1)]) {
      const r = refused(readDocument(input));
      expect(r.stage).toBe("size");
      expect(r.errors[0]).toMatchObject({ path: "$", code: "tooLarge" });
      expect(ioMessage(r.errors[0]!, "en")).toContain("up to 10 MB");
    }
  });

  it("counts UTF-8 bytes, not characters", () => {
    // 4 million 3-byte characters: 12 MB of UTF-8 in a 4-million-unit string.
    const r = refused(readDocument(`"${"한".repeat(4_000_000)}"`));
    expect(r.errors[0]!.code).toBe("tooLarge");
  });

  it("refuses more than 20,000 nodes right after parsing, and opens 20,000", () => {
    const nodes = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: "group", label: 7 }));
    const r = refused(readDocument(text(nodes(LIMITS.nodes + 1))));
    // Refused as a whole: no per-node error although every label is wrong.
    expect(r.stage).toBe("envelope");
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ path: "nodes", code: "tooManyNodes" });
    expect(ioMessage(r.errors[0]!, "en")).toContain("20,001 nodes");
    const ok = readDocument(
      text(Array.from({ length: LIMITS.nodes }, (_, i) => ({ id: `n${i}`, kind: "group" }))),
    );
    expect(loaded(ok).nodes).toHaveLength(LIMITS.nodes);
  });
});

describe("nesting depth", () => {
  it("refuses a 10,000-deep chain quickly, in either order, at the first node past the limit", () => {
    for (const reversed of [false, true]) {
      const input = chain(10_000, reversed);
      // A hang here would hit the test timeout; speed itself is the benchmark's business.
      const r = refused(readDocument(input));
      expect(r.stage).toBe("tree");
      expect(r.errors).toHaveLength(1);
      const index = reversed ? 10_000 - 1 - (LIMITS.depth + 1) : LIMITS.depth + 1;
      expect(r.errors[0]).toMatchObject({ path: `nodes[${index}].parentId`, code: "tooDeep" });
      expect(ioMessage(r.errors[0]!, "en")).toBe("nested 65 levels deep; the limit is 64");
    }
  });

  it("allows exactly 64 ancestors (a chain of 65 nodes), not 65", () => {
    expect(loaded(readDocument(chain(LIMITS.depth + 1))).nodes).toHaveLength(65);
    expect(refused(readDocument(chain(LIMITS.depth + 2))).errors[0]!.path).toBe("nodes[65].parentId");
  });
});

describe("tree errors", () => {
  it("reports every member of a cycle and names the cycle, and only them", () => {
    const r = refused(
      readDocument(
        text([
          { id: "root", kind: "group" },
          { id: "a", kind: "group", parentId: "c" },
          { id: "b", kind: "group", parentId: "a" },
          { id: "c", kind: "group", parentId: "b" },
          { id: "tail", kind: "group", parentId: "a" },
        ]),
      ),
    );
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([
      ["nodes[1].parentId", "parentCycle"],
      ["nodes[2].parentId", "parentCycle"],
      ["nodes[3].parentId", "parentCycle"],
    ]);
    expect(ioMessage(r.errors[1]!, "en")).toBe('parents form a cycle: "b" → "a" → "c" → "b"');
    expect(ioMessage(r.errors[1]!, "ko")).toContain('"b" → "a" → "c" → "b"');
  });

  it("keeps a huge cycle's messages short and its error list capped", () => {
    const n = 5000;
    const nodes = Array.from({ length: n }, (_, i) => ({
      id: `n${i}`,
      kind: "group",
      parentId: `n${(i + 1) % n}`,
    }));
    const r = refused(readDocument(text(nodes)));
    expect(r.errors).toHaveLength(MAX_ERRORS);
    expect(ioMessage(r.errors[0]!, "en")).toContain("… (5,000 nodes)");
    expect(ioMessage(r.errors[0]!, "en").length).toBeLessThan(200);
  });

  it("says which id is missing, for parents and edge ends", () => {
    const r = refused(
      readDocument(
        text(
          [
            { id: "h", kind: "physical-host" },
            { id: "k", kind: "kernel", parentId: "vm-9" },
          ],
          {
            edges: [{ id: "e", kind: "network", source: "h", target: "ghost" }],
          },
        ),
      ),
    );
    expect(r.errors.map((e) => `${e.path}: ${ioMessage(e, "en")}`)).toEqual([
      'nodes[1].parentId: no node has id "vm-9"',
      'edges[0].target: no node has id "ghost"',
    ]);
    expect(ioMessage(r.errors[0]!, "ko")).toBe('id가 "vm-9"인 노드가 없습니다');
  });
});

describe("error collection", () => {
  it("returns the first problems in document order, across stages, naming the earliest stage", () => {
    const r = refused(
      readDocument(
        text(
          [
            { id: "a", kind: "group", parentId: "nowhere" }, // tree
            { id: "b", kind: "blob" }, // nodes
          ],
          { title: 5, edges: [{ id: "e", kind: "pipes", source: "a", target: "b" }], view: { overlay: 1 } },
        ),
      ),
    );
    expect(r.stage).toBe("nodes");
    expect(r.errors.map((e) => e.path)).toEqual([
      "title",
      "nodes[0].parentId",
      "nodes[1].kind",
      "edges[0].kind",
      "view.overlay",
    ]);
  });

  it("orders a node's errors by field and stops at maxErrors", () => {
    const nodes = Array.from({ length: 30 }, (_, i) => ({
      id: `n${i}`,
      kind: "group",
      size: { width: -1, height: 1 },
      label: 3,
    }));
    const r = refused(readDocument(text(nodes)));
    expect(r.errors).toHaveLength(MAX_ERRORS);
    expect(r.errors.slice(0, 4).map((e) => e.path)).toEqual([
      "nodes[0].label",
      "nodes[0].size.width",
      "nodes[1].label",
      "nodes[1].size.width",
    ]);
    expect(refused(readDocument(text(nodes), { maxErrors: 3 })).errors).toHaveLength(3);
  });

  it("reports several wrong props of one node, with sub-paths", () => {
    const r = refused(
      readDocument(
        text([
          {
            id: "c",
            kind: "container",
            props: {
              os: "macos",
              ports: [{ container: 80 }, { container: 81, protocol: "sctp" }],
              managedBy: "me",
              notes: 1,
              extra: {},
            },
          },
        ]),
      ),
    );
    expect(r.errors.map((e) => e.path)).toEqual([
      "nodes[0].props.os",
      "nodes[0].props.ports[1].protocol",
      "nodes[0].props.managedBy",
      "nodes[0].props.notes",
    ]);
    expect(ioMessages(r.errors[1]!)).toEqual({
      en: 'must be "tcp" or "udp", not "sctp"',
      ko: '"tcp" 또는 "udp"여야 합니다. 지금은 "sctp"입니다',
    });
  });

  it("writes path segments for untrusted keys unambiguously", () => {
    expect(keySegment("ports")).toBe(".ports");
    expect(keySegment("__proto__")).toBe(".__proto__");
    expect(keySegment("my key")).toBe('["my key"]');
    expect(keySegment('a"].b')).toBe('["a\\"].b"]');
  });
});

describe("normalization", () => {
  it("defaults edges, drops null parents, and adds no optional field that was not given", () => {
    const d = loaded(
      readDocument(
        text([
          { id: "a", kind: "group", parentId: null },
          { id: "b", kind: "vm", parentId: "a" },
        ]),
      ),
    );
    expect(d).toStrictEqual({
      format: "stackdraw",
      version: 2,
      nodes: [
        { id: "a", kind: "group" },
        { id: "b", kind: "vm", parentId: "a" },
      ],
      edges: [],
    });
  });

  it("ignores unknown top-level, node, edge and geometry fields, but keeps unknown props", () => {
    const d = loaded(
      readDocument(
        text(
          [
            {
              id: "a",
              kind: "group",
              selected: true,
              measured: { width: 1 },
              position: { x: 1, y: 2, z: 3 },
              props: { color: "red", nested: { deep: [1] } },
            },
            { id: "b", kind: "group" },
          ],
          {
            generator: "x",
            edges: [
              { id: "e", kind: "network", source: "a", target: "b", animated: true, props: { weight: 2 } },
            ],
          },
        ),
      ),
    );
    expect(d).toStrictEqual({
      format: "stackdraw",
      version: 2,
      nodes: [
        { id: "a", kind: "group", props: { color: "red", nested: { deep: [1] } }, position: { x: 1, y: 2 } },
        { id: "b", kind: "group" },
      ],
      edges: [{ id: "e", kind: "network", source: "a", target: "b", props: { weight: 2 } }],
    });
  });

  it("reads -0 coordinates as 0", () => {
    const d = loaded(
      readDocument(
        '{"format":"stackdraw","version":2,"nodes":[{"id":"a","kind":"group","position":{"x":-0,"y":0}}]}',
      ),
    );
    expect(Object.is(d.nodes[0]!.position!.x, 0)).toBe(true);
  });

  it("checks the view and keeps it when right", () => {
    const view = { viewport: { x: 10, y: -5, zoom: 1.5 }, overlay: "managedBy" };
    expect(loaded(readDocument(text([], { view }))).view).toEqual(view);
    const r = refused(readDocument(text([], { view: { viewport: { x: 0, y: 0, zoom: 0 } } })));
    expect(r.errors[0]).toMatchObject({ path: "view.viewport.zoom", code: "outOfRange" });
    expect(refused(readDocument(text([], { view: [] }))).errors[0]).toMatchObject({
      path: "view",
      code: "wrongType",
    });
  });

  it("refuses empty ids and a title over the label limit", () => {
    expect(refused(readDocument(text([{ id: "", kind: "group" }]))).errors[0]).toMatchObject({
      path: "nodes[0].id",
      code: "wrongType",
    });
    expect(refused(readDocument(text([], { title: "t".repeat(1001) }))).errors[0]).toMatchObject({
      path: "title",
      code: "tooLong",
    });
  });
});

describe("text input", () => {
  it("strips a BOM from strings and from bytes", () => {
    const body = text([{ id: "a", kind: "group" }]);
    expect(readDocument(`\ufeff${body}`).ok).toBe(true);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]);
    expect(readDocument(bytes).ok).toBe(true);
  });

  it("refuses Latin-1 bytes in an otherwise fine file as not UTF-8", () => {
    const bytes = new TextEncoder().encode(text([{ id: "a", kind: "group", label: "cafe" }]));
    bytes[bytes.indexOf(0x63 /* c */, 40)] = 0xe9; // "é" in Latin-1
    const r = refused(readDocument(bytes));
    expect(r).toMatchObject({ stage: "parse", errors: [{ code: "notText" }] });
  });

  it("locates syntax errors by line and column", () => {
    const r = refused(
      readDocument('{\n  "format": "stackdraw",\n  "version": 1,\n  "nodes": [\n    { "id": \'a\' }\n  ]\n}'),
    );
    expect(ioMessage(r.errors[0]!, "en")).toBe(
      "not valid JSON at line 5, column 13: expected a value, found '''",
    );
    expect(ioMessage(r.errors[0]!, "ko")).toContain("5행 13열");
    const tail = refused(readDocument('{"format":"stackdraw","version":1,"nodes":[]} x'));
    expect(ioMessage(tail.errors[0]!, "en")).toContain(
      "line 1, column 47: unexpected 'x' after the end of the document",
    );
  });
});

describe("hostile ids and keys", () => {
  it("loads ids named like Object.prototype members, and they work as parents and edge ends", () => {
    const d = loaded(
      readDocument(new Uint8Array(readFileSync(path.join(BAD_DIR, "proto-ids.stackdraw.json")))),
    );
    const index = indexDocument(d);
    expect(index.byId.get("__proto__")?.kind).toBe("physical-host");
    expect(childrenOf(index, "toString")).toEqual(["hasOwnProperty", "valueOf"]);
    expect(ancestorsOf(index, "valueOf").map((n) => n.id)).toEqual(["toString", "constructor", "__proto__"]);
    expect(d.edges[0]).toEqual({
      id: "__defineGetter__",
      kind: "moves",
      source: "hasOwnProperty",
      target: "valueOf",
    });
  });

  it("keeps __proto__ props as own data and pollutes nothing", () => {
    const input = readFileSync(path.join(BAD_DIR, "proto-in-props.stackdraw.json"), "utf8");
    const d = loaded(readDocument(input));
    const props = d.nodes[0]!.props!;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(Object.keys(props)).toEqual(["__proto__", "constructor", "arch"]);
    expect(Object.getOwnPropertyDescriptor(props, "__proto__")?.value).toEqual({ polluted: "yes" });
    const written = writeDocument(d);
    expect(written).toContain('"__proto__": {');
    expect(readDocument(written)).toEqual({ ok: true, document: d });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps dangerous-looking labels as the exact same text", () => {
    for (const label of [
      "<img src=x onerror=alert(1)>",
      "</text><script>alert(1)</script>",
      "a\u202eb",
      "x\u200by",
      "half \ud800",
      "🚀👩‍💻",
    ]) {
      const d = loaded(readDocument(text([{ id: "a", kind: "group", label }])));
      expect(d.nodes[0]!.label).toBe(label);
    }
  });
});

describe("hostile migrations", () => {
  it("turns a throwing getter in a migration's result into an error, not an exception", () => {
    const hostile = {
      from: 0,
      to: 2,
      name: "hostile",
      migrate: () => ({
        format: "stackdraw",
        get nodes(): unknown {
          throw new Error("boom");
        },
      }),
    };
    const r = refused(
      readDocument('{"format":"stackdraw","version":0,"nodes":[]}', { migrations: [hostile] }),
    );
    expect(r.errors[0]).toMatchObject({ path: "$", code: "internalError" });
    expect(ioMessage(r.errors[0]!, "en")).toContain("boom");
  });
});

describe("version 2 fields", () => {
  it("keeps manualSize when true, drops it when false, and refuses anything else", () => {
    const d = loaded(
      readDocument(
        text([
          { id: "a", kind: "group", size: { width: 300, height: 200 }, manualSize: true },
          { id: "b", kind: "group", manualSize: false },
        ]),
      ),
    );
    expect(d.nodes).toStrictEqual([
      { id: "a", kind: "group", size: { width: 300, height: 200 }, manualSize: true },
      { id: "b", kind: "group" },
    ]);
    const r = refused(readDocument(text([{ id: "a", kind: "group", manualSize: "yes" }])));
    expect(r).toMatchObject({ stage: "nodes", errors: [{ path: "nodes[0].manualSize", code: "wrongType" }] });
    expect(ioMessage(r.errors[0]!, "en")).toBe("must be a boolean, not a string");
    expect(ioMessage(r.errors[0]!, "ko")).toBe("불리언(true 또는 false)이어야 합니다. 지금은 문자열입니다");
  });

  it("keeps suppress as written, unknown rule ids and hostile keys included, as own data", () => {
    const raw = `{"format":"stackdraw","version":2,"nodes":[{"id":"a","kind":"container","suppress":{"arch/mismatch":"runs under QEMU on purpose","no/such-rule":"kept","__proto__":"data"}}]}`;
    const d = loaded(readDocument(raw));
    const suppress = d.nodes[0]!.suppress!;
    expect(Object.keys(suppress)).toEqual(["arch/mismatch", "no/such-rule", "__proto__"]);
    expect(Object.getPrototypeOf(suppress)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(suppress, "__proto__")?.value).toBe("data");
    expect(readDocument(writeDocument(d))).toEqual({ ok: true, document: d });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a suppress that is not an object of non-empty strings, with the path to what is wrong", () => {
    const at = (suppress: unknown) =>
      refused(readDocument(text([{ id: "a", kind: "container", suppress }]))).errors.map((e) => ({
        path: e.path,
        en: ioMessage(e, "en"),
      }));
    expect(at(["arch/mismatch"])).toEqual([
      {
        path: "nodes[0].suppress",
        en: 'must be an object of reasons by rule id ({ "<rule id>": "<reason>" }), not an array',
      },
    ]);
    expect(at(null)[0]!.path).toBe("nodes[0].suppress");
    expect(at({ "arch/mismatch": true, "container/own-kernel": "" })).toEqual([
      { path: 'nodes[0].suppress["arch/mismatch"]', en: "the reason must be text, not a boolean" },
      {
        path: 'nodes[0].suppress["container/own-kernel"]',
        en: "the reason is empty: say why this rule does not apply here",
      },
    ]);
    expect(at({ "arch/mismatch": "x".repeat(1001) })).toEqual([
      { path: 'nodes[0].suppress["arch/mismatch"]', en: "is 1,001 characters long; the limit is 1,000" },
    ]);
    const ko = refused(readDocument(text([{ id: "a", kind: "container", suppress: { r: 1 } }])));
    expect(ioMessage(ko.errors[0]!, "ko")).toBe("사유는 텍스트여야 합니다. 지금은 숫자입니다");
  });

  it("reads Docker's arch spellings amd64 and aarch64 as x86_64 and arm64, wherever arch is declared", () => {
    const d = loaded(
      readDocument(
        text([
          { id: "h", kind: "physical-host", props: { arch: "aarch64" } },
          { id: "v", kind: "vm", parentId: "h", props: { arch: "amd64" } },
          { id: "c", kind: "container", props: { arch: "amd64", image: "nginx" } },
          // An undeclared prop of the same spelling is someone else's data: kept as written.
          { id: "g", kind: "group", props: { cpu: "amd64" } },
        ]),
      ),
    );
    expect(d.nodes.map((n) => n.props)).toEqual([
      { arch: "arm64" },
      { arch: "x86_64" },
      { arch: "x86_64", image: "nginx" },
      { cpu: "amd64" },
    ]);
    expect(JSON.parse(writeDocument(d)).nodes[0].props.arch).toBe("arm64");
    const r = refused(readDocument(text([{ id: "h", kind: "physical-host", props: { arch: "i386" } }])));
    expect(r.errors[0]).toMatchObject({ path: "nodes[0].props.arch", code: "invalidProp" });
  });

  it("opens a version-1 document as version 2, unchanged but for the version, and saves version 2", () => {
    const v1 = JSON.stringify({
      format: "stackdraw",
      version: 1,
      nodes: [{ id: "h", kind: "physical-host", props: { arch: "x86_64", rackUnit: 12 } }],
    });
    const d = loaded(readDocument(v1));
    expect(d).toStrictEqual({
      format: "stackdraw",
      version: 2,
      nodes: [{ id: "h", kind: "physical-host", props: { arch: "x86_64", rackUnit: 12 } }],
      edges: [],
    });
    expect(JSON.parse(writeDocument(d)).version).toBe(2);
  });

  it("refuses version 3 and up, saying which version it reads", () => {
    const r = refused(readDocument(JSON.stringify({ format: "stackdraw", version: 3, nodes: [] })));
    expect(r).toMatchObject({ stage: "envelope", errors: [{ path: "version", code: "versionTooNew" }] });
    expect(ioMessage(r.errors[0]!, "en")).toContain("reads versions up to 2");
  });
});
