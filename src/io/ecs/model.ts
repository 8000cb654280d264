/**
 * Stage 3 of the ECS importer, the model: each file's task definitions — a registered task
 * definition, `aws ecs describe-task-definition` output, or the `AWS::ECS::TaskDefinition`
 * resources of a CloudFormation (or CDK synthesized) template, whose keys are PascalCase — with
 * their launch type, network mode, platform, containers, port mappings, dependencies and volumes.
 */
import type { PortMapping } from "../../domain/kinds/props.ts";
import { parseYaml, type YMap, type YValue } from "../compose/yaml.ts";
import {
  decodeSource,
  Fields,
  Report,
  scalarText,
  type ImportError,
  type ImportSource,
} from "../import/source.ts";
import { otherFormat } from "../k8s/model.ts";

export type LaunchType = "FARGATE" | "EC2" | "EXTERNAL";
export type NetworkMode = "awsvpc" | "bridge" | "host" | "none";

export interface EcsContainer {
  name: string;
  image?: string;
  /** The image came from a CloudFormation expression (Fn::Sub), as written. */
  imageExpression?: boolean;
  essential: boolean;
  ports: PortMapping[];
  /** Port mappings whose host port the instance picks (bridge, hostPort 0 or absent). */
  dynamicPorts: number[];
  needs: string[];
  mounts: { volume: string; path: string }[];
}
export interface EcsVolume {
  name: string;
  type: "bind" | "volume" | "efs" | "task";
  source: string;
}
export interface EcsTask {
  family: string;
  revision?: number;
  launchType: LaunchType;
  /** The other launch types it is compatible with. */
  alsoCompatible: LaunchType[];
  networkMode: NetworkMode;
  os: "linux" | "windows";
  osFamily?: string;
  arch?: "x86_64" | "arm64";
  containers: EcsContainer[];
  volumes: Map<string, EcsVolume>;
}
export interface EcsModel {
  tasks: EcsTask[];
}
export type EcsModelResult =
  { ok: true; model: EcsModel; reports: Report[] } | { ok: false; errors: ImportError[] };

const LAUNCH: readonly LaunchType[] = ["FARGATE", "EC2", "EXTERNAL"];
const MODES: readonly NetworkMode[] = ["awsvpc", "bridge", "host", "none"];
const ARCH: Record<string, "x86_64" | "arm64"> = { X86_64: "x86_64", ARM64: "arm64" };

/** `containerDefinitions` or `ContainerDefinitions`: the template's PascalCase spelling too. */
const pascal = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);

class Reader {
  readonly tasks: EcsTask[] = [];
  private f: Fields;
  constructor(private readonly report: Report) {
    this.f = new Fields(report);
  }
  /** The key as written in `m`: camelCase, the template's PascalCase, or any other case (EFSVolumeConfiguration). */
  private key(m: YMap | undefined, k: string): string {
    if (m === undefined || m.entries.has(k)) return k;
    if (m.entries.has(pascal(k))) return pascal(k);
    const lower = k.toLowerCase();
    for (const key of m.entries.keys()) if (key.toLowerCase() === lower) return key;
    return k;
  }
  private get(m: YMap | undefined, k: string) {
    return this.f.get(m, this.key(m, k));
  }
  private text(m: YMap | undefined, k: string, path: string) {
    return this.f.text(m, this.key(m, k), path);
  }
  private seq(m: YMap | undefined, k: string, path: string) {
    return this.f.seq(m, this.key(m, k), path);
  }
  private map(m: YMap | undefined, k: string, path: string) {
    return this.f.map(m, this.key(m, k), path);
  }
  private p(path: string, m: YMap | undefined, k: string): string {
    const key = this.key(m, k);
    return path === "$" ? key : `${path}.${key}`;
  }

  file(root: YValue | null): void {
    if (root === null || root.t !== "map") {
      this.report.error("$", root ?? undefined, "ecsNotTaskDefinition", {});
      return;
    }
    const found = otherFormat(root);
    if (found === "compose" || found === "stackdraw") {
      this.report.error("$", root, "importWrongImporter", { format: "ecs", found });
      return;
    }
    if (root.entries.has("kind") && root.entries.has("apiVersion")) {
      this.report.error("$", root, "importWrongImporter", {
        format: "ecs",
        found: "k8s",
        kind: scalarText(root.entries.get("kind")) ?? "",
      });
      return;
    }
    const described = this.f.map(root, "taskDefinition", "$");
    if (described !== undefined) return this.task(described, "taskDefinition");
    const resources = this.f.map(root, "Resources", "$");
    if (resources !== undefined) {
      let n = 0;
      for (const [name, r] of resources.entries) {
        if (r.t !== "map" || scalarText(r.entries.get("Type")) !== "AWS::ECS::TaskDefinition") continue;
        n++;
        const props = this.f.map(r, "Properties", `Resources.${name}`);
        this.task(props, `Resources.${name}.Properties`, name);
      }
      if (n === 0) this.report.error("Resources", resources, "ecsNoTaskDefinitions", {});
      return;
    }
    if (root.entries.has("containerDefinitions") || root.entries.has("ContainerDefinitions"))
      return this.task(root, "$");
    this.report.error("$", root, "ecsNotTaskDefinition", {});
  }

  private task(m: YMap | undefined, path: string, logicalId?: string): void {
    if (m === undefined) return;
    const family = this.text(m, "family", path) ?? logicalId ?? "task";
    const revision = this.f.count(m, this.key(m, "revision"), path);
    const compat = this.seq(m, "requiresCompatibilities", path);
    const launch: LaunchType[] = [];
    compat?.items.forEach((v, i) => {
      const t = scalarText(v)?.toUpperCase();
      if (t !== undefined && (LAUNCH as readonly string[]).includes(t)) launch.push(t as LaunchType);
      else
        this.report.warn(`${this.p(path, m, "requiresCompatibilities")}[${i}]`, v, "importNotDrawn", {
          subject: `task ${family}`,
          field: `requiresCompatibilities ${scalarText(v) ?? ""}`,
          reason: "unknown",
        });
    });
    const launchType = launch[0] ?? "EC2";
    const modeText = this.text(m, "networkMode", path);
    let networkMode: NetworkMode = launchType === "FARGATE" ? "awsvpc" : "bridge";
    if (modeText !== undefined) {
      if ((MODES as readonly string[]).includes(modeText)) networkMode = modeText as NetworkMode;
      else
        this.report.warn(this.p(path, m, "networkMode"), this.get(m, "networkMode"), "importNotDrawn", {
          subject: `task ${family}`,
          field: `networkMode ${modeText}`,
          reason: "unknown",
        });
    }
    const rp = this.map(m, "runtimePlatform", path);
    const rpp = this.p(path, m, "runtimePlatform");
    const osFamily = this.text(rp, "operatingSystemFamily", rpp);
    const cpu = this.text(rp, "cpuArchitecture", rpp);
    const task: EcsTask = {
      family,
      ...(revision !== undefined ? { revision } : {}),
      launchType,
      alsoCompatible: launch.slice(1),
      networkMode,
      os: osFamily?.toUpperCase().startsWith("WINDOWS") ? "windows" : "linux",
      ...(osFamily !== undefined ? { osFamily } : {}),
      ...(cpu !== undefined && ARCH[cpu.toUpperCase()] ? { arch: ARCH[cpu.toUpperCase()] } : {}),
      containers: [],
      volumes: new Map(),
    };
    const vp = this.p(path, m, "volumes");
    this.seq(m, "volumes", path)?.items.forEach((v, i) => {
      const at = `${vp}[${i}]`;
      if (v.t !== "map")
        return this.report.error(at, v, "importFieldInvalid", {
          field: "volumes",
          expected: "map",
          actual: v.t,
        });
      const name = this.text(v, "name", at);
      if (name === undefined) return;
      const host = this.map(v, "host", at);
      const src = this.text(host, "sourcePath", this.p(at, v, "host"));
      const efs = this.map(v, "efsVolumeConfiguration", at);
      const docker = this.map(v, "dockerVolumeConfiguration", at);
      if (src !== undefined) task.volumes.set(name, { name, type: "bind", source: src });
      else if (efs !== undefined)
        task.volumes.set(name, {
          name,
          type: "efs",
          source: this.text(efs, "fileSystemId", this.p(at, v, "efsVolumeConfiguration")) ?? name,
        });
      else if (docker !== undefined) task.volumes.set(name, { name, type: "volume", source: name });
      else {
        const other = [...v.entries.keys()].find((k) => !/^name$/i.test(k) && !/^host$/i.test(k));
        if (other !== undefined)
          this.report.warn(at, v, "importNotDrawn", {
            subject: `task ${family}`,
            field: `volume ${name} (${other})`,
          });
        else task.volumes.set(name, { name, type: "task", source: name });
      }
    });
    const cp = this.p(path, m, "containerDefinitions");
    const defs = this.seq(m, "containerDefinitions", path);
    if (defs === undefined && this.get(m, "containerDefinitions") === undefined)
      this.report.error(path, m, "ecsNotTaskDefinition", {});
    defs?.items.forEach((c, i) => this.container(c, `${cp}[${i}]`, task));
    const names = new Set(task.containers.map((c) => c.name));
    for (const c of task.containers)
      c.needs = c.needs.filter((n) => {
        if (names.has(n) && n !== c.name) return true;
        this.report.warn(`${cp}`, defs, "ecsUnknownContainer", { container: c.name, name: n });
        return false;
      });
    for (const key of ["proxyConfiguration", "inferenceAccelerators", "placementConstraints"])
      if (this.get(m, key) !== undefined)
        this.report.warn(this.p(path, m, key), this.get(m, key), "importNotDrawn", {
          subject: `task ${family}`,
          field: key,
          reason: "unknown",
        });
    this.tasks.push(task);
  }

  private container(v: YValue, path: string, task: EcsTask): void {
    if (v.t !== "map") {
      this.report.error(path, v, "importFieldInvalid", {
        field: "containerDefinitions",
        expected: "map",
        actual: v.t,
      });
      return;
    }
    const name = this.text(v, "name", path) ?? `container-${task.containers.length + 1}`;
    const c: EcsContainer = { name, essential: true, ports: [], dynamicPorts: [], needs: [], mounts: [] };
    const img = this.get(v, "image");
    if (img !== undefined) {
      if (img.t === "scalar") c.image = scalarText(img);
      else if (img.t === "map" && scalarText(img.entries.get("Fn::Sub")) !== undefined) {
        c.image = scalarText(img.entries.get("Fn::Sub"));
        c.imageExpression = true;
        this.report.warn(this.p(path, v, "image"), img, "importNotDrawn", {
          subject: `container ${name}`,
          field: "image (Fn::Sub, drawn as written)",
          reason: "expression",
        });
      } else
        this.report.warn(this.p(path, v, "image"), img, "importNotDrawn", {
          subject: `container ${name}`,
          field: "image",
          reason: "expression",
        });
    }
    c.essential = this.f.bool(v, this.key(v, "essential"), path) ?? true;
    const pp = this.p(path, v, "portMappings");
    this.seq(v, "portMappings", path)?.items.forEach((p, i) => {
      const at = `${pp}[${i}]`;
      if (p.t !== "map")
        return this.report.error(at, p, "importFieldInvalid", {
          field: "portMappings",
          expected: "map",
          actual: p.t,
        });
      const container = this.f.port(p, this.key(p, "containerPort"), at);
      const hostV = this.get(p, "hostPort");
      const host =
        hostV !== undefined && scalarText(hostV) === "0" ? 0 : this.f.port(p, this.key(p, "hostPort"), at);
      const protocol = this.text(p, "protocol", at)?.toLowerCase();
      if (container === undefined) return;
      const m: PortMapping = { container };
      if (protocol === "udp") m.protocol = "udp";
      if (task.networkMode === "host") m.host = host || container;
      else if (task.networkMode === "bridge") {
        if (host) m.host = host;
        else c.dynamicPorts.push(container);
      }
      c.ports.push(m);
    });
    const dp = this.p(path, v, "dependsOn");
    this.seq(v, "dependsOn", path)?.items.forEach((d, i) => {
      const n = d.t === "map" ? this.text(d, "containerName", `${dp}[${i}]`) : undefined;
      if (n !== undefined && !c.needs.includes(n)) c.needs.push(n);
    });
    this.seq(v, "links", path)?.items.forEach((l) => {
      const n = scalarText(l)?.split(":")[0];
      if (n !== undefined && n !== "" && !c.needs.includes(n)) c.needs.push(n);
    });
    const mp = this.p(path, v, "mountPoints");
    this.seq(v, "mountPoints", path)?.items.forEach((x, i) => {
      const at = `${mp}[${i}]`;
      if (x.t !== "map")
        return this.report.error(at, x, "importFieldInvalid", {
          field: "mountPoints",
          expected: "map",
          actual: x.t,
        });
      const vol = this.text(x, "sourceVolume", at);
      const to = this.text(x, "containerPath", at) ?? "";
      if (vol === undefined) return;
      if (!task.volumes.has(vol))
        return this.report.warn(at, x, "ecsUnknownContainer", { container: name, name: vol });
      c.mounts.push({ volume: vol, path: to });
    });
    for (const key of ["secrets", "firelensConfiguration"])
      if (this.get(v, key) !== undefined)
        this.report.warn(this.p(path, v, key), this.get(v, key), "importNotDrawn", {
          subject: `container ${name}`,
          field: key,
        });
    task.containers.push(c);
  }
}

/** Reads the task definitions of every file; the first file with errors stops the import. */
export function readEcs(sources: readonly ImportSource[]): EcsModelResult {
  const tasks: EcsTask[] = [];
  const reports: Report[] = [];
  const several = sources.length > 1;
  for (const src of sources) {
    const file = several ? src.name : undefined;
    const withFile = (e: ImportError): ImportError => (file !== undefined ? { ...e, file } : e);
    const decoded = decodeSource(src.data, "ecs");
    if (!decoded.ok) return { ok: false, errors: [withFile(decoded.error)] };
    if (decoded.text.trim() === "")
      return { ok: false, errors: [withFile({ path: "$", code: "importEmpty", params: { format: "ecs" } })] };
    const parsed = parseYaml(decoded.text);
    if (!parsed.ok) return { ok: false, errors: parsed.errors.map(withFile) };
    const report = new Report(parsed.lineCounter, file);
    const reader = new Reader(report);
    reader.file(parsed.value);
    if (report.errors.length > 0) return { ok: false, errors: report.errors };
    reports.push(report);
    tasks.push(...reader.tasks);
  }
  return { ok: true, model: { tasks }, reports };
}
