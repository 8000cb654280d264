/** Stage 4, migrations: runs the chain of ../migrations.ts from the document's version to the current one. */
import { MIGRATIONS, planMigrations, type Migration } from "../migrations.ts";
import type { Envelope } from "./envelope.ts";
import { fail, isObject, typeOf, type Json, type StageResult } from "./stage.ts";

export function migrate(
  envelope: Envelope,
  migrations: readonly Migration[] = MIGRATIONS,
): StageResult<Json> {
  const plan = planMigrations(envelope.version, migrations);
  if (!plan.ok) {
    const e = plan.error;
    return e.kind === "noPath"
      ? fail("version", "versionUnsupported", { version: e.from, oldest: e.oldest })
      : fail("version", "migrationFailed", { cause: "badStep", name: e.name, from: e.from, to: e.to });
  }
  let raw: unknown = envelope.raw;
  for (const step of plan.steps) {
    const { name, from, to } = step;
    try {
      raw = step.migrate(raw);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return fail("version", "migrationFailed", { cause: "threw", name, from, to, reason });
    }
    if (!isObject(raw))
      return fail("version", "migrationFailed", {
        cause: "notAnObject",
        name,
        from,
        to,
        actual: typeOf(raw),
      });
  }
  return { ok: true, value: raw as Json };
}
