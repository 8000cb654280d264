import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DRAFT_KEY as KEY, documentOf, idbGet, idbPut, node, open, palette } from "./helpers.ts";

// Autosave (docs/reliability.md, promises 1, 2, 3, 10). The draft lives in IndexedDB
// (database "stackdraw", store "drafts", key "stackdraw.draft"), or in localStorage under the same
// key where IndexedDB is unavailable; an older localStorage draft is read when IndexedDB has none.

const addServer = (page: Page) =>
  palette(page)
    .getByRole("button", { name: /^(Physical server|물리 서버)$/ })
    .first()
    .click();
const server = (page: Page) => node(page, /^(Physical server|물리 서버): /);

/** How many nodes the saved draft holds (null: none saved). */
async function savedNodes(page: Page): Promise<number | null> {
  const raw = await idbGet(page);
  if (raw === null) return null;
  return (JSON.parse(JSON.parse(raw).document as string) as { nodes: unknown[] }).nodes.length;
}

async function downloadedText(page: Page, click: () => Promise<void>): Promise<string> {
  const download = page.waitForEvent("download");
  await click();
  return readFileSync((await (await download).path())!, "utf8");
}

test("an edit survives a reload 100 ms later, and the restored draft is not an undo step", async ({
  page,
}) => {
  const errors = await open(page);
  await addServer(page);
  await expect(server(page)).toHaveCount(1);
  await page.waitForTimeout(100);
  await page.reload();
  await expect(server(page)).toHaveCount(1);
  expect((await documentOf(page)).nodes).toHaveLength(1);
  expect(
    await page.evaluate(
      () =>
        (window as unknown as { __stackdraw: { getState: () => { past: unknown[] } } }).__stackdraw.getState()
          .past.length,
    ),
  ).toBe(0);
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("corrupt saved data: a warning with a download of the exact bytes, and nothing is written over it", async ({
  page,
}) => {
  const seed =
    '{"stackdraw-draft":1,"document":"{\\"format\\":\\"stackdraw\\",\\"version\\":1,\\"nodes\\":[{\\"id\\":';
  // Seeded once, before the app runs, where a draft saved without IndexedDB would be.
  await page.addInitScript(
    ([key, seed]) => {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, seed);
    },
    [KEY, seed] as const,
  );
  await open(page);
  const warning = page.getByRole("alert").filter({ hasText: "cannot be read" });
  await expect(warning).toBeVisible();
  expect(
    await downloadedText(page, () =>
      warning.getByRole("button", { name: "Download the saved data" }).click(),
    ),
  ).toBe(seed);

  // Editing, hiding and reloading never write over it.
  await addServer(page);
  await page.waitForTimeout(700);
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "cannot be read" })).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(seed);
  expect(await idbGet(page)).toBeNull();
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("stackdraw.draft"))),
  ).toEqual([KEY]);

  // Keeping it aside copies it to its own key; only then does autosave write again.
  await page.getByRole("button", { name: "Keep it aside and start saving again" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  const aside = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("stackdraw.draft.unreadable.")),
  );
  expect(aside).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), aside[0]!)).toBe(seed);
  await addServer(page);
  await expect.poll(() => savedNodes(page)).toBe(1);
});

test("newer-version saved data (in Korean): kept, offered for download, never overwritten", async ({
  page,
}) => {
  const newer = `${JSON.stringify({ format: "stackdraw", version: 99, nodes: [{ id: "a", kind: "quantum-host" }], edges: [] }, null, 2)}\n`;
  const seed = JSON.stringify({
    "stackdraw-draft": 1,
    savedAt: "2030-01-01T00:00:00.000Z",
    tab: "future",
    document: newer,
  });
  await open(page, "lang=ko");
  await idbPut(page, seed);
  await page.reload();
  const warning = page.getByRole("alert").filter({ hasText: "더 새로운 버전" });
  await expect(warning).toBeVisible();
  // The document inside, as the newer Stackdraw wrote it: a file it can open.
  expect(
    await downloadedText(page, () => warning.getByRole("button", { name: "저장된 데이터 내려받기" }).click()),
  ).toBe(newer);
  await addServer(page);
  await expect(server(page)).toHaveCount(1);
  await page.waitForTimeout(700);
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await page.waitForTimeout(100);
  expect(await idbGet(page)).toBe(seed);
});

test("storage that throws on write: a warning that stays, the work stays, Save still downloads", async ({
  page,
}) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException("IndexedDB is blocked", "SecurityError");
    };
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await open(page);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await addServer(page);
  const warning = page
    .getByRole("alert")
    .filter({ hasText: "Changes are not being saved in this browser: its storage is full" });
  await expect(warning).toBeVisible();
  await expect(server(page)).toHaveCount(1);
  await addServer(page);
  await expect(server(page)).toHaveCount(2);
  await expect(warning).toBeVisible();
  const saved = await downloadedText(page, () => page.keyboard.press("Control+s"));
  expect(JSON.parse(saved).nodes).toHaveLength(2);
  const again = await downloadedText(page, () =>
    warning.getByRole("button", { name: "Save to a file" }).click(),
  );
  expect(again).toBe(saved);
});

test("storage that throws SecurityError (site data blocked, in Korean): warned from the start, the work stays", async ({
  page,
}) => {
  await page.addInitScript(() => {
    const blocked = () => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    };
    Object.defineProperty(window, "localStorage", { get: blocked, configurable: true });
    Object.defineProperty(window, "indexedDB", { get: blocked, configurable: true });
  });
  await open(page, "lang=ko");
  const warning = page.getByRole("alert").filter({ hasText: "저장소가 차단되어" });
  await expect(warning).toBeVisible();
  await addServer(page);
  await expect(server(page)).toHaveCount(1);
  await expect(warning).toBeVisible();
});

test("two tabs: only the first autosaves; the second says it is read-only and can take over", async ({
  context,
}) => {
  const one = await context.newPage();
  await open(one);
  await addServer(one);
  await expect.poll(() => savedNodes(one)).toBe(1);

  const two = await context.newPage();
  await open(two);
  const readOnly = (p: Page) =>
    p.getByRole("alert").filter({ hasText: "This diagram is open in another tab" });
  await expect(readOnly(two)).toBeVisible();
  await expect(readOnly(one)).toHaveCount(0);
  await expect(server(two)).toHaveCount(1); // it opened what the first tab saved

  // Edits in the second tab never reach the browser's copy.
  await addServer(two);
  await expect(server(two)).toHaveCount(2);
  await page2Hide(two);
  await one.bringToFront();
  await addServer(one);
  await addServer(one);
  await expect.poll(() => savedNodes(one)).toBe(3);
  await two.waitForTimeout(700);
  expect(await savedNodes(one)).toBe(3);

  // Taking over, on purpose: the second tab saves its diagram, the first turns read-only.
  two.on("dialog", (d) => void d.accept());
  await readOnly(two).getByRole("button", { name: "Autosave this tab instead" }).click();
  await expect(readOnly(two)).toHaveCount(0);
  await expect(readOnly(one)).toBeVisible();
  await expect.poll(() => savedNodes(two)).toBe(2);
  await addServer(one);
  await one.waitForTimeout(700);
  expect(await savedNodes(one)).toBe(2);
});

async function page2Hide(p: Page) {
  await p.evaluate(() => window.dispatchEvent(new Event("pagehide")));
}

/** A share link of a diagram with `servers` physical servers, made in a page of its own. */
async function shareLinkOf(browser: Browser, servers: number): Promise<string> {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await open(page);
  for (let i = 0; i < servers; i++) {
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } }); // nothing selected
    await addServer(page);
  }
  await expect(server(page)).toHaveCount(servers);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await context.close();
  expect(link).toContain("#d=");
  return link;
}

const question = (page: Page) => page.getByRole("status").filter({ hasText: "Which one do you want" });

test("reloading a page opened from a share link opens it quietly, and autosave goes on", async ({
  page,
  browser,
}) => {
  const link = await shareLinkOf(browser, 1);
  await page.goto(link);
  await expect(server(page)).toHaveCount(1);
  await expect.poll(() => savedNodes(page)).toBe(1);
  await page.reload();
  await expect(server(page)).toHaveCount(1);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(question(page)).toHaveCount(0);
  // Autosave was never paused: the next change is saved.
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await addServer(page);
  await expect.poll(() => savedNodes(page)).toBe(2);
});

test("a share link of another diagram than the saved one asks once, and either answer resumes autosave", async ({
  page,
  browser,
}) => {
  const link = await shareLinkOf(browser, 2);
  await open(page);
  await addServer(page);
  await expect.poll(() => savedNodes(page)).toBe(1);
  await page.goto("about:blank");
  await page.goto(link);
  await expect(server(page)).toHaveCount(2);
  // Asked, not alarmed: a question with both ways out, and the saved diagram untouched.
  await expect(question(page)).toBeVisible();
  await expect(question(page)).toContainText("autosave waits until you choose");
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(await savedNodes(page)).toBe(1);
  await question(page)
    .getByRole("button", { name: /^Go on with this one/ })
    .click();
  await expect(question(page)).toHaveCount(0);
  await expect.poll(() => savedNodes(page)).toBe(2);
  // The address let go of the link: a reload shows what autosave keeps, without asking again.
  expect(page.url()).not.toContain("#d=");
  await page.reload();
  await expect(server(page)).toHaveCount(2);
  await expect(question(page)).toHaveCount(0);
});
