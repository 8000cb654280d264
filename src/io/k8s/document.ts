/**
 * Stage 4 of the Kubernetes importer, the document: a `k8s-cluster` (inside an AWS `cloud` when the
 * manifests say EKS) holding a control plane, a Linux worker node (`vm` → Linux kernel → containerd)
 * and, when a workload selects `kubernetes.io/os: windows`, a Windows worker; every workload a `pod`
 * on the worker its node selector picks (a DaemonSet on every worker it allows) holding its
 * containers; Services and Ingresses `k8s-service` nodes with `routes` edges; volumes with `mounts`
 * edges; NodePorts as listeners on every worker's kernel. Laid out with the stack layout.
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
import { clipLabel, clipNotes, clipText, uniqueId, type Report } from "../import/source.ts";
import type { K8sModel, K8sVolume, K8sWorkload } from "./model.ts";

export interface K8sOptions {
  /** The document's title; default "Kubernetes manifests". */
  title?: string;
  /** The language of the import report on the cluster's notes (default English). */
  lang?: Lang;
}

interface Worker {
  os: "linux" | "windows";
  vm: string;
  kernel: string;
  engine: string;
}

const WORKER_WORDS = {
  linux: { en: "Linux worker node", ko: "리눅스 워커 노드" },
  windows: { en: "Windows worker node", ko: "윈도우 워커 노드" },
} as const;

const sameNamespace = (a: string | undefined, b: string | undefined) => (a ?? "default") === (b ?? "default");

/** The document of a Kubernetes model; warnings about what could not be joined go to the objects' reports. */
export function k8sDocument(
  model: K8sModel,
  opts: K8sOptions = {},
): { document: StackDocument; nodeCount: number } {
  const lang = opts.lang ?? "en";
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
      ...(label !== undefined && label !== "" ? { label: clipLabel(label) } : {}),
    });

  let root: string | undefined;
  if (model.eks)
    root = add(nodeOf("cloud", uniqueId("aws", taken), { label: "AWS Cloud", props: { provider: "aws" } }));
  const cluster = add(
    nodeOf("k8s-cluster", uniqueId("cluster", taken), {
      ...(root !== undefined ? { parentId: root } : {}),
      label: model.eks ? "EKS cluster" : "Kubernetes cluster",
      props: { managed: model.eks ? "eks" : "self" },
    }),
  );
  add(
    nodeOf("control-plane", uniqueId("control-plane", taken), { parentId: cluster, label: "Control plane" }),
  );

  const workers: Worker[] = [];
  const worker = (os: "linux" | "windows"): Worker => {
    const vmId = uniqueId(`${os}-worker`, taken);
    const fields: Parameters<typeof nodeOf<"vm">>[2] = { parentId: cluster, label: WORKER_WORDS[os][lang] };
    // The manifests do not say what the nodes run on: a self-managed cluster's hypervisor is not drawn.
    if (!model.eks)
      fields.suppress = {
        "vm/needs-hypervisor":
          lang === "ko"
            ? "매니페스트는 노드가 무엇 위에서 도는지 말하지 않습니다"
            : "the manifests do not say what the nodes run on",
      };
    add(nodeOf("vm", vmId, fields));
    const kernel = add(
      nodeOf("kernel", uniqueId(`${vmId}-kernel`, taken), {
        parentId: vmId,
        label: os === "linux" ? "Linux" : "Windows Server",
        props: os === "linux" ? { family: "linux" } : { family: "windows", distro: "Windows Server" },
      }),
    );
    const engine = add(
      nodeOf("container-engine", uniqueId(`${vmId}-containerd`, taken), {
        parentId: kernel,
        label: "containerd",
        props: { product: "containerd" },
      }),
    );
    const w = { os, vm: vmId, kernel, engine };
    workers.push(w);
    return w;
  };
  const linux = worker("linux");
  const windows = model.workloads.some((w) => w.os === "windows") ? worker("windows") : undefined;

  // Volumes shared across pods: claims, ConfigMaps and Secrets in the cluster, host paths on a kernel.
  const shared = new Map<string, string>();
  const volumeNode = (v: K8sVolume, w: K8sWorkload, parent: string, scope: string): string => {
    const key = `${scope}\u0000${v.type}\u0000${v.source}`;
    const known = shared.get(key);
    if (known !== undefined) return known;
    const props: PropsOf<"volume"> = { source: clipText(v.source) };
    let label: string;
    switch (v.type) {
      case "pvc":
        label = `PVC ${v.source}`;
        props.volumeType = "volume";
        break;
      case "claimTemplate":
        label = `PVC ${v.source}-N`;
        props.volumeType = "volume";
        props.notes = `volumeClaimTemplate of StatefulSet ${w.name}: one claim per replica`;
        break;
      case "hostPath":
        label = v.source;
        props.volumeType = "bind";
        break;
      case "configMap":
        label = `ConfigMap ${v.source}`;
        props.volumeType = "volume";
        break;
      case "secret":
        label = `Secret ${v.source}`;
        props.volumeType = "volume";
        break;
      case "emptyDir":
        label = `emptyDir ${v.name}`;
        props.volumeType = v.memory ? "tmpfs" : "volume";
        break;
    }
    const id = add(
      nodeOf(
        "volume",
        uniqueId(`vol-${v.type === "hostPath" || v.type === "emptyDir" ? v.name : v.source}`, taken),
        { parentId: parent, label: clipLabel(label), props },
      ),
    );
    shared.set(key, id);
    return id;
  };

  // Workloads → pods on their workers.
  const podsOf = new Map<K8sWorkload, string[]>();
  const nodePorts = new Map<Worker, Set<number>>();
  for (const w of model.workloads) {
    let on: Worker[];
    if (w.kind === "DaemonSet") on = w.os === undefined ? workers : workers.filter((x) => x.os === w.os);
    else on = [w.os === "windows" && windows ? windows : linux];
    const pods: string[] = [];
    for (const wk of on) {
      const podId = uniqueId(on.length > 1 ? `${w.name}-${wk.os}` : w.name, taken);
      const props: PropsOf<"pod"> = {};
      if (w.namespace !== undefined) props.namespace = clipText(w.namespace);
      if (w.replicas !== undefined) props.replicas = w.replicas;
      props.notes = w.kind === "DaemonSet" ? "DaemonSet: one pod on every node" : w.kind;
      add(nodeOf("pod", podId, { parentId: wk.engine, label: clipLabel(w.name), props }));
      pods.push(podId);
      const volumes = new Map<string, string>();
      const volumeFor = (name: string): string | undefined => {
        const v = w.volumes.get(name);
        if (v === undefined) return undefined;
        let id = volumes.get(name);
        if (id === undefined) {
          const parent = v.type === "hostPath" ? wk.kernel : v.type === "emptyDir" ? podId : cluster;
          const scope =
            v.type === "hostPath" ? wk.kernel : v.type === "emptyDir" ? podId : (w.namespace ?? "default");
          id = volumeNode(v, w, parent, scope);
          volumes.set(name, id);
        }
        return id;
      };
      // Init containers first, as the pod runs them.
      for (const c of [...w.containers.filter((x) => x.init), ...w.containers.filter((x) => !x.init)]) {
        const props: PropsOf<"container"> = {};
        if (c.image !== undefined) props.image = clipText(c.image);
        if (wk.os === "windows" && w.os === "windows") props.os = "windows";
        if (w.arch !== undefined) props.arch = w.arch;
        if (c.ports.length > 0) props.ports = c.ports;
        if (w.hostNetwork) props.network = "host";
        const id = add(
          nodeOf("container", uniqueId(`${podId}-${c.name}`, taken), {
            parentId: podId,
            label: clipLabel(c.init ? `${c.name} (init)` : c.name),
            props,
          }),
        );
        for (const m of c.mounts) {
          const vol = volumeFor(m.volume);
          if (vol !== undefined) edge("mounts", id, vol, m.path);
        }
      }
      // Volumes no container mounts are still the pod's.
      for (const name of w.volumes.keys())
        if (!volumes.has(name)) {
          const vol = volumeFor(name);
          if (vol !== undefined) edge("mounts", podId, vol);
        }
    }
    podsOf.set(w, pods);
  }

  // Services and Ingresses.
  const serviceIds = new Map<string, string>();
  for (const s of model.services) {
    const props: PropsOf<"k8s-service"> = { serviceType: s.type };
    if (s.ports.length > 0) props.ports = s.ports;
    const notes: string[] = [];
    if (s.namespace !== undefined) notes.push(`namespace ${s.namespace}`);
    if (s.externalName !== undefined) notes.push(`externalName ${s.externalName}`);
    if (s.selector === undefined && s.type !== "ExternalName")
      notes.push("no selector: its endpoints are managed elsewhere");
    if (notes.length > 0) props.notes = clipNotes(notes.join("\n"));
    const id = add(
      nodeOf("k8s-service", uniqueId(`svc-${s.name}`, taken), {
        parentId: cluster,
        label: clipLabel(s.name),
        props,
      }),
    );
    serviceIds.set(`${s.namespace ?? "default"}\u0000${s.name}`, id);
    if (s.selector !== undefined && s.selector.size > 0) {
      let matched = false;
      for (const w of model.workloads) {
        if (!sameNamespace(w.namespace, s.namespace)) continue;
        if (![...s.selector].every(([k, v]) => w.labels.get(k) === v)) continue;
        matched = true;
        for (const pod of podsOf.get(w) ?? []) edge("routes", id, pod);
      }
      if (!matched) s.at.report.warn(s.at.path, s.at.offset, "k8sSelectsNothing", { service: s.name });
    }
    for (const p of s.ports)
      if (p.nodePort !== undefined && p.protocol !== "udp")
        for (const wk of workers)
          (nodePorts.get(wk) ?? nodePorts.set(wk, new Set()).get(wk)!).add(p.nodePort);
      else if (p.nodePort !== undefined)
        s.at.report.warn(s.at.path, s.at.offset, "importNotDrawn", {
          subject: `Service ${s.name}`,
          field: `UDP node port ${p.nodePort} as a listener`,
          reason: "unknown",
        });
  }
  for (const g of model.ingresses) {
    const id = add(
      nodeOf("k8s-service", uniqueId(`ingress-${g.name}`, taken), {
        parentId: cluster,
        label: clipLabel(g.hosts.length > 0 ? `${g.name}: ${g.hosts.join(", ")}` : g.name),
        props: {
          serviceType: "LoadBalancer",
          notes: `Ingress${g.namespace !== undefined ? ` (namespace ${g.namespace})` : ""}`,
        },
      }),
    );
    for (const name of g.services) {
      const target = serviceIds.get(`${g.namespace ?? "default"}\u0000${name}`);
      if (target !== undefined) edge("routes", id, target);
      else g.at.report.warn(g.at.path, g.at.offset, "k8sUnknownService", { ingress: g.name, service: name });
    }
  }
  // NodePorts: a listener on every worker's kernel (kube-proxy opens them there).
  for (const [wk, ports] of nodePorts)
    add(
      nodeOf("server-app", uniqueId(`${wk.vm}-node-ports`, taken), {
        parentId: wk.kernel,
        label: "kube-proxy (NodePorts)",
        props: { role: "proxy", product: "kube-proxy", ports: [...ports].sort((a, b) => a - b) },
      }),
    );

  const doc: StackDocument = {
    format: FORMAT,
    version: CURRENT_VERSION,
    title: clipLabel(opts.title ?? "Kubernetes manifests"),
    nodes,
    edges,
  };
  return { document: doc, nodeCount: nodes.length };
}

/** Writes the import report (what was not drawn) onto the cluster's notes, then lays the document out. */
export function finishK8sDocument(doc: StackDocument, report: readonly string[]): StackDocument {
  if (report.length === 0) return arrangeDocument(doc);
  const [title, ...lines] = report;
  const notes = clipNotes([title, ...lines.map((r) => `- ${r}`)].join("\n"));
  const nodes = doc.nodes.map((n) => (n.kind === "k8s-cluster" ? { ...n, props: { ...n.props, notes } } : n));
  return arrangeDocument({ ...doc, nodes });
}

export type { Report };
