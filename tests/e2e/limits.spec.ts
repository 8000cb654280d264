import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { documentOf, idbGet, idbPut, inspector, node, open, palette } from "./helpers.ts";

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

test("renaming in place, then reloading at once, keeps the new name", async ({ page }) => {
  await open(page);
  await addServer(page);
  await server(page).click();
  await page.keyboard.press("F2");
  const field = page.getByRole("textbox", { name: "New name" });
  await field.fill("");
  await field.pressSequentially("rack-7");
  // No Enter: the page going away commits it.
  await page.reload();
  await expect(node(page, "Physical server: rack-7")).toBeVisible();
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
  // Notes stop at 10,000 (11 MB typed into Notes was accepted and locked the work away).
  const notes = inspector(page).getByLabel("Notes", { exact: true });
  await notes.focus();
  await page.keyboard.insertText("n".repeat(10_050));
  await expect(notes).toHaveValue("n".repeat(10_000));
  await expect(inspector(page).getByRole("status").filter({ hasText: "10,000" })).toHaveText(
    "The pasted text was cut to 10,000 characters, the limit.",
  );
  await expect
    .poll(async () => ((await documentOf(page)).nodes[0]!.props?.notes as string)?.length)
    .toBe(10_000);
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
  // Timed in the page, from the moment the app reads the chosen file to the moment the
  // refusal is on screen: the 6.3 MB transfer from the test runner is not the app's time.
  await page.evaluate(() => {
    const w = window as unknown as { __chosen?: number; __refused?: number };
    // The picker's input is not in the document: the app's first touch of the file is the start.
    const read = Blob.prototype.arrayBuffer;
    Blob.prototype.arrayBuffer = function (this: Blob) {
      w.__chosen ??= performance.now();
      return read.call(this);
    };
    new MutationObserver(() => {
      if (w.__refused === undefined && document.querySelector("[role=alertdialog]"))
        w.__refused = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: "Open", exact: true }).click();
  await (
    await chooser
  ).setFiles({ name: "edges.stackdraw.json", mimeType: "application/json", buffer: content });
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("100,000 connections");
  await expect(dialog).toContainText("10,000");
  const took = await page.evaluate(() => {
    const w = window as unknown as { __chosen: number; __refused: number };
    return w.__refused - w.__chosen;
  });
  expect(took).toBeLessThan(1_000);
  expect((await documentOf(page)).nodes).toHaveLength(1);
});

/** A chain of `depth + 1` nodes, each inside the last (the deepest has `depth` ancestors). */
function chain(depth: number, label = (i: number) => `level ${i}`) {
  return {
    format: "stackdraw",
    version: 2,
    nodes: Array.from({ length: depth + 1 }, (_, i) => ({
      id: `n${i}`,
      kind: i === 0 ? "physical-host" : "container",
      label: label(i),
      ...(i > 0 ? { parentId: `n${i - 1}` } : {}),
    })),
    edges: [],
  };
}

async function openText(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: "Open", exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

test("paste and duplicate that would nest too deep or make too many are refused at once, changing nothing", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page);
  await openText(page, "deep.stackdraw.json", JSON.stringify(chain(64)));
  await expect(node(page, "Container: level 64")).toBeVisible();
  const before = await documentOf(page);
  await node(page, "Container: level 64").click();
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  const refusal = page.getByRole("alert").filter({ hasText: "Nothing was pasted" });
  await expect(refusal).toHaveText(
    /Nothing was pasted: a node would be nested 65 levels deep, and the limit is 64\. Nothing else changed\./,
  );
  expect(await documentOf(page)).toEqual(before);
  // Duplicating the whole chain beside itself stays within 64 levels and is done.
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Control+d");
  await expect.poll(async () => (await documentOf(page)).nodes.length).toBe(130);
});

test("a hand-made draft over the limits opens repaired, the original kept aside and listed", async ({
  page,
}) => {
  await open(page);
  const over = chain(69, (i) => (i === 0 ? "L".repeat(1_001) : `level ${i}`));
  const seed = JSON.stringify({
    "stackdraw-draft": 1,
    savedAt: "2030-01-01T00:00:00.000Z",
    tab: "hand",
    document: JSON.stringify(over),
  });
  await idbPut(page, seed);
  await page.reload();
  const warning = page.getByRole("alert").filter({ hasText: "cannot be read" });
  await warning.getByRole("button", { name: "Open repaired" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The saved draft was opened repaired" }),
  ).toHaveText(
    /1 labels or texts cut to their limit; 5 nodes nested deeper than 64 levels lifted to level 64/,
  );
  const doc = await documentOf(page);
  expect(doc.nodes).toHaveLength(70);
  expect(doc.nodes.find((n) => n.id === "n0")!.label).toHaveLength(1_000);
  expect(doc.nodes.find((n) => n.id === "n69")!.parentId).toBe("n63");
  // The original is listed where it can be found again: download, open, discard.
  const kept = page.locator("details").filter({ hasText: "Drafts kept aside (1)" });
  await kept.getByText("Drafts kept aside (1)").click();
  const item = kept.getByRole("listitem");
  await expect(item.getByRole("button", { name: "Download" })).toBeVisible();
  await expect(item.getByRole("button", { name: "Discard" })).toBeVisible();
  await item.getByRole("button", { name: "Open" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("is 1,001 characters long; the limit is 1,000");
  await dialog.getByRole("button", { name: "Open repaired" }).click();
  await expect(dialog).toHaveCount(0);
  // The canvas has work (the draft opened repaired): Open asks first (import-prompts.spec.ts).
  await page
    .getByRole("dialog", { name: /^Open “/ })
    .getByRole("button", { name: "Replace this diagram" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "was opened repaired" })).toBeVisible();
  // The repaired diagram is what autosave keeps now: a reload opens it without a warning.
  await expect
    .poll(async () => {
      const raw = await idbGet(page);
      return raw !== null && (JSON.parse(raw) as { document: string }).document.includes('"n69"');
    })
    .toBe(true);
  await page.reload();
  await expect(node(page, "Container: level 69")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("Ctrl+A, Ctrl+D past 20,000 nodes is refused at once with a message, changing nothing", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page);
  const nodes = Array.from({ length: 10_001 }, (_, i) => ({
    id: `h${i}`,
    kind: "physical-host",
    position: { x: (i % 100) * 200, y: Math.floor(i / 100) * 100 },
    size: { width: 160, height: 64 },
  }));
  await openText(
    page,
    "many.stackdraw.json",
    JSON.stringify({ format: "stackdraw", version: 2, nodes, edges: [] }),
  );
  await expect.poll(async () => (await documentOf(page)).nodes.length, { timeout: 60_000 }).toBe(10_001);
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Control+d");
  await expect(
    page.getByRole("alert").filter({ hasText: "Nothing was duplicated" }).locator("span"),
  ).toHaveText(
    "Nothing was duplicated: the diagram would have 20,002 nodes, and the limit is 20,000. Nothing else changed.",
  );
  expect((await documentOf(page)).nodes).toHaveLength(10_001);
});

test("an edit that would make the file larger than 10 MB is refused, in Korean too", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, "lang=ko");
  // 1,040 hosts with 9,900-character notes: about 10.3 MB as Save writes it, within the limit.
  const notes = "n".repeat(9_900);
  const nodes = Array.from({ length: 1_040 }, (_, i) => ({
    id: `h${i}`,
    kind: "physical-host",
    label: `h${i}`,
    props: { notes },
    position: { x: (i % 40) * 200, y: Math.floor(i / 40) * 100 },
    size: { width: 160, height: 64 },
  }));
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: "열기", exact: true }).click();
  await (
    await chooser
  ).setFiles({
    name: "big.stackdraw.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ format: "stackdraw", version: 2, nodes, edges: [] })),
  });
  await expect.poll(async () => (await documentOf(page)).nodes.length, { timeout: 60_000 }).toBe(1_040);
  // Duplicating 40 of them would pass 10 MB.
  await page.evaluate(() => {
    const api = (
      window as unknown as { __stackdraw: { getState: () => { select: (ids: string[]) => void } } }
    ).__stackdraw;
    api.getState().select(Array.from({ length: 40 }, (_, i) => `h${i}`));
  });
  await page.locator(".react-flow__pane").focus();
  await page.keyboard.press("Control+d");
  await expect(
    page.getByRole("alert").filter({ hasText: "아무것도 복제하지 않았습니다" }).locator("span"),
  ).toHaveText(
    /^아무것도 복제하지 않았습니다: 파일이 10\.\dMB가 되는데, 한도는 10MB입니다\. 다른 것은 바뀌지 않았습니다\.$/,
  );
  expect((await documentOf(page)).nodes).toHaveLength(1_040);
  // Save writes what it holds within 10 MB (indented, it would be more), and it opens again.
  const download = page.waitForEvent("download");
  await page.getByRole("toolbar").getByRole("button", { name: "저장", exact: true }).click();
  const saved = readFileSync((await (await download).path())!);
  expect(saved.length).toBeGreaterThan(10_000_000);
  expect(saved.length).toBeLessThanOrEqual(10 * 1024 * 1024);
  const again = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: "열기", exact: true }).click();
  await (await again).setFiles({ name: "saved.stackdraw.json", mimeType: "application/json", buffer: saved });
  // The canvas has work: Open asks first (import-prompts.spec.ts).
  await page
    .getByRole("dialog", { name: "“saved.stackdraw.json” 열기" })
    .getByRole("button", { name: "이 다이어그램 바꾸기" })
    .click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect.poll(async () => (await documentOf(page)).nodes.length).toBe(1_040);
});
