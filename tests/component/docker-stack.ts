/** The component tests' small placed stack: a server, Ubuntu, Docker Engine and one container `web`. */
import type { StackDocument, StackNode } from "../../src/domain/document.ts";
import { serverWithUbuntu } from "../unit/store/server-doc.ts";

/** The stack with `web` carrying `extra` (its props, suppressions). */
export function dockerStack(extra: Pick<StackNode, "props" | "suppress">, version: 1 | 2 = 1): StackDocument {
  const { title: _untitled, ...base } = serverWithUbuntu("", version);
  return {
    ...base,
    nodes: [
      ...base.nodes,
      {
        id: "docker",
        kind: "container-engine",
        parentId: "linux",
        label: "Docker Engine",
        position: { x: 12, y: 12 },
        size: { width: 320, height: 140 },
      },
      {
        id: "web",
        kind: "container",
        parentId: "docker",
        label: "web",
        ...extra,
        position: { x: 12, y: 12 },
        size: { width: 160, height: 64 },
      },
    ],
  };
}
