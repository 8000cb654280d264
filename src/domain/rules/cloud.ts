/**
 * The cloud and orchestration rules (rules.md, "Cloud and orchestration rules"): Fargate, ECS
 * and Kubernetes frames. They read the nearest frames of each kind from the node's context.
 */
import type { NodeContext } from "../diagram.ts";
import type { StackNode } from "../document.ts";
import { isInfrastructure, runsContainers } from "../kinds/roles.ts";
import { problem } from "./problem.ts";
import type { Problem, ProblemParam } from "./types.ts";

/**
 * Whether `node` is a layer that Fargate supplies and AWS manages (`fargate/managed-layers`):
 * an infrastructure layer (`roles.infrastructure`: a physical host, hypervisor, vm, kernel or
 * container engine) drawn under a `fargate` node.
 */
export function isManagedLayer(node: StackNode, ctx: NodeContext): boolean {
  return ctx.fargate !== undefined && isInfrastructure(node.kind);
}

/** Why a task or pod is misplaced: no cluster frame, a platform that cannot run it, or both. */
function placementParams(hasCluster: boolean, ctx: NodeContext): Record<string, ProblemParam> | undefined {
  const p = ctx.platform;
  const platformOk = p !== undefined && runsContainers(p.kind) !== undefined;
  if (hasCluster && platformOk) return undefined;
  const reason = !hasCluster && !platformOk ? "both" : hasCluster ? "platform" : "cluster";
  return p === undefined ? { reason } : { reason, platform: p.id, platformKind: p.kind };
}

/** The cloud and orchestration rules about `node`, in the order of rules.md's table. */
export function checkCloudNode(node: StackNode, ctx: NodeContext, out: Problem[]): void {
  switch (node.kind) {
    case "fargate":
      if (ctx.ecsCluster === undefined && ctx.k8sCluster === undefined)
        out.push(problem("fargate/placement", [node.id]));
      return;
    case "ecs-task": {
      const params = placementParams(ctx.ecsCluster !== undefined, ctx);
      if (params !== undefined) out.push(problem("ecs/task-placement", [node.id], params));
      return;
    }
    case "pod": {
      const params = placementParams(ctx.k8sCluster !== undefined, ctx);
      if (params !== undefined) out.push(problem("k8s/pod-placement", [node.id], params));
      return;
    }
    case "control-plane":
      if (ctx.k8sCluster === undefined) out.push(problem("k8s/control-plane-placement", [node.id]));
      return;
    case "container":
      if (ctx.ecsCluster !== undefined && ctx.ecsTask === undefined)
        out.push(problem("ecs/container-outside-task", [node.id], { cluster: ctx.ecsCluster.id }));
      if (ctx.k8sCluster !== undefined && ctx.pod === undefined)
        out.push(problem("k8s/container-outside-pod", [node.id], { cluster: ctx.k8sCluster.id }));
      return;
    default:
      if (ctx.fargate !== undefined && isManagedLayer(node, ctx))
        out.push(problem("fargate/managed-layers", [node.id], { fargate: ctx.fargate.id, kind: node.kind }));
  }
}
