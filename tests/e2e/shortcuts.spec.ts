import { expect, test, type Page } from "@playwright/test";
import { documentOf, node, open, palette } from "./helpers.ts";

type Doc = Awaited<ReturnType<typeof documentOf>>;
const state = (page: Page) =>
  page.evaluate(() => {
    const s = (
      window as unknown as { __stackdraw: { getState: () => Record<string, unknown> } }
    ).__stackdraw.getState();
    return {
      selected: s.selectedNodes as string[],
      overlay: s.overlay as boolean,
      renaming: s.renaming as string | null,
    };
  });
const zoom = (page: Page) =>
  page.evaluate(
    () =>
      new DOMMatrixReadOnly(getComputedStyle(document.querySelector(".react-flow__viewport")!).transform).a,
  );

/** A server → Ubuntu → Docker chain, with the engine selected. */
async function setup(page: Page) {
  await open(page);
  for (const p of ["Physical server", "Ubuntu", "Docker Engine"])
    await palette(page).getByRole("button", { name: p, exact: true }).click();
  // Give the canvas the keyboard (as a click on empty canvas would), keeping the selection.
  await page.locator(".react-flow__pane").focus();
}
const byKind = (d: Doc, k: string) => d.nodes.filter((n) => n.kind === k);

/** What each shortcut must do, checked from the outside. */
const CHECKS: Record<string, (page: Page) => Promise<void>> = {
  undo: async (page) => {
    await page.keyboard.press("Control+z");
    expect(byKind(await documentOf(page), "container-engine")).toHaveLength(0);
  },
  redo: async (page) => {
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+Shift+z");
    expect(byKind(await documentOf(page), "container-engine")).toHaveLength(1);
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+y");
    expect(byKind(await documentOf(page), "container-engine")).toHaveLength(1);
  },
  copy: async (page) => {
    await page.keyboard.press("Control+c");
    await page.keyboard.press("Control+v");
    // Pasting reads the clipboard text with the document reader, loaded on first use.
    await expect.poll(async () => byKind(await documentOf(page), "container-engine")).toHaveLength(2);
  },
  cut: async (page) => {
    await page.keyboard.press("Control+x");
    expect(byKind(await documentOf(page), "container-engine")).toHaveLength(0);
    await page.keyboard.press("Control+v");
    await expect.poll(async () => byKind(await documentOf(page), "container-engine")).toHaveLength(1);
  },
  paste: async (page) => {
    await page.keyboard.press("Control+c");
    // Into the selected node: select the kernel, then paste.
    const d = await documentOf(page);
    await page.evaluate(
      (id) =>
        (
          window as unknown as { __stackdraw: { getState: () => { select: (ids: string[]) => void } } }
        ).__stackdraw
          .getState()
          .select([id]),
      byKind(d, "kernel")[0]!.id,
    );
    await page.keyboard.press("Control+v");
    await expect.poll(async () => byKind(await documentOf(page), "container-engine")).toHaveLength(2);
    const after = await documentOf(page);
    const engines = byKind(after, "container-engine");
    expect(engines.every((e) => e.parentId === byKind(after, "kernel")[0]!.id)).toBe(true);
    expect(new Set(after.nodes.map((n) => n.id)).size).toBe(after.nodes.length);
  },
  duplicate: async (page) => {
    await page.keyboard.press("Control+d");
    expect(byKind(await documentOf(page), "container-engine")).toHaveLength(2);
  },
  delete: async (page) => {
    await page.keyboard.press("Delete");
    expect(byKind(await documentOf(page), "container-engine")).toHaveLength(0);
    await page.keyboard.press("Control+z");
    await selectKind(page, "container-engine");
    await page.keyboard.press("Backspace");
    expect(byKind(await documentOf(page), "container-engine")).toHaveLength(0);
  },
  rename: async (page) => {
    await page.keyboard.press("F2");
    const field = page.getByRole("textbox", { name: "New name" });
    await expect(field).toBeFocused();
    await field.fill("Docker 27");
    await field.press("Enter");
    await expect(node(page, "Container engine: Docker 27")).toBeVisible();
    await page.keyboard.press("F2");
    await page.getByRole("textbox", { name: "New name" }).fill("nope");
    await page.keyboard.press("Escape");
    await expect(node(page, "Container engine: Docker 27")).toBeVisible();
  },
  "nudge-left": async (page) => nudge(page, "ArrowLeft", -4, 0),
  "nudge-right": async (page) => nudge(page, "ArrowRight", 4, 0),
  "nudge-up": async (page) => nudge(page, "ArrowUp", 0, -4),
  "nudge-down": async (page) => nudge(page, "ArrowDown", 0, 4),
  "select-all": async (page) => {
    await page.keyboard.press("Control+a");
    expect((await state(page)).selected).toHaveLength(3);
  },
  "select-focused": async (page) => {
    await page.keyboard.press("Escape");
    await node(page, "Physical server: Physical server").focus();
    await page.keyboard.press("Enter");
    const d = await documentOf(page);
    expect((await state(page)).selected).toEqual([byKind(d, "physical-host")[0]!.id]);
  },
  "clear-selection": async (page) => {
    await page.keyboard.press("Escape");
    expect((await state(page)).selected).toEqual([]);
  },
  open: async (page) => {
    const chooser = page.waitForEvent("filechooser");
    await page.keyboard.press("Control+o");
    await chooser;
  },
  save: async (page) => {
    const download = page.waitForEvent("download");
    await page.keyboard.press("Control+s");
    expect((await download).suggestedFilename()).toMatch(/\.stackdraw\.json$/);
  },
  arrange: async (page) => {
    await page.keyboard.press("Escape");
    const before = await documentOf(page);
    await page.evaluate(() => {
      const s = (
        window as unknown as {
          __stackdraw: { getState: () => { doc: { nodes: { id: string }[] }; commit: (d: unknown) => void } };
        }
      ).__stackdraw.getState();
      const doc = s.doc as unknown as { nodes: { id: string; position: { x: number; y: number } }[] };
      s.commit({
        ...doc,
        nodes: doc.nodes.map((n, i) =>
          i === 1 ? { ...n, position: { x: n.position.x + 90, y: n.position.y } } : n,
        ),
      });
    });
    await page.keyboard.press("Shift+A");
    expect((await documentOf(page)).nodes.map((n) => n.position)).toEqual(
      before.nodes.map((n) => n.position),
    );
  },
  overlay: async (page) => {
    await page.keyboard.press("Shift+M");
    expect((await state(page)).overlay).toBe(true);
    await expect(page.getByRole("note", { name: "Who manages what" })).toBeVisible();
  },
  "fit-view": async (page) => {
    const z0 = await zoom(page);
    await page.keyboard.press("-");
    await page.keyboard.press("-");
    // The zoom-out has landed (it animates) before Fit is asked for.
    await expect.poll(() => zoom(page)).toBeLessThan(z0);
    const z = await zoom(page);
    await page.keyboard.press("Shift+F");
    await expect.poll(() => zoom(page)).toBeGreaterThan(z);
  },
  "zoom-in": async (page) => {
    const z = await zoom(page);
    await page.keyboard.press("+");
    await expect.poll(() => zoom(page)).toBeGreaterThan(z);
  },
  "zoom-out": async (page) => {
    const z = await zoom(page);
    await page.keyboard.press("-");
    await expect.poll(() => zoom(page)).toBeLessThan(z);
  },
  shortcuts: async (page) => {
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  },
  "fit-to-contents": async (page) => {
    const fitted = byKind(await documentOf(page), "kernel")[0]!;
    // Sized by hand (as a resize handle leaves it), then given back to its children.
    await page.evaluate((id) => {
      const s = (
        window as unknown as {
          __stackdraw: {
            getState: () => {
              doc: { nodes: { id: string; size: { width: number; height: number } }[] };
              commit: (d: unknown) => void;
              select: (ids: string[]) => void;
            };
          };
        }
      ).__stackdraw.getState();
      s.commit({
        ...s.doc,
        nodes: s.doc.nodes.map((n) =>
          n.id === id
            ? { ...n, size: { width: n.size.width + 120, height: n.size.height + 60 }, manualSize: true }
            : n,
        ),
      });
      s.select([id]);
    }, fitted.id);
    expect(byKind(await documentOf(page), "kernel")[0]!.size.width).toBe(fitted.size.width + 120);
    await page.keyboard.press("Shift+R");
    expect(byKind(await documentOf(page), "kernel")[0]!.size).toEqual(fitted.size);
  },
  "select-parent": async (page) => {
    await page.keyboard.press("Alt+ArrowUp");
    expect((await state(page)).selected).toEqual([byKind(await documentOf(page), "kernel")[0]!.id]);
  },
  "select-first-child": async (page) => {
    await page.keyboard.press("Alt+ArrowUp");
    await page.keyboard.press("Alt+ArrowUp");
    await page.keyboard.press("Alt+ArrowDown");
    expect((await state(page)).selected).toEqual([byKind(await documentOf(page), "kernel")[0]!.id]);
  },
  "select-next-sibling": async (page) => {
    // A second root: the next sibling of the server.
    await page.keyboard.press("Escape");
    await palette(page).getByRole("button", { name: "ARM server", exact: true }).click();
    const d = await documentOf(page);
    await page.keyboard.press("Alt+ArrowRight");
    expect((await state(page)).selected).toEqual([byKind(d, "physical-host")[0]!.id]);
  },
  "select-prev-sibling": async (page) => {
    await page.keyboard.press("Escape");
    await palette(page).getByRole("button", { name: "ARM server", exact: true }).click();
    const d = await documentOf(page);
    await page.keyboard.press("Alt+ArrowLeft");
    expect((await state(page)).selected).toEqual([byKind(d, "physical-host")[0]!.id]);
  },
  "focus-canvas": async (page) => {
    await palette(page).getByRole("button", { name: "Ubuntu", exact: true }).focus();
    await page.keyboard.press("Shift+C");
    await expect(node(page, "Container engine: Docker Engine")).toBeFocused();
  },
  "zoom-to-selection": async (page) => {
    await page.keyboard.press("-");
    await page.keyboard.press("-");
    const z = await zoom(page);
    await page.keyboard.press("Shift+S");
    await expect.poll(() => zoom(page)).toBeGreaterThan(z);
  },
  "wheel-zooms": async (page) => {
    const p = (await page.locator(".react-flow__pane").boundingBox())!;
    await page.mouse.move(p.x + p.width / 2, p.y + p.height / 2);
    // The wheel pans: the zoom stays.
    const z0 = await zoom(page);
    const y = () =>
      page.evaluate(
        () =>
          new DOMMatrixReadOnly(getComputedStyle(document.querySelector(".react-flow__viewport")!).transform)
            .f,
      );
    const y0 = await y();
    await page.mouse.wheel(0, 200);
    await expect.poll(y).toBeLessThan(y0);
    expect(await zoom(page)).toBe(z0);
    await page.keyboard.press("Shift+W");
    await page.mouse.wheel(0, 200);
    await expect.poll(() => zoom(page)).toBeLessThan(z0);
  },
  "toggle-palette": async (page) => {
    await page.keyboard.press("[");
    await expect(palette(page)).toHaveCount(0);
    await page.keyboard.press("[");
    await expect(palette(page)).toBeVisible();
  },
  "toggle-inspector": async (page) => {
    const inspector = page.getByRole("complementary", { name: "Inspector" });
    await page.keyboard.press("]");
    await expect(inspector).toHaveCount(0);
    await page.keyboard.press("]");
    await expect(inspector).toBeVisible();
  },
  "toggle-problems": async (page) => {
    const problems = page.getByRole("region", { name: "Problems" });
    await page.keyboard.press("Backslash");
    await expect(problems).toHaveCount(0);
    await page.keyboard.press("Backslash");
    await expect(problems).toBeVisible();
  },
};

async function selectKind(page: Page, kind: string) {
  const id = byKind(await documentOf(page), kind)[0]!.id;
  await page.evaluate(
    (x) =>
      (
        window as unknown as { __stackdraw: { getState: () => { select: (ids: string[]) => void } } }
      ).__stackdraw
        .getState()
        .select([x]),
    id,
  );
}

/** Where a node is on the canvas (its parents may grow around it, so its relative position may not change). */
function absolute(d: Doc, id: string) {
  let x = 0;
  let y = 0;
  for (let n = d.nodes.find((m) => m.id === id); n; n = d.nodes.find((m) => m.id === n!.parentId)) {
    x += n.position.x;
    y += n.position.y;
  }
  return { x, y };
}

async function nudge(page: Page, key: string, dx: number, dy: number) {
  const engine = async () => {
    const d = await documentOf(page);
    return absolute(d, byKind(d, "container-engine")[0]!.id);
  };
  // A child never goes past its parent's left or top content edge (docs/drawing.md §1.1): the engine
  // starts at the kernel's content origin, so it first moves away from it.
  const away = { ArrowLeft: "ArrowRight", ArrowUp: "ArrowDown" }[key];
  if (away) for (let i = 0; i < 2; i++) await page.keyboard.press(`Shift+${away}`);
  const before = await engine();
  await page.keyboard.press(key);
  const once = await engine();
  expect([once.x - before.x, once.y - before.y]).toEqual([dx, dy]);
  await page.keyboard.press(`Shift+${key}`);
  const far = await engine();
  expect([far.x - once.x, far.y - once.y]).toEqual([dx * 10, dy * 10]);
}

test("the shortcuts sheet lists the command table, and opens from the toolbar and with ?", async ({
  page,
}) => {
  await open(page);
  await page.getByRole("button", { name: "Shortcuts" }).click();
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  const ids = await sheet
    .locator("tr[data-command]")
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.command!));
  // Every command in the sheet has a check below; a new command without one fails here.
  expect(ids.sort()).toEqual(Object.keys(CHECKS).sort());
  await expect(sheet.getByRole("row", { name: /Undo/ })).toContainText("Ctrl+Z");
  await page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
});

for (const id of Object.keys(CHECKS)) {
  test(`shortcut "${id}" does what the sheet says`, async ({ page }) => {
    await setup(page);
    await CHECKS[id]!(page);
  });
}

test("copy a subtree in one tab and paste it in another", async ({ page, browser }) => {
  await setup(page);
  const engine = byKind(await documentOf(page), "container-engine")[0]!;
  await palette(page).getByRole("button", { name: "Container", exact: true }).click();
  await page.evaluate(
    (id) =>
      (
        window as unknown as { __stackdraw: { getState: () => { select: (ids: string[]) => void } } }
      ).__stackdraw
        .getState()
        .select([id]),
    engine.id,
  );
  await page.locator(".react-flow__pane").focus();
  await page.keyboard.press("Control+c");

  // Another window with its own storage, so it starts empty whatever autosave holds.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await open(other);
  await other.locator(".react-flow__pane").focus();
  await other.keyboard.press("Control+v");
  await expect.poll(async () => byKind(await documentOf(other), "container-engine")).toHaveLength(1);
  const pasted = await documentOf(other);
  expect(byKind(pasted, "container")[0]!.parentId).toBe(byKind(pasted, "container-engine")[0]!.id);

  // Something that is not Stackdraw: a message, and nothing changes.
  await other.evaluate(() => navigator.clipboard.writeText("hello world").catch(() => undefined));
  await otherContext.grantPermissions(["clipboard-read", "clipboard-write"]);
  await other.evaluate(() => navigator.clipboard.writeText("hello world"));
  await other.locator(".react-flow__pane").focus();
  await other.keyboard.press("Control+v");
  await expect(other.getByRole("alert")).toContainText("does not hold Stackdraw nodes");
  expect(await documentOf(other)).toEqual(pasted);
});

test("selection by mouse: click, Shift+click adds, Shift+drag selects with a box; double-click renames", async ({
  page,
}) => {
  await open(page, "lang=en&template=web-servers-in-containers");
  const containers = page
    .locator('.react-flow__node[data-testid^="rf__node-"]')
    .filter({ has: page.locator('[data-kind="container"]') });
  await expect(containers).toHaveCount(3);
  const boxes = await Promise.all([0, 1, 2].map(async (i) => (await containers.nth(i).boundingBox())!));
  await page.mouse.click(boxes[0]!.x + 10, boxes[0]!.y + 10);
  expect((await state(page)).selected).toHaveLength(1);
  await page.keyboard.down("Shift");
  await page.mouse.click(boxes[1]!.x + 10, boxes[1]!.y + 10);
  await page.keyboard.up("Shift");
  expect((await state(page)).selected).toHaveLength(2);

  // A box around all three containers, drawn from empty canvas above-left of them.
  await page.keyboard.press("Escape");
  const now = await Promise.all([0, 1, 2].map(async (i) => (await containers.nth(i).boundingBox())!));
  boxes.splice(0, 3, ...now);
  const pane = (await page.locator(".react-flow__pane").boundingBox())!;
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + 4;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + 4;
  await page.keyboard.down("Shift");
  // Start well inside the pane: near its edge React Flow auto-pans while selecting.
  await page.mouse.move(pane.x + 60, pane.y + 60);
  await page.mouse.down();
  await page.mouse.move(right, bottom, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  const selected = (await state(page)).selected;
  const doc = await documentOf(page);
  for (const c of byKind(doc, "container")) expect(selected).toContain(c.id);

  await page.keyboard.press("Escape");
  await containers.nth(2).dblclick({ position: { x: 10, y: 10 } });
  const field = page.getByRole("textbox", { name: "New name" });
  await field.fill("nginx C");
  await field.press("Enter");
  await expect(node(page, "Container: nginx C")).toBeVisible();
});
