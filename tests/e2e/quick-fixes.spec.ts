import { expect, test, type Page } from "@playwright/test";
import { documentOf, dropPreset, node, open, problems } from "./helpers.ts";

/** Opens a document through the toolbar's Open button, as a person picks a file. */
async function openFile(page: Page, doc: unknown, button = "Open") {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: button, exact: true }).click();
  await (
    await chooser
  ).setFiles({
    name: "stack.stackdraw.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(doc)),
  });
}

const at = (x: number, y: number, width: number, height: number) => ({
  position: { x, y },
  size: { width, height },
});

/** A server with Ubuntu and Docker running one container with `props`. */
const stack = (container: Record<string, unknown>) => ({
  format: "stackdraw",
  version: 2,
  nodes: [
    {
      id: "host",
      kind: "physical-host",
      label: "Server",
      props: { arch: "x86_64" },
      ...at(40, 40, 420, 320),
    },
    {
      id: "linux",
      kind: "kernel",
      parentId: "host",
      label: "Ubuntu",
      props: { family: "linux" },
      ...at(12, 40, 380, 240),
    },
    {
      id: "docker",
      kind: "container-engine",
      parentId: "linux",
      label: "Docker Engine",
      ...at(12, 40, 340, 160),
    },
    { id: "web", kind: "container", parentId: "docker", label: "web", ...at(12, 40, 160, 64), ...container },
  ],
  edges: [],
});

test("a Windows container on Ubuntu: one click on the fix removes the problem, Ctrl+Z brings it back", async ({
  page,
}) => {
  const errors = await open(page);
  await dropPreset(page, "Physical server", page.locator(".react-flow__pane"), { x: 260, y: 200 });
  await dropPreset(page, "Ubuntu", node(page, "Physical server: Physical server"));
  await dropPreset(page, "Docker Engine", node(page, "Kernel (OS): Ubuntu"));
  await dropPreset(page, "Windows container", node(page, "Container engine: Docker Engine"));
  const container = node(page, "Container: Windows container");
  await expect(container).toBeVisible();

  const mismatch = problems(page).getByRole("listitem").filter({ hasText: "container/kernel-mismatch" });
  await expect(mismatch).toHaveCount(1);
  await expect(page.getByRole("toolbar").getByText("1 error", { exact: true })).toBeVisible();
  await expect(container.getByLabel("1 problem", { exact: true })).toBeVisible();

  // The set-os fix's title, as the rules word it.
  await mismatch.getByRole("button", { name: "Change the container OS to Linux" }).click();
  await expect(mismatch).toHaveCount(0);
  await expect(page.getByRole("toolbar").getByText("0 errors", { exact: true })).toBeVisible();
  await expect(container.locator(".sd-badge")).toHaveCount(0);
  const fixed = await documentOf(page);
  expect(fixed.nodes.find((n) => n.kind === "container")?.props?.os).toBe("linux");

  await page.keyboard.press("Control+z");
  await expect(mismatch).toHaveCount(1);
  await expect(page.getByRole("toolbar").getByText("1 error", { exact: true })).toBeVisible();
  const undone = await documentOf(page);
  expect(undone.nodes.find((n) => n.kind === "container")?.props?.os).toBe("windows");
  expect(errors).toEqual([]);
});

test("a document whose node suppresses a warning opens with it muted, with its reason; suppressing asks why", async ({
  page,
}) => {
  const errors = await open(page);
  // An arm64 image on an x86_64 server (arch/mismatch, a warning), suppressed by the file.
  await openFile(
    page,
    stack({
      props: { image: "nginx:1.27", arch: "arm64" },
      suppress: { "arch/mismatch": "runs under QEMU on purpose" },
    }),
  );
  const suppressed = problems(page).getByRole("list", { name: "Suppressed (1)" });
  const row = suppressed.getByRole("listitem");
  await expect(row).toContainText("arch/mismatch");
  await expect(row).toContainText("Suppressed: runs under QEMU on purpose");
  await expect(row).toHaveCSS("opacity", "0.62");
  await expect(page.getByRole("toolbar").getByText("0 warnings", { exact: true })).toBeVisible();
  await expect(node(page, "Container: web").locator(".sd-badge")).toHaveCount(0);

  // Unsuppress, then suppress it again through the question, with the keyboard.
  await row.getByRole("button", { name: "Unsuppress" }).click();
  const warning = problems(page).getByRole("listitem").filter({ hasText: "arch/mismatch" });
  await expect(page.getByRole("toolbar").getByText("1 warning", { exact: true })).toBeVisible();
  await warning.getByRole("button", { name: "Suppress…" }).click();
  const reason = warning.getByLabel("Why does this rule not apply here?");
  await expect(reason).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(warning.getByRole("alert")).toContainText("Write a reason");
  await page.keyboard.type("emulated in CI, reviewed");
  await page.keyboard.press("Enter");
  await expect(suppressed.getByRole("listitem")).toContainText("Suppressed: emulated in CI, reviewed");
  await expect(page.getByRole("toolbar").getByText("0 warnings", { exact: true })).toBeVisible();
  const doc = await documentOf(page);
  expect((doc.nodes.find((n) => n.id === "web") as { suppress?: unknown }).suppress).toEqual({
    "arch/mismatch": "emulated in CI, reviewed",
  });
  expect(errors).toEqual([]);
});

test("in Korean: the fix says what it does in Korean, and a suppressed warning shows its reason", async ({
  page,
}) => {
  const errors = await open(page, "lang=ko");
  await openFile(
    page,
    stack({ props: { image: "mcr.microsoft.com/windows/nanoserver", os: "windows" } }),
    "열기",
  );
  const mismatch = problems(page).getByRole("listitem").filter({ hasText: "container/kernel-mismatch" });
  await mismatch.getByRole("button", { name: "컨테이너 운영체제를 리눅스로 변경" }).click();
  await expect(mismatch).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(mismatch).toHaveCount(1);

  await openFile(
    page,
    stack({
      props: { image: "nginx:1.27", arch: "arm64" },
      suppress: { "arch/mismatch": "QEMU로 일부러 실행" },
    }),
    "열기",
  );
  // The canvas has work: Open asks first (import-prompts.spec.ts).
  await page
    .getByRole("dialog", { name: "“stack.stackdraw.json” 열기" })
    .getByRole("button", { name: "이 다이어그램 바꾸기" })
    .click();
  const row = problems(page).getByRole("list", { name: "억제됨 (1)" }).getByRole("listitem");
  await expect(row).toContainText("억제됨: QEMU로 일부러 실행");
  await expect(row.getByRole("button", { name: "억제 해제" })).toBeVisible();
  expect(errors).toEqual([]);
});
