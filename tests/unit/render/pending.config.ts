/**
 * Runs the acceptance checks that wait for the edge router (./routing-acceptance.pending.ts),
 * which the suite's own config leaves out: `npx vitest run --config tests/unit/render/pending.config.ts`.
 */
import { defineConfig } from "vitest/config";
import base from "../../../vitest.config.ts";

// Not mergeConfig: it would add this include to the suite's instead of replacing it.
export default defineConfig({ ...base, test: { ...base.test, include: ["tests/unit/render/*.pending.ts"] } });
