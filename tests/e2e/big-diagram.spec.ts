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
  // Zoomed that far out, nodes are boxes: the label is hidden, the accessible name stays.
  const host = node(page, "Physical server: host-0");
  await expect(host).toHaveCount(1);
  await expect(host.locator(".sd-label")).toHaveCount(0);
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
  await expect(node(page, "Physical server: host-0")).toHaveCount(1);
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
  await expect(node(page, "Physical server: host-0")).toHaveCount(1);
  expect(await viewportOf(page)).toEqual(saved);
  await expect(page.locator(".react-flow__viewport")).toHaveAttribute(
    "style",
    new RegExp(left.replace(/[()\\.]/g, "\\$&")),
  );
});
