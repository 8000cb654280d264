import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { documentOf, node, open } from "./helpers.ts";

const fixture = (rel: string) => readFileSync(new URL(`../fixtures/${rel}`, import.meta.url), "utf8");

async function dropFile(page: Page, name: string, content: string, more: [string, string][] = []) {
  await page.evaluate(
    ([n, c, rest]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([c as string], n as string, { type: "" }));
      for (const [rn, rc] of rest as [string, string][]) dt.items.add(new File([rc], rn, { type: "" }));
      const target = document.querySelector(".react-flow__pane")!;
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [name, content, more] as const,
  );
}

test("Import ▸ Kubernetes manifests draws the cluster, its pods and Services, as one undo step", async ({
  page,
}) => {
  await open(page);
  await page.getByRole("button", { name: "Import" }).click();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("menuitem", { name: "Kubernetes manifests…" }).click();
  await (
    await chooser
  ).setFiles({
    name: "web-app.yaml",
    mimeType: "text/yaml",
    buffer: Buffer.from(fixture("k8s/web-app.yaml")),
  });
  await expect(node(page, "Kubernetes cluster: Kubernetes cluster")).toBeVisible();
  await expect(node(page, "Pod: web")).toBeVisible();
  await expect(node(page, "Kubernetes Service: shop: shop.example.com")).toBeVisible();
  const doc = await documentOf(page);
  expect(doc.nodes.filter((n) => n.kind === "pod").map((n) => n.label)).toEqual(["web", "db"]);
  expect(doc.edges.filter((e) => e.kind === "routes")).toHaveLength(3);
  await page.getByRole("button", { name: "Undo" }).click();
  expect((await documentOf(page)).nodes).toHaveLength(0);
});

test("dropping a Kubernetes manifest on the canvas picks the Kubernetes importer by its content", async ({
  page,
}) => {
  await open(page);
  await dropFile(page, "manifests.yaml", fixture("k8s/windows-iis.yaml"));
  await expect(node(page, "Virtual machine: Windows worker node")).toBeVisible();
  await expect(node(page, "Pod: iis-frontend")).toBeVisible();
  const doc = await documentOf(page);
  expect(doc.nodes[0]).toMatchObject({ kind: "k8s-cluster" });
  // An ECS task definition dropped as .json goes to the ECS importer.
  await dropFile(page, "task.json", fixture("ecs/fargate-web.json"));
  // The canvas has work now: the import asks first (import-prompts.spec.ts).
  await page
    .getByRole("dialog", { name: "Import “task.json”" })
    .getByRole("button", { name: "Replace this diagram" })
    .click();
  await expect(node(page, "ECS task: web")).toBeVisible();
  expect((await documentOf(page)).nodes.some((n) => n.kind === "fargate")).toBe(true);
});

test("Import ▸ ECS task definition shows a refusal with its line:column and changes nothing", async ({
  page,
}) => {
  await open(page, "lang=en&template=dev-to-prod");
  const before = await documentOf(page);
  await page.getByRole("button", { name: "Import" }).click();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("menuitem", { name: "ECS task definition…" }).click();
  await (
    await chooser
  ).setFiles({
    name: "bad.json",
    mimeType: "application/json",
    buffer: Buffer.from(fixture("ecs/bad/port-out-of-range.json")),
  });
  await expect(page.getByRole("alertdialog")).toContainText("4:76");
  await expect(page.getByRole("alertdialog")).toContainText("containerPort must be a port");
  await page.getByRole("alertdialog").getByRole("button", { name: "OK" }).click();
  expect(await documentOf(page)).toEqual(before);
});

test("several Kubernetes files dropped together import as one cluster", async ({ page }) => {
  await open(page);
  await dropFile(page, "web-app.yaml", fixture("k8s/web-app.yaml"), [
    ["ingress.yaml", fixture("k8s/ingress-legacy.yaml")],
    ["notes.txt", "not a manifest"],
  ]);
  await expect(node(page, "Pod: site")).toBeVisible();
  const doc = await documentOf(page);
  expect(doc.nodes.filter((n) => n.kind === "k8s-cluster")).toHaveLength(1);
  expect(doc.nodes.filter((n) => n.kind === "pod").map((n) => n.label)).toEqual([
    "web",
    "db",
    "site",
    "default-http-backend",
  ]);
});
