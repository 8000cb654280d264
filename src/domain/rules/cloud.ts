/**
 * The cloud and orchestration rules (rules.md, "Cloud and orchestration rules"): Fargate, ECS
 * and Kubernetes frames. They read the nearest frames of each kind from the node's context.
 */
import type { NodeContext } from "../diagram.ts";
import type { StackNode } from "../document.ts";
import { isInfrastructure, providerManaged, runsContainers } from "../kinds/roles.ts";
import { containerOs } from "./prop-values.ts";
import { problem } from "./problem.ts";
import type { Problem, ProblemParam } from "./types.ts";

/**
 * Whether `node` is a layer that Fargate supplies and AWS manages, drawn as the user's
 * (`fargate/managed-layers`): an infrastructure layer (`roles.infrastructure`: a physical host,
 * hypervisor, vm, kernel or container engine) under a `fargate` node whose own `managedBy` is not
 * `"provider"` — one marked so is drawn on purpose as AWS's.
 */
export function isManagedLayer(node: StackNode, ctx: NodeContext): boolean {
  return (
    ctx.fargate !== undefined &&
    isInfrastructure(node.kind) &&
    !(ctx.managedByExplicit && ctx.managedBy === "provider")
  );
}

/** Whether a Kubernetes cluster frame is Amazon EKS (`managed: "eks"`). */
const isEks = (cluster: StackNode | undefined): boolean => cluster !== undefined && providerManaged(cluster);

/** Why a task or pod is misplaced: no cluster frame, a platform that cannot run it, or both. */
function placementParams(hasCluster: boolean, ctx: NodeContext): Record<string, ProblemParam> | undefined {
  const p = ctx.platform;
  const platformOk = p !== undefined && runsContainers(p.kind) !== undefined;
  if (hasCluster && platformOk) return undefined;
  const reason = !hasCluster && !platformOk ? "both" : hasCluster ? "platform" : "cluster";
  return p === undefined ? { reason } : { reason, platform: p.id, platformKind: p.kind };
}

/**
 * The cloud and orchestration rules about `node`, in the order of rules.md's table.
 * `fargateInK8s` is the Kubernetes cluster around the node's Fargate, if any.
 */
export function checkCloudNode(
  node: StackNode,
  ctx: NodeContext,
  fargateInK8s: StackNode | undefined,
  out: Problem[],
): void {
  switch (node.kind) {
    case "fargate":
      if (ctx.ecsCluster === undefined && !isEks(ctx.k8sCluster))
        out.push(
          problem(
            "fargate/placement",
            [node.id],
            ctx.k8sCluster !== undefined ? { cluster: ctx.k8sCluster.id } : undefined,
          ),
        );
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
      if (fargateInK8s !== undefined && ctx.fargate !== undefined && containerOs(node) === "windows")
        out.push(
          problem("fargate/windows-on-eks", [node.id], { fargate: ctx.fargate.id, cluster: fargateInK8s.id }),
        );
      if (ctx.ecsCluster !== undefined && ctx.ecsTask === undefined)
        out.push(problem("ecs/container-outside-task", [node.id], { cluster: ctx.ecsCluster.id }));
      if (ctx.k8sCluster !== undefined && ctx.pod === undefined)
        out.push(problem("k8s/container-outside-pod", [node.id], { cluster: ctx.k8sCluster.id }));
      return;
    default:
      if (isManagedLayer(node, ctx))
        out.push(problem("fargate/managed-layers", [node.id], { fargate: ctx.fargate!.id, kind: node.kind }));
  }
}
