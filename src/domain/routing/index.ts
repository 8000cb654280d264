/**
 * Edge routing (docs/drawing.md, "Edge routing"): one router for the canvas, the exports and the
 * CLI. Pure and synchronous.
 */
export { routeEdges, rerouteAffected, type Route, type Routes, type RouteOptions } from "./route.ts";
export { textBoxes, textArea } from "./scene.ts";
export { edgeLabelText, labelBoxSize, LABEL_FONT, LABEL_MAX, LABEL_PAD } from "./label.ts";
export type { Box } from "./box.ts";
