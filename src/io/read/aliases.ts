/**
 * Other spellings of enum props that the reader accepts and normalizes (kinds.md: `arch` is
 * `x86_64` or `arm64`; Docker's `amd64` and `aarch64` are read as those). The JSON Schema lists
 * them too (scripts/gen-schema.ts), so editors' completion does not flag what the reader takes.
 */
import type { PropSpec } from "../../domain/kinds/props.ts";

/** Prop name → (alias → the option it means). Maps, so no key ever meets a prototype. */
export const ENUM_ALIASES: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  [
    "arch",
    new Map([
      ["amd64", "x86_64"],
      ["aarch64", "arm64"],
    ]),
  ],
]);

/** The aliases of prop `name` whose targets are options of `spec` (none for other props). */
export function aliasesOf(name: string, spec: PropSpec): [alias: string, option: string][] {
  const table = ENUM_ALIASES.get(name);
  if (table === undefined || spec.type !== "enum") return [];
  return [...table].filter(([, option]) => spec.options.some((o) => o.value === option));
}

/** `value` as the option it is an alias of, or `value` itself. */
export function normalizeAlias(name: string, spec: PropSpec, value: unknown): unknown {
  if (typeof value !== "string" || spec.type !== "enum") return value;
  const option = ENUM_ALIASES.get(name)?.get(value);
  return option !== undefined && spec.options.some((o) => o.value === option) ? option : value;
}
