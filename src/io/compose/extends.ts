/**
 * Compose's `extends` within one file: a service that extends another (`extends: base` or
 * `extends: { service: base }`) starts from that service's settings — its own keys win; lists the
 * importer reads (ports, expose, volumes, profiles, links, depends_on as a list) are the base's
 * followed by its own; mappings are merged, its own entries winning. `extends: { file, service }`
 * takes the base from another file, read through {@link ExtendsFileReader} (the CLI's, relative to
 * this file's folder); without one (the editor imports one file) it is said, and the service read
 * as written. What the other file gives is placed at the `extends` entry, so a problem in it is
 * located there.
 */
import { keySegment } from "../read/stage.ts";
import { text, type Problems } from "./problems.ts";
import type { YMap, YValue } from "./yaml.ts";

/** The services of the file `extends: { file }` names, their own `extends` resolved; or why not. */
export type ExtendsFileReader = (file: string) =>
  | { ok: true; services: YMap }
  | { ok: false; cause: "missing" }
  /** Not given here (the editor, with only the files dropped together). */
  | { ok: false; cause: "notGiven" }
  | { ok: false; cause: "depth" }
  | { ok: false; cause: "noServices" }
  | { ok: false; cause: "invalid"; where: string; code: string };

/** A copy of `v` placed at `offset` throughout (a value read from another file). */
function relocate(v: YValue, offset: number): YValue {
  if (v.t === "scalar") return { ...v, offset };
  if (v.t === "seq") return { ...v, offset, items: v.items.map((x) => relocate(x, offset)) };
  const entries = new Map<string, YValue>();
  const keyOffsets = new Map<string, number>();
  for (const [k, x] of v.entries) {
    entries.set(k, relocate(x, offset));
    keyOffsets.set(k, offset);
  }
  return { ...v, offset, entries, keyOffsets };
}

const CONCAT = new Set(["ports", "expose", "volumes", "profiles", "links", "depends_on", "tmpfs"]);

function merge(base: YValue, own: YValue, key: string): YValue {
  if (base.t === "seq" && own.t === "seq" && CONCAT.has(key))
    return { ...own, items: [...base.items, ...own.items] };
  if (base.t === "map" && own.t === "map") {
    const entries = new Map(base.entries);
    const keyOffsets = new Map(base.keyOffsets);
    for (const [k, v] of own.entries) {
      entries.set(k, entries.has(k) ? merge(entries.get(k)!, v, k) : v);
      keyOffsets.set(k, own.keyOffsets.get(k) ?? own.offset);
    }
    return { ...own, entries, keyOffsets };
  }
  return own;
}

/** The services with every `extends` of the same file resolved; errors for unknown bases and cycles. */
export function resolveExtends(services: YMap, p: Problems, readFile?: ExtendsFileReader): YMap {
  /** Each other file read once. */
  const files = new Map<string, ReturnType<ExtendsFileReader>>();
  const done = new Map<string, YValue>();
  const resolving = new Set<string>();
  const resolve = (name: string): YValue => {
    const known = done.get(name);
    if (known !== undefined) return known;
    const v = services.entries.get(name)!;
    if (v.t !== "map" || !v.entries.has("extends")) {
      done.set(name, v);
      return v;
    }
    const path = `services${keySegment(name)}.extends`;
    const ext = v.entries.get("extends")!;
    let base: string | undefined;
    if (ext.t === "scalar") base = text(ext) ?? undefined;
    else if (ext.t === "map") {
      const file = ext.entries.get("file");
      const svc = ext.entries.get("service");
      base = svc?.t === "scalar" ? (text(svc) ?? undefined) : undefined;
      if (file !== undefined) {
        const fileName = file.t === "scalar" ? (text(file) ?? "") : "";
        if (readFile === undefined || fileName === "") {
          p.warn(path, ext.offset, "composeExtendsFile", { file: fileName });
          done.set(name, v);
          return v;
        }
        let other = files.get(fileName);
        if (other === undefined) files.set(fileName, (other = readFile(fileName)));
        if (!other.ok && other.cause === "notGiven") {
          p.warn(path, ext.offset, "composeExtendsFile", { file: fileName });
          done.set(name, v);
          return v;
        }
        const from = other.ok && base !== undefined ? other.services.entries.get(base) : undefined;
        if (!other.ok || from === undefined) {
          p.error(
            path,
            ext.offset,
            "composeExtendsFailed",
            other.ok
              ? { file: fileName, cause: "service", service: base ?? "" }
              : { file: fileName, ...other },
          );
          done.set(name, v);
          return v;
        }
        const own: YMap = { ...v, entries: new Map([...v.entries].filter(([k]) => k !== "extends")) };
        const merged = from.t === "map" ? (merge(relocate(from, ext.offset), own, "") as YMap) : own;
        done.set(name, merged);
        return merged;
      }
    }
    if (base === undefined || !services.entries.has(base)) {
      p.error(path, ext.offset, "dependencyUnknown", { name: base ?? "" });
      done.set(name, v);
      return v;
    }
    if (resolving.has(base) || base === name) {
      p.error(path, ext.offset, "composeExtendsCycle", { name: base });
      done.set(name, v);
      return v;
    }
    resolving.add(name);
    const from = resolve(base);
    resolving.delete(name);
    const own: YMap = { ...v, entries: new Map([...v.entries].filter(([k]) => k !== "extends")) };
    const merged = from.t === "map" ? (merge(from, own, "") as YMap) : own;
    done.set(name, merged);
    return merged;
  };
  if (![...services.entries.values()].some((v) => v.t === "map" && v.entries.has("extends"))) return services;
  const entries = new Map<string, YValue>();
  for (const name of services.entries.keys()) entries.set(name, resolve(name));
  return { ...services, entries };
}
