// Node unit tests run in plain Node (the domain provably needs no DOM); component tests opt into
// jsdom per file with `// @vitest-environment jsdom`.
import "@testing-library/jest-dom/vitest";
