/**
 * The values a prop may hold (./props.ts declares the props): ports, counts, IP addresses, port
 * names, and the check of one value against its descriptor that the reader runs. Apart from the
 * declarations because only what reads or edits values needs them (the reader, the importers, the
 * inspector's forms, the rules), not the first paint of the editor.
 */
import { assertNever, type PropSpec, type ServicePort } from "./props.ts";

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

/**
 * Service ports as the inspector's field takes them, the way formatServicePort (src/domain/view-model.ts) writes
 * them ("80→8080 :30080/udp, 443"; `:` or `->` for `→` too); undefined when a part is not one.
 */
export function parseServicePorts(text: string): ServicePort[] | undefined {
  const out: ServicePort[] = [];
  for (const part of text.split(",")) {
    const t = part.trim();
    if (t === "") continue;
    const m = /^(\d{1,5})(?:\s*(?:→|->|>|:)\s*([a-z0-9-]{1,15}))?(?:\s+:(\d{1,5}))?(?:\/(tcp|udp))?$/i.exec(
      t,
    );
    if (!m) return undefined;
    const p: ServicePort = { port: Number(m[1]) };
    if (m[2] !== undefined) p.targetPort = /^\d+$/.test(m[2]) ? Number(m[2]) : m[2].toLowerCase();
    if (m[3] !== undefined) p.nodePort = Number(m[3]);
    if (m[4]?.toLowerCase() === "udp") p.protocol = "udp";
    if (checkPropValue({ type: "service-ports", name: { en: "", ko: "" } }, [p]) !== null) return undefined;
    out.push(p);
  }
  return out;
}
