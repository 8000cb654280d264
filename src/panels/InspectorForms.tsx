/**
 * The Inspector's forms for the selected node or connection (src/panels/Inspector.tsx loads them on
 * demand: nothing is selected at the first paint, and the person's first press starts the load).
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import {
  COMMON_PROPS,
  EDGE_KINDS,
  EDGE_KIND_DEFS,
  KIND_DEFS,
  type EdgeKind,
} from "../domain/kinds/catalog.ts";
import type { EnumProp, Lang, PortMapping, PropSpec, ServicePort } from "../domain/kinds/props.ts";
import { isCount, isIpAddress, isPort, parseServicePorts } from "../domain/kinds/prop-values.ts";
import { ownProp, type StackNode } from "../domain/document.ts";
import { RULES, isRuleId, problemKey } from "../domain/rules/index.ts";
import { problemMessage } from "../domain/rules/messages.ts";
import { unsuppressRule } from "../store/problem-actions.ts";
import { ProblemActions } from "./ProblemActions.tsx";
import { removeEdges, removeNodes, updateEdge, updateNode } from "../domain/edit.ts";
import { useEditor, useEditorStore } from "../store/context.tsx";
import { usePanelT } from "./usePanelT.ts";
import { stillDoc, stillIndex } from "../store/editor.ts";
import { chainOf, factsOf } from "./node-facts.ts";
import { displayLabel, formatServicePort } from "../domain/view-model.ts";
import { translatePanel } from "../i18n/panel-strings.ts";
import { fieldLimitMessage } from "../i18n/limit-strings.ts";
import { isolate } from "../domain/bidi.ts";
import { onPageHide } from "../browser/dom.ts";
import { LIMITS, codePointLength, propTextLimit } from "../domain/limits.ts";
import { cutToCodePoints } from "../domain/limits-repair.ts";

/** How long typing pauses before a field's text is committed (and then autosaved). */
export const FIELD_COMMIT_DELAY_MS = 250;

let fieldEditSeq = 0;

/**
 * A text field. `live` fields (free text) commit while typing, debounced, and at once when the
 * page is hidden or closed, so a reload at any moment keeps what was typed (docs/reliability.md,
 * promise 1); all the commits of one visit to the field are one undo step, and Escape takes that
 * step back. Other fields commit on Enter or blur. `maxLength` (code points) stops the text at
 * its limit and says so under the field.
 */
function TextField({
  label,
  value,
  placeholder,
  onCommit,
  multiline,
  suggestions,
  help,
  inputMode,
  live,
  maxLength,
}: {
  label: string;
  value: string;
  placeholder?: string;
  /**
   * Takes the edited text; returning false refuses it, and the field shows the value again.
   * `session` names the field edit (for one undo step per edit) when the field is live.
   */
  onCommit: (v: string, session?: string) => boolean | void;
  multiline?: boolean;
  /** Values to offer while typing (any other text is fine too). */
  suggestions?: readonly string[];
  /** A line under the field, read with it. */
  help?: string;
  inputMode?: "numeric";
  live?: boolean;
  maxLength?: number;
}) {
  const id = useId();
  const listId = useId();
  const helpId = useId();
  const limitId = useId();
  const store = useEditorStore();
  const lang = useEditor((s) => s.lang);
  const [draft, setDraft] = useState(value);
  const [atLimit, setAtLimit] = useState<null | "typed" | "cut">(null);
  /**
   * What this visit to the field committed: the inspector follows the store a moment later (at low
   * priority), so a value it committed may come back while more is typed; that is no change under
   * the field and must not reset what is being typed.
   */
  const [committed, setCommitted] = useState<ReadonlySet<string>>(() => new Set());
  // When the document changes under the field (undo, another edit), show the new value.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (!committed.has(value)) setDraft(value);
  }
  const latest = useRef({ draft, value, onCommit });
  useLayoutEffect(() => {
    latest.current = { draft, value, onCommit };
  });
  const session = useRef<{ key: string; before: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(() => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const { draft: d, value: v, onCommit: commitFn } = latest.current;
    if (d === v) return;
    if (commitFn(d, live ? session.current?.key : undefined) === false) setDraft(v);
    else if (live) setCommitted((c) => new Set(c).add(d));
  }, [live]);
  const startSession = () => {
    if (live && session.current === null) session.current = { key: `field-${++fieldEditSeq}`, before: value };
  };
  const endSession = () => {
    flush();
    if (session.current !== null && store.getState().editSession === session.current.key)
      store.getState().endEditSession();
    session.current = null;
    setCommitted(new Set());
  };
  // A hidden or closing page commits what is typed before autosave writes the draft: capture on
  // window runs before the autosaver's own listeners.
  useEffect(() => {
    if (!live) return;
    const stop = onPageHide(flush);
    return () => {
      stop();
      flush();
    };
  }, [live, flush]);
  const change = (raw: string) => {
    let text = raw;
    if (maxLength !== undefined && text.length > maxLength && codePointLength(text) > maxLength) {
      text = cutToCodePoints(text, maxLength);
      setAtLimit(codePointLength(raw) > maxLength + 1 ? "cut" : "typed");
    } else setAtLimit(maxLength !== undefined && codePointLength(text) >= maxLength ? "typed" : null);
    setDraft(text);
    if (!live) return;
    startSession();
    latest.current = { ...latest.current, draft: text };
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(flush, FIELD_COMMIT_DELAY_MS);
  };
  const escape = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const s = session.current;
    // The whole field edit is one undo step: Escape takes it back.
    if (s !== null && store.getState().editSession === s.key) store.getState().undo();
    session.current = null;
    setCommitted(new Set());
    setDraft(s?.before ?? value);
    setAtLimit(null);
  };
  const describedBy = [help ? helpId : "", atLimit ? limitId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="sd-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          value={draft}
          placeholder={placeholder}
          aria-describedby={describedBy}
          onChange={(e) => change(e.target.value)}
          onFocus={startSession}
          onBlur={endSession}
          onKeyDown={(e) => {
            if (e.key === "Escape") escape();
          }}
          rows={3}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={draft}
          placeholder={placeholder}
          inputMode={inputMode}
          list={suggestions?.length ? listId : undefined}
          aria-describedby={describedBy}
          onChange={(e) => change(e.target.value)}
          onFocus={startSession}
          onBlur={endSession}
          onKeyDown={(e) => {
            if (e.key === "Enter") endSession();
            if (e.key === "Escape") escape();
          }}
        />
      )}
      {suggestions?.length ? (
        <datalist id={listId}>
          {suggestions.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      ) : null}
      {help && (
        <p id={helpId} className="sd-muted sd-small">
          {help}
        </p>
      )}
      {atLimit && maxLength !== undefined && (
        <p id={limitId} className="sd-small sd-field-limit" role="status">
          {fieldLimitMessage(lang, maxLength, atLimit === "cut")}
        </p>
      )}
    </div>
  );
}

function EnumField({
  spec,
  value,
  fallback,
  lang,
  onChange,
}: {
  spec: EnumProp;
  value: string | undefined;
  fallback: string;
  lang: Lang;
  onChange: (v: string | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="sd-field">
      <label htmlFor={id}>{spec.name[lang]}</label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
      >
        <option value="">{fallback}</option>
        {spec.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.name[lang]}
          </option>
        ))}
      </select>
    </div>
  );
}

function PortsEditor({
  value,
  lang,
  onChange,
  withHost,
}: {
  value: unknown;
  lang: Lang;
  onChange: (v: unknown[] | undefined) => void;
  withHost: boolean;
}) {
  const t = (k: Parameters<typeof translatePanel>[1], p?: Record<string, string | number>) =>
    translatePanel(lang, k, p);
  const rows: PortMapping[] = Array.isArray(value)
    ? value.map((v: unknown) => (typeof v === "number" ? { container: v } : (v as PortMapping)))
    : [];
  const emit = (next: PortMapping[]) => {
    if (next.length === 0) return onChange(undefined);
    onChange(withHost ? next : next.map((r) => r.container));
  };
  const num = (s: string): number | undefined => {
    const n = Number(s);
    return s.trim() !== "" && isPort(n) ? n : undefined;
  };
  return (
    <fieldset className="sd-ports">
      <legend>{withHost ? `${t("portsHost")} → ${t("portsContainer")}` : t("portsContainer")}</legend>
      {rows.map((r, i) => (
        <div key={i} className="sd-port-row" style={withHost ? { flexWrap: "wrap" } : undefined}>
          {withHost && (
            <input
              aria-label={`${t("portsHost")} ${i + 1}`}
              inputMode="numeric"
              placeholder={t("notPublished")}
              defaultValue={r.host ?? ""}
              onBlur={(e) => {
                const host = num(e.target.value);
                const next = rows.map((x, j) => (j === i ? { ...x, ...(host ? { host } : {}) } : x));
                if (!host) delete next[i]!.host;
                emit(next);
              }}
            />
          )}
          {withHost && <span aria-hidden="true">→</span>}
          <input
            aria-label={`${t("portsContainer")} ${i + 1}`}
            inputMode="numeric"
            defaultValue={r.container}
            onBlur={(e) => {
              const c = num(e.target.value);
              if (c) emit(rows.map((x, j) => (j === i ? { ...x, container: c } : x)));
              else e.target.value = String(r.container);
            }}
          />
          {withHost && (
            <select
              aria-label={`${t("portsProtocol")} ${i + 1}`}
              value={r.protocol ?? "tcp"}
              onChange={(e) =>
                emit(rows.map((x, j) => (j === i ? { ...x, protocol: e.target.value as "tcp" | "udp" } : x)))
              }
            >
              <option value="tcp">tcp</option>
              <option value="udp">udp</option>
            </select>
          )}
          <button
            type="button"
            className="sd-icon-button"
            aria-label={t("removePort", { n: i + 1 })}
            onClick={() => emit(rows.filter((_, j) => j !== i))}
          >
            ×
          </button>
          {withHost && (
            // On a line of its own under the ports: the inspector is too narrow for five fields.
            <label
              className="sd-small sd-muted"
              style={{ flexBasis: "100%", display: "flex", gap: 4, alignItems: "center" }}
            >
              <span style={{ whiteSpace: "nowrap" }}>{t("portsHostIp")}</span>
              <input
                aria-label={`${t("portsHostIp")} ${i + 1}`}
                placeholder={t("allAddresses")}
                defaultValue={r.hostIp ?? ""}
                style={{ flex: "1 1 auto", width: "auto" }}
                onBlur={(e) => {
                  const ip = e.target.value.trim();
                  if (ip === (r.hostIp ?? "")) return;
                  // Not an address: the field goes back to what the document holds.
                  if (ip !== "" && !isIpAddress(ip)) {
                    e.target.value = r.hostIp ?? "";
                    return;
                  }
                  const next = rows.map((x, j) => (j === i ? { ...x, ...(ip ? { hostIp: ip } : {}) } : x));
                  if (!ip) delete next[i]!.hostIp;
                  emit(next);
                }}
              />
            </label>
          )}
        </div>
      ))}
      <button
        type="button"
        className="sd-small-button"
        onClick={() => emit([...rows, { container: withHost ? 80 : 8080 }])}
      >
        {t("addPort")}
      </button>
    </fieldset>
  );
}

function PropField({
  node,
  name,
  spec,
  lang,
  onSet,
}: {
  node: StackNode;
  name: string;
  spec: PropSpec;
  lang: Lang;
  onSet: (key: string, v: unknown, session?: string) => void;
}) {
  const v = ownProp(node.props, name);
  switch (spec.type) {
    case "enum": {
      const dflt = spec.default ? spec.options.find((o) => o.value === spec.default)?.name[lang] : undefined;
      return (
        <EnumField
          spec={spec}
          value={typeof v === "string" ? v : undefined}
          fallback={
            dflt ? translatePanel(lang, "defaultValue", { value: dflt }) : translatePanel(lang, "none")
          }
          lang={lang}
          onChange={(x) => onSet(name, x)}
        />
      );
    }
    case "text":
      return (
        <TextField
          label={spec.name[lang]}
          value={typeof v === "string" ? v : ""}
          {...(spec.placeholder ? { placeholder: spec.placeholder } : {})}
          {...(spec.suggestions ? { suggestions: spec.suggestions } : {})}
          live
          maxLength={propTextLimit(name)}
          onCommit={(x, session) => onSet(name, x === "" ? undefined : x, session)}
        />
      );
    case "count":
      return (
        <TextField
          label={spec.name[lang]}
          value={isCount(v) ? String(v) : ""}
          placeholder={translatePanel(lang, "defaultValue", { value: spec.default })}
          inputMode="numeric"
          {...(spec.help ? { help: spec.help[lang] } : {})}
          onCommit={(x) => {
            const n = Number(x.trim());
            if (x.trim() !== "" && !isCount(n)) return false;
            onSet(name, x.trim() === "" ? undefined : n);
          }}
        />
      );
    case "text-list":
      return (
        <TextField
          label={spec.name[lang]}
          value={Array.isArray(v) ? v.filter((x) => typeof x === "string").join(", ") : ""}
          help={translatePanel(lang, "textListHelp")}
          onCommit={(x) => {
            const list = x
              .split(",")
              .map((e) => e.trim())
              .filter((e) => e !== "");
            onSet(name, list.length ? list : undefined);
          }}
        />
      );
    case "service-ports":
      return (
        <TextField
          label={spec.name[lang]}
          value={Array.isArray(v) ? v.map((p) => formatServicePort(p as ServicePort)).join(", ") : ""}
          placeholder="80→8080 :30080"
          help={translatePanel(lang, "servicePortsHelp")}
          onCommit={(x) => {
            const list = parseServicePorts(x);
            if (list === undefined) return false;
            onSet(name, list.length ? list : undefined);
          }}
        />
      );
    case "container-ports":
    case "port-list":
      return (
        <PortsEditor
          key={JSON.stringify(v)}
          value={v}
          lang={lang}
          withHost={spec.type === "container-ports"}
          onChange={(x) => onSet(name, x)}
        />
      );
  }
}

export function NodeInspector({ node }: { node: StackNode }) {
  const t = usePanelT();
  const store = useEditorStore();
  const lang = useEditor((s) => s.lang);
  const index = useEditor(stillIndex);
  const doc = useEditor(stillDoc);
  const active = useEditor((s) => s.nodeProblems.get(node.id));
  const allProblems = useEditor((s) => s.problems);
  // Its problems that count, then those it suppresses (only a problem's first node can).
  const problems = useMemo(
    () => [
      ...(active ?? []),
      ...allProblems.filter((p) => p.suppressed !== undefined && p.nodeIds[0] === node.id),
    ],
    [active, allProblems, node.id],
  );
  const suppressions = Object.entries(node.suppress ?? {});
  const def = KIND_DEFS[node.kind];
  const ctx = index.context.get(node.id);
  const setProp = (key: string, value: unknown, session?: string) => {
    const s = store.getState();
    return s.commit(
      updateNode(s.doc, node.id, { props: { [key]: value } }),
      "edit",
      session !== undefined ? { coalesce: session } : undefined,
    );
  };
  const managed = ctx?.managedBy ?? "user";
  const whoName = (m: string) => t(m === "provider" ? "whoProvider" : "whoUser");
  return (
    <div className="sd-inspector-body">
      <p className="sd-kind-line">
        <span className={`sd-swatch sd-layer-${def.layer}`} aria-hidden="true" /> {def.name[lang]}
      </p>
      <p className="sd-muted sd-small">{def.description[lang]}</p>
      <TextField
        label={t("label")}
        value={node.label ?? ""}
        placeholder={def.name[lang]}
        live
        maxLength={LIMITS.labelLength}
        onCommit={(v, session) => {
          const s = store.getState();
          return s.commit(
            updateNode(s.doc, node.id, { label: v }),
            "edit",
            session !== undefined ? { coalesce: session } : undefined,
          );
        }}
      />
      {Object.entries(def.props).map(([name, spec]) => (
        <PropField key={name} node={node} name={name} spec={spec} lang={lang} onSet={setProp} />
      ))}
      <EnumField
        spec={COMMON_PROPS.managedBy}
        value={ctx?.managedByExplicit ? managed : undefined}
        fallback={t("inherited", { value: whoName(managed) })}
        lang={lang}
        onChange={(v) => setProp("managedBy", v)}
      />
      <TextField
        label={t("notes")}
        multiline
        value={
          typeof ownProp(node.props, "notes") === "string" ? (ownProp(node.props, "notes") as string) : ""
        }
        live
        maxLength={LIMITS.notesLength}
        onCommit={(v, session) => setProp("notes", v === "" ? undefined : v, session)}
      />

      <h3>{t("chain")}</h3>
      <p className="sd-chain">{chainOf(index, node.id, lang).map(isolate).join(" → ")}</p>
      <h3>{t("facts")}</h3>
      <ul className="sd-facts">
        {factsOf(index, node.id, lang).map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      <h3>{t("thisNodesProblems")}</h3>
      {problems.length ? (
        <ul className="sd-node-problems" aria-label={t("thisNodesProblems")}>
          {problems.map((p) => (
            <li
              key={problemKey(p)}
              className={p.suppressed ? "sd-muted" : `sd-problem-${p.severity}`}
              style={p.suppressed ? { opacity: 0.62 } : undefined}
            >
              <code>{p.rule}</code> {problemMessage(p, lang, doc)}
              <ProblemActions problem={p} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="sd-muted">{t("noProblems")}</p>
      )}
      {suppressions.length > 0 && (
        <>
          <h3>{t("nodeSuppressions")}</h3>
          <ul className="sd-node-problems" aria-label={t("nodeSuppressions")}>
            {suppressions.map(([rule, reason]) => (
              <li key={rule}>
                <code title={isRuleId(rule) ? RULES[rule].title[lang] : undefined}>{rule}</code> {reason}{" "}
                <button
                  type="button"
                  className="sd-small-button"
                  aria-label={t("unsuppressRule", { rule })}
                  onClick={() => unsuppressRule(store, node.id, rule)}
                >
                  {t("unsuppress")}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <button
        type="button"
        className="sd-danger"
        onClick={() => {
          const s = store.getState();
          s.commit(removeNodes(s.doc, [node.id]));
        }}
      >
        {t("deleteNode")}
      </button>
    </div>
  );
}

export function EdgeInspector({ edgeId }: { edgeId: string }) {
  const t = usePanelT();
  const store = useEditorStore();
  const lang = useEditor((s) => s.lang);
  const edge = useEditor((s) => s.doc.edges.find((e) => e.id === edgeId));
  const index = useEditor(stillIndex);
  const doc = useEditor(stillDoc);
  const allProblems = useEditor((s) => s.problems);
  const problems = useMemo(() => allProblems.filter((p) => p.edgeId === edgeId), [allProblems, edgeId]);
  const kindId = useId();
  if (!edge) return null;
  const name = (id: string) => {
    const n = index.byId.get(id);
    return n ? displayLabel(n, lang) : id;
  };
  return (
    <div className="sd-inspector-body">
      <p className="sd-kind-line">
        {t("edge")}: {isolate(name(edge.source))} → {isolate(name(edge.target))}
      </p>
      <div className="sd-field">
        <label htmlFor={kindId}>{t("edgeKind")}</label>
        <select
          id={kindId}
          value={edge.kind}
          onChange={(e) => {
            const s = store.getState();
            s.commit(updateEdge(s.doc, edge.id, { kind: e.target.value as EdgeKind }));
          }}
        >
          {EDGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {EDGE_KIND_DEFS[k].name[lang]}
            </option>
          ))}
        </select>
      </div>
      <p className="sd-muted sd-small">{EDGE_KIND_DEFS[edge.kind].description[lang]}</p>
      <TextField
        label={t("edgeLabel")}
        value={edge.label ?? ""}
        live
        maxLength={LIMITS.labelLength}
        onCommit={(v, session) => {
          const s = store.getState();
          return s.commit(
            updateEdge(s.doc, edge.id, { label: v }),
            "edit",
            session !== undefined ? { coalesce: session } : undefined,
          );
        }}
      />
      {problems.map((p) => (
        <div
          key={problemKey(p)}
          className={p.suppressed ? "sd-muted" : `sd-problem-${p.severity}`}
          style={p.suppressed ? { opacity: 0.62 } : undefined}
        >
          <p>
            <code>{p.rule}</code> {problemMessage(p, lang, doc)}
          </p>
          <ProblemActions problem={p} />
        </div>
      ))}
      <button
        type="button"
        className="sd-danger"
        onClick={() => {
          const s = store.getState();
          s.commit(removeEdges(s.doc, [edge.id]));
        }}
      >
        {t("deleteEdge")}
      </button>
    </div>
  );
}
