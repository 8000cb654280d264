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

/** Shorthand for declaring enum options. */
export function options<V extends string>(list: readonly (readonly [V, string, string])[]): EnumOption<V>[] {
  return list.map(([value, en, ko]) => ({ value, name: { en, ko } }));
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
