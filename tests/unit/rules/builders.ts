/**
 * Test builders that read like the domain:
 *   doc(host({ arch: "arm64" }).with(kernel("linux", { distro: "Ubuntu" }).with(docker().with(container({ os: "windows" })))))
 * Ids are given with `.as("web")`, or generated from the kind. `doc` lists parents first unless
 * asked to list children first, and takes edges built with `edge(...)`.
 */
import type { EdgeKind, Kind } from "../../../src/domain/kinds/catalog.ts";
import type { PropsOf } from "../../../src/domain/kinds/nodes.ts";
import type { StackDocument, StackEdge, StackNode } from "../../../src/domain/document.ts";

let counter = 0;

export class NodeBuilder {
  id: string;
  label: string | undefined;
  suppress: Record<string, string> | undefined;
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

  /** Suppresses a rule (or any key) on this node, for a reason. */
  suppressing(rule: string, reason = "reviewed"): this {
    (this.suppress ??= {})[rule] = reason;
    return this;
  }
}

/**
 * A node of any kind, its props type-checked against the kind's declaration (a misspelt prop or
 * a wrong enum value does not compile). The helpers below read like the domain.
 */
export const node = <K extends Kind>(kind: K, props?: PropsOf<K>): NodeBuilder =>
  new NodeBuilder(kind, props ?? {});

type P<K extends Kind> = PropsOf<K>;

export const host = (props?: P<"physical-host">) => node("physical-host", props);
export const hypervisor = (type?: P<"hypervisor">["hypervisorType"], props?: P<"hypervisor">) =>
  node("hypervisor", { ...(type ? { hypervisorType: type } : {}), ...props });
export const vm = (props?: P<"vm">) => node("vm", props);
export const kernel = (family?: P<"kernel">["family"], props?: P<"kernel">) =>
  node("kernel", { ...(family ? { family } : {}), ...props });
export const engine = (product?: P<"container-engine">["product"]) =>
  node("container-engine", product ? { product } : {});
export const podman = () => engine("podman");
export const docker = () => engine("docker");
export const container = (props?: P<"container">) => node("container", props);
export const app = (ports?: number[], props?: P<"server-app">) =>
  node("server-app", { ...(ports ? { ports } : {}), ...props });
export const fargate = () => node("fargate");
export const group = () => node("group");
export const cloud = () => node("cloud");
export const ecsCluster = () => node("ecs-cluster");
export const ecsTask = () => node("ecs-task");
export const k8sCluster = (managed?: P<"k8s-cluster">["managed"]) =>
  node("k8s-cluster", managed ? { managed } : {});
export const controlPlane = () => node("control-plane");
export const pod = (props?: P<"pod">) => node("pod", props);
export const registry = () => node("registry");
export const image = (imageType?: P<"image">["imageType"]) => node("image", imageType ? { imageType } : {});

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
    if (b.suppress !== undefined) n.suppress = { ...b.suppress };
    nodes.push(n);
    for (const c of b.children) visit(c, b.id);
  };
  for (const r of roots) {
    if (r instanceof NodeBuilder) visit(r, undefined);
    else Object.assign(opts, r);
  }
  return {
    format: "stackdraw",
    version: 2,
    nodes: opts.childrenFirst ? nodes.reverse() : nodes,
    edges: opts.edges ?? [],
  };
}
