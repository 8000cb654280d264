/**
 * Generates public/stackdraw.schema.json, the JSON Schema (draft 2020-12) of the document format,
 * from the kinds catalog — so that editors' completion can never disagree with the reader.
 * Run: `npx tsx scripts/gen-schema.ts`. A unit test fails when the committed file is stale.
 *
 * The schema describes what a valid document of the current version looks like (older versions
 * are migrated on load and are not described); what JSON Schema cannot say (ids unique, parents
 * and edge ends existing, no cycles, depth) is the reader's alone.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CURRENT_VERSION, FORMAT, LIMITS } from "../src/domain/document.ts";
import { COMMON_PROPS, EDGE_KINDS, EDGE_KIND_DEFS, KINDS, KIND_DEFS } from "../src/domain/kinds/catalog.ts";
import { assertNever, type PropSpec } from "../src/domain/kinds/props.ts";
import { MAX_PORT, MIN_PORT } from "../src/domain/kinds/prop-values.ts";
import { RULES, RULE_IDS } from "../src/domain/rules/index.ts";
import { aliasesOf } from "../src/io/read/aliases.ts";

type Schema = Record<string, unknown>;

/** Where the generated file goes, relative to the repository root. */
export const SCHEMA_PATH = "public/stackdraw.schema.json";

const port = (description: string): Schema => ({
  type: "integer",
  minimum: MIN_PORT,
  maximum: MAX_PORT,
  description,
});

function describe(spec: PropSpec): string {
  return spec.help ? `${spec.name.en}. ${spec.help.en}` : spec.name.en;
}

/**
 * One prop descriptor as a schema; the same vocabulary checkPropValue enforces. `name` is the
 * prop's key: an enum lists the other spellings the reader accepts for it after its options.
 */
export function propSchema(spec: PropSpec, name = ""): Schema {
  switch (spec.type) {
    case "enum": {
      const aliases = aliasesOf(name, spec);
      const also = aliases.map(([a, o]) => `"${a}" is read as "${o}"`).join(", ");
      return {
        description: aliases.length ? `${describe(spec)} (${also})` : describe(spec),
        enum: [...spec.options.map((o) => o.value), ...aliases.map(([a]) => a)],
        ...(spec.default !== undefined ? { default: spec.default } : {}),
      };
    }
    case "text":
      return {
        description: describe(spec),
        type: "string",
        ...(spec.placeholder !== undefined || spec.suggestions !== undefined
          ? {
              examples: [
                ...new Set([...(spec.suggestions ?? []), ...(spec.placeholder ? [spec.placeholder] : [])]),
              ],
            }
          : {}),
      };
    case "count":
      return { description: describe(spec), type: "integer", minimum: 0, default: spec.default };
    case "text-list":
      return { description: describe(spec), type: "array", items: { type: "string" } };
    case "port-list":
      return {
        description: describe(spec),
        type: "array",
        items: port("A TCP port the software listens on."),
      };
    case "container-ports":
      return {
        description: describe(spec),
        type: "array",
        items: {
          type: "object",
          required: ["container"],
          properties: {
            host: {
              ...port("Port published on the host; absent or null = not published."),
              type: ["integer", "null"],
            },
            container: port("Port inside the container."),
            protocol: { enum: ["tcp", "udp"], default: "tcp" },
            hostIp: {
              type: "string",
              anyOf: [{ format: "ipv4" }, { format: "ipv6" }],
              description:
                'The host address it is published on (IPv4 or IPv6); absent, "0.0.0.0" or "::" = every address.',
            },
          },
        },
      };
    case "service-ports":
      return {
        description: describe(spec),
        type: "array",
        items: {
          type: "object",
          required: ["port"],
          properties: {
            port: port("The Service's port."),
            targetPort: {
              description: "The pods' port it sends to: a number, or the name of a container port.",
              anyOf: [
                port("A port on the pods."),
                { type: "string", pattern: "^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$" },
              ],
            },
            nodePort: port("For a NodePort or LoadBalancer Service: the port every node listens on."),
            protocol: { enum: ["tcp", "udp"], default: "tcp" },
          },
        },
      };
    default:
      return assertNever(spec);
  }
}

function propsSchema(kind: (typeof KINDS)[number]): Schema {
  const def = KIND_DEFS[kind];
  const properties: Schema = {};
  // Own props after the common ones, as the inspector lists them; both are plain data keys.
  for (const [k, spec] of Object.entries(COMMON_PROPS)) properties[k] = propSchema(spec, k);
  for (const [k, spec] of Object.entries(def.props)) properties[k] = propSchema(spec, k);
  return {
    description: `Props of a "${kind}" node (${def.name.en}: ${def.description.en}) Unknown props are allowed and kept.`,
    type: "object",
    properties,
  };
}

const number = (description: string): Schema => ({
  type: "number",
  description,
  minimum: -LIMITS.coordinate,
  maximum: LIMITS.coordinate,
});

/** A suppression's reason. */
const reason: Schema = {
  type: "string",
  minLength: 1,
  maxLength: LIMITS.labelLength,
  description: "Why the rule does not apply here.",
};

/** The schema as an object; the generated file is its 2-space JSON plus a newline. */
export function buildSchema(): Schema {
  const kindDefs: Schema = {};
  for (const k of KINDS) kindDefs[`props-${k}`] = propsSchema(k);
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $comment: "Generated by scripts/gen-schema.ts from src/domain/kinds/catalog.ts. Do not edit by hand.",
    title: "Stackdraw document",
    description: `A Stackdraw diagram (.stackdraw.json), format version ${CURRENT_VERSION}.`,
    type: "object",
    required: ["format", "version", "nodes"],
    properties: {
      format: { const: FORMAT, description: 'Always "stackdraw".' },
      version: {
        const: CURRENT_VERSION,
        description: "Format version. Older versions are migrated on load; newer ones are refused.",
      },
      title: { type: "string", maxLength: LIMITS.labelLength, description: "The diagram's name." },
      nodes: {
        type: "array",
        maxItems: LIMITS.nodes,
        description: "The nodes, in any order (a parent may come after its children).",
        items: { $ref: "#/$defs/node" },
      },
      edges: {
        type: "array",
        description: "Relations other than runs-on. Default: [].",
        items: { $ref: "#/$defs/edge" },
      },
      view: {
        type: "object",
        description: "Editor state worth keeping.",
        properties: {
          viewport: {
            type: "object",
            required: ["x", "y", "zoom"],
            properties: {
              x: number("Pan, x."),
              y: number("Pan, y."),
              zoom: { type: "number", exclusiveMinimum: 0, maximum: 1000, description: "Zoom factor." },
            },
          },
          overlay: { enum: ["none", "managedBy"], description: "Which overlay is shown." },
        },
      },
    },
    $defs: {
      id: { type: "string", minLength: 1, description: "Unique among nodes and edges." },
      node: {
        type: "object",
        required: ["id", "kind"],
        properties: {
          id: { $ref: "#/$defs/id" },
          kind: {
            description: "What the node is.",
            oneOf: KINDS.map((k) => ({
              const: k,
              title: KIND_DEFS[k].name.en,
              description: KIND_DEFS[k].description.en,
            })),
          },
          parentId: {
            type: ["string", "null"],
            description: "The id of the node it runs on or sits in; absent or null = at the root.",
          },
          label: {
            type: "string",
            maxLength: LIMITS.labelLength,
            description: "Display name; default: the kind's name.",
          },
          props: { type: "object", description: "Kind-specific properties; unknown ones are kept." },
          position: {
            type: "object",
            description: "Pixels, relative to the parent's top-left corner (root nodes: canvas coordinates).",
            required: ["x", "y"],
            properties: { x: number("x"), y: number("y") },
          },
          size: {
            type: "object",
            description: "Pixels; absent = sized to fit its children.",
            required: ["width", "height"],
            properties: {
              width: {
                type: "number",
                exclusiveMinimum: 0,
                maximum: LIMITS.coordinate,
                description: "Width.",
              },
              height: {
                type: "number",
                exclusiveMinimum: 0,
                maximum: LIMITS.coordinate,
                description: "Height.",
              },
            },
          },
          manualSize: {
            type: "boolean",
            description:
              "true when the person sized this node by hand: it keeps at least that size instead of shrinking to fit its children.",
          },
          suppress: {
            type: "object",
            description:
              "Suppressed rules of this node: rule id → the reason. A problem of one of these rules whose first node is this one is suppressed, and the reason shown.",
            // Every rule id as a property, for editors' completion; other keys are valid too
            // (they suppress nothing, and validation reports them as unused).
            properties: Object.fromEntries(
              RULE_IDS.map((id) => [
                id,
                { ...reason, description: `Why "${RULES[id].title.en}" does not apply here.` },
              ]),
            ),
            additionalProperties: reason,
          },
        },
        allOf: KINDS.map((k) => ({
          if: { properties: { kind: { const: k } }, required: ["kind"] },
          then: { properties: { props: { $ref: `#/$defs/props-${k}` } } },
        })),
      },
      edge: {
        type: "object",
        required: ["id", "kind", "source", "target"],
        properties: {
          id: { $ref: "#/$defs/id" },
          kind: {
            description: "What the relation is.",
            oneOf: EDGE_KINDS.map((k) => ({
              const: k,
              title: EDGE_KIND_DEFS[k].name.en,
              description: EDGE_KIND_DEFS[k].description.en,
            })),
          },
          source: { type: "string", description: "The id of the node it starts at." },
          target: { type: "string", description: "The id of the node it ends at." },
          label: { type: "string", maxLength: LIMITS.labelLength },
          props: { type: "object", description: "Kept as they are." },
        },
      },
      ...kindDefs,
    },
  };
}

/** The exact text of the generated file. */
export function schemaText(): string {
  return `${JSON.stringify(buildSchema(), null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = fileURLToPath(new URL(`../${SCHEMA_PATH}`, import.meta.url));
  writeFileSync(target, schemaText());
  console.log(`wrote ${SCHEMA_PATH}`);
}
