/**
 * Reading the props the rules need, with the catalog's defaults. A value of the wrong type counts
 * as absent (the reader refuses such documents, but the rules must not trust that they ran).
 */
import { ownProp, type StackNode } from "../document.ts";
import type { PropType } from "../kinds/nodes.ts";

// The value types come from the declarations: a new option is a compile error in the exhaustive
// tables below (ENGINE_FAMILIES…) until the rules decide what it means.
export type KernelFamily = PropType<"kernel", "family">;
export type ContainerOs = PropType<"container", "os">;
/** The engine products the rules know (`product` is free text; others are not checked). */
export type EngineProduct = "docker" | "containerd" | "podman" | "cri-o";
export type HypervisorType = PropType<"hypervisor", "hypervisorType">;
export type ImageType = PropType<"image", "imageType">;
export type Arch = PropType<"physical-host", "arch">;

export function kernelFamily(kernel: StackNode): KernelFamily {
  const f = ownProp(kernel.props, "family");
  return f === "windows" || f === "bsd" || f === "solaris" ? f : "linux";
}

export function containerOs(container: StackNode): ContainerOs {
  return ownProp(container.props, "os") === "windows" ? "windows" : "linux";
}

/**
 * The product of an engine as the rules know it: absent (or blank) reads as Docker, the four known
 * names match case-insensitively, and any other product is undefined — drawn, not checked.
 */
export function engineProduct(engine: StackNode): EngineProduct | undefined {
  return knownEngine(ownProp(engine.props, "product"));
}

/** {@link engineProduct} of a `product` value. */
export function knownEngine(product: unknown): EngineProduct | undefined {
  if (typeof product !== "string") return "docker";
  const name = product.trim().toLowerCase();
  if (name === "") return "docker";
  return name === "docker" || name === "containerd" || name === "podman" || name === "cri-o"
    ? name
    : undefined;
}

export type Isolation = PropType<"container", "isolation">;
/** A container's isolation; `microvm` and `hyperv` give it a kernel of its own. */
export function isolation(container: StackNode): Isolation {
  const v = ownProp(container.props, "isolation");
  return v === "microvm" || v === "hyperv" || v === "sandbox" ? v : "shared-kernel";
}

export type NetworkMode = PropType<"container", "network">;
export function networkMode(container: StackNode): NetworkMode {
  const v = ownProp(container.props, "network");
  return v === "host" || v === "none" ? v : "bridge";
}

/** `replicas` of a container or pod: a whole number ≥ 0, 1 when absent or not one. */
export function replicas(node: StackNode): number {
  const v = ownProp(node.props, "replicas");
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? v : 1;
}

/** Which hypervisor product a type-1 hypervisor drawn on its OS may be (rules.md: exact, any case). */
export function osHypervisor(hv: StackNode): "kvm" | "hyperv" | undefined {
  const p = ownProp(hv.props, "product");
  if (typeof p !== "string") return undefined;
  const name = p.trim().toLowerCase();
  return name === "kvm" ? "kvm" : name === "hyper-v" || name === "hyperv" ? "hyperv" : undefined;
}

/** Whether a vm's `product` says EC2 ("EC2", "ec2 t3.micro"…). */
export function isEc2(vm: StackNode): boolean {
  const p = ownProp(vm.props, "product");
  return typeof p === "string" && p.trimStart().slice(0, 3).toLowerCase() === "ec2";
}

/**
 * A port's `hostIp` as a listening address: undefined for every address (absent, empty,
 * `0.0.0.0`, `::`), else the address in lower case.
 */
export function listenAddress(hostIp: unknown): string | undefined {
  if (typeof hostIp !== "string") return undefined;
  const a = hostIp.trim().toLowerCase();
  return a === "" || a === "0.0.0.0" || a === "::" || a === "[::]" ? undefined : a;
}

/**
 * An image reference as `container/moved-image` compares it: the `docker.io/`,
 * `index.docker.io/` and `library/` prefixes dropped, a missing tag read as `latest` (a digest is
 * kept as it is). `nginx`, `docker.io/library/nginx:latest` and `library/nginx` are one image.
 */
export function normaliseImage(ref: string): string {
  let r = ref.trim();
  const lower = r.toLowerCase();
  if (lower.startsWith("docker.io/")) r = r.slice("docker.io/".length);
  else if (lower.startsWith("index.docker.io/")) r = r.slice("index.docker.io/".length);
  if (r.toLowerCase().startsWith("library/")) r = r.slice("library/".length);
  if (r.includes("@")) return r;
  const name = r.slice(r.lastIndexOf("/") + 1);
  return name.includes(":") ? r : `${r}:latest`;
}

export function hypervisorType(hv: StackNode): HypervisorType {
  return ownProp(hv.props, "hypervisorType") === "type2" ? "type2" : "type1";
}

export function imageType(image: StackNode): ImageType {
  return ownProp(image.props, "imageType") === "ami" ? "ami" : "container";
}

/**
 * A set arch prop (`container.arch`, `vm.arch`), or undefined. Docker's spellings (`amd64`,
 * `aarch64`), which the reader normalizes, read the same here, for documents built in code.
 */
export function archProp(node: StackNode): Arch | undefined {
  const a = ownProp(node.props, "arch");
  if (a === "x86_64" || a === "arm64") return a;
  return a === "amd64" ? "x86_64" : a === "aarch64" ? "arm64" : undefined;
}

/** A non-empty string prop, or undefined. */
export function textProp(node: StackNode, key: string): string | undefined {
  const v = ownProp(node.props, key);
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** The kernel families each engine product runs on (rules.md, `engine/unsupported-kernel`). */
export const ENGINE_FAMILIES: { readonly [P in EngineProduct]: readonly KernelFamily[] } = {
  docker: ["linux", "windows"],
  containerd: ["linux", "windows"],
  podman: ["linux"],
  "cri-o": ["linux"],
};

/** The known distributions (rules.md, `kernel/distro-family`), keyed by their normalised name. */
const DISTRO_FAMILY: ReadonlyMap<string, KernelFamily> = new Map<string, KernelFamily>([
  ...(
    [
      "Red Hat",
      "RHEL",
      "Red Hat Enterprise Linux",
      "CentOS",
      "Debian",
      "Ubuntu",
      "SUSE",
      "openSUSE",
      "Amazon Linux",
      "Alpine",
      "Fedora",
      "Rocky Linux",
      "AlmaLinux",
    ] as const
  ).map((d): [string, KernelFamily] => [normaliseDistro(d), "linux"]),
  ...(["macOS", "FreeBSD", "NetBSD", "OpenBSD"] as const).map((d): [string, KernelFamily] => [
    normaliseDistro(d),
    "bsd",
  ]),
  ...(["Solaris", "OpenSolaris"] as const).map((d): [string, KernelFamily] => [
    normaliseDistro(d),
    "solaris",
  ]),
  ...(["Windows", "Windows Server"] as const).map((d): [string, KernelFamily] => [
    normaliseDistro(d),
    "windows",
  ]),
]);

/** Case-insensitive, spaces and hyphens ignored — as rules.md asks. */
export function normaliseDistro(name: string): string {
  return name.toLowerCase().replace(/[\s-]+/g, "");
}

/** The known names, longest first: the longest known name a distro starts with wins. */
const DISTRO_NAMES: readonly string[] = [...DISTRO_FAMILY.keys()].sort((a, b) => b.length - a.length);

/**
 * The family of a distribution name, or undefined for names the table does not list: a name
 * matches a known one it starts with ("Ubuntu 22.04", "Windows Server 2022", "RHEL 9"),
 * case-insensitively and ignoring spaces and hyphens; the longest known name wins.
 */
export function distroFamily(distro: string): KernelFamily | undefined {
  return knownDistro(distro)?.family;
}

/** The known distribution a name starts with (its normalised name and family), if any. */
export function knownDistro(distro: string): { name: string; family: KernelFamily } | undefined {
  const d = normaliseDistro(distro);
  const exact = DISTRO_FAMILY.get(d);
  if (exact !== undefined) return { name: d, family: exact };
  for (const name of DISTRO_NAMES) if (d.startsWith(name)) return { name, family: DISTRO_FAMILY.get(name)! };
  return undefined;
}
