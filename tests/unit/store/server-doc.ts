/** A small placed document for the store's tests: a server with Ubuntu on it. */
import type { StackDocument } from "../../../src/domain/document.ts";

export const serverWithUbuntu = (title: string, version: 1 | 2 = 2): StackDocument => ({
  format: "stackdraw",
  version,
  title,
  nodes: [
    {
      id: "host",
      kind: "physical-host",
      label: "Server",
      position: { x: 0, y: 0 },
      size: { width: 400, height: 300 },
    },
    {
      id: "linux",
      kind: "kernel",
      parentId: "host",
      label: "Ubuntu",
      props: { family: "linux", distro: "Ubuntu" },
      position: { x: 12, y: 12 },
      size: { width: 360, height: 220 },
    },
  ],
  edges: [],
});
