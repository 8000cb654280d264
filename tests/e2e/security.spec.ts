import { expect, test } from "@playwright/test";
import { cspViolations, open } from "./helpers.ts";

test("the built page carries the Content-Security-Policy and breaks none of it while used", async ({
  page,
}) => {
  await open(page, "lang=en&template=ecs-docker");
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("object-src 'none'");
  // Use what loads images, fonts and styles: the gallery's thumbnails, an export, the overlay.
  await page.getByRole("button", { name: "Templates" }).click();
  await expect(page.getByRole("dialog", { name: "Templates" }).locator("img").first()).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Export" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "PNG image" }).click();
  await download;
  await page.getByRole("button", { name: "Who manages what" }).click();
  expect(await cspViolations(page)).toEqual([]);
});

test("labels are text, never markup: a hostile label shows its characters and runs nothing", async ({
  page,
}) => {
  await open(page);
  const hostile = '<img src=x onerror="window.__pwned=1"></text><script>window.__pwned=2</script>';
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: "Open", exact: true }).click();
  await (
    await chooser
  ).setFiles({
    name: "x.stackdraw.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      JSON.stringify({
        format: "stackdraw",
        version: 1,
        nodes: [{ id: "__proto__", kind: "group", label: hostile }],
      }),
    ),
  });
  await expect(page.locator(".sd-label").filter({ hasText: "<img src=x" })).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
  expect(await cspViolations(page)).toEqual([]);
});

test("a Korean PNG export carries the UI font's Hangul subsets inside it, within the CSP", async ({
  page,
}) => {
  await open(page, "lang=ko&template=vm-vs-container");
  const fonts: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".woff2")) fonts.push(r.url());
  });
  await page.getByRole("button", { name: "내보내기 ▾" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "PNG 이미지" }).click();
  const png = await download;
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  // The subsets were fetched from this origin to be inlined (or were already cached by the page).
  const inlined = await page.evaluate(
    () => performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".woff2")).length,
  );
  expect(inlined + fonts.length).toBeGreaterThan(0);
  expect(await cspViolations(page)).toEqual([]);
});
