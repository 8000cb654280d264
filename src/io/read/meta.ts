/** Stage 7, meta: the top-level fields besides the lists — `title` and `view`. */
import { LIMITS, type DocumentView, type Overlay } from "../../domain/document.ts";
import { checkNumber, checkObject, checkText } from "./fields.ts";
import { found, has, SECTION, type Errors, type Json, type ReadStage } from "./stage.ts";

const OVERLAYS: readonly Overlay[] = ["none", "managedBy"];

export function readMeta(raw: Json, errors: Errors): { title?: string; view?: DocumentView } {
  const stage: ReadStage = "meta";
  const out: { title?: string; view?: DocumentView } = {};
  if (has(raw, "title")) {
    const title = checkText(errors, stage, raw.title, "title", [SECTION.title, 0, 0]);
    if (title !== undefined) out.title = title;
  }
  if (has(raw, "view") && checkObject(errors, stage, raw.view, "view", [SECTION.view, 0, 0])) {
    const before = errors.count;
    const view: DocumentView = {};
    const v = raw.view;
    if (has(v, "viewport") && checkObject(errors, stage, v.viewport, "view.viewport", [SECTION.view, 0, 1])) {
      const r = { min: -LIMITS.coordinate, max: LIMITS.coordinate };
      const x = checkNumber(errors, stage, v.viewport, "x", "view.viewport", r, [SECTION.view, 0, 1]);
      const y = checkNumber(errors, stage, v.viewport, "y", "view.viewport", r, [SECTION.view, 0, 1]);
      // React Flow's own zoom range is far inside this; the bound only rejects nonsense.
      const zoom = checkNumber(
        errors,
        stage,
        v.viewport,
        "zoom",
        "view.viewport",
        { min: 0, max: 1000, exclusiveMin: true },
        [SECTION.view, 0, 1],
      );
      if (x !== undefined && y !== undefined && zoom !== undefined) view.viewport = { x, y, zoom };
    }
    if (has(v, "overlay")) {
      const o = v.overlay;
      if (typeof o === "string" && (OVERLAYS as readonly string[]).includes(o)) view.overlay = o as Overlay;
      else
        errors.add(
          stage,
          "view.overlay",
          "wrongType",
          { expected: "oneOf", options: OVERLAYS, value: found(o) },
          [SECTION.view, 0, 2],
        );
    }
    if (errors.count === before) out.view = view;
  }
  return out;
}
