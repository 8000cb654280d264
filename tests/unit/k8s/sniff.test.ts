import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sniffFormat } from "../../../src/io/import/sniff.ts";
import { FIXTURES } from "./helpers.ts";

const text = (rel: string) => readFileSync(path.join(FIXTURES, rel), "utf8");

describe("a dropped file's importer, by content", () => {
  it("tells every Kubernetes, ECS and Compose fixture apart, and a Stackdraw document", () => {
    for (const f of readdirSync(path.join(FIXTURES, "k8s")).filter((x) => /\.(ya?ml|json)$/.test(x)))
      expect([f, sniffFormat(text(`k8s/${f}`))]).toEqual([f, "k8s"]);
    for (const f of readdirSync(path.join(FIXTURES, "ecs")).filter((x) => x.endsWith(".json")))
      expect([f, sniffFormat(text(`ecs/${f}`))]).toEqual([f, "ecs"]);
    for (const f of ["web-db-cache.yml", "reverse-proxy.yml", "anchors.yml", "long-syntax.yml"])
      expect([f, sniffFormat(text(`compose/${f}`))]).toEqual([f, "compose"]);
    expect(sniffFormat('{ "format": "stackdraw", "version": 2, "nodes": [] }')).toBe("stackdraw");
    expect(sniffFormat("just: text\n")).toBeUndefined();
  });
});
