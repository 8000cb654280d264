/**
 * Stage 3 of the Kubernetes importer, the model: the located YAML documents of one or more files
 * become workloads (with their pod template: containers, init containers, ports, volumes, the
 * worker their node selector picks), Services, Ingresses, and the count of every other object by
 * kind. Fields of the wrong shape are errors with line:column and a key path; what the document
 * cannot hold is a warning.
 */
import { isIpAddress, isPortName } from "../../domain/kinds/prop-values.ts";
import type { PortMapping, ServicePort } from "../../domain/kinds/props.ts";
import { parseYamlDocuments, type YMap, type YValue } from "../compose/yaml.ts";
import {
  decodeSource,
  Fields,
  Report,
  scalarText,
  type ImportError,
  type ImportSource,
} from "../import/source.ts";
import type { ImportFound } from "../errors/types.ts";

/** The workload kinds drawn as pods, and where each keeps its pod template. */
export const WORKLOAD_KINDS = [
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "ReplicationController",
  "Job",
  "CronJob",
  "Pod",
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];
const isWorkloadKind = (k: string): k is WorkloadKind => (WORKLOAD_KINDS as readonly string[]).includes(k);

export interface K8sMount {
  volume: string;
  path: string;
}
export interface K8sContainer {
  name: string;
  image?: string;
  init: boolean;
  ports: PortMapping[];
  /** Named container ports (a Service's `targetPort` may name one). */
  portNames: Map<string, number>;
  mounts: K8sMount[];
}
export type K8sVolumeType = "pvc" | "hostPath" | "configMap" | "secret" | "emptyDir" | "claimTemplate";
export interface K8sVolume {
  name: string;
  type: K8sVolumeType;
  /** The claim, host path, ConfigMap or Secret name (never their data). */
  source: string;
  /** emptyDir with `medium: Memory`. */
  memory?: boolean;
}
export interface K8sWorkload {
  kind: WorkloadKind;
  name: string;
  namespace?: string;
  /** Undefined for a DaemonSet (one pod per worker). */
  replicas?: number;
  /** The pod template's labels (what Services select). */
  labels: Map<string, string>;
  /** The OS its node selector (or required node affinity) picks, if it picks one. */
  os?: "linux" | "windows";
  /** `kubernetes.io/arch` of its node selector. */
  arch?: "x86_64" | "arm64";
  hostNetwork: boolean;
  containers: K8sContainer[];
  volumes: Map<string, K8sVolume>;
  /** Volumes of the pod that are not drawn (already reported): mounts of them are left out quietly. */
  undrawn: Set<string>;
}
export interface K8sService {
  name: string;
  namespace?: string;
  type: "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";
  /** Undefined: no selector (its endpoints are managed elsewhere). */
  selector?: Map<string, string>;
  ports: ServicePort[];
  externalName?: string;
  /** Where the object starts, for warnings about it. */
  at: { report: Report; offset: number; path: string };
}
export interface K8sIngress {
  name: string;
  namespace?: string;
  hosts: string[];
  services: string[];
  at: { report: Report; offset: number; path: string };
}
export interface K8sModel {
  workloads: K8sWorkload[];
  services: K8sService[];
  ingresses: K8sIngress[];
  /** Every other object, by kind, with how many (in the order first seen). */
  notDrawn: Map<string, number>;
  /** The manifests say EKS (an `eks.amazonaws.com/*` annotation, label or node selector). */
  eks: boolean;
}

export type K8sModelResult =
  /** `reports`: one per file; the document stage adds its warnings to them. */
  { ok: true; model: K8sModel; reports: Report[] } | { ok: false; errors: ImportError[] };

const SERVICE_TYPES = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"] as const;
const OS_KEYS = ["kubernetes.io/os", "beta.kubernetes.io/os"];
const ARCH_KEYS = ["kubernetes.io/arch", "beta.kubernetes.io/arch"];
const ARCH: Record<string, "x86_64" | "arm64"> = {
  amd64: "x86_64",
  x86_64: "x86_64",
  arm64: "arm64",
  aarch64: "arm64",
};

/** What a top-level mapping that is not a Kubernetes object looks like, if it is another format's. */
export function otherFormat(m: YMap): ImportFound | undefined {
  if (m.entries.has("kind") && m.entries.has("apiVersion")) return undefined;
  const format = scalarText(m.entries.get("format"));
  if (format === "stackdraw") return "stackdraw";
  if (m.entries.has("containerDefinitions") || m.entries.has("taskDefinition") || m.entries.has("Resources"))
    return "ecs";
  if (m.entries.has("services") && !m.entries.has("kind")) return "compose";
  return undefined;
}

class Reader {
  readonly model: K8sModel = { workloads: [], services: [], ingresses: [], notDrawn: new Map(), eks: false };
  private f!: Fields;
  private report!: Report;

  file(report: Report): void {
    this.report = report;
    this.f = new Fields(report);
  }

  object(v: YValue, path: string, depth = 0): void {
    if (v.t !== "map") {
      this.report.error(path, v, "k8sNotObject", { actual: v.t });
      return;
    }
    const found = otherFormat(v);
    if (found !== undefined) {
      this.report.error(path, v, "importWrongImporter", { format: "k8s", found });
      return;
    }
    const kind = this.f.text(v, "kind", path);
    if (kind === undefined) {
      if (!v.entries.has("kind")) this.report.error(path, v, "k8sNoKind", {});
      return;
    }
    const items = v.entries.get("items");
    if (kind.endsWith("List") && items !== undefined && depth < 4) {
      const list = this.f.seq(v, "items", path);
      list?.items.forEach((item, i) => this.object(item, `${path}.items[${i}]`, depth + 1));
      return;
    }
    const meta = this.f.map(v, "metadata", path);
    const mpath = `${path}.metadata`;
    this.noticeEks(meta, mpath);
    const name =
      this.f.text(meta, "name", mpath) ?? this.f.text(meta, "generateName", mpath) ?? kind.toLowerCase();
    const namespace = this.f.text(meta, "namespace", mpath);
    if (isWorkloadKind(kind)) this.workload(v, path, kind, name, namespace);
    else if (kind === "Service") this.service(v, path, name, namespace);
    else if (kind === "Ingress") this.ingress(v, path, name, namespace);
    else this.model.notDrawn.set(kind, (this.model.notDrawn.get(kind) ?? 0) + 1);
  }

  private noticeEks(meta: YMap | undefined, path: string): void {
    if (this.model.eks) return;
    for (const key of ["annotations", "labels"]) {
      const m = this.f.map(meta, key, path);
      if (m !== undefined)
        for (const k of m.entries.keys()) if (k.startsWith("eks.amazonaws.com/")) this.model.eks = true;
    }
  }

  private workload(
    v: YMap,
    path: string,
    kind: WorkloadKind,
    name: string,
    namespace: string | undefined,
  ): void {
    const spec = this.f.map(v, "spec", path);
    let specPath = `${path}.spec`;
    let replicas: number | undefined = 1;
    let template: YMap | undefined;
    let templatePath = `${specPath}.template`;
    let podSpec: YMap | undefined;
    let podSpecPath: string;
    let labels: Map<string, string>;
    if (kind === "Pod") {
      podSpec = spec;
      podSpecPath = specPath;
      labels = this.f.stringMap(this.f.map(v, "metadata", path), "labels", `${path}.metadata`);
    } else {
      let outer = spec;
      if (kind === "CronJob") {
        const jt = this.f.map(spec, "jobTemplate", specPath);
        specPath = `${specPath}.jobTemplate.spec`;
        outer = this.f.map(jt, "spec", `${path}.spec.jobTemplate`);
        templatePath = `${specPath}.template`;
      }
      if (kind === "DaemonSet") replicas = undefined;
      else if (kind === "Job" || kind === "CronJob")
        replicas = this.f.count(outer, "parallelism", specPath) ?? 1;
      else replicas = this.f.count(outer, "replicas", specPath) ?? 1;
      template = this.f.map(outer, "template", specPath);
      const tmeta = this.f.map(template, "metadata", templatePath);
      this.noticeEks(tmeta, `${templatePath}.metadata`);
      labels = this.f.stringMap(tmeta, "labels", `${templatePath}.metadata`);
      podSpec = this.f.map(template, "spec", templatePath);
      podSpecPath = `${templatePath}.spec`;
    }
    const w: K8sWorkload = {
      kind,
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(replicas !== undefined ? { replicas } : {}),
      labels,
      hostNetwork: this.f.bool(podSpec, "hostNetwork", podSpecPath) ?? false,
      containers: [],
      volumes: new Map(),
      undrawn: new Set(),
    };
    this.placement(podSpec, podSpecPath, w);
    const vols = this.f.seq(podSpec, "volumes", podSpecPath);
    vols?.items.forEach((item, i) => this.volume(item, `${podSpecPath}.volumes[${i}]`, w));
    if (kind === "StatefulSet") {
      const claims = this.f.seq(spec, "volumeClaimTemplates", `${path}.spec`);
      claims?.items.forEach((item, i) => {
        const p = `${path}.spec.volumeClaimTemplates[${i}]`;
        if (item.t !== "map")
          return this.report.error(p, item, "importFieldInvalid", {
            field: "volumeClaimTemplates",
            expected: "map",
            actual: item.t,
          });
        const n = this.f.text(this.f.map(item, "metadata", p), "name", `${p}.metadata`);
        if (n !== undefined) w.volumes.set(n, { name: n, type: "claimTemplate", source: `${n}-${name}` });
      });
    }
    for (const key of ["initContainers", "containers"] as const) {
      const list = this.f.seq(podSpec, key, podSpecPath);
      list?.items.forEach((item, i) =>
        this.container(item, `${podSpecPath}.${key}[${i}]`, key === "initContainers", w),
      );
    }
    if (podSpec !== undefined && this.f.get(podSpec, "containers") === undefined)
      this.report.warn(podSpecPath, podSpec, "importNotDrawn", {
        subject: `${kind} ${name}`,
        field: "containers",
        reason: "unknown",
      });
    this.model.workloads.push(w);
  }

  /** The OS and arch the pod's node selector, or its required node affinity, picks. */
  private placement(podSpec: YMap | undefined, path: string, w: K8sWorkload): void {
    const sel = this.f.stringMap(podSpec, "nodeSelector", path);
    for (const [k, val] of sel) {
      if (k.startsWith("eks.amazonaws.com/")) this.model.eks = true;
      if (OS_KEYS.includes(k) && (val === "windows" || val === "linux")) w.os = val;
      if (ARCH_KEYS.includes(k) && ARCH[val] !== undefined) w.arch = ARCH[val];
    }
    const affinity = this.f.map(this.f.map(podSpec, "affinity", path), "nodeAffinity", `${path}.affinity`);
    const req = this.f.map(
      affinity,
      "requiredDuringSchedulingIgnoredDuringExecution",
      `${path}.affinity.nodeAffinity`,
    );
    const terms = this.f.seq(
      req,
      "nodeSelectorTerms",
      `${path}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`,
    );
    const oses = new Set<string>();
    for (const t of terms?.items ?? []) {
      if (t.t !== "map") continue;
      const exprs = t.entries.get("matchExpressions");
      if (exprs?.t !== "seq") continue;
      for (const e of exprs.items) {
        if (e.t !== "map" || !OS_KEYS.includes(scalarText(e.entries.get("key")) ?? "")) continue;
        if (scalarText(e.entries.get("operator")) !== "In") continue;
        const values = e.entries.get("values");
        if (values?.t === "seq") for (const x of values.items) oses.add(scalarText(x) ?? "");
      }
    }
    if (w.os === undefined && oses.size === 1) {
      const os = [...oses][0];
      if (os === "windows" || os === "linux") w.os = os;
    }
  }

  private volume(v: YValue, path: string, w: K8sWorkload): void {
    if (v.t !== "map") {
      this.report.error(path, v, "importFieldInvalid", { field: "volumes", expected: "map", actual: v.t });
      return;
    }
    const name = this.f.text(v, "name", path);
    if (name === undefined) return;
    const sub = (key: string) => this.f.map(v, key, path);
    let vol: K8sVolume | undefined;
    const pvc = sub("persistentVolumeClaim");
    const host = sub("hostPath");
    const cm = sub("configMap");
    const secret = sub("secret");
    if (pvc !== undefined) {
      const claim = this.f.text(pvc, "claimName", `${path}.persistentVolumeClaim`);
      vol = { name, type: "pvc", source: claim ?? name };
    } else if (host !== undefined) {
      vol = { name, type: "hostPath", source: this.f.text(host, "path", `${path}.hostPath`) ?? name };
    } else if (cm !== undefined) {
      vol = { name, type: "configMap", source: this.f.text(cm, "name", `${path}.configMap`) ?? name };
    } else if (secret !== undefined) {
      vol = { name, type: "secret", source: this.f.text(secret, "secretName", `${path}.secret`) ?? name };
    } else if (v.entries.has("emptyDir")) {
      const ed = this.f.map(v, "emptyDir", path);
      const memory = this.f.text(ed, "medium", `${path}.emptyDir`) === "Memory";
      vol = { name, type: "emptyDir", source: name, ...(memory ? { memory } : {}) };
    }
    if (vol !== undefined) w.volumes.set(name, vol);
    else {
      const type = [...v.entries.keys()].find((k) => k !== "name") ?? "volume";
      w.undrawn.add(name);
      this.report.warn(path, v, "importNotDrawn", {
        subject: `${w.kind} ${w.name}`,
        field: `volume ${name} (${type})`,
      });
    }
  }

  private container(v: YValue, path: string, init: boolean, w: K8sWorkload): void {
    if (v.t !== "map") {
      this.report.error(path, v, "importFieldInvalid", {
        field: init ? "initContainers" : "containers",
        expected: "map",
        actual: v.t,
      });
      return;
    }
    const name = this.f.text(v, "name", path) ?? `container-${w.containers.length + 1}`;
    const image = this.f.text(v, "image", path);
    const c: K8sContainer = {
      name,
      init,
      ports: [],
      portNames: new Map(),
      mounts: [],
      ...(image !== undefined ? { image } : {}),
    };
    const ports = this.f.seq(v, "ports", path);
    ports?.items.forEach((p, i) => {
      const pp = `${path}.ports[${i}]`;
      if (p.t !== "map")
        return this.report.error(pp, p, "importFieldInvalid", {
          field: "ports",
          expected: "map",
          actual: p.t,
        });
      const container = this.f.port(p, "containerPort", pp);
      const host = this.f.port(p, "hostPort", pp);
      const protocol = (this.f.text(p, "protocol", pp) ?? "TCP").toUpperCase();
      const hostIp = this.f.text(p, "hostIP", pp);
      const portName = this.f.text(p, "name", pp);
      if (container === undefined) return;
      if (protocol === "SCTP") {
        this.report.warn(pp, p, "importNotDrawn", {
          subject: `container ${name}`,
          field: `port ${container}`,
          reason: "sctp",
        });
        return;
      }
      const m: PortMapping = { container };
      if (host !== undefined) m.host = host;
      else if (w.hostNetwork) m.host = container;
      if (protocol === "UDP") m.protocol = "udp";
      if (hostIp !== undefined && host !== undefined) {
        if (isIpAddress(hostIp)) m.hostIp = hostIp;
        else
          this.report.warn(`${pp}.hostIP`, p, "importNotDrawn", {
            subject: `container ${name}`,
            field: `hostIP ${hostIp}`,
            reason: "unknown",
          });
      }
      if (portName !== undefined && isPortName(portName)) c.portNames.set(portName, container);
      c.ports.push(m);
    });
    const mounts = this.f.seq(v, "volumeMounts", path);
    mounts?.items.forEach((m, i) => {
      const mp = `${path}.volumeMounts[${i}]`;
      if (m.t !== "map")
        return this.report.error(mp, m, "importFieldInvalid", {
          field: "volumeMounts",
          expected: "map",
          actual: m.t,
        });
      const vol = this.f.text(m, "name", mp);
      const at = this.f.text(m, "mountPath", mp);
      if (vol === undefined) return;
      if (w.undrawn.has(vol)) return;
      if (!w.volumes.has(vol)) {
        this.report.warn(mp, m, "k8sUnknownVolume", { container: name, volume: vol });
        return;
      }
      c.mounts.push({ volume: vol, path: at ?? "" });
    });
    // env and envFrom are never read: environment values can hold secrets.
    w.containers.push(c);
  }

  private service(v: YMap, path: string, name: string, namespace: string | undefined): void {
    const spec = this.f.map(v, "spec", path);
    const sp = `${path}.spec`;
    const typeText = this.f.text(spec, "type", sp) ?? "ClusterIP";
    const type = (SERVICE_TYPES as readonly string[]).includes(typeText)
      ? (typeText as K8sService["type"])
      : "ClusterIP";
    if (type !== typeText)
      this.report.warn(`${sp}.type`, this.f.get(spec, "type"), "importNotDrawn", {
        subject: `Service ${name}`,
        field: `type ${typeText}`,
        reason: "unknown",
      });
    const selector =
      this.f.get(spec, "selector") !== undefined ? this.f.stringMap(spec, "selector", sp) : undefined;
    const ports: ServicePort[] = [];
    this.f.seq(spec, "ports", sp)?.items.forEach((p, i) => {
      const pp = `${sp}.ports[${i}]`;
      if (p.t !== "map")
        return this.report.error(pp, p, "importFieldInvalid", {
          field: "ports",
          expected: "map",
          actual: p.t,
        });
      const port = this.f.port(p, "port", pp);
      const nodePort = this.f.port(p, "nodePort", pp);
      const protocol = (this.f.text(p, "protocol", pp) ?? "TCP").toUpperCase();
      const tv = this.f.get(p, "targetPort");
      if (port === undefined) return;
      if (protocol === "SCTP") {
        this.report.warn(pp, p, "importNotDrawn", {
          subject: `Service ${name}`,
          field: `port ${port}`,
          reason: "sctp",
        });
        return;
      }
      const sport: ServicePort = { port };
      if (tv !== undefined) {
        const t = scalarText(tv);
        if (
          tv.t === "scalar" &&
          typeof tv.value === "number" &&
          Number.isInteger(tv.value) &&
          tv.value >= 1 &&
          tv.value <= 65535
        )
          sport.targetPort = tv.value;
        else if (t !== undefined && /^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 65535)
          sport.targetPort = Number(t);
        else if (isPortName(t)) sport.targetPort = t;
        else
          this.report.error(`${pp}.targetPort`, tv, "importFieldInvalid", {
            field: "targetPort",
            expected: "port",
            actual: tv.t,
          });
      }
      if (nodePort !== undefined) sport.nodePort = nodePort;
      else if (type === "NodePort" || type === "LoadBalancer")
        this.report.warn(pp, p, "importNotDrawn", {
          subject: `Service ${name}`,
          field: `nodePort of port ${port}`,
          reason: "random",
        });
      if (protocol === "UDP") sport.protocol = "udp";
      ports.push(sport);
    });
    const externalName = this.f.text(spec, "externalName", sp);
    this.model.services.push({
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      type,
      ...(selector !== undefined ? { selector } : {}),
      ports,
      ...(externalName !== undefined ? { externalName } : {}),
      at: { report: this.report, offset: v.offset, path },
    });
  }

  private ingress(v: YMap, path: string, name: string, namespace: string | undefined): void {
    const spec = this.f.map(v, "spec", path);
    const sp = `${path}.spec`;
    const hosts: string[] = [];
    const services: string[] = [];
    const backend = (b: YMap | undefined, bp: string) => {
      if (b === undefined) return;
      const svc = this.f.map(b, "service", bp);
      const n =
        svc !== undefined ? this.f.text(svc, "name", `${bp}.service`) : this.f.text(b, "serviceName", bp);
      if (n !== undefined && !services.includes(n)) services.push(n);
    };
    backend(this.f.map(spec, "defaultBackend", sp), `${sp}.defaultBackend`);
    backend(this.f.map(spec, "backend", sp), `${sp}.backend`);
    this.f.seq(spec, "rules", sp)?.items.forEach((r, i) => {
      const rp = `${sp}.rules[${i}]`;
      if (r.t !== "map")
        return this.report.error(rp, r, "importFieldInvalid", {
          field: "rules",
          expected: "map",
          actual: r.t,
        });
      const host = this.f.text(r, "host", rp);
      if (host !== undefined && !hosts.includes(host)) hosts.push(host);
      const http = this.f.map(r, "http", rp);
      this.f.seq(http, "paths", `${rp}.http`)?.items.forEach((p, j) => {
        const pp = `${rp}.http.paths[${j}]`;
        if (p.t !== "map")
          return this.report.error(pp, p, "importFieldInvalid", {
            field: "paths",
            expected: "map",
            actual: p.t,
          });
        backend(this.f.map(p, "backend", pp), `${pp}.backend`);
      });
    });
    this.model.ingresses.push({
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      hosts,
      services,
      at: { report: this.report, offset: v.offset, path },
    });
  }
}

/** Reads the files' objects; the first file with errors stops the import. */
export function readK8s(sources: readonly ImportSource[]): K8sModelResult {
  const reader = new Reader();
  const several = sources.length > 1;
  let objects = 0;
  const reports: Report[] = [];
  for (const src of sources) {
    const file = several ? src.name : undefined;
    const decoded = decodeSource(src.data, "k8s");
    const withFile = (e: ImportError): ImportError => (file !== undefined ? { ...e, file } : e);
    if (!decoded.ok) return { ok: false, errors: [withFile(decoded.error)] };
    const parsed = parseYamlDocuments(decoded.text);
    if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => withFile(e)) };
    const report = new Report(parsed.lineCounter, file);
    reports.push(report);
    reader.file(report);
    const docs = parsed.values;
    docs.forEach((d, i) => {
      if (d === null || (d.t === "scalar" && d.value === null)) return; // an empty document (a Helm `# Source:` alone)
      objects++;
      reader.object(d, docs.length > 1 ? `$[${i}]` : "$");
    });
    if (report.errors.length > 0) return { ok: false, errors: report.errors };
  }
  if (objects === 0)
    return { ok: false, errors: [{ path: "$", code: "importEmpty", params: { format: "k8s" } }] };
  return { ok: true, model: reader.model, reports };
}
