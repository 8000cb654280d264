/**
 * The kinds' roles as lookups, computed once from the declarations (`roles` in catalog.ts): what
 * the rules, the diagram index, the canvas and the facts ask instead of comparing kind names.
 * Each kind's roles are one frozen {@link KindProfile}, built when this module loads, so a hot loop
 * pays one hash lookup per node and allocates nothing; a kind the catalog does not know (which the
 * reader refuses) simply has no role.
 */
import { KIND_DEFS, KINDS, meets, type Kind, type KindDef, type KindRoles, type Tracked } from "./catalog.ts";

/**
 * Everything the hot loops ask of a kind, in one object per kind (all of one shape): the diagram
 * index looks a node's profile up once and reads plain fields after that.
 */
export interface KindProfile {
  /** `family: "stack"`: a platform what it holds runs on. */
  readonly stack: boolean;
  readonly machine: boolean;
  /** For a machine: the default of its `arch` prop (a physical host: x86_64), if any. */
  readonly machineArch: string | undefined;
  readonly kernel: KindRoles["kernel"];
  readonly containerLike: boolean;
  readonly sharesHostKernel: boolean;
  readonly runsContainers: KindRoles["runsContainers"];
  readonly infrastructure: boolean;
  readonly portNamespace: boolean;
  readonly listens: KindRoles["listens"];
  readonly tracks: Tracked | undefined;
  readonly defaultManagedBy: KindRoles["defaultManagedBy"];
  readonly providerManaged: KindRoles["providerManaged"];
}

function profile(d: KindDef | undefined): KindProfile {
  const r: KindRoles = d?.roles ?? {};
  const arch = d?.props.arch;
  return Object.freeze({
    stack: d?.family === "stack",
    machine: r.machine === true,
    machineArch: r.machine === true && arch?.type === "enum" ? arch.default : undefined,
    kernel: r.kernel,
    containerLike: r.containerLike === true,
    sharesHostKernel: r.sharesHostKernel === true,
    runsContainers: r.runsContainers,
    infrastructure: r.infrastructure === true,
    portNamespace: r.portNamespace === true,
    listens: r.listens,
    tracks: r.tracks,
    defaultManagedBy: r.defaultManagedBy,
    providerManaged: r.providerManaged,
  });
}

/** The profile of a kind the catalog does not know: no role at all. */
export const NO_ROLES: KindProfile = profile(undefined);

// A prototype-less object, not a Map: a keyed load is the cheapest lookup V8 has for the kind
// strings of a document, and without a prototype "__proto__" or "toString" finds nothing.
const PROFILES: Readonly<Record<string, KindProfile | undefined>> = Object.assign(
  Object.create(null) as Record<string, KindProfile>,
  Object.fromEntries(KINDS.map((k) => [k, profile(KIND_DEFS[k])])),
);

/** The roles of a kind, precomputed (one lookup); {@link NO_ROLES} for an unknown kind. */
export const profileOf = (kind: string): KindProfile => PROFILES[kind] ?? NO_ROLES;

/** A machine (physical host, VM): boots one kernel; the hardware for what runs on it. */
export const isMachine = (kind: string): boolean => profileOf(kind).machine;

/** An operating system's kernel. */
export const isOsKernel = (kind: string): boolean => profileOf(kind).kernel?.type === "os";

/**
 * Whether `node` is a kernel its machine boots, and which: `"os"` (a kernel), `"hypervisor"` (a
 * type-1 hypervisor), or undefined.
 */
export function kernelRole(node: {
  kind: Kind;
  props?: Record<string, unknown> | undefined;
}): "os" | "hypervisor" | undefined {
  const role = profileOf(node.kind).kernel;
  if (role === undefined) return undefined;
  return role.when === undefined || meets(node, role.when) ? role.type : undefined;
}
/** Whether nodes of this kind may be kernels ({@link kernelRole} says which nodes are). */
export const mayBeKernel = (kind: string): boolean => profileOf(kind).kernel !== undefined;

/** Has its own userland on a shared kernel: a container, an ECS task, a pod. */
export const isContainerLike = (kind: string): boolean => profileOf(kind).containerLike;

/** Shares its host kernel: a container. */
export const sharesHostKernel = (kind: string): boolean => profileOf(kind).sharesHostKernel;

/** How containers run on this kind: on the kernel under it (an engine), on managed capacity (Fargate), or not. */
export const runsContainers = (kind: string): KindProfile["runsContainers"] => profileOf(kind).runsContainers;

/** A layer below the containers, which serverless capacity supplies. */
export const isInfrastructure = (kind: string): boolean => profileOf(kind).infrastructure;

/** A network namespace of its own. */
export const isPortNamespace = (kind: string): boolean => profileOf(kind).portNamespace;

/** Where this kind's `ports` listen, if it listens. */
export const listensIn = (kind: string): KindProfile["listens"] => profileOf(kind).listens;

/** The context field this kind's nodes are tracked under in their descendants' contexts. */
export const trackedAs = (kind: string): Tracked | undefined => profileOf(kind).tracks;

/** Who manages a node of this kind by default, when not inherited (see `KindRoles.defaultManagedBy`). */
export const defaultManagedBy = (kind: string): KindProfile["defaultManagedBy"] =>
  profileOf(kind).defaultManagedBy;

/** Whether the provider runs this cluster node (its kind's `providerManaged` condition holds). */
export function providerManaged(node: { kind: Kind; props?: Record<string, unknown> | undefined }): boolean {
  const c = profileOf(node.kind).providerManaged;
  return c !== undefined && meets(node, c);
}

/**
 * A machine kind's hardware arch when its node does not set `arch`: the arch prop's default
 * (a physical host is x86_64), or undefined (a VM runs on the hardware under it).
 */
export const machineArchDefault = (kind: string): string | undefined => profileOf(kind).machineArch;
