// Node unit tests run in plain Node (the domain provably needs no DOM); component tests opt into
// jsdom per file with `// @vitest-environment jsdom`.
import "@testing-library/jest-dom/vitest";
import { editorRouter } from "../src/store/router.ts";
import { editorRules } from "../src/store/rules.ts";

// The editor loads its edge router on demand (src/store/router.ts); a test's store routes at once,
// as the page's does once the router is there. tests/unit/store/router-on-demand.test.ts tests the wait.
// The same for the rules engine (src/store/rules.ts; the wait: tests/unit/store/rules-on-demand.test.ts).
await editorRouter.load();
await editorRules.load();
