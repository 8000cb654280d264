/**
 * Property tests of docs/reliability.md: round trip, stable writing, totality of the
 * reader, and errors that point at what was broken.
 */
import fc from "fast-check";
import { EDGE_KINDS, KINDS } from "../../../src/domain/kinds/catalog.ts";
import { CURRENT_VERSION, type StackDocument } from "../../../src/domain/document.ts";
import { readDocument, type DocumentError, type ReadResult } from "../../../src/io/read.ts";
import { writeDocument } from "../../../src/io/write.ts";
import { documentArb, jsonValueArb } from "./arbitraries.ts";
import { ioMessage } from "../../../src/io/errors/format.ts";

const RUNS = { numRuns: 300 };

function expectWellFormed(r: ReadResult): void {
  expect(typeof r.ok).toBe("boolean");
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  expect(r.errors.length).toBeLessThanOrEqual(20);
  for (const e of r.errors) {
    expect(typeof e.path).toBe("string");
    expect(ioMessage(e, "en").length).toBeGreaterThan(0);
    expect(ioMessage(e, "ko").length).toBeGreaterThan(0);
  }
}

describe("round trip", () => {
  it("read(write(d)) gives back d", () => {
    fc.assert(
      fc.property(documentArb(), (d) => {
        expect(readDocument(writeDocument(d))).toEqual({ ok: true, document: d });
      }),
      RUNS,
    );
  });

  it("the compact form (autosave drafts) reads back the same document", () => {
    fc.assert(
      fc.property(documentArb(), (d) => {
        const compact = writeDocument(d, { compact: true });
        expect(compact).not.toContain("\n");
        expect(readDocument(compact)).toEqual({ ok: true, document: d });
      }),
      RUNS,
    );
  });

  it("write is stable: write(read(write(d))) === write(d)", () => {
    fc.assert(
      fc.property(documentArb(), (d) => {
        const text = writeDocument(d);
        const r = readDocument(text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(writeDocument(r.document)).toBe(text);
      }),
      RUNS,
    );
  });

  it("any reordering of a valid document's nodes still loads, in that order", () => {
    fc.assert(
      fc.property(
        documentArb().chain((d) =>
          fc.tuple(
            fc.constant(d),
            fc.shuffledSubarray(d.nodes, { minLength: d.nodes.length, maxLength: d.nodes.length }),
          ),
        ),
        ([d, nodes]) => {
          expect(readDocument(writeDocument({ ...d, nodes }))).toEqual({
            ok: true,
            document: { ...d, nodes },
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("version 1 documents", () => {
  /** `d` as a version-1 file: the same text with the version it was saved with. */
  const asV1 = (d: StackDocument, compact = false) => {
    const raw = JSON.parse(writeDocument(d, { compact })) as Record<string, unknown>;
    return JSON.stringify({ ...raw, version: 1 }, null, compact ? undefined : 2);
  };

  it("migrate on open, and then round-trip: save then open gives the identical document", () => {
    fc.assert(
      fc.property(documentArb(24, 8, "v1"), (d) => {
        const opened = readDocument(asV1(d));
        expect(opened).toEqual({ ok: true, document: d });
        if (!opened.ok) return;
        const saved = writeDocument(opened.document);
        expect(JSON.parse(saved).version).toBe(CURRENT_VERSION);
        expect(readDocument(saved)).toEqual(opened);
        expect(writeDocument((readDocument(saved) as { document: StackDocument }).document)).toBe(saved);
      }),
      RUNS,
    );
  });
});

describe("totality: the reader never throws", () => {
  it("on any string", () => {
    fc.assert(
      fc.property(fc.string(), (s) => expectWellFormed(readDocument(s))),
      RUNS,
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => expectWellFormed(readDocument(s))),
      RUNS,
    );
  });
  it("on any JSON text", () => {
    fc.assert(
      fc.property(fc.json(), (s) => expectWellFormed(readDocument(s))),
      RUNS,
    );
  });
  it("on any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => expectWellFormed(readDocument(b))),
      RUNS,
    );
  });
  it("on any JSON value dressed as a document", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom("nodes", "edges", "title", "view", "x"), jsonValueArb),
        (extra) =>
          expectWellFormed(readDocument(JSON.stringify({ format: "stackdraw", version: 1, ...extra }))),
      ),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Mutations: each breaks a valid document in one place and says which errors may blame it.

type Raw = { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] } & Record<string, unknown>;

interface Mutation {
  describe: string;
  apply(raw: Raw): void;
  /** True when `e` points at the mutation. */
  blames(e: DocumentError): boolean;
  /** Whether the mutated document must be refused (otherwise it may still be valid). */
  mustFail: boolean;
}

const pathAt = (prefix: string) => (e: DocumentError) =>
  e.path === prefix || e.path.startsWith(`${prefix}.`) || e.path.startsWith(`${prefix}[`);
// The reader quotes ids as JSON, shortened past 40 code units.
const mentions = (id: string) => (e: DocumentError) =>
  ioMessage(e, "en").includes(JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id));

function mutationArb(d: StackDocument): fc.Arbitrary<Mutation> {
  const n = d.nodes.length;
  const options: fc.Arbitrary<Mutation>[] = [
    fc.constantFrom("format", "version", "nodes").map((field) => ({
      describe: `delete top-level ${field}`,
      apply: (raw: Raw) => void delete raw[field],
      blames: (e: DocumentError) => e.path === field,
      mustFail: true,
    })),
    jsonValueArb
      .filter((v) => typeof v !== "number" || !Number.isInteger(v))
      .map((v) => ({
        describe: `set version to ${JSON.stringify(v)}`,
        apply: (raw: Raw) => void (raw.version = v),
        blames: (e: DocumentError) => e.path === "version",
        mustFail: true,
      })),
  ];
  if (n > 0) {
    const k = fc.nat(n - 1);
    options.push(
      fc.tuple(k, fc.constantFrom("id", "kind")).map(([i, field]) => ({
        describe: `delete nodes[${i}].${field}`,
        apply: (raw: Raw) => void delete raw.nodes[i]![field],
        blames: pathAt(`nodes[${i}]`),
        mustFail: true,
      })),
      fc
        .tuple(
          k,
          fc.constantFrom("kind", "parentId", "label", "props", "position", "size", "manualSize", "suppress"),
          fc.oneof(jsonValueArb, fc.constantFrom(...KINDS), fc.constantFrom(...d.nodes.map((x) => x.id))),
        )
        .map(([i, field, v]) => ({
          describe: `set nodes[${i}].${field} to ${JSON.stringify(v)}`,
          apply: (raw: Raw) => void (raw.nodes[i]![field] = v),
          blames: pathAt(`nodes[${i}]`),
          // These can never be right whatever else holds.
          mustFail:
            (field === "label" && typeof v !== "string") ||
            ((field === "props" || field === "position" || field === "size") &&
              (typeof v !== "object" || v === null || Array.isArray(v))) ||
            (field === "parentId" && v === d.nodes[i]!.id) ||
            (field === "manualSize" && typeof v !== "boolean") ||
            (field === "suppress" &&
              (typeof v !== "object" ||
                v === null ||
                Array.isArray(v) ||
                Object.values(v).some((r) => typeof r !== "string" || r === ""))),
        })),
      k.map((i) => ({
        describe: `duplicate nodes[${i}] at the end`,
        apply: (raw: Raw) =>
          void raw.nodes.push(JSON.parse(JSON.stringify(raw.nodes[i])) as Record<string, unknown>),
        blames: pathAt(`nodes[${n}]`),
        mustFail: true,
      })),
      fc
        .tuple(k, fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...d.nodes.map((x) => x.id))))
        .map(([i, s]) => ({
          describe: `reparent nodes[${i}] to ${JSON.stringify(s)}`,
          apply: (raw: Raw) => void (raw.nodes[i]!.parentId = s),
          // A dangling parent, itself, or a cycle: every cycle this creates passes through nodes[i].
          blames: pathAt(`nodes[${i}]`),
          mustFail: s === d.nodes[i]!.id || !d.nodes.some((x) => x.id === s),
        })),
      fc.tuple(k, fc.string({ maxLength: 6 })).map(([i, s]) => {
        const old = d.nodes[i]!.id;
        return {
          describe: `rename nodes[${i}] from ${JSON.stringify(old)} to ${JSON.stringify(s)}`,
          apply: (raw: Raw) => void (raw.nodes[i]!.id = s),
          // Its own id (empty, or a clash reported here), or the references left dangling, or a
          // later node or edge that now clashes with it.
          blames: (e: DocumentError) =>
            pathAt(`nodes[${i}]`)(e) ||
            mentions(old)(e) ||
            (e.code === "duplicateId" && ioMessage(e, "en").includes(`nodes[${i}]`)),
          mustFail: s === "" || (s !== old && [...d.nodes, ...d.edges].some((x) => x.id === s)),
        };
      }),
      k.map((i) => {
        const id = d.nodes[i]!.id;
        return {
          describe: `remove nodes[${i}] (${JSON.stringify(id)})`,
          apply: (raw: Raw) => void raw.nodes.splice(i, 1),
          // What breaks is whatever pointed at it: children and edge ends naming the old id.
          blames: mentions(id),
          mustFail:
            d.nodes.some((x) => x.parentId === id) || d.edges.some((e) => e.source === id || e.target === id),
        };
      }),
    );
  }
  if (d.edges.length > 0)
    options.push(
      fc
        .tuple(
          fc.nat(d.edges.length - 1),
          fc.constantFrom("kind", "source", "target", "label", "props"),
          jsonValueArb,
        )
        .map(([j, field, v]) => ({
          describe: `set edges[${j}].${field} to ${JSON.stringify(v)}`,
          apply: (raw: Raw) => void (raw.edges[j]![field] = v),
          blames: pathAt(`edges[${j}]`),
          mustFail:
            (field === "kind" && !(EDGE_KINDS as readonly unknown[]).includes(v)) ||
            ((field === "source" || field === "target") && typeof v !== "string"),
        })),
    );
  return fc.oneof(...options);
}

describe("mutations of valid documents", () => {
  it("are read without throwing, and every refusal blames the mutated place", () => {
    fc.assert(
      fc.property(
        documentArb(16, 6).chain((d) => fc.tuple(fc.constant(d), mutationArb(d))),
        ([d, mutation]) => {
          const raw = JSON.parse(writeDocument(d)) as Raw;
          mutation.apply(raw);
          const r = readDocument(JSON.stringify(raw), { maxErrors: 10_000 });
          expectWellFormed({ ...r, ...(r.ok ? {} : { errors: r.errors.slice(0, 20) }) } as ReadResult);
          if (mutation.mustFail) expect(r.ok, mutation.describe).toBe(false);
          if (!r.ok)
            expect(r.errors.some(mutation.blames), `${mutation.describe}: ${JSON.stringify(r.errors)}`).toBe(
              true,
            );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
