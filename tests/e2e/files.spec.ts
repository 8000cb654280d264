import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { documentOf, node, open, problems } from "./helpers.ts";

const stack = {
  format: "stackdraw",
  version: 1,
  title: "Web host",
  nodes: [
    {
      id: "web",
      kind: "container",
      parentId: "docker",
      label: "web <b>nginx</b>",
      props: { image: "nginx:1.27", ports: [{ host: 8080, container: 80 }] },
    },
    { id: "db", kind: "container", parentId: "docker", label: "db", props: { image: "postgres:17" } },
    { id: "docker", kind: "container-engine", parentId: "linux", label: "Docker Engine" },
    {
      id: "linux",
      kind: "kernel",
      parentId: "host",
      label: "Ubuntu",
      props: { family: "linux", distro: "Ubuntu" },
    },
    { id: "host", kind: "physical-host", label: "Server" },
  ],
  edges: [{ id: "e1", kind: "network", source: "web", target: "db", label: "5432/tcp" }],
};
const bytes = (x: unknown) => Buffer.from(typeof x === "string" ? x : JSON.stringify(x));

async function openByPicker(page: Page, name: string, content: Buffer, button = "Open") {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: button, exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: "application/json", buffer: content });
}

async function dropFile(page: Page, name: string, content: string) {
  await page.evaluate(
    ([n, c]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([c!], n!, { type: "application/json" }));
      const target = document.querySelector(".react-flow__pane")!;
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [name, content],
  );
}

test("open by the file picker: the diagram appears whole, and Undo brings the previous one back", async ({
  page,
}) => {
  await open(page, "lang=en&template=one-server-many-functions");
  const before = await documentOf(page);
  await openByPicker(page, "web.stackdraw.json", bytes(stack));
  // The canvas has work: Open asks first (import-prompts.spec.ts).
  await page
    .getByRole("dialog", { name: "Open “web.stackdraw.json”" })
    .getByRole("button", { name: "Replace this diagram" })
    .click();
  await expect(node(page, "Container: web <b>nginx</b>")).toBeVisible();
  const after = await documentOf(page);
  expect(after.nodes.map((n) => n.id).sort()).toEqual(["db", "docker", "host", "linux", "web"]);
  await page.getByRole("button", { name: "Undo" }).click();
  expect((await documentOf(page)).nodes.map((n) => n.id)).toEqual(before.nodes.map((n) => n.id));
});

test("open by dropping a file onto the canvas", async ({ page }) => {
  await open(page);
  await dropFile(page, "web.stackdraw.json", JSON.stringify(stack));
  await expect(node(page, "Kernel (OS): Ubuntu")).toBeVisible();
  expect((await documentOf(page)).edges).toHaveLength(1);
});

test("a bad file opens a dialog with its problems and JSON paths, and the canvas stays as it was", async ({
  page,
}) => {
  await open(page, "lang=en&template=dev-to-prod");
  const before = await documentOf(page);
  const bad = {
    ...stack,
    nodes: [
      ...stack.nodes.slice(0, 4),
      { id: "host", kind: "physical-host" },
      { id: "x", kind: "vm", parentId: "vm-9" },
    ],
  };
  await openByPicker(page, "broken.stackdraw.json", bytes(bad));
  const dialog = page.getByRole("alertdialog", { name: "“broken.stackdraw.json” cannot be opened" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("nodes[5].parentId");
  await expect(dialog).toContainText("vm-9");
  await expect(dialog).toContainText("Nothing was changed");
  await dialog.getByRole("button", { name: "OK" }).click();
  await expect(dialog).toHaveCount(0);
  expect(await documentOf(page)).toEqual(before);

  // Not JSON at all: line and column.
  await openByPicker(
    page,
    "truncated.stackdraw.json",
    bytes('{ "format": "stackdraw", "version": 1, "nodes": [ {'),
  );
  await expect(page.getByRole("alertdialog")).toContainText("truncated.stackdraw.json");
  await page.getByRole("alertdialog").getByRole("button", { name: "OK" }).click();
  expect(await documentOf(page)).toEqual(before);
});

test("Save downloads <title>.stackdraw.json that opens back to the same diagram", async ({ page }) => {
  await open(page);
  await openByPicker(page, "web.stackdraw.json", bytes(stack));
  await expect(node(page, "Container: db")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.keyboard.press("Control+s");
  const file = await download;
  expect(file.suggestedFilename()).toBe("Web-host.stackdraw.json");
  const saved = JSON.parse(readFileSync((await file.path())!, "utf8"));
  expect(saved.nodes.map((n: { id: string }) => n.id).sort()).toEqual([
    "db",
    "docker",
    "host",
    "linux",
    "web",
  ]);
  expect(saved.nodes.find((n: { id: string }) => n.id === "web").props).toEqual(stack.nodes[0]!.props);
});

test("Export SVG holds every label as text; Export PNG is 2x the SVG and shows the edges", async ({
  page,
}) => {
  await open(page, "lang=en&template=ec2-docker-host");
  const doc = await documentOf(page);
  const exportMenu = page.getByRole("button", { name: "Export" });

  await exportMenu.click();
  let download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "SVG image" }).click();
  const svg = readFileSync((await (await download).path())!, "utf8");
  for (const n of doc.nodes)
    if (n.label) expect(svg).toContain(n.label.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
  const width = Number(svg.match(/<svg[^>]* width="([\d.]+)"/)![1]);
  const height = Number(svg.match(/<svg[^>]* height="([\d.]+)"/)![1]);

  await exportMenu.click();
  download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "PNG image" }).click();
  const png = readFileSync((await (await download).path())!);
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect(png.readUInt32BE(16)).toBe(Math.round(width * 2));
  expect(png.readUInt32BE(20)).toBe(Math.round(height * 2));
  // The edges are in the pixels: count pixels of the edge stroke colour.
  const stroke =
    svg.match(/<(?:path|line|polyline)[^>]*stroke="(#[0-9a-f]{6})"[^>]*stroke-dasharray/)?.[1] ?? "#7d8694";
  const edgePixels = await page.evaluate(
    async ([b64, hex]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex!.slice(i, i + 2), 16));
      let count = 0;
      for (let i = 0; i < data.length; i += 4)
        if (Math.abs(data[i]! - r!) < 8 && Math.abs(data[i + 1]! - g!) < 8 && Math.abs(data[i + 2]! - b!) < 8)
          count++;
      return count;
    },
    [png.toString("base64"), stroke],
  );
  expect(edgePixels).toBeGreaterThan(50);
});

test("a share link round-trips the diagram, and a broken one says so", async ({ page, context, browser }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page);
  await openByPicker(page, "web.stackdraw.json", bytes(stack));
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain("#d=");
  const original = await documentOf(page);

  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(node(other, "Container: web <b>nginx</b>")).toBeVisible();
  const opened = await documentOf(other);
  expect(opened.nodes).toEqual(original.nodes);
  expect(opened.edges).toEqual(original.edges);

  const broken = await (await browser.newContext()).newPage();
  await broken.goto(link.slice(0, link.length - 40) + "!!");
  await expect(broken.getByRole("alert")).toContainText("does not hold a readable diagram");
  expect((await documentOf(broken)).nodes).toHaveLength(0);
});

test("Import ▸ Docker Compose lays services out as containers and validates at once", async ({ page }) => {
  await open(page);
  const compose = `services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
    depends_on: [api]
  api:
    image: example/api:2
    ports: ["8080:3000"]
`;
  await page.getByRole("button", { name: "Import" }).click();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("menuitem", { name: "Docker Compose file…" }).click();
  await (
    await chooser
  ).setFiles({ name: "docker-compose.yml", mimeType: "text/yaml", buffer: Buffer.from(compose) });
  await expect(node(page, "Container: web")).toBeVisible();
  await expect(node(page, "Container: api")).toBeVisible();
  await expect(problems(page).getByRole("listitem").filter({ hasText: "network/port-conflict" })).toHaveCount(
    1,
  );
  expect((await documentOf(page)).edges).toHaveLength(1);

  // A bad compose file: line:column, nothing changed.
  const before = await documentOf(page);
  await page.getByRole("button", { name: "Import" }).click();
  const chooser2 = page.waitForEvent("filechooser");
  await page.getByRole("menuitem", { name: "Docker Compose file…" }).click();
  await (
    await chooser2
  ).setFiles({
    name: "bad.yml",
    mimeType: "text/yaml",
    buffer: Buffer.from('services:\n  web:\n    ports: ["70000:80"]\n'),
  });
  await expect(page.getByRole("alertdialog")).toContainText("3:");
  await page.getByRole("alertdialog").getByRole("button", { name: "OK" }).click();
  expect(await documentOf(page)).toEqual(before);
});
