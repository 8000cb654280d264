/**
 * Ports of the Docker Compose importer (part of the model stage): short syntax (`"8080:80"`,
 * host IPs, IPv6 in brackets, ranges, `/udp`) and long syntax (`{ target, published, … }`) become
 * the container's port mappings; what the document has no field for becomes a note.
 */
import { isIpAddress } from "../../domain/kinds/prop-values.ts";
import type { PortMapping } from "../../domain/kinds/props.ts";
import type { PortSide } from "../errors/types.ts";
import { text, type Problems } from "./problems.ts";
import type { YMap } from "./yaml.ts";

/** Port mappings per file at most (ranges expand into one mapping per port). */
export const MAX_PORT_MAPPINGS = 100_000;

/** A value as the notes quote it: cut at 60 characters. */
const shorten = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

interface PortPart {
  start: number;
  end: number;
}

/** Resolves `${VAR:-default}` / `${VAR-default}`; undefined when a variable has no default. */
function interpolate(s: string): string | undefined {
  let unknown = false;
  const out = s.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g,
    (_m, _name: string, op: string | undefined, def: string | undefined) => {
      if (op === undefined) {
        unknown = true;
        return "";
      }
      return def ?? "";
    },
  );
  return unknown ? undefined : out;
}

export class PortReader {
  total = 0;
  constructor(private readonly p: Problems) {}

  /** A port or a range `a-b`; an error (and undefined) when malformed or out of range. */
  private part(s: string, side: PortSide, path: string, offset: number): PortPart | undefined {
    const m = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(s.trim());
    if (!m) {
      this.p.error(path, offset, "portMalformed", { side, value: s });
      return undefined;
    }
    const start = Number(m[1]);
    const end = m[2] === undefined ? start : Number(m[2]);
    for (const n of [start, end])
      if (n < 1 || n > 65535) {
        this.p.error(path, offset, "portOutOfRange", { side, port: n });
        return undefined;
      }
    if (end < start) {
      this.p.error(path, offset, "portRangeBackwards", { side, value: s });
      return undefined;
    }
    return { start, end };
  }

  private protocol(raw: string | undefined, path: string, offset: number): "tcp" | "udp" | undefined | null {
    if (raw === undefined || raw === "") return undefined;
    const p = raw.toLowerCase();
    if (p === "tcp" || p === "udp") return p;
    if (p === "sctp") {
      this.p.warn(path, offset, "portSctp", {});
      return null;
    }
    this.p.error(path, offset, "portUnknownProtocol", { value: raw });
    return null;
  }

  /** Expands host and container parts into mappings; false on error. */
  private expand(
    out: PortMapping[],
    notes: string[],
    host: PortPart | undefined,
    container: PortPart,
    protocol: "tcp" | "udp" | undefined,
    hostIp: string | undefined,
    path: string,
    offset: number,
  ): void {
    const count = container.end - container.start + 1;
    const hostStart: number | undefined = host?.start;
    if (host !== undefined && host.end - host.start + 1 !== count) {
      if (count === 1)
        notes.push(
          `port ${container.start}: host port chosen from ${host.start}-${host.end}; drawn as ${host.start}`,
        );
      else {
        this.p.error(path, offset, "portRangeMismatch", { host, container });
        return;
      }
    }
    if (this.total + count > MAX_PORT_MAPPINGS) {
      this.p.error(path, offset, "portTooMany", { limit: MAX_PORT_MAPPINGS });
      return;
    }
    this.total += count;
    // A host address the document can hold (IPv4, IPv6; not "every address") goes on the mapping.
    const ip =
      hostIp !== undefined && hostIp !== "0.0.0.0" && hostIp !== "::" && isIpAddress(hostIp)
        ? hostIp
        : undefined;
    for (let i = 0; i < count; i++) {
      const hostPort =
        hostStart === undefined
          ? undefined
          : host !== undefined && host.end - host.start + 1 === count
            ? hostStart + i
            : hostStart;
      out.push({
        ...(hostPort !== undefined ? { host: hostPort } : {}),
        container: container.start + i,
        ...(protocol !== undefined ? { protocol } : {}),
        ...(ip !== undefined && hostPort !== undefined ? { hostIp: ip } : {}),
      });
    }
    if (
      hostIp !== undefined &&
      hostIp !== "" &&
      hostIp !== "0.0.0.0" &&
      hostIp !== "::" &&
      (ip === undefined || hostStart === undefined)
    )
      notes.push(
        `port${count > 1 ? "s" : ""} ${host ? `${host.start}${host.end !== host.start ? `-${host.end}` : ""}` : "?"}→${container.start}${count > 1 ? `-${container.end}` : ""}: published on host IP ${hostIp} only`,
      );
  }

  /** Short syntax: `"80"`, `"8080:80"`, `"127.0.0.1:8080:80"`, `"[::1]:8080:80"`, ranges, `/udp`. */
  short(raw: string, out: PortMapping[], notes: string[], path: string, offset: number): void {
    let s = raw.trim();
    if (s.includes("$")) {
      const resolved = interpolate(s);
      if (resolved === undefined) {
        // `${HOST_PORT}:80`: the container side is known, the host side is not.
        const container = s.slice(s.lastIndexOf(":") + 1);
        if (/^\d[\d/a-z-]*$/i.test(container) && !container.includes("$")) {
          notes.push(`port ${shorten(raw)}: host side set by an environment variable; drawn unpublished`);
          s = container;
        } else {
          this.p.warn(path, offset, "portVariables", { value: raw });
          return;
        }
      } else s = resolved;
    }
    let protocolText: string | undefined;
    const slash = s.lastIndexOf("/");
    if (slash !== -1) {
      protocolText = s.slice(slash + 1);
      s = s.slice(0, slash);
    }
    let hostIp: string | undefined;
    if (s.startsWith("[")) {
      const close = s.indexOf("]");
      if (close === -1 || s[close + 1] !== ":") {
        this.p.error(path, offset, "portIpv6Syntax", { value: raw });
        return;
      }
      hostIp = s.slice(1, close);
      s = s.slice(close + 2);
    }
    const parts = s.split(":");
    if (hostIp !== undefined ? parts.length !== 2 : parts.length > 3) {
      this.p.error(path, offset, "portSyntax", { value: raw });
      return;
    }
    if (parts.length === 3) hostIp = parts.shift();
    const containerText = parts.pop()!;
    const hostText = parts.pop();
    const protocol = this.protocol(protocolText, path, offset);
    if (protocol === null) return;
    const container = this.part(containerText, "container", path, offset);
    if (!container) return;
    let host: PortPart | undefined;
    if (hostText !== undefined && hostText !== "") {
      host = this.part(hostText, "host", path, offset);
      if (!host) return;
    } else if (hostText === "")
      notes.push(`port ${container.start}: published on a random host port; drawn unpublished`);
    this.expand(out, notes, host, container, protocol, hostIp, path, offset);
  }

  /** Long syntax: `{ target, published, protocol, host_ip, mode }`. */
  long(v: YMap, out: PortMapping[], notes: string[], path: string): void {
    const get = (k: string): string | undefined => {
      const x = v.entries.get(k);
      if (x === undefined) return undefined;
      if (x.t !== "scalar") {
        this.p.error(`${path}.${k}`, x.offset, "portFieldNotValue", { key: k, actual: x.t });
        return undefined;
      }
      const t = text(x);
      return t === null ? undefined : t;
    };
    const targetText = get("target");
    if (targetText === undefined) {
      this.p.error(`${path}.target`, v.offset, "portNoTarget", {});
      return;
    }
    const at = (k: string) => v.entries.get(k)?.offset ?? v.offset;
    const protocol = this.protocol(get("protocol"), `${path}.protocol`, at("protocol"));
    if (protocol === null) return;
    const container = this.part(targetText, "container", `${path}.target`, at("target"));
    if (!container) return;
    let publishedText = get("published");
    if (publishedText?.includes("$")) {
      const r = interpolate(publishedText);
      if (r === undefined)
        notes.push(`port ${container.start}: host side set by an environment variable; drawn unpublished`);
      publishedText = r;
    }
    let host: PortPart | undefined;
    if (publishedText !== undefined && publishedText !== "") {
      host = this.part(publishedText, "host", `${path}.published`, at("published"));
      if (!host) return;
    }
    const mode = get("mode");
    if (mode === "host" && host) notes.push(`port ${host.start}: published in host mode`);
    this.expand(out, notes, host, container, protocol, get("host_ip"), path, v.offset);
  }
}
