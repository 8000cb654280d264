import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { importCompose } from "../../../src/io/compose.ts";
import { readDocument } from "../../../src/io/read.ts";
import { writeDocument } from "../../../src/io/write.ts";

const name = fc.stringMatching(/^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,15}$/);
const port = fc.integer({ min: 1, max: 65535 });
const shortPort = fc.oneof(
  port.map(String),
  fc.tuple(port, port).map(([h, c]) => `${h}:${c}`),
  fc.tuple(port, port, fc.constantFrom("tcp", "udp")).map(([h, c, p]) => `${h}:${c}/${p}`),
  fc
    .tuple(fc.constantFrom("127.0.0.1", "0.0.0.0", "[::1]"), port, port)
    .map(([ip, h, c]) => `${ip}:${h}:${c}`),
);
const longPort = fc.record(
  {
    target: port,
    published: fc.oneof(port, port.map(String)),
    protocol: fc.constantFrom("tcp", "udp"),
    host_ip: fc.constant("127.0.0.1"),
    mode: fc.constantFrom("host", "ingress"),
  },
  { requiredKeys: ["target"] },
);
const value = fc.oneof(
  fc.string(),
  fc.constantFrom("NO", "22:22", "0755", "yes", "~", "null", "<<"),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

/** A valid compose file: distinct service names, valid ports, dependencies among its services. */
const validCompose = fc.uniqueArray(name, { minLength: 1, maxLength: 12 }).chain((names) =>
  fc
    .tuple(
      ...names.map(() =>
        fc.record(
          {
            image: fc.string({ minLength: 1, maxLength: 20 }),
            ports: fc.array(fc.oneof(shortPort, longPort), { maxLength: 4 }),
            environment: fc.oneof(
              fc.dictionary(name, value, { maxKeys: 4 }),
              fc.array(
                fc.tuple(name, value).map(([k, v]) => `${k}=${String(v)}`),
                { maxLength: 4 },
              ),
            ),
            depends_on: fc.subarray(names),
            platform: fc.constantFrom("linux/amd64", "linux/arm64", "windows/amd64", "linux/arm/v7"),
          },
          { requiredKeys: ["image"] },
        ),
      ),
    )
    // A service never depends on itself (that is an error, tested elsewhere).
    .map((services) => ({
      names,
      compose: {
        services: Object.fromEntries(
          names.map((n, i) => [
            n,
            { ...services[i]!, depends_on: services[i]!.depends_on?.filter((d) => d !== n) },
          ]),
        ),
      },
    })),
);

/** Anything compose-shaped: arbitrary keys and values where the importer looks. */
const composeLike = fc.record(
  {
    services: fc.oneof(
      fc.constant(null),
      value,
      fc.dictionary(
        fc.string(),
        fc.oneof(
          value,
          fc.anything(),
          fc.record(
            {
              image: value,
              ports: fc.oneof(
                value,
                fc.array(
                  fc.oneof(
                    value,
                    fc.string(),
                    fc.dictionary(fc.constantFrom("target", "published", "protocol", "host_ip"), value),
                  ),
                ),
              ),
              depends_on: fc.oneof(value, fc.array(value), fc.dictionary(fc.string(), fc.anything())),
              links: fc.anything(),
              environment: fc.anything(),
              build: fc.anything(),
              platform: value,
            },
            { requiredKeys: [] },
          ),
        ),
      ),
    ),
    apiVersion: value,
    kind: value,
    "x-common": fc.anything(),
  },
  { requiredKeys: [] },
);

describe("importCompose totality", () => {
  it("never throws for arbitrary strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "binary" }),
          fc.string({ unit: fc.constantFrom(..."services:\n -[]{}&*!<>|'\"#%@`,?:\t 0123abc") }),
        ),
        (text) => {
          const r = importCompose(text);
          expect(typeof r.ok).toBe("boolean");
          if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never throws for random compose-like objects, and what imports is a valid document", () => {
    fc.assert(
      fc.property(composeLike, (obj) => {
        const r = importCompose(stringify(obj));
        if (r.ok) expect(readDocument(writeDocument(r.document)).ok).toBe(true);
        else expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("a generated valid compose file imports with one container per service and one edge per dependency", () => {
    fc.assert(
      fc.property(validCompose, ({ names, compose }) => {
        const r = importCompose(stringify(compose));
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        const containers = r.document.nodes.filter((n) => n.kind === "container");
        // File order, which is the object's key order (integer-like names such as "0" come first).
        expect(containers.map((n) => n.label)).toEqual(Object.keys(compose.services));
        expect(new Set(names)).toEqual(new Set(Object.keys(compose.services)));
        const deps = Object.values(compose.services).reduce((sum, s) => sum + (s.depends_on?.length ?? 0), 0);
        expect(r.document.edges).toHaveLength(deps);
        const back = readDocument(writeDocument(r.document));
        expect(back.ok && back.document).toEqual(r.document);
      }),
      { numRuns: 200 },
    );
  });
});
