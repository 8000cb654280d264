/**
 * The browser side of files, in one import: downloading and picking files (./dom.ts), the
 * share-link codec (./share.ts), and the SVG/PNG export (./export.ts). Everything that decides
 * anything (reading, validating, rendering) is in src/io and src/render; this is only the DOM
 * plumbing.
 *
 * The editor itself does not import this module: it imports ./dom.ts and ./share.ts directly and
 * loads ./export.ts on demand, so the renderer stays out of the initial JS
 * (tests/unit/files/initial-bundle.test.ts checks it). This barrel is for the benchmark pages and
 * other callers that want the whole API at once.
 */
export * from "./dom.ts";
export * from "./share.ts";
export * from "./export.ts";
