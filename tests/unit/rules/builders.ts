/**
 * Test builders that read like the domain:
 *   doc(host({ arch: "arm64" }).with(kernel("linux", { distro: "Ubuntu" }).with(docker().with(container({ os: "windows" })))))
 * Ids are given with `.as("web")`, or generated from the kind. `doc` lists parents first unless
 * asked to list children first, and takes edges built with `edge(...)`.
 */
import type { EdgeKind, Kind } from "../../../src/domain/kinds/catalog.ts";
import type { PortMapping } from "../../../src/domain/kinds/props.ts";
import type { StackDocument, StackEdge, StackNode } from "../../../src/domain/document.ts";

let counter = 0;

export class NodeBuilder {
  id: string;
  label: string | undefined;
  readonly children: NodeBuilder[] = [];

  constructor(
    readonly kind: Kind,
    readonly props: Record<string, unknown> = {},
  ) {
    this.id = `${kind}-${++counter}`;
  }

  /** Places nodes on (or in) this one. */
  with(...children: NodeBuilder[]): this {
    this.children.push(...children);
    return this;
  }

  /** Gives the node a chosen id. */
  as(id: string): this {
    this.id = id;
    return this;
  }

  named(label: string): this {
    this.label = label;
    return this;
  }
}

type Props = Record<string, unknown>;
const node = (kind: Kind, props?: Props) => new NodeBuilder(kind, props ?? {});

export const host = (props?: { arch?: "x86_64" | "arm64" } & Props) => node("physical-host", props);
export const hypervisor = (type?: "type1" | "type2", props?: Props) =>
  node("hypervisor", { ...(type ? { hypervisorType: type } : {}), ...props });
export const vm = (props?: { arch?: "x86_64" | "arm64"; product?: string } & Props) => node("vm", props);
export const kernel = (
  family?: "linux" | "windows" | "bsd" | "solaris",
  props?: { distro?: string } & Props,
) => node("kernel", { ...(family ? { family } : {}), ...props });
export const engine = (product?: "docker" | "containerd" | "podman" | "cri-o") =>
  node("container-engine", product ? { product } : {});
export const docker = () => engine("docker");
export const container = (
  props?: {
    os?: "linux" | "windows";
    arch?: "x86_64" | "arm64";
    image?: string;
    ports?: PortMapping[];
  } & Props,
) => node("container", props);
export const app = (ports?: number[], props?: Props) =>
  node("server-app", { ...(ports ? { ports } : {}), ...props });
export const fargate = () => node("fargate");
export const group = () => node("group");
export const cloud = () => node("cloud");
export const ecsCluster = () => node("ecs-cluster");
export const ecsTask = () => node("ecs-task");
export const k8sCluster = (managed?: "eks" | "self") => node("k8s-cluster", managed ? { managed } : {});
export const controlPlane = () => node("control-plane");
export const pod = () => node("pod");
export const registry = () => node("registry");
export const image = (imageType?: "container" | "ami") => node("image", imageType ? { imageType } : {});

export function edge(
  kind: EdgeKind,
  source: NodeBuilder | string,
  target: NodeBuilder | string,
  id?: string,
): StackEdge {
  const s = typeof source === "string" ? source : source.id;
  const t = typeof target === "string" ? target : target.id;
  return { id: id ?? `${kind}:${s}->${t}`, kind, source: s, target: t };
}

export interface DocOptions {
  edges?: StackEdge[];
  /** List every child before its parent (the rules must not care). */
  childrenFirst?: boolean;
}

/** A document of the given trees (and edges). */
export function doc(...roots: (NodeBuilder | DocOptions)[]): StackDocument {
  const opts: DocOptions = {};
  const nodes: StackNode[] = [];
  const visit = (b: NodeBuilder, parentId: string | undefined) => {
    const n: StackNode = { id: b.id, kind: b.kind };
    if (parentId !== undefined) n.parentId = parentId;
    if (b.label !== undefined) n.label = b.label;
    if (Object.keys(b.props).length > 0) n.props = { ...b.props };
    nodes.push(n);
    for (const c of b.children) visit(c, b.id);
  };
  for (const r of roots) {
    if (r instanceof NodeBuilder) visit(r, undefined);
    else Object.assign(opts, r);
  }
  return {
    format: "stackdraw",
    version: 1,
    nodes: opts.childrenFirst ? nodes.reverse() : nodes,
    edges: opts.edges ?? [],
  };
}
