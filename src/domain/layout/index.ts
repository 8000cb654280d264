/**
 * Stack layout and geometry: pure TypeScript shared by the editor, the SVG renderer and the CLI.
 */
export { LAYOUT, contentInsets, stripPlacement, type Insets, type StripPlacement } from "./constants.ts";
export {
  estimateTextWidth,
  labelBoxWidth,
  leafSize,
  NODE_TEXT,
  styledTextWidth,
  type TextMetrics,
} from "./text.ts";
export { stackLayout, type NodeGeometry, type StackLayoutOptions } from "./stack-layout.ts";
export { growToFit, type GeometryPatch } from "./grow.ts";
export { resolveGeometry, type ResolvedGeometry } from "./resolve.ts";
