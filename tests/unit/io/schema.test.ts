/**
 * public/stackdraw.schema.json is generated from the catalog; these tests keep the committed file
 * from drifting and check that it says what the catalog and the reader say.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import {
  COMMON_PROPS,
  EDGE_KINDS,
  KINDS,
  KIND_DEFS,
  propSpec,
  type Kind,
} from "../../../src/domain/kinds/catalog.ts";
import { RULE_IDS } from "../../../src/domain/rules/index.ts";
import { readDocument } from "../../../src/io/read.ts";
import { aliasesOf } from "../../../src/io/read/aliases.ts";
import { SCHEMA_PATH, buildSchema, schemaText } from "../../../scripts/gen-schema.ts";

type S = Record<string, unknown> & {
  properties?: Record<string, S>;
  $defs?: Record<string, S>;
  oneOf?: S[];
  allOf?: S[];
  enum?: unknown[];
  items?: S;
};

const schema = buildSchema() as S;
const defs = schema.$defs!;
const node = defs.node!;

describe("public/stackdraw.schema.json", () => {
  it("is exactly what scripts/gen-schema.ts generates (run `npx tsx scripts/gen-schema.ts` after changing the catalog)", () => {
    const committed = readFileSync(path.resolve(__dirname, "../../..", SCHEMA_PATH), "utf8");
    expect(committed).toBe(schemaText());
    expect(JSON.parse(committed)).toEqual(schema);
  });

  it("declares draft 2020-12 and the envelope", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.required).toEqual(["format", "version", "nodes"]);
    expect(schema.properties!.format).toMatchObject({ const: "stackdraw" });
    expect(schema.properties!.version).toMatchObject({ const: 2 });
  });

  it("lists every kind once, with its catalog name and description", () => {
    const kinds = node.properties!.kind!.oneOf!;
    expect(kinds.map((k) => k.const)).toEqual([...KINDS]);
    for (const k of kinds) {
      const def = KIND_DEFS[k.const as Kind];
      expect(k).toMatchObject({ title: def.name.en, description: def.description.en });
    }
  });

  it("gives every kind its props through if/then, with the catalog's enums and defaults", () => {
    const conditionals = node.allOf!;
    expect(conditionals).toHaveLength(KINDS.length);
    for (const kind of KINDS) {
      const branch = conditionals.find((c) => (c.if as S).properties!.kind!.const === kind);
      expect(branch, kind).toBeDefined();
      const ref = ((branch!.then as S).properties!.props as S).$ref;
      expect(ref).toBe(`#/$defs/props-${kind}`);
      const props = defs[`props-${kind}`]!;
      const declared = [...Object.keys(COMMON_PROPS), ...Object.keys(KIND_DEFS[kind].props)];
      expect(Object.keys(props.properties!).sort()).toEqual([...new Set(declared)].sort());
      for (const key of declared) {
        const spec = propSpec(kind, key)!;
        const p = props.properties![key]!;
        expect(p.description).toContain(spec.name.en);
        if (spec.type === "enum") {
          // The options, then the other spellings the reader takes (arch: amd64, aarch64).
          const aliases = aliasesOf(key, spec).map(([a]) => a);
          expect(p.enum).toEqual([...spec.options.map((o) => o.value), ...aliases]);
          if (key === "arch") expect(aliases).toEqual(["amd64", "aarch64"]);
          expect(p.default).toBe(spec.default);
        }
        if (spec.type === "text") expect(p.type).toBe("string");
        if (spec.type === "port-list")
          expect(p.items).toMatchObject({ type: "integer", minimum: 1, maximum: 65535 });
        if (spec.type === "container-ports") expect(p.items).toMatchObject({ required: ["container"] });
      }
    }
  });

  it("describes the node fields of version 2: manualSize and suppress, with every rule id for completion", () => {
    expect(node.properties!.manualSize).toMatchObject({ type: "boolean" });
    const suppress = node.properties!.suppress as S & { additionalProperties: S };
    expect(suppress.type).toBe("object");
    expect(Object.keys(suppress.properties!)).toEqual([...RULE_IDS]);
    // Any other key is valid too: it suppresses nothing, and the rules report it.
    expect(suppress.additionalProperties).toMatchObject({ type: "string", minLength: 1, maxLength: 1000 });
  });

  it("lists every edge kind", () => {
    expect(defs.edge!.properties!.kind!.oneOf!.map((k) => k.const)).toEqual([...EDGE_KINDS]);
  });

  it("agrees with the reader on the shared fixtures it accepts", () => {
    // No validator library: check the parts the schema constrains per kind (enum props) and the
    // node fields it knows, on every document the reader loads.
    const dir = path.resolve(__dirname, "../../fixtures/rules");
    let checked = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".stackdraw.json"))) {
      const r = readDocument(readFileSync(path.join(dir, file), "utf8"));
      if (!r.ok) continue;
      checked++;
      for (const n of r.document.nodes) {
        for (const field of Object.keys(n))
          expect(Object.keys(node.properties!), `${file}: ${field}`).toContain(field);
        const props = defs[`props-${n.kind}`]!.properties!;
        for (const [k, v] of Object.entries(n.props ?? {}))
          if (props[k]?.enum !== undefined) expect(props[k]!.enum, `${file}: ${n.id}.${k}`).toContain(v);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
