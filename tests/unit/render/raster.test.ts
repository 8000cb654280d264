import { PNG_LIMITS, pngScale } from "../../../src/render/raster.ts";

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
