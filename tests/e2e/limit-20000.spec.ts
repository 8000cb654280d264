import { writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { perfDocument } from "../../bench/perf/doc.ts";
import { completeGeometry } from "../../src/domain/geometry.ts";
import { dragNodeTo, node, open } from "./helpers.ts";

// The document format's stated limit, 20,000 nodes (docs/document-format.md), opened through the
// UI and edited by hand: a pan, a drag into another parent, a rename. Results are checked, not
// times (the editor bench's "20,000 nodes" case measures those: bench/perf/run.ts).
//
// The document opens at a saved zoom-1 viewport, the editing view: without one the editor fits the
// whole document, which at 20,000 nodes is the minimum zoom (0.1), a small part of the document
// drawn as some 2,500 boxes without text: not where anyone edits.

const N = 20_000;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * bench/perf/doc.ts perfDocument(20,000) (seeded: the same document every run) with the positions
 * and sizes the editor gives it, as a saved file has them; and every node's absolute rectangle.
 */
function limitDocument() {
  const doc = completeGeometry(perfDocument(N));
  const rects = new Map<string, Rect>();
  for (const n of doc.nodes) {
    // Parents come first in perfDocument.
    const p = n.parentId ? rects.get(n.parentId)! : { x: 0, y: 0 };
    rects.set(n.id, { x: p.x + n.position!.x, y: p.y + n.position!.y, ...n.size! });
  }
  return { doc, rects };
}

/** What the store holds of one node (the whole 20,000-node document is 2.7 MB to hand over). */
function storedNode(page: Page, id: string) {
  return page.evaluate((id) => {
    const s = (
      window as unknown as {
        __stackdraw: {
          getState: () => { doc: { nodes: { id: string; parentId?: string; label?: string }[] } };
        };
      }
    ).__stackdraw.getState();
    const n = s.doc.nodes.find((x) => x.id === id);
    return n ? { parentId: n.parentId ?? null, label: n.label ?? null, count: s.doc.nodes.length } : null;
  }, id);
}

const storeView = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          __stackdraw: { getState: () => { viewport: { x: number; y: number; zoom: number } | null } };
        }
      ).__stackdraw.getState().viewport,
  );

/** The view once a pan has ended: the store's viewport (set when a move ends) and the drawn transform agree. */
async function settledView(page: Page) {
  let view: { x: number; y: number; zoom: number } | null = null;
  await expect
    .poll(
      async () => {
        const [vp, transform] = await Promise.all([
          storeView(page),
          page.locator(".react-flow__viewport").evaluate((e) => (e as HTMLElement).style.transform),
        ]);
        const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(transform);
        if (!vp || !m) return false;
        view = vp;
        return Math.abs(vp.x - Number(m[1])) < 0.01 && Math.abs(vp.y - Number(m[2])) < 0.01;
      },
      { message: "the view settles", timeout: 15_000 },
    )
    .toBe(true);
  return view!;
}

test("a 20,000-node document opens through Open at its saved view; pan, drag into another engine and rename work", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const errors = await open(page);
  const canvas = (await page.locator(".react-flow__pane").boundingBox())!;

  const { doc, rects } = limitDocument();
  const byLabel = (label: string) => doc.nodes.find((n) => n.label === label)!;
  // Host 1's first engine holds the dragged container; its second engine receives it, dropped on
  // its free room below its containers.
  const engines = doc.nodes.filter((n) => n.kind === "container-engine");
  const host1 = doc.nodes.find((n) => n.label === "host-1")!;
  const within = (id: string, outer: Rect) => {
    const r = rects.get(id)!;
    return (
      r.x >= outer.x &&
      r.y >= outer.y &&
      r.x + r.width <= outer.x + outer.width &&
      r.y + r.height <= outer.y + outer.height
    );
  };
  const [from, into] = engines.filter((e) => within(e.id, rects.get(host1.id)!)).slice(0, 2);
  expect(from && into, "host-1 has two engines").toBeTruthy();
  const moved = doc.nodes.find((n) => n.parentId === from!.id && n.kind === "container")!;
  const intoRect = rects.get(into!.id)!;
  const intoChildrenBottom = Math.max(
    ...doc.nodes
      .filter((n) => n.parentId === into!.id)
      .map((n) => rects.get(n.id)!.y + rects.get(n.id)!.height),
  );
  const drop = { x: intoRect.x + 40, y: (intoChildrenBottom + intoRect.y + intoRect.height) / 2 };
  expect(drop.y - intoChildrenBottom, "the engine has free room below its containers").toBeGreaterThan(10);
  const renamed = doc.nodes.find(
    (n) => n.parentId === from!.id && n.kind === "container" && n.id !== moved.id,
  )!;

  // The view after the pans: zoom 1, the document's top (y 0, where the tallest host starts) 100 px
  // down the canvas, so the strip above it is empty canvas to pan on at any x; the dragged
  // container and the drop point across it.
  const PANS = 3;
  const PAN = Math.round(Math.min(600, canvas.width - 140));
  const source = rects.get(moved.id)!;
  const midX = (source.x + source.width / 2 + drop.x) / 2;
  const target = { x: Math.round(canvas.width / 2 - midX), y: 100, zoom: 1 };
  // Opened PANS × PAN px to the left of it: each pan drags the canvas that far to the left.
  const saved = { x: target.x + PANS * PAN, y: target.y, zoom: 1 };
  const toScreen = (p: { x: number; y: number }, vp = target) => ({
    x: canvas.x + p.x * vp.zoom + vp.x,
    y: canvas.y + p.y * vp.zoom + vp.y,
  });
  // Everything the gestures touch is well inside the canvas (clear of its edges, where a drag
  // would pan the view, and of the controls and minimap in its bottom corners).
  for (const p of [
    toScreen(source),
    toScreen({ x: source.x + source.width, y: source.y + source.height }),
    toScreen(drop),
  ]) {
    expect(p.x - canvas.x).toBeGreaterThan(60);
    expect(canvas.x + canvas.width - p.x).toBeGreaterThan(60);
    expect(p.y - canvas.y).toBeGreaterThan(60);
    expect(canvas.y + canvas.height - p.y).toBeGreaterThan(130);
  }

  // Open, with a file chooser, a file as Save writes it.
  const file = testInfo.outputPath("limit-20000.stackdraw.json");
  writeFileSync(file, JSON.stringify({ ...doc, title: "20,000 nodes", view: { viewport: saved } }));
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: "Open", exact: true }).click();
  await (await chooser).setFiles(file);
  await expect.poll(async () => (await storedNode(page, "n0"))?.count ?? 0, { timeout: 60_000 }).toBe(N);
  await expect(node(page, "Physical server: host-0")).toBeVisible({ timeout: 30_000 });
  expect(await storeView(page)).toEqual(saved);
  // The canvas the view was chosen for.
  expect(await page.locator(".react-flow__pane").boundingBox()).toEqual(canvas);
  // Only what is in view (and a margin) is mounted, of 20,000.
  const mountedAtOpen = await page.locator(".react-flow__node").count();
  expect(mountedAtOpen).toBeGreaterThan(5);
  expect(mountedAtOpen).toBeLessThan(300);
  const movedNode = node(page, `Container: ${moved.label}`);
  await expect(movedNode).toHaveCount(0);

  // Pan: drag the empty canvas above the hosts to the left, PANS times.
  const near = byLabel("billing-0-0-0");
  await expect(node(page, `Container: ${near.label}`)).toBeVisible();
  for (let i = 0; i < PANS; i++) {
    const y = Math.round(canvas.y + 40);
    const x = Math.round(canvas.x + canvas.width - 70);
    // The press lands on the empty canvas, not on a node.
    expect(
      await page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.classList.contains("react-flow__pane") ?? false,
        [x, y],
      ),
    ).toBe(true);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - PAN, y, { steps: 10 });
    await page.mouse.up();
  }
  const panned = await settledView(page);
  expect(panned.zoom).toBe(1);
  expect(panned.x).toBeCloseTo(target.x, 0);
  expect(panned.y).toBeCloseTo(target.y, 0);
  // What came into view is mounted and drawn; what left it (and its margin) is not in the DOM.
  await expect(movedNode).toBeVisible();
  await expect(node(page, `Container: ${near.label}`)).toHaveCount(0);
  expect(await page.locator(".react-flow__node").count()).toBeLessThan(300);
  await expect(page.locator('.react-flow__node[style*="visibility: hidden"]')).toHaveCount(0);

  // Drag the container by hand into the other engine: press, move in steps, release.
  expect(await storedNode(page, moved.id)).toMatchObject({ parentId: from!.id });
  await dragNodeTo(page, movedNode, toScreen(drop));
  await expect
    .poll(async () => (await storedNode(page, moved.id))?.parentId, { timeout: 30_000 })
    .toBe(into!.id);
  expect((await storedNode(page, moved.id))!.count).toBe(N);
  await expect(movedNode).toBeVisible();
  // On screen inside its new engine.
  const box = (await movedNode.boundingBox())!;
  const intoBox = (await page.locator(`.react-flow__node[data-id="${into!.id}"]`).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(intoBox.x);
  expect(box.y).toBeGreaterThanOrEqual(intoBox.y);
  expect(box.x + box.width).toBeLessThanOrEqual(intoBox.x + intoBox.width);
  expect(box.y + box.height).toBeLessThanOrEqual(intoBox.y + intoBox.height);

  // Rename a container in place: select it, F2, type, Enter.
  const renamedNode = node(page, `Container: ${renamed.label}`);
  await renamedNode.click();
  await expect(renamedNode).toHaveClass(/selected/);
  await page.keyboard.press("F2");
  const field = page.getByRole("textbox", { name: "New name" });
  await expect(field).toBeFocused();
  await page.keyboard.type("edge-gateway-20k");
  await page.keyboard.press("Enter");
  await expect(field).toHaveCount(0);
  await expect(node(page, "Container: edge-gateway-20k")).toBeVisible();
  await expect(renamedNode).toHaveCount(0);
  expect(await storedNode(page, renamed.id)).toEqual({
    parentId: from!.id,
    label: "edge-gateway-20k",
    count: N,
  });
  expect(errors).toEqual([]);
});
