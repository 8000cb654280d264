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
  /**
   * Values the rules know, to offer while typing (any other text is valid too): an engine's
   * `product` ("docker", "containerd"…). The first one is what the rules read when it is absent.
   */
  suggestions?: readonly string[];
}

/** A whole number ≥ 0 (a container's or pod's `replicas`). */
export interface CountProp extends PropBase {
  type: "count";
  /** The value the rules use when the prop is absent. */
  default: number;
}

/** A list of strings (a container's Compose `profiles`). */
export interface TextListProp extends PropBase {
  type: "text-list";
}

/** A container's port mappings: `{ host?, container, protocol?, hostIp? }[]`. */
export interface ContainerPortsProp extends PropBase {
  type: "container-ports";
}

/** A list of TCP ports a server-app listens on. */
export interface PortListProp extends PropBase {
  type: "port-list";
}

/** A Kubernetes Service's ports: `{ port, targetPort?, nodePort?, protocol? }[]`. */
export interface ServicePortsProp extends PropBase {
  type: "service-ports";
}

export type PropSpec =
  EnumProp | TextProp | CountProp | TextListProp | ContainerPortsProp | PortListProp | ServicePortsProp;

/**
 * A published or unpublished container port. `host` absent = not published; `hostIp` absent,
 * `"0.0.0.0"` or `"::"` = published on every address of the host.
 */
export interface PortMapping {
  host?: number;
  container: number;
  protocol?: "tcp" | "udp";
  hostIp?: string;
}

/**
 * One port of a Kubernetes Service: the Service's `port`, the `targetPort` it sends to on the pods
 * (a number or a named container port), and for a NodePort Service the `nodePort` every worker
 * listens on.
 */
export interface ServicePort {
  port: number;
  targetPort?: number | string;
  nodePort?: number;
  protocol?: "tcp" | "udp";
}

/** The TypeScript type of a prop's value, derived from its descriptor. */
export type PropValue<S extends PropSpec> =
  S extends EnumProp<infer V>
    ? V
    : S extends TextProp
      ? string
      : S extends CountProp
        ? number
        : S extends TextListProp
          ? string[]
          : S extends ContainerPortsProp
            ? PortMapping[]
            : S extends PortListProp
              ? number[]
              : S extends ServicePortsProp
                ? ServicePort[]
                : never;

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export function isPort(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= MIN_PORT && v <= MAX_PORT;
}

/** A whole number ≥ 0 (a `count` prop's value). */
export function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-f]{1,4}$/i;

/**
 * An IPv4 address in dotted decimal (`127.0.0.1`) or an IPv6 address in its text form (`::1`,
 * `fe80::1`, `::ffff:192.0.2.1`), without brackets, prefix or zone: a port's `hostIp`.
 */
export function isIpAddress(v: unknown): v is string {
  if (typeof v !== "string" || v.length === 0 || v.length > 45) return false;
  if (IPV4.test(v)) return true;
  if (!v.includes(":")) return false;
  let text = v;
  let groups = 8;
  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  if (tail.includes(".")) {
    if (!IPV4.test(tail)) return false;
    text = text.slice(0, lastColon + 1) + "0:0";
  }
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const parts = (h: string): string[] | undefined => {
    if (h === "") return [];
    const list = h.split(":");
    return list.every((g) => HEXTET.test(g)) ? list : undefined;
  };
  const left = parts(halves[0]!);
  if (left === undefined) return false;
  if (halves.length === 1) return left.length === groups;
  const right = parts(halves[1]!);
  if (right === undefined) return false;
  groups -= 1; // "::" stands for at least one group of zeros
  return left.length + right.length <= groups;
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
    case "count":
      return isCount(value) ? null : { expected: "a whole number (0 or more)", subPath: "" };
    case "text-list": {
      if (!Array.isArray(value)) return { expected: "an array of strings", subPath: "" };
      for (let i = 0; i < value.length; i++)
        if (typeof value[i] !== "string") return { expected: "a string", subPath: `[${i}]` };
      return null;
    }
    case "port-list": {
      if (!Array.isArray(value)) return { expected: "an array of ports (integers 1–65535)", subPath: "" };
      for (let i = 0; i < value.length; i++)
        if (!isPort(value[i])) return { expected: "a port (an integer 1–65535)", subPath: `[${i}]` };
      return null;
    }
    case "container-ports": {
      if (!Array.isArray(value))
        return {
          expected: "an array of { host?, container, protocol?, hostIp? } port mappings",
          subPath: "",
        };
      for (let i = 0; i < value.length; i++) {
        const m: unknown = value[i];
        if (typeof m !== "object" || m === null || Array.isArray(m))
          return {
            expected: "a port mapping object { host?, container, protocol?, hostIp? }",
            subPath: `[${i}]`,
          };
        const r = m as Record<string, unknown>;
        if (!isPort(r.container))
          return { expected: "a port (an integer 1–65535)", subPath: `[${i}].container` };
        if (r.host !== undefined && r.host !== null && !isPort(r.host))
          return { expected: "a port (an integer 1–65535)", subPath: `[${i}].host` };
        if (r.protocol !== undefined && r.protocol !== "tcp" && r.protocol !== "udp")
          return { expected: '"tcp" or "udp"', subPath: `[${i}].protocol` };
        if (r.hostIp !== undefined && !isIpAddress(r.hostIp))
          return { expected: "an IPv4 or IPv6 address", subPath: `[${i}].hostIp` };
      }
      return null;
    }
    case "service-ports": {
      if (!Array.isArray(value))
        return {
          expected: "an array of { port, targetPort?, nodePort?, protocol? } Service ports",
          subPath: "",
        };
      for (let i = 0; i < value.length; i++) {
        const m: unknown = value[i];
        if (typeof m !== "object" || m === null || Array.isArray(m))
          return {
            expected: "a Service port object { port, targetPort?, nodePort?, protocol? }",
            subPath: `[${i}]`,
          };
        const r = m as Record<string, unknown>;
        if (!isPort(r.port)) return { expected: "a port (an integer 1–65535)", subPath: `[${i}].port` };
        if (r.targetPort !== undefined && !isPort(r.targetPort) && !isPortName(r.targetPort))
          return { expected: "a port (an integer 1–65535) or a port name", subPath: `[${i}].targetPort` };
        if (r.nodePort !== undefined && !isPort(r.nodePort))
          return { expected: "a port (an integer 1–65535)", subPath: `[${i}].nodePort` };
        if (r.protocol !== undefined && r.protocol !== "tcp" && r.protocol !== "udp")
          return { expected: '"tcp" or "udp"', subPath: `[${i}].protocol` };
      }
      return null;
    }
    default:
      return assertNever(spec);
  }
}

/** A named container port as a Service's `targetPort` names it (`http`, `metrics`): 1–15 characters. */
export function isPortName(v: unknown): v is string {
  return typeof v === "string" && /^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/.test(v) && /[a-z]/.test(v);
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
