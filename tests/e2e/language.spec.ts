import { expect, test, type Page } from "@playwright/test";
import { STRINGS } from "../../src/i18n/strings.ts";
import { EDGE_KIND_DEFS, KIND_DEFS, COMMON_PROPS } from "../../src/domain/kinds/catalog.ts";
import { PALETTE_GROUP_NAMES, PRESETS } from "../../src/domain/kinds/presets.ts";
import { TEMPLATES } from "../../src/templates/index.ts";
import type { Localized, PropSpec } from "../../src/domain/kinds/props.ts";
import { open } from "./helpers.ts";

/** Every English UI text that has a different Korean text: none of them may show in Korean mode. */
function englishUiTexts(): Set<string> {
  const pairs: Localized[] = [];
  for (const key of Object.keys(STRINGS.en) as (keyof typeof STRINGS.en)[])
    pairs.push({ en: STRINGS.en[key], ko: STRINGS.ko[key] });
  const specs: PropSpec[] = [...Object.values(COMMON_PROPS)];
  for (const d of Object.values(KIND_DEFS)) {
    pairs.push(d.name, d.description);
    specs.push(...Object.values(d.props));
  }
  for (const s of specs) {
    pairs.push(s.name);
    if (s.help) pairs.push(s.help);
    if (s.type === "enum") for (const o of s.options) pairs.push(o.name);
  }
  for (const e of Object.values(EDGE_KIND_DEFS)) pairs.push(e.name, e.description);
  for (const p of PRESETS) pairs.push(p.name);
  pairs.push(...Object.values(PALETTE_GROUP_NAMES));
  for (const t of TEMPLATES) pairs.push(t.name, t.description);
  // A name that is the same in both languages somewhere (a preset "Solaris") is a proper name.
  const proper = new Set(pairs.filter((p) => p.en === p.ko).map((p) => p.en.trim()));
  const out = new Set<string>();
  for (const p of pairs)
    if (p.en !== p.ko && !/\{\w+\}/.test(p.en) && /[A-Za-z]{2}/.test(p.en) && !proper.has(p.en.trim()))
      out.add(p.en.trim());
  return out;
}

/** The text a person sees or hears: visible text nodes, and accessible names and placeholders. */
async function visibleTexts(page: Page): Promise<{ text: string; lang: string | null }[]> {
  return page.evaluate(() => {
    const out: { text: string; lang: string | null }[] = [];
    const shown = (el: Element) =>
      (el as HTMLElement).getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    // User content (labels, props, typed text), rule ids and key caps are not UI text.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      const text = n.textContent?.trim();
      if (
        text &&
        shown(el) &&
        !el.closest("textarea, input, kbd, .sd-label, .sd-prop, .react-flow__edge-text, code")
      )
        out.push({ text, lang: el.closest("[lang]")?.getAttribute("lang") ?? null });
    }
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
      if (!shown(el) || el.closest(".react-flow__node")) continue;
      for (const a of ["aria-label", "title", "placeholder"]) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push({ text: v, lang: el.closest("[lang]")?.getAttribute("lang") ?? null });
      }
    }
    return out;
  });
}

/** Opens every screen and dialog in turn and hands each to `check`. */
async function everyScreen(page: Page, lang: "en" | "ko", check: (where: string) => Promise<void>) {
  const t = STRINGS[lang];
  await open(page, `lang=${lang}&template=common-mistakes`);
  await check("main, with problems");
  await page
    .locator(".react-flow__node")
    .first()
    .click({ position: { x: 8, y: 8 } });
  await check("inspector with a node selected");
  await page.getByRole("button", { name: `${t.exportMenu} ▾` }).click();
  await check("export menu");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: `${t.importMenu} ▾` }).click();
  await check("import menu");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: t.templates, exact: true }).click();
  // The gallery and the shortcuts sheet load on first use: check them once they are there.
  await expect(page.getByRole("dialog", { name: t.templatesTitle }).locator("img").first()).toBeVisible();
  await check("templates gallery");
  await page.getByRole("dialog").getByRole("button").nth(1).click();
  await check("open-beside question");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.getByRole("button", { name: t.shortcutsButton, exact: true }).click();
  await expect(page.getByRole("dialog", { name: t.cmdShortcuts })).toBeVisible();
  await check("shortcuts sheet");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: t.open, exact: true }).click();
  await (
    await chooser
  ).setFiles({
    name: "bad.stackdraw.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"format":"stackdraw","version":7,"nodes":[]}'),
  });
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await check("file error dialog");
  await page.getByRole("alertdialog").getByRole("button").click();
  await page.goto(`/?lang=${lang}&template=ecs-docker`);
  await page.locator(".react-flow__node").first().waitFor();
  await check("ecs-docker with the overlay legend");
}

test("in Korean mode no English UI text remains", async ({ page }) => {
  const english = englishUiTexts();
  const leaks: string[] = [];
  await everyScreen(page, "ko", async (where) => {
    for (const { text } of await visibleTexts(page)) if (english.has(text)) leaks.push(`${where}: ${text}`);
  });
  expect(leaks).toEqual([]);
});

test("in English mode no Korean UI text remains", async ({ page }) => {
  const leaks: string[] = [];
  await everyScreen(page, "en", async (where) => {
    // The language switch names Korean in Korean, on purpose (lang="ko").
    for (const { text, lang } of await visibleTexts(page))
      if (/[\u3131-\u318e\uac00-\ud7a3]/.test(text) && lang !== "ko") leaks.push(`${where}: ${text}`);
  });
  expect(leaks).toEqual([]);
});

test("the language follows the browser by default and the choice is remembered", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ko-KR" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("complementary", { name: "팔레트" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("complementary", { name: "Palette" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("complementary", { name: "Palette" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // ?lang wins over the remembered choice.
  await page.goto("/?lang=ko");
  await expect(page.getByRole("complementary", { name: "팔레트" })).toBeVisible();
  await context.close();
});
