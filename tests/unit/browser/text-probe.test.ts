import { describe, expect, it } from "vitest";
import { hasInk, labelProbes, textProbes } from "../../../src/browser/text-probe.ts";

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="-10 -20 100 50">' +
  '<text class="sd-kind" x="0" y="0" font-size="10" fill="#2b6cd4">CONTAINER</text>' +
  '<text class="sd-label" x="10" y="10" font-size="10" font-weight="600" fill="#1d2330">web &amp; db</text>' +
  '<text class="sd-prop" x="10" y="20" font-size="10" font-family="ui-monospace" fill="#5c6370">nginx:1.27 and more</text>' +
  '<text class="sd-label" x="40" y="20" font-size="10" fill="#1d2330">가상 머신</text>' +
  "</svg>";

describe("text probes (waiting for an SVG image's fonts)", () => {
  it("picks one node name per face, in image pixels, and skips the monospace props", () => {
    const [latin, hangul, ...rest] = textProbes(SVG, ["U+0000-00FF", "U+AC00-D7A3"]);
    expect(rest).toEqual([]);
    expect(latin!.text).toBe("web & db");
    expect(latin!.rgb).toEqual([0x1d, 0x23, 0x30]);
    // viewBox 100×50 drawn at 200×100: x = (10 + 10) × 2, y = (10 − 10 + 20) × 2.
    expect(latin!.x).toBe(40);
    expect(latin!.y).toBe(40);
    expect(hangul!.text).toBe("가상 머신");
  });

  it("gives a face no text needs no probe, and one text never probes twice", () => {
    expect(textProbes(SVG, ["U+0400-04FF"])).toEqual([]);
    expect(textProbes(SVG, ["", ""]).length).toBe(1);
  });

  it("lists every node name", () => {
    expect(labelProbes(SVG).map((p) => p.text)).toEqual(["web & db", "가상 머신"]);
  });

  it("finds ink of the text colour, not of other colours or transparent pixels", () => {
    const px = (r: number, g: number, b: number, a = 255) => [r, g, b, a];
    const ink = [...px(250, 250, 250), ...px(30, 36, 50), ...px(29, 35, 48), ...px(20, 30, 40)];
    expect(hasInk(ink, [0x1d, 0x23, 0x30])).toBe(true);
    expect(hasInk([...px(43, 108, 212), ...px(43, 108, 212), ...px(43, 108, 212)], [0x1d, 0x23, 0x30])).toBe(
      false,
    );
    expect(
      hasInk([...px(29, 35, 48, 0), ...px(29, 35, 48, 0), ...px(29, 35, 48, 0)], [0x1d, 0x23, 0x30]),
    ).toBe(false);
  });
});
