/**
 * fast-check generators of valid Stackdraw documents: a random forest of random kinds with random
 * props drawn from the catalog's descriptors (so a new kind or prop is covered without touching
 * this file), and edges between existing nodes. Parents always precede children in generation,
 * so there are no cycles; `shuffledDocument` then lists the nodes in any order.
 */
import fc from "fast-check";
import { COMMON_PROPS, EDGE_KINDS, KIND_DEFS, KINDS, type Kind } from "../../../src/domain/kinds/catalog.ts";
import type { PropSpec } from "../../../src/domain/kinds/props.ts";
import type { StackDocument, StackEdge, StackNode } from "../../../src/domain/document.ts";

const KNOWN_TEXT = [
  "Ubuntu",
  "FreeBSD",
  "windows server",
  "Amazon-Linux",
  "macOS",
  "Solaris",
  "nginx:1.27",
  "app:2",
  "EC2",
  "",
];

const port = fc.integer({ min: 1, max: 65535 });
/** Mostly a few common ports, so that conflicts actually happen. */
const likelyPort = fc.oneof(fc.constantFrom(53, 80, 443, 8080), port);

function propValue(spec: PropSpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case "enum":
      return fc.constantFrom(...spec.options.map((o) => o.value));
    case "text":
      return fc.oneof(fc.constantFrom(...KNOWN_TEXT), fc.string({ maxLength: 8 }));
    case "port-list":
      return fc.array(likelyPort, { maxLength: 3 });
    case "container-ports":
      return fc.array(
        fc.record(
          { host: likelyPort, container: port, protocol: fc.constantFrom("tcp" as const, "udp" as const) },
          { requiredKeys: ["container"] },
        ),
        { maxLength: 3 },
      );
  }
}

/** Random props for a kind: any subset of its own and the common props. */
export function propsFor(kind: Kind): fc.Arbitrary<Record<string, unknown> | undefined> {
  const specs: Record<string, PropSpec> = { ...KIND_DEFS[kind].props, ...COMMON_PROPS };
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, spec] of Object.entries(specs)) model[key] = propValue(spec);
  return fc.option(fc.record(model, { requiredKeys: [] }), { nil: undefined });
}

const nodeDraft = fc.constantFrom(...KINDS).chain((kind) =>
  fc.record({
    kind: fc.constant(kind),
    props: propsFor(kind),
    label: fc.option(fc.constantFrom("web", "db", "Rack 1", "웹 서버"), { nil: undefined }),
    /** Fraction picking the parent among the nodes drawn before this one; null = root. */
    parent: fc.option(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { nil: null, freq: 4 }),
  }),
);

/** A valid document of up to `maxNodes` nodes, parents listed before children. */
export function arbDocument(maxNodes = 30): fc.Arbitrary<StackDocument> {
  return fc.array(nodeDraft, { maxLength: maxNodes }).chain((drafts) => {
    const nodes: StackNode[] = drafts.map((d, i) => {
      const n: StackNode = { id: `n${i}`, kind: d.kind };
      if (d.parent !== null && i > 0) n.parentId = `n${Math.floor(d.parent * i)}`;
      if (d.props !== undefined) n.props = d.props;
      if (d.label !== undefined) n.label = d.label;
      return n;
    });
    const edges: fc.Arbitrary<StackEdge[]> =
      nodes.length === 0
        ? fc.constant([])
        : fc
            .array(
              fc.record({
                kind: fc.constantFrom(...EDGE_KINDS),
                source: fc.integer({ min: 0, max: nodes.length - 1 }),
                target: fc.integer({ min: 0, max: nodes.length - 1 }),
              }),
              { maxLength: 6 },
            )
            .map((es) =>
              es.map((e, i) => ({
                id: `e${i}`,
                kind: e.kind,
                source: `n${e.source}`,
                target: `n${e.target}`,
              })),
            );
    return edges.map((es): StackDocument => ({ format: "stackdraw", version: 1, nodes, edges: es }));
  });
}

/** A document together with the same document, its nodes listed in another order. */
export function arbDocumentAndShuffle(maxNodes = 30): fc.Arbitrary<[StackDocument, StackDocument]> {
  return arbDocument(maxNodes).chain((d) =>
    fc
      .shuffledSubarray(d.nodes, { minLength: d.nodes.length, maxLength: d.nodes.length })
      .map((nodes): [StackDocument, StackDocument] => [d, { ...d, nodes }]),
  );
}
