import { expect, test } from "@playwright/test";
import { documentOf, open } from "./helpers.ts";

// Edges at scale: a 5,000-node, 5,000-edge diagram mounts only the edges with an end or a route in
// view (domain/viewport.ts edgesToMount), as it mounts only the nodes in view.

function grid(cols: number, rows: number) {
  const nodes = [];
  const edges = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const id = `n${r}-${c}`;
      nodes.push({
        id,
        kind: "physical-host",
        label: `h${r}-${c}`,
        position: { x: c * 720, y: r * 420 },
        size: { width: 160, height: 64 },
      });
      if (c + 1 < cols)
        edges.push({ id: `e${r}-${c}`, kind: "network", source: id, target: `n${r}-${c + 1}` });
    }
  for (let r = 0; r + 1 < rows; r++)
    edges.push({ id: `v${r}`, kind: "network", source: `n${r}-0`, target: `n${r + 1}-0` });
  return { format: "stackdraw", version: 2, nodes, edges };
}

test("a 5,000-node, 5,000-edge document mounts only the edges in view", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  // Opened at 35 %: a corner of the grid, drawn as DOM boxes (fitted, it would be under the 30 %
  // where a diagram this big is one picture, checked at the end).
  const doc = { ...grid(100, 50), view: { viewport: { x: 20, y: 20, zoom: 0.35 } } };
  expect(doc.nodes).toHaveLength(5_000);
  expect(doc.edges).toHaveLength(4_999);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: "Open", exact: true }).click();
  await (
    await chooser
  ).setFiles({
    name: "grid.stackdraw.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await expect.poll(async () => (await documentOf(page)).nodes.length, { timeout: 60_000 }).toBe(5_000);
  const edges = page.locator(".react-flow__edge");
  await expect(edges.first()).toBeAttached({ timeout: 60_000 });
  const mounted = await page.evaluate(() => {
    const ids = [...document.querySelectorAll(".react-flow__edge")].map(
      (e) => e.getAttribute("data-edge-id") ?? e.getAttribute("data-id") ?? "",
    );
    const nodes = new Set(
      [...document.querySelectorAll(".react-flow__node")].map((n) => n.getAttribute("data-id")),
    );
    const pane = document.querySelector(".react-flow")!.getBoundingClientRect();
    const inView = [...document.querySelectorAll(".react-flow__node")].filter((n) => {
      const r = n.getBoundingClientRect();
      return r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
    }).length;
    return { ids, nodes: nodes.size, inView };
  });
  // Far fewer than 4,999: the view shows a corner of the grid, and only the edges of what it
  // shows are mounted — not every edge whose far end it holds.
  expect(mounted.inView).toBeGreaterThan(0);
  expect(mounted.ids.length).toBeGreaterThan(0);
  expect(mounted.ids.length).toBeLessThan(1_000);
  expect(mounted.ids.length).toBeLessThanOrEqual(mounted.nodes + 50);

  // Fitted (10 %), the grid is one picture: no node and no edge is in the DOM.
  await page.getByRole("button", { name: "Fit view" }).click();
  await expect(page.getByRole("img", { name: /5,000 nodes drawn as coloured boxes/ })).toBeVisible();
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
  // A click on an edge drawn on the picture selects it: the middle of the longest segment of the
  // route nearest the view's centre, by the routes the store holds.
  const size = (await page.locator(".react-flow__pane").boundingBox())!;
  const { mid, id, view } = await page.evaluate(
    async ({ w, h }) => {
      const api = (
        window as unknown as {
          __stackdraw: {
            getState: () => {
              routes: ReadonlyMap<string, { points: { x: number; y: number }[] }>;
              viewport: { x: number; y: number; zoom: number } | null;
            };
          };
        }
      ).__stackdraw;
      // Once the fit has landed (the store's view is written when a move ends).
      for (let i = 0; i < 100 && (api.getState().viewport?.zoom ?? 1) > 0.2; i++)
        await new Promise((r) => setTimeout(r, 50));
      const v = api.getState().viewport!;
      const c = { x: (w / 2 - v.x) / v.zoom, y: (h / 2 - v.y) / v.zoom };
      let best = { x: 0, y: 0, d: Infinity, id: "" };
      for (const [eid, r] of api.getState().routes) {
        const pts = r.points;
        let seg = { x: 0, y: 0, len: -1 };
        for (let i = 1; i < pts.length; i++) {
          const len = Math.hypot(pts[i]!.x - pts[i - 1]!.x, pts[i]!.y - pts[i - 1]!.y);
          if (len > seg.len)
            seg = { x: (pts[i]!.x + pts[i - 1]!.x) / 2, y: (pts[i]!.y + pts[i - 1]!.y) / 2, len };
        }
        const d = Math.hypot(seg.x - c.x, seg.y - c.y);
        if (d < best.d) best = { x: seg.x, y: seg.y, d, id: eid };
      }
      return { mid: best, id: best.id, view: v };
    },
    { w: size.width, h: size.height },
  );
  const pane = (await page.locator(".react-flow__pane").boundingBox())!;
  await page.mouse.click(pane.x + view.x + mid.x * view.zoom, pane.y + view.y + mid.y * view.zoom);
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (
            window as unknown as { __stackdraw: { getState: () => { selectedEdge: string | null } } }
          ).__stackdraw.getState().selectedEdge,
      ),
    )
    .toBe(id);
});

test("a small diagram with many edges mounts its nodes but only the edges in view", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  // 300 hosts (all mounted: a small diagram) with 3,000 edges, each between near neighbours.
  const doc = grid(30, 10);
  const extra = [];
  for (let i = 0; extra.length < 3_000 - doc.edges.length; i++) {
    const r = i % 10;
    const c = Math.floor(i / 10) % 29;
    extra.push({ id: `x${i}`, kind: "network", source: `n${r}-${c}`, target: `n${r}-${c + 1}` });
  }
  doc.edges.push(...extra);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: "Open", exact: true }).click();
  await (
    await chooser
  ).setFiles({
    name: "dense.stackdraw.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await expect.poll(async () => (await documentOf(page)).edges.length, { timeout: 60_000 }).toBe(3_000);
  // Zoomed in on the first host: most of the diagram is out of view.
  await page.evaluate(() => {
    (
      window as unknown as { __stackdraw: { getState: () => { revealNode: (id: string) => void } } }
    ).__stackdraw
      .getState()
      .revealNode("n0-0");
  });
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect.poll(() => page.locator(".react-flow__edge").count(), { timeout: 30_000 }).toBeLessThan(1_500);
  expect(await page.locator(".react-flow__node").count()).toBe(300);
});
