/**
 * The words of every reader, YAML and importer error: one entry per code, English and Korean side
 * by side, each a function of the code's params. The type requires both languages for every code
 * of ./types.ts. A message says what is wrong and never repeats the place (the path or line:column
 * is shown beside it, see ./format.ts).
 */
import { isolate } from "../../domain/bidi.ts";
import { EDGE_KINDS, KINDS } from "../../domain/kinds/catalog.ts";
import type { Lang } from "../../domain/kinds/props.ts";
import { IMPORT_MESSAGES } from "./import-messages.ts";
import type {
  Found,
  IoErrorCode,
  IoErrorParams,
  JsonSyntaxProblem,
  PortSide,
  PropExpectation,
  ValueType,
  YamlShape,
} from "./types.ts";

/** A message of one language from a code's params. */
type Words<P> = (p: P) => string;
/** Both languages of one code's message. */
export type MessageEntry<P> = { readonly [L in Lang]: Words<P> };
export type MessageTable = { readonly [C in IoErrorCode]: MessageEntry<IoErrorParams[C]> };

const fmt = (n: number) => n.toLocaleString("en-US");

const TYPE_NAMES: { readonly [T in ValueType]: Readonly<Record<Lang, string>> } = {
  null: { en: "null", ko: "null" },
  array: { en: "an array", ko: "배열" },
  string: { en: "a string", ko: "문자열" },
  number: { en: "a number", ko: "숫자" },
  boolean: { en: "a boolean", ko: "불리언" },
  object: { en: "an object", ko: "객체" },
  undefined: { en: "undefined", ko: "undefined" },
  function: { en: "function", ko: "function" },
  symbol: { en: "symbol", ko: "symbol" },
  bigint: { en: "bigint", ko: "bigint" },
};
const typeName = (t: ValueType, lang: Lang) => TYPE_NAMES[t][lang];

/** A string quoted and cut to `max` characters, as messages quote what they found. */
const quote = (s: string, max: number) =>
  // Isolated when it holds right-to-left text or a bidi control: it cannot reorder our sentence.
  isolate(JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s));
/** A document's value as a message shows it: scalars as JSON (strings cut at 40), others by type. */
function shown(v: Found, lang: Lang): string {
  if (typeof v === "string") return quote(v, 40);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  return typeName(v.type, lang);
}
/** A compose value as messages quote it: cut at 60 characters. */
const q = (s: string) => quote(s, 60);

const SHAPES: { readonly [S in YamlShape]: Readonly<Record<Lang, string>> } = {
  scalar: { en: "a value", ko: "값" },
  map: { en: "a mapping", ko: "매핑" },
  seq: { en: "a list", ko: "목록" },
};
const SIDES: { readonly [S in PortSide]: Readonly<Record<Lang, string>> } = {
  container: { en: "container port", ko: "컨테이너 포트" },
  host: { en: "host port", ko: "호스트 포트" },
};

const KIND_LIST = KINDS.join(", ");
const EDGE_KIND_LIST = EDGE_KINDS.join(", ");
const options = (o: readonly string[]) => o.map((x) => JSON.stringify(x)).join(", ");

/** What the JSON scanner found, the part after "not valid JSON at line…:". */
const JSON_SYNTAX: {
  readonly [K in JsonSyntaxProblem["kind"]]: MessageEntry<Extract<JsonSyntaxProblem, { kind: K }>>;
} = {
  badUnicodeEscape: {
    en: () => "invalid \\u escape in a string",
    ko: () => "문자열 안의 \\u 이스케이프가 잘못되었습니다",
  },
  badEscape: {
    en: () => "invalid escape in a string",
    ko: () => "문자열 안의 이스케이프가 잘못되었습니다",
  },
  controlChar: {
    en: (p) => `control character ${p.char} inside a string (a string cannot span lines)`,
    ko: (p) => `문자열 안에 제어 문자 ${p.char}가 있습니다 (문자열은 줄을 넘을 수 없습니다)`,
  },
  unterminatedString: {
    en: () => "a string starting here never ends (the file looks truncated)",
    ko: () => "여기서 시작한 문자열이 끝나지 않습니다 (파일이 잘린 것 같습니다)",
  },
  unexpectedEnd: {
    en: () => "unexpected end of the file (it looks truncated)",
    ko: () => "파일이 예상보다 일찍 끝났습니다 (잘린 것 같습니다)",
  },
  afterEnd: {
    en: (p) => `unexpected ${p.char} after the end of the document`,
    ko: (p) => `문서가 끝난 뒤에 ${p.char}가 있습니다`,
  },
  expectedCommaOrClose: {
    en: (p) => `expected "," or "${p.close}", found ${p.char}`,
    ko: (p) => `"," 또는 "${p.close}"가 와야 하는데 ${p.char}가 있습니다`,
  },
  expectedKey: {
    en: (p) => `expected a property name in double quotes, found ${p.char}`,
    ko: (p) => `큰따옴표로 감싼 속성 이름이 와야 하는데 ${p.char}가 있습니다`,
  },
  expectedColon: {
    en: (p) => `expected ":" after a property name, found ${p.char}`,
    ko: (p) => `속성 이름 뒤에 ":"가 와야 하는데 ${p.char}가 있습니다`,
  },
  badNumber: { en: () => "invalid number", ko: () => "숫자가 잘못되었습니다" },
  expectedValue: {
    en: (p) => `expected a value, found ${p.char}`,
    ko: (p) => `값이 와야 하는데 ${p.char}가 있습니다`,
  },
  engine: { en: (p) => p.detail, ko: (p) => p.detail },
};
function syntax(p: JsonSyntaxProblem, lang: Lang): string {
  return (JSON_SYNTAX[p.kind][lang] as Words<JsonSyntaxProblem>)(p);
}

const KO_PORT = "포트(1–65535 사이의 정수)";
/** What a prop should have held (the English is checkPropValue's, tests/unit/io/messages.test.ts). */
const PROP_EXPECTED: {
  readonly [T in PropExpectation["type"]]: MessageEntry<Extract<PropExpectation, { type: T }>>;
} = {
  enum: { en: (p) => `one of ${options(p.options)}`, ko: (p) => `${options(p.options)} 중 하나` },
  text: { en: () => "a string", ko: () => "문자열" },
  count: { en: () => "a whole number (0 or more)", ko: () => "0 이상의 정수" },
  textList: { en: () => "an array of strings", ko: () => "문자열의 배열" },
  ipAddress: { en: () => "an IPv4 or IPv6 address", ko: () => "IPv4 또는 IPv6 주소" },
  portList: { en: () => "an array of ports (integers 1–65535)", ko: () => `${KO_PORT}의 배열` },
  port: { en: () => "a port (an integer 1–65535)", ko: () => KO_PORT },
  portMappings: {
    en: () => "an array of { host?, container, protocol?, hostIp? } port mappings",
    ko: () => "{ host?, container, protocol?, hostIp? } 포트 매핑의 배열",
  },
  portMapping: {
    en: () => "a port mapping object { host?, container, protocol?, hostIp? }",
    ko: () => "포트 매핑 객체 { host?, container, protocol?, hostIp? }",
  },
  protocol: { en: () => '"tcp" or "udp"', ko: () => '"tcp" 또는 "udp"' },
  servicePorts: {
    en: () => "an array of { port, targetPort?, nodePort?, protocol? } Service ports",
    ko: () => "{ port, targetPort?, nodePort?, protocol? } 서비스 포트의 배열",
  },
  servicePort: {
    en: () => "a Service port object { port, targetPort?, nodePort?, protocol? }",
    ko: () => "서비스 포트 객체 { port, targetPort?, nodePort?, protocol? }",
  },
  targetPort: {
    en: () => "a port (an integer 1–65535) or a port name",
    ko: () => `${KO_PORT} 또는 포트 이름`,
  },
};
export function propExpected(p: PropExpectation, lang: Lang): string {
  return (PROP_EXPECTED[p.type][lang] as Words<PropExpectation>)(p);
}

/** A cycle as `"a" → "b" → "a"`, or cut short with how many nodes it has. */
function cycle(p: IoErrorParams["parentCycle"], nodes: (n: string) => string): string {
  const chain = p.ids.map((id) => quote(id, 40)).join(" → ");
  return p.ids.length > p.total ? chain : `${chain} … (${nodes(fmt(p.total))})`;
}

/** "must be an array" and its kin, with the Korean copula each noun takes. */
const KO_MUST_BE = {
  array: "배열이어야",
  object: "객체여야",
  string: "문자열이어야",
  boolean: "불리언(true 또는 false)이어야",
} as const;

/** The table: every code, both languages. */
export const MESSAGES: MessageTable = {
  // Kubernetes and ECS importers: ./import-messages.ts.
  ...IMPORT_MESSAGES,
  // ----- Documents: size and text -------------------------------------------------------------
  tooLarge: {
    en: (p) =>
      `the file is larger than 10 MB (at least ${(p.bytes / (1024 * 1024)).toFixed(1)} MB); Stackdraw opens documents up to 10 MB`,
    ko: (p) =>
      `파일이 10MB보다 큽니다(최소 ${(p.bytes / (1024 * 1024)).toFixed(1)}MB). Stackdraw는 10MB까지의 문서만 열 수 있습니다`,
  },
  notText: {
    en: (p) =>
      p.cause === "nul"
        ? `the file is not text: it holds a NUL byte at line ${p.line}, column ${p.column} (is it a binary file?)`
        : `the file is not text: the byte at offset ${fmt(p.offset)} is not UTF-8 (is it an image, another binary file, or text in another encoding?)`,
    ko: (p) =>
      p.cause === "nul"
        ? `텍스트 파일이 아닙니다: ${p.line}행 ${p.column}열에 NUL 바이트가 있습니다 (바이너리 파일인가요?)`
        : `텍스트 파일이 아닙니다: 오프셋 ${fmt(p.offset)}의 바이트가 UTF-8이 아닙니다 (이미지 같은 바이너리 파일이거나 다른 인코딩의 텍스트인가요?)`,
  },
  emptyFile: { en: () => "the file is empty", ko: () => "파일이 비어 있습니다" },
  notJson: {
    en: (p) => `not valid JSON at line ${p.line}, column ${p.column}: ${syntax(p.syntax, "en")}`,
    ko: (p) => `올바른 JSON이 아닙니다 (${p.line}행 ${p.column}열): ${syntax(p.syntax, "ko")}`,
  },
  tooDeeplyNested: {
    en: (p) =>
      `JSON nested more than ${p.limit} levels deep at line ${p.line}, column ${p.column}; a Stackdraw document never needs that`,
    ko: (p) =>
      `${p.line}행 ${p.column}열에서 JSON이 ${p.limit}단계보다 깊게 중첩됩니다. Stackdraw 문서에는 그럴 일이 없습니다`,
  },

  // ----- Documents: the envelope and migrations -----------------------------------------------
  notAnObject: {
    en: (p) =>
      `a Stackdraw document is a JSON object ({ "format": "stackdraw", … }), not ${typeName(p.actual, "en")}`,
    ko: (p) =>
      `Stackdraw 문서는 JSON 객체({ "format": "stackdraw", … })여야 합니다. 지금은 ${typeName(p.actual, "ko")}입니다`,
  },
  wrongFormat: {
    en: (p) =>
      p.value === undefined
        ? '"format" is missing: this is not a Stackdraw document'
        : `is ${shown(p.value, "en")}, not "stackdraw": this is not a Stackdraw document`,
    ko: (p) =>
      p.value === undefined
        ? '"format"이 없습니다: Stackdraw 문서가 아닙니다'
        : `값이 "stackdraw"가 아니라 ${shown(p.value, "ko")}입니다: Stackdraw 문서가 아닙니다`,
  },
  versionMissing: {
    en: (p) => `"version" is missing; this build reads version ${p.current} (and migrates older ones)`,
    ko: (p) =>
      `"version"이 없습니다. 이 버전의 Stackdraw는 문서 버전 ${p.current}(과 그 이전 버전)을 읽습니다`,
  },
  versionInvalid: {
    en: (p) => `must be a whole number such as ${p.current}, not ${shown(p.value, "en")}`,
    ko: (p) => `${p.current} 같은 정수여야 합니다. 지금은 ${shown(p.value, "ko")}입니다`,
  },
  versionTooNew: {
    en: (p) =>
      `this file was saved by a newer Stackdraw (document version ${p.version}); this build reads versions up to ${p.current}. Update Stackdraw to open it`,
    ko: (p) =>
      `더 새로운 Stackdraw에서 저장한 파일입니다(문서 버전 ${p.version}). 이 버전은 문서 버전 ${p.current}까지만 읽을 수 있습니다. Stackdraw를 업데이트하세요`,
  },
  versionUnsupported: {
    en: (p) => `version ${p.version} is older than any this build can open (the oldest is ${p.oldest})`,
    ko: (p) =>
      `문서 버전 ${p.version}은 이 버전의 Stackdraw가 열 수 있는 가장 오래된 버전(${p.oldest})보다 오래되었습니다`,
  },
  migrationFailed: {
    en: (p) =>
      p.cause === "badStep"
        ? `migration "${p.name}" is broken: it goes from version ${p.from} to ${p.to}`
        : p.cause === "threw"
          ? `could not update this file from version ${p.from} to ${p.to} (migration "${p.name}"): ${p.reason}`
          : `migration "${p.name}" (version ${p.from} → ${p.to}) produced ${typeName(p.actual, "en")}, not a document`,
    ko: (p) =>
      p.cause === "badStep"
        ? `변환 단계 "${p.name}"에 문제가 있습니다: 버전 ${p.from}에서 버전 ${p.to}(으)로 가는 단계입니다`
        : p.cause === "threw"
          ? `이 파일을 버전 ${p.from}에서 ${p.to}로 변환하지 못했습니다 (변환 단계 "${p.name}"): ${p.reason}`
          : `변환 단계 "${p.name}"(버전 ${p.from} → ${p.to})의 결과가 문서가 아니라 ${typeName(p.actual, "ko")}입니다`,
  },
  duplicateKey: {
    en: (p) =>
      `the key "${p.key}" is given twice in one object (line ${p.line}, column ${p.column}); a document must say each thing once`,
    ko: (p) =>
      `한 객체에 키 "${p.key}"가 두 번 있습니다 (${p.line}행 ${p.column}열). 문서는 각 값을 한 번만 적어야 합니다`,
  },
  tooManyEdges: {
    en: (p) =>
      `the document has ${fmt(p.count)} connections; Stackdraw opens documents of up to ${fmt(p.limit)} connections`,
    ko: (p) =>
      `문서에 연결이 ${fmt(p.count)}개 있습니다. Stackdraw는 연결이 ${fmt(p.limit)}개 이하인 문서만 열 수 있습니다`,
  },
  tooManyNodes: {
    en: (p) =>
      `the document has ${fmt(p.count)} nodes; Stackdraw opens documents of up to ${fmt(p.limit)} nodes`,
    ko: (p) =>
      `문서에 노드가 ${fmt(p.count)}개 있습니다. Stackdraw는 노드가 ${fmt(p.limit)}개 이하인 문서만 열 수 있습니다`,
  },

  // ----- Documents: fields of nodes, edges, title and view ------------------------------------
  missingField: {
    en: (p) =>
      p.of === "document"
        ? `"${p.field}" is required (an array, possibly empty)`
        : p.of === "object"
          ? `"${p.field}" is required`
          : p.field === "source" || p.field === "target"
            ? `every ${p.of} needs a "${p.field}" (a node id)`
            : `every ${p.of} needs ${p.field === "id" ? "an" : "a"} "${p.field}"`,
    ko: (p) =>
      p.of === "document"
        ? `"${p.field}"가 있어야 합니다 (빈 배열이어도 됩니다)`
        : p.of === "object"
          ? `"${p.field}"가 있어야 합니다`
          : `모든 ${p.of === "node" ? "노드" : "엣지"}에는 "${p.field}"${p.field === "source" || p.field === "target" ? "(노드 id)" : ""}가 있어야 합니다`,
  },
  wrongType: {
    en: (p) => {
      switch (p.expected) {
        case "id":
          return `must be a non-empty string, not ${p.actual === "emptyString" ? "an empty string" : typeName(p.actual, "en")}`;
        case "number":
          return `must be a number, not ${typeName(p.actual, "en")} ${p.value !== undefined ? shown(p.value, "en") : ""}`.trimEnd();
        case "oneOf":
          return `must be one of ${options(p.options)}, not ${shown(p.value, "en")}`;
        case "parentId":
          return `must be a node id (a string) or null, not ${typeName(p.actual, "en")}`;
        case "nodeId":
          return `must be a node id (a string), not ${typeName(p.actual, "en")}`;
        default:
          return `must be ${typeName(p.expected, "en")}, not ${typeName(p.actual, "en")}`;
      }
    },
    ko: (p) => {
      switch (p.expected) {
        case "id":
          return `비어 있지 않은 문자열이어야 합니다. 지금은 ${p.actual === "emptyString" ? "빈 문자열" : typeName(p.actual, "ko")}입니다`;
        case "number":
          return `숫자여야 합니다. 지금은 ${typeName(p.actual, "ko")}입니다`;
        case "oneOf":
          return `${options(p.options)} 중 하나여야 합니다. 지금은 ${shown(p.value, "ko")}입니다`;
        case "parentId":
          return `노드 id(문자열)나 null이어야 합니다. 지금은 ${typeName(p.actual, "ko")}입니다`;
        case "nodeId":
          return `노드 id(문자열)여야 합니다. 지금은 ${typeName(p.actual, "ko")}입니다`;
        default:
          return `${KO_MUST_BE[p.expected]} 합니다. 지금은 ${typeName(p.actual, "ko")}입니다`;
      }
    },
  },
  duplicateId: {
    en: (p) =>
      `id ${quote(p.id, 40)} is already used by ${p.first}; ids must be unique among nodes and edges`,
    ko: (p) =>
      `id ${quote(p.id, 40)}는 이미 ${p.first}에서 쓰고 있습니다. id는 노드와 엣지를 통틀어 유일해야 합니다`,
  },
  unknownKind: {
    en: (p) => `unknown kind ${shown(p.value, "en")}; the kinds are: ${KIND_LIST}`,
    ko: (p) => `알 수 없는 종류 ${shown(p.value, "ko")}입니다. 쓸 수 있는 종류: ${KIND_LIST}`,
  },
  unknownEdgeKind: {
    en: (p) => `unknown edge kind ${shown(p.value, "en")}; the edge kinds are: ${EDGE_KIND_LIST}`,
    ko: (p) => `알 수 없는 엣지 종류 ${shown(p.value, "ko")}입니다. 쓸 수 있는 종류: ${EDGE_KIND_LIST}`,
  },
  invalidProp: {
    en: (p) => `must be ${propExpected(p.expected, "en")}, not ${shown(p.value, "en")}`,
    ko: (p) => `${propExpected(p.expected, "ko")}여야 합니다. 지금은 ${shown(p.value, "ko")}입니다`,
  },
  invalidSuppress: {
    en: (p) =>
      p.cause === "notObject"
        ? `must be an object of reasons by rule id ({ "<rule id>": "<reason>" }), not ${typeName(p.actual, "en")}`
        : p.cause === "notString"
          ? `the reason must be text, not ${typeName(p.actual, "en")}`
          : "the reason is empty: say why this rule does not apply here",
    ko: (p) =>
      p.cause === "notObject"
        ? `규칙 id별 사유를 담은 객체({ "<규칙 id>": "<사유>" })여야 합니다. 지금은 ${typeName(p.actual, "ko")}입니다`
        : p.cause === "notString"
          ? `사유는 텍스트여야 합니다. 지금은 ${typeName(p.actual, "ko")}입니다`
          : "사유가 비어 있습니다: 이 규칙이 여기에 맞지 않는 이유를 적어 주세요",
  },
  tooLong: {
    en: (p) => `is ${fmt(p.length)} characters long; the limit is ${fmt(p.limit)}`,
    ko: (p) => `${fmt(p.length)}자입니다. 최대 ${fmt(p.limit)}자까지 쓸 수 있습니다`,
  },
  outOfRange: {
    en: (p) =>
      p.cause === "notFinite"
        ? `must be a finite number, not ${String(p.value)}`
        : `must be ${p.exclusiveMin ? `greater than ${fmt(p.min)} and at most ${fmt(p.max)}` : `between ${fmt(p.min)} and ${fmt(p.max)}`}, not ${String(p.value)}`,
    ko: (p) =>
      p.cause === "notFinite"
        ? `유한한 숫자여야 합니다. 지금은 ${String(p.value)}입니다`
        : `${p.exclusiveMin ? `${fmt(p.min)}보다 크고 ${fmt(p.max)} 이하` : `${fmt(p.min)}에서 ${fmt(p.max)} 사이`}여야 합니다. 지금은 ${String(p.value)}입니다`,
  },

  // ----- Documents: references between nodes and edges ----------------------------------------
  missingParent: {
    en: (p) => `no node has id ${quote(p.id, 40)}`,
    ko: (p) => `id가 ${quote(p.id, 40)}인 노드가 없습니다`,
  },
  selfParent: {
    en: (p) => `node ${quote(p.id, 40)} cannot sit in itself`,
    ko: (p) => `노드 ${quote(p.id, 40)}는 자기 자신 안에 놓일 수 없습니다`,
  },
  parentCycle: {
    en: (p) => `parents form a cycle: ${cycle(p, (n) => `${n} nodes`)}`,
    ko: (p) => `부모 관계가 순환합니다: ${cycle(p, (n) => `노드 ${n}개`)}`,
  },
  tooDeep: {
    en: (p) => `nested ${fmt(p.depth)} levels deep; the limit is ${p.limit}`,
    ko: (p) => `${fmt(p.depth)}단계 깊이로 중첩되어 있습니다. 최대 ${p.limit}단계까지 가능합니다`,
  },
  missingEndpoint: {
    en: (p) => `no node has id ${quote(p.id, 40)}`,
    ko: (p) => `id가 ${quote(p.id, 40)}인 노드가 없습니다`,
  },
  internalError: {
    en: (p) => `could not read the file: ${p.reason}`,
    ko: (p) => `파일을 읽지 못했습니다: ${p.reason}`,
  },

  // ----- The file itself ----------------------------------------------------------------------
  cannotRead: {
    en: (p) =>
      p.cause === "system"
        ? `cannot read the file (${p.detail})`
        : p.cause === "notUtf8"
          ? `the file is not text: the byte at offset ${fmt(p.offset)} is not UTF-8`
          : `cannot read it: it is a ${{ directory: "directory", device: "device", pipe: "pipe", socket: "socket", other: "special file" }[p.kind]}, not a regular file`,
    ko: (p) =>
      p.cause === "system"
        ? `파일을 읽을 수 없습니다 (${p.detail})`
        : p.cause === "notUtf8"
          ? `텍스트 파일이 아닙니다: 오프셋 ${fmt(p.offset)}의 바이트가 UTF-8이 아닙니다`
          : `읽을 수 없습니다: 일반 파일이 아니라 ${{ directory: "디렉터리", device: "장치", pipe: "파이프", socket: "소켓", other: "특수 파일" }[p.kind]}입니다`,
  },

  // ----- YAML ---------------------------------------------------------------------------------
  yamlSyntax: {
    en: (p) => `YAML syntax error: ${p.detail}`,
    ko: (p) => `YAML 구문 오류: ${p.detail}`,
  },
  yamlDuplicateKey: {
    en: (p) =>
      `duplicate key${p.key !== undefined ? ` ${q(p.key)}` : ""}: a key appears twice in one mapping`,
    ko: (p) => `중복된 키${p.key !== undefined ? ` ${q(p.key)}` : ""}: 한 매핑에 같은 키가 두 번 있습니다`,
  },
  yamlTabIndent: {
    en: () => "tabs are not allowed as indentation in YAML; indent with spaces",
    ko: () => "YAML에서는 탭으로 들여쓸 수 없습니다. 공백으로 들여쓰세요",
  },
  yamlUnknownTag: {
    en: (p) => `unknown tag: ${p.detail}`,
    ko: (p) => `알 수 없는 태그: ${p.detail}`,
  },
  yamlUnknownAlias: {
    en: (p) => `unknown alias *${p.name}: no anchor &${p.name} before it`,
    ko: (p) => `알 수 없는 별칭 *${p.name}: 앞에 &${p.name} 앵커가 없습니다`,
  },
  yamlCyclicAlias: {
    en: (p) => `cyclic alias: *${p.name} refers to the anchor &${p.name} it sits inside`,
    ko: (p) => `순환 별칭: *${p.name}가 자신을 감싸는 앵커 &${p.name}를 가리킵니다`,
  },
  yamlAliasLimit: {
    en: (p) =>
      `the aliases expand past ${fmt(p.limit)} nodes (100× the file's own, or 1,000,000) at *${p.name}: refused as a possible "billion laughs" alias bomb`,
    ko: (p) =>
      `별칭을 펼치면 *${p.name}에서 노드가 ${fmt(p.limit)}개(파일 자체의 100배 또는 1,000,000개)를 넘습니다: "billion laughs" 별칭 폭탄일 수 있어 거부합니다`,
  },
  yamlTagNotAllowed: {
    en: (p) =>
      `the tag ${p.tag} is not allowed: a compose file uses plain YAML data, and tags are never executed`,
    ko: (p) =>
      `${p.tag} 태그는 허용되지 않습니다: compose 파일은 일반 YAML 데이터만 쓰며, 태그는 절대 실행되지 않습니다`,
  },
  yamlTooDeep: {
    en: (p) => `nested more than ${p.limit} levels deep; a compose file never needs that`,
    ko: (p) => `${p.limit}단계보다 깊게 중첩되어 있습니다. compose 파일에는 그럴 일이 없습니다`,
  },
  yamlComplexKey: {
    en: () => "a mapping key must be a plain value, not a list or mapping",
    ko: () => "매핑 키는 목록이나 매핑이 아닌 단순 값이어야 합니다",
  },
  yamlMergeNotMapping: {
    en: () => "a << merge key needs a mapping or a list of mappings",
    ko: () => "<< 병합 키에는 매핑 또는 매핑 목록이 필요합니다",
  },
  yamlSeveralDocuments: {
    en: () => "the file holds several YAML documents (separated by ---); a compose file is one document",
    ko: () => "파일에 YAML 문서가 여러 개 있습니다(---로 구분). compose 파일은 문서 하나입니다",
  },
  yamlInternal: {
    en: (p) => `could not read the YAML: ${p.reason}`,
    ko: (p) => `YAML을 읽지 못했습니다: ${p.reason}`,
  },

  // ----- Compose: the file and its services ---------------------------------------------------
  composeTooLarge: {
    en: () => "the file is larger than 10 MB; Stackdraw imports compose files up to 10 MB",
    ko: () => "파일이 10MB보다 큽니다. Stackdraw는 10MB까지의 compose 파일만 가져옵니다",
  },
  composeEmpty: {
    en: () => "the file is empty: a compose file needs a services: mapping",
    ko: () => "파일이 비어 있습니다: compose 파일에는 services: 매핑이 필요합니다",
  },
  composeNotMapping: {
    en: (p) =>
      `the top level is ${SHAPES[p.actual].en}, not a mapping: a compose file starts with keys such as services:`,
    ko: (p) =>
      `최상위가 매핑이 아닌 ${SHAPES[p.actual].ko}입니다: compose 파일은 services: 같은 키로 시작합니다`,
  },
  composeKubernetes: {
    en: (p) =>
      `this is a Kubernetes manifest${p.kind ? ` (kind: ${q(p.kind)})` : ""}, not a Docker Compose file: import it as Kubernetes manifests (import k8s)`,
    ko: (p) =>
      `Docker Compose 파일이 아니라 쿠버네티스 매니페스트입니다${p.kind ? ` (kind: ${q(p.kind)})` : ""}. 쿠버네티스 매니페스트로 가져오세요(import k8s)`,
  },
  composeOtherFormat: {
    en: (p) =>
      p.found === "ecs"
        ? "this is an ECS task definition, not a Docker Compose file: import it as an ECS task definition (import ecs)"
        : "this is a Stackdraw document, not a Docker Compose file: open it instead",
    ko: (p) =>
      p.found === "ecs"
        ? "Docker Compose 파일이 아니라 ECS 태스크 정의입니다. ECS 태스크 정의로 가져오세요(import ecs)"
        : "Docker Compose 파일이 아니라 Stackdraw 문서입니다. 가져오지 말고 여세요",
  },
  composeNoServices: {
    en: () => "no services: key: a compose file lists its services under services:",
    ko: () => "services: 키가 없습니다: compose 파일은 services: 아래에 서비스를 나열합니다",
  },
  composeServicesInvalid: {
    en: (p) =>
      `services: is ${p.actual === "null" ? "empty (null)" : p.actual === "emptyMap" ? "an empty mapping" : SHAPES[p.actual].en}; it must map each service name to its settings`,
    ko: (p) =>
      `services:가 ${p.actual === "null" ? "비어 있습니다(null)" : p.actual === "emptyMap" ? "빈 매핑입니다" : `${SHAPES[p.actual].ko}입니다`}. 서비스 이름마다 설정을 적은 매핑이어야 합니다`,
  },
  composeTooManyServices: {
    en: (p) => `${fmt(p.count)} services: more than a document holds (${fmt(p.limit)})`,
    ko: (p) => `서비스가 ${fmt(p.count)}개로, 문서 한도(${fmt(p.limit)}개)를 넘습니다`,
  },
  serviceEmpty: {
    en: () => "the service is empty (no image, no build); drawn as a container without an image",
    ko: () => "서비스가 비어 있습니다(image도 build도 없음). 이미지 없는 컨테이너로 그렸습니다",
  },
  serviceNotMapping: {
    en: (p) => `a service must be a mapping, not ${SHAPES[p.actual].en}`,
    ko: (p) => `서비스는 ${SHAPES[p.actual].ko}가 아닌 매핑이어야 합니다`,
  },
  serviceFieldNotString: {
    en: (p) => `${p.key} must be a string, not ${SHAPES[p.actual].en}`,
    ko: (p) => `${p.key}는 ${SHAPES[p.actual].ko}가 아닌 문자열이어야 합니다`,
  },
  serviceBuildInvalid: {
    en: () => "build must be a path or a mapping with context",
    ko: () => "build는 경로이거나 context가 있는 매핑이어야 합니다",
  },
  serviceNoImage: {
    en: () => "the service has neither image nor build; drawn as a container without an image",
    ko: () => "서비스에 image도 build도 없습니다. 이미지 없는 컨테이너로 그렸습니다",
  },
  mapValueNotPlain: {
    en: (p) => `${p.what} values must be plain values, not ${SHAPES[p.actual].en}`,
    ko: (p) => `${p.what} 값은 ${SHAPES[p.actual].ko}가 아닌 단순 값이어야 합니다`,
  },
  mapEntryNotPair: {
    en: (p) => `${p.what} entries must be "NAME=value" strings`,
    ko: (p) => `${p.what} 항목은 "이름=값" 문자열이어야 합니다`,
  },
  mapInvalid: {
    en: (p) => `${p.what} must be a mapping or a list, not a single value`,
    ko: (p) => `${p.what}는 단일 값이 아닌 매핑이나 목록이어야 합니다`,
  },

  // ----- Compose: dependencies ----------------------------------------------------------------
  dependencyNotName: { en: () => "expected a service name", ko: () => "서비스 이름이 필요합니다" },
  dependencyMapEntry: {
    en: () => "each dependency in map form needs a mapping such as { condition: service_started }",
    ko: () => "맵 형식의 의존성에는 { condition: service_started } 같은 매핑이 필요합니다",
  },
  dependenciesInvalid: {
    en: (p) => (p.key === "links" ? "links must be a list" : "depends_on must be a list or a mapping"),
    ko: (p) => (p.key === "links" ? "links는 목록이어야 합니다" : "depends_on은 목록이나 매핑이어야 합니다"),
  },
  dependencyUnknown: {
    en: (p) => `${q(p.name)} is not a service of this file`,
    ko: (p) => `${q(p.name)}는 이 파일의 서비스가 아닙니다`,
  },
  dependencySelf: {
    en: () => "a service cannot depend on itself",
    ko: () => "서비스는 자기 자신에 의존할 수 없습니다",
  },

  // ----- Compose: ports -----------------------------------------------------------------------
  portMalformed: {
    en: (p) =>
      `malformed ${SIDES[p.side].en} ${q(p.value)}: expected a port number or a range like 8080-8081`,
    ko: (p) => `잘못된 ${SIDES[p.side].ko} ${q(p.value)}: 포트 번호나 8080-8081 같은 범위가 필요합니다`,
  },
  portOutOfRange: {
    en: (p) => `${SIDES[p.side].en} ${p.port} is out of range: ports are 1–65535`,
    ko: (p) => `${SIDES[p.side].ko} ${p.port}이(가) 범위를 벗어났습니다: 포트는 1–65535입니다`,
  },
  portRangeBackwards: {
    en: (p) => `the ${SIDES[p.side].en} range ${q(p.value)} runs backwards`,
    ko: (p) => `${SIDES[p.side].ko} 범위 ${q(p.value)}가 거꾸로입니다`,
  },
  portSctp: {
    en: () => "sctp ports are not drawn (Stackdraw knows tcp and udp); this mapping was skipped",
    ko: () => "sctp 포트는 그리지 않습니다(Stackdraw는 tcp와 udp만 압니다). 이 매핑은 건너뛰었습니다",
  },
  portUnknownProtocol: {
    en: (p) => `unknown protocol ${q(p.value)}: expected tcp or udp`,
    ko: (p) => `알 수 없는 프로토콜 ${q(p.value)}: tcp 또는 udp가 필요합니다`,
  },
  portRangeMismatch: {
    en: (p) =>
      `the host range ${p.host.start}-${p.host.end} and the container range ${p.container.start}-${p.container.end} differ in length`,
    ko: (p) =>
      `호스트 범위 ${p.host.start}-${p.host.end}와 컨테이너 범위 ${p.container.start}-${p.container.end}의 길이가 다릅니다`,
  },
  portTooMany: {
    en: (p) => `more than ${fmt(p.limit)} port mappings in the file`,
    ko: (p) => `파일의 포트 매핑이 ${fmt(p.limit)}개를 넘습니다`,
  },
  portVariables: {
    en: (p) => `port ${q(p.value)} depends on environment variables; skipped`,
    ko: (p) => `포트 ${q(p.value)}는 환경 변수에 달려 있어 건너뛰었습니다`,
  },
  portSyntax: {
    en: (p) =>
      `malformed port ${q(p.value)}: expected "container", "host:container" or "ip:host:container" (write IPv6 addresses in brackets)`,
    ko: (p) =>
      `잘못된 포트 ${q(p.value)}: "컨테이너", "호스트:컨테이너" 또는 "IP:호스트:컨테이너" 형식이 필요합니다(IPv6 주소는 대괄호로)`,
  },
  portIpv6Syntax: {
    en: (p) => `malformed port ${q(p.value)}: expected [IPv6]:host:container`,
    ko: (p) => `잘못된 포트 ${q(p.value)}: [IPv6]:호스트:컨테이너 형식이 필요합니다`,
  },
  portFieldNotValue: {
    en: (p) => `${p.key} must be a value, not ${SHAPES[p.actual].en}`,
    ko: (p) => `${p.key}는 ${SHAPES[p.actual].ko}가 아닌 값이어야 합니다`,
  },
  portNoTarget: {
    en: () => "a port in long syntax needs target (the container port)",
    ko: () => "긴 형식의 포트에는 target(컨테이너 포트)이 필요합니다",
  },
  portInvalid: {
    en: () => 'a port must be a string such as "8080:80" or a mapping with target',
    ko: () => '포트는 "8080:80" 같은 문자열이거나 target이 있는 매핑이어야 합니다',
  },
  portsNotList: {
    en: (p) => `ports must be a list, not ${SHAPES[p.actual].en}`,
    ko: (p) => `ports는 ${SHAPES[p.actual].ko}가 아닌 목록이어야 합니다`,
  },
  composeProfilesInactive: {
    en: (p) =>
      `not drawn, as docker compose up leaves them out: ${p.services.map(q).join(", ")} (no profile of theirs is active; give --profile NAME to draw them)`,
    ko: (p) =>
      `docker compose up처럼 그리지 않았습니다: ${p.services.map(q).join(", ")} (활성화된 프로필이 없습니다. 그리려면 --profile 이름을 주세요)`,
  },
  composeVariableUnset: {
    en: (p) => `the variable ${p.name} is not set; it reads as "" (set it in .env or the environment)`,
    ko: (p) => `변수 ${p.name}가 설정되지 않아 ""로 읽었습니다(.env나 환경 변수에서 설정하세요)`,
  },
  composeVariableRequired: {
    en: (p) => `the variable ${p.name} must be set: ${p.message !== "" ? q(p.message) : "it has no value"}`,
    ko: (p) => `변수 ${p.name}를 설정해야 합니다: ${p.message !== "" ? q(p.message) : "값이 없습니다"}`,
  },
  composeIncludeNotRead: {
    en: (p) =>
      `include names ${q(p.path)}, which is not read here (drop or pick it together with this file, or import with the CLI); its services are not drawn`,
    ko: (p) =>
      `include가 가리키는 ${q(p.path)}는 여기서 읽지 않습니다(이 파일과 함께 놓거나 고르세요. 또는 CLI로 가져오세요). 그 서비스는 그리지 않았습니다`,
  },
  composeIncludeFailed: {
    en: (p) =>
      p.cause === "missing"
        ? `the included file ${q(p.path)} cannot be read`
        : p.cause === "depth"
          ? `includes nest more than 8 files deep at ${q(p.path)} (do they include each other?)`
          : `the included file ${q(p.path)} cannot be imported: ${p.where} (${p.code})`,
    ko: (p) =>
      p.cause === "missing"
        ? `포함된 파일 ${q(p.path)}를 읽을 수 없습니다`
        : p.cause === "depth"
          ? `${q(p.path)}에서 include가 8단계보다 깊게 중첩됩니다(서로를 포함하나요?)`
          : `포함된 파일 ${q(p.path)}를 가져올 수 없습니다: ${p.where} (${p.code})`,
  },
  composeExtendsFile: {
    en: (p) =>
      `extends names another file (${q(p.file)}), which is not read here (drop or pick it together with this file, or import with the CLI): the service is drawn as this file writes it`,
    ko: (p) =>
      `extends가 다른 파일(${q(p.file)})을 가리키는데, 그 파일은 여기서 읽지 않습니다(이 파일과 함께 놓거나 고르세요. 또는 CLI로 가져오세요): 서비스는 이 파일에 적힌 대로 그렸습니다`,
  },
  composeExtendsFailed: {
    en: (p) =>
      p.cause === "missing"
        ? `extends names the file ${q(p.file)}, which cannot be read`
        : p.cause === "depth"
          ? `extends and include nest more than 8 files deep at ${q(p.file)} (do they name each other?)`
          : p.cause === "noServices"
            ? `extends names the file ${q(p.file)}, which has no services`
            : p.cause === "service"
              ? `extends names the service ${q(p.service)} of ${q(p.file)}, which that file does not have`
              : `extends names the file ${q(p.file)}, which cannot be imported: ${p.where} (${p.code})`,
    ko: (p) =>
      p.cause === "missing"
        ? `extends가 가리키는 파일 ${q(p.file)}를 읽을 수 없습니다`
        : p.cause === "depth"
          ? `${q(p.file)}에서 extends와 include가 8단계보다 깊게 중첩됩니다(서로를 가리키나요?)`
          : p.cause === "noServices"
            ? `extends가 가리키는 파일 ${q(p.file)}에 서비스가 없습니다`
            : p.cause === "service"
              ? `extends가 ${q(p.file)}의 서비스 ${q(p.service)}를 가리키지만, 그 파일에는 그 서비스가 없습니다`
              : `extends가 가리키는 파일 ${q(p.file)}를 가져올 수 없습니다: ${p.where} (${p.code})`,
  },
  composeExtendsCycle: {
    en: (p) => `extends goes round in a circle through ${q(p.name)}`,
    ko: (p) => `extends가 ${q(p.name)}를 거쳐 순환합니다`,
  },
  composeOverride: {
    en: () =>
      "no service has an image or a build: this looks like an override file (docker-compose.override.yml) that only makes sense on top of its base file; drawn as it is, image-less",
    ko: () =>
      "image나 build가 있는 서비스가 없습니다: 기본 파일 위에서만 의미가 있는 재정의 파일(docker-compose.override.yml)로 보입니다. 이미지 없이 있는 그대로 그렸습니다",
  },
  volumeInvalid: {
    en: () => 'a volume must be "source:target[:mode]", a path, or a mapping with target',
    ko: () => '볼륨은 "원본:대상[:모드]", 경로, 또는 target이 있는 매핑이어야 합니다',
  },
  networkModeUnknown: {
    en: (p) => `network_mode names ${q(p.name)}, which is not a service of this file`,
    ko: (p) => `network_mode가 가리키는 ${q(p.name)}는 이 파일의 서비스가 아닙니다`,
  },
  composeInternal: {
    en: (p) => `could not import the file: ${p.reason}`,
    ko: (p) => `파일을 가져오지 못했습니다: ${p.reason}`,
  },
};
