import { join } from "node:path";
import { mkdirSync, writeFileSync } from "node:fs";
import { run, scratchDir } from "../cli/harness.ts";
import { readDocument } from "../../../src/io/read.ts";
import { FIXTURES } from "./helpers.ts";

const { dir } = scratchDir("stackdraw-k8s-cli-");
const K8S = join(FIXTURES, "k8s");

describe("stackdraw import k8s", () => {
  it("prints the document on stdout, what was not drawn as warnings on stderr, and exits 0", async () => {
    const file = join(K8S, "web-app.yaml");
    const r = await run("import", "k8s", file);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`${file}: warning: not drawn: 1 Namespace, 1 ConfigMap\n`);
    const read = readDocument(r.out);
    expect(read.ok && read.document.nodes.filter((n) => n.kind === "pod").map((n) => n.label)).toEqual([
      "web",
      "db",
    ]);
  });

  it("takes several files and folders (their .yaml, .yml and .json files, in name order)", async () => {
    const folder = join(dir, "manifests");
    mkdirSync(join(folder, "sub"), { recursive: true });
    writeFileSync(
      join(folder, "a.yaml"),
      "apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec: { containers: [{ name: c, image: busybox }] }\n",
    );
    writeFileSync(
      join(folder, "sub", "b.json"),
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"b"},"spec":{"containers":[{"name":"c","image":"busybox"}]}}',
    );
    writeFileSync(join(folder, "notes.txt"), "not a manifest");
    const r = await run("import", "k8s", "--lang", "ko", folder, join(K8S, "list.json"));
    expect(r.code).toBe(0);
    expect(r.err).toBe("경고: $: 그리지 않음: HorizontalPodAutoscaler 1개\n");
    const read = readDocument(r.out);
    expect(read.ok && read.document.nodes.filter((n) => n.kind === "pod").map((n) => n.label)).toEqual([
      "a",
      "b",
      "nginx",
    ]);
  });

  it("exits 2 with FILE:line:column, the path and the message for a refused file", async () => {
    const bad = join(K8S, "bad", "port-out-of-range.yaml");
    const r = await run("import", "k8s", bad);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      `${bad}: could not be imported as Kubernetes manifests\n  ${bad}:10:26: spec.containers[0].ports[0].containerPort: containerPort must be a port (an integer 1–65535), not "70000"\n`,
    );
    const compose = await run("import", "k8s", join(FIXTURES, "compose", "web-db-cache.yml"));
    expect(compose.code).toBe(2);
    expect(compose.err).toContain("import it as Docker Compose (import compose)");
  });

  it("refuses a missing file, an empty folder and unknown options", async () => {
    expect((await run("import", "k8s", join(dir, "nope.yaml"))).code).toBe(2);
    mkdirSync(join(dir, "empty"), { recursive: true });
    const empty = await run("import", "k8s", join(dir, "empty"));
    expect([empty.code, empty.err]).toEqual([
      2,
      `${join(dir, "empty")}: no .yaml, .yml or .json file in this folder\n`,
    ]);
    expect((await run("import", "k8s", "--bogus", "x")).code).toBe(2);
    expect((await run("import", "k8s")).code).toBe(2);
  });
});
