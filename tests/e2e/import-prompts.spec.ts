/**
 * The questions Open and the imports ask (docs/import.md, "the editor asks"): a Compose file that
 * declares profiles asks which to draw; on a canvas with work, Open and every import ask "Replace /
 * Open beside / Cancel" in a modal dialog — Replace is one undo step, Open beside keeps both without
 * overlap, Cancel changes nothing — with the keyboard too; a file dropped on the canvas goes to
 * the importer its content names.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { documentOf, node, open } from "./helpers.ts";

const fixture = (rel: string) => readFileSync(new URL(`../fixtures/${rel}`, import.meta.url), "utf8");

/** A server with Ubuntu, Docker and two containers; its ids are the template's too (host…). */
const stack = {
  format: "stackdraw",
  version: 2,
  title: "Web host",
  nodes: [
    { id: "host", kind: "physical-host", label: "Web server" },
    {
      id: "linux",
      kind: "kernel",
      parentId: "host",
      label: "Ubuntu",
      props: { family: "linux", distro: "Ubuntu" },
    },
    { id: "docker", kind: "container-engine", parentId: "linux", label: "Docker Engine" },
    { id: "web", kind: "container", parentId: "docker", label: "web", props: { image: "nginx:1.27" } },
    { id: "db", kind: "container", parentId: "docker", label: "db", props: { image: "postgres:17" } },
  ],
  edges: [{ id: "e1", kind: "network", source: "web", target: "db" }],
};

async function openByPicker(page: Page, name: string, content: string, button = "Open") {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: button, exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: "application/json", buffer: Buffer.from(content) });
}

async function importByMenu(page: Page, menu: string, item: string, name: string, content: string) {
  await page.getByRole("button", { name: `${menu} ▾` }).click();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("menuitem", { name: item }).click();
  await (await chooser).setFiles({ name, mimeType: "text/yaml", buffer: Buffer.from(content) });
}

/** A file dropped onto the canvas pane, as the desktop drops it: dragover, then drop, with a File. */
async function dropFile(page: Page, name: string, content: string) {
  await page.evaluate(
    ([n, c]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([c!], n!, { type: "" }));
      const target = document.querySelector(".react-flow__pane")!;
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [name, content],
  );
}

/** Whether keyboard focus is inside `dialog`. */
const focusIn = (dialog: Locator) => dialog.evaluate((d) => d.contains(document.activeElement));

type Doc = Awaited<ReturnType<typeof documentOf>>;
const ids = (d: Doc) => d.nodes.map((n) => n.id).sort();
const roots = (d: Doc, only?: ReadonlySet<string>) =>
  d.nodes.filter((n) => n.parentId === undefined && (!only || only.has(n.id)));
const overlaps = (a: Doc["nodes"][number], b: Doc["nodes"][number]) =>
  a.position.x < b.position.x + b.size.width &&
  b.position.x < a.position.x + a.size.width &&
  a.position.y < b.position.y + b.size.height &&
  b.position.y < a.position.y + a.size.height;

test("a Compose file with profiles imports through the profile dialog: one profile chosen, exactly its services drawn", async ({
  page,
}) => {
  const errors = await open(page);
  const compose = fixture("compose/features/profiles-volumes.yml");
  await importByMenu(page, "Import", "Docker Compose file…", "devstack.yml", compose);
  const dialog = page.getByRole("dialog", { name: "Import “devstack.yml”: which profiles?" });
  await expect(dialog).toBeVisible();
  expect(await focusIn(dialog)).toBe(true);
  // A checkbox per profile, each with the services it brings; "All profiles"; none chosen yet.
  const boxes = dialog.getByRole("checkbox");
  await expect(boxes).toHaveCount(4);
  await expect(dialog.getByRole("checkbox", { name: "All profiles" })).not.toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: "debug" })).toHaveAccessibleDescription(
    "Services: adminer, mailhog",
  );
  await expect(dialog.getByRole("checkbox", { name: "mail" })).toHaveAccessibleDescription(
    "Services: mailhog",
  );
  await expect(dialog.getByRole("checkbox", { name: "docs" })).toHaveAccessibleDescription("Services: docs");
  await expect(dialog).toContainText(
    "Always drawn (no profile): app, db, worker, scheduler, metrics, sidecar",
  );
  await dialog.getByRole("checkbox", { name: "debug" }).check();
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(node(page, "Container: adminer")).toBeVisible();
  const doc = await documentOf(page);
  expect(
    doc.nodes
      .filter((n) => n.kind === "container")
      .map((n) => n.label)
      .sort(),
  ).toEqual(["adminer", "app", "db", "mailhog", "metrics", "scheduler", "sidecar", "worker"]);
  // The one left out is said on the host, in the import report, as the CLI says it.
  const notes = doc.nodes.find((n) => n.kind === "physical-host")!.props!.notes as string;
  expect(notes).toMatch(
    /^Import report \(not drawn\):\n- services: not drawn, as docker compose up leaves them out: "docs"/,
  );
  // Nothing else was asked: the canvas was empty.
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("Open on a canvas with work asks first: Escape and Cancel change nothing, Enter on Replace replaces and Ctrl+Z brings the work back, Open beside keeps both apart", async ({
  page,
}) => {
  const errors = await open(page, "lang=en&template=one-server-many-functions");
  const before = await documentOf(page);
  const where = page.getByRole("dialog", { name: "Open “web.stackdraw.json”" });

  // Escape: Cancel.
  await openByPicker(page, "web.stackdraw.json", JSON.stringify(stack));
  await expect(where).toBeVisible();
  await expect(where).toContainText("Your diagram has work on it. Where should “web.stackdraw.json” go?");
  const replace = where.getByRole("button", { name: "Replace this diagram" });
  await expect(replace).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(where).toHaveCount(0);
  expect(await documentOf(page)).toEqual(before);

  // The Cancel button.
  await openByPicker(page, "web.stackdraw.json", JSON.stringify(stack));
  await where.getByRole("button", { name: "Cancel" }).click();
  await expect(where).toHaveCount(0);
  expect(await documentOf(page)).toEqual(before);

  // Enter on the focused button (Replace): the whole document replaced, as one undo step.
  await openByPicker(page, "web.stackdraw.json", JSON.stringify(stack));
  await expect(replace).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(where).toHaveCount(0);
  // Focus back where it was: the Open button.
  await expect(page.getByRole("toolbar").getByRole("button", { name: "Open", exact: true })).toBeFocused();
  await expect(node(page, "Physical server: Web server")).toBeVisible();
  expect(ids(await documentOf(page))).toEqual(stack.nodes.map((n) => n.id).sort());
  await page.keyboard.press("Control+z");
  await expect.poll(async () => ids(await documentOf(page))).toEqual(ids(before));
  expect(await documentOf(page)).toEqual(before);

  // Open beside: the work as it was, the opened diagram right of it, no box over another.
  await openByPicker(page, "web.stackdraw.json", JSON.stringify(stack));
  await where.getByRole("button", { name: "Open beside it" }).click();
  await expect(where).toHaveCount(0);
  await expect(node(page, "Physical server: Web server")).toBeVisible();
  const both = await documentOf(page);
  expect(both.nodes).toHaveLength(before.nodes.length + stack.nodes.length);
  for (const n of before.nodes) expect(both.nodes.find((m) => m.id === n.id)).toEqual(n);
  const old = new Set(before.nodes.map((n) => n.id));
  const added = new Set(both.nodes.map((n) => n.id).filter((id) => !old.has(id)));
  expect(roots(both, added)).toHaveLength(1);
  for (const a of roots(both, old)) for (const b of roots(both, added)) expect(overlaps(a, b)).toBe(false);
  // Both are in view, side by side on the screen too.
  const oldRoot = roots(both, old)[0]!;
  const oldBox = (await page.locator(`.react-flow__node[data-id="${oldRoot.id}"]`).boundingBox())!;
  const newBox = (await node(page, "Physical server: Web server").boundingBox())!;
  expect(newBox.x).toBeGreaterThanOrEqual(oldBox.x + oldBox.width);
  // One undo step takes it away again.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(async () => (await documentOf(page)).nodes.length).toBe(before.nodes.length);
  expect(await documentOf(page)).toEqual(before);
  expect(errors).toEqual([]);
});

test("Import on a canvas with work asks first, in Korean: Open beside keeps the work, Ctrl+Z takes the cluster away", async ({
  page,
}) => {
  const errors = await open(page, "lang=ko&template=dev-to-prod");
  const before = await documentOf(page);
  await importByMenu(page, "가져오기", "쿠버네티스 매니페스트…", "web-app.yaml", fixture("k8s/web-app.yaml"));
  const where = page.getByRole("dialog", { name: "“web-app.yaml” 가져오기" });
  await expect(where).toBeVisible();
  await expect(where).toContainText("지금 다이어그램에 작업한 내용이 있습니다.");
  await expect(where.getByRole("button")).toHaveText(["이 다이어그램 바꾸기", "옆에 열기", "취소"]);
  expect(await focusIn(where)).toBe(true);
  // Tab to "Open beside", Enter.
  await page.keyboard.press("Tab");
  await expect(where.getByRole("button", { name: "옆에 열기" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(where).toHaveCount(0);
  const both = await documentOf(page);
  expect(both.nodes.filter((n) => n.kind === "k8s-cluster")).toHaveLength(1);
  for (const n of before.nodes) expect(both.nodes.find((m) => m.id === n.id)).toEqual(n);
  const old = new Set(before.nodes.map((n) => n.id));
  const added = new Set(both.nodes.map((n) => n.id).filter((id) => !old.has(id)));
  for (const a of roots(both, old)) for (const b of roots(both, added)) expect(overlaps(a, b)).toBe(false);
  await page.locator(".react-flow__pane").focus();
  await page.keyboard.press("Control+z");
  await expect.poll(async () => (await documentOf(page)).nodes.length).toBe(before.nodes.length);
  expect(await documentOf(page)).toEqual(before);

  // A refused file: its error dialog, and no question.
  await importByMenu(
    page,
    "가져오기",
    "Docker Compose 파일…",
    "bad.yml",
    'services:\n  web:\n    ports: ["70000:80"]\n',
  );
  await expect(page.getByRole("alertdialog")).toContainText("3:");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.getByRole("alertdialog").getByRole("button", { name: "확인" }).click();
  expect(await documentOf(page)).toEqual(before);
  expect(errors).toEqual([]);
});

test("a Kubernetes manifest dropped on the canvas draws a cluster; dropped on work, it asks first", async ({
  page,
}) => {
  const errors = await open(page);
  // The empty canvas: no question.
  await dropFile(page, "manifests.yaml", fixture("k8s/web-app.yaml"));
  await expect(node(page, "Kubernetes cluster: Kubernetes cluster")).toBeVisible();
  await expect(node(page, "Pod: web")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const first = await documentOf(page);
  expect(first.nodes[0]).toMatchObject({ kind: "k8s-cluster" });
  expect(first.nodes.filter((n) => n.kind === "pod").map((n) => n.label)).toEqual(["web", "db"]);

  // On the cluster: Cancel changes nothing; Replace draws the other manifest's cluster.
  const where = page.getByRole("dialog", { name: "Import “windows.yaml”" });
  await dropFile(page, "windows.yaml", fixture("k8s/windows-iis.yaml"));
  await where.getByRole("button", { name: "Cancel" }).click();
  await expect(where).toHaveCount(0);
  expect(await documentOf(page)).toEqual(first);
  await dropFile(page, "windows.yaml", fixture("k8s/windows-iis.yaml"));
  await where.getByRole("button", { name: "Replace this diagram" }).click();
  await expect(node(page, "Pod: iis-frontend")).toBeVisible();
  const second = await documentOf(page);
  expect(second.nodes.filter((n) => n.kind === "k8s-cluster")).toHaveLength(1);
  expect(second.nodes.some((n) => n.label === "web" && n.kind === "pod")).toBe(false);
  await page.locator(".react-flow__pane").focus();
  await page.keyboard.press("Control+z");
  await expect.poll(async () => ids(await documentOf(page))).toEqual(ids(first));
  expect(errors).toEqual([]);
});

test("a Compose file dropped on work asks its profiles first (Escape changes nothing), then where; Open beside keeps both", async ({
  page,
}) => {
  const errors = await open(page, "lang=en&template=one-server-many-functions");
  const before = await documentOf(page);
  const compose = fixture("compose/features/profiles-volumes.yml");
  const profiles = page.getByRole("dialog", { name: "Import “devstack.yml”: which profiles?" });

  // Picked by its content; Escape in the profile dialog: nothing imported, nothing more asked.
  await dropFile(page, "devstack.yml", compose);
  await expect(profiles).toBeVisible();
  expect(await focusIn(profiles)).toBe(true);
  await page.keyboard.press("Escape");
  await expect(profiles).toHaveCount(0);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(await documentOf(page)).toEqual(before);

  // The profiles, then where: the second dialog takes the focus when the first is answered.
  await dropFile(page, "devstack.yml", compose);
  await profiles.getByRole("checkbox", { name: "docs" }).check();
  await profiles.getByRole("button", { name: "Import", exact: true }).click();
  await expect(profiles).toHaveCount(0);
  const where = page.getByRole("dialog", { name: "Import “devstack.yml”" });
  await expect(where.getByRole("button", { name: "Replace this diagram" })).toBeFocused();
  await where.getByRole("button", { name: "Open beside it" }).click();
  await expect(where).toHaveCount(0);
  await expect(node(page, "Container: docs")).toBeVisible();

  const both = await documentOf(page);
  for (const n of before.nodes) expect(both.nodes.find((m) => m.id === n.id)).toEqual(n);
  const old = new Set(before.nodes.map((n) => n.id));
  const added = new Set(both.nodes.map((n) => n.id).filter((id) => !old.has(id)));
  // The services drawn: those without a profile and the one profile chosen (containers only).
  expect(
    both.nodes
      .filter((n) => added.has(n.id) && n.kind === "container")
      .map((n) => n.label)
      .sort(),
  ).toEqual(["app", "db", "docs", "metrics", "scheduler", "sidecar", "worker"]);
  expect(roots(both, added)).toHaveLength(1);
  for (const a of roots(both, old)) for (const b of roots(both, added)) expect(overlaps(a, b)).toBe(false);
  // One undo step takes the import away.
  await page.locator(".react-flow__pane").focus();
  await page.keyboard.press("Control+z");
  await expect.poll(async () => (await documentOf(page)).nodes.length).toBe(before.nodes.length);
  expect(await documentOf(page)).toEqual(before);
  expect(errors).toEqual([]);
});

/** Several files dropped together onto the canvas pane, as the desktop drops them. */
async function dropFiles(page: Page, files: { name: string; content: string }[]) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.content], f.name, { type: "" }));
    const target = document.querySelector(".react-flow__pane")!;
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

test("Compose files dropped together are one import: the included files are read among them, and a file of another kind is named, not dropped silently", async ({
  page,
}) => {
  const errors = await open(page);
  const file = (rel: string) => ({ name: rel.slice(rel.lastIndexOf("/") + 1), content: fixture(rel) });
  await dropFiles(page, [
    file("compose/features/include/search.yml"),
    file("compose/features/include/compose.yml"),
    file("compose/features/include/db/compose.db.yml"),
    { name: "notes.stackdraw.json", content: JSON.stringify(stack) },
  ]);
  await expect(node(page, "Container: app")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Not opened with the first file" })).toContainText(
    "Not opened with the first file: notes.stackdraw.json.",
  );
  const doc = await documentOf(page);
  expect(
    doc.nodes
      .filter((n) => n.kind === "container")
      .map((n) => n.label)
      .sort(),
  ).toEqual(["app", "es01", "mysql", "redis"]);
  // Every include was read: nothing to report on the host.
  expect(doc.nodes.find((n) => n.kind === "physical-host")!.props?.notes).toBeUndefined();
  expect(doc.edges.filter((e) => e.kind === "network")).toHaveLength(2);
  expect(errors).toEqual([]);
});
