/**
 * Full-validation benchmark (docs/performance.md: ≤ 2 ms at 5,000 nodes, ≤ 30 ms at
 * 50,000). Run: `npx tsx bench/validate.ts` (the first part of `npm run bench`): writes its table,
 * with the machine's load average, into docs/benchmarks.md between the validate-bench markers.
 * Import `runValidationBench` to collect the figures.
 *
 * Documents are realistic nested stacks: hosts → hypervisor → vms → kernels → engines →
 * containers with published ports and apps, plus AWS clouds with EC2 Docker hosts, ECS clusters
 * on Fargate and EKS clusters with pods — with a sprinkling of mistakes so that problems are built.
 */
import { pathToFileURL } from "node:url";
import type { StackDocument, StackNode } from "../src/domain/document.ts";
import { validate } from "../src/domain/rules/index.ts";
import {
  VALIDATE_MARKERS,
  benchContext,
  loadNow,
  validationSection,
  writeBenchSection,
} from "./perf/report.ts";

/** A document of exactly `n` nodes, listed parents first. */
export function benchDocument(n: number): StackDocument {
  const nodes: StackNode[] = [];
  let next = 0;
  const add = (
    kind: StackNode["kind"],
    parentId: string | undefined,
    props?: Record<string, unknown>,
  ): string => {
    const id = `n${next++}`;
    if (nodes.length < n)
      nodes.push({ id, kind, ...(parentId ? { parentId } : {}), ...(props ? { props } : {}) });
    return id;
  };
  const containers = (engineId: string, count: number, unit: number) => {
    for (let c = 0; c < count; c++) {
      // Every 50th unit publishes a clashing port; every 40th container is built for arm64.
      const hostPort = unit % 50 === 0 && c < 2 ? 8080 : 8000 + c;
      add("container", engineId, {
        image: `svc-${c}:1.${unit % 7}`,
        ports: [{ host: hostPort, container: 80 }, { container: 9000 + c }],
        ...((unit + c) % 40 === 0 ? { arch: "arm64" } : {}),
      });
    }
  };
  for (let unit = 0; nodes.length < n; unit++) {
    switch (unit % 4) {
      case 0:
      case 1: {
        // On-premises: a host with a type-1 hypervisor and four VMs running Docker.
        const h = add("physical-host", undefined, unit % 8 === 0 ? { arch: "arm64" } : undefined);
        const hv = add("hypervisor", h, { hypervisorType: "type1", product: "ESXi" });
        for (let v = 0; v < 4; v++) {
          const vmId = add("vm", hv);
          const k = add("kernel", vmId, { family: "linux", distro: v % 2 ? "Ubuntu" : "Debian" });
          add("server-app", k, { role: "web", product: "nginx", ports: [80, 443] });
          const e = add("container-engine", k, { product: "docker" });
          containers(e, 5, unit);
        }
        break;
      }
      case 2: {
        // AWS: EC2 Docker hosts and an ECS cluster on Fargate.
        const aws = add("cloud", undefined, { provider: "aws" });
        for (let i = 0; i < 3; i++) {
          const ec2 = add("vm", aws, { product: "EC2", image: "ami-0abc" });
          const k = add("kernel", ec2, { distro: "Amazon Linux" });
          const e = add("container-engine", k);
          containers(e, 4, unit);
        }
        const ecs = add("ecs-cluster", aws);
        const f = add("fargate", ecs);
        for (let t = 0; t < 4; t++) {
          const task = add("ecs-task", f, { taskDefinition: `web:${t}` });
          add("container", task, { image: "web:3" });
          add("container", task, { image: "sidecar:1" });
        }
        break;
      }
      default: {
        // EKS: managed control plane, worker nodes with containerd, pods.
        const aws = add("cloud", undefined);
        const eks = add("k8s-cluster", aws, { managed: "eks" });
        add("control-plane", eks);
        for (let w = 0; w < 3; w++) {
          const worker = add("vm", eks, { product: "EC2" });
          const k = add("kernel", worker);
          const rt = add("container-engine", k, { product: "containerd" });
          for (let p = 0; p < 3; p++) {
            const podId = add("pod", rt);
            add("container", podId, { image: "api:2", ports: [{ container: 8080 }] });
            if (p === 0) add("container", rt, { image: "stray:1" });
          }
        }
      }
    }
  }
  return { format: "stackdraw", version: 1, title: `bench ${n}`, nodes, edges: [] };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** One size's figures. */
export interface ValidationBenchRow {
  n: number;
  medianMs: number;
  p95Ms: number;
  /**
   * Median time, interleaved with the runs above, to fill a bare `Map` with the document's ids —
   * the floor any validator resolving `parentId`s pays. The ratio to it holds across machines and
   * loads (this machine's absolute figures swing several-fold when other work shares its 2 cores).
   */
  idMapFloorMs: number;
}

/** Median and p95 of full validation for 1,000, 5,000 and 50,000 nodes. */
export async function runValidationBench(): Promise<ValidationBenchRow[]> {
  const results: ValidationBenchRow[] = [];
  for (const [n, iterations] of [
    [1_000, 1_000],
    [5_000, 400],
    [50_000, 60],
  ] as const) {
    const doc = benchDocument(n);
    let sink = 0;
    for (let i = 0; i < Math.max(20, iterations / 5); i++) sink += validate(doc).length;
    const times: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      sink += validate(doc).length;
      const t1 = performance.now();
      const ids = new Map<string, number>();
      for (let k = 0; k < doc.nodes.length; k++) ids.set(doc.nodes[k]!.id, k);
      sink += ids.size;
      times.push(t1 - t0);
      floor.push(performance.now() - t1);
      // Let the event loop breathe so a long run does not starve timers of the importing runner.
      if (i % 100 === 99) await new Promise((r) => setImmediate(r));
    }
    if (sink < 0) console.log(sink);
    times.sort((a, b) => a - b);
    floor.sort((a, b) => a - b);
    results.push({
      n,
      medianMs: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      idMapFloorMs: quantile(floor, 0.5),
    });
  }
  return results;
}

/** Runs the bench and writes its table into docs/benchmarks.md between the validate-bench markers. */
async function main(): Promise<void> {
  const start = loadNow();
  const rows = await runValidationBench();
  const body = validationSection(rows, benchContext(start));
  writeBenchSection(VALIDATE_MARKERS, "## Full validation (Node, `bench/validate.ts`)", body);
}

// No top-level await: a runner may load this module through a CommonJS transform.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
