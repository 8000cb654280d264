/**
 * The Docker Compose importer (docs/cli.md, `import`; reliability.md, the YAML list):
 * a compose file becomes a laid-out Stackdraw document — every service a `container` on one
 * Docker Engine on one Linux kernel on one physical host; `image`/`build`, `ports` (short and
 * long syntax, host IPs, ranges, udp) and `platform` become the container's props;
 * `depends_on`/`links` become `network` edges from the service to what it needs.
 *
 *   checkSize → parseYaml (compose-yaml.ts) → readCompose (the compose model) → buildDocument
 *
 * Never throws; bad input gives errors with a line:column and a key path.
 *
 * Decisions where compose or the brief leave room (each one is tested):
 * - Environment values and labels are read as text, as written (`NO`, `22:22`, `0755` stay
 *   those strings) but are not copied into the document: environments hold passwords, and a
 *   diagram is shared. {@link readCompose} exposes them.
 * - A port published on a host IP keeps the mapping and notes the IP in the container's notes
 *   (the document has no place for it). A host port range in front of one container port
 *   ("8000-8010:80") publishes the first port of the range, also noted. `"127.0.0.1::80"` (a
 *   random host port) is an unpublished mapping, noted. `sctp` ports are skipped with a warning.
 * - Interpolation in a port: `${VAR:-8080}` takes its default; `${VAR}` alone cannot be known,
 *   so that part is left unpublished with a note.
 * - A service with neither image nor build still becomes a container (with a warning): a diagram
 *   of a half-written file is more useful than a refusal.
 * - `depends_on`/`links` naming an unknown service is an error (as in docker compose); a service
 *   depending on itself is an error; one edge per pair of services.
 * - Ids are the service names (characters outside `[A-Za-z0-9._-]` become `-`), made unique
 *   against each other and the three stack nodes; `__proto__` is a fine id (Maps everywhere).
 * - Compose's `!reset` / `!override` tags are accepted and read as the plain value.
 */
import { arrangeDocument } from "../domain/geometry.ts";
import {
  CURRENT_VERSION,
  FORMAT,
  LIMITS,
  type StackDocument,
  type StackEdge,
  type StackNode,
} from "../domain/document.ts";
import type { Localized, PortMapping } from "../domain/kinds/props.ts";
import { checkSize, keySegment } from "./read.ts";
import { lineColumn, parseYaml, type YMap, type YScalar, type YValue } from "./compose-yaml.ts";
import type { LineCounter } from "yaml";

/** One problem of a compose file: where (line:column when known, and a key path) and what. */
export interface ComposeError {
  /** A key path such as `services.web.ports[1]`, or `$` for the file as a whole. */
  path: string;
  /** What is wrong, in both UI languages; does not repeat the place. */
  message: Localized;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column (UTF-16 code units), when known. */
  column?: number;
}

/** The outcome of {@link importCompose}: a laid-out, valid document, or the first problems. */
export type ComposeResult =
  { ok: true; document: StackDocument; warnings: ComposeError[] } | { ok: false; errors: ComposeError[] };

/** Options of {@link importCompose}. */
export interface ComposeOptions {
  /** The document's title; default the compose `name`, else "Docker Compose". */
  title?: string;
}

/** A compose service as the importer reads it. */
export interface ComposeService {
  name: string;
  image?: string;
  /** The build context, when the service is built. */
  build?: string;
  /** `platform`, e.g. `linux/arm64`. */
  platform?: string;
  ports: PortMapping[];
  /** Things the document has no field for (host IPs, random ports…), one line each. */
  notes: string[];
  /** Services this one depends on or links to, in file order, without repeats. */
  needs: string[];
  /** Environment as text, as written; `null` = passed through from the shell (`- NAME`). */
  environment: Map<string, string | null>;
  labels: Map<string, string>;
}

/** A compose file as the importer reads it. */
export interface ComposeModel {
  /** The top-level `name` (project name), when given. */
  name?: string;
  services: ComposeService[];
}

/** The outcome of {@link readCompose}. */
export type ComposeModelResult =
  { ok: true; model: ComposeModel; warnings: ComposeError[] } | { ok: false; errors: ComposeError[] };

/** How many errors a failed import returns at most. */
export const MAX_COMPOSE_ERRORS = 20;
/** Port mappings per file at most (ranges expand into one mapping per port). */
export const MAX_PORT_MAPPINGS = 100_000;
/** The three stack nodes every import has under its containers. */
const STACK_NODES = 3;

// ---------------------------------------------------------------------------------------------

class Problems {
  readonly errors: ComposeError[] = [];
  readonly warnings: ComposeError[] = [];
  constructor(private readonly lc: LineCounter) {}
  private make(path: string, offset: number | undefined, en: string, ko: string): ComposeError {
    if (offset === undefined) return { path, message: { en, ko } };
    return { path, ...lineColumn(this.lc, offset), message: { en, ko } };
  }
  error(path: string, offset: number | undefined, en: string, ko: string): void {
    if (this.errors.length < MAX_COMPOSE_ERRORS) this.errors.push(this.make(path, offset, en, ko));
  }
  warn(path: string, offset: number | undefined, en: string, ko: string): void {
    if (this.warnings.length < MAX_COMPOSE_ERRORS) this.warnings.push(this.make(path, offset, en, ko));
  }
  get full(): boolean {
    return this.errors.length >= MAX_COMPOSE_ERRORS;
  }
}

const KIND_NAME: Record<YValue["t"], Localized> = {
  scalar: { en: "a value", ko: "값" },
  map: { en: "a mapping", ko: "매핑" },
  seq: { en: "a list", ko: "목록" },
};

/** A scalar's text: strings as they are; numbers and booleans as written (`0755`, not 755). */
function text(v: YScalar): string | null {
  if (v.value === null) return null;
  return typeof v.value === "string" ? v.value : v.text;
}

const shorten = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

// ---------------------------------------------------------------------------------------------
// Ports

interface PortPart {
  start: number;
  end: number;
}

/** Resolves `${VAR:-default}` / `${VAR-default}`; undefined when a variable has no default. */
function interpolate(s: string): string | undefined {
  let unknown = false;
  const out = s.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g,
    (_m, _name: string, op: string | undefined, def: string | undefined) => {
      if (op === undefined) {
        unknown = true;
        return "";
      }
      return def ?? "";
    },
  );
  return unknown ? undefined : out;
}

class PortReader {
  total = 0;
  constructor(private readonly p: Problems) {}

  /** A port or a range `a-b`; an error (and undefined) when malformed or out of range. */
  private part(s: string, what: Localized, path: string, offset: number): PortPart | undefined {
    const m = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(s.trim());
    if (!m) {
      this.p.error(
        path,
        offset,
        `malformed ${what.en} ${shorten(s)}: expected a port number or a range like 8080-8081`,
        `잘못된 ${what.ko} ${shorten(s)}: 포트 번호나 8080-8081 같은 범위가 필요합니다`,
      );
      return undefined;
    }
    const start = Number(m[1]);
    const end = m[2] === undefined ? start : Number(m[2]);
    for (const n of [start, end])
      if (n < 1 || n > 65535) {
        this.p.error(
          path,
          offset,
          `${what.en} ${n} is out of range: ports are 1–65535`,
          `${what.ko} ${n}이(가) 범위를 벗어났습니다: 포트는 1–65535입니다`,
        );
        return undefined;
      }
    if (end < start) {
      this.p.error(
        path,
        offset,
        `the ${what.en} range ${shorten(s)} runs backwards`,
        `${what.ko} 범위 ${shorten(s)}가 거꾸로입니다`,
      );
      return undefined;
    }
    return { start, end };
  }

  private protocol(raw: string | undefined, path: string, offset: number): "tcp" | "udp" | undefined | null {
    if (raw === undefined || raw === "") return undefined;
    const p = raw.toLowerCase();
    if (p === "tcp" || p === "udp") return p;
    if (p === "sctp") {
      this.p.warn(
        path,
        offset,
        "sctp ports are not drawn (Stackdraw knows tcp and udp); this mapping was skipped",
        "sctp 포트는 그리지 않습니다(Stackdraw는 tcp와 udp만 압니다). 이 매핑은 건너뛰었습니다",
      );
      return null;
    }
    this.p.error(
      path,
      offset,
      `unknown protocol ${shorten(raw)}: expected tcp or udp`,
      `알 수 없는 프로토콜 ${shorten(raw)}: tcp 또는 udp가 필요합니다`,
    );
    return null;
  }

  /** Expands host and container parts into mappings; false on error. */
  private expand(
    out: PortMapping[],
    notes: string[],
    host: PortPart | undefined,
    container: PortPart,
    protocol: "tcp" | "udp" | undefined,
    hostIp: string | undefined,
    path: string,
    offset: number,
  ): void {
    const count = container.end - container.start + 1;
    const hostStart: number | undefined = host?.start;
    if (host !== undefined && host.end - host.start + 1 !== count) {
      if (count === 1)
        notes.push(
          `port ${container.start}: host port chosen from ${host.start}-${host.end}; drawn as ${host.start}`,
        );
      else {
        this.p.error(
          path,
          offset,
          `the host range ${host.start}-${host.end} and the container range ${container.start}-${container.end} differ in length`,
          `호스트 범위 ${host.start}-${host.end}와 컨테이너 범위 ${container.start}-${container.end}의 길이가 다릅니다`,
        );
        return;
      }
    }
    if (this.total + count > MAX_PORT_MAPPINGS) {
      this.p.error(
        path,
        offset,
        `more than ${MAX_PORT_MAPPINGS.toLocaleString("en-US")} port mappings in the file`,
        `파일의 포트 매핑이 ${MAX_PORT_MAPPINGS.toLocaleString("en-US")}개를 넘습니다`,
      );
      return;
    }
    this.total += count;
    for (let i = 0; i < count; i++) {
      const hostPort =
        hostStart === undefined
          ? undefined
          : host !== undefined && host.end - host.start + 1 === count
            ? hostStart + i
            : hostStart;
      out.push({
        ...(hostPort !== undefined ? { host: hostPort } : {}),
        container: container.start + i,
        ...(protocol !== undefined ? { protocol } : {}),
      });
    }
    if (hostIp !== undefined && hostIp !== "" && hostIp !== "0.0.0.0" && hostIp !== "::")
      notes.push(
        `port${count > 1 ? "s" : ""} ${host ? `${host.start}${host.end !== host.start ? `-${host.end}` : ""}` : "?"}→${container.start}${count > 1 ? `-${container.end}` : ""}: published on host IP ${hostIp} only`,
      );
  }

  /** Short syntax: `"80"`, `"8080:80"`, `"127.0.0.1:8080:80"`, `"[::1]:8080:80"`, ranges, `/udp`. */
  short(raw: string, out: PortMapping[], notes: string[], path: string, offset: number): void {
    let s = raw.trim();
    if (s.includes("$")) {
      const resolved = interpolate(s);
      if (resolved === undefined) {
        // `${HOST_PORT}:80`: the container side is known, the host side is not.
        const container = s.slice(s.lastIndexOf(":") + 1);
        if (/^\d[\d/a-z-]*$/i.test(container) && !container.includes("$")) {
          notes.push(`port ${shorten(raw)}: host side set by an environment variable; drawn unpublished`);
          s = container;
        } else {
          this.p.warn(
            path,
            offset,
            `port ${shorten(raw)} depends on environment variables; skipped`,
            `포트 ${shorten(raw)}는 환경 변수에 달려 있어 건너뛰었습니다`,
          );
          return;
        }
      } else s = resolved;
    }
    let protocolText: string | undefined;
    const slash = s.lastIndexOf("/");
    if (slash !== -1) {
      protocolText = s.slice(slash + 1);
      s = s.slice(0, slash);
    }
    let hostIp: string | undefined;
    if (s.startsWith("[")) {
      const close = s.indexOf("]");
      if (close === -1 || s[close + 1] !== ":") {
        this.p.error(
          path,
          offset,
          `malformed port ${shorten(raw)}: expected [IPv6]:host:container`,
          `잘못된 포트 ${shorten(raw)}: [IPv6]:호스트:컨테이너 형식이 필요합니다`,
        );
        return;
      }
      hostIp = s.slice(1, close);
      s = s.slice(close + 2);
    }
    const parts = s.split(":");
    if (hostIp !== undefined ? parts.length !== 2 : parts.length > 3) {
      this.p.error(
        path,
        offset,
        `malformed port ${shorten(raw)}: expected "container", "host:container" or "ip:host:container" (write IPv6 addresses in brackets)`,
        `잘못된 포트 ${shorten(raw)}: "컨테이너", "호스트:컨테이너" 또는 "IP:호스트:컨테이너" 형식이 필요합니다(IPv6 주소는 대괄호로)`,
      );
      return;
    }
    if (parts.length === 3) hostIp = parts.shift();
    const containerText = parts.pop()!;
    const hostText = parts.pop();
    const protocol = this.protocol(protocolText, path, offset);
    if (protocol === null) return;
    const container = this.part(containerText, { en: "container port", ko: "컨테이너 포트" }, path, offset);
    if (!container) return;
    let host: PortPart | undefined;
    if (hostText !== undefined && hostText !== "") {
      host = this.part(hostText, { en: "host port", ko: "호스트 포트" }, path, offset);
      if (!host) return;
    } else if (hostText === "")
      notes.push(`port ${container.start}: published on a random host port; drawn unpublished`);
    this.expand(out, notes, host, container, protocol, hostIp, path, offset);
  }

  /** Long syntax: `{ target, published, protocol, host_ip, mode }`. */
  long(v: YMap, out: PortMapping[], notes: string[], path: string): void {
    const get = (k: string): string | undefined => {
      const x = v.entries.get(k);
      if (x === undefined) return undefined;
      if (x.t !== "scalar") {
        this.p.error(
          `${path}.${k}`,
          x.offset,
          `${k} must be a value, not ${KIND_NAME[x.t].en}`,
          `${k}는 ${KIND_NAME[x.t].ko}가 아닌 값이어야 합니다`,
        );
        return undefined;
      }
      const t = text(x);
      return t === null ? undefined : t;
    };
    const targetText = get("target");
    if (targetText === undefined) {
      this.p.error(
        `${path}.target`,
        v.offset,
        "a port in long syntax needs target (the container port)",
        "긴 형식의 포트에는 target(컨테이너 포트)이 필요합니다",
      );
      return;
    }
    const at = (k: string) => v.entries.get(k)?.offset ?? v.offset;
    const protocol = this.protocol(get("protocol"), `${path}.protocol`, at("protocol"));
    if (protocol === null) return;
    const container = this.part(
      targetText,
      { en: "container port", ko: "컨테이너 포트" },
      `${path}.target`,
      at("target"),
    );
    if (!container) return;
    let publishedText = get("published");
    if (publishedText?.includes("$")) {
      const r = interpolate(publishedText);
      if (r === undefined)
        notes.push(`port ${container.start}: host side set by an environment variable; drawn unpublished`);
      publishedText = r;
    }
    let host: PortPart | undefined;
    if (publishedText !== undefined && publishedText !== "") {
      host = this.part(
        publishedText,
        { en: "host port", ko: "호스트 포트" },
        `${path}.published`,
        at("published"),
      );
      if (!host) return;
    }
    const mode = get("mode");
    if (mode === "host" && host) notes.push(`port ${host.start}: published in host mode`);
    this.expand(out, notes, host, container, protocol, get("host_ip"), path, v.offset);
  }
}

// ---------------------------------------------------------------------------------------------
// The compose model

const PLATFORM_OS = new Set(["linux", "windows"]);

function readStringMap(
  v: YValue,
  path: string,
  p: Problems,
  what: string,
  allowNull: boolean,
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (v.t === "map") {
    for (const [k, x] of v.entries) {
      if (x.t !== "scalar") {
        p.error(
          `${path}${keySegment(k)}`,
          x.offset,
          `${what} values must be plain values, not ${KIND_NAME[x.t].en}`,
          `${what} 값은 ${KIND_NAME[x.t].ko}가 아닌 단순 값이어야 합니다`,
        );
        continue;
      }
      const t = text(x);
      out.set(k, t === null ? (allowNull ? null : "") : t);
    }
  } else if (v.t === "seq") {
    v.items.forEach((x, i) => {
      if (x.t !== "scalar" || text(x) === null) {
        p.error(
          `${path}[${i}]`,
          x.offset,
          `${what} entries must be "NAME=value" strings`,
          `${what} 항목은 "이름=값" 문자열이어야 합니다`,
        );
        return;
      }
      const t = text(x)!;
      const eq = t.indexOf("=");
      if (eq === -1) out.set(t, allowNull ? null : "");
      else out.set(t.slice(0, eq), t.slice(eq + 1));
    });
  } else if (v.value !== null)
    p.error(
      path,
      v.offset,
      `${what} must be a mapping or a list, not a single value`,
      `${what}는 단일 값이 아닌 매핑이나 목록이어야 합니다`,
    );
  return out;
}

/** Names of the services in `depends_on` (list or map) or `links` ("db" or "db:alias"). */
function readNeeds(
  v: YValue,
  path: string,
  p: Problems,
  links: boolean,
): { name: string; offset: number; path: string }[] {
  const out: { name: string; offset: number; path: string }[] = [];
  if (v.t === "seq")
    v.items.forEach((x, i) => {
      const t = x.t === "scalar" ? text(x) : null;
      if (t === null || t === "") {
        p.error(`${path}[${i}]`, x.offset, "expected a service name", "서비스 이름이 필요합니다");
        return;
      }
      out.push({ name: links ? t.split(":", 1)[0]! : t, offset: x.offset, path: `${path}[${i}]` });
    });
  else if (v.t === "map" && !links)
    for (const [k, x] of v.entries) {
      if (x.t === "seq" || (x.t === "scalar" && x.value !== null)) {
        p.error(
          `${path}${keySegment(k)}`,
          x.offset,
          "each dependency in map form needs a mapping such as { condition: service_started }",
          "맵 형식의 의존성에는 { condition: service_started } 같은 매핑이 필요합니다",
        );
        continue;
      }
      out.push({ name: k, offset: v.keyOffsets.get(k) ?? v.offset, path: `${path}${keySegment(k)}` });
    }
  else if (!(v.t === "scalar" && v.value === null))
    p.error(
      path,
      v.offset,
      links ? "links must be a list" : "depends_on must be a list or a mapping",
      links ? "links는 목록이어야 합니다" : "depends_on은 목록이나 매핑이어야 합니다",
    );
  return out;
}

function readService(
  name: string,
  v: YValue,
  path: string,
  p: Problems,
  ports: PortReader,
  keyOffset: number,
): {
  service: ComposeService;
  needs: { name: string; offset: number; path: string }[];
} {
  const service: ComposeService = {
    name,
    ports: [],
    notes: [],
    needs: [],
    environment: new Map(),
    labels: new Map(),
  };
  const needs: { name: string; offset: number; path: string }[] = [];
  if (v.t === "scalar" && v.value === null) {
    p.warn(
      path,
      keyOffset,
      "the service is empty (no image, no build); drawn as a container without an image",
      "서비스가 비어 있습니다(image도 build도 없음). 이미지 없는 컨테이너로 그렸습니다",
    );
    return { service, needs };
  }
  if (v.t !== "map") {
    p.error(
      path,
      v.offset,
      `a service must be a mapping, not ${KIND_NAME[v.t].en}`,
      `서비스는 ${KIND_NAME[v.t].ko}가 아닌 매핑이어야 합니다`,
    );
    return { service, needs };
  }
  const scalarText = (k: string): string | undefined => {
    const x = v.entries.get(k);
    if (x === undefined) return undefined;
    if (x.t !== "scalar") {
      p.error(
        `${path}.${k}`,
        x.offset,
        `${k} must be a string, not ${KIND_NAME[x.t].en}`,
        `${k}는 ${KIND_NAME[x.t].ko}가 아닌 문자열이어야 합니다`,
      );
      return undefined;
    }
    return text(x) ?? undefined;
  };
  const image = scalarText("image");
  if (image !== undefined && image !== "") service.image = image;
  const build = v.entries.get("build");
  if (build !== undefined) {
    if (build.t === "scalar") service.build = text(build) ?? ".";
    else if (build.t === "map") {
      const ctx = build.entries.get("context");
      service.build = ctx?.t === "scalar" ? (text(ctx) ?? ".") : ".";
    } else
      p.error(
        `${path}.build`,
        build.offset,
        "build must be a path or a mapping with context",
        "build는 경로이거나 context가 있는 매핑이어야 합니다",
      );
  }
  if (service.image === undefined && service.build === undefined && !p.full)
    p.warn(
      path,
      keyOffset,
      "the service has neither image nor build; drawn as a container without an image",
      "서비스에 image도 build도 없습니다. 이미지 없는 컨테이너로 그렸습니다",
    );
  const platform = scalarText("platform");
  if (platform !== undefined && platform !== "") service.platform = platform;

  const portList = v.entries.get("ports");
  if (portList !== undefined) {
    if (portList.t === "seq")
      portList.items.forEach((x, i) => {
        const at = `${path}.ports[${i}]`;
        if (x.t === "map") ports.long(x, service.ports, service.notes, at);
        else if (x.t === "scalar" && text(x) !== null)
          ports.short(text(x)!, service.ports, service.notes, at, x.offset);
        else
          p.error(
            at,
            x.offset,
            'a port must be a string such as "8080:80" or a mapping with target',
            '포트는 "8080:80" 같은 문자열이거나 target이 있는 매핑이어야 합니다',
          );
      });
    else if (!(portList.t === "scalar" && portList.value === null))
      p.error(
        `${path}.ports`,
        portList.offset,
        `ports must be a list, not ${KIND_NAME[portList.t].en}`,
        `ports는 ${KIND_NAME[portList.t].ko}가 아닌 목록이어야 합니다`,
      );
  }
  const env = v.entries.get("environment");
  if (env !== undefined)
    service.environment = readStringMap(env, `${path}.environment`, p, "environment", true);
  const labels = v.entries.get("labels");
  if (labels !== undefined)
    for (const [k, x] of readStringMap(labels, `${path}.labels`, p, "labels", false))
      service.labels.set(k, x ?? "");
  const dependsOn = v.entries.get("depends_on");
  if (dependsOn !== undefined) needs.push(...readNeeds(dependsOn, `${path}.depends_on`, p, false));
  const links = v.entries.get("links");
  if (links !== undefined) needs.push(...readNeeds(links, `${path}.links`, p, true));
  return { service, needs };
}

/**
 * Reads a compose file into the importer's model (services with their image, build, platform,
 * ports, environment, labels and needs). Never throws. Use {@link importCompose} for a document.
 */
export function readCompose(source: string): ComposeModelResult {
  if (!checkSize(source).ok)
    return {
      ok: false,
      errors: [
        {
          path: "$",
          message: {
            en: "the file is larger than 10 MB; Stackdraw imports compose files up to 10 MB",
            ko: "파일이 10MB보다 큽니다. Stackdraw는 10MB까지의 compose 파일만 가져옵니다",
          },
        },
      ],
    };
  const parsed = parseYaml(source, MAX_COMPOSE_ERRORS);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const root = parsed.value;
  const p = new Problems(parsed.lineCounter);
  if (root === null) {
    p.error(
      "$",
      undefined,
      "the file is empty: a compose file needs a services: mapping",
      "파일이 비어 있습니다: compose 파일에는 services: 매핑이 필요합니다",
    );
    return { ok: false, errors: p.errors };
  }
  if (root.t !== "map") {
    p.error(
      "$",
      root.offset,
      `the top level is ${KIND_NAME[root.t].en}, not a mapping: a compose file starts with keys such as services:`,
      `최상위가 매핑이 아닌 ${KIND_NAME[root.t].ko}입니다: compose 파일은 services: 같은 키로 시작합니다`,
    );
    return { ok: false, errors: p.errors };
  }
  const apiVersion = root.entries.get("apiVersion");
  const kind = root.entries.get("kind");
  if (apiVersion !== undefined && kind !== undefined && !root.entries.has("services")) {
    const k = kind.t === "scalar" ? (text(kind) ?? "") : "";
    p.error(
      "kind",
      root.keyOffsets.get("kind") ?? root.offset,
      `this is a Kubernetes manifest${k ? ` (kind: ${shorten(k)})` : ""}, not a Docker Compose file; only compose files can be imported`,
      `Docker Compose 파일이 아니라 쿠버네티스 매니페스트입니다${k ? ` (kind: ${shorten(k)})` : ""}. compose 파일만 가져올 수 있습니다`,
    );
    return { ok: false, errors: p.errors };
  }
  const services = root.entries.get("services");
  if (services === undefined) {
    p.error(
      "services",
      root.offset,
      "no services: key: a compose file lists its services under services:",
      "services: 키가 없습니다: compose 파일은 services: 아래에 서비스를 나열합니다",
    );
    return { ok: false, errors: p.errors };
  }
  if (services.t !== "map" || services.entries.size === 0) {
    const what =
      services.t === "scalar" && services.value === null
        ? { en: "empty (null)", ko: "비어 있습니다(null)" }
        : services.t === "map"
          ? { en: "an empty mapping", ko: "빈 매핑입니다" }
          : { en: KIND_NAME[services.t].en, ko: `${KIND_NAME[services.t].ko}입니다` };
    p.error(
      "services",
      root.keyOffsets.get("services") ?? services.offset,
      `services: is ${what.en}; it must map each service name to its settings`,
      `services:가 ${what.ko}. 서비스 이름마다 설정을 적은 매핑이어야 합니다`,
    );
    return { ok: false, errors: p.errors };
  }
  if (services.entries.size + STACK_NODES > LIMITS.nodes) {
    p.error(
      "services",
      root.keyOffsets.get("services"),
      `${services.entries.size.toLocaleString("en-US")} services: more than a document holds (${(LIMITS.nodes - STACK_NODES).toLocaleString("en-US")})`,
      `서비스가 ${services.entries.size.toLocaleString("en-US")}개로, 문서 한도(${(LIMITS.nodes - STACK_NODES).toLocaleString("en-US")}개)를 넘습니다`,
    );
    return { ok: false, errors: p.errors };
  }
  const model: ComposeModel = { services: [] };
  const name = root.entries.get("name");
  if (name?.t === "scalar" && text(name)) model.name = text(name)!;

  const ports = new PortReader(p);
  const allNeeds: { name: string; offset: number; path: string }[][] = [];
  for (const [serviceName, v] of services.entries) {
    if (p.full) break;
    const path = `services${keySegment(serviceName)}`;
    const r = readService(serviceName, v, path, p, ports, services.keyOffsets.get(serviceName) ?? v.offset);
    model.services.push(r.service);
    allNeeds.push(r.needs);
  }
  model.services.forEach((s, i) => {
    const seen = new Set<string>();
    for (const n of allNeeds[i]!) {
      if (!services.entries.has(n.name)) {
        p.error(
          n.path,
          n.offset,
          `${shorten(n.name)} is not a service of this file`,
          `${shorten(n.name)}는 이 파일의 서비스가 아닙니다`,
        );
        continue;
      }
      if (n.name === s.name) {
        p.error(
          n.path,
          n.offset,
          "a service cannot depend on itself",
          "서비스는 자기 자신에 의존할 수 없습니다",
        );
        continue;
      }
      if (!seen.has(n.name)) {
        seen.add(n.name);
        s.needs.push(n.name);
      }
    }
  });
  if (p.errors.length > 0) return { ok: false, errors: p.errors };
  return { ok: true, model, warnings: p.warnings };
}

// ---------------------------------------------------------------------------------------------
// The document

const ARCH: Record<string, "x86_64" | "arm64"> = {
  amd64: "x86_64",
  x86_64: "x86_64",
  arm64: "arm64",
  aarch64: "arm64",
};

/** A safe, readable id from a service name, unique in `taken`. */
function idFor(name: string, taken: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 64) || "service";
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

function clip(s: string): string {
  const cps = Array.from(s.length > LIMITS.labelLength * 2 ? s.slice(0, LIMITS.labelLength * 2) : s);
  return cps.length > LIMITS.labelLength ? `${cps.slice(0, LIMITS.labelLength - 1).join("")}…` : s;
}

/** Builds the laid-out document of a compose model. */
export function composeDocument(model: ComposeModel, opts: ComposeOptions = {}): StackDocument {
  const taken = new Set<string>(["docker-host", "linux", "docker"]);
  const nodes: StackNode[] = [
    { id: "docker-host", kind: "physical-host", label: "Docker host" },
    { id: "linux", kind: "kernel", parentId: "docker-host", label: "Linux", props: { family: "linux" } },
    {
      id: "docker",
      kind: "container-engine",
      parentId: "linux",
      label: "Docker Engine",
      props: { product: "docker" },
    },
  ];
  const ids = new Map<string, string>();
  for (const s of model.services) {
    const id = idFor(s.name, taken);
    ids.set(s.name, id);
    const props: Record<string, unknown> = {};
    const notes = [...s.notes];
    if (s.image !== undefined) props.image = s.image;
    else if (s.build !== undefined) props.image = `built from ${s.build}`;
    if (s.image !== undefined && s.build !== undefined) notes.unshift(`built from ${s.build}`);
    if (s.platform !== undefined) {
      const [os, arch, variant] = s.platform.toLowerCase().split("/");
      if (os !== undefined && PLATFORM_OS.has(os)) props.os = os;
      else notes.push(`platform ${s.platform}: OS not drawn`);
      if (arch !== undefined && Object.prototype.hasOwnProperty.call(ARCH, arch)) props.arch = ARCH[arch];
      else if (arch !== undefined) notes.push(`platform ${s.platform}: architecture not drawn`);
      if (variant !== undefined && notes.every((n) => !n.startsWith(`platform ${s.platform}`)))
        notes.push(`platform ${s.platform}`);
    }
    if (s.ports.length > 0) props.ports = s.ports;
    if (notes.length > 0) props.notes = notes.join("\n");
    nodes.push({
      id,
      kind: "container",
      parentId: "docker",
      label: clip(s.name),
      ...(Object.keys(props).length > 0 ? { props } : {}),
    });
  }
  const edges: StackEdge[] = [];
  for (const s of model.services)
    for (const need of s.needs) {
      const source = ids.get(s.name)!;
      const target = ids.get(need)!;
      edges.push({ id: idFor(`${source}-to-${target}`, taken), kind: "network", source, target });
    }
  const title = opts.title ?? model.name ?? "Docker Compose";
  const doc: StackDocument = { format: FORMAT, version: CURRENT_VERSION, title: clip(title), nodes, edges };
  return arrangeDocument(doc);
}

/**
 * Imports a Docker Compose file as a laid-out Stackdraw document. Never throws: bad YAML, unsafe
 * YAML (alias bombs, cyclic aliases, tags) and bad compose (no services, a Kubernetes manifest,
 * malformed or out-of-range ports, unknown dependencies) give errors with line:column and a path.
 */
export function importCompose(source: string, opts: ComposeOptions = {}): ComposeResult {
  try {
    const read = readCompose(typeof source === "string" ? source : String(source));
    if (!read.ok) return read;
    return { ok: true, document: composeDocument(read.model, opts), warnings: read.warnings };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [
        {
          path: "$",
          message: {
            en: `could not import the file: ${reason}`,
            ko: `파일을 가져오지 못했습니다: ${reason}`,
          },
        },
      ],
    };
  }
}

/** One error as a line of text: `line 3, column 7 (services.web.ports[0]): message`. */
export function formatComposeError(e: ComposeError, lang: "en" | "ko" = "en"): string {
  const where =
    e.line !== undefined
      ? lang === "en"
        ? `line ${e.line}, column ${e.column ?? 1}`
        : `${e.line}행 ${e.column ?? 1}열`
      : "";
  const path = e.path !== "$" ? e.path : "";
  const place = where && path ? `${where} (${path})` : where || path;
  return place ? `${place}: ${e.message[lang]}` : e.message[lang];
}
