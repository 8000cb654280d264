import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, scratchDir } from "./harness.ts";

const { dir, file } = scratchDir("stackdraw-cli-");

const stack = (os: string) => ({
  format: "stackdraw",
  version: 1,
  nodes: [
    { id: "web", kind: "container", parentId: "docker", props: { os } },
    { id: "docker", kind: "container-engine", parentId: "linux" },
    { id: "linux", kind: "kernel", parentId: "host", props: { family: "linux" } },
    { id: "host", kind: "physical-host" },
  ],
});
const windows = file("windows.stackdraw.json", stack("windows"));
const fine = file("fine.stackdraw.json", stack("linux"));
const emptyVm = file("empty-vm.stackdraw.json", {
  format: "stackdraw",
  version: 1,
  nodes: [
    { id: "h", kind: "physical-host" },
    { id: "hv", kind: "hypervisor", parentId: "h" },
    { id: "vm", kind: "vm", parentId: "hv" },
  ],
});
const dangling = file("dangling.stackdraw.json", {
  format: "stackdraw",
  version: 1,
  nodes: [{ id: "a", kind: "vm", parentId: "vm-9" }],
});

describe("stackdraw validate", () => {
  it("prints one line per problem and a summary, and exits 1 on errors", async () => {
    const r = await run("validate", windows);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${windows}: error container/kernel-mismatch [web] `);
    expect(r.out.trim().split("\n").at(-1)).toBe("1 errors, 0 warnings");
  });

  it("exits 0 with no problems and with warnings only, 1 for warnings under --strict", async () => {
    expect((await run("validate", fine)).code).toBe(0);
    const warn = await run("validate", emptyVm);
    expect(warn.code).toBe(0);
    expect(warn.out).toContain("warning vm/no-guest-os [vm]");
    expect((await run("validate", "--strict", emptyVm)).code).toBe(1);
  });

  it("gives JSON for one file as an object and for several as an array", async () => {
    const one = JSON.parse((await run("validate", "--json", windows)).out);
    expect(one).toMatchObject({ file: windows, ok: false });
    expect(one.problems[0]).toMatchObject({
      rule: "container/kernel-mismatch",
      severity: "error",
      nodeIds: ["web", "linux"],
    });
    const many = JSON.parse((await run("validate", "--json", windows, fine)).out);
    expect(many.map((r: { ok: boolean }) => r.ok)).toEqual([false, true]);
  });

  it("speaks Korean with --lang ko", async () => {
    const r = await run("validate", "--lang", "ko", windows);
    expect(r.out).toMatch(/[가-힣]/);
    expect(r.out.trim().split("\n").at(-1)).toBe("오류 1개, 경고 0개");
  });

  it("exits 2 for an invalid document, naming the file and the JSON path on stderr", async () => {
    const r = await run("validate", "--json", dangling, windows);
    expect(r.code).toBe(2);
    expect(r.err).toContain(dangling);
    expect(r.err).toContain("nodes[0].parentId");
    const [bad, good] = JSON.parse(r.out);
    expect(bad.documentErrors[0].path).toBe("nodes[0].parentId");
    expect(good.ok).toBe(false);
  });

  it("keeps documentErrors as { path, message }: English by default, Korean with --lang ko", async () => {
    const en = JSON.parse((await run("validate", "--json", dangling)).out);
    expect(en.documentErrors).toEqual([{ path: "nodes[0].parentId", message: expect.any(String) }]);
    expect(en.documentErrors[0].message).toMatch(/^no node has id "/);
    const ko = JSON.parse((await run("validate", "--json", "--lang", "ko", dangling)).out);
    expect(ko.documentErrors[0]).toMatchObject({ path: "nodes[0].parentId" });
    expect(ko.documentErrors[0].message).toMatch(/인 노드가 없습니다$/);
    const missing = JSON.parse((await run("validate", "--json", join(dir, "nope.json"))).out);
    expect(missing.documentErrors).toEqual([{ path: "$", message: "cannot read the file (ENOENT)" }]);
  });

  it("exits 2 for a missing file and for bad usage", async () => {
    const missing = await run("validate", join(dir, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("ENOENT");
    expect((await run("validate")).code).toBe(2);
    expect((await run("validate", "--lang", "fr", fine)).code).toBe(2);
    expect((await run("frobnicate")).code).toBe(2);
  });
});
