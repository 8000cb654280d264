import { expect, test, type Page } from "@playwright/test";
import { documentOf, inspector, node, open, palette } from "./helpers.ts";

// Limits and lost keystrokes (docs/reliability.md, promises 1 and 9): what is typed is in the
// draft at any moment, fields stop at their limit and say so, and a document over a limit is
// refused quickly, changing nothing.

const addServer = (page: Page) =>
  palette(page).getByRole("button", { name: "Physical server", exact: true }).first().click();
const server = (page: Page) => node(page, /^Physical server: /);

test("typing into Label and Notes, then reloading at once, keeps the text", async ({ page }) => {
  const errors = await open(page);
  await addServer(page);
  await server(page).click();
  const label = inspector(page).getByLabel("Label", { exact: true });
  await label.fill("");
  await label.pressSequentially("edge-01");
  const notes = inspector(page).getByLabel("Notes", { exact: true });
  await notes.click();
  await notes.pressSequentially("racked in B2");
  // No Enter, no blur, no waiting: the reload itself must not lose it.
  await page.reload();
  await expect(node(page, "Physical server: edge-01")).toBeVisible();
  const host = (await documentOf(page)).nodes[0]!;
  expect(host.label).toBe("edge-01");
  expect(host.props?.notes).toBe("racked in B2");
  expect(errors).toEqual([]);
});

test("a label stops at 1,000 characters and says so; the document holds 1,000", async ({ page }) => {
  await open(page);
  await addServer(page);
  await server(page).click();
  const label = inspector(page).getByLabel("Label", { exact: true });
  await label.fill("");
  await label.focus();
  await page.keyboard.insertText("x".repeat(1_200));
  await expect(label).toHaveValue("x".repeat(1_000));
  await expect(inspector(page).getByRole("status")).toHaveText(
    "The pasted text was cut to 1,000 characters, the limit.",
  );
  await label.press("Enter");
  expect((await documentOf(page)).nodes[0]!.label).toHaveLength(1_000);
});

test("a 100,000-edge file is refused within a second, and the canvas stays as it was", async ({ page }) => {
  await open(page);
  await addServer(page);
  const edges = Array.from({ length: 100_000 }, (_, i) => ({
    id: `e${i}`,
    kind: "network",
    source: `n${i % 100}`,
    target: `n${(i + 1) % 100}`,
  }));
  const nodes = Array.from({ length: 100 }, (_, i) => ({ id: `n${i}`, kind: "physical-host" }));
  const content = Buffer.from(JSON.stringify({ format: "stackdraw", version: 2, nodes, edges }));
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: "Open", exact: true }).click();
  const started = Date.now();
  await (
    await chooser
  ).setFiles({ name: "edges.stackdraw.json", mimeType: "application/json", buffer: content });
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("100,000 connections");
  await expect(dialog).toContainText("40,000");
  expect(Date.now() - started).toBeLessThan(1_000);
  expect((await documentOf(page)).nodes).toHaveLength(1);
});
