/** Multi-page production build of the editor benchmark: app.html (B) and bare.html (A), one bundle config. */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const root = fileURLToPath(new URL(".", import.meta.url));
export const outDir = resolve(root, "../../.bench-out/perf");

export default defineConfig({
  root,
  base: "./",
  plugins: [react()],
  logLevel: "warn",
  build: {
    target: "es2022",
    outDir,
    emptyOutDir: true,
    rollupOptions: { input: { app: resolve(root, "app.html"), bare: resolve(root, "bare.html") } },
  },
});
