/**
 * Stage 4 of the ECS importer, the document: an AWS `cloud` holding one `ecs-cluster`; each task
 * definition an `ecs-task` (its `family:revision` the task's `taskDefinition`) on what its launch
 * type says — Fargate capacity; an EC2 container instance (`vm` → Amazon Linux or Windows Server →
 * Docker Engine); an on-premises server of ECS Anywhere (`physical-host` → Linux → Docker) — with
 * its containers, their ports as the network mode publishes them, `network` edges for dependsOn
 * and links, volumes with `mounts` edges, and one ECR registry with `pulls` edges. Laid out.
 */
import { arrangeDocument } from "../../domain/geometry.ts";
import {
  CURRENT_VERSION,
  FORMAT,
  type StackDocument,
  type StackEdge,
  type StackNode,
} from "../../domain/document.ts";
import { nodeOf, type PropsOf } from "../../domain/kinds/nodes.ts";
import type { Lang } from "../../domain/kinds/props.ts";
import { clipLabel, clipNotes, clipText, uniqueId } from "../import/source.ts";
import type { EcsModel, EcsTask } from "./model.ts";

export interface EcsOptions {
  /** The document's title; default "ECS task definitions". */
  title?: string;
  /** The language of the import report on the cluster's notes (default English). */
  lang?: Lang;
}

/** `<account>.dkr.ecr.<region>.amazonaws.com/…` (and .com.cn; `${AWS::AccountId}`, `${AWS::Region}` of a template). */
export const ECR_IMAGE =
  /^(\d{12}|\$\{AWS::AccountId\})\.dkr\.ecr(-fips)?\.([a-z0-9-]+|\$\{AWS::Region\})\.amazonaws\.com(\.cn)?\//;

export function ecsDocument(model: EcsModel, opts: EcsOptions = {}): StackDocument {
  const taken = new Set<string>();
  const nodes: StackNode[] = [];
  const edges: StackEdge[] = [];
  const add = (n: StackNode) => (nodes.push(n), n.id);
  const edge = (kind: StackEdge["kind"], source: string, target: string, label?: string) =>
    edges.push({
      id: uniqueId(`${source}-${kind}-${target}`, taken),
      kind,
      source,
      target,
      ...(label ? { label: clipLabel(label) } : {}),
    });
  const cloud = add(
    nodeOf("cloud", uniqueId("aws", taken), { label: "AWS Cloud", props: { provider: "aws" } }),
  );
  const cluster = add(
    nodeOf("ecs-cluster", uniqueId("ecs-cluster", taken), { parentId: cloud, label: "ECS cluster" }),
  );
  let ecr: string | undefined;

  // Where tasks of each launch type (and OS) run, made when first needed and shared.
  const hosts = new Map<string, { parent: string; volumes: string }>();
  const hostFor = (t: EcsTask): { parent: string; volumes: string } => {
    const key = t.launchType === "FARGATE" ? "FARGATE" : `${t.launchType}/${t.os}`;
    const known = hosts.get(key);
    if (known) return known;
    let made: { parent: string; volumes: string };
    if (t.launchType === "FARGATE") {
      const id = add(nodeOf("fargate", uniqueId("fargate", taken), { parentId: cluster, label: "Fargate" }));
      made = { parent: id, volumes: id };
    } else {
      const external = t.launchType === "EXTERNAL";
      const machine = external
        ? add(
            nodeOf("physical-host", uniqueId("on-premises-server", taken), {
              parentId: cluster,
              label: "On-premises server (ECS Anywhere)",
            }),
          )
        : add(
            nodeOf(
              "vm",
              uniqueId(t.os === "windows" ? "windows-container-instance" : "container-instance", taken),
              {
                parentId: cluster,
                label: t.os === "windows" ? "EC2 container instance (Windows)" : "EC2 container instance",
                props: { product: "EC2" },
              },
            ),
          );
      const kernelProps: PropsOf<"kernel"> =
        t.os === "windows"
          ? { family: "windows", distro: "Windows Server" }
          : external
            ? { family: "linux" }
            : { family: "linux", distro: "Amazon Linux" };
      const kernel = add(
        nodeOf("kernel", uniqueId(`${machine}-kernel`, taken), {
          parentId: machine,
          label: t.os === "windows" ? "Windows Server" : external ? "Linux" : "Amazon Linux",
          props: kernelProps,
        }),
      );
      const engine = add(
        nodeOf("container-engine", uniqueId(`${machine}-docker`, taken), {
          parentId: kernel,
          label: "Docker Engine",
          props: { product: "docker" },
        }),
      );
      made = { parent: engine, volumes: engine };
    }
    hosts.set(key, made);
    return made;
  };

  for (const t of model.tasks) {
    const on = hostFor(t);
    const def = t.revision !== undefined ? `${t.family}:${t.revision}` : t.family;
    const notes = [`launch type ${t.launchType}`, `network mode ${t.networkMode}`];
    if (t.alsoCompatible.length > 0) notes.push(`also compatible with ${t.alsoCompatible.join(", ")}`);
    if (t.osFamily !== undefined) notes.push(`operating system family ${t.osFamily}`);
    const task = add(
      nodeOf("ecs-task", uniqueId(t.family, taken), {
        parentId: on.parent,
        label: clipLabel(t.family),
        props: { taskDefinition: clipText(def), notes: notes.join("\n") },
      }),
    );
    const volumes = new Map<string, string>();
    const volumeFor = (name: string): string | undefined => {
      const v = t.volumes.get(name);
      if (v === undefined) return undefined;
      let id = volumes.get(name);
      if (id === undefined) {
        const props: PropsOf<"volume"> = {
          source: clipText(v.source),
          volumeType: v.type === "bind" ? "bind" : "volume",
        };
        if (v.type === "efs") props.notes = "Amazon EFS";
        if (v.type === "task") props.notes = "task storage (bind mount without a host path)";
        id = add(
          nodeOf("volume", uniqueId(`${task}-${v.name}`, taken), {
            parentId:
              v.type === "efs" ? cloud : v.type === "task" || t.launchType === "FARGATE" ? task : on.volumes,
            label: clipLabel(v.type === "efs" ? `EFS ${v.source}` : v.type === "bind" ? v.source : v.name),
            props,
          }),
        );
        volumes.set(name, id);
      }
      return id;
    };
    const ids = new Map<string, string>();
    for (const c of t.containers) {
      const props: PropsOf<"container"> = {};
      if (c.image !== undefined) props.image = clipText(c.image);
      if (t.os === "windows") props.os = "windows";
      if (t.arch !== undefined) props.arch = t.arch;
      if (c.ports.length > 0) props.ports = c.ports;
      if (t.networkMode === "host") props.network = "host";
      if (t.networkMode === "none") props.network = "none";
      const cnotes: string[] = [];
      if (c.dynamicPorts.length > 0)
        cnotes.push(`dynamic host port for ${c.dynamicPorts.join(", ")} (the instance picks it)`);
      if (t.networkMode === "awsvpc" && c.ports.length > 0)
        cnotes.push("awsvpc: the ports are the task's own network interface");
      if (cnotes.length > 0) props.notes = clipNotes(cnotes.join("\n"));
      const id = add(
        nodeOf("container", uniqueId(`${task}-${c.name}`, taken), {
          parentId: task,
          label: clipLabel(c.essential ? c.name : `${c.name} (not essential)`),
          props,
        }),
      );
      ids.set(c.name, id);
      if (c.image !== undefined && ECR_IMAGE.test(c.image)) {
        ecr ??= add(
          nodeOf("registry", uniqueId("ecr", taken), {
            parentId: cloud,
            label: "Amazon ECR",
            props: { product: "ECR" },
          }),
        );
        edge("pulls", id, ecr);
      }
      for (const m of c.mounts) {
        const vol = volumeFor(m.volume);
        if (vol !== undefined) edge("mounts", id, vol, m.path);
      }
    }
    for (const c of t.containers) for (const n of c.needs) edge("network", ids.get(c.name)!, ids.get(n)!);
  }
  const doc: StackDocument = {
    format: FORMAT,
    version: CURRENT_VERSION,
    title: clipLabel(opts.title ?? "ECS task definitions"),
    nodes,
    edges,
  };
  return doc;
}

/** Writes the import report onto the cluster's notes, then lays the document out. */
export function finishEcsDocument(doc: StackDocument, report: readonly string[]): StackDocument {
  if (report.length === 0) return arrangeDocument(doc);
  const [title, ...lines] = report;
  const notes = clipNotes([title, ...lines.map((r) => `- ${r}`)].join("\n"));
  return arrangeDocument({
    ...doc,
    nodes: doc.nodes.map((n) => (n.kind === "ecs-cluster" ? { ...n, props: { ...n.props, notes } } : n)),
  });
}
