/**
 * The profiles a Compose file declares (`profiles:` on its services), for the editor's import
 * dialog: each profile with the services it brings, and the services drawn whatever is chosen.
 * What the dialog returns goes to the importer as the CLI's `--profile` does (`ComposeOptions.profiles`).
 *
 * Read with the same reader as the import (`readCompose`: `extends` and the file's own services
 * resolved, profile names interpolated), so the dialog lists exactly what the import will weigh.
 */
import type { ComposeError } from "../errors/types.ts";
import { readCompose, type ComposeModel } from "./model.ts";

/** One profile a file declares. */
export interface ComposeProfile {
  /** The profile's name as the file writes it (after interpolation). */
  name: string;
  /** The services that have this profile, in file order: drawn when it is active. */
  services: readonly string[];
}

/** What a Compose file declares about profiles. */
export interface ComposeProfiles {
  /** Every profile named by a service, in the order first met; empty when the file has none. */
  profiles: ComposeProfile[];
  /** The services without a profile, in file order: drawn whichever profiles are active. */
  always: string[];
}

/** The profiles of a read Compose model, each with its services. */
export function composeProfiles(model: Pick<ComposeModel, "services">): ComposeProfiles {
  const byName = new Map<string, string[]>();
  const always: string[] = [];
  for (const s of model.services) {
    if (s.profiles.length === 0) always.push(s.name);
    for (const p of s.profiles) {
      let list = byName.get(p);
      if (!list) byName.set(p, (list = []));
      if (!list.includes(s.name)) list.push(s.name);
    }
  }
  return { profiles: [...byName].map(([name, services]) => ({ name, services })), always };
}

/**
 * The profiles of a Compose file, or the errors the import would refuse it with (the same reader,
 * so the same line:column). Never throws.
 */
export function listComposeProfiles(
  source: string | Uint8Array,
): ({ ok: true } & ComposeProfiles) | { ok: false; errors: ComposeError[] } {
  try {
    const read = readCompose(source);
    if (!read.ok) return { ok: false, errors: read.errors };
    return { ok: true, ...composeProfiles(read.model) };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: "$", code: "composeInternal", params: { reason } }] };
  }
}
