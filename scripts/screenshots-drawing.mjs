#!/usr/bin/env node
// The five-drop build (docs/drawing.md §1) dragged from the palette as a person would — Physical
// server, Ubuntu into it, Docker Engine into the kernel, two containers onto the engine — and two
// templates opened by URL, at 1280 × 800, in both languages and both themes, into docs/screenshots/.
// Usage: npx vite build --outDir <dir> && node scripts/screenshots-drawing.mjs [<dir>]
import { mkdirSync } from "node:fs";
import { pageSession } from "./page-session.mjs";

const { base, browser, close } = await pageSession({
  port: Number(process.env.SCREENSHOT_PORT ?? 4393),
  outDir: process.argv[2] ?? "dist",
});

const NAMES = {
  en: {
    palette: "Palette",
    canvas: "Canvas",
    server: "Physical server",
    container: "Container",
    serverNode: "Physical server: Physical server",
    kernelNode: "Kernel (OS): Ubuntu",
    engineNode: "Container engine: Docker Engine",
  },
  ko: {
    palette: "팔레트",
    canvas: "캔버스",
    server: "물리 서버",
    container: "컨테이너",
    serverNode: "물리 서버: 물리 서버",
    kernelNode: "커널 (운영체제): Ubuntu",
    engineNode: "컨테이너 엔진: Docker Engine",
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
      const canvas = page.getByRole("region", { name: n.canvas });
      const drag = (preset, target, position) =>
        pal
          .getByRole("button", { name: preset, exact: true })
          .dragTo(target, position ? { targetPosition: position } : {});
      await drag(n.server, page.locator(".react-flow__pane"), { x: 140, y: 90 });
      await drag("Ubuntu", canvas.getByRole("button", { name: n.serverNode }));
      await drag("Docker Engine", canvas.getByRole("button", { name: n.kernelNode }));
      await drag(n.container, canvas.getByRole("button", { name: n.engineNode }));
      await drag(n.container, canvas.getByRole("button", { name: n.engineNode }));
      await page.waitForTimeout(400);
      const file = `docs/screenshots/five-drops-${lang}-${theme}.png`;
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await page.close();
    }
  }
  for (const id of ["ecs-docker", "vm-vs-container"]) {
    for (const lang of ["en", "ko"]) {
      for (const theme of ["light", "dark"]) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: theme });
        await page.goto(`${base}/?lang=${lang}&template=${id}`);
        await page.locator(".react-flow__node").first().waitFor();
        await page.waitForTimeout(400);
        const file = `docs/screenshots/opened-${id}-${lang}-${theme}.png`;
        await page.screenshot({ path: file });
        console.log(`wrote ${file}`);
        await page.close();
      }
    }
  }
} finally {
  await close();
}
