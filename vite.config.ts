import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

/**
 * The built page forbids every remote connection (docs/reliability.md, promise 8). Only
 * the production build gets it: the dev server injects inline scripts for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "stackdraw-csp",
    apply: "build",
    transformIndexHtml: (html) =>
      html.replace(
        "<head>",
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  build: {
    target: "es2022",
    sourcemap: true,
    // The first paint is one chunk, so there is nothing for the modulepreload polyfill to
    // preload (and every browser of the es2022 target preloads natively).
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the entry imports statically goes into one chunk, compressed as a whole: the
        // bundler would otherwise split out each module it shares with an on-demand chunk, and
        // every split-out chunk costs its own gzip start (docs/performance.md: initial JS).
        codeSplitting: { groups: [{ name: "app", tags: ["$initial"] }] },
      },
    },
  },
});
