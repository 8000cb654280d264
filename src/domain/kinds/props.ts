/**
 * Property schemas: a small declarative vocabulary that one kind declaration uses to say what
 * props it has. The same descriptor drives the reader's type checks, the JSON Schema, the
 * inspector's fields and the defaults the rules read — so they cannot drift apart.
 */

/** Text in both UI languages. */
export interface Localized {
  en: string;
  ko: string;
}

export type Lang = "en" | "ko";

/** One choice of an enum prop, with its display names. */
export interface EnumOption<V extends string = string> {
  value: V;
  name: Localized;
}

interface PropBase {
  /** Display name of the field in the inspector. */
  name: Localized;
  /** One-line help shown under the field. */
  help?: Localized;
}

/** A closed set of strings (rendered as a select). */
export interface EnumProp<V extends string = string> extends PropBase {
  type: "enum";
  options: readonly EnumOption<V>[];
  /** The value the rules use when the prop is absent; undefined = no default (a derived one may apply). */
  default?: V;
}

/** Free text. */
export interface TextProp extends PropBase {
  type: "text";
  /** Example shown as placeholder. */
  placeholder?: string;
}

/** A container's port mappings: `{ host?, container, protocol? }[]`. */
export interface ContainerPortsProp extends PropBase {
  type: "container-ports";
}

/** A list of TCP ports a server-app listens on. */
export interface PortListProp extends PropBase {
  type: "port-list";
}

export type PropSpec = EnumProp | TextProp | ContainerPortsProp | PortListProp;

/** A published or unpublished container port. `host` absent = not published. */
export interface PortMapping {
  host?: number;
  container: number;
  protocol?: "tcp" | "udp";
}

/** The TypeScript type of a prop's value, derived from its descriptor. */
export type PropValue<S extends PropSpec> =
  S extends EnumProp<infer V>
    ? V
    : S extends TextProp
      ? string
      : S extends ContainerPortsProp
        ? PortMapping[]
        : S extends PortListProp
          ? number[]
          : never;

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export function isPort(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= MIN_PORT && v <= MAX_PORT;
}

/** Shorthand for declaring enum options. */
export function options<V extends string>(list: readonly (readonly [V, string, string])[]): EnumOption<V>[] {
  return list.map(([value, en, ko]) => ({ value, name: { en, ko } }));
}

/**
 * Checks one prop value against its descriptor. Returns null when valid, or a description of
 * what was expected (English, used inside a document error) and the sub-path that is wrong.
 */
export function checkPropValue(spec: PropSpec, value: unknown): { expected: string; subPath: string } | null {
  switch (spec.type) {
    case "enum":
      return typeof value === "string" && spec.options.some((o) => o.value === value)
        ? null
        : { expected: `one of ${spec.options.map((o) => JSON.stringify(o.value)).join(", ")}`, subPath: "" };
    case "text":
      return typeof value === "string" ? null : { expected: "a string", subPath: "" };
    case "port-list": {
      if (!Array.isArray(value)) return { expected: "an array of ports (integers 1–65535)", subPath: "" };
      for (let i = 0; i < value.length; i++)
        if (!isPort(value[i])) return { expected: "a port (an integer 1–65535)", subPath: `[${i}]` };
      return null;
    }
    case "container-ports": {
      if (!Array.isArray(value))
        return { expected: "an array of { host?, container, protocol? } port mappings", subPath: "" };
      for (let i = 0; i < value.length; i++) {
        const m: unknown = value[i];
        if (typeof m !== "object" || m === null || Array.isArray(m))
          return { expected: "a port mapping object { host?, container, protocol? }", subPath: `[${i}]` };
        const r = m as Record<string, unknown>;
        if (!isPort(r.container))
          return { expected: "a port (an integer 1–65535)", subPath: `[${i}].container` };
        if (r.host !== undefined && r.host !== null && !isPort(r.host))
          return { expected: "a port (an integer 1–65535)", subPath: `[${i}].host` };
        if (r.protocol !== undefined && r.protocol !== "tcp" && r.protocol !== "udp")
          return { expected: '"tcp" or "udp"', subPath: `[${i}].protocol` };
      }
      return null;
    }
    default:
      return assertNever(spec);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
