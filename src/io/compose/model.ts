/**
 * Stage 3 of the Docker Compose importer, the model: a located YAML tree becomes services with
 * their image, build, platform, ports (./ports.ts), environment, labels and needs. Errors and
 * warnings keep line:column and a key path.
 *
 * Environment values and labels are read as text, as written (`NO`, `22:22`, `0755` stay those
 * strings), and are not copied into the document: environments hold passwords, and a diagram is
 * shared. The model exposes them.
 */
import { LIMITS } from "../../domain/document.ts";
import type { PortMapping } from "../../domain/kinds/props.ts";
import type { ComposeError } from "../errors/types.ts";
import { keySegment } from "../read/stage.ts";
import { decodeCompose } from "./decode.ts";
import { PortReader } from "./ports.ts";
import { MAX_COMPOSE_ERRORS, Problems, text } from "./problems.ts";
import { lineColumn, parseYaml, type YValue } from "./yaml.ts";
import { interpolate, type Variables } from "./interpolate.ts";
import { resolveExtends, type ExtendsFileReader } from "./extends.ts";

/** The three stack nodes every import has under its containers. */
export const STACK_NODES = 3;

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
  /** `deploy.replicas` (or `scale`); `deploy.mode: global` → 1. */
  replicas?: number;
  /** `network_mode: host | none`. */
  network?: "host" | "none";
  /** `network_mode: service:x`: the service whose network namespace it shares. */
  networkOf?: string;
  /** `profiles`: drawn only when one of them is active. */
  profiles: string[];
  /** Named volumes, bind mounts and tmpfs mounts, with the path inside the container. */
  mounts: ComposeMount[];
}

/** One entry of a service's `volumes` (or `tmpfs`). */
export interface ComposeMount {
  type: "volume" | "bind" | "tmpfs";
  /** The volume's name or the host path; "" for an anonymous volume or tmpfs. */
  source: string;
  target: string;
}

/** A compose file as the importer reads it. */
export interface ComposeModel {
  /** The top-level `name` (project name), when given. */
  name?: string;
  services: ComposeService[];
  /** Services left out by their profiles (set by the import, {@link profileActive}). */
  leftOut?: string[];
  /** No service has an image or a build: an override file that needs its base file. */
  override?: boolean;
}

/** The outcome of {@link readCompose}. */
export type ComposeModelResult =
  { ok: true; model: ComposeModel; warnings: ComposeError[] } | { ok: false; errors: ComposeError[] };

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
        p.error(`${path}${keySegment(k)}`, x.offset, "mapValueNotPlain", { what, actual: x.t });
        continue;
      }
      const t = text(x);
      out.set(k, t === null ? (allowNull ? null : "") : t);
    }
  } else if (v.t === "seq") {
    v.items.forEach((x, i) => {
      if (x.t !== "scalar" || text(x) === null) {
        p.error(`${path}[${i}]`, x.offset, "mapEntryNotPair", { what });
        return;
      }
      const t = text(x)!;
      const eq = t.indexOf("=");
      if (eq === -1) out.set(t, allowNull ? null : "");
      else out.set(t.slice(0, eq), t.slice(eq + 1));
    });
  } else if (v.value !== null) p.error(path, v.offset, "mapInvalid", { what });
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
        p.error(`${path}[${i}]`, x.offset, "dependencyNotName", {});
        return;
      }
      out.push({ name: links ? t.split(":", 1)[0]! : t, offset: x.offset, path: `${path}[${i}]` });
    });
  else if (v.t === "map" && !links)
    for (const [k, x] of v.entries) {
      if (x.t === "seq" || (x.t === "scalar" && x.value !== null)) {
        p.error(`${path}${keySegment(k)}`, x.offset, "dependencyMapEntry", {});
        continue;
      }
      out.push({ name: k, offset: v.keyOffsets.get(k) ?? v.offset, path: `${path}${keySegment(k)}` });
    }
  else if (!(v.t === "scalar" && v.value === null))
    p.error(path, v.offset, "dependenciesInvalid", { key: links ? "links" : "depends_on" });
  return out;
}

function readService(
  name: string,
  v: YValue,
  path: string,
  p: Problems,
  ports: PortReader,
  keyOffset: number,
  vars: Variables,
): {
  service: ComposeService;
  needs: { name: string; offset: number; path: string }[];
} {
  /** A value the importer reads, interpolated; unset variables named, `:?` refused. */
  const interp = (value: string, at: string, offset: number | undefined): string => {
    if (!value.includes("$")) return value;
    const r = interpolate(value, vars);
    if (!r.ok) {
      p.error(at, offset, "composeVariableRequired", { name: r.name, message: r.message });
      return "";
    }
    for (const name of r.unset) p.warn(at, offset, "composeVariableUnset", { name });
    return r.value;
  };
  const service: ComposeService = {
    name,
    ports: [],
    notes: [],
    needs: [],
    environment: new Map(),
    labels: new Map(),
    profiles: [],
    mounts: [],
  };
  const needs: { name: string; offset: number; path: string }[] = [];
  if (v.t === "scalar" && v.value === null) {
    p.warn(path, keyOffset, "serviceEmpty", {});
    return { service, needs };
  }
  if (v.t !== "map") {
    p.error(path, v.offset, "serviceNotMapping", { actual: v.t });
    return { service, needs };
  }
  const scalarText = (k: string): string | undefined => {
    const x = v.entries.get(k);
    if (x === undefined) return undefined;
    if (x.t !== "scalar") {
      p.error(`${path}.${k}`, x.offset, "serviceFieldNotString", { key: k, actual: x.t });
      return undefined;
    }
    return text(x) ?? undefined;
  };
  const rawImage = scalarText("image");
  const image =
    rawImage !== undefined ? interp(rawImage, `${path}.image`, v.entries.get("image")?.offset) : undefined;
  if (image !== undefined && image !== "") service.image = image;
  const build = v.entries.get("build");
  if (build !== undefined) {
    if (build.t === "scalar")
      service.build = interp(text(build) ?? ".", `${path}.build`, build.offset) || ".";
    else if (build.t === "map") {
      const ctx = build.entries.get("context");
      service.build =
        ctx?.t === "scalar" ? interp(text(ctx) ?? ".", `${path}.build.context`, ctx.offset) || "." : ".";
    } else p.error(`${path}.build`, build.offset, "serviceBuildInvalid", {});
  }
  if (service.image === undefined && service.build === undefined && !p.full)
    p.warn(path, keyOffset, "serviceNoImage", {});
  const rawPlatform = scalarText("platform");
  const platform =
    rawPlatform !== undefined
      ? interp(rawPlatform, `${path}.platform`, v.entries.get("platform")?.offset)
      : undefined;
  if (platform !== undefined && platform !== "") service.platform = platform;

  const portList = v.entries.get("ports");
  if (portList !== undefined) {
    if (portList.t === "seq")
      portList.items.forEach((x, i) => {
        const at = `${path}.ports[${i}]`;
        if (x.t === "map") ports.long(x, service.ports, service.notes, at);
        else if (x.t === "scalar" && text(x) !== null)
          ports.short(text(x)!, service.ports, service.notes, at, x.offset);
        else p.error(at, x.offset, "portInvalid", {});
      });
    else if (!(portList.t === "scalar" && portList.value === null))
      p.error(`${path}.ports`, portList.offset, "portsNotList", { actual: portList.t });
  }
  const expose = v.entries.get("expose");
  if (expose?.t === "seq")
    expose.items.forEach((x, i) => {
      const t = x.t === "scalar" ? text(x) : null;
      if (t === null) return p.error(`${path}.expose[${i}]`, x.offset, "portInvalid", {});
      const before = service.ports.length;
      ports.short(t.replace(/:.*$/, ""), service.ports, service.notes, `${path}.expose[${i}]`, x.offset);
      // An exposed port the service also publishes is that mapping already.
      const added = service.ports.splice(before);
      for (const m of added)
        if (
          !service.ports.some(
            (o) => o.container === m.container && (o.protocol ?? "tcp") === (m.protocol ?? "tcp"),
          )
        )
          service.ports.push(m);
    });
  else if (expose !== undefined && !(expose.t === "scalar" && expose.value === null))
    p.error(`${path}.expose`, expose.offset, "portsNotList", { actual: expose.t });
  const deploy = v.entries.get("deploy");
  const count = (x: YValue | undefined): number | undefined =>
    x?.t === "scalar" && typeof x.value === "number" && Number.isSafeInteger(x.value) && x.value >= 0
      ? x.value
      : x?.t === "scalar" && typeof x.value === "string" && /^\d{1,9}$/.test(x.value)
        ? Number(x.value)
        : undefined;
  if (deploy?.t === "map") {
    const mode = deploy.entries.get("mode");
    if (mode?.t === "scalar" && text(mode) === "global") service.replicas = 1;
    else if (count(deploy.entries.get("replicas")) !== undefined)
      service.replicas = count(deploy.entries.get("replicas"));
  }
  if (service.replicas === undefined && count(v.entries.get("scale")) !== undefined)
    service.replicas = count(v.entries.get("scale"));
  const rawMode = scalarText("network_mode");
  const networkMode =
    rawMode !== undefined
      ? interp(rawMode, `${path}.network_mode`, v.entries.get("network_mode")?.offset)
      : undefined;
  if (networkMode === "host" || networkMode === "none") service.network = networkMode;
  else if (networkMode?.startsWith("service:")) service.networkOf = networkMode.slice("service:".length);
  else if (networkMode?.startsWith("container:"))
    service.notes.push(`shares the network of container ${networkMode.slice(10)}`);
  const profiles = v.entries.get("profiles");
  if (profiles?.t === "seq")
    for (const x of profiles.items) {
      const raw = x.t === "scalar" ? text(x) : null;
      const t = raw !== null ? interp(raw, `${path}.profiles`, x.offset) : null;
      if (t !== null && t !== "" && !service.profiles.includes(t)) service.profiles.push(t);
    }
  const volumes = v.entries.get("volumes");
  if (volumes?.t === "seq")
    volumes.items.forEach((x, i) => {
      const m = readMount(x);
      if (m === undefined) p.error(`${path}.volumes[${i}]`, x.offset, "volumeInvalid", {});
      else service.mounts.push(m);
    });
  else if (volumes !== undefined && !(volumes.t === "scalar" && volumes.value === null))
    p.error(`${path}.volumes`, volumes.offset, "volumeInvalid", {});
  const tmpfs = v.entries.get("tmpfs");
  for (const x of tmpfs?.t === "seq" ? tmpfs.items : tmpfs !== undefined ? [tmpfs] : []) {
    const t = x.t === "scalar" ? text(x) : null;
    if (t !== null && t !== "") service.mounts.push({ type: "tmpfs", source: "", target: t.split(":")[0]! });
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
  for (const n of needs) n.name = interp(n.name, n.path, n.offset);
  return { service, needs };
}

/** A host path in a short volume entry: absolute, relative (`.`), or from the home (`~`). */
const isHostPath = (s: string) => /^([./~]|[A-Za-z]:[\\/])/.test(s) || s.startsWith("$");

/** One `volumes` entry: `target`, `source:target[:mode]`, or `{ type, source, target }`. */
function readMount(x: YValue): ComposeMount | undefined {
  if (x.t === "scalar") {
    const t = text(x);
    if (t === null || t === "") return undefined;
    // Windows drive letters ("C:\\data:/data") keep their colon.
    const parts = t.match(/^([A-Za-z]:[\\/][^:]*|[^:]+)(?::([^:]+))?(?::([^:]*))?$/);
    if (!parts) return undefined;
    const [, first, second] = parts;
    if (second === undefined) return { type: "volume", source: "", target: first! };
    return { type: isHostPath(first!) ? "bind" : "volume", source: first!, target: second };
  }
  if (x.t !== "map") return undefined;
  const get = (k: string) => {
    const y = x.entries.get(k);
    return y?.t === "scalar" ? (text(y) ?? undefined) : undefined;
  };
  const target = get("target");
  if (target === undefined || target === "") return undefined;
  const type = get("type");
  const source = get("source") ?? "";
  if (type === "bind") return { type: "bind", source, target };
  if (type === "tmpfs") return { type: "tmpfs", source: "", target };
  return { type: "volume", source, target };
}

/**
 * Reads a compose file into the importer's model (services with their image, build, platform,
 * ports, environment, labels and needs). Never throws. Use {@link importCompose} for a document.
 */
/**
 * Reads a file `include` (or `extends: { file }`) names, relative to the naming file's folder;
 * undefined when it cannot (refused: missing), null when it is not given here (the editor, with
 * only the files dropped together: said, as without a reader).
 */
export type IncludeReader = (path: string) => string | Uint8Array | undefined | null;

const MAX_INCLUDE_DEPTH = 8;

/**
 * The reader of the files `extends: { file }` names: each file's services, with its own `extends`
 * resolved (relative to its folder), or why not. Shares `include`'s depth bound.
 */
function extendsReader(include: IncludeReader, depth: number): ExtendsFileReader {
  return (file) => {
    if (depth > MAX_INCLUDE_DEPTH) return { ok: false, cause: "depth" };
    const bytes = include(file);
    if (bytes === null) return { ok: false, cause: "notGiven" };
    if (bytes === undefined) return { ok: false, cause: "missing" };
    const decoded = decodeCompose(bytes);
    const parsed = decoded.ok ? parseYaml(decoded.text, MAX_COMPOSE_ERRORS) : decoded;
    const invalid = (first: { line?: number; column?: number; path: string; code: string }) => ({
      ok: false as const,
      cause: "invalid" as const,
      where: `${first.line !== undefined ? `${first.line}:${first.column ?? 1} ` : ""}${first.path}`,
      code: first.code,
    });
    if (!parsed.ok) return invalid(parsed.errors[0]!);
    const services = parsed.value?.t === "map" ? parsed.value.entries.get("services") : undefined;
    if (services?.t !== "map") return { ok: false, cause: "noServices" };
    const sub = new Problems(parsed.lineCounter);
    const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
    const near: IncludeReader = (q) => include(q.startsWith("/") ? q : `${dir}${q}`);
    const resolved = resolveExtends(services, sub, extendsReader(near, depth + 1));
    return sub.errors.length > 0 ? invalid(sub.errors[0]!) : { ok: true, services: resolved };
  };
}

export function readCompose(
  source: string | Uint8Array,
  vars: Variables = new Map(),
  include?: IncludeReader,
  depth = 0,
  /** Services of the files before this one (`-f a -f b`): depending on them is fine. */
  known: ReadonlySet<string> = new Set(),
): ComposeModelResult {
  const decoded = decodeCompose(source);
  if (!decoded.ok) return decoded;
  const parsed = parseYaml(decoded.text, MAX_COMPOSE_ERRORS);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const root = parsed.value;
  const p = new Problems(parsed.lineCounter);
  if (root === null) {
    p.error("$", 0, "composeEmpty", {});
    return { ok: false, errors: p.errors };
  }
  if (root.t !== "map") {
    p.error("$", root.offset, "composeNotMapping", { actual: root.t });
    return { ok: false, errors: p.errors };
  }
  const apiVersion = root.entries.get("apiVersion");
  const kind = root.entries.get("kind");
  if (apiVersion !== undefined && kind !== undefined && !root.entries.has("services")) {
    const k = kind.t === "scalar" ? (text(kind) ?? "") : "";
    p.error("kind", root.keyOffsets.get("kind") ?? root.offset, "composeKubernetes", { kind: k });
    return { ok: false, errors: p.errors };
  }
  // An ECS task definition or a Stackdraw document: refused naming the right way in.
  const format = root.entries.get("format");
  const isEcs =
    root.entries.has("containerDefinitions") ||
    root.entries.has("taskDefinition") ||
    (root.entries.has("Resources") && /AWS::ECS::TaskDefinition/.test(decoded.text));
  if (!root.entries.has("services") && (isEcs || (format?.t === "scalar" && text(format) === "stackdraw"))) {
    p.error("$", root.offset, "composeOtherFormat", { found: isEcs ? "ecs" : "stackdraw" });
    return { ok: false, errors: p.errors };
  }
  // include: the files it names come first; this file's services win over theirs.
  const included: ComposeService[] = [];
  const includeWarnings: ComposeError[] = [];
  /** Included files named but not read: a dependency on a service of theirs is not an error. */
  let unread = false;
  const inc = root.entries.get("include");
  if (inc !== undefined) {
    const paths: { path: string; offset: number; at: string }[] = [];
    const items = inc.t === "seq" ? inc.items : [inc];
    items.forEach((x, i) => {
      const at = `include[${i}]`;
      if (x.t === "scalar" && text(x)) paths.push({ path: text(x)!, offset: x.offset, at });
      else if (x.t === "map") {
        const pv = x.entries.get("path");
        for (const y of pv?.t === "seq" ? pv.items : pv ? [pv] : [])
          if (y.t === "scalar" && text(y)) paths.push({ path: text(y)!, offset: y.offset, at: `${at}.path` });
      }
    });
    for (const it of paths) {
      if (include === undefined) {
        unread = true;
        p.warn(it.at, it.offset, "composeIncludeNotRead", { path: it.path });
        continue;
      }
      if (depth >= MAX_INCLUDE_DEPTH) {
        p.error(it.at, it.offset, "composeIncludeFailed", { path: it.path, cause: "depth" });
        continue;
      }
      const bytes = include(it.path);
      if (bytes === null) {
        unread = true;
        p.warn(it.at, it.offset, "composeIncludeNotRead", { path: it.path });
        continue;
      }
      if (bytes === undefined) {
        p.error(it.at, it.offset, "composeIncludeFailed", { path: it.path, cause: "missing" });
        continue;
      }
      const dir = it.path.includes("/") ? it.path.slice(0, it.path.lastIndexOf("/") + 1) : "";
      const sub = readCompose(bytes, vars, (q) => include(q.startsWith("/") ? q : `${dir}${q}`), depth + 1);
      if (!sub.ok) {
        const first = sub.errors[0]!;
        p.error(it.at, it.offset, "composeIncludeFailed", {
          path: it.path,
          cause: "invalid",
          where: `${first.line !== undefined ? `${first.line}:${first.column ?? 1} ` : ""}${first.path}`,
          code: first.code,
        });
        continue;
      }
      included.push(...sub.model.services);
      includeWarnings.push(...sub.warnings.filter((w) => w.code === "composeIncludeNotRead"));
      if (sub.warnings.some((w) => w.code === "composeIncludeNotRead")) unread = true;
    }
    if (p.errors.length > 0) return { ok: false, errors: p.errors };
  }
  const services =
    root.entries.get("services") ??
    (inc !== undefined
      ? ({ t: "map", entries: new Map(), keyOffsets: new Map(), offset: root.offset } as const)
      : undefined);
  if (services === undefined) {
    p.error("services", root.offset, "composeNoServices", {});
    return { ok: false, errors: p.errors };
  }
  if (services.t !== "map" || (services.entries.size === 0 && included.length === 0)) {
    const actual =
      services.t === "scalar" && services.value === null
        ? "null"
        : services.t === "map"
          ? "emptyMap"
          : services.t;
    p.error("services", root.keyOffsets.get("services") ?? services.offset, "composeServicesInvalid", {
      actual,
    });
    return { ok: false, errors: p.errors };
  }
  if (services.entries.size + STACK_NODES > LIMITS.nodes) {
    p.error("services", root.keyOffsets.get("services"), "composeTooManyServices", {
      count: services.entries.size,
      limit: LIMITS.nodes - STACK_NODES,
    });
    return { ok: false, errors: p.errors };
  }
  const model: ComposeModel = { services: [] };
  const name = root.entries.get("name");
  if (name?.t === "scalar" && text(name)) model.name = text(name)!;

  const ports = new PortReader(p);
  const allNeeds: { name: string; offset: number; path: string }[][] = [];
  const resolved = resolveExtends(
    services,
    p,
    include === undefined ? undefined : extendsReader(include, depth + 1),
  );
  for (const [serviceName, v] of resolved.entries) {
    if (p.full) break;
    const path = `services${keySegment(serviceName)}`;
    const r = readService(
      serviceName,
      v,
      path,
      p,
      ports,
      services.keyOffsets.get(serviceName) ?? v.offset,
      vars,
    );
    model.services.push(r.service);
    allNeeds.push(r.needs);
  }
  model.services.forEach((s, i) => {
    const seen = new Set<string>();
    if (s.networkOf !== undefined && !services.entries.has(s.networkOf)) {
      const nm = (services.entries.get(s.name) as YValue & { t: "map" }).entries.get("network_mode");
      p.error(`services${keySegment(s.name)}.network_mode`, nm?.offset, "networkModeUnknown", {
        name: s.networkOf,
      });
    }
    for (const n of allNeeds[i]!) {
      if (!services.entries.has(n.name) && !included.some((x) => x.name === n.name) && !known.has(n.name)) {
        if (unread) continue; // in an included file that is not read: said at its include
        p.error(n.path, n.offset, "dependencyUnknown", { name: n.name });
        continue;
      }
      if (n.name === s.name) {
        p.error(n.path, n.offset, "dependencySelf", {});
        continue;
      }
      if (!seen.has(n.name)) {
        seen.add(n.name);
        s.needs.push(n.name);
      }
    }
  });
  if (p.errors.length > 0) return { ok: false, errors: p.errors };
  const own = new Set(model.services.map((x) => x.name));
  model.services.unshift(...included.filter((x) => !own.has(x.name)));
  p.warnings.push(...includeWarnings);
  // Services that all lack image and build: an override file (docker-compose.override.yml) that only
  // makes sense on top of its base file — said once, instead of once per service.
  // (Nor when a base in another file is not read: that is why there is no image.)
  const empty = p.warnings.some((w) => w.code === "serviceEmpty" || w.code === "composeExtendsFile");
  if (
    !empty &&
    model.services.length > 0 &&
    model.services.every((s) => s.image === undefined && s.build === undefined)
  ) {
    model.override = true;
    const warnings = p.warnings.filter((w) => w.code !== "serviceNoImage" && w.code !== "serviceEmpty");
    warnings.unshift({
      path: "services",
      ...lineColumn(parsed.lineCounter, root.keyOffsets.get("services") ?? 0),
      code: "composeOverride",
      params: {},
    });
    return { ok: true, model, warnings };
  }
  return { ok: true, model, warnings: p.warnings };
}
