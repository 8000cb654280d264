import { gzipSync } from "node:zlib";
import { expect, test, type Page, type Response } from "@playwright/test";
import { documentOf, node, open } from "./helpers.ts";

/**
 * Import/export code loads on demand (docs/performance.md): the first paint fetches
 * none of it, using a feature fetches its piece, and a piece that cannot be fetched (offline after
 * a deploy) gives a notice and changes nothing. tests/unit/browser/initial-bundle.test.ts checks
 * the static imports behind this.
 */

/** A string only each piece's code holds. */
const PIECES = {
  compose: "not a Docker Compose file",
  yaml: "BAD_INDENT",
  templates: "one-server-many-functions",
  renderer: 'xmlns="http://www.w3.org/2000/svg"',
  fonts: "data:font/woff2;base64,",
  gallery: "sd-gallery",
  shortcuts: "sd-shortcuts",
} as const;
type Piece = keyof typeof PIECES;

/** Every script the page fetches, with its text. */
function scripts(page: Page) {
  const seen: { url: string; text: Promise<string> }[] = [];
  page.on("response", (r: Response) => {
    if (r.request().resourceType() === "script") seen.push({ url: r.url(), text: r.text().catch(() => "") });
  });
  return {
    async pieces(): Promise<Piece[]> {
      const texts = await Promise.all(seen.map((s) => s.text));
      return (Object.keys(PIECES) as Piece[]).filter((p) => texts.some((t) => t.includes(PIECES[p])));
    },
    async gzipBytes(): Promise<number> {
      const texts = await Promise.all(seen.map((s) => s.text));
      return texts.reduce((sum, t) => sum + gzipSync(t, { level: 9 }).length, 0);
    },
  };
}

const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n';

async function importCompose(page: Page) {
  await page.getByRole("button", { name: "Import" }).click();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("menuitem", { name: "Docker Compose file…" }).click();
  await (
    await chooser
  ).setFiles({ name: "docker-compose.yml", mimeType: "text/yaml", buffer: Buffer.from(COMPOSE) });
}

test("the first paint fetches no import/export code, the templates or the modal panels; each loads when used", async ({
  page,
}, info) => {
  const fetched = scripts(page);
  await open(page);
  await page.waitForLoadState("networkidle");
  expect(await fetched.pieces()).toEqual([]);
  info.annotations.push({
    type: "initial JS",
    description: `${(await fetched.gzipBytes()) / 1000} KB gzip (level 9)`,
  });

  await page.getByRole("button", { name: "Shortcuts" }).click();
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  expect(await fetched.pieces()).toEqual(["shortcuts"]);
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Templates" }).click();
  await expect(page.getByRole("dialog", { name: "Templates" }).locator("img").first()).toBeVisible();
  expect(await fetched.pieces()).toEqual(["templates", "renderer", "gallery", "shortcuts"]);
  await page.keyboard.press("Escape");

  await importCompose(page);
  await expect(node(page, "Container: web")).toBeVisible();
  expect(await fetched.pieces()).toEqual([
    "compose",
    "yaml",
    "templates",
    "renderer",
    "gallery",
    "shortcuts",
  ]);
});

test("when the on-demand code cannot be fetched: a notice in both languages, nothing changed, and it loads once back online", async ({
  page,
}) => {
  await open(page, "lang=en&template=ec2-docker-host");
  await page.waitForLoadState("networkidle");
  const before = await documentOf(page);
  // Offline from here on (or a deploy removed this page's chunks): every further script fails.
  await page.route("**/*.js", (route) => route.abort("internetdisconnected"));
  const notice = page.getByRole("alert");

  await importCompose(page);
  await expect(notice).toContainText("could not be loaded");
  await expect(notice).toContainText("Nothing was changed");
  expect(await documentOf(page)).toEqual(before);
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await notice.getByRole("button", { name: "Dismiss" }).click();

  await page.getByRole("button", { name: "Export" }).click();
  let downloads = 0;
  page.on("download", () => downloads++);
  await page.getByRole("menuitem", { name: "PNG image" }).click();
  await expect(notice).toContainText("could not be loaded");
  await notice.getByRole("button", { name: "Dismiss" }).click();

  await page.getByRole("button", { name: "Templates" }).click();
  await expect(notice).toContainText("could not be loaded");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(await documentOf(page)).toEqual(before);
  expect(downloads).toBe(0);

  // The same notice in Korean.
  await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "한국어" }).click();
  await expect(notice).toContainText("불러오지 못했습니다");

  // Back online: the next try loads it (a failed load is not remembered).
  await page.unroute("**/*.js");
  await page.getByRole("group", { name: "언어" }).getByRole("button", { name: "English" }).click();
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await page.getByRole("button", { name: "Templates" }).click();
  await expect(page.getByRole("dialog", { name: "Templates" })).toBeVisible();
});

test("when autosave cannot be fetched, the editor opens anyway and says that it is not saving, in both languages", async ({
  page,
}) => {
  // Only the first paint's own script comes through (offline after it, or a deploy removed the
  // rest): autosave, loaded beside the first paint, cannot come.
  const html = await (await page.request.get("/")).text();
  const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(html)![1]!;
  await page.route("**/*.js", (route) =>
    new URL(route.request().url()).pathname === entry
      ? route.continue()
      : route.abort("internetdisconnected"),
  );
  const errors = await open(page, "lang=en", { rules: false });
  const notice = page.getByRole("alert");
  await expect(notice).toContainText("Autosave could not be loaded");
  await expect(notice).toContainText("save it to a file");
  await expect(page.getByRole("region", { name: "Canvas" })).toBeVisible();
  await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "한국어" }).click();
  await expect(notice).toContainText("자동 저장을 불러오지 못했습니다");
  expect(errors).toEqual([]);
});
