import { expect, type Locator, type Page } from "@playwright/test";

/** A node on the canvas, found by its accessible name ("Kernel (OS): Ubuntu"). */
export function node(page: Page, name: string | RegExp): Locator {
  return page.getByRole("region", { name: /^(Canvas|캔버스)$/ }).getByRole("button", { name });
}

export function palette(page: Page): Locator {
  return page.getByRole("complementary", { name: /^(Palette|팔레트)$/ });
}
export function inspector(page: Page): Locator {
  return page.getByRole("complementary", { name: /^(Inspector|속성)$/ });
}
export function problems(page: Page): Locator {
  return page.getByRole("region", { name: /^(Problems|문제)$/ });
}

export async function open(page: Page, query = "lang=en", opts: { rules?: boolean } = {}) {
  const errors: string[] = [];
  // Playwright turns file-chooser interception on asynchronously when the first listener comes:
  // a listener added just before the click that opens the chooser can lose that race under load,
  // and the chooser then opens unseen. Listening from the start keeps interception on all along.
  page.on("filechooser", () => {});
  page.on("pageerror", (e) => errors.push(String(e)));
  // Promise 8: the built page runs under its Content-Security-Policy with zero violations.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolations: string[] }).__cspViolations ??= [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations.push(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  await page.goto(`/?${query}`);
  // The palette, or its rail when a template too big to read beside it opened with its room.
  await expect(
    palette(page).or(page.getByRole("button", { name: /^(Show palette|팔레트 보이기)$/ })),
  ).toBeVisible();
  // The rules engine comes right after the first paint, before any person's first press could;
  // a test's first press waits for it too (unless the test keeps the editor's code from loading).
  if (opts.rules !== false)
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { __stackdraw: { rulesLoaded: () => boolean } }).__stackdraw.rulesLoaded(),
        ),
      )
      .toBe(true);
  return errors;
}

/** Drags a palette preset and drops it at a point of a target (default: its centre). */
export async function dropPreset(
  page: Page,
  preset: string,
  target: Locator,
  position?: { x: number; y: number },
) {
  // A hand's drag: press, move in steps (the browser's drag starts after the first moves and
  // the target sees dragover before the drop), release. Playwright's one-jump dragTo sometimes
  // dropped before any dragover reached the canvas, and the drop was lost.
  const source = palette(page).getByRole("button", { name: preset, exact: true });
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  const at = position ?? { x: to.width / 2, y: to.height / 2 };
  // Counts the dragover events the page sees, so the release waits for one over the target.
  await page.evaluate(() => {
    const w = window as unknown as { __dragovers?: number; __dragends?: number; __dragLog?: string[] };
    if (w.__dragovers === undefined) {
      w.__dragovers = 0;
      w.__dragends = 0;
      w.__dragLog = [];
      document.addEventListener("dragover", () => (w.__dragovers = (w.__dragovers ?? 0) + 1), true);
      document.addEventListener("dragend", () => (w.__dragends = (w.__dragends ?? 0) + 1), true);
      // What the page saw of each drag, for the message when a drag never begins.
      for (const type of ["pointerdown", "mousedown", "dragstart", "pointercancel", "mouseup"])
        document.addEventListener(
          type,
          (e) => {
            w.__dragLog!.push(`${type}@${(e.target as Element).className || (e.target as Element).tagName}`);
            if (w.__dragLog!.length > 40) w.__dragLog!.shift();
          },
          true,
        );
    }
  });
  const overs = () => page.evaluate(() => (window as unknown as { __dragovers: number }).__dragovers);
  const ends = () => page.evaluate(() => (window as unknown as { __dragends: number }).__dragends);
  const ended = await ends();
  const state = () =>
    page.evaluate(
      () =>
        (
          window as unknown as { __stackdraw: { getState: () => { paletteDrag: string | null } } }
        ).__stackdraw.getState().paletteDrag,
    );
  const press = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  // The press lands on the preset itself (not on something drawn over it for a moment).
  expect(
    await source.evaluate((el, p) => {
      const hit = document.elementFromPoint(p.x, p.y);
      return hit === el || el.contains(hit) ? "preset" : (hit?.outerHTML.slice(0, 120) ?? "nothing");
    }, press),
  ).toBe("preset");
  await page.mouse.move(press.x, press.y);
  await page.mouse.down();
  // Well past the browser's drag threshold, in a few moves, going on moving (as a hand does when
  // nothing follows it yet) until the browser's drag has begun: the palette says which preset is
  // dragged. A busy machine sometimes starts the drag only on a later move.
  await page.mouse.move(from.x + from.width / 2 + 24, from.y + from.height / 2 + 12, { steps: 4 });
  for (let i = 1; i <= 12 && (await state()) === null; i++)
    await page.mouse.move(from.x + from.width / 2 + 24 + 6 * i, from.y + from.height / 2 + 12, { steps: 2 });
  try {
    await expect.poll(state, { timeout: 5_000 }).not.toBeNull();
  } catch {
    const log = await page.evaluate(() => (window as unknown as { __dragLog: string[] }).__dragLog);
    throw new Error(`the drag of ${preset} never began; the page saw: ${log.join(", ")}`);
  }
  await page.mouse.move(to.x + at.x, to.y + at.y, { steps: 8 });
  const before = await overs();
  await page.mouse.move(to.x + at.x + 1, to.y + at.y, { steps: 1 });
  await expect.poll(overs).toBeGreaterThan(before);
  await page.mouse.up();
  // The browser has finished this drag (dragend) before anything else — a next drag starts clean.
  await expect.poll(ends).toBeGreaterThan(ended);
}

/** Waits until the view stops moving (an animated zoom or fit has landed): the same transform twice, frames apart. */
export async function viewSettled(page: Page) {
  const transform = () =>
    page.evaluate(async () => {
      const el = document.querySelector(".react-flow__viewport") as HTMLElement;
      const a = getComputedStyle(el).transform;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await new Promise((r) => setTimeout(r, 60));
      return a === getComputedStyle(el).transform;
    });
  await expect.poll(transform).toBe(true);
}

/** The document as the store holds it (read-only view for assertions). */
export async function documentOf(page: Page) {
  return page.evaluate(() => {
    const api = (window as unknown as { __stackdraw: { getState: () => { doc: unknown } } }).__stackdraw;
    return JSON.parse(JSON.stringify(api.getState().doc)) as {
      nodes: {
        id: string;
        kind: string;
        parentId?: string;
        label?: string;
        props?: Record<string, unknown>;
        position: { x: number; y: number };
        size: { width: number; height: number };
      }[];
      edges: { id: string; kind: string; source: string; target: string }[];
    };
  });
}

/** Presses on a node's own strip and drags it by mouse to a point, in steps (as a hand would). */
export async function dragNodeTo(
  page: Page,
  from: Locator,
  to: { x: number; y: number },
  opts: { release?: boolean } = {},
) {
  const box = await from.boundingBox();
  if (!box) throw new Error("node not visible");
  // Grab near the bottom-left of the box: the band of a stack node, never a child.
  const start = { x: box.x + 14, y: box.y + box.height - 10 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i++)
    await page.mouse.move(start.x + ((to.x - start.x) * i) / steps, start.y + ((to.y - start.y) * i) / steps);
  if (opts.release !== false) await page.mouse.up();
}

export async function center(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error("not visible");
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Content-Security-Policy violations seen by the page so far. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** The autosaved draft in IndexedDB (database "stackdraw", store "drafts"), raw; null when none. */
export const DRAFT_KEY = "stackdraw.draft";

export function idbGet(page: Page, key = DRAFT_KEY): Promise<string | null> {
  return page.evaluate(
    (key) =>
      new Promise<string | null>((resolve, reject) => {
        const req = indexedDB.open("stackdraw", 1);
        req.onupgradeneeded = () => req.result.createObjectStore("drafts");
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction("drafts", "readonly");
          const get = tx.objectStore("drafts").get(key);
          tx.oncomplete = () => {
            db.close();
            resolve((get.result as string | undefined) ?? null);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    key,
  );
}

export function idbPut(page: Page, value: string, key = DRAFT_KEY): Promise<void> {
  return page.evaluate(
    ([key, value]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open("stackdraw", 1);
        req.onupgradeneeded = () => req.result.createObjectStore("drafts");
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction("drafts", "readwrite");
          tx.objectStore("drafts").put(value, key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
}

/** The document of the autosaved draft, parsed; null when none is saved. */
export async function savedDocument(
  page: Page,
): Promise<{ nodes: unknown[]; view?: { viewport?: unknown } } | null> {
  const raw = await idbGet(page);
  return raw === null ? null : JSON.parse(JSON.parse(raw).document as string);
}
