/**
 * The editor's store: the Stackdraw document is the single source of truth; everything the canvas
 * shows is derived from it. Document changes go through `commit` (one undo step) or through a
 * gesture (a whole drag is one step). Selection, view and hints are not history.
 */
import { create } from "zustand";
import type { StackDocument, Point, Viewport, DocumentView } from "../domain/document.ts";
import { emptyDocument } from "../domain/document.ts";
import { indexDocument, withChangedNodes, withMovedNodes, type DiagramIndex } from "../domain/diagram.ts";
import type { Problem } from "../domain/rules/types.ts";
import type { Check } from "../domain/drop.ts";
import { editorRules, type RulesEngine } from "./rules.ts";
import type { Lang, Localized } from "../domain/kinds/props.ts";
import { fitDocument, completeGeometry } from "../domain/geometry.ts";
import type { RouteOptions, Routes } from "../domain/routing/route.ts";
import { editorRouter, type Router } from "./router.ts";
import { loadFailedNotice, type OnDemand } from "../browser/on-demand.ts";
import type { ThemeChoice } from "../i18n/preference.ts";
import type { DropHint } from "../domain/drag.ts";
import {
  checkLimits,
  checkLimitsAfter,
  clampViewport,
  LIMITS,
  type Limits,
  type LimitViolation,
} from "../domain/limits.ts";
import { savedByteLength } from "../io/write.ts";
import { limitMessage, type LimitedAction } from "../i18n/limit-strings.ts";

export type { ThemeChoice };

/** What dropping the dragged thing at the pointer would do (src/domain/drag.ts judges it). */
export type { DropHint };

export interface EditorState {
  doc: StackDocument;
  index: DiagramIndex;
  /** Every problem, suppressed ones included (marked `suppressed`, and counted nowhere). */
  problems: readonly Problem[];
  /**
   * Per node, its problems that count (not suppressed): what its badge shows and a drop compares.
   * An unchanged node keeps the identical array across edits.
   */
  nodeProblems: ReadonlyMap<string, readonly Problem[]>;
  /**
   * Every edge's route around the boxes (src/domain/routing), for all edges, mounted or not. Re-routed
   * incrementally after each change (live, without the final spacing pass, inside a gesture); a
   * route that did not change is the identical object, so its edge does not re-render.
   */
  routes: Routes;
  /**
   * The rules engine once it is loaded (src/store/rules.ts), else null: then `problems` is empty
   * and `problemsPending` says that the document has nodes the rules have not seen yet.
   */
  rules: RulesEngine | null;
  problemsPending: boolean;
  /** Whether the document has edges the router, still loading, has not routed yet (none are drawn). */
  routesPending: boolean;
  past: readonly StackDocument[];
  future: readonly StackDocument[];
  /** The document as it was when the current gesture began, or null outside a gesture. */
  gestureBase: StackDocument | null;
  /** The index of `gestureBase` (what stays still while a gesture moves things). */
  gestureIndex: DiagramIndex | null;
  /**
   * Changes when the layout may have: a node's box, its parent, the set of nodes or the edges
   * (not on a label or prop edit that leaves every box as it was). What is derived from geometry
   * alone — which nodes the canvas mounts — is recomputed only then. Not bumped inside a gesture.
   */
  layoutVersion: number;
  selectedNodes: readonly string[];
  selectedEdge: string | null;
  lang: Lang;
  theme: ThemeChoice;
  /**
   * What "system" means now: the operating system's light or dark mode, as the app shell reads it
   * (the store never looks at the DOM). See {@link resolvedTheme}.
   */
  systemTheme: "light" | "dark";
  overlay: boolean;
  dropHint: DropHint | null;
  /** Bumped to ask the canvas to bring a node into view. */
  reveal: { id: string; seq: number } | null;
  /**
   * Bumped to ask the canvas to show these nodes whole, clear of the minimap, the controls and the
   * legend, with a margin (Arrange, Zoom to selection); `ifHidden`: only when they are not wholly
   * in view already, and never zooming in (after a drop that grew a tree past the view's edge).
   */
  frameRequest: { ids: readonly string[]; seq: number; ifHidden: boolean } | null;
  /** A message for the person (a bad link, a refused file); stays until dismissed. */
  notice: { kind: "error" | "info"; text: Localized } | null;
  /** The node whose label is being edited in place, if any. */
  renaming: string | null;
  /** Why a file could not be opened or imported: shown in a dialog until dismissed. */
  fileError: FileError | null;
  /**
   * The question an open or an import waits on (store/file-actions.ts asks it, a dialog answers
   * it), or null. One at a time: a new question cancels the one before.
   */
  question: EditorQuestion | null;
  /**
   * Bumped when the whole diagram changes (new, template, open): the canvas shows the document's
   * saved viewport when it has one, else fits the view.
   */
  fitRequest: number;
  /**
   * The diagram of the last {@link EditorState.fitRequest} is for reading (a template): when it
   * cannot be shown whole at a readable size, the canvas may ask for the side panels' room.
   */
  fitRoom: boolean;
  /**
   * Where the canvas looks, as of the last finished pan or zoom (not history, not a document
   * change). Saved with the document (`view.viewport`) so that it reopens where it was left.
   */
  viewport: Viewport | null;
  /** The preset being dragged from the palette (drag data is unreadable during dragover). */
  paletteDrag: string | null;

  /**
   * Makes `next` the document, one undo step — unless it crosses a limit (src/domain/limits.ts):
   * then nothing changes, a notice says which limit and what `action` was refused, and false
   * comes back.
   */
  commit: (next: StackDocument, action?: LimitedAction, opts?: { coalesce?: string }) => boolean;
  /**
   * The field edit the last commit belonged to (`coalesce`), or null: commits of the same field
   * edit, one after another while typing, make one undo step. Any other change ends it.
   */
  editSession: string | null;
  /** Ends the current field edit: the next commit starts a new undo step. */
  endEditSession: () => void;
  /**
   * Refuses, before any work, an edit that would add `nodes` nodes and `edges` edges past the
   * count limits (the same notice as commit's). True when refused.
   */
  refuseGrowth: (nodes: number, edges: number, action: LimitedAction) => boolean;
  /**
   * Resolves once the store holds the rules engine (loading it if need be): true, or false when it
   * cannot be loaded. For what must be judged by the rules before it is done.
   */
  whenRules: () => Promise<boolean>;
  /** Replaces the whole document (open, template, import); refused like commit over a limit. */
  replaceDocument: (
    doc: StackDocument,
    opts?: { undoable?: boolean; action?: LimitedAction; quiet?: boolean },
  ) => boolean;
  beginGesture: () => void;
  /**
   * Updates the document inside a gesture, without a history step. `moved`: every node the step
   * moved (what they hold moves with them) — the live re-route looks only at these; without it, the
   * nodes that are not the identical objects of the current document.
   */
  transient: (next: StackDocument, moved?: Iterable<string>) => void;
  endGesture: () => void;
  /** Esc mid-gesture: back to the document as the gesture found it, nothing committed. */
  cancelGesture: () => void;
  undo: () => void;
  redo: () => void;
  select: (nodes: readonly string[], edge?: string | null) => void;
  setLang: (lang: Lang) => void;
  setTheme: (theme: ThemeChoice) => void;
  setSystemTheme: (theme: "light" | "dark") => void;
  setOverlay: (on: boolean) => void;
  setDropHint: (hint: DropHint | null) => void;
  revealNode: (id: string) => void;
  frameNodes: (ids: readonly string[], opts?: { ifHidden?: boolean }) => void;
  setPaletteDrag: (presetId: string | null) => void;
  setNotice: (notice: EditorState["notice"]) => void;
  setFileError: (e: FileError | null) => void;
  setQuestion: (q: EditorQuestion | null) => void;
  setRenaming: (id: string | null) => void;
  setViewport: (viewport: Viewport | null) => void;
}

/** A refused file, with its first problems: a JSON path or a line:column, and a message. */
export interface FileError {
  kind: "open" | "import";
  file: string;
  problems: { where: string; message: Localized }[];
  /** How many problems were found in all (more than are listed). */
  total: number;
  /** Present when it was refused only for a limit: opens it repaired, with a report. */
  repair?: () => void;
}

/** Where an opened or imported document goes when the canvas has work on it. */
export type Placement = "replace" | "beside";

/**
 * A question an open or an import asks before it changes the document. Answering clears it;
 * `answer(null)` is Cancel (Escape, or the dialog's Cancel) and changes nothing.
 */
export type EditorQuestion =
  | {
      kind: "where";
      /** Tells one question from the next (a dialog per question). */
      id: number;
      /** Open (a Stackdraw document) or Import (Compose, Kubernetes, ECS). */
      action: "open" | "import";
      /** The file's name, as picked or dropped. */
      file: string;
      /** Replace the whole diagram, or open beside the work on it; null: Cancel. */
      answer: (placement: Placement | null) => void;
    }
  | {
      kind: "profiles";
      id: number;
      /** The Compose file's name. */
      file: string;
      /** Every profile the file declares, in the order first met, with the services it brings. */
      profiles: readonly { name: string; services: readonly string[] }[];
      /** The services without a profile: drawn whatever is chosen. */
      always: readonly string[];
      /** The profiles to activate, as the CLI's `--profile` (`["*"]`: every one); null: Cancel. */
      answer: (profiles: readonly string[] | null) => void;
    };

const HISTORY_LIMIT = 200;

/** The limit `doc` crosses (counts, text, depth, then its size as Save writes it), or null. */
export function limitViolation(doc: StackDocument, limits: Limits = LIMITS): LimitViolation | null {
  return checkLimits(doc, savedByteLength, limits);
}

/** The size limit alone, as Save would write the document. */
function sizeViolation(doc: StackDocument, limits: Limits, prev?: StackDocument): LimitViolation | null {
  const b = savedByteLength(doc, prev);
  return b > limits.bytes ? { limit: "bytes", value: b, max: limits.bytes } : null;
}

export interface EditorStoreOptions {
  /** The limits the store enforces: LIMITS, except in tests that reach them with small documents. */
  limits?: Limits;
  /** The edge router, loaded on demand: the page's, except in tests of the wait for it. */
  router?: OnDemand<Router>;
  /** The rules engine, loaded on demand: the page's, except in tests of the wait for it. */
  rules?: OnDemand<RulesEngine>;
}

/** The check of a drop before the rules are there: no problem found, so none is claimed. */
const NO_CHECK: Check = () => [];

/** How a drop is checked in `s` (src/domain/drop.ts): the rules' validate once they are loaded. */
export const checkOf = (s: Pick<EditorState, "rules">): Check => s.rules?.validate ?? NO_CHECK;
const EMPTY: readonly Problem[] = [];
const NO_NODE_PROBLEMS: ReadonlyMap<string, readonly Problem[]> = new Map();

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.rule !== y.rule || x.nodeIds.join("\u0000") !== y.nodeIds.join("\u0000")) return false;
    if (JSON.stringify(x.params) !== JSON.stringify(y.params)) return false;
    // Offers are shared frozen objects: the same fixes are the same objects in the same order.
    if (x.fixes.length !== y.fixes.length || x.fixes.some((f, j) => f !== y.fixes[j])) return false;
  }
  return true;
}

/**
 * Everything derived from a document: its index (`index` when the caller has it already) and its
 * problems, reusing unchanged arrays.
 */
export function derive(
  doc: StackDocument,
  prev: ReadonlyMap<string, readonly Problem[]> | undefined,
  index: DiagramIndex = indexDocument(doc),
  validate: Check | null,
) {
  if (validate === null)
    return { index, problems: EMPTY, nodeProblems: NO_NODE_PROBLEMS, problemsPending: doc.nodes.length > 0 };
  const problems = validate(doc);
  const grouped = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.suppressed !== undefined) continue;
    for (const id of new Set(p.nodeIds)) {
      let list = grouped.get(id);
      if (!list) grouped.set(id, (list = []));
      list.push(p);
    }
  }
  const nodeProblems = new Map<string, readonly Problem[]>();
  for (const [id, list] of grouped) {
    const old = prev?.get(id);
    nodeProblems.set(id, old && sameProblems(old, list) ? old : list);
  }
  return { index, problems, nodeProblems, problemsPending: false };
}

/**
 * Whether the rules see `doc` as they saw `prevDoc` (indexed by `prevIndex`): the same nodes in the
 * same order under the same parents, differing at most in what no rule reads — labels, positions,
 * sizes, `manualSize` — and the same edges but for their labels. Then the problems of `prevDoc`
 * are `doc`'s: renaming, moving or resizing re-validates nothing. (The rules read kinds, parents,
 * props, suppressions and edge ends; messages name nodes by id and look labels up when written.)
 */
export function sameToTheRules(prevIndex: DiagramIndex, prevDoc: StackDocument, doc: StackDocument): boolean {
  if (prevIndex.nodes !== prevDoc.nodes) return false;
  const before = prevDoc.nodes;
  const nodes = doc.nodes;
  if (nodes.length !== before.length) return false;
  for (let i = 0; i < nodes.length; i++) {
    const a = before[i]!;
    const b = nodes[i]!;
    if (a === b) continue;
    if (a.id !== b.id || (a.parentId ?? null) !== (b.parentId ?? null) || !onlyInert(a, b, INERT_NODE_KEYS))
      return false;
  }
  if (doc.edges === prevDoc.edges) return true;
  if (doc.edges.length !== prevDoc.edges.length) return false;
  for (let i = 0; i < doc.edges.length; i++) {
    const a = prevDoc.edges[i]!;
    const b = doc.edges[i]!;
    if (a !== b && !onlyInert(a, b, INERT_EDGE_KEYS)) return false;
  }
  return true;
}
const INERT_NODE_KEYS: ReadonlySet<string> = new Set(["label", "position", "size", "manualSize"]);
const INERT_EDGE_KEYS: ReadonlySet<string> = new Set(["label"]);

/** Whether `a` and `b` differ only in the keys of `inert` (own keys compared by identity). */
function onlyInert<T extends object>(a: T, b: T, inert: ReadonlySet<string>): boolean {
  for (const k in a)
    if (Object.hasOwn(a, k) && !inert.has(k) && (!Object.hasOwn(b, k) || a[k] !== b[k])) return false;
  for (const k in b) if (Object.hasOwn(b, k) && !inert.has(k) && !Object.hasOwn(a, k)) return false;
  return true;
}

/**
 * Ids whose geometry may need their ancestors re-fitted: nodes that are new or not identical to
 * the ones in `base`, and the parents of nodes that are gone.
 */
export function changedSince(base: DiagramIndex, doc: StackDocument): string[] {
  const out: string[] = [];
  let kept = 0;
  // A node at the same place in the list as in `base`'s is unchanged without a lookup (ids are
  // unique there, so it is `base.byId`'s node of that id).
  const before = base.byId.size === base.nodes.length ? base.nodes : [];
  const nodes = doc.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (before[i] === n) {
      kept++;
      continue;
    }
    const old = base.byId.get(n.id);
    if (old === n) kept++;
    else {
      out.push(n.id);
      if (old) {
        kept++;
        if (old.parentId != null && old.parentId !== n.parentId) out.push(old.parentId);
      }
    }
  }
  if (kept < base.byId.size) {
    const ids = new Set(doc.nodes.map((n) => n.id));
    for (const [id, n] of base.byId) if (n.parentId != null && !ids.has(id)) out.push(n.parentId);
  }
  return out;
}

/**
 * Selectors for what a gesture does not change: the document and index as they were when it
 * began (a drag moves positions only). Panels use them so that they do not re-render on every
 * frame of a drag.
 */
export const stillDoc = (s: Pick<EditorState, "gestureBase" | "doc">): StackDocument =>
  s.gestureBase ?? s.doc;
export const stillIndex = (s: Pick<EditorState, "gestureIndex" | "index">): DiagramIndex =>
  s.gestureIndex ?? s.index;

/**
 * Whether `doc` has the same layout as `prevDoc` (indexed by `base`): the same nodes with the same
 * parents and the very same position and size objects, and the same edges. O(N) identity checks.
 */
export function sameLayout(base: DiagramIndex, prevDoc: StackDocument, doc: StackDocument): boolean {
  if (doc.edges !== prevDoc.edges || doc.nodes.length !== base.byId.size) return false;
  const before = base.nodes.length === base.byId.size ? base.nodes : [];
  for (let i = 0; i < doc.nodes.length; i++) {
    const n = doc.nodes[i]!;
    if (before[i] === n) continue;
    const o = base.byId.get(n.id);
    if (o === n) continue;
    if (!o || o.position !== n.position || o.size !== n.size || (o.parentId ?? null) !== (n.parentId ?? null))
      return false;
  }
  return true;
}

/** The routes of a document without edges: nothing to route (its first edge is routed afresh). */
const NO_ROUTES: Routes = new Map();

/** Whether every node that is not the identical object in `base` kept its kind (what its text area depends on). */
function sameKinds(base: DiagramIndex, doc: StackDocument): boolean {
  const before = base.nodes.length === base.byId.size ? base.nodes : [];
  for (let i = 0; i < doc.nodes.length; i++) {
    const n = doc.nodes[i]!;
    if (before[i] === n) continue;
    const o = base.byId.get(n.id);
    if (o !== n && o?.kind !== n.kind) return false;
  }
  return true;
}

/** The theme in effect: the person's choice, with "system" resolved to the system's mode. */
export const resolvedTheme = (s: Pick<EditorState, "theme" | "systemTheme">): "light" | "dark" =>
  s.theme === "system" ? s.systemTheme : s.theme;

export function problemsOf(state: Pick<EditorState, "nodeProblems">, id: string): readonly Problem[] {
  return state.nodeProblems.get(id) ?? EMPTY;
}

export function createEditorStore(
  initial: StackDocument = emptyDocument(),
  options: EditorStoreOptions = {},
) {
  const limits = options.limits ?? LIMITS;
  const router = options.router ?? editorRouter;
  const rulesPart = options.rules ?? editorRules;
  const doc0 = completeGeometry(initial);
  return create<EditorState>()((set, get) => {
    /**
     * The router, or null while it loads: the first document with edges starts the load, and its
     * arrival routes the document the store then holds (`routesPending` until then, when the
     * canvas draws no edges rather than lines that would jump). A failed load says so, and the
     * next change tries again.
     */
    const routerNow = (): Router | null => {
      const r = router.loaded;
      if (r) return r;
      router.load().then(
        (m) => {
          if (!get().routesPending) return;
          // (A new layout version: which edges are mounted follows their routes as well as the boxes.)
          set({
            routesPending: false,
            routes: m.routeEdges(get().doc, { index: get().index, lang: get().lang }),
            layoutVersion: get().layoutVersion + 1,
          });
        },
        () => {
          if (get().routesPending) set({ notice: loadFailedNotice() });
        },
      );
      return null;
    };
    /**
     * The rules engine, or null while it loads: a document with nodes starts the load, and its
     * arrival checks the document the store then holds (as a gesture found it, mid-gesture).
     */
    /** The rules taken in: the document the store then holds checked by them. */
    const adoptRules = (m: RulesEngine) => {
      const s = get();
      set({ rules: m, ...derive(stillDoc(s), undefined, stillIndex(s), m.validate) });
    };
    const rulesNow = (doc: StackDocument): RulesEngine | null => {
      const r = rulesPart.loaded;
      if (r || doc.nodes.length === 0) return r ?? null;
      rulesPart.load().then(
        (m) => {
          if (get().problemsPending) adoptRules(m);
        },
        () => {
          if (get().problemsPending) set({ notice: loadFailedNotice() });
        },
      );
      return null;
    };
    /** Everything derived from `doc` with the rules as they are (none while they load). */
    const deriveNow = (
      doc: StackDocument,
      prev?: ReadonlyMap<string, readonly Problem[]>,
      index?: DiagramIndex,
    ) => {
      const r = rulesNow(doc);
      return { rules: r, ...derive(doc, prev, index, r?.validate ?? null) };
    };
    /** Routes every edge of `doc`, or none while the router loads (then `pending`). */
    const routeAll = (doc: StackDocument, opts: RouteOptions): { routes: Routes; routesPending: boolean } => {
      if (doc.edges.length === 0) return { routes: NO_ROUTES, routesPending: false };
      const r = routerNow();
      return r
        ? { routes: r.routeEdges(doc, opts), routesPending: false }
        : { routes: NO_ROUTES, routesPending: true };
    };
    const reroute = (
      prev: Routes,
      doc: StackDocument,
      moved: Iterable<string>,
      opts: RouteOptions,
    ): { routes: Routes; routesPending: boolean } => {
      if (doc.edges.length === 0) return { routes: NO_ROUTES, routesPending: false };
      const r = routerNow();
      if (!r) return { routes: NO_ROUTES, routesPending: true };
      // The first routes after the router came are all of them: `prev` holds none.
      return {
        routes: get().routesPending ? r.routeEdges(doc, opts) : r.rerouteAffected(prev, doc, moved, opts),
        routesPending: false,
      };
    };
    /**
     * Everything that follows from a new document. `base`: the index of a fitted document it was
     * derived from; then only the ancestors of the nodes that differ from it are re-fitted (the
     * rest already fit), instead of every parent in the document.
     */
    const withDoc = (
      doc: StackDocument,
      base: DiagramIndex | null = get().gestureIndex ?? get().index,
      fit = true,
    ) => {
      const changed = base ? changedSince(base, doc) : undefined;
      // The index patched where the tree's shape stands (an edit of a few nodes costs those and
      // their subtrees), else built afresh; the layout walks only the changed nodes' ancestors.
      const pre = base ? withChangedNodes(base, doc.nodes) : null;
      // Placement (src/domain/placement.ts) settles what changed since `base`; a whole new document
      // comes laid out, and undo/redo bring back documents exactly as they were.
      const fitted = changed && fit ? fitDocument(doc, changed, base!, pre ?? undefined) : doc;
      const index = pre && (fitted === doc ? pre : withChangedNodes(pre, fitted.nodes));
      // The problems of the document `base` indexes are the store's (a gesture does not re-check):
      // an edit the rules cannot see keeps them, objects and all.
      const baseDoc =
        base === get().index ? get().doc : base === get().gestureIndex ? get().gestureBase : null;
      const derived =
        index && baseDoc && !get().problemsPending && sameToTheRules(base!, baseDoc, fitted)
          ? { index, problems: get().problems, nodeProblems: get().nodeProblems }
          : deriveNow(fitted, get().nodeProblems, index ?? undefined);
      // The new index answers "does it still exist" in O(1): selecting all of a big diagram and
      // editing it must not cost selection × nodes.
      const selectedNodes = get().selectedNodes.filter((id) => derived.index.byId.has(id));
      const selectedEdge = get().selectedEdge;
      const prev = get().gestureBase ?? get().doc;
      const sameBoxes = base !== null && sameLayout(base, prev, fitted);
      const layoutVersion = sameBoxes ? get().layoutVersion : get().layoutVersion + 1;
      return {
        doc: fitted,
        ...derived,
        ...routesAfter(base, fitted, derived.index, sameBoxes, changed),
        layoutVersion,
        selectedNodes:
          selectedNodes.length === get().selectedNodes.length ? get().selectedNodes : selectedNodes,
        selectedEdge: selectedEdge && fitted.edges.some((e) => e.id === selectedEdge) ? selectedEdge : null,
      };
    };
    /**
     * The routes of `fitted` (indexed by `index`): the same ones when no box, kind or edge changed
     * since `base`, re-routed from the last ones (`changed`: the nodes that differ) when there is a
     * base, else all routed afresh.
     */
    const routesAfter = (
      base: DiagramIndex | null,
      fitted: StackDocument,
      index: DiagramIndex,
      sameBoxes: boolean,
      changed: Iterable<string> = [],
    ): { routes: Routes; routesPending: boolean } => {
      const { routes, routesPending } = get();
      if (base === null) return routeAll(fitted, { index, lang: get().lang });
      // (Inside a gesture the routes are the live ones: the end of it routes in full.)
      if (sameBoxes && get().gestureBase === null && sameKinds(base, fitted) && !routesPending)
        return { routes, routesPending };
      return reroute(routes, fitted, changed, { index, lang: get().lang });
    };
    /**
     * Whether `doc` crosses a limit (`check` "noSize": all but the size, which needs the layout;
     * "size": only the size, for a layout of a document whose counts, text and depth passed); if
     * so, says which (unless quiet) and the caller changes nothing.
     */
    /** The last document known to be within the limits (but for its size): what an edit is checked against. */
    let passed: StackDocument | null = null;
    const refuse = (
      doc: StackDocument,
      action: LimitedAction,
      quiet?: boolean,
      check: "all" | "noSize" | "size" = "all",
    ): boolean => {
      const { doc: cur, index } = get();
      const v =
        check === "all"
          ? limitViolation(doc, limits)
          : check === "noSize"
            ? cur === passed && index.nodes === cur.nodes
              ? checkLimitsAfter(cur, index.byId, doc, limits)
              : checkLimits(doc, undefined, limits)
            : sizeViolation(doc, limits, cur);
      if (v === null) return false;
      if (!quiet) set({ notice: { kind: "error", text: limitMessage(v, action) } });
      return true;
    };
    const derived0 = deriveNow(doc0);
    return {
      doc: doc0,
      ...derived0,
      ...routeAll(doc0, { index: derived0.index, lang: "en" }),
      past: [],
      future: [],
      gestureBase: null,
      gestureIndex: null,
      layoutVersion: 0,
      selectedNodes: [],
      selectedEdge: null,
      lang: "en",
      theme: "system",
      systemTheme: "light",
      overlay: doc0.view?.overlay === "managedBy",
      dropHint: null,
      reveal: null,
      frameRequest: null,
      paletteDrag: null,
      notice: null,
      fitRequest: 0,
      fitRoom: false,
      viewport: doc0.view?.viewport ? clampViewport(doc0.view.viewport, doc0) : null,
      fileError: null,
      question: null,
      renaming: null,
      editSession: null,

      commit: (next, action = "edit", opts) => {
        const { doc, past, editSession } = get();
        if (next === doc) return true;
        // Counts, text and depth first, on the edit as made: a refused edit costs no layout, no
        // validation and no routing (10,001 edges are refused at once). Then the size, as laid out.
        if (refuse(next, action, false, "noSize")) return false;
        const after = withDoc(next);
        // The layout moves and sizes boxes only: counts, text and depth were checked just above.
        if (refuse(after.doc, action, false, "size")) return false;
        const session = opts?.coalesce ?? null;
        // Typing into one field: every debounced commit after the first replaces the document
        // without another undo step, so undo takes the whole field edit back at once.
        const same = session !== null && session === editSession && past.length > 0;
        passed = after.doc;
        set({
          ...after,
          past: same ? past : [...past, doc].slice(-HISTORY_LIMIT),
          future: [],
          editSession: session,
        });
        return true;
      },
      whenRules: () =>
        get().rules !== null
          ? Promise.resolve(true)
          : rulesPart.load().then(
              (m) => {
                if (get().rules === null) adoptRules(m);
                return true;
              },
              () => false,
            ),
      refuseGrowth: (nodes, edges, action) => {
        const { doc } = get();
        const v =
          doc.nodes.length + nodes > limits.nodes
            ? { limit: "nodes" as const, value: doc.nodes.length + nodes, max: limits.nodes }
            : doc.edges.length + edges > limits.edges
              ? { limit: "edges" as const, value: doc.edges.length + edges, max: limits.edges }
              : null;
        if (v) set({ notice: { kind: "error", text: limitMessage(v, action) } });
        return v !== null;
      },
      endEditSession: () => {
        if (get().editSession !== null) set({ editSession: null });
      },
      replaceDocument: (incoming, opts) => {
        const { doc, past } = get();
        const next = completeGeometry(incoming);
        if (refuse(next, opts?.action ?? "open", opts?.quiet)) return false;
        const after = withDoc(next, null);
        passed = after.doc;
        set({
          ...after,
          past: opts?.undoable === false ? [] : [...past, doc].slice(-HISTORY_LIMIT),
          future: [],
          selectedNodes: [],
          selectedEdge: null,
          overlay: next.view?.overlay === "managedBy",
          viewport: next.view?.viewport ? clampViewport(next.view.viewport, next) : null,
          fitRequest: get().fitRequest + 1,
          fitRoom: opts?.action === "template",
          editSession: null,
        });
        return true;
      },
      beginGesture: () => {
        if (get().gestureBase === null)
          set({ gestureBase: get().doc, gestureIndex: get().index, editSession: null });
      },
      transient: (next, moved) => {
        // Mid-gesture only positions move: parents do not grow under the pointer (a child could
        // never be dragged out) and problems, which positions cannot change, are not recomputed.
        // The index is patched with the moved nodes rather than rebuilt (O(N) allocations a frame).
        if (next === get().doc) return;
        const index = withMovedNodes(get().index, next.nodes) ?? indexDocument(next);
        // Live: the edges of what moved, and those whose route it now blocks, re-routed without the
        // final spacing pass (within a frame's budget); endGesture routes them in full.
        const ids = moved ?? next.nodes.flatMap((n) => (get().index.byId.get(n.id) === n ? [] : [n.id]));
        set({
          doc: next,
          index,
          ...reroute(get().routes, next, ids, { index, lang: get().lang, live: true }),
        });
      },
      cancelGesture: () => {
        const { gestureBase, gestureIndex, doc } = get();
        if (gestureBase === null) return;
        const done = { gestureBase: null, gestureIndex: null, dropHint: null };
        if (gestureBase === doc || gestureIndex === null) {
          set(done);
          return;
        }
        // The routes of what moved, routed in full again where it was (the live ones skip spacing).
        const moved = changedSince(gestureIndex, doc);
        const routes = reroute(get().routes, gestureBase, moved, { index: gestureIndex, lang: get().lang });
        set({ doc: gestureBase, index: gestureIndex, ...routes, ...done });
      },
      endGesture: () => {
        const { gestureBase, gestureIndex, doc, past } = get();
        if (gestureBase === null) return;
        const done = { gestureBase: null, gestureIndex: null, dropHint: null };
        if (gestureBase === doc) {
          set(done);
          return;
        }
        if (refuse(doc, "drop")) {
          // Back to the document as the gesture found it: a refused drop changes nothing.
          set({ ...withDoc(gestureBase, gestureIndex), ...done });
          return;
        }
        const history = { past: [...past, gestureBase].slice(-HISTORY_LIMIT), future: [] };
        // A drag that only moved things (no drop into another parent): parents grow around what
        // moved, and nothing else needs recomputing — no rule depends on geometry, so the
        // problems stand, and the index is the gesture's own with the moved nodes swapped in.
        const fitted = gestureIndex ? fitDocument(doc, changedSince(gestureIndex, doc), gestureIndex) : null;
        const moved = fitted && gestureIndex ? withMovedNodes(gestureIndex, fitted.nodes) : null;
        if (fitted && moved) {
          const routes = reroute(get().routes, fitted, changedSince(gestureIndex!, fitted), {
            index: moved,
            lang: get().lang,
          });
          set({
            doc: fitted,
            index: moved,
            ...routes,
            layoutVersion: get().layoutVersion + 1,
            ...done,
            ...history,
          });
        } else set({ ...withDoc(doc), ...done, ...history });
      },
      undo: () => {
        const { past, future, doc } = get();
        const prev = past[past.length - 1];
        if (!prev) return;
        set({ ...withDoc(prev, undefined, false), past: past.slice(0, -1), future: [doc, ...future] });
      },
      redo: () => {
        const { past, future, doc } = get();
        const next = future[0];
        if (!next) return;
        set({ ...withDoc(next, undefined, false), past: [...past, doc], future: future.slice(1) });
      },
      select: (nodes, edge = null) => {
        const s = get();
        if (
          edge === s.selectedEdge &&
          nodes.length === s.selectedNodes.length &&
          nodes.every((n, i) => n === s.selectedNodes[i])
        )
          return;
        set({ selectedNodes: nodes, selectedEdge: edge });
      },
      setLang: (lang) => {
        if (lang === get().lang) return;
        // Unlabelled edges say their kind in the UI language: their labels' places change.
        set({ lang, ...routeAll(get().doc, { index: get().index, lang }) });
      },
      setTheme: (theme) => set({ theme }),
      setSystemTheme: (systemTheme) => {
        if (systemTheme !== get().systemTheme) set({ systemTheme });
      },
      setOverlay: (overlay) => set({ overlay }),
      setDropHint: (dropHint) => {
        const cur = get().dropHint;
        if (
          cur === dropHint ||
          (cur &&
            dropHint &&
            cur.targetId === dropHint.targetId &&
            cur.ok === dropHint.ok &&
            cur.problem?.rule === dropHint.problem?.rule &&
            cur.refused === dropHint.refused)
        )
          return;
        set({ dropHint });
      },
      setPaletteDrag: (paletteDrag) => set({ paletteDrag }),
      setNotice: (notice) => set({ notice }),
      setFileError: (fileError) => set({ fileError }),
      setQuestion: (question) => set({ question }),
      setRenaming: (renaming) => set({ renaming }),
      setViewport: (viewport) => {
        const cur = get().viewport;
        if (
          cur === viewport ||
          (cur && viewport && cur.x === viewport.x && cur.y === viewport.y && cur.zoom === viewport.zoom)
        )
          return;
        set({ viewport });
      },
      frameNodes: (ids, opts) =>
        set({
          frameRequest: { ids, seq: (get().frameRequest?.seq ?? 0) + 1, ifHidden: opts?.ifHidden === true },
        }),
      revealNode: (id) =>
        set({ reveal: { id, seq: (get().reveal?.seq ?? 0) + 1 }, selectedNodes: [id], selectedEdge: null }),
    };
  });
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/**
 * The document as it is saved (file, autosave, share link): with the editor state worth keeping
 * in `view` — the viewport and the overlay — as the document format defines it.
 */
export function documentWithView(s: Pick<EditorState, "doc" | "viewport" | "overlay">): StackDocument {
  const view: DocumentView = {};
  if (s.viewport) view.viewport = { x: s.viewport.x, y: s.viewport.y, zoom: s.viewport.zoom };
  if (s.overlay) view.overlay = "managedBy";
  const { view: _old, ...rest } = s.doc;
  return Object.keys(view).length ? { ...rest, view } : rest;
}
export type { Point };
