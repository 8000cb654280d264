#!/usr/bin/env node
// Builds a stack in the real app the way a person would (palette clicks, selecting nodes,
// Arrange) and screenshots it in both languages and both themes into docs/screenshots/.
// Usage: npx vite build && node scripts/screenshots.mjs
import { mkdirSync } from "node:fs";
import { pageSession } from "./page-session.mjs";

const { base, browser, close } = await pageSession({ port: 4391, outDir: "dist" });

const NAMES = {
  en: {
    palette: "Palette",
    canvas: "Canvas",
    arrange: "Arrange",
    fit: "Fit View",
    server: "Physical server",
    vm: "Virtual machine",
    container: "Container",
  },
  ko: {
    palette: "팔레트",
    canvas: "캔버스",
    arrange: "정렬",
    fit: "화면에 맞추기",
    server: "물리 서버",
    vm: "가상 머신",
    container: "컨테이너",
  },
};

mkdirSync("docs/screenshots", { recursive: true });
try {
  for (const lang of ["en", "ko"]) {
    for (const theme of ["light", "dark"]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: theme });
      const n = NAMES[lang];
      await page.goto(`${base}/?lang=${lang}`);
      const pal = page.getByRole("complementary", { name: n.palette });
      const click = (name) => pal.getByRole("button", { name, exact: true }).click();
      const canvas = page.getByRole("region", { name: n.canvas });
      /** Selects a node by clicking its own band (bottom-left), never a child. */
      const select = async (name) => {
        await page.getByRole("button", { name: n.fit }).click();
        await page.waitForTimeout(100);
        const b = await canvas.getByRole("button", { name }).boundingBox();
        await page.mouse.click(b.x + 10, b.y + b.height - 8);
      };
      await click(n.server);
      await click("ESXi");
      await click(n.vm);
      await click("Ubuntu");
      await click("Docker Engine");
      await click(n.container);
      const engine = lang === "en" ? "Container engine: Docker Engine" : "컨테이너 엔진: Docker Engine";
      await select(engine);
      await click(n.container);
      await select(engine);
      await click(n.container);
      const hv = lang === "en" ? "Hypervisor: ESXi" : "하이퍼바이저: ESXi";
      await select(hv);
      await click(n.vm);
      await click("Windows Server");
      // Click empty canvas to clear the selection, so Arrange lays out the whole diagram.
      const pane = await page.locator(".react-flow__pane").boundingBox();
      await page.mouse.click(pane.x + 8, pane.y + 8);
      await page.getByRole("button", { name: n.arrange }).click();
      await page.getByRole("button", { name: n.fit }).click();
      // Select the Linux kernel: the containers sharing it light up.
      await select(lang === "en" ? "Kernel (OS): Ubuntu" : "커널 (운영체제): Ubuntu");
      await page.waitForTimeout(350);
      const file = `docs/screenshots/stack-${lang}-${theme}.png`;
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await page.close();
    }
  }
  // The templates the README shows, opened by URL as a learner would from a link.
  for (const id of ["ecs-docker", "vm-vs-container"]) {
    for (const lang of ["en", "ko"]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
      await page.goto(`${base}/?lang=${lang}&template=${id}`);
      await page.locator(".react-flow__node").first().waitFor();
      await page.waitForTimeout(400);
      const file = `docs/screenshots/template-${id}-${lang}.png`;
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await page.close();
    }
  }
} finally {
  await close();
}
