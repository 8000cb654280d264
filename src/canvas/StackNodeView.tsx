import { memo, useEffect, useId, useRef } from "react";
import { Resizer } from "./Resizer.tsx";
import { useEditorStore } from "../store/context.tsx";
import { updateNode } from "../domain/edit.ts";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { KIND_DEFS } from "../domain/kinds/catalog.ts";
import type { StackNode } from "../domain/document.ts";
import type { Problem } from "../domain/rules/index.ts";
import type { Lang } from "../domain/kinds/props.ts";
import { displayLabel, drawnShape, keyPropLines } from "../domain/view-model.ts";
import { translate } from "../i18n/strings.ts";
import { onPageHide } from "../browser/dom.ts";

/** Everything a node view renders. The adapter keeps this object identical while nothing in it changes. */
export interface StackNodeData extends Record<string, unknown> {
  node: StackNode;
  lang: Lang;
  problems: readonly Problem[];
  hasChildren: boolean;
  highlighted: boolean;
  /** "user" / "provider" when the "who manages what" overlay is on. */
  managedBy: "user" | "provider" | null;
  hint: "ok" | "bad" | null;
  hintMessage: string | null;
  /** The label is being edited in place. */
  renaming: boolean;
  /**
   * Zoomed so far out that text would be under 4 px: the node is drawn as a coloured box (with
   * its problem outline) and no text elements at all, which makes a big diagram much lighter to
   * lay out, paint and hold. Its accessible name stays on the node.
   */
  far?: boolean;
}

export type StackFlowNode = Node<StackNodeData, "stack">;

function StackNodeViewImpl({ data, selected }: NodeProps<StackFlowNode>) {
  const { node, lang, problems, hasChildren, highlighted, managedBy, hint, hintMessage, renaming, far } =
    data;
  const def = KIND_DEFS[node.kind];
  const errors = problems.filter((p) => p.severity === "error").length;
  const severity = errors > 0 ? "error" : problems.length > 0 ? "warning" : null;
  // The kind's declared look, as the SVG export reads it: frames carry a title bar at the top
  // (an empty one its name on one line), boxes a band at the bottom (a leaf its text stacked); the
  // border style is the stylesheet's `[data-border]`.
  const frame = drawnShape(node.kind, hasChildren) === "frame";
  const label = displayLabel(node, lang);
  const lines = far && !renaming ? [] : keyPropLines(node, lang);
  const showKind = def.name[lang] !== label;
  const badgeOnKindLine = showKind && !frame && !hasChildren;
  const badge =
    problems.length > 0 ? (
      <span
        className={`sd-badge sd-badge-${severity}`}
        title={problems.map((p) => p.rule).join("\n")}
        aria-label={
          problems.length === 1
            ? translate(lang, "nodeProblemsOne")
            : translate(lang, "nodeProblems", { n: problems.length })
        }
      >
        {problems.length}
      </span>
    ) : null;
  const band =
    far && !renaming ? (
      // The band's colour strip without its text.
      hasChildren ? (
        <div className="sd-band" />
      ) : null
    ) : (
      <div className="sd-band">
        <div className="sd-band-text">
          {showKind &&
            (badgeOnKindLine ? (
              // A box without children carries its badge on its kind line, so the label and key
              // props below keep the box's whole width (src/render/svg.ts draws the same).
              <span className="sd-kind-row">
                <span className="sd-kind">{def.name[lang]}</span>
                {badge}
              </span>
            ) : (
              <span className="sd-kind">{def.name[lang]}</span>
            ))}
          {renaming ? (
            <RenameField nodeId={node.id} initial={node.label ?? label} lang={lang} />
          ) : (
            <span className="sd-label" title={label}>
              {label}
            </span>
          )}
          {lines.map((l, i) => (
            <span key={i} className="sd-prop" title={l}>
              {l}
            </span>
          ))}
        </div>
        {!badgeOnKindLine && badge}
      </div>
    );
  return (
    <div
      className={[
        "sd-node",
        `sd-layer-${def.layer}`,
        frame ? "sd-frame" : "sd-stack",
        hasChildren ? "sd-parent" : "sd-leaf",
        severity ? `sd-has-${severity}` : "",
        selected ? "sd-selected" : "",
        highlighted ? "sd-highlighted" : "",
        managedBy ? `sd-managed-${managedBy}` : "",
        hint ? `sd-hint-${hint}` : "",
        renaming ? "sd-renaming" : "",
      ]
        .filter(Boolean)
        .join(" ")}
      data-kind={node.kind}
      data-border={def.look.border}
    >
      {selected && !far && <Resizer nodeId={node.id} />}
      <Handle type="target" position={Position.Left} className="sd-handle" />
      {frame || !hasChildren ? band : null}
      {!frame && hasChildren ? <div className="sd-children-space" /> : null}
      {!frame && hasChildren ? band : null}
      {hint && (
        <div className={`sd-hint-tip sd-hint-tip-${hint}`} role="status">
          {/* Names the node that receives the drop: it may be an ancestor of the one under the pointer. */}
          <strong>{translate(lang, "dropInto", { name: label })}</strong>
          {hint === "bad" && <> — {hintMessage ?? translate(lang, "dropBad")}</>}
        </div>
      )}
      <Handle type="source" position={Position.Right} className="sd-handle" />
    </div>
  );
}

/**
 * In-place rename: Enter (or leaving the field) confirms, Escape cancels; one undo step. What is
 * typed is committed at once when the page is hidden or closed (before autosave writes), in the
 * same undo step, so a reload keeps it (docs/reliability.md, promise 1).
 */
function RenameField({ nodeId, initial, lang }: { nodeId: string; initial: string; lang: Lang }) {
  const store = useEditorStore();
  const done = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const session = `rename-${useId()}`;
  const commitTyped = (value: string) => {
    const s = store.getState();
    const current = s.index.byId.get(nodeId)?.label ?? "";
    if (value.trim() !== current && value !== initial)
      s.commit(updateNode(s.doc, nodeId, { label: value.trim() }), "edit", { coalesce: session });
  };
  useEffect(() => {
    const flush = () => {
      if (!done.current && input.current) commitTyped(input.current.value);
    };
    return onPageHide(flush);
  });
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    const s = store.getState();
    if (value !== null) commitTyped(value);
    else if (s.editSession === session) s.undo(); // Escape takes back what a hidden page committed
    store.getState().endEditSession();
    store.getState().setRenaming(null);
  };
  return (
    <input
      ref={input}
      className="sd-rename nodrag nopan"
      aria-label={translate(lang, "renameField")}
      defaultValue={initial}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") finish(e.currentTarget.value);
        else if (e.key === "Escape") finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
      maxLength={1000}
    />
  );
}

export const StackNodeView = memo(StackNodeViewImpl);
