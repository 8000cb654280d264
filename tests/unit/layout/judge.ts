/** Checks and helpers shared by the layout tests that judge whole drawings. */
import { LAYOUT } from "../../../src/domain/layout/index.ts";
import type { Nodes } from "./forest.ts";

/** Boxes holding more than three children that are wider than twice their height: "id w×h/children". */
export function wideBoxes(doc: Nodes): string[] {
  const kids = new Map<string, number>();
  for (const n of doc.nodes) if (n.parentId != null) kids.set(n.parentId, (kids.get(n.parentId) ?? 0) + 1);
  const out: string[] = [];
  for (const n of doc.nodes) {
    const k = kids.get(n.id) ?? 0;
    if (k > LAYOUT.aspect.smallRow && n.size!.width > LAYOUT.aspect.maxBox * n.size!.height)
      out.push(`${n.id} ${n.size!.width}×${n.size!.height}/${k}`);
  }
  return out;
}

/** A seeded permutation (mulberry32 + Fisher–Yates): the same seed shuffles the same way. */
export function permute<T>(xs: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
