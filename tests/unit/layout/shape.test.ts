/**
 * The layout places a parent's children inside the strip its kind's declared shape draws: a box
 * keeps a band at the bottom, a frame a title bar at the top. The node view and the SVG renderer
 * read the shape from the declaration; the layout's `stripPlacement` must agree with it.
 */
import { KIND_DEFS, KINDS } from "../../../src/domain/kinds/catalog.ts";
import { LAYOUT, contentInsets, stripPlacement } from "../../../src/domain/layout/index.ts";

describe("strip placement follows the declared shape", () => {
  it.each(KINDS)("%s", (k) => {
    const shape = KIND_DEFS[k].look.shape;
    expect(stripPlacement(k)).toBe(shape === "frame" ? "header" : "band");
    const insets = contentInsets(k);
    if (shape === "frame") expect(insets.top).toBeGreaterThan(LAYOUT.headerHeight);
    else expect(insets.bottom).toBeGreaterThan(LAYOUT.bandHeight);
  });
});
