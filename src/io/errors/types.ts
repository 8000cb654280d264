/**
 * The one error type of the document reader, the YAML parser and the Compose importer: a code,
 * the facts the message needs (`params`, plain data in no language), and where it is (a JSON or
 * key path, and a line:column when the source text locates it). The words live in one table,
 * ./messages.ts (English and Korean side by side per code), and ./format.ts renders them; the
 * reader and the importer never build a sentence. Type-only: importing it costs no bytes.
 */

/** A JSON value's type, as messages name it ("an array", "배열"); the last four come only from a migration. */
export type ValueType =
  | "null"
  | "array"
  | "string"
  | "number"
  | "boolean"
  | "object"
  | "undefined"
  | "function"
  | "symbol"
  | "bigint";

/**
 * A value found where another was expected, as a message shows it: a scalar as it is (a string is
 * quoted and cut to 40 characters when shown), anything else by its type alone.
 */
export type Found = string | number | boolean | null | { type: ValueType };

/** A 1-based line and column (in UTF-16 code units, as editors count them). */
export interface TextPosition {
  line: number;
  column: number;
}

/** What the JSON syntax scanner found wrong at the error's line:column. */
export type JsonSyntaxProblem =
  | { kind: "badUnicodeEscape" }
  | { kind: "badEscape" }
  /** A raw control character inside a string; `char` as shown: `U+000A`. */
  | { kind: "controlChar"; char: string }
  | { kind: "unterminatedString" }
  | { kind: "unexpectedEnd" }
  /** `char` as shown: `'x'`, or `U+0001` for a control character. */
  | { kind: "afterEnd"; char: string }
  | { kind: "expectedCommaOrClose"; close: "}" | "]"; char: string }
  | { kind: "expectedKey"; char: string }
  | { kind: "expectedColon"; char: string }
  | { kind: "badNumber" }
  | { kind: "expectedValue"; char: string }
  /** The scanner found nothing (it never should): the engine's own words. */
  | { kind: "engine"; detail: string };

/** What a declared prop should have held (from its descriptor and the wrong sub-path). */
export type PropExpectation =
  | { type: "enum"; options: readonly string[] }
  | { type: "text" }
  /** A whole number ≥ 0 (`replicas`). */
  | { type: "count" }
  /** A text-list prop as a whole (its entries are `text`). */
  | { type: "textList" }
  /** A port mapping's `hostIp`. */
  | { type: "ipAddress" }
  /** A port-list prop as a whole. */
  | { type: "portList" }
  /** One port, in a port list or a port mapping. */
  | { type: "port" }
  /** A container-ports prop as a whole. */
  | { type: "portMappings" }
  /** One entry of a container-ports prop. */
  | { type: "portMapping" }
  /** A service-ports prop as a whole, one of its entries, and an entry's `targetPort`. */
  | { type: "servicePorts" }
  | { type: "servicePort" }
  | { type: "targetPort" }
  | { type: "protocol" };

/** A YAML value's shape, as the importer's messages name it ("a mapping", "매핑"). */
export type YamlShape = "scalar" | "map" | "seq";

/** The two sides of a compose port mapping. */
export type PortSide = "container" | "host";

/** An inclusive range of ports, `start-end`. */
export interface PortRange {
  start: number;
  end: number;
}

/**
 * The params of each document error code. The codes are stable, for code and tests to match on
 * (autosave tells a newer file by `versionTooNew`).
 */
export interface DocumentErrorParams {
  /** Over LIMITS.bytes; `bytes` is at least the input's size. */
  tooLarge: { bytes: number };
  /** Bytes that are not UTF-8 text, or a NUL character: a binary file. */
  notText: { cause: "encoding"; offset: number } | ({ cause: "nul" } & TextPosition);
  /** One object gives the same key twice (JSON.parse would silently keep the last). */
  duplicateKey: { key: string } & TextPosition;
  /** Nothing but whitespace. */
  emptyFile: Record<string, never>;
  /** A JSON syntax error at line:column. */
  notJson: TextPosition & { syntax: JsonSyntaxProblem };
  /** JSON nested deeper than `limit` (MAX_JSON_NESTING). */
  tooDeeplyNested: TextPosition & { limit: number };
  /** The root is not a JSON object. */
  notAnObject: { actual: ValueType };
  /** `format` is missing (no `value`) or not "stackdraw". */
  wrongFormat: { value?: Found };
  versionMissing: { current: number };
  /** `version` is not an integer. */
  versionInvalid: { value: Found; current: number };
  /** Saved by a newer Stackdraw. */
  versionTooNew: { version: number; current: number };
  /** Older than any version the migrations start from. */
  versionUnsupported: { version: number; oldest: number };
  /** A migration that does not move forward, threw, or did not give back an object. */
  migrationFailed:
    | { cause: "badStep"; name: string; from: number; to: number }
    | { cause: "threw"; name: string; from: number; to: number; reason: string }
    | { cause: "notAnObject"; name: string; from: number; to: number; actual: ValueType };
  /** Over LIMITS.nodes. */
  tooManyNodes: { count: number; limit: number };
  /** Over LIMITS.edges. */
  tooManyEdges: { count: number; limit: number };
  /**
   * A required field is absent: `nodes` of the document, `id`/`kind` of a node or an edge,
   * `source`/`target` of an edge, or a number of a position, size or viewport (`of: "object"`).
   */
  missingField: { of: "document" | "node" | "edge" | "object"; field: string };
  /** A field of the wrong type; `expected` says what it must be. */
  wrongType:
    | { expected: "array" | "object" | "string" | "boolean" | "parentId" | "nodeId"; actual: ValueType }
    /** An id: a non-empty string. */
    | { expected: "id"; actual: ValueType | "emptyString" }
    /** `value` is shown only for a string ("a string "12""). */
    | { expected: "number"; actual: ValueType; value?: Found }
    | { expected: "oneOf"; options: readonly string[]; value: Found };
  /** `first` is the path of the node or edge that has the id already. */
  duplicateId: { id: string; first: string };
  unknownKind: { value: Found };
  unknownEdgeKind: { value: Found };
  /** A declared prop with a value of the wrong type or out of range. */
  invalidProp: { expected: PropExpectation; value: Found };
  /**
   * A node's `suppress` that is not `{ "<rule id>": "<reason>" }`: not an object (path
   * `nodes[i].suppress`), or a reason that is not a string or is empty (path
   * `nodes[i].suppress["<rule id>"]`).
   */
  invalidSuppress:
    | { cause: "notObject"; actual: ValueType }
    | { cause: "notString"; actual: ValueType }
    | { cause: "empty" };
  /** A label, title or suppression reason over LIMITS.labelLength code points. */
  tooLong: { length: number; limit: number };
  /** A number that is not finite, or a coordinate, size or zoom out of bounds. */
  outOfRange:
    | { cause: "notFinite"; value: number }
    | { cause: "range"; value: number; min: number; max: number; exclusiveMin: boolean };
  missingParent: { id: string };
  selfParent: { id: string };
  /**
   * A node on a cycle of parents. `ids` walks the cycle from this node; it ends back at this node
   * when the whole cycle fits (then it is `total` + 1 long), else it is cut short.
   */
  parentCycle: { ids: readonly string[]; total: number };
  /** More than `limit` (LIMITS.depth) ancestors. */
  tooDeep: { depth: number; limit: number };
  /** An edge's source or target names no node. */
  missingEndpoint: { id: string };
  /** The reader itself failed (a bug, or a migration returning a hostile object). */
  internalError: { reason: string };
}

/** The params of each YAML error code (the safe parser of the Compose importer). */
export interface YamlErrorParams {
  /** yaml's own syntax error; `detail` is its first line (English, from the yaml package). */
  yamlSyntax: { detail: string };
  /** `key` when our own tree builder found it (yaml's own check names no key). */
  yamlDuplicateKey: { key?: string };
  yamlTabIndent: Record<string, never>;
  yamlUnknownTag: { detail: string };
  yamlUnknownAlias: { name: string };
  yamlCyclicAlias: { name: string };
  /** Aliases expanding past `limit` nodes (100× the source's own, at most 1,000,000): a possible "billion laughs". */
  yamlAliasLimit: { name: string; limit: number };
  /** `tag` as written (`!!js/function`). */
  yamlTagNotAllowed: { tag: string };
  yamlTooDeep: { limit: number };
  /** A list or mapping as a mapping key. */
  yamlComplexKey: Record<string, never>;
  yamlMergeNotMapping: Record<string, never>;
  yamlSeveralDocuments: Record<string, never>;
  /** The parser threw. */
  yamlInternal: { reason: string };
}

/** The params of each Compose importer code (warnings are errors that do not stop the import). */
export interface ComposeErrorParams {
  composeTooLarge: Record<string, never>;
  composeEmpty: Record<string, never>;
  composeNotMapping: { actual: YamlShape };
  /** `kind` of the manifest, "" when it is not a plain value. */
  composeKubernetes: { kind: string };
  composeNoServices: Record<string, never>;
  /** An ECS task definition (or template) or a Stackdraw document given to the Compose importer. */
  composeOtherFormat: { found: "ecs" | "stackdraw" };
  /** `services:` is null, an empty mapping, a value or a list. */
  composeServicesInvalid: { actual: YamlShape | "null" | "emptyMap" };
  composeTooManyServices: { count: number; limit: number };
  /** Not a port number or range. */
  portMalformed: { side: PortSide; value: string };
  portOutOfRange: { side: PortSide; port: number };
  portRangeBackwards: { side: PortSide; value: string };
  /** A warning: the mapping is skipped. */
  portSctp: Record<string, never>;
  portUnknownProtocol: { value: string };
  portRangeMismatch: { host: PortRange; container: PortRange };
  portTooMany: { limit: number };
  /** A warning: the port is skipped. */
  portVariables: { value: string };
  /** Short syntax that is not `container`, `host:container` or `ip:host:container`. */
  portSyntax: { value: string };
  portIpv6Syntax: { value: string };
  /** A field of a long-syntax port that is a list or a mapping. */
  portFieldNotValue: { key: string; actual: YamlShape };
  portNoTarget: Record<string, never>;
  /** A port that is neither a string nor a mapping. */
  portInvalid: Record<string, never>;
  portsNotList: { actual: YamlShape };
  /** `what`: environment or labels. */
  mapValueNotPlain: { what: string; actual: YamlShape };
  mapEntryNotPair: { what: string };
  mapInvalid: { what: string };
  dependencyNotName: Record<string, never>;
  dependencyMapEntry: Record<string, never>;
  /** `key`: depends_on (a list or a mapping) or links (a list). */
  dependenciesInvalid: { key: "depends_on" | "links" };
  dependencyUnknown: { name: string };
  dependencySelf: Record<string, never>;
  /** A warning: drawn as a container without an image. */
  serviceEmpty: Record<string, never>;
  serviceNotMapping: { actual: YamlShape };
  serviceFieldNotString: { key: string; actual: YamlShape };
  serviceBuildInvalid: Record<string, never>;
  /** A warning: drawn as a container without an image. */
  serviceNoImage: Record<string, never>;
  /** A warning: services left out because none of their profiles is active (as `docker compose up`). */
  composeProfilesInactive: { services: readonly string[] };
  /** A warning: a variable the value uses is not set (it became ""). */
  composeVariableUnset: { name: string };
  /** `${NAME:?message}` (or `?`) with NAME unset: Compose stops with the message. */
  composeVariableRequired: { name: string; message: string };
  /** A warning: `extends: { file: … }` names another file, which is not read; the service is read as written. */
  composeExtendsFile: { file: string };
  /** `extends: { file, service }` whose file is missing, nested too deep, refused, or lacks the service. */
  composeExtendsFailed:
    | { file: string; cause: "missing" }
    | { file: string; cause: "depth" }
    | { file: string; cause: "noServices" }
    | { file: string; cause: "service"; service: string }
    | { file: string; cause: "invalid"; where: string; code: string };
  /** A warning: `include` names a file the importer was given no way to read (the editor imports one file). */
  composeIncludeNotRead: { path: string };
  /** An included file that is missing, nested too deep, or refused (its first problem: `where`, `code`). */
  composeIncludeFailed:
    | { path: string; cause: "missing" }
    | { path: string; cause: "depth" }
    | { path: string; cause: "invalid"; where: string; code: string };
  /** `extends` going round in a circle. */
  composeExtendsCycle: { name: string };
  /** A warning: no service has an image or a build — an override file that needs its base file. */
  composeOverride: Record<string, never>;
  /** A volume entry that is neither `source:target[:mode]` nor a mapping with `target`. */
  volumeInvalid: Record<string, never>;
  /** `network_mode: service:x` naming no service of the file. */
  networkModeUnknown: { name: string };
  /** The importer threw. */
  composeInternal: { reason: string };
}

/** The importers of Kubernetes manifests and ECS task definitions (warnings do not stop the import). */
export type ImportFormat = "k8s" | "ecs";
/** What a file looks like, when it is for another importer (or is a Stackdraw document). */
export type ImportFound = "compose" | "k8s" | "ecs" | "stackdraw";
/** What a field the importer reads should have been. */
export type ImportExpected = "map" | "list" | "text" | "count" | "port" | "boolean";
export interface ImportErrorParams {
  importTooLarge: { format: ImportFormat };
  /** No object in the file(s) at all. */
  importEmpty: { format: ImportFormat };
  /** Drawing it would take more nodes than a document holds. */
  importTooManyNodes: { format: ImportFormat; count: number; limit: number };
  /** A file for another importer: `kind` names a Kubernetes object's kind when that is what it is. */
  importWrongImporter: { format: ImportFormat; found: ImportFound; kind?: string };
  /** A field the importer reads has the wrong shape. */
  importFieldInvalid: { field: string; expected: ImportExpected; actual: YamlShape | "null"; value?: string };
  /** A warning: something in the file is not drawn (`subject` owns it: a container, a workload). */
  importNotDrawn: { subject: string; field: string; reason?: "expression" | "unknown" | "sctp" | "random" };
  /** The importer threw. */
  importInternal: { reason: string };
  /** A Kubernetes document that is not a mapping. */
  k8sNotObject: { actual: YamlShape };
  /** A mapping without `kind` (and so not a Kubernetes object). */
  k8sNoKind: Record<string, never>;
  /** A warning: the objects of these kinds are not drawn, with how many of each. */
  k8sObjectsNotDrawn: { kinds: readonly { kind: string; count: number }[] };
  /** A warning: a Service whose selector matches no workload of the files. */
  k8sSelectsNothing: { service: string };
  /** A warning: an Ingress sends to a Service the files do not have. */
  k8sUnknownService: { ingress: string; service: string };
  /** A warning: a volumeMount names no volume of its pod. */
  k8sUnknownVolume: { container: string; volume: string };
  /** A JSON file that is not an ECS task definition, a describe-task-definition output or a template. */
  ecsNotTaskDefinition: Record<string, never>;
  /** A CloudFormation template without an AWS::ECS::TaskDefinition resource. */
  ecsNoTaskDefinitions: Record<string, never>;
  /** A warning: a dependsOn or links entry naming no container of the task. */
  ecsUnknownContainer: { container: string; name: string };
}

/** Errors of the file itself, before any reader sees it (the CLI's own reads). */
export interface FileErrorParams {
  /** `detail`: the system's error code, such as ENOENT. */
  cannotRead:
    | { cause: "system"; detail: string }
    /** Bytes that are not UTF-8, at `offset` (the one rule of the reader and the importer). */
    | { cause: "notUtf8"; offset: number }
    /** A directory, a device (/dev/zero), a pipe or a socket: only regular files are read. */
    | { cause: "notAFile"; kind: "directory" | "device" | "pipe" | "socket" | "other" };
}

export type IoErrorParams = DocumentErrorParams &
  YamlErrorParams &
  ComposeErrorParams &
  FileErrorParams &
  ImportErrorParams;
export type DocumentErrorCode = keyof DocumentErrorParams;
export type YamlErrorCode = keyof YamlErrorParams;
export type ComposeErrorCode = keyof ComposeErrorParams;
export type ImportErrorCode = keyof ImportErrorParams;
export type IoErrorCode = keyof IoErrorParams;

/** One error of any of the codes `C`; narrowing on `code` narrows `params`. */
export type IoError<C extends IoErrorCode = IoErrorCode> = {
  [K in C]: {
    code: K;
    params: IoErrorParams[K];
    /**
     * Where: a JSON path such as `nodes[3].parentId`, `nodes[0].props.ports[1].host`, a compose
     * key path such as `services.web.ports[1]`, or `$` for the file as a whole. Keys that are not
     * plain identifiers are quoted: `nodes[0].props["my-key"]`.
     */
    path: string;
    /** 1-based line in the source text, when known (YAML and compose). */
    line?: number;
    /** 1-based column (UTF-16 code units), when known. */
    column?: number;
  };
}[C];

/** A problem of a document that is not loaded. */
export type DocumentError = IoError<DocumentErrorCode>;
/** A problem of a YAML text. */
export type YamlError = IoError<YamlErrorCode>;
/** A problem (or a warning) of a compose file: its own, its YAML's, or bytes that are not text. */
export type ComposeError = IoError<ComposeErrorCode | YamlErrorCode | "cannotRead">;
