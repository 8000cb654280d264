import { expect, test, type Page } from "@playwright/test";
import { documentOf, inspector, open, problems } from "./helpers.ts";
import { TEMPLATES } from "../../src/templates/index.ts";

const IDS = TEMPLATES.map((t) => t.id);

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the page shows: each node's box, each label's overflow, and the zoom. */
async function rendered(page: Page) {
  return page.evaluate(() => {
    const boxes: Record<string, Box> = {};
    const overflowing: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(".react-flow__node")) {
      const r = el.getBoundingClientRect();
      boxes[el.dataset.id!] = { x: r.x, y: r.y, width: r.width, height: r.height };
      for (const label of el.querySelectorAll<HTMLElement>(":scope > .sd-node > .sd-band .sd-label"))
        if (label.scrollWidth > label.clientWidth + 1)
          overflowing.push(`${el.dataset.id}: ${label.textContent}`);
    }
    const transform = getComputedStyle(document.querySelector(".react-flow__viewport")!).transform;
    const zoom = new DOMMatrixReadOnly(transform).a;
    // Every node name as it lies on screen, and what could cover one: the pane's edges, the
    // controls, the minimap, the legend, and the panels beside and under the canvas.
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const names = [...document.querySelectorAll<HTMLElement>(".react-flow__node .sd-label")].map((e) => ({
      text: e.textContent ?? "",
      box: rect(e),
    }));
    const pane = rect(document.querySelector(".react-flow")!);
    const covers = [
      ...document.querySelectorAll(
        ".react-flow__controls, .react-flow__minimap, .sd-legend, .sd-panel-slot-palette, .sd-panel-slot-inspector, .sd-panel-slot-problems",
      ),
    ].map((e) => ({ what: e.className, box: rect(e) }));
    return { boxes, overflowing, zoom, names, pane, covers };
  });
}

const inside = (c: Box, p: Box) =>
  c.x >= p.x - 0.5 &&
  c.y >= p.y - 0.5 &&
  c.x + c.width <= p.x + p.width + 0.5 &&
  c.y + c.height <= p.y + p.height + 0.5;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

for (const lang of ["en", "ko"] as const) {
  for (const id of IDS) {
    test(`template ${id} (${lang}) reads cleanly at 1280×800`, async ({ page }) => {
      const errors = await open(page, `lang=${lang}&template=${id}`);
      await expect(page.locator(".react-flow__node").first()).toBeVisible();
      const doc = await documentOf(page);
      await expect(page.locator(".react-flow__node")).toHaveCount(doc.nodes.length);
      await page.waitForTimeout(150);
      const { boxes, overflowing, zoom, names, pane, covers } = await rendered(page);
      // Names are 13 px: on screen they are at least 11 px (docs/drawing.md §1.10), the whole
      // figure in view, no name under a panel, the minimap, a control or the legend.
      expect(zoom * 13).toBeGreaterThanOrEqual(11);
      for (const n of names) {
        expect(inside(n.box, pane), `${n.text} in view`).toBe(true);
        for (const c of covers) expect(overlap(n.box, c.box), `${n.text} under ${c.what}`).toBe(false);
      }
      expect(overflowing).toEqual([]);
      for (const n of doc.nodes) {
        if (n.parentId)
          expect(inside(boxes[n.id]!, boxes[n.parentId]!), `${n.id} inside ${n.parentId}`).toBe(true);
        for (const m of doc.nodes)
          if (m.id < n.id && (m.parentId ?? null) === (n.parentId ?? null))
            expect(overlap(boxes[n.id]!, boxes[m.id]!), `${n.id} overlaps ${m.id}`).toBe(false);
      }
      const listed = problems(page).getByRole("listitem");
      if (id === "common-mistakes") await expect(listed).toHaveCount(6);
      else await expect(listed).toHaveCount(0);
      expect(errors).toEqual([]);
    });
  }
}

test("ecs-docker opens with the who-manages-what overlay and its legend", async ({ page }) => {
  await open(page, "lang=en&template=ecs-docker");
  await expect(page.getByRole("button", { name: "Who manages what" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const legend = page.getByRole("note", { name: "Who manages what" });
  await expect(legend).toContainText("You manage it");
  await expect(legend).toContainText("The provider manages it");
  await expect(page.locator(".sd-managed-provider").first()).toBeVisible();
  await expect(page.locator(".sd-managed-user").first()).toBeVisible();
});

test("vm-vs-container: the facts show the kernel count of each side", async ({ page }) => {
  await open(page, "lang=en&template=vm-vs-container");
  // Too wide to read beside the panels at 1280×800: it opens with the canvas given their room.
  await page.getByRole("button", { name: "Show inspector" }).click();
  const facts = inspector(page).getByRole("list", { name: "This diagram" });
  await expect(facts).toContainText("4 kernels");
  await expect(facts).toContainText(": 1 kernel");
});

test("a template too big to read beside the panels gets their room for the visit; the person's choice stays", async ({
  page,
}) => {
  await open(page, "lang=en&template=ecs-docker");
  await expect(page.getByRole("button", { name: "Show palette" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Show inspector" })).toBeVisible();
  // No problem to list: the problems panel gives its room too.
  await expect(page.getByRole("button", { name: "Show problems" })).toBeVisible();
  await page.getByRole("button", { name: "Show palette" }).click();
  await expect(page.getByRole("complementary", { name: "Palette" })).toBeVisible();
  // A small template reads beside the panels: nothing is hidden for it.
  await page.goto("/?lang=en&template=one-server-many-functions");
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Hide palette" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Hide inspector" })).toBeVisible();
  // The made room was not remembered: common-mistakes keeps the problems it is about in view.
  await page.goto("/?lang=en&template=common-mistakes");
  await expect(problems(page).getByRole("listitem")).toHaveCount(6);
});

test("the gallery opens a template as one undoable step, or beside the current work", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: "Templates" }).click();
  const dialog = page.getByRole("dialog", { name: "Templates" });
  await expect(dialog.getByRole("img")).toHaveCount(0); // thumbnails are decorative (alt="")
  await expect(dialog.locator("img")).toHaveCount(IDS.length);
  await dialog.getByRole("button", { name: "Open One physical server" }).click();
  await expect(dialog).toHaveCount(0);
  const one = await documentOf(page);
  expect(one.nodes.length).toBeGreaterThan(2);

  // With work on the canvas, the gallery asks where to put the next one.
  await page.getByRole("button", { name: "Templates" }).click();
  await page
    .getByRole("dialog", { name: "Templates" })
    .getByRole("button", { name: /^Open Virtualization vs containers/ })
    .click();
  await page.getByRole("button", { name: "Open beside it" }).click();
  const both = await documentOf(page);
  const vmVsContainer = both.nodes.length - one.nodes.length;
  expect(vmVsContainer).toBeGreaterThan(5);
  expect(new Set(both.nodes.map((n) => n.id)).size).toBe(both.nodes.length);

  await page.getByRole("button", { name: "Templates" }).click();
  await page
    .getByRole("dialog", { name: "Templates" })
    .getByRole("button", { name: /^Open Common mistakes/ })
    .click();
  await page.getByRole("button", { name: "Replace this diagram" }).click();
  await expect(problems(page).getByRole("listitem")).toHaveCount(6);

  await page.getByRole("button", { name: "Undo" }).click();
  expect((await documentOf(page)).nodes).toHaveLength(both.nodes.length);
  await page.getByRole("button", { name: "Undo" }).click();
  expect((await documentOf(page)).nodes).toHaveLength(one.nodes.length);
});

test("an unknown template in the URL says so and leaves the canvas empty", async ({ page }) => {
  await open(page, "lang=en&template=nope");
  await expect(page.getByRole("alert")).toContainText("There is no template called “nope”");
  expect((await documentOf(page)).nodes).toHaveLength(0);
});
