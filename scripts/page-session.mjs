// What the screenshot scripts share: the built page served by `vite preview` on a port, and
// Debian's Chromium launched headless (never a downloaded browser).
import { spawn } from "node:child_process";
import { chromium } from "playwright-core";

/** Serves `outDir` on 127.0.0.1:`port` and launches Chromium; `close()` ends both. */
export async function pageSession({ port, outDir = "dist" }) {
  const server = spawn(
    "npx",
    ["vite", "preview", "--host", "127.0.0.1", "--port", String(port), "--strictPort", "--outDir", outDir],
    { stdio: "ignore" },
  );
  const base = `http://127.0.0.1:${port}`;
  let up = false;
  for (let i = 0; i < 50 && !up; i++) {
    try {
      up = (await fetch(base)).ok;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  if (!up) {
    server.kill();
    throw new Error(`vite preview of ${outDir} did not answer on ${base}`);
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      server.kill();
    },
  };
}
