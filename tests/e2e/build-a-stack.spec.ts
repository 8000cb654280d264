import { expect, test } from "@playwright/test";
import { documentOf, dropPreset, inspector, node, open, problems } from "./helpers.ts";

test("a person builds a stack from the palette and the rules follow every change", async ({ page }) => {
  const errors = await open(page);
  const pane = page.locator(".react-flow__pane");

  await dropPreset(page, "Physical server", pane, { x: 260, y: 200 });
  const server = node(page, "Physical server: Physical server");
  await expect(server).toBeVisible();

  await dropPreset(page, "Ubuntu", server);
  const ubuntu = node(page, "Kernel (OS): Ubuntu");
  await expect(ubuntu).toBeVisible();

  await dropPreset(page, "Docker Engine", ubuntu);
  const docker = node(page, "Container engine: Docker Engine");
  await expect(docker).toBeVisible();

  await dropPreset(page, "Container", docker);
  const container = node(page, "Container: Container");
  await expect(container).toBeVisible();

  // The nesting is real: each one runs on the one below.
  const doc = await documentOf(page);
  const byKind = (k: string) => doc.nodes.find((n) => n.kind === k)!;
  expect(byKind("kernel").parentId).toBe(byKind("physical-host").id);
  expect(byKind("container-engine").parentId).toBe(byKind("kernel").id);
  expect(byKind("container").parentId).toBe(byKind("container-engine").id);
  await expect(problems(page).getByRole("listitem")).toHaveCount(0);

  // Windows image on a Linux kernel: the rule fires, in the panel and on the node.
  await container.click();
  await inspector(page).getByLabel("Image OS").selectOption("windows");
  const mismatch = problems(page).getByRole("listitem").filter({ hasText: "container/kernel-mismatch" });
  await expect(mismatch).toHaveCount(1);
  await expect(mismatch).toContainText("share");
  await expect(container.getByLabel("1 problem", { exact: true })).toBeVisible();
  await expect(page.getByRole("toolbar").getByText("1 error", { exact: true })).toBeVisible();

  await inspector(page).getByLabel("Image OS").selectOption("linux");
  await expect(mismatch).toHaveCount(0);
  await expect(container.locator(".sd-badge")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("the same stack in Korean", async ({ page }) => {
  await open(page, "lang=ko");
  const pane = page.locator(".react-flow__pane");
  await dropPreset(page, "물리 서버", pane, { x: 260, y: 200 });
  const server = node(page, "물리 서버: 물리 서버");
  await expect(server).toBeVisible();
  await dropPreset(page, "Windows Server", server);
  await dropPreset(page, "Podman", node(page, "커널 (운영체제): Windows Server"));
  const problem = page
    .getByRole("region", { name: "문제" })
    .getByRole("listitem")
    .filter({ hasText: "engine/unsupported-kernel" });
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText(/[가-힣]/);
});
