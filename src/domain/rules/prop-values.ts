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
export type EngineProduct = PropType<"container-engine", "product">;
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

export function engineProduct(engine: StackNode): EngineProduct {
  const p = ownProp(engine.props, "product");
  return p === "containerd" || p === "podman" || p === "cri-o" ? p : "docker";
}

export function hypervisorType(hv: StackNode): HypervisorType {
  return ownProp(hv.props, "hypervisorType") === "type2" ? "type2" : "type1";
}

export function imageType(image: StackNode): ImageType {
  return ownProp(image.props, "imageType") === "ami" ? "ami" : "container";
}

/** A set arch prop (`container.arch`, `vm.arch`), or undefined. */
export function archProp(node: StackNode): Arch | undefined {
  const a = ownProp(node.props, "arch");
  return a === "x86_64" || a === "arm64" ? a : undefined;
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

/** The family of a known distribution name, or undefined for names the table does not list. */
export function distroFamily(distro: string): KernelFamily | undefined {
  return DISTRO_FAMILY.get(normaliseDistro(distro));
}
