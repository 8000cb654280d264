/**
 * The Docker Compose importer (docs/cli.md, `import`; reliability.md, the YAML list):
 * a compose file becomes a laid-out Stackdraw document — every service a `container` on one
 * Docker Engine on one Linux kernel on one physical host; `image`/`build`, `ports` (short and
 * long syntax, host IPs, ranges, udp) and `platform` become the container's props;
 * `depends_on`/`links` become `network` edges from the service to what it needs.
 *
 *   compose/decode.ts    decodeCompose    UTF-8 text of at most LIMITS.bytes
 *   compose/yaml.ts      parseYaml        safe YAML → a located value tree (no tags, no alias bombs)
 *   compose/model.ts     readCompose      the compose model: services, ports (compose/ports.ts), needs
 *   compose/document.ts  composeDocument  the laid-out document
 *
 * Never throws; bad input gives errors with a line:column and a key path. Errors (and warnings)
 * are data, the same type as the document reader's (errors/types.ts); errors/format.ts renders
 * them, re-exported here so that the editor's importer chunk brings its words along.
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
import { repairToLimits } from "../domain/limits-repair.ts";
import type { StackDocument } from "../domain/document.ts";
import type { ComposeError } from "./errors/types.ts";
import { composeDocument, profileActive, type ComposeOptions } from "./compose/document.ts";
import { readCompose, type ComposeModel } from "./compose/model.ts";
import { ioLine } from "./errors/format.ts";
import { reportNotes } from "./import/source.ts";
import type { PortMapping } from "../domain/kinds/props.ts";

export type { ComposeError } from "./errors/types.ts";
export { decodeCompose } from "./compose/decode.ts";
export { composeDocument, profileActive, type ComposeOptions } from "./compose/document.ts";
export {
  readCompose,
  type ComposeModel,
  type ComposeModelResult,
  type ComposeService,
} from "./compose/model.ts";
export { MAX_PORT_MAPPINGS } from "./compose/ports.ts";
export { MAX_COMPOSE_ERRORS } from "./compose/problems.ts";
export { ioLine, ioMessage, ioMessages, ioWhere } from "./errors/format.ts";

/** The outcome of {@link importCompose}: a laid-out, valid document, or the first problems. */
export type ComposeResult =
  { ok: true; document: StackDocument; warnings: ComposeError[] } | { ok: false; errors: ComposeError[] };

/**
 * Imports a Docker Compose file as a laid-out Stackdraw document. Never throws: bad YAML, unsafe
 * YAML (alias bombs, cyclic aliases, tags) and bad compose (no services, a Kubernetes manifest,
 * malformed or out-of-range ports, unknown dependencies) give errors with line:column and a path.
 */
export function importCompose(source: string | Uint8Array, opts: ComposeOptions = {}): ComposeResult {
  try {
    const read = readCompose(
      typeof source === "string" || source instanceof Uint8Array ? source : String(source),
      opts.variables,
      opts.include,
    );
    if (!read.ok) return read;
    return finish(read.model, read.warnings, opts);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: "$", code: "composeInternal", params: { reason } }] };
  }
}

/**
 * Several Compose files merged as `docker compose -f a.yml -f b.yml` does for the fields read: a
 * service in a later file overrides the image, build, platform, replicas, network and profiles it
 * sets; its ports, dependencies and mounts add to the earlier ones. A refusal names its file.
 * `include` paths are relative to the first file (the CLI's reader).
 */
export function importComposeFiles(
  sources: readonly ComposeSource[],
  opts: ComposeOptions = {},
): ComposeResult | { ok: false; errors: ComposeError[]; file: string } {
  try {
    const read = mergeComposeFiles(sources, opts);
    return read.ok ? finish(read.model, read.warnings, opts) : read;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: "$", code: "composeInternal", params: { reason } }] };
  }
}

/** A Compose file given by name (its path, or the name of a dropped file) and its bytes. */
export interface ComposeSource {
  name: string;
  data: string | Uint8Array;
}

type Merged =
  | { ok: true; model: ComposeModel; warnings: ComposeError[] }
  | { ok: false; errors: ComposeError[]; file: string };

/** The files read and merged in order (`-f a -f b`), or the first refusal with its file. */
function mergeComposeFiles(sources: readonly ComposeSource[], opts: ComposeOptions): Merged {
  let merged: ComposeModel | undefined;
  const warnings: ComposeError[] = [];
  for (const src of sources) {
    const known = new Set(merged?.services.map((x) => x.name) ?? []);
    const read = readCompose(src.data, opts.variables, opts.include, 0, known);
    if (!read.ok) return { ok: false, errors: read.errors, file: src.name };
    warnings.push(...read.warnings.filter((w) => merged === undefined || w.code !== "composeOverride"));
    merged = merged === undefined ? read.model : mergeModels(merged, read.model);
  }
  if (merged === undefined)
    return { ok: false, errors: [{ path: "$", code: "composeEmpty", params: {} }], file: "" };
  if (sources.length > 1) merged = { ...merged, override: false };
  return { ok: true, model: merged, warnings };
}

/** The last segment of a path (either slash). */
const fileName = (path: string): string =>
  path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);

/**
 * Several Compose files given together, as the editor's drop or picker gives them (names without
 * folders): a file that another one names in `include` or `extends: { file }` (matched by its file
 * name) is read through that reference; the others are merged in the order given, as
 * `docker compose -f a -f b`. A reference to a file not among them is said, as with one file, and
 * never refused. `opts.include` is ignored.
 */
export function composeTogether(sources: readonly ComposeSource[]): {
  main: ComposeSource[];
  include: (path: string) => string | Uint8Array | null;
} {
  const byName = new Map<string, ComposeSource>();
  for (const s of sources) if (!byName.has(fileName(s.name))) byName.set(fileName(s.name), s);
  const named = new Set<string>();
  const include = (path: string) => {
    const hit = byName.get(fileName(path));
    if (hit === undefined) return null;
    named.add(fileName(path));
    return hit.data;
  };
  // What each file names (reading records it); a file that names itself stays a main file.
  for (const s of sources) {
    const before = new Set(named);
    readCompose(s.data, undefined, include);
    if (!before.has(fileName(s.name))) named.delete(fileName(s.name));
  }
  const main = sources.filter((s) => !named.has(fileName(s.name)) || byName.get(fileName(s.name)) !== s);
  return { main: main.length > 0 ? [...main] : [...sources], include };
}

/** {@link importComposeFiles} over files given together ({@link composeTogether}). */
export function importComposeTogether(
  sources: readonly ComposeSource[],
  opts: ComposeOptions = {},
): ComposeResult | { ok: false; errors: ComposeError[]; file: string } {
  try {
    const { main, include } = composeTogether(sources);
    return importComposeFiles(main, { ...opts, include });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: "$", code: "composeInternal", params: { reason } }] };
  }
}

/** The profiles of files given together, as {@link importComposeTogether} will weigh them. Never throws. */
export function listComposeProfilesTogether(
  sources: readonly ComposeSource[],
): ({ ok: true } & ComposeProfiles) | { ok: false; errors: ComposeError[]; file: string } {
  try {
    const { main, include } = composeTogether(sources);
    const read = mergeComposeFiles(main, { include });
    return read.ok ? { ok: true, ...composeProfiles(read.model) } : read;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: "$", code: "composeInternal", params: { reason } }], file: "" };
  }
}

function mergeModels(base: ComposeModel, over: ComposeModel): ComposeModel {
  const services = base.services.map((s) => ({ ...s }));
  for (const o of over.services) {
    const s = services.find((x) => x.name === o.name);
    if (s === undefined) {
      services.push(o);
      continue;
    }
    if (o.image !== undefined) s.image = o.image;
    if (o.build !== undefined) s.build = o.build;
    if (o.platform !== undefined) s.platform = o.platform;
    if (o.replicas !== undefined) s.replicas = o.replicas;
    if (o.network !== undefined) s.network = o.network;
    if (o.networkOf !== undefined) s.networkOf = o.networkOf;
    if (o.profiles.length > 0) s.profiles = o.profiles;
    const same = (a: PortMapping, b: PortMapping) =>
      a.container === b.container && a.host === b.host && (a.protocol ?? "tcp") === (b.protocol ?? "tcp");
    s.ports = [...s.ports, ...o.ports.filter((p) => !s.ports.some((q) => same(p, q)))];
    s.needs = [...s.needs, ...o.needs.filter((n) => !s.needs.includes(n))];
    s.mounts = [...s.mounts.filter((m) => !o.mounts.some((n) => n.target === m.target)), ...o.mounts];
    s.notes = [...s.notes, ...o.notes.filter((n) => !s.notes.includes(n))];
  }
  return { ...base, ...(over.name !== undefined ? { name: over.name } : {}), services };
}

function finish(read: ComposeModel, readWarnings: ComposeError[], opts: ComposeOptions): ComposeResult {
  {
    const model0 = read;
    // As `docker compose up`: services whose profiles are all inactive are left out, and said.
    const leftOut = model0.services.filter((s) => !profileActive(s.profiles, opts.profiles));
    const names = leftOut.map((s) => s.name);
    const model =
      leftOut.length === 0
        ? model0
        : { ...model0, services: model0.services.filter((s) => !leftOut.includes(s)), leftOut: names };
    const warnings: ComposeError[] =
      leftOut.length === 0
        ? readWarnings
        : [
            ...readWarnings,
            { path: "services", code: "composeProfilesInactive", params: { services: names } },
          ];
    // Within the document limits, as Open would read it: a compose value longer than a text prop
    // may be (an image of 5,000 characters) is cut to the limit, as labels are.
    // The import report: every warning, on the host's notes, so that the editor (which shows the
    // document, not the warnings) keeps what was not drawn in sight.
    const report = reportNotes(
      warnings.map((w) => ioLine(w, opts.lang ?? "en")),
      opts.lang ?? "en",
    );
    return { ok: true, document: repairToLimits(composeDocument(model, opts, report)).doc, warnings };
  }
}
export { composeProfiles, listComposeProfiles, type ComposeProfiles } from "./compose/profiles.ts";
import { composeProfiles, type ComposeProfiles } from "./compose/profiles.ts";
