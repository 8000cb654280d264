// Component tests opt into jsdom per file with `// @vitest-environment jsdom`;
// Node unit tests stay in plain Node so the domain provably needs no DOM.
export {};
