/**
 * Open, save, export, import and share: each reads the state once and either applies a whole
 * document as one undo step or reports why not (a dialog with JSON paths or line:column) without
 * touching the canvas (docs/reliability.md, promise 4).
 *
 * Open and every import ask first when the canvas has work on it — replace it, open beside it, or
 * cancel — as the template gallery does, and a Compose file that declares profiles asks which to
 * draw. A question is state (`EditorState.question`) that a dialog answers
 * (panels/ImportQuestion.tsx); a refused file asks nothing.
 */
import {
  documentWithView,
  resolvedTheme,
  type EditorQuestion,
  type EditorStore,
  type FileError,
  type Placement,
} from "./editor.ts";
import { writeDocument, writeForSave } from "../io/write.ts";
import { LIMITS, type StackDocument } from "../domain/document.ts";
import { translate, type StringKey } from "../i18n/strings.ts";
import type { Localized } from "../domain/kinds/props.ts";
import { download, fileStem } from "../browser/download.ts";
import { SHARE_MAX_CHARS, decodeShareFragment, shareFragment } from "../browser/share.ts";
import type { ExportOptions } from "../browser/export.ts";
import type { ComposeError, IoError } from "../io/errors/types.ts";
import { loadReader, withRules, type Loader, type ReaderModule } from "../browser/on-demand.ts";
import { loadOnDemand } from "./actions.ts";
import type { LimitedAction } from "../i18n/limit-strings.ts";
import { readerRefusal, repairReport } from "../i18n/repair-strings.ts";
import { sniffFormat } from "../io/import/sniff.ts";
import { editorRules } from "./rules.ts";
import { mergeBeside } from "../domain/edit.ts";
import { completeGeometry } from "../domain/geometry.ts";
import { LAYOUT } from "../domain/layout/index.ts";

/**
 * The Compose importer (with the `yaml` package) and the SVG/PNG export (with the renderer and
 * the font inlining) load on first use: a large part of the app's code, and none of its first
 * paint. Each is a parameter of the function that needs it, so a test can make the load fail.
 */
type ComposeModule = typeof import("../io/compose.ts");
type ExportModule = typeof import("../browser/export.ts");
type K8sModule = typeof import("../io/k8s.ts");
type EcsModule = typeof import("../io/ecs.ts");
export const loadK8s: Loader<K8sModule> = withRules(() => import("../io/k8s.ts"));
export const loadEcs: Loader<EcsModule> = withRules(() => import("../io/ecs.ts"));
export const loadCompose: Loader<ComposeModule> = withRules(() => import("../io/compose.ts"));
export const loadExport: Loader<ExportModule> = () => import("../browser/export.ts");
/**
 * The words of reader and importer errors (io/errors: one table, both languages), loaded when a
 * document is refused; the importer's chunk brings them along (io/compose.ts re-exports them).
 */
type ErrorFormatModule = typeof import("../io/errors/format.ts");
export const loadErrorFormat: Loader<ErrorFormatModule> = () => import("../io/errors/format.ts");

const both = (key: StringKey, params?: Record<string, string | number>): Localized => ({
  en: translate("en", key, params),
  ko: translate("ko", key, params),
});

/** How many problems a refused file lists. */
const SHOWN = 8;

/** The dialog's content for a refused file: its first problems, placed and worded by io/errors/format.ts. */
function refusal(
  kind: FileError["kind"],
  file: string,
  errors: readonly IoError[],
  format: Pick<ErrorFormatModule, "ioWhere" | "ioMessages">,
): FileError {
  return {
    kind,
    file,
    total: errors.length,
    problems: errors
      .slice(0, SHOWN)
      .map((e) => ({ where: format.ioWhere(e), message: format.ioMessages(e) })),
  };
}

/** Numbers the questions, so that each gets a dialog of its own. */
let asked = 0;

/**
 * Puts a question to the person and waits for the answer (null: Cancel). One question at a time:
 * a new one (a second file dropped meanwhile) cancels the one before.
 */
function pose<A>(
  store: EditorStore,
  build: (id: number, answer: (a: A | null) => void) => EditorQuestion,
): Promise<A | null> {
  return new Promise((resolve) => {
    store.getState().question?.answer(null);
    let answered = false;
    const question = build(++asked, (a) => {
      if (answered) return;
      answered = true;
      if (store.getState().question === question) store.getState().setQuestion(null);
      resolve(a);
    });
    store.getState().setQuestion(question);
  });
}

/**
 * Where a document opened or imported from `file` goes: on an empty canvas it replaces it without
 * a question; else the person is asked (null: Cancel).
 */
export function askWhere(
  store: EditorStore,
  file: string,
  action: "open" | "import",
): Promise<Placement | null> {
  if (store.getState().doc.nodes.length === 0) return Promise.resolve("replace");
  return pose<Placement>(store, (id, answer) => ({ kind: "where", id, action, file, answer }));
}

/**
 * Makes `doc` the diagram, or puts it beside the work on the canvas (to the right of everything,
 * never overlapping it, with fresh ids where one is taken — the template gallery's Open beside):
 * either way one undo step, refused whole over a limit. Beside, the new top nodes are selected
 * and the view shows both diagrams.
 */
export function placeDocument(
  store: EditorStore,
  doc: StackDocument,
  placement: Placement,
  action: LimitedAction,
): boolean {
  const s = store.getState();
  if (placement === "replace" || s.doc.nodes.length === 0) return s.replaceDocument(doc, { action });
  const merged = mergeBeside(s.doc, completeGeometry(doc), LAYOUT.rootGap);
  if (!s.commit(merged.doc, action)) return false;
  const after = store.getState();
  after.select(merged.ids, null);
  after.frameNodes(
    after.doc.nodes.filter((n) => n.parentId == null).map((n) => n.id),
    { ifHidden: true },
  );
  return true;
}

/** Opens a document from bytes: applied whole as one undo step, or refused with its problems. */
export async function openDocumentBytes(
  store: EditorStore,
  bytes: Uint8Array | string,
  file: string,
  load: Loader<ReaderModule> = loadReader,
  loadFormat: Loader<ErrorFormatModule> = loadErrorFormat,
): Promise<boolean> {
  const reader = await loadOnDemand(store, load);
  if (!reader) return false;
  const read = reader.readDocument(bytes);
  const s = store.getState();
  if (!read.ok) {
    const format = await loadOnDemand(store, loadFormat);
    if (format) {
      const refused = refusal("open", file, read.errors, format);
      // Refused only for a length or depth limit: it can be opened repaired (no dead end).
      if (read.errors.every((e) => e.code === "tooLong" || e.code === "tooDeep"))
        refused.repair = () => void openRepaired(store, bytes, file);
      s.setFileError(refused);
    }
    return false;
  }
  const where = await askWhere(store, file, "open");
  if (where === null || !placeDocument(store, read.document, where, "open")) return false;
  s.setFileError(null);
  return true;
}

type RepairModule = typeof import("../io/repair.ts");
/** The repairing reader loads only when a refused document is opened repaired. */
export const loadRepair: Loader<RepairModule> = () => import("../io/repair.ts");

/**
 * Opens a document refused only for a limit, repaired (labels and texts cut, the deepest levels
 * lifted), as one undo step, and says what changed. False, with the refusal shown again, when it
 * cannot be repaired after all.
 */
export async function openRepaired(
  store: EditorStore,
  bytes: Uint8Array | string,
  file: string,
  load: Loader<RepairModule> = loadRepair,
): Promise<boolean> {
  const repair = await loadOnDemand(store, load);
  if (!repair) return false;
  const r = repair.readRepaired(bytes);
  const s = store.getState();
  if (!r.ok) {
    s.setFileError(refusal("open", file, r.errors, repair));
    return false;
  }
  s.setFileError(null);
  const where = await askWhere(store, file, "open");
  if (where === null || !placeDocument(store, r.document, where, "open")) return false;
  s.setNotice({ kind: "info", text: repairReport(file, r.report, LIMITS.depth) });
  return true;
}

export async function openFile(store: EditorStore, file: File): Promise<boolean> {
  if (file.size > LIMITS.bytes) {
    // Refused before reading it at all: the reader would say the same after a long wait.
    return openDocumentBytes(store, new Uint8Array(LIMITS.bytes + 1), file.name);
  }
  return openDocumentBytes(store, new Uint8Array(await file.arrayBuffer()), file.name);
}

/** Downloads the document as `<title>.stackdraw.json`, with the viewport and overlay in `view`. */
export function saveDocument(store: EditorStore): void {
  const doc = documentWithView(store.getState());
  download(
    new Blob([writeForSave(doc)], { type: "application/json" }),
    `${fileStem(doc.title)}.stackdraw.json`,
  );
}

function exportOptions(store: EditorStore): ExportOptions {
  const s = store.getState();
  return { theme: resolvedTheme(s), lang: s.lang, overlay: s.overlay, problems: s.problems };
}

/**
 * Export ▸ PNG, SVG or JSON, of the diagram as it is when asked. The JSON is the saved document
 * (view included). The image export loads on first use; when it cannot be loaded, a notice says
 * so and nothing is downloaded.
 */
export async function exportAs(
  store: EditorStore,
  format: "png" | "svg" | "json",
  load: Loader<ExportModule> = loadExport,
): Promise<void> {
  const s = store.getState();
  const doc = format === "json" ? documentWithView(s) : s.doc;
  const stem = fileStem(doc.title);
  let options = exportOptions(store);
  try {
    if (format === "json") {
      download(new Blob([writeForSave(doc)], { type: "application/json" }), `${stem}.stackdraw.json`);
      return;
    }
    const exporter = await loadOnDemand(store, load);
    if (!exporter) return;
    // Asked before the rules came (src/store/rules.ts): the picture's badges are the document's.
    if (s.problemsPending) {
      const rules = await loadOnDemand(store, () => editorRules.load());
      if (!rules) return;
      options = { ...options, problems: rules.validate(doc) };
    }
    if (format === "svg") download(await exporter.exportSvgFile(doc, options), `${stem}.svg`);
    else download(await exporter.exportPng(doc, options, 2), `${stem}.png`);
  } catch (e) {
    store.getState().setNotice({
      kind: "error",
      text: both("exportFailed", { reason: e instanceof Error ? e.message : String(e) }),
    });
  }
}

/**
 * Asks which of a Compose file's profiles to draw; resolves to them as the CLI's `--profile` takes
 * them (`["*"]`: every one), or null: Cancel.
 */
export function askProfiles(
  store: EditorStore,
  file: string,
  declared: { profiles: readonly { name: string; services: readonly string[] }[]; always: readonly string[] },
): Promise<readonly string[] | null> {
  return pose<readonly string[]>(store, (id, answer) => ({
    kind: "profiles",
    id,
    file,
    profiles: declared.profiles,
    always: declared.always,
    answer,
  }));
}

/**
 * Import ▸ Docker Compose (and a dropped .yml): the services laid out as one undo step, or a
 * dialog with line:column problems. Several files picked or dropped together are one import: the
 * files another names in `include` or `extends: { file }` are read through it, the others merged
 * in order as `docker compose -f a -f b` (io/compose.ts `importComposeTogether`). A file that
 * declares profiles first asks which to draw (as `docker compose up --profile` chooses); a canvas
 * with work asks where the import goes. When the importer cannot be loaded, a notice says so and
 * nothing changes.
 */
export async function importComposeFile(
  store: EditorStore,
  file: File,
  load: Loader<ComposeModule> = loadCompose,
  more: readonly File[] = [],
): Promise<boolean> {
  const bytesOf = (f: File) =>
    // Bytes, not file.text(): text that is not UTF-8 is refused naming the byte, as the CLI does,
    // never silently replaced.
    f.size > LIMITS.bytes
      ? Promise.resolve(new Uint8Array(LIMITS.bytes + 1))
      : f.arrayBuffer().then((b) => new Uint8Array(b));
  const [compose, ...all] = await Promise.all([loadOnDemand(store, load), ...[file, ...more].map(bytesOf)]);
  if (!compose) return false;
  const sources = [file, ...more].map((f, i) => ({ name: f.name, data: all[i] as Uint8Array }));
  const title = file.name.replace(/\.(ya?ml)$/i, "");
  const s = store.getState();
  const refused = (r: { errors: ComposeError[]; file: string }) =>
    s.setFileError(refusal("import", r.file || file.name, r.errors, compose));
  // The same reader as the import's: a file it refuses is refused here, before any question.
  const declared = compose.listComposeProfilesTogether(sources);
  if (!declared.ok) {
    refused(declared);
    return false;
  }
  let profiles: readonly string[] = [];
  if (declared.profiles.length > 0) {
    const chosen = await askProfiles(store, file.name, declared);
    if (chosen === null) return false;
    profiles = chosen;
  }
  const r = compose.importComposeTogether(sources, { title, profiles, lang: s.lang });
  if (!r.ok) {
    refused({ errors: r.errors, file: "file" in r ? r.file : file.name });
    return false;
  }
  const where = await askWhere(store, file.name, "import");
  if (where === null || !placeDocument(store, r.document, where, "import")) return false;
  s.setFileError(null);
  return true;
}

/**
 * Import ▸ Kubernetes manifests / ECS task definition: the same as Compose — asked where when the
 * canvas has work, then one undo step, or the dialog with line:column problems — through the
 * importer of that format, loaded on first use.
 */
export async function importFormatFile(
  store: EditorStore,
  file: File,
  format: "k8s" | "ecs",
  load: Loader<K8sModule | EcsModule> = format === "k8s" ? loadK8s : loadEcs,
  more: readonly File[] = [],
): Promise<boolean> {
  const bytesOf = (f: File) =>
    f.size > LIMITS.bytes
      ? Promise.resolve(new Uint8Array(LIMITS.bytes + 1))
      : f.arrayBuffer().then((b) => new Uint8Array(b));
  const [mod, ...all] = await Promise.all([loadOnDemand(store, load), ...[file, ...more].map(bytesOf)]);
  if (!mod) return false;
  const title = file.name.replace(/\.(ya?ml|json)$/i, "");
  const s = store.getState();
  const source = [file, ...more].map((f, i) => ({ name: f.name, data: all[i] as Uint8Array }));
  const r =
    "importK8s" in mod
      ? mod.importK8s(source, { title, lang: s.lang })
      : mod.importEcs(source, { title, lang: s.lang });
  if (!r.ok) {
    s.setFileError(refusal("import", file.name, r.errors, mod));
    return false;
  }
  const where = await askWhere(store, file.name, "import");
  if (where === null || !placeDocument(store, r.document, where, "import")) return false;
  s.setFileError(null);
  return true;
}

/**
 * A file dropped on the canvas: a Stackdraw document opens; a Compose file, Kubernetes manifests
 * or an ECS task definition goes to its importer, picked by the file's content (io/import/sniff.ts)
 * and, when the content says nothing, by its name (.yml/.yaml: Compose). Several files of the
 * first one's kind dropped together are one import (Compose: merged, include and extends read
 * among them; Kubernetes, ECS: one cluster); files of another kind are not imported, and a notice
 * names them.
 */
export async function openDroppedFile(
  store: EditorStore,
  file: File,
  more: readonly File[] = [],
): Promise<boolean> {
  const sniff = async (f: File) => sniffFormat(await f.slice(0, 65_536).text());
  const format = (await sniff(file)) ?? (/\.ya?ml$/i.test(file.name) ? "compose" : "stackdraw");
  const same: File[] = [];
  const other: string[] = [];
  for (const f of more) {
    const its = (await sniff(f)) ?? (/\.ya?ml$/i.test(f.name) ? "compose" : "stackdraw");
    // One Stackdraw document opens at a time: the others are named too.
    if (its === format && format !== "stackdraw") same.push(f);
    else other.push(f.name);
  }
  // Files of another kind beside the first are not imported with it: said, never dropped silently.
  if (other.length > 0)
    store
      .getState()
      .setNotice({ kind: "info", text: both("dropOthersIgnored", { files: other.join(", ") }) });
  if (format === "stackdraw") return openFile(store, file);
  if (format === "compose") return importComposeFile(store, file, undefined, same);
  return importFormatFile(store, file, format, undefined, same);
}

/** Puts the document into the URL fragment and copies the link. Returns the link, or null. */
export async function copyShareLink(store: EditorStore): Promise<string | null> {
  const s = store.getState();
  const fragment = await shareFragment(writeDocument(documentWithView(s), { compact: true }));
  if (fragment.length > SHARE_MAX_CHARS) {
    s.setNotice({ kind: "error", text: both("linkTooLong") });
    return null;
  }
  const url = `${location.origin}${location.pathname}${location.search}${fragment}`;
  history.replaceState(null, "", url);
  try {
    await navigator.clipboard.writeText(url);
    s.setNotice({ kind: "info", text: both("linkCopied") });
  } catch {
    s.setNotice({ kind: "info", text: both("linkCopyFailed") });
  }
  return url;
}

/**
 * Opens the diagram a share link carries, as one undo step — after a confirmation when the current
 * diagram has work on it. A broken or oversized link gets a message and changes nothing.
 */
export async function openShareFragment(
  store: EditorStore,
  hash: string,
  confirm: (question: string) => boolean,
  load: Loader<ReaderModule> = loadReader,
  loadFormat: Loader<ErrorFormatModule> = loadErrorFormat,
): Promise<boolean> {
  const s = store.getState();
  const decoded = await decodeShareFragment(hash, LIMITS.bytes);
  if (!decoded.ok) {
    const key =
      decoded.reason === "too-long"
        ? "linkTooLong"
        : decoded.reason === "too-large"
          ? "linkTooLarge"
          : "linkBroken";
    s.setNotice({ kind: "error", text: both(key) });
    return false;
  }
  const reader = await loadOnDemand(store, load);
  if (!reader) return false;
  const read = reader.readDocument(decoded.bytes);
  if (!read.ok) {
    // The real reason (a newer version, too deep, too many nodes…), in the reader's words.
    const format = await loadOnDemand(store, loadFormat);
    const first = read.errors[0]!;
    s.setNotice({
      kind: "error",
      text: format ? readerRefusal("link", format.ioMessages(first)) : both("linkBroken"),
    });
    return false;
  }
  if (s.doc.nodes.length > 0 && !confirm(translate(s.lang, "linkReplace"))) return false;
  return s.replaceDocument(read.document, { action: "open" });
}
