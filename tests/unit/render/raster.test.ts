import { MIN_TEXT_PX, PNG_LIMITS, legibleText, pngScale } from "../../../src/render/raster.ts";
import { renderSvg } from "../../../src/render/svg.ts";
import { completeGeometry } from "../../../src/domain/geometry.ts";
import type { StackDocument } from "../../../src/domain/document.ts";

describe("pngScale", () => {
  it("keeps the asked-for density for ordinary diagrams", () => {
    expect(pngScale(1200, 800, 2)).toBe(2);
  });
  it("lowers it so no side passes the canvas limit and the area stays capped", () => {
    const wide = pngScale(102_880, 442, 2);
    expect(102_880 * wide).toBeLessThanOrEqual(PNG_LIMITS.side + 1e-6);
    const big = pngScale(10_000, 8_000, 2);
    expect(10_000 * big * 8_000 * big).toBeLessThanOrEqual(PNG_LIMITS.pixels + 1);
    expect(big).toBeLessThan(2);
  });
});

describe("legibleText", () => {
  const doc = (n: number): StackDocument => ({
    format: "stackdraw",
    version: 2,
    title: "A <title> & more",
    nodes: Array.from({ length: n }, (_, i) => ({
      id: `h${i}`,
      kind: "physical-host" as const,
      label: `host ${i}`,
    })),
    edges: [],
  });
  const texts = (svg: string) => [...svg.matchAll(/<text\b[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)];

  it("keeps every text of a drawing at a readable density, unchanged", () => {
    const { svg } = renderSvg(completeGeometry(doc(3)), { problems: false });
    expect(texts(svg).length).toBeGreaterThan(3);
    expect(legibleText(svg, 1)).toBe(svg);
    expect(legibleText(svg, 2)).toBe(svg);
  });

  it("leaves out exactly the texts that would come out under MIN_TEXT_PX, and nothing else", () => {
    const { svg } = renderSvg(completeGeometry(doc(3)), { problems: false });
    const sizes = texts(svg).map((m) => Number(m[1]));
    const big = Math.max(...sizes);
    const small = Math.min(...sizes);
    expect(big).toBeGreaterThan(small);
    // A density at which the title (the biggest text) stays and the smallest goes.
    const density = (MIN_TEXT_PX / big + MIN_TEXT_PX / small) / 2;
    const out = legibleText(svg, density);
    const kept = texts(out).map((m) => Number(m[1]));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((s) => s * density >= MIN_TEXT_PX)).toBe(true);
    expect(kept.length).toBe(sizes.filter((s) => s * density >= MIN_TEXT_PX).length);
    // Nothing but text went: the rest of the markup is the same.
    const strip = (s: string) => s.replace(/<text\b[^>]*>[^<]*<\/text>/g, "");
    expect(strip(out)).toBe(strip(svg));
    // And far out, no text at all.
    expect(texts(legibleText(svg, 0.01))).toHaveLength(0);
  });
});
