/**
 * Named migrations between document versions. Every format change adds one entry here, a frozen
 * fixture of the old version under tests/fixtures/documents/vN/, and bumps CURRENT_VERSION —
 * so every released file keeps opening (docs/reliability.md, promise 5).
 */
import { CURRENT_VERSION } from "../domain/document.ts";

/**
 * One step of the format's history. `migrate` receives the whole raw document as parsed JSON in
 * version `from` (already checked to be an object with `format: "stackdraw"`) and returns it in
 * version `to`. It may throw on input it cannot convert; the reader turns that into a
 * `migrationFailed` error instead of letting it escape.
 */
export interface Migration {
  /** The version this step reads. */
  from: number;
  /** The version it produces; greater than `from`. */
  to: number;
  /** Stable, human-readable name, shown in the error when the step fails. */
  name: string;
  migrate(raw: unknown): unknown;
}

/**
 * Version 1 → 2. Version 2 only adds and widens (node fields `manualSize` and `suppress`, new kinds,
 * edge kinds and props, free-text engine products, Docker's arch spellings), so every version-1
 * document already is a version-2 one: the step changes nothing but `version`. The stages after it
 * then check the result as version 2. A fresh object, so the parsed input is never changed.
 */
export const V1_TO_V2: Migration = {
  from: 1,
  to: 2,
  name: "v1 to v2: manualSize, suppress, new kinds and props",
  migrate(raw) {
    return { ...(raw as Record<string, unknown>), version: 2 };
  },
};

/** The registered migrations, oldest first. Version 1 is the first released version. */
export const MIGRATIONS: readonly Migration[] = [V1_TO_V2];

/** Why no chain of migrations leads from a version to the current one. */
export type MigrationPlanError =
  | { kind: "noPath"; from: number; oldest: number }
  /** A step that does not move forward, or goes past the target: it goes `from` → `to`. */
  | { kind: "badStep"; name: string; from: number; to: number };

/**
 * The steps that take a document from `from` to `target`, in order. Follows `from → to` links
 * rather than trusting list order, and refuses a step that does not move forward (which would
 * make the reader loop).
 */
export function planMigrations(
  from: number,
  migrations: readonly Migration[],
  target: number = CURRENT_VERSION,
): { ok: true; steps: Migration[] } | { ok: false; error: MigrationPlanError } {
  const steps: Migration[] = [];
  let v = from;
  while (v < target) {
    const step = migrations.find((m) => m.from === v);
    if (step === undefined)
      return { ok: false, error: { kind: "noPath", from, oldest: oldestReadable(migrations, target) } };
    if (!Number.isInteger(step.to) || step.to <= step.from || step.to > target)
      return {
        ok: false,
        error: { kind: "badStep", name: step.name, from: step.from, to: step.to },
      };
    steps.push(step);
    v = step.to;
  }
  return { ok: true, steps };
}

/** The oldest version from which an unbroken chain of migrations reaches `target`. */
export function oldestReadable(migrations: readonly Migration[], target: number = CURRENT_VERSION): number {
  let oldest = target;
  // Walk backwards along `to → from` links; bounded by the list length so a malformed list cannot loop.
  for (let i = 0; i < migrations.length; i++) {
    const step = migrations.find((m) => m.to === oldest && m.from < m.to);
    if (step === undefined) break;
    oldest = step.from;
  }
  return oldest;
}
