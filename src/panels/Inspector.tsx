import { Suspense, useCallback, useDeferredValue, useMemo } from "react";
import { useEditor, useEditorStore, useT } from "../store/context.tsx";
import { stillIndex } from "../store/editor.ts";
import { indexDocument } from "../domain/diagram.ts";
import { loadFailedNotice, onDemand } from "../browser/on-demand.ts";
import { diagramFacts } from "./stack-facts.ts";
import { LoadBoundary, Loading, WithPart } from "./OnDemand.tsx";

/**
 * The forms of a selected node or connection (./InspectorForms.tsx): not part of the first paint,
 * where nothing is selected. The app shell starts loading them at the person's first press
 * (src/main.tsx), and the inspector follows a selection at low priority anyway: until they are
 * there it keeps showing what it showed.
 */
export const inspectorForms = onDemand(() => import("./InspectorForms.tsx"));

/** What the facts start from on the first render, so that they never delay the editor's first paint. */
const NO_INDEX = indexDocument({ nodes: [] });

/** Machines listed in the diagram's facts; past it, a count of the rest. */
const MAX_FACTS = 12;

/** With nothing selected: what the diagram as a whole says (kernels per machine, sizes). */
function DiagramFacts() {
  const t = useT();
  const lang = useEditor((s) => s.lang);
  const index = useEditor(stillIndex);
  const edges = useEditor((s) => s.doc.edges.length);
  // Facts walk the whole diagram: on a big one they follow an edit a moment later, after the
  // canvas has painted it, instead of delaying that paint.
  const deferredIndex = useDeferredValue(index, NO_INDEX);
  const facts = useMemo(() => diagramFacts(deferredIndex, lang), [deferredIndex, lang]);
  const shown = facts.length > MAX_FACTS ? facts.slice(0, MAX_FACTS - 1) : facts;
  return (
    <div className="sd-inspector-body">
      <p className="sd-muted">{t("nothingSelected")}</p>
      {index.order.length > 0 && (
        <>
          <h3>{t("diagramFacts")}</h3>
          <ul className="sd-facts" aria-label={t("diagramFacts")}>
            {shown.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
            {shown.length < facts.length && (
              <li>{t("factMoreMachines", { n: facts.length - shown.length })}</li>
            )}
            <li>{t("factNodes", { n: index.order.length, e: edges })}</li>
          </ul>
        </>
      )}
    </div>
  );
}

export function Inspector() {
  const t = useT();
  const store = useEditorStore();
  // The inspector follows a click a moment later, at low priority: the canvas shows the selection
  // (and a drag starts moving) in the same frame, without waiting for the form to render. Until
  // the forms' code is there, that low-priority render waits, and the inspector shows what it did.
  const selected = useDeferredValue(
    useEditor((s) =>
      s.selectedNodes.length === 1 ? stillIndex(s).byId.get(s.selectedNodes[0]!) : undefined,
    ),
  );
  const selectedEdge = useDeferredValue(useEditor((s) => s.selectedEdge));
  const failed = useCallback(() => store.getState().setNotice(loadFailedNotice()), [store]);
  return (
    <aside className="sd-inspector" aria-label={t("inspector")}>
      <h2 className="sd-panel-title">{t("inspector")}</h2>
      {/* One boundary around every state of the body, so that a selection waiting for the forms
          keeps the body shown; forms that cannot be loaded: the notice, the diagram's facts, and
          the next selection loads again. */}
      <LoadBoundary onLoadFailed={failed} fallback={<DiagramFacts />} resetKey={selected?.id ?? selectedEdge}>
        <Suspense fallback={<Loading />}>
          {selected ? (
            <WithPart part={inspectorForms}>
              {(m) => <m.NodeInspector key={selected.id} node={selected} />}
            </WithPart>
          ) : selectedEdge ? (
            <WithPart part={inspectorForms}>
              {(m) => <m.EdgeInspector key={selectedEdge} edgeId={selectedEdge} />}
            </WithPart>
          ) : (
            <DiagramFacts />
          )}
        </Suspense>
      </LoadBoundary>
    </aside>
  );
}
