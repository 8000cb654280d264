import { expect, test } from "@playwright/test";
import { documentOf, inspector, node, open, palette, problems } from "./helpers.ts";

test("connecting two containers by their handles makes a network edge whose kind the inspector changes", async ({
  page,
}) => {
  await open(page);
  const pal = palette(page);
  for (const p of ["Physical server", "Ubuntu", "Docker Engine", "Container"])
    await pal.getByRole("button", { name: p, exact: true }).click();
  // Select the engine by its band and add a second container into it.
  const engine = node(page, "Container engine: Docker Engine");
  const eb = (await engine.boundingBox())!;
  await page.mouse.click(eb.x + 10, eb.y + eb.height - 8);
  await pal.getByRole("button", { name: "Windows container", exact: true }).click();
  await page.getByRole("button", { name: "Fit View" }).click();

  const from = node(page, "Container: Container");
  await from.hover();
  const handle = from.locator(".react-flow__handle.source");
  const hb = (await handle.boundingBox())!;
  // React Flow snaps to a handle within its connection radius: aim near the target's left edge.
  const tb = (await node(page, "Container: Windows container").boundingBox())!;
  const target = { x: tb.x + 8, y: tb.y + tb.height / 2 };
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 10 });
  await page.mouse.up();

  const doc = await documentOf(page);
  expect(doc.edges).toHaveLength(1);
  expect(doc.edges[0]).toMatchObject({ kind: "network" });
  const kind = inspector(page).getByLabel("Connection kind");
  await expect(kind).toHaveValue("network");
  // A container cannot "pull" from another container: edge/endpoints fires.
  await kind.selectOption("pulls");
  await expect(problems(page).getByRole("listitem").filter({ hasText: "edge/endpoints" })).toHaveCount(1);
  await kind.selectOption("network");
  await expect(problems(page).getByRole("listitem").filter({ hasText: "edge/endpoints" })).toHaveCount(0);
});

test("presets are reachable by keyboard: Tab to one, Enter adds it into the selected node", async ({
  page,
}) => {
  await open(page);
  const server = palette(page).getByRole("button", { name: "Physical server", exact: true });
  await server.focus();
  await page.keyboard.press("Enter");
  await expect(node(page, "Physical server: Physical server")).toBeVisible();
  // The new node is selected, so the next preset goes into it.
  await palette(page).getByRole("searchbox").focus();
  await page.keyboard.type("debian");
  await page.keyboard.press("Tab");
  await expect(palette(page).getByRole("button", { name: "Debian" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(node(page, "Kernel (OS): Debian")).toBeVisible();
  const doc = await documentOf(page);
  expect(doc.nodes.find((n) => n.kind === "kernel")!.parentId).toBe(
    doc.nodes.find((n) => n.kind === "physical-host")!.id,
  );
});
