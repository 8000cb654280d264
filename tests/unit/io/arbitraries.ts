/**
 * fast-check generators of valid Stackdraw documents, in the normalized form the reader returns
 * (optional fields absent rather than null, numbers that JSON writes back unchanged), so that
 * `readDocument(writeDocument(d))` can be compared to `d` itself.
 */
import fc from "fast-check";
import {
  CURRENT_VERSION,
  LIMITS,
  type StackDocument,
  type StackEdge,
  type StackNode,
} from "../../../src/domain/document.ts";
import {
  COMMON_PROPS,
  EDGE_KINDS,
  KINDS,
  KIND_DEFS,
  propSpec,
  type EdgeKind,
  type Kind,
} from "../../../src/domain/kinds/catalog.ts";
import type { PropSpec } from "../../../src/domain/kinds/props.ts";
import { MAX_PORT, MIN_PORT } from "../../../src/domain/kinds/prop-values.ts";

/** Builds a bag with defineProperty, so that a generated `__proto__` key stays an own key. */
export function ownBag(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Keys that break naive object lookups; the reader must treat them as plain data. */
export const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "prototype",
] as const;

const idArb = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }) },
);

/** Any text, emoji, RTL marks, lone surrogates included, well under the 1,000-character limit. */
export const textArb = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
  fc.string({ unit: "binary", maxLength: 10 }),
  fc.constantFrom(
    "<img src=x onerror=alert(1)>",
    "</text><script>alert(1)</script>",
    "a\u202eb",
    "\u200b",
    "\ud800",
  ),
);

const portArb = fc.integer({ min: MIN_PORT, max: MAX_PORT });

/** A JSON value as it comes back from JSON: plain objects, no -0. */
export const jsonValueArb = fc
  .jsonValue({ maxDepth: 3 })
  .map((v) => JSON.parse(JSON.stringify(v)) as unknown);

/** A value that the catalog accepts for this prop descriptor. */
export function validPropValue(spec: PropSpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case "enum":
      return fc.constantFrom(...spec.options.map((o) => o.value));
    case "text":
      return textArb;
    case "count":
      return fc.oneof(fc.nat(5), fc.nat());
    case "text-list":
      return fc.array(textArb, { maxLength: 3 });
    case "port-list":
      return fc.array(portArb, { maxLength: 4 });
    case "container-ports":
      return fc.array(
        fc
          .record(
            {
              host: fc.option(portArb, { nil: null }),
              container: portArb,
              protocol: fc.constantFrom("tcp", "udp"),
              hostIp: fc.oneof(
                fc.ipV4(),
                fc.ipV6(),
                fc.constantFrom("0.0.0.0", "::", "127.0.0.1", "::1", "::ffff:192.0.2.1"),
              ),
            },
            { requiredKeys: ["container"], noNullPrototype: true },
          )
          .map((r) => ({ ...r })),
        { maxLength: 3 },
      );
    case "service-ports":
      return fc.array(
        fc
          .record(
            {
              port: portArb,
              targetPort: fc.oneof(portArb, fc.constantFrom("http", "web-8080", "m1")),
              nodePort: portArb,
              protocol: fc.constantFrom("tcp", "udp"),
            },
            { requiredKeys: ["port"], noNullPrototype: true },
          )
          .map((r) => ({ ...r })),
        { maxLength: 3 },
      );
  }
}

/**
 * What version 1 had, frozen here: its kinds with their declared props, and its edge kinds. A
 * version-1 document uses only these; version 2 only added to them.
 */
export const V1_VOCABULARY = {
  kinds: {
    "physical-host": ["arch"],
    hypervisor: ["hypervisorType", "product"],
    vm: ["product", "arch", "image"],
    kernel: ["family", "distro"],
    "container-engine": ["product"],
    container: ["image", "os", "arch", "ports"],
    "server-app": ["role", "product", "ports"],
    fargate: [],
    group: [],
    cloud: ["provider"],
    "ecs-cluster": [],
    "ecs-task": ["taskDefinition"],
    "k8s-cluster": ["managed"],
    "control-plane": [],
    pod: [],
    registry: ["product"],
    image: ["imageType", "ref"],
  } as Readonly<Partial<Record<Kind, readonly string[]>>>,
  edgeKinds: ["network", "pulls", "launched-from", "moves"] as readonly EdgeKind[],
};

/** Which version's vocabulary a generated document uses. */
export type Vocabulary = "current" | "v1";

function propsArb(kind: Kind, vocabulary: Vocabulary): fc.Arbitrary<Record<string, unknown>> {
  const own = Object.entries(KIND_DEFS[kind].props as Record<string, PropSpec>).filter(
    ([k]) => vocabulary === "current" || V1_VOCABULARY.kinds[kind]!.includes(k),
  );
  const declared: [string, PropSpec][] = [...Object.entries(COMMON_PROPS), ...own];
  const known = declared.map(([k, spec]) =>
    fc.option(
      validPropValue(spec).map((v) => [k, v] as const),
      { nil: undefined },
    ),
  );
  const unknownKey = fc
    .oneof(fc.constantFrom(...HOSTILE_KEYS, "instanceType", "x-owner"), fc.string({ maxLength: 6 }))
    .filter((k) => propSpec(kind, k) === undefined);
  const unknown = fc.uniqueArray(fc.tuple(unknownKey, jsonValueArb), { maxLength: 3, selector: ([k]) => k });
  return fc
    .tuple(fc.tuple(...known), unknown)
    .map(([k, u]) => ownBag([...k.filter((e): e is readonly [string, unknown] => e !== undefined), ...u]));
}

// Finite, not -0 (JSON writes -0 as 0), inside the stated limits.
const coord = fc.double({ min: -LIMITS.coordinate, max: LIMITS.coordinate, noNaN: true }).map((v) => v + 0);
const extent = fc.double({ min: 0.5, max: LIMITS.coordinate, noNaN: true });

interface NodeShape {
  kind: Kind;
  label?: string;
  props?: Record<string, unknown>;
  position?: { x: number; y: number };
  size?: { width: number; height: number };
  manualSize?: true;
  suppress?: Record<string, string>;
}

/** Suppressions: rule ids or any other key (hostile ones too), each with a non-empty reason. */
const suppressArb = fc
  .uniqueArray(
    fc.tuple(
      fc.oneof(
        fc.constantFrom("container/kernel-mismatch", "arch/mismatch", "no/such-rule", ...HOSTILE_KEYS),
        fc.string({ maxLength: 6 }),
      ),
      textArb.filter((r) => r !== ""),
    ),
    { maxLength: 3, selector: ([k]) => k },
  )
  .map((entries) => ownBag(entries) as Record<string, string>);

const nodeShape = (vocabulary: Vocabulary): fc.Arbitrary<NodeShape> =>
  fc
    .constantFrom(...KINDS.filter((k) => vocabulary === "current" || V1_VOCABULARY.kinds[k] !== undefined))
    .chain((kind) =>
      fc.record(
        {
          kind: fc.constant(kind),
          label: textArb,
          props: propsArb(kind, vocabulary),
          position: fc.record({ x: coord, y: coord }, { noNullPrototype: true }),
          size: fc.record({ width: extent, height: extent }, { noNullPrototype: true }),
          // Fields of version 2: never in a version-1 document.
          ...(vocabulary === "current"
            ? { manualSize: fc.constant(true as const), suppress: suppressArb }
            : {}),
        },
        { requiredKeys: ["kind"], noNullPrototype: true },
      ),
    );

const edgeShape = (vocabulary: Vocabulary) =>
  fc.record(
    {
      kind: fc.constantFrom(...(vocabulary === "current" ? EDGE_KINDS : V1_VOCABULARY.edgeKinds)),
      label: textArb,
      props: fc
        .uniqueArray(fc.tuple(fc.string({ maxLength: 6 }), jsonValueArb), {
          maxLength: 2,
          selector: ([k]) => k,
        })
        .map(ownBag),
    },
    { requiredKeys: ["kind"], noNullPrototype: true },
  );

/**
 * A valid document: a random forest (each node's parent is an earlier node before shuffling, so
 * there are no cycles, and depth stays under the limit), listed in random order so that children
 * often come before their parents; random kinds with catalog-valid props plus unknown ones;
 * edges of every kind between random nodes; ids unique across nodes and edges. With the `v1`
 * vocabulary, only what version 1 had (its kinds, props and edge kinds; no `manualSize` nor
 * `suppress`), as the reader returns it after migrating: `version` is still the current one.
 */
export const documentArb = (
  maxNodes = 24,
  maxEdges = 8,
  vocabulary: Vocabulary = "current",
): fc.Arbitrary<StackDocument> =>
  fc
    .tuple(fc.integer({ min: 0, max: maxNodes }), fc.integer({ min: 0, max: maxEdges }))
    .chain(([n, m0]) => {
      const m = n === 0 ? 0 : m0;
      return fc.record({
        ids: fc.uniqueArray(idArb, { minLength: n + m, maxLength: n + m }),
        parents: fc.tuple(
          ...Array.from({ length: n }, (_, i) =>
            i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 }),
          ),
        ),
        shapes: fc.array(nodeShape(vocabulary), { minLength: n, maxLength: n }),
        edges: fc.array(
          fc.tuple(edgeShape(vocabulary), fc.nat(Math.max(0, n - 1)), fc.nat(Math.max(0, n - 1))),
          {
            minLength: m,
            maxLength: m,
          },
        ),
        order: fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i),
          { minLength: n, maxLength: n },
        ),
        title: fc.option(textArb, { nil: undefined }),
        view: fc.option(
          fc.record(
            {
              viewport: fc.record(
                { x: coord, y: coord, zoom: fc.double({ min: 0.01, max: 1000, noNaN: true }) },
                { noNullPrototype: true },
              ),
              overlay: fc.constantFrom("none" as const, "managedBy" as const),
            },
            { requiredKeys: [], noNullPrototype: true },
          ),
          { nil: undefined },
        ),
      });
    })
    .map(({ ids, parents, shapes, edges, order, title, view }) => {
      const nodesInTreeOrder: StackNode[] = shapes.map((s, i) => ({
        id: ids[i]!,
        ...s,
        ...(parents[i]! >= 0 ? { parentId: ids[parents[i]!]! } : {}),
      }));
      const n = shapes.length;
      const edgeList: StackEdge[] = edges.map(([e, s, t], j) => ({
        id: ids[n + j]!,
        source: ids[s]!,
        target: ids[t]!,
        ...e,
      }));
      return {
        format: "stackdraw" as const,
        version: CURRENT_VERSION,
        ...(title !== undefined ? { title } : {}),
        nodes: order.map((i) => nodesInTreeOrder[i]!),
        edges: edgeList,
        ...(view !== undefined ? { view } : {}),
      };
    });
