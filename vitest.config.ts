import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx", "tests/component/**/*.test.tsx"],
    setupFiles: ["tests/setup.ts"],
    // Property tests run hundreds of cases: on a 2-core machine under load 5 s is too tight. A hang
    // still fails; speed itself is measured by the benchmark, never here.
    testTimeout: 30_000,
  },
});
