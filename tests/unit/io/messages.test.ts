/**
 * The one message table of reader, YAML and importer errors (src/io/errors/messages.ts) and the
 * one formatter (src/io/errors/format.ts): every code reads in both languages, errors are plain
 * data, and places render as paths and line:column.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { COMMON_PROPS, KIND_DEFS, KINDS } from "../../../src/domain/kinds/catalog.ts";
import type { PropSpec } from "../../../src/domain/kinds/props.ts";
import { checkPropValue } from "../../../src/domain/kinds/prop-values.ts";
import { importCompose } from "../../../src/io/compose.ts";
import { ioLine, ioMessage, ioMessages, ioWhere } from "../../../src/io/errors/format.ts";
import { MESSAGES, propExpected } from "../../../src/io/errors/messages.ts";
import type { IoError, IoErrorCode, IoErrorParams } from "../../../src/io/errors/types.ts";
import { readDocument } from "../../../src/io/read.ts";
import { propExpectation } from "../../../src/io/read/nodes.ts";

const FIXTURES = path.resolve(__dirname, "../../fixtures");

/** Params for every code: the compiler requires an entry for each, so a new code needs samples. */
const SAMPLES: { [C in IoErrorCode]: IoErrorParams[C][] } = {
  tooLarge: [{ bytes: 11 * 1024 * 1024 }],
  notText: [
    { cause: "encoding", offset: 17 },
    { cause: "nul", line: 2, column: 5 },
  ],
  duplicateKey: [{ key: "version", line: 1, column: 37 }],
  emptyFile: [{}],
  notJson: [
    { line: 1, column: 2, syntax: { kind: "badUnicodeEscape" } },
    { line: 1, column: 2, syntax: { kind: "badEscape" } },
    { line: 1, column: 2, syntax: { kind: "controlChar", char: "U+000A" } },
    { line: 1, column: 2, syntax: { kind: "unterminatedString" } },
    { line: 1, column: 2, syntax: { kind: "unexpectedEnd" } },
    { line: 1, column: 2, syntax: { kind: "afterEnd", char: "'x'" } },
    { line: 1, column: 2, syntax: { kind: "expectedCommaOrClose", close: "}", char: "'x'" } },
    { line: 1, column: 2, syntax: { kind: "expectedKey", char: "'x'" } },
    { line: 1, column: 2, syntax: { kind: "expectedColon", char: "'x'" } },
    { line: 1, column: 2, syntax: { kind: "badNumber" } },
    { line: 1, column: 2, syntax: { kind: "expectedValue", char: "'x'" } },
    { line: 1, column: 2, syntax: { kind: "engine", detail: "Unexpected token" } },
  ],
  tooDeeplyNested: [{ line: 1, column: 101, limit: 100 }],
  notAnObject: [{ actual: "array" }, { actual: "null" }],
  wrongFormat: [{}, { value: "drawio" }, { value: { type: "object" } }],
  versionMissing: [{ current: 2 }],
  versionInvalid: [
    { value: "2", current: 2 },
    { value: { type: "array" }, current: 2 },
  ],
  versionTooNew: [{ version: 9, current: 2 }],
  versionUnsupported: [{ version: 0, oldest: 1 }],
  migrationFailed: [
    { cause: "badStep", name: "m", from: 1, to: 1 },
    { cause: "threw", name: "m", from: 0, to: 1, reason: "boom" },
    { cause: "notAnObject", name: "m", from: 0, to: 1, actual: "string" },
  ],
  tooManyNodes: [{ count: 20_001, limit: 20_000 }],
  tooManyEdges: [{ count: 100_000, limit: 40_000 }],
  missingField: [
    { of: "document", field: "nodes" },
    { of: "node", field: "id" },
    { of: "node", field: "kind" },
    { of: "edge", field: "id" },
    { of: "edge", field: "kind" },
    { of: "edge", field: "source" },
    { of: "edge", field: "target" },
    { of: "object", field: "x" },
  ],
  wrongType: [
    { expected: "array", actual: "object" },
    { expected: "object", actual: "string" },
    { expected: "string", actual: "number" },
    { expected: "boolean", actual: "string" },
    { expected: "parentId", actual: "number" },
    { expected: "nodeId", actual: "boolean" },
    { expected: "id", actual: "emptyString" },
    { expected: "id", actual: "number" },
    { expected: "number", actual: "string", value: "12" },
    { expected: "number", actual: "null" },
    { expected: "oneOf", options: ["none", "managedBy"], value: "all" },
  ],
  duplicateId: [{ id: "a", first: "nodes[0]" }],
  unknownKind: [{ value: "vmm" }, { value: { type: "object" } }],
  unknownEdgeKind: [{ value: 3 }],
  invalidProp: [
    { expected: { type: "enum", options: ["a", "b"] }, value: "c" },
    { expected: { type: "text" }, value: 1 },
    { expected: { type: "count" }, value: -1 },
    { expected: { type: "textList" }, value: "dev" },
    { expected: { type: "ipAddress" }, value: "localhost" },
    { expected: { type: "portList" }, value: { type: "object" } },
    { expected: { type: "port" }, value: 70_000 },
    { expected: { type: "portMappings" }, value: "x" },
    { expected: { type: "portMapping" }, value: 80 },
    { expected: { type: "protocol" }, value: "sctp" },
  ],
  invalidSuppress: [
    { cause: "notObject", actual: "array" },
    { cause: "notString", actual: "number" },
    { cause: "empty" },
  ],
  tooLong: [{ length: 1001, limit: 1000 }],
  outOfRange: [
    { cause: "notFinite", value: Infinity },
    { cause: "range", value: -1, min: 0, max: 1e6, exclusiveMin: true },
    { cause: "range", value: 2e6, min: -1e6, max: 1e6, exclusiveMin: false },
  ],
  missingParent: [{ id: "vm-9" }],
  selfParent: [{ id: "a" }],
  parentCycle: [
    { ids: ["a", "b", "a"], total: 2 },
    { ids: ["n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8"], total: 5000 },
  ],
  tooDeep: [{ depth: 65, limit: 64 }],
  missingEndpoint: [{ id: "db" }],
  internalError: [{ reason: "boom" }],
  cannotRead: [
    { cause: "system", detail: "ENOENT" },
    { cause: "notUtf8", offset: 3 },
    { cause: "notAFile", kind: "device" },
  ],
  yamlSyntax: [{ detail: "Flow sequence in block collection must be sufficiently indented" }],
  yamlDuplicateKey: [{}, { key: "web" }],
  yamlTabIndent: [{}],
  yamlUnknownTag: [{ detail: "!foo" }],
  yamlUnknownAlias: [{ name: "a" }],
  yamlCyclicAlias: [{ name: "a" }],
  yamlAliasLimit: [{ name: "a", limit: 100 }],
  yamlTagNotAllowed: [{ tag: "!!js/function" }],
  yamlTooDeep: [{ limit: 100 }],
  yamlComplexKey: [{}],
  yamlMergeNotMapping: [{}],
  yamlSeveralDocuments: [{}],
  yamlInternal: [{ reason: "boom" }],
  composeTooLarge: [{}],
  composeEmpty: [{}],
  composeNotMapping: [{ actual: "scalar" }, { actual: "seq" }],
  composeKubernetes: [{ kind: "Deployment" }, { kind: "" }],
  composeNoServices: [{}],
  composeOtherFormat: [{ found: "ecs" }, { found: "stackdraw" }],
  composeServicesInvalid: [{ actual: "null" }, { actual: "emptyMap" }, { actual: "seq" }],
  composeTooManyServices: [{ count: 20_000, limit: 19_997 }],
  portMalformed: [{ side: "container", value: "http" }],
  portOutOfRange: [{ side: "host", port: 70_000 }],
  portRangeBackwards: [{ side: "container", value: "90-80" }],
  portSctp: [{}],
  portUnknownProtocol: [{ value: "icmp" }],
  portRangeMismatch: [{ host: { start: 8080, end: 8082 }, container: { start: 80, end: 81 } }],
  portTooMany: [{ limit: 100_000 }],
  portVariables: [{ value: "${A}:${B}" }],
  portSyntax: [{ value: "1:2:3:4" }],
  portIpv6Syntax: [{ value: "[::1]80" }],
  portFieldNotValue: [{ key: "target", actual: "seq" }],
  portNoTarget: [{}],
  portInvalid: [{}],
  portsNotList: [{ actual: "map" }],
  mapValueNotPlain: [{ what: "environment", actual: "map" }],
  mapEntryNotPair: [{ what: "labels" }],
  mapInvalid: [{ what: "environment" }],
  dependencyNotName: [{}],
  dependencyMapEntry: [{}],
  dependenciesInvalid: [{ key: "depends_on" }, { key: "links" }],
  dependencyUnknown: [{ name: "db" }],
  dependencySelf: [{}],
  serviceEmpty: [{}],
  serviceNotMapping: [{ actual: "seq" }],
  serviceFieldNotString: [{ key: "image", actual: "seq" }],
  serviceBuildInvalid: [{}],
  serviceNoImage: [{}],
  composeInternal: [{ reason: "boom" }],
  composeProfilesInactive: [{ services: ["debug", "docs"] }],
  volumeInvalid: [{}],
  composeOverride: [{}],
  composeExtendsFile: [{ file: "common.yml" }],
  composeExtendsFailed: [
    { file: "common.yml", cause: "missing" },
    { file: "common.yml", cause: "depth" },
    { file: "common.yml", cause: "noServices" },
    { file: "common.yml", cause: "service", service: "base" },
    { file: "common.yml", cause: "invalid", where: "3:5 services.base", code: "duplicateKey" },
  ],
  composeIncludeNotRead: [{ path: "db.yml" }],
  composeIncludeFailed: [
    { path: "db.yml", cause: "missing" },
    { path: "a.yml", cause: "depth" },
    { path: "db.yml", cause: "invalid", where: "3:9 services.db.ports[0]", code: "portOutOfRange" },
  ],
  composeExtendsCycle: [{ name: "a" }],
  composeVariableUnset: [{ name: "TAG" }],
  composeVariableRequired: [
    { name: "DB_HOST", message: "set DB_HOST" },
    { name: "X", message: "" },
  ],
  networkModeUnknown: [{ name: "vpn" }],
  importTooLarge: [{ format: "k8s" }, { format: "ecs" }],
  importEmpty: [{ format: "k8s" }, { format: "ecs" }],
  importTooManyNodes: [{ format: "k8s", count: 20_004, limit: 20_000 }],
  importWrongImporter: [
    { format: "k8s", found: "compose" },
    { format: "ecs", found: "k8s", kind: "Deployment" },
    { format: "k8s", found: "ecs" },
    { format: "ecs", found: "stackdraw" },
  ],
  importFieldInvalid: [
    { field: "containers", expected: "list", actual: "map" },
    { field: "replicas", expected: "count", actual: "scalar" },
    { field: "replicas", expected: "count", actual: "scalar", value: "three" },
    { field: "hostNetwork", expected: "boolean", actual: "null" },
  ],
  importNotDrawn: [
    { subject: "web", field: "secrets" },
    { subject: "web", field: "image", reason: "expression" },
    { subject: "dns", field: "ports[0]", reason: "sctp" },
    { subject: "web", field: "nodePort", reason: "random" },
    { subject: "web", field: "volumes.cache", reason: "unknown" },
  ],
  importInternal: [{ reason: "boom" }],
  k8sNotObject: [{ actual: "seq" }],
  k8sNoKind: [{}],
  k8sObjectsNotDrawn: [
    {
      kinds: [
        { kind: "ConfigMap", count: 3 },
        { kind: "Role", count: 2 },
      ],
    },
  ],
  k8sSelectsNothing: [{ service: "web" }],
  k8sUnknownService: [{ ingress: "main", service: "api" }],
  k8sUnknownVolume: [{ container: "web", volume: "data" }],
  ecsNotTaskDefinition: [{}],
  ecsNoTaskDefinitions: [{}],
  ecsUnknownContainer: [{ container: "web", name: "db" }],
};

const error = <C extends IoErrorCode>(code: C, params: IoErrorParams[C], at: Partial<IoError> = {}) =>
  ({ path: "$", ...at, code, params }) as IoError;

const HANGUL = /[\uac00-\ud7a3]/u;
/** English that once leaked into Korean messages: type names and counts. */
const ENGLISH_IN_KOREAN =
  /\ban? (array|object|string|number|boolean)\b|\d nodes\)|not UTF-8 text|goes from version/;

describe("the message table", () => {
  it("has an entry with English and Korean for every code, and samples for each", () => {
    expect(Object.keys(MESSAGES).sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const entry of Object.values(MESSAGES)) {
      expect(typeof entry.en).toBe("function");
      expect(typeof entry.ko).toBe("function");
    }
  });

  it.each(Object.entries(SAMPLES).flatMap(([code, list]) => list.map((p, i) => [`${code}#${i}`, code, p])))(
    "%s reads in both languages",
    (_name, code, params) => {
      const e = error(code as IoErrorCode, params as never);
      const { en, ko } = ioMessages(e);
      expect(en.length).toBeGreaterThan(5);
      expect(en).not.toMatch(HANGUL);
      expect(ko).toMatch(HANGUL);
      expect(ko).not.toMatch(ENGLISH_IN_KOREAN);
      for (const m of [en, ko]) expect(m).not.toMatch(/undefined|\[object|NaN/);
      expect(ioMessage(e, "en")).toBe(en);
      expect(ioMessage(e, "ko")).toBe(ko);
    },
  );

  it("words what a prop should hold exactly as the catalog's checkPropValue does", () => {
    const specs = new Map<string, PropSpec>();
    for (const props of [COMMON_PROPS, ...KINDS.map((k) => KIND_DEFS[k].props)])
      for (const [key, spec] of Object.entries(props as Record<string, PropSpec>))
        specs.set(`${spec.type}:${key}`, spec);
    const bad: unknown[] = [
      7,
      "x",
      [],
      [0],
      ["80"],
      [{}],
      [{ container: 0 }],
      [{ container: 80, host: 0 }],
      [{ container: 80, protocol: "sctp" }],
      [{ container: 80, hostIp: "localhost" }],
      [5],
      ["dev", 5],
      -1,
      1.5,
      null,
    ];
    let compared = 0;
    for (const spec of specs.values())
      for (const value of bad) {
        const found = checkPropValue(spec, value);
        if (found === null) continue;
        expect(propExpected(propExpectation(spec, found.subPath), "en")).toBe(found.expected);
        compared++;
      }
    expect(compared).toBeGreaterThan(10);
  });
});

describe("errors are data", () => {
  const bad = path.join(FIXTURES, "documents/bad");
  const composeBad = path.join(FIXTURES, "compose/bad");

  it("a refused document's errors are plain values: a code, params and a path, no words", () => {
    for (const f of readdirSync(bad).filter((f) => f.endsWith(".stackdraw.json"))) {
      const r = readDocument(new Uint8Array(readFileSync(path.join(bad, f))));
      if (r.ok) continue;
      for (const e of r.errors) {
        expect(Object.keys(e).sort(), f).toEqual(["code", "params", "path"]);
        expect(structuredClone(e)).toEqual(e);
        expect(ioMessage(e, "ko"), f).not.toMatch(ENGLISH_IN_KOREAN);
      }
    }
  });

  it("a refused compose file's errors carry line and column beside the path", () => {
    for (const f of readdirSync(composeBad).filter((f) => f.endsWith(".yml"))) {
      const r = importCompose(readFileSync(path.join(composeBad, f), "utf8"));
      expect(r.ok, f).toBe(false);
      if (r.ok) continue;
      for (const e of r.errors) {
        expect(structuredClone(e)).toEqual(e);
        expect(e.line, f).toBeGreaterThan(0);
        expect(ioMessage(e, "ko"), f).toMatch(HANGUL);
      }
    }
  });
});

describe("the formatter", () => {
  const dangling = error("missingParent", { id: "vm-9" }, { path: "nodes[5].parentId" });
  const port = error(
    "portOutOfRange",
    { side: "host", port: 70_000 },
    { path: "services.web.ports[1]", line: 6, column: 9 },
  );
  const tabs = error("yamlTabIndent", {}, { line: 3, column: 1 });

  it("places an error by its path, or by line:column and the path", () => {
    expect(ioWhere(dangling)).toBe("nodes[5].parentId");
    expect(ioWhere(port)).toBe("6:9 services.web.ports[1]");
    expect(ioWhere(tabs)).toBe("3:1");
    expect(ioWhere(error("emptyFile", {}))).toBe("$");
    expect(ioWhere(error("portSctp", {}, { path: "services.a.ports[0]", line: 4 }))).toBe(
      "4:1 services.a.ports[0]",
    );
  });

  it("writes one line of text as the CLI prints it", () => {
    expect(ioLine(dangling, "en")).toBe('nodes[5].parentId: no node has id "vm-9"');
    expect(ioLine(dangling, "ko")).toBe('nodes[5].parentId: id가 "vm-9"인 노드가 없습니다');
    expect(ioLine(error("emptyFile", {}), "en")).toBe("$: the file is empty");
    expect(ioLine(port, "en", { file: "app.yml" })).toBe(
      "app.yml:6:9: services.web.ports[1]: host port 70000 is out of range: ports are 1–65535",
    );
    expect(ioLine(tabs, "en", { file: "app.yml" })).toBe(
      "app.yml:3:1: tabs are not allowed as indentation in YAML; indent with spaces",
    );
    expect(
      ioLine(error("serviceEmpty", {}, { path: "services.a", line: 2, column: 3 }), "en", {
        file: "a.yml",
        label: "warning",
      }),
    ).toBe(
      "a.yml:2:3: warning: services.a: the service is empty (no image, no build); drawn as a container without an image",
    );
    expect(ioLine(error("cannotRead", { cause: "system", detail: "ENOENT" }), "ko", { file: "x.json" })).toBe(
      "x.json: 파일을 읽을 수 없습니다 (ENOENT)",
    );
  });
});
