import { expect, test, type Page } from "@playwright/test";
import { documentOf, node, open, savedDocument } from "./helpers.ts";

/** `hosts` physical hosts, each hypervisor → 2 VMs → kernel → engine → 6 containers (20 nodes a host). */
function bigStack(hosts: number, viewport?: { x: number; y: number; zoom: number }) {
  const nodes: Record<string, unknown>[] = [];
  for (let h = 0; h < hosts; h++) {
    nodes.push({ id: `h${h}`, kind: "physical-host", label: `host-${h}` });
    nodes.push({ id: `hv${h}`, kind: "hypervisor", parentId: `h${h}`, label: "ESXi" });
    for (let v = 0; v < 2; v++) {
      const vm = `vm${h}-${v}`;
      nodes.push({ id: vm, kind: "vm", parentId: `hv${h}`, label: `vm-${h}-${v}` });
      nodes.push({
        id: `k${h}-${v}`,
        kind: "kernel",
        parentId: vm,
        label: "Debian 12",
        props: { family: "linux", distro: "Debian" },
      });
      nodes.push({ id: `e${h}-${v}`, kind: "container-engine", parentId: `k${h}-${v}`, label: "docker" });
      for (let c = 0; c < 6; c++)
        nodes.push({
          id: `c${h}-${v}-${c}`,
          kind: "container",
          parentId: `e${h}-${v}`,
          label: `app-${h}-${v}-${c}`,
        });
    }
  }
  return {
    format: "stackdraw",
    version: 1,
    title: "Big",
    nodes,
    edges: [],
    ...(viewport ? { view: { viewport } } : {}),
  };
}

async function openDoc(page: Page, doc: unknown) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: "Open", exact: true }).click();
  await (
    await chooser
  ).setFiles({
    name: "big.stackdraw.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(doc)),
  });
}

const mountedCount = (page: Page) => page.locator(".react-flow__node").count();

/**
 * The view once a pan or zoom has settled: the store's viewport (set when a move ends) agrees with
 * the transform React Flow has drawn. Reading either alone races the end of the gesture.
 */
async function settledViewport(
  page: Page,
  changedFrom?: { x: number; y: number; zoom: number },
): Promise<{ x: number; y: number; zoom: number }> {
  let settled: { x: number; y: number; zoom: number } | null = null;
  const read = async () => {
    settled = await page.evaluate(() => {
      const vp = (
        window as unknown as {
          __stackdraw: { getState: () => { viewport: { x: number; y: number; zoom: number } | null } };
        }
      ).__stackdraw.getState().viewport;
      const el = document.querySelector<HTMLElement>(".react-flow__viewport");
      const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(el?.style.transform ?? "");
      if (!vp || !m) return null;
      const drawn = { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
      // The drawn transform is written with 6 significant digits.
      const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1e-3, Math.abs(a) * 1e-5);
      return close(vp.x, drawn.x) && close(vp.y, drawn.y) && close(vp.zoom, drawn.zoom) ? vp : null;
    });
    const same =
      settled !== null &&
      changedFrom !== undefined &&
      (settled as { zoom: number }).zoom === changedFrom.zoom &&
      (settled as { x: number }).x === changedFrom.x &&
      (settled as { y: number }).y === changedFrom.y;
    return settled !== null && !same;
  };
  await expect.poll(read, { message: "the view settles" }).toBe(true);
  return settled!;
}
const viewportOf = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __stackdraw: { getState: () => { viewport: unknown } } }).__stackdraw.getState()
        .viewport,
  );

test("a 2,000-node diagram opens at its saved view with only what is in view mounted; panning and fitting bring the rest", async ({
  page,
}) => {
  const errors = await open(page);
  // Zoom 1, the first host 300 px down: the strip above it is empty canvas to pan by.
  await openDoc(page, bigStack(100, { x: 20, y: 300, zoom: 1 }));
  await expect(node(page, "Container: app-0-0-0")).toBeVisible();
  expect((await documentOf(page)).nodes).toHaveLength(2000);
  // Zoom 1 at the top-left: the first host's containers are there, a far host is not in the DOM.
  const mounted = await mountedCount(page);
  expect(mounted).toBeGreaterThan(10);
  expect(mounted).toBeLessThan(400);
  await expect(node(page, "Container: app-60-0-0")).toHaveCount(0);
  expect(await viewportOf(page)).toEqual({ x: 20, y: 300, zoom: 1 });

  // Pan by dragging the empty canvas to the left: nodes to the right mount as they come into view.
  const pane = page.locator(".react-flow__pane");
  const box = (await pane.boundingBox())!;
  // A container past the view and its margin (30 % of the canvas) to the right, at a height the
  // horizontal pans below keep in view: found from the laid-out document, whatever the layout.
  const laid = (await documentOf(page)).nodes as {
    id: string;
    kind: string;
    label: string;
    parentId?: string;
    position: { x: number; y: number };
    size: { width: number; height: number };
  }[];
  const byId = new Map(laid.map((n) => [n.id, n]));
  const absolute = (n: (typeof laid)[number]): { x: number; y: number } => {
    const p = n.parentId ? absolute(byId.get(n.parentId)!) : { x: 0, y: 0 };
    return { x: p.x + n.position.x, y: p.y + n.position.y };
  };
  const afterPans = 3 * (box.width - 160) + box.width / 2 - 20;
  const far = laid
    .filter((n) => n.kind === "container")
    .map((n) => ({ n, at: absolute(n) }))
    .filter(
      ({ n, at }) => at.x + 20 > box.width * 1.4 && at.y + 300 > 0 && at.y + n.size.height + 300 < box.height,
    )
    // Nearest the centre of the view after the three pans below (each pans W − 160 px).
    .sort((a, b) => Math.abs(a.at.x - afterPans) - Math.abs(b.at.x - afterPans))[0]!;
  const farContainer = node(page, `Container: ${far.n.label}`);
  await expect(farContainer).toHaveCount(0);
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(box.x + box.width - 80, box.y + 150);
    await page.mouse.down();
    await page.mouse.move(box.x + 80, box.y + 150, { steps: 8 });
    await page.mouse.up();
  }
  await expect(farContainer).toBeVisible();
  expect((await settledViewport(page)).x).toBeLessThan(-1500);
  expect((await documentOf(page)).nodes.find((n) => n.id === "h0")!.position).toEqual({ x: 0, y: 0 });
  // What left the view (and its margin) was unmounted.
  await expect(node(page, "Container: app-0-0-0")).toHaveCount(0);
  // Every mounted node is one the document has, and React Flow placed each (none left unmeasured).
  await expect(page.locator('.react-flow__node[style*="visibility: hidden"]')).toHaveCount(0);

  // Fit view: the whole document, computed from the document (not from the mounted nodes).
  await page.getByRole("button", { name: "Fit view" }).click();
  await expect.poll(async () => (await settledViewport(page)).zoom).toBeLessThan(0.2);
  // Zoomed that far out, a diagram this big is one picture (the far layer): no DOM boxes.
  await expect(page.getByRole("img", { name: /2,000 nodes drawn as coloured boxes/ })).toBeVisible();
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
  // Zooming back in brings the text back.
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  let view = await settledViewport(page);
  for (let i = 0; i < 8 && view.zoom < 0.35; i++) {
    await page.keyboard.press("=");
    view = await settledViewport(page, view);
  }
  expect(view.zoom).toBeGreaterThanOrEqual(0.3);
  await expect(page.locator(".react-flow__node .sd-label").first()).toBeVisible();
  expect(errors).toEqual([]);
});

test("select all then Delete removes every node, mounted or not, as one undo step", async ({ page }) => {
  await open(page);
  await openDoc(page, bigStack(20, { x: 20, y: 20, zoom: 1 }));
  await expect(node(page, "Container: app-0-0-0")).toBeVisible();
  expect(await mountedCount(page)).toBeLessThan(400);
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  expect((await documentOf(page)).nodes).toHaveLength(0);
  await page.keyboard.press("Control+z");
  expect((await documentOf(page)).nodes).toHaveLength(400);
  await expect(node(page, "Container: app-0-0-0")).toBeVisible();
});

test("after a reload the diagram comes back where the person left the view", async ({ page }) => {
  await open(page);
  await openDoc(page, bigStack(16));
  // 320 nodes fitted: zoomed out past where names read, so drawn as one picture, or (zoomed in) as boxes.
  const shown = node(page, "Physical server: host-0").or(
    page.getByRole("img", { name: /320 nodes drawn as coloured boxes/ }),
  );
  await expect(shown).toBeVisible();
  // Zoom in with the keyboard, then pan: a view no fit would produce.
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  let view: Awaited<ReturnType<typeof settledViewport>> | undefined;
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("=");
    view = await settledViewport(page, view);
  }
  // Pan with the wheel (it pans; a drag at a fixed point could land on a node of the fitted view).
  const pane = (await page.locator(".react-flow__pane").boundingBox())!;
  await page.mouse.move(pane.x + 300, pane.y + 300);
  await page.mouse.wheel(150, 100);
  const saved = await settledViewport(page, view);
  const left = await page
    .locator(".react-flow__viewport")
    .evaluate((e) => (e as HTMLElement).style.transform);
  // Autosave writes the view within half a second: reload once the draft holds it.
  await expect.poll(async () => (await savedDocument(page))?.view?.viewport).toEqual(saved);
  await page.reload();
  await expect(shown).toBeVisible();
  expect(await viewportOf(page)).toEqual(saved);
  await expect(page.locator(".react-flow__viewport")).toHaveAttribute(
    "style",
    new RegExp(left.replace(/[()\\.]/g, "\\$&")),
  );
});

/** The store's selection. */
const selection = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as { __stackdraw: { getState: () => { selectedNodes: string[] } } }
      ).__stackdraw.getState().selectedNodes,
  );

/** Every node's absolute box, from the document the store holds. */
async function absoluteBoxes(page: Page) {
  const nodes = (await documentOf(page)).nodes;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, { x: number; y: number; width: number; height: number }>();
  const at = (id: string): { x: number; y: number } => {
    const n = byId.get(id)!;
    const p = n.parentId ? at(n.parentId) : { x: 0, y: 0 };
    return { x: p.x + n.position.x, y: p.y + n.position.y };
  };
  for (const n of nodes) out.set(n.id, { ...at(n.id), ...n.size });
  return { out, byId };
}

/** The colour of the far picture's pixel that shows diagram point `p`. */
function pictureAt(page: Page, p: { x: number; y: number }) {
  return page.evaluate((p) => {
    const c = document.querySelector("canvas.sd-far-canvas") as HTMLCanvasElement & {
      sdDrawn: { area: { x: number; y: number }; scale: number };
    };
    const { area, scale } = c.sdDrawn;
    const d = c
      .getContext("2d")!
      .getImageData(Math.round((p.x - area.x) * scale), Math.round((p.y - area.y) * scale), 1, 1).data;
    return [d[0]!, d[1]!, d[2]!, d[3]!];
  }, p);
}

test("zoomed far out, a 1,000-node diagram is one picture, and boxes are still selected, dragged, box-selected, renamed and right-clicked", async ({
  page,
}) => {
  const errors = await open(page);
  // Zoom 0.25: under the 0.3 where names stop being drawn.
  const vp = { x: 20, y: 20, zoom: 0.25 };
  await openDoc(page, bigStack(50, vp));
  const picture = page.getByRole("img", { name: /1,000 nodes drawn as coloured boxes/ });
  await expect(picture).toBeVisible();
  // No DOM box at all: the canvas draws them.
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
  const pane = (await page.locator(".react-flow__pane").boundingBox())!;
  const { out: boxes } = await absoluteBoxes(page);
  const screen = (p: { x: number; y: number }) => ({
    x: pane.x + vp.x + p.x * vp.zoom,
    y: pane.y + vp.y + p.y * vp.zoom,
  });
  const centreOf = (id: string) => {
    const r = boxes.get(id)!;
    return screen({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
  };
  // The container's own colour is drawn where it is.
  const c = boxes.get("c0-0-0")!;
  expect(await pictureAt(page, { x: c.x + c.width / 2, y: c.y + c.height / 2 })).toEqual([
    255, 248, 230, 255,
  ]);

  // A click selects the box under the pointer: the inspector shows it, the picture rings it.
  let at = centreOf("c0-0-0");
  await page.mouse.click(at.x, at.y);
  await expect.poll(() => selection(page)).toEqual(["c0-0-0"]);
  await expect(
    page.getByRole("complementary", { name: "Inspector" }).getByRole("textbox", { name: "Label" }),
  ).toHaveValue("app-0-0-0");
  // The selected node keeps its DOM element (its name, the keyboard's focus), unpainted.
  await expect(node(page, "Container: app-0-0-0")).toHaveClass(/selected/);
  await expect
    .poll(() => pictureAt(page, { x: c.x - 1.25 / vp.zoom, y: c.y + c.height / 2 }))
    .toEqual([47, 111, 237, 255]);

  // A drag moves it into the other VM's engine, dropped on that engine's band: one undo step.
  const into = boxes.get("e0-1")!;
  const drop = screen({ x: into.x + 60, y: into.y + into.height - 20 });
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(at.x + ((drop.x - at.x) * i) / 10, at.y + ((drop.y - at.y) * i) / 10);
  await page.mouse.up();
  const parentOf = async (id: string) => (await documentOf(page)).nodes.find((n) => n.id === id)!.parentId;
  await expect.poll(() => parentOf("c0-0-0")).toBe("e0-1");
  expect(await selection(page)).toEqual(["c0-0-0"]);
  await page.keyboard.press("Control+z");
  await expect.poll(() => parentOf("c0-0-0")).toBe("e0-0");
  // Esc in the middle of a drag puts everything back and commits nothing.
  const before = (await documentOf(page)).nodes.find((n) => n.id === "c0-0-0")!.position;
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(at.x + i * 12, at.y + i * 8);
  await expect
    .poll(async () => (await documentOf(page)).nodes.find((n) => n.id === "c0-0-0")!.position)
    .not.toEqual(before);
  await page.keyboard.press("Escape");
  await page.mouse.move(drop.x, drop.y, { steps: 4 });
  await page.mouse.up();
  const back = (await documentOf(page)).nodes.find((n) => n.id === "c0-0-0")!;
  expect(back.position).toEqual(before);
  expect(back.parentId).toBe("e0-0");

  // Shift and a drag from empty canvas around host 0 selects it and everything in it.
  const h = boxes.get("h0")!;
  const from = { x: pane.x + 6, y: pane.y + 6 };
  const to = screen({ x: h.x + h.width + 10, y: h.y + h.height + 10 });
  await page.keyboard.down("Shift");
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2);
  await expect(page.locator(".sd-marquee")).toBeVisible();
  await page.mouse.move(to.x, to.y);
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await expect(page.locator(".sd-marquee")).toHaveCount(0);
  const host0 = [...boxes.keys()].filter((id) => /^(h|hv|vm|k|e|c)0(-|$)/.test(id));
  expect(host0).toHaveLength(20);
  expect((await selection(page)).sort()).toEqual(["c0-0-0", ...host0.filter((id) => id !== "c0-0-0")].sort());

  // Shift and a click on a box takes it out of the selection, and puts it back.
  const c0 = centreOf("c0-0-0");
  await page.keyboard.down("Shift");
  await page.mouse.click(c0.x, c0.y);
  await expect.poll(async () => (await selection(page)).length).toBe(19);
  expect(await selection(page)).not.toContain("c0-0-0");
  await page.mouse.click(c0.x, c0.y);
  await page.keyboard.up("Shift");
  await expect.poll(async () => (await selection(page)).length).toBe(20);

  // A click on empty canvas clears the selection; a right-click on a box selects it and opens the menu.
  await page.mouse.click(from.x, from.y);
  await expect.poll(() => selection(page)).toEqual([]);
  at = centreOf("c0-1-2");
  await page.mouse.click(at.x, at.y, { button: "right" });
  await expect(page.getByRole("menu")).toBeVisible();
  expect(await selection(page)).toEqual(["c0-1-2"]);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);

  // In Korean the picture says so in Korean.
  await page.getByRole("button", { name: "한국어" }).click();
  await expect(page.getByRole("img", { name: /노드 1,000개를/ })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();

  // A double-click renames the box under the pointer, zoomed in to where its name reads.
  at = centreOf("c0-1-3");
  await page.mouse.dblclick(at.x, at.y);
  const field = page.getByRole("textbox", { name: "New name" });
  await expect(field).toBeFocused();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("renamed-far");
  await page.keyboard.press("Enter");
  await expect
    .poll(async () => (await documentOf(page)).nodes.find((n) => n.id === "c0-1-3")!.label)
    .toBe("renamed-far");
  // Zoomed in, the boxes are DOM nodes again, with their names.
  expect((await settledViewport(page)).zoom).toBeGreaterThan(0.3);
  await expect(picture).toHaveCount(0);
  await expect(node(page, "Container: renamed-far")).toBeVisible();
  expect(errors).toEqual([]);
});
