/**
 * Stage 4 of the Docker Compose importer, the document: every service a `container` on one Docker
 * Engine on one Linux kernel on one physical host, `depends_on`/`links` as `network` edges from
 * the service to what it needs, volumes and bind mounts as `volume` nodes in the engine with
 * `mounts` edges labelled with the path inside the container, laid out with the stack layout.
 *
 * Ids are the service names (characters outside `[A-Za-z0-9._-]` become `-`), made unique against
 * each other and the three stack nodes; `__proto__` is a fine id (Maps everywhere). What the
 * document has no field for (host IPs, random host ports, a build context beside an image, an
 * unknown platform) goes into the container's notes.
 */
import { arrangeDocument } from "../../domain/geometry.ts";
import {
  CURRENT_VERSION,
  FORMAT,
  LIMITS,
  type StackDocument,
  type StackEdge,
  type StackNode,
} from "../../domain/document.ts";
import { nodeOf, type PropsOf, type PropType } from "../../domain/kinds/nodes.ts";
import type { Lang } from "../../domain/kinds/props.ts";
import type { ComposeModel, IncludeReader } from "./model.ts";

/** Options of the import. */
export interface ComposeOptions {
  /** The document's title; default the compose `name`, else "Docker Compose". */
  title?: string;
  /**
   * The active profiles (`--profile`; `"*"`: every one). As `docker compose up`, a service with
   * profiles is drawn only when one of them is active; services without profiles always are.
   */
  profiles?: readonly string[];
  /** The variables values are interpolated with (`.env`, then the environment); none: all unset. */
  variables?: ReadonlyMap<string, string>;
  /** The language of the import report on the host's notes (default English). */
  lang?: Lang;
  /** Reads the files `include` names, relative to the file's folder (the CLI); none: said, not read. */
  include?: IncludeReader;
}

/** Whether a service is drawn with these profiles active. */
export function profileActive(serviceProfiles: readonly string[], active: readonly string[] = []): boolean {
  return (
    serviceProfiles.length === 0 || active.includes("*") || serviceProfiles.some((p) => active.includes(p))
  );
}

type ContainerOs = PropType<"container", "os">;
const PLATFORM_OS: readonly ContainerOs[] = ["linux", "windows"];
const isPlatformOs = (os: string): os is ContainerOs => (PLATFORM_OS as readonly string[]).includes(os);

const ARCH: Record<string, PropType<"container", "arch">> = {
  amd64: "x86_64",
  x86_64: "x86_64",
  arm64: "arm64",
  aarch64: "arm64",
};

/** A safe, readable id from a service name, unique in `taken`. */
function idFor(name: string, taken: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 64) || "service";
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

function clip(s: string): string {
  const cps = Array.from(s.length > LIMITS.labelLength * 2 ? s.slice(0, LIMITS.labelLength * 2) : s);
  return cps.length > LIMITS.labelLength ? `${cps.slice(0, LIMITS.labelLength - 1).join("")}…` : s;
}

/** Builds the laid-out document of a compose model; `report` (the import report) goes on the host's notes. */
export function composeDocument(
  model: ComposeModel,
  opts: ComposeOptions = {},
  report?: string,
): StackDocument {
  const taken = new Set<string>(["docker-host", "linux", "docker"]);
  const oses = model.services
    .map((s) => s.platform?.toLowerCase().split("/")[0])
    .filter((o) => o !== undefined);
  const windows = oses.includes("windows") && !oses.includes("linux");
  const nodes: StackNode[] = [
    nodeOf("physical-host", "docker-host", { label: "Docker host" }),
    // A Windows host when the services' platforms say windows/… (and none says linux/…).
    windows
      ? nodeOf("kernel", "linux", { parentId: "docker-host", label: "Windows", props: { family: "windows" } })
      : nodeOf("kernel", "linux", { parentId: "docker-host", label: "Linux", props: { family: "linux" } }),
    nodeOf("container-engine", "docker", {
      parentId: "linux",
      label: "Docker Engine",
      props: { product: "docker" },
    }),
  ];
  const ids = new Map<string, string>();
  for (const s of model.services) {
    const id = idFor(s.name, taken);
    ids.set(s.name, id);
    const props: PropsOf<"container"> = {};
    const notes = [...s.notes];
    if (s.image !== undefined) props.image = s.image;
    else if (s.build !== undefined) props.image = `built from ${s.build}`;
    if (s.image !== undefined && s.build !== undefined) notes.unshift(`built from ${s.build}`);
    // Docker Engine on Windows runs Windows containers unless told otherwise.
    if (windows && s.platform === undefined) props.os = "windows";
    if (s.platform !== undefined) {
      const [os, arch, variant] = s.platform.toLowerCase().split("/");
      if (os !== undefined && isPlatformOs(os)) props.os = os;
      else notes.push(`platform ${s.platform}: OS not drawn`);
      if (arch !== undefined && Object.prototype.hasOwnProperty.call(ARCH, arch)) props.arch = ARCH[arch];
      else if (arch !== undefined) notes.push(`platform ${s.platform}: architecture not drawn`);
      if (variant !== undefined && notes.every((n) => !n.startsWith(`platform ${s.platform}`)))
        notes.push(`platform ${s.platform}`);
    }
    if (s.ports.length > 0) props.ports = s.ports;
    if (s.replicas !== undefined) props.replicas = s.replicas;
    if (s.network !== undefined) props.network = s.network;
    if (s.networkOf !== undefined) notes.push(`shares the network namespace of service ${s.networkOf}`);
    if (s.profiles.length > 0) props.profiles = s.profiles;
    if (notes.length > 0) props.notes = notes.join("\n");
    nodes.push(nodeOf("container", id, { parentId: "docker", label: clip(s.name), props }));
  }
  const edges: StackEdge[] = [];
  for (const s of model.services)
    for (const need of s.needs) {
      const source = ids.get(s.name)!;
      const target = ids.get(need);
      if (target === undefined) continue; // a service left out by its profiles
      edges.push({ id: idFor(`${source}-to-${target}`, taken), kind: "network", source, target });
    }
  // Volumes and bind mounts: one `volume` node in the engine per named volume or host path,
  // shared by every service that mounts it; an anonymous volume or a tmpfs is its service's own.
  const volumes = new Map<string, string>();
  for (const s of model.services)
    for (const m of s.mounts) {
      const key = m.source === "" ? undefined : `${m.type}\u0000${m.source}`;
      let target = key === undefined ? undefined : volumes.get(key);
      if (target === undefined) {
        target = idFor(`vol-${m.source || m.type}`, taken);
        if (key !== undefined) volumes.set(key, target);
        const label = m.source || (m.type === "tmpfs" ? "tmpfs" : "anonymous volume");
        const props: PropsOf<"volume"> = { volumeType: m.type };
        if (m.source !== "") props.source = m.source;
        nodes.push(nodeOf("volume", target, { parentId: "docker", label: clip(label), props }));
      }
      const source = ids.get(s.name)!;
      edges.push({
        id: idFor(`${source}-mounts-${target}`, taken),
        kind: "mounts",
        source,
        target,
        label: m.target,
      });
    }
  if (report !== undefined) nodes[0] = { ...nodes[0]!, props: { notes: report } };
  const title = opts.title ?? model.name ?? "Docker Compose";
  const doc: StackDocument = { format: FORMAT, version: CURRENT_VERSION, title: clip(title), nodes, edges };
  return arrangeDocument(doc);
}
