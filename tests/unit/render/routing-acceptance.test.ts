/**
 * The routing half of the drawing acceptance (docs/drawing.md, sections 2 and 3), measured on real
 * renders through the SVG contract (./contract.ts): every template in both languages and every
 * Compose fixture (the realistic ones included) — no edge through a box that is not an end or an
 * ancestor of one, none across any node's text, parallels of different edges at least 6 px apart,
 * no label over a node's text, and an imported diagram's image between 1:2 and 2.2:1.
 */
import { renderSvg } from "../../../src/render/svg.ts";
import {
  aspectRatio,
  closeParallels,
  labelsOverText,
  readDrawing,
  segmentsAcrossText,
  segmentsThroughForeignBoxes,
} from "./contract.ts";
import { composeFixtures, realDrawings } from "./drawings.ts";

const drawings = realDrawings().map((r) => ({
  ...r,
  drawing: readDrawing(renderSvg(r.doc, { lang: r.lang }).svg),
}));

describe("edges are routed around boxes and text (every template, every Compose import)", () => {
  it.each(drawings)(
    "$name: no edge passes through a box that is not an end or an ancestor of one",
    ({ drawing }) => {
      expect(segmentsThroughForeignBoxes(drawing).map((h) => `${h.edge} through ${h.node}`)).toEqual([]);
    },
  );

  it.each(drawings)("$name: no edge runs across any node's text", ({ drawing }) => {
    expect(segmentsAcrossText(drawing).map((h) => `${h.edge} across ${h.node}`)).toEqual([]);
  });

  it.each(drawings)("$name: parallel segments of different edges are at least 6 px apart", ({ drawing }) => {
    expect(closeParallels(drawing).map((p) => `${p.a.edge} ${p.gap} px from ${p.b.edge}`)).toEqual([]);
  });

  it.each(drawings)("$name: no edge label covers a node's text", ({ drawing }) => {
    expect(labelsOverText(drawing).map(([e, n]) => `${e} over ${n}`)).toEqual([]);
  });
});

describe("an imported diagram fits a slide", () => {
  it.each(composeFixtures())("compose $name: aspect ratio between 1:2 and 2.2:1", ({ doc }) => {
    const ratio = aspectRatio(readDrawing(renderSvg(doc).svg));
    expect(ratio).toBeGreaterThanOrEqual(0.5);
    expect(ratio).toBeLessThanOrEqual(2.2);
  });
});
