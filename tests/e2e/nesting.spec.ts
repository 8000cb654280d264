import { expect, test, type Page } from "@playwright/test";
import { center, documentOf, dragNodeTo, inspector, node, open, palette, problems } from "./helpers.ts";

/** Clicks presets one after another: each is added into the node the previous one created. */
async function chain(page: Page, ...presets: string[]) {
  for (const p of presets) await palette(page).getByRole("button", { name: p, exact: true }).click();
}
async function deselect(page: Page) {
  await page.keyboard.press("Escape");
  const pane = page.locator(".react-flow__pane");
  const box = (await pane.boundingBox())!;
  await page.mouse.click(box.x + box.width - 30, box.y + 30);
}
const parentOf = async (page: Page, kind: string, nth = 0) =>
  (await documentOf(page)).nodes.filter((n) => n.kind === kind)[nth]?.parentId;

test("dragging a node onto another reparents it, and onto empty canvas detaches it", async ({ page }) => {
  await open(page);
  await chain(page, "Physical server", "Ubuntu");
  await deselect(page);
  await chain(page, "ARM server");
  await page.getByRole("button", { name: "Fit View" }).click();
  const doc0 = await documentOf(page);
  const arm = doc0.nodes.find((n) => n.props?.arch === "arm64")!;
  const ubuntu = node(page, "Kernel (OS): Ubuntu");
  const before = await ubuntu.boundingBox();

  await dragNodeTo(page, ubuntu, await center(node(page, "Physical server: ARM server")));
  expect(await parentOf(page, "kernel")).toBe(arm.id);
  // It stays where it was dropped on screen (the parent may grow around it).
  const after = await ubuntu.boundingBox();
  expect(after!.x).not.toBeCloseTo(before!.x, 0);

  // Out onto empty canvas: a root again. Zoom out first so there is empty canvas well inside
  // the pane (near its edge React Flow would auto-pan under the pointer).
  await page.getByRole("button", { name: "Fit View" }).click();
  await page.getByRole("button", { name: "Zoom out" }).click();
  await page.getByRole("button", { name: "Zoom out" }).click();
  const pane = (await page.locator(".react-flow__pane").boundingBox())!;
  await dragNodeTo(page, ubuntu, { x: pane.x + 70, y: pane.y + 70 });
  expect(await parentOf(page, "kernel")).toBeUndefined();

  // One drag is one undo step.
  await page.getByRole("button", { name: "Undo" }).click();
  expect(await parentOf(page, "kernel")).toBe(arm.id);
});

test("a node can never go into its own descendant", async ({ page }) => {
  await open(page);
  await chain(page, "Physical server", "Ubuntu", "Docker Engine");
  const server = node(page, "Physical server: Physical server");
  const docker = await center(node(page, "Container engine: Docker Engine"));
  // The server moves with the pointer, so the pointer ends over its own subtree.
  await dragNodeTo(page, server, { x: docker.x + 20, y: docker.y + 10 });
  const doc = await documentOf(page);
  const host = doc.nodes.find((n) => n.kind === "physical-host")!;
  expect(host.parentId).toBeUndefined();
  expect(doc.nodes.find((n) => n.kind === "kernel")!.parentId).toBe(host.id);
});

test("while dragging, an invalid target shows red with the rule it would break", async ({ page }) => {
  await open(page);
  await chain(page, "Physical server");
  await deselect(page);
  await chain(page, "Container");
  await page.getByRole("button", { name: "Fit View" }).click();
  const server = node(page, "Physical server: Physical server");
  await dragNodeTo(page, node(page, "Container: Container"), await center(server), { release: false });
  await expect(server).toHaveClass(/selectable/);
  const tip = server.getByRole("status");
  await expect(tip).toBeVisible();
  await expect(tip).toContainText("engine");
  await expect(server.locator(".sd-hint-bad")).toHaveCount(1);
  await page.mouse.up();
  await expect(server.getByRole("status")).toHaveCount(0);
});

test("a valid target shows green while dragging", async ({ page }) => {
  await open(page);
  await chain(page, "Physical server");
  await deselect(page);
  await chain(page, "Ubuntu");
  await page.getByRole("button", { name: "Fit View" }).click();
  const server = node(page, "Physical server: Physical server");
  await dragNodeTo(page, node(page, "Kernel (OS): Ubuntu"), await center(server), { release: false });
  await expect(server.locator(".sd-hint-ok")).toHaveCount(1);
  await page.mouse.up();
});

test("clicking a problem selects its node and brings it into view", async ({ page }) => {
  await open(page);
  await chain(page, "Physical server", "Ubuntu", "Container");
  const item = problems(page).getByRole("listitem").filter({ hasText: "container/needs-engine" });
  await expect(item).toHaveCount(1);
  // Pan the node far out of view, deselect, then use the problem list.
  await deselect(page);
  const pane = (await page.locator(".react-flow__pane").boundingBox())!;
  await page.mouse.move(pane.x + pane.width - 20, pane.y + 20);
  await page.mouse.down();
  await page.mouse.move(pane.x + 20, pane.y + pane.height - 20, { steps: 8 });
  await page.mouse.up();
  await expect(node(page, "Container: Container")).not.toBeInViewport();
  // The row's first button is the problem itself (its quick fixes and Suppress… follow it).
  await item.getByRole("button").first().click();
  await expect(node(page, "Container: Container")).toBeInViewport();
  await expect(inspector(page).getByLabel("Label")).toHaveValue("Container");
});

test("the who-manages-what overlay colours layers by managedBy, with a legend", async ({ page }) => {
  await open(page);
  await chain(page, "ECS cluster", "Fargate", "ECS task", "Container");
  await page.getByRole("button", { name: "Who manages what" }).click();
  await expect(page.getByRole("note", { name: "Who manages what" })).toContainText("The provider manages it");
  await expect(node(page, "Fargate: Fargate").locator(".sd-managed-provider")).toHaveCount(1);
  await expect(node(page, "ECS cluster: ECS cluster").locator(".sd-managed-user")).toHaveCount(1);
  // Inside Fargate, layers inherit "provider" unless set (kinds.md).
  await expect(node(page, "Container: Container").locator(".sd-managed-provider")).toHaveCount(1);
  await page.getByRole("button", { name: "Who manages what" }).click();
  await expect(page.getByRole("note", { name: "Who manages what" })).toHaveCount(0);
});

test("moving a child to its parent's edge at depth 5 grows every ancestor, and it stays inside", async ({
  page,
}) => {
  await open(page);
  await chain(page, "Physical server", "ESXi", "Virtual machine", "Ubuntu", "Docker Engine", "Container");
  await page.getByRole("button", { name: "Fit View" }).click();
  const before = await documentOf(page);
  const width = (doc: typeof before, kind: string) => doc.nodes.find((n) => n.kind === kind)!.size.width;
  const container = node(page, "Container: Container");
  const box = (await container.boundingBox())!;
  await dragNodeTo(page, container, { x: box.x + 14 + 60, y: box.y + box.height - 10 });
  const after = await documentOf(page);
  expect(after.nodes.find((n) => n.kind === "container")!.parentId).toBe(
    before.nodes.find((n) => n.kind === "container-engine")!.id,
  );
  for (const kind of ["container-engine", "kernel", "vm", "hypervisor", "physical-host"])
    expect(width(after, kind)).toBeGreaterThan(width(before, kind));
  // On screen, each child lies inside its parent.
  const order = [
    "Container: Container",
    "Container engine: Docker Engine",
    "Kernel (OS): Ubuntu",
    "Virtual machine: Virtual machine",
    "Hypervisor: ESXi",
    "Physical server: Physical server",
  ];
  for (let i = 0; i < order.length - 1; i++) {
    const c = (await node(page, order[i]!).boundingBox())!;
    const p = (await node(page, order[i + 1]!).boundingBox())!;
    expect(c.x).toBeGreaterThanOrEqual(p.x);
    expect(c.y).toBeGreaterThanOrEqual(p.y);
    expect(c.x + c.width).toBeLessThanOrEqual(p.x + p.width + 0.5);
    expect(c.y + c.height).toBeLessThanOrEqual(p.y + p.height + 0.5);
  }
});

test("a preset added by click next to a large diagram is brought into view", async ({ page }) => {
  await open(page, "lang=en&template=ecs-docker");
  await page.locator(".react-flow__node").first().waitFor();
  // The template opened with the canvas given the palette's room: the person opens it again.
  await page.getByRole("button", { name: "Show palette" }).click();
  await page.keyboard.press("Escape");
  await palette(page).getByRole("button", { name: "Physical server", exact: true }).click();
  await expect(node(page, "Physical server: Physical server").last()).toBeInViewport();
});
