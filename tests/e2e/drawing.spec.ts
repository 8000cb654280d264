/**
 * Drawing by hand stays tidy (docs/drawing.md §1), with real pointer gestures: the five-drop build,
 * drops that go where they make sense (and say so before the drop), resize handles, children
 * dragged out, Esc mid-drag.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  center,
  documentOf,
  dragNodeTo,
  dropPreset,
  node,
  open,
  palette,
  problems,
  viewSettled,
} from "./helpers.ts";

type Doc = Awaited<ReturnType<typeof documentOf>>;
const byKind = (d: Doc, kind: string, nth = 0) => d.nodes.filter((n) => n.kind === kind)[nth]!;
const byId = (d: Doc, id: string) => d.nodes.find((n) => n.id === id)!;
const pane = (page: Page) => page.locator(".react-flow__pane");

const zoomOf = (page: Page) =>
  page.evaluate(
    () =>
      new DOMMatrixReadOnly(getComputedStyle(document.querySelector(".react-flow__viewport")!).transform).a,
  );

const selectedNodes = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as { __stackdraw: { getState: () => { selectedNodes: string[] } } }
      ).__stackdraw.getState().selectedNodes,
  );

/** Clicks a node on its own strip and renames it in the inspector, as a person would to tell two alike apart. */
async function rename(page: Page, target: Locator, name: string) {
  // The node as it is now (a locator by name would find another node once this one is renamed).
  const id = (await target.getAttribute("data-id"))!;
  const el = page.locator(`.react-flow__node[data-id="${id}"]`);
  // A preset just added may be on its way into view (an animated pan): click where it comes to rest.
  await viewSettled(page);
  const b = (await el.boundingBox())!;
  await el.click({ position: { x: 20, y: b.height - 12 } });
  // The click selected this node alone, so the inspector shows it, before anything is typed.
  await expect.poll(() => selectedNodes(page)).toEqual([id]);
  const field = page.getByRole("complementary", { name: "Inspector" }).getByLabel("Label", { exact: true });
  await field.fill(name);
  await field.press("Enter");
  // The new name is on the canvas (not only in the document) before the next step picks nodes by
  // their names: a locator of the old name would otherwise still find this node.
  await expect(
    page
      .getByRole("region", { name: /^(Canvas|캔버스)$/ })
      .getByRole("button", { name: new RegExp(`: ${name}$`) }),
  ).toHaveCount(1);
}

/**
 * Server, Ubuntu, Docker Engine, then two containers onto the engine, all dragged from the palette.
 * The last drops grow the stack past the view's edge, which then shows it whole (an animation):
 * unless `settle` is false, Fit view afterwards puts the view where the test can measure it at once.
 */
async function fiveDrops(page: Page, settle = true) {
  await dropPreset(page, "Physical server", pane(page), { x: 140, y: 90 });
  const server = node(page, "Physical server: Physical server");
  await expect(server).toBeVisible();
  const first = byKind(await documentOf(page), "physical-host").position;
  await dropPreset(page, "Ubuntu", server);
  const ubuntu = node(page, "Kernel (OS): Ubuntu");
  await dropPreset(page, "Docker Engine", ubuntu);
  const engine = node(page, "Container engine: Docker Engine");
  await dropPreset(page, "Container", engine);
  await expect(node(page, "Container: Container")).toHaveCount(1);
  // The second one on the engine's middle.
  await dropPreset(page, "Container", engine);
  await expect(node(page, "Container: Container")).toHaveCount(2);
  if (settle) {
    await page.getByRole("button", { name: "Fit View" }).click();
    await viewSettled(page);
  }
  return { server, ubuntu, engine, first };
}

/** Whether `inner`'s box lies wholly in `outer`'s. */
async function isInside(outer: Locator, inner: Locator): Promise<boolean> {
  const o = (await outer.boundingBox())!;
  const i = (await inner.boundingBox())!;
  return (
    i.x >= o.x - 0.5 &&
    i.y >= o.y - 0.5 &&
    i.x + i.width <= o.x + o.width + 0.5 &&
    i.y + i.height <= o.y + o.height + 0.5
  );
}
async function inside(outer: Locator, inner: Locator) {
  expect(await isInside(outer, inner)).toBe(true);
}

test("the five-drop build: the server stays where it was dropped, two containers side by side, no error", async ({
  page,
}) => {
  const errors = await open(page);
  const { first } = await fiveDrops(page, false);
  const doc = await documentOf(page);
  const server = byKind(doc, "physical-host");
  expect(Math.abs(server.position.x - first.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(server.position.y - first.y)).toBeLessThanOrEqual(1);
  const engine = byKind(doc, "container-engine");
  const [c1, c2] = [byKind(doc, "container", 0), byKind(doc, "container", 1)];
  expect(c1.parentId).toBe(engine.id);
  expect(c2.parentId).toBe(engine.id);
  expect(c2.position.y).toBe(c1.position.y);
  expect(Math.abs(c2.position.x - c1.position.x)).toBeGreaterThanOrEqual(c1.size.width);
  await expect(problems(page).getByRole("listitem")).toHaveCount(0);
  // Every box on the canvas: none under the palette, the toolbar or past the pane (once the view
  // has shown the grown stack whole).
  const canvas = page.getByRole("region", { name: "Canvas" });
  const boxes = [
    node(page, "Physical server: Physical server"),
    node(page, "Kernel (OS): Ubuntu"),
    node(page, "Container engine: Docker Engine"),
    ...(await node(page, "Container: Container").all()),
  ];
  await expect
    .poll(async () => {
      for (const b of boxes) if (!(await isInside(canvas, b))) return false;
      return true;
    })
    .toBe(true);
  expect(errors).toEqual([]);
});

test("a node dragged over a child that cannot take it goes to the ancestor that can, named before the drop", async ({
  page,
}) => {
  await open(page);
  const { engine } = await fiveDrops(page);
  // A loose container at the root (clicked with nothing selected).
  await page.keyboard.press("Escape");
  await palette(page).getByRole("button", { name: "Container", exact: true }).click();
  const looseId = (await documentOf(page)).nodes.find((n) => n.kind === "container" && !n.parentId)!.id;
  await rename(page, page.locator(`.react-flow__node[data-id="${looseId}"]`), "Worker");
  const worker = node(page, "Container: Worker");
  await expect(worker).toBeVisible();
  await page.getByRole("button", { name: "Fit View" }).click();
  const doc0 = await documentOf(page);
  const loose = doc0.nodes.find((n) => n.kind === "container" && n.parentId === undefined)!;
  const c1 = doc0.nodes.find((n) => n.kind === "container" && n.parentId !== undefined)!;
  const target = await center(node(page, "Container: Container").first());
  await dragNodeTo(page, worker, target, { release: false });
  const tip = engine.getByRole("status");
  await expect(tip).toHaveText(/^Drops into Docker Engine/);
  await page.mouse.up();
  const doc1 = await documentOf(page);
  expect(byId(doc1, loose.id).parentId).toBe(byKind(doc1, "container-engine").id);
  expect(byId(doc1, c1.id).parentId).toBe(byKind(doc1, "container-engine").id);
  await expect(problems(page).getByRole("listitem")).toHaveCount(0);
});

test("a server dragged over a container stays at the root", async ({ page }) => {
  await open(page);
  await fiveDrops(page);
  await page.keyboard.press("Escape");
  // Two servers clicked in a row stand side by side, not one in the other.
  await palette(page).getByRole("button", { name: "Physical server", exact: true }).click();
  const doc0 = await documentOf(page);
  const second = doc0.nodes.filter((n) => n.kind === "physical-host")[1]!;
  expect(second.parentId).toBeUndefined();
  await page.getByRole("button", { name: "Fit View" }).click();
  const servers = node(page, "Physical server: Physical server");
  await dragNodeTo(page, servers.nth(1), await center(node(page, "Container: Container").first()));
  const doc1 = await documentOf(page);
  expect(byId(doc1, second.id).parentId).toBeUndefined();
});

test("resizing grows the parent, cannot cut the children, and is one undo step", async ({ page }) => {
  await open(page);
  const { ubuntu, server } = await fiveDrops(page);
  await page.getByRole("button", { name: "Fit View" }).click();
  const doc0 = await documentOf(page);
  const k0 = byKind(doc0, "kernel");
  const s0 = byKind(doc0, "physical-host");
  // Select the kernel on its band, then drag its bottom-right corner out.
  const box = (await ubuntu.boundingBox())!;
  await page.mouse.click(box.x + 20, box.y + box.height - 12);
  const zoom = await zoomOf(page);
  const corner = page.locator(".react-flow__resize-control.handle.bottom.right");
  await expect(corner).toHaveCount(1);
  const c = await center(corner);
  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(c.x + (100 * i) / 8, c.y + (50 * i) / 8);
  await page.mouse.up();
  const doc1 = await documentOf(page);
  const k1 = byKind(doc1, "kernel");
  expect(k1.size.width).toBeGreaterThan(k0.size.width + 100 / zoom - 4);
  expect(k1.size.height).toBeGreaterThan(k0.size.height + 50 / zoom - 4);
  // The server grew around it, right and down; it did not move.
  const s1 = byKind(doc1, "physical-host");
  expect(s1.position).toEqual(s0.position);
  expect(s1.size.width).toBeGreaterThan(s0.size.width);
  await inside(server, ubuntu);

  // Pulled far in: it stops at what its engine needs.
  const c2 = await center(corner);
  await page.mouse.move(c2.x, c2.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(c2.x - (600 * i) / 8, c2.y - (400 * i) / 8);
  await page.mouse.up();
  const doc2 = await documentOf(page);
  const k2 = byKind(doc2, "kernel");
  const e2 = byKind(doc2, "container-engine");
  expect(k2.size.width).toBeGreaterThanOrEqual(e2.position.x + e2.size.width + 12);
  expect(k2.size.height).toBeGreaterThanOrEqual(e2.position.y + e2.size.height + 54);
  await inside(ubuntu, node(page, "Container engine: Docker Engine"));

  // Its top-left corner cannot be pulled past the server's content edge (a parent never grows left
  // or up), however far the pointer goes.
  const tl = await center(page.locator(".react-flow__resize-control.handle.top.left"));
  await page.mouse.move(tl.x, tl.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(tl.x - (200 * i) / 8, tl.y - (150 * i) / 8);
  await page.mouse.up();
  const doc3 = await documentOf(page);
  expect(byKind(doc3, "kernel").position).toEqual(k2.position);
  expect(byKind(doc3, "physical-host").position).toEqual(s0.position);
  expect(byKind(doc3, "kernel").size.width).toBeLessThanOrEqual(k2.size.width);

  // Each resize is one undo step.
  await page.getByRole("button", { name: "Undo" }).click();
  expect(byKind(await documentOf(page), "kernel").size).toEqual(k1.size);
  await page.getByRole("button", { name: "Undo" }).click();
  expect(byKind(await documentOf(page), "kernel").size).toEqual(k0.size);
});

test("a child dragged out shrinks its auto-sized parent and leaves a hand-sized one as it was", async ({
  page,
}) => {
  await open(page);
  const { engine } = await fiveDrops(page);
  await page.getByRole("button", { name: "Zoom out" }).click();
  await page.getByRole("button", { name: "Zoom out" }).click();
  // The zoom animates: the boxes are measured where they come to rest.
  await viewSettled(page);
  const doc0 = await documentOf(page);
  const e0 = byKind(doc0, "container-engine");
  const p = (await pane(page).boundingBox())!;
  const containers = node(page, "Container: Container");
  await rename(page, containers.nth(0), "web");
  await rename(page, containers.nth(0), "db");
  await dragNodeTo(page, node(page, "Container: db"), { x: p.x + p.width - 120, y: p.y + p.height - 120 });
  const doc1 = await documentOf(page);
  const e1 = byKind(doc1, "container-engine");
  const db = doc1.nodes.find((n) => n.label === "db")!;
  expect(db.parentId).toBeUndefined();
  expect(e1.size.width).toBe(e0.size.width - db.size.width - 12);

  // Sized by hand, then a child dragged out: it keeps its size.
  const eb = (await engine.boundingBox())!;
  await page.mouse.click(eb.x + 20, eb.y + eb.height - 12);
  const corner = page.locator(".react-flow__resize-control.handle.bottom.right");
  const c = await center(corner);
  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(c.x + (30 * i) / 6, c.y + (20 * i) / 6);
  await page.mouse.up();
  const sized = byKind(await documentOf(page), "container-engine").size;
  await dragNodeTo(page, node(page, "Container: web"), { x: p.x + p.width - 120, y: p.y + 60 });
  const doc2 = await documentOf(page);
  expect(doc2.nodes.find((n) => n.label === "web")!.parentId).toBeUndefined();
  expect(byKind(doc2, "container-engine").size).toEqual(sized);
});

test("Esc mid-drag changes nothing", async ({ page }) => {
  await open(page);
  const { ubuntu } = await fiveDrops(page);
  await page.keyboard.press("Escape");
  await palette(page).getByRole("button", { name: "Physical server", exact: true }).click();
  const before = await documentOf(page);
  const undo = page.getByRole("button", { name: "Undo" });
  await dragNodeTo(page, ubuntu, await center(node(page, "Physical server: Physical server").nth(1)), {
    release: false,
  });
  await page.keyboard.press("Escape");
  await page.mouse.move(10, 10, { steps: 4 });
  await page.mouse.up();
  expect(await documentOf(page)).toEqual(before);
  // And no step to undo for it: one undo takes back the second server.
  await undo.click();
  expect((await documentOf(page)).nodes.filter((n) => n.kind === "physical-host")).toHaveLength(1);
});

test("Arrange with a leaf selected arranges its tree in place, and shows it whole", async ({ page }) => {
  await open(page);
  await fiveDrops(page);
  const doc0 = await documentOf(page);
  const server0 = byKind(doc0, "physical-host");
  // Select a container (a leaf), then Arrange.
  const c = (await node(page, "Container: Container").first().boundingBox())!;
  await page.mouse.click(c.x + 20, c.y + c.height / 2);
  await page.getByRole("button", { name: "Arrange", exact: true }).click();
  const doc1 = await documentOf(page);
  expect(byKind(doc1, "physical-host").position).toEqual(server0.position);
  // Every node of the tree is in view, clear of the minimap, 24 px in from the canvas's edges.
  const canvas = (await page.getByRole("region", { name: "Canvas" }).boundingBox())!;
  // A diagram of fewer than 50 nodes has no minimap (Canvas.tsx MINIMAP_MIN_NODES).
  const minimap = (await page.locator(".react-flow__minimap").count())
    ? (await page.locator(".react-flow__minimap").boundingBox())!
    : { x: Infinity, y: Infinity, width: 0, height: 0 };
  await expect
    .poll(async () => {
      const b = (await node(page, "Physical server: Physical server").boundingBox())!;
      return (
        b.x >= canvas.x + 23 &&
        b.y >= canvas.y + 23 &&
        b.x + b.width <= canvas.x + canvas.width - 23 &&
        b.y + b.height <= canvas.y + canvas.height - 23 &&
        (b.x + b.width <= minimap.x || b.y + b.height <= minimap.y)
      );
    })
    .toBe(true);
  // One undo step.
  await page.getByRole("button", { name: "Undo" }).click();
  expect((await documentOf(page)).nodes.map((n) => n.position)).toEqual(doc0.nodes.map((n) => n.position));
});

test("hiding the palette and the inspector widens the canvas, and the choice survives a reload", async ({
  page,
}) => {
  await open(page);
  const canvas = page.getByRole("region", { name: "Canvas" });
  const w0 = (await canvas.boundingBox())!.width;
  await page.getByRole("button", { name: "Hide palette" }).click();
  await expect(palette(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Hide inspector" }).click();
  await expect(page.getByRole("complementary", { name: "Inspector" })).toHaveCount(0);
  await expect.poll(async () => (await canvas.boundingBox())!.width).toBeGreaterThan(w0 + 400);
  const h0 = (await canvas.boundingBox())!.height;
  await page.getByRole("button", { name: "Hide problems" }).click();
  await expect(problems(page)).toHaveCount(0);
  await expect.poll(async () => (await canvas.boundingBox())!.height).toBeGreaterThan(h0 + 100);
  await page.reload();
  await expect(canvas).toBeVisible();
  await expect(page.getByRole("button", { name: "Show palette" })).toBeVisible();
  await expect(palette(page)).toHaveCount(0);
  await expect(page.getByRole("complementary", { name: "Inspector" })).toHaveCount(0);
  await page.getByRole("button", { name: "Show palette" }).click();
  await expect(palette(page)).toBeVisible();
  await page.getByRole("button", { name: "Show inspector" }).click();
  await page.getByRole("button", { name: "Show problems" }).click();
  await expect(problems(page)).toBeVisible();
});

for (const lang of ["en", "ko"] as const) {
  test(`the canvas keeps its place when the UI font arrives (${lang})`, async ({ browser }) => {
    // The first paint draws with a fallback face; the UI font swaps in when its files arrive. With
    // them held back for good, the page shows the fallback's geometry; the canvas (and so a saved
    // view's place on screen) is the same either way.
    const boxes = async (blockFonts: boolean) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      if (blockFonts) await page.route(/\.woff2?(\?.*)?$/, (r) => r.abort());
      await open(page, `lang=${lang}`);
      const loaded = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.status === "loaded" && f.family.includes("Pretendard"))
          .length;
      });
      if (blockFonts) expect(loaded, "no UI font face loaded").toBe(0);
      else expect(loaded, "the UI font loaded").toBeGreaterThan(0);
      const out = {
        canvas: await page.getByRole("region", { name: lang === "en" ? "Canvas" : "캔버스" }).boundingBox(),
        toolbar: await page.getByRole("toolbar").first().boundingBox(),
      };
      await page.close();
      return out;
    };
    const fallback = await boxes(true);
    expect(await boxes(false)).toEqual(fallback);
  });
}

test("the first paint is drawn in the UI font, not in a fallback face it replaces a moment later", async ({
  page,
}) => {
  // Whether the UI font's face for Latin text (the one that sets every line's height) is there at
  // the moment the editor's first elements go into the page.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const root = document.getElementById("root");
      if (!root || root.childElementCount === 0) return;
      (window as unknown as { __fontAtFirstPaint: boolean }).__fontAtFirstPaint = document.fonts.check(
        '14px "Pretendard Variable"',
        " Stackdraw",
      );
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await open(page);
  expect(
    await page.evaluate(() => (window as unknown as { __fontAtFirstPaint?: boolean }).__fontAtFirstPaint),
  ).toBe(true);
});

test("the same in Korean: the hint names the receiver, the panel buttons say hide and show", async ({
  page,
}) => {
  await open(page, "lang=ko");
  await dropPreset(page, "물리 서버", pane(page), { x: 160, y: 120 });
  const server = node(page, "물리 서버: 물리 서버");
  await dropPreset(page, "Ubuntu", server);
  await page.keyboard.press("Escape");
  await palette(page).getByRole("button", { name: "Ubuntu", exact: true }).click();
  await page.getByRole("button", { name: "화면에 맞추기" }).click();
  const loose = node(page, "커널 (운영체제): Ubuntu").nth(0);
  await dragNodeTo(page, loose, await center(server), { release: false });
  await expect(server.getByRole("status")).toContainText("물리 서버에 놓입니다");
  await page.keyboard.press("Escape");
  await page.mouse.up();
  await page.getByRole("button", { name: "팔레트 숨기기" }).click();
  await expect(page.getByRole("button", { name: "팔레트 보이기" })).toBeVisible();
});

test("the context menu on a node and on the canvas runs the command table", async ({ page }) => {
  await open(page);
  await fiveDrops(page);
  await page.getByRole("button", { name: "Fit View" }).click();
  // On a node: Delete, through the menu.
  const c = (await node(page, "Container: Container").nth(1).boundingBox())!;
  await page.mouse.click(c.x + 20, c.y + c.height / 2, { button: "right" });
  const menu = page.getByRole("menu", { name: "Commands" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: /Arrange/ })).toBeVisible();
  await menu.getByRole("menuitem", { name: /Delete/ }).click();
  await expect(menu).toHaveCount(0);
  await expect(node(page, "Container: Container")).toHaveCount(1);
  // On the canvas: Undo brings it back; Fit to contents is not offered there.
  const p = (await pane(page).boundingBox())!;
  await page.mouse.click(p.x + p.width - 60, p.y + 60, { button: "right" });
  await expect(menu.getByRole("menuitem", { name: /Fit to contents/ })).toHaveCount(0);
  await menu.getByRole("menuitem", { name: /Undo/ }).click();
  await expect(node(page, "Container: Container")).toHaveCount(2);
  // Esc closes it, changing nothing.
  await page.mouse.click(p.x + p.width - 60, p.y + 60, { button: "right" });
  await expect(menu).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(node(page, "Container: Container")).toHaveCount(2);
});

test("Enter in the palette search adds the best match, and the keyboard walks the stack", async ({
  page,
}) => {
  await open(page);
  const search = page.getByRole("searchbox", { name: "Search presets" });
  for (const q of ["physical server", "ubuntu", "docker engine", "container", "container"]) {
    await search.fill(q);
    await search.press("Enter");
  }
  await expect(page.locator(".react-flow__node")).toHaveCount(5);
  const doc = await documentOf(page);
  const engine = byKind(doc, "container-engine");
  expect(doc.nodes.filter((n) => n.kind === "container" && n.parentId === engine.id)).toHaveLength(2);
  await expect(problems(page).getByRole("listitem")).toHaveCount(0);
  // Out of the search, to the canvas, then up to the engine, down again, and across the containers.
  await search.press("Tab");
  await page.keyboard.press("Shift+C");
  await expect(node(page, "Container: Container").nth(1)).toBeFocused();
  const selected = () =>
    page.evaluate(
      () =>
        (
          window as unknown as { __stackdraw: { getState: () => { selectedNodes: string[] } } }
        ).__stackdraw.getState().selectedNodes,
    );
  const c2 = byKind(doc, "container", 1).id;
  expect(await selected()).toEqual([c2]);
  await page.keyboard.press("Alt+ArrowUp");
  expect(await selected()).toEqual([engine.id]);
  await page.keyboard.press("Alt+ArrowDown");
  expect(await selected()).toEqual([byKind(doc, "container", 0).id]);
  await page.keyboard.press("Alt+ArrowRight");
  expect(await selected()).toEqual([c2]);
});

test("the context menu on an edge deletes it", async ({ page }) => {
  await open(page, "lang=en&template=ecs-docker");
  await expect(page.locator(".react-flow__edge").first()).toBeVisible();
  const before = (await documentOf(page)).edges.length;
  expect(before).toBeGreaterThan(0);
  // The middle of the longest drawn edge, on screen.
  const at = await page.evaluate(() => {
    let best: { x: number; y: number; len: number } | null = null;
    for (const path of document.querySelectorAll<SVGPathElement>(".react-flow__edge path")) {
      const len = path.getTotalLength();
      if (best && len <= best.len) continue;
      const p = path.getPointAtLength(len / 2);
      const m = path.getScreenCTM()!;
      best = { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f, len };
    }
    return best!;
  });
  await page.mouse.click(at.x, at.y, { button: "right" });
  const menu = page.getByRole("menu", { name: "Commands" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem")).toHaveCount(1);
  await menu.getByRole("menuitem", { name: /Delete/ }).click();
  expect((await documentOf(page)).edges).toHaveLength(before - 1);
});

test("Esc mid-resize changes nothing", async ({ page }) => {
  await open(page);
  const { ubuntu } = await fiveDrops(page);
  const before = await documentOf(page);
  const box = (await ubuntu.boundingBox())!;
  await page.mouse.click(box.x + 20, box.y + box.height - 12);
  const corner = page.locator(".react-flow__resize-control.handle.bottom.right");
  const c = await center(corner);
  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(c.x + (90 * i) / 6, c.y + (60 * i) / 6);
  // Mid-gesture the kernel has grown on screen…
  await expect.poll(async () => (await ubuntu.boundingBox())!.width).toBeGreaterThan(box.width + 40);
  await page.keyboard.press("Escape");
  // …and Esc puts it back before the pointer is even released.
  await expect.poll(async () => (await ubuntu.boundingBox())!.width).toBeCloseTo(box.width, 0);
  await page.mouse.move(c.x + 120, c.y + 90, { steps: 3 });
  await page.mouse.up();
  expect(await documentOf(page)).toEqual(before);
  await expect(page.getByRole("button", { name: "Undo" })).toBeEnabled();
  await page.getByRole("button", { name: "Undo" }).click();
  // The last step undone is the second container's drop, not a resize.
  await expect(node(page, "Container: Container")).toHaveCount(1);
});

test("Fit view and Zoom to selection leave no node under the minimap, the controls or the legend", async ({
  page,
}) => {
  await open(page, "lang=en&template=ecs-vs-eks");
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  // The overlay on (this template may open with it), so that its legend floats over the canvas.
  const overlay = page.getByRole("button", { name: "Who manages what" });
  if ((await overlay.getAttribute("aria-pressed")) !== "true") await overlay.click();
  await expect(page.getByRole("note", { name: "Who manages what" })).toBeVisible();
  const covers = [
    page.locator(".react-flow__minimap"),
    page.locator(".react-flow__controls"),
    page.getByRole("note", { name: "Who manages what" }),
  ];
  const clear = async () => {
    const boxes = await page.locator(".react-flow__node").evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    for (const c of covers) {
      // A diagram of fewer than 50 nodes has no minimap (Canvas.tsx MINIMAP_MIN_NODES).
      if ((await c.count()) === 0) continue;
      const o = (await c.boundingBox())!;
      for (const b of boxes)
        if (b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height)
          return false;
    }
    return true;
  };
  await page.getByRole("button", { name: "Fit View" }).click();
  await expect.poll(clear).toBe(true);
  // Zoom to selection: the first root tree, selected from the keyboard.
  await page.getByRole("region", { name: "Canvas" }).focus();
  await page.keyboard.press("Alt+ArrowUp");
  await page.keyboard.press("Shift+S");
  await expect.poll(clear).toBe(true);
});

test("the empty canvas invites both ways to start: drag a preset, or open a template", async ({ page }) => {
  await open(page);
  const canvas = page.getByRole("region", { name: /^(Canvas|캔버스)$/ });
  await expect(canvas.getByText("Drag a preset from the palette")).toBeVisible();
  // Walking the tree with nothing to walk keeps the page: Alt+← is not the browser's Back here.
  const url = page.url();
  await canvas.focus();
  await page.keyboard.press("Alt+ArrowLeft");
  await expect(canvas).toBeVisible();
  expect(page.url()).toBe(url);
  await canvas.getByRole("button", { name: "Open a template…" }).click();
  await expect(page.getByRole("dialog", { name: "Templates" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "한국어" }).click();
  await expect(canvas.getByRole("button", { name: "템플릿 열기…" })).toBeVisible();
  await expect(canvas.getByText("템플릿에서 시작하세요")).toBeVisible();
  // Gone once there is something on the canvas.
  await palette(page).getByRole("button", { name: "물리 서버", exact: true }).click();
  await expect(canvas.getByRole("button", { name: "템플릿 열기…" })).toHaveCount(0);
});
