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
import { repairToLimits } from "../domain/limits.ts";
import type { StackDocument } from "../domain/document.ts";
import type { ComposeError } from "./errors/types.ts";
import { composeDocument, profileActive, type ComposeOptions } from "./compose/document.ts";
import { readCompose } from "./compose/model.ts";

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
    // Within the document limits, as Open would read it: a compose value longer than a text prop
    // may be (an image of 5,000 characters) is cut to the limit, as labels are.
    // As `docker compose up`: services whose profiles are all inactive are left out, and said.
    const leftOut = read.model.services.filter((s) => !profileActive(s.profiles, opts.profiles));
    const names = leftOut.map((s) => s.name);
    const model =
      leftOut.length === 0
        ? read.model
        : {
            ...read.model,
            services: read.model.services.filter((s) => !leftOut.includes(s)),
            leftOut: names,
          };
    const warnings: ComposeError[] =
      leftOut.length === 0
        ? read.warnings
        : [
            ...read.warnings,
            { path: "services", code: "composeProfilesInactive", params: { services: names } },
          ];
    return {
      ok: true,
      document: repairToLimits(composeDocument(model, opts)).doc,
      warnings,
    };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: "$", code: "composeInternal", params: { reason } }] };
  }
}
