/**
 * Routed edges on the canvas (docs/drawing.md, "Edge routing"), measured in the DOM: every edge's
 * path (`.react-flow__edge-path`, absolute M/H/V in flow coordinates) against every node's box
 * (the `.react-flow__node` elements, brought into flow coordinates through the viewport's
 * transform) and every node's text (its kind, label and key-prop spans, as the glyphs lie): no
 * segment through a node that is not an end or an ancestor of one, none across any text, each
 * path from a side of its source to a side of its target. Then after a real drag, and the clicks:
 * beside a stroke the node under it, on the stroke the edge.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { node, open } from "./helpers.ts";

interface Box {
  l: number;
  t: number;
  r: number;
  b: number;
}
interface Point {
  x: number;
  y: number;
}
interface Seen {
  nodes: { id: string; box: Box }[];
  texts: { owner: string; text: string; box: Box }[];
  edges: { id: string; source: string; target: string; d: string }[];
  parents: Record<string, string | null>;
  /** Flow → screen: screen = flow * zoom + (x, y). */
  view: { x: number; y: number; zoom: number };
}

/** What the canvas shows, in flow coordinates. */
async function seen(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const vp = document.querySelector(".react-flow__viewport") as HTMLElement;
    const m = new DOMMatrix(getComputedStyle(vp).transform);
    const origin = vp.parentElement!.getBoundingClientRect();
    const x0 = origin.left + m.e;
    const y0 = origin.top + m.f;
    const k = m.a;
    const toFlow = (r: { left: number; top: number; right: number; bottom: number }) => ({
      l: (r.left - x0) / k,
      t: (r.top - y0) / k,
      r: (r.right - x0) / k,
      b: (r.bottom - y0) / k,
    });
    const nodes = [...document.querySelectorAll<HTMLElement>(".react-flow__node")].map((el) => ({
      id: el.dataset.id!,
      box: toFlow(el.getBoundingClientRect()),
    }));
    const texts: Seen["texts"] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      ".react-flow__node .sd-kind, .react-flow__node .sd-label, .react-flow__node .sd-prop",
    )) {
      if (!el.textContent) continue;
      // The glyphs' extent, clipped to the element (an elided label's text runs on under it).
      const range = document.createRange();
      range.selectNodeContents(el);
      const g = range.getBoundingClientRect();
      const e = el.getBoundingClientRect();
      const r = {
        left: Math.max(g.left, e.left),
        top: Math.max(g.top, e.top),
        right: Math.min(g.right, e.right),
        bottom: Math.min(g.bottom, e.bottom),
      };
      if (r.right <= r.left || r.bottom <= r.top) continue;
      texts.push({
        owner: (el.closest(".react-flow__node") as HTMLElement).dataset.id!,
        text: el.textContent,
        box: toFlow(r),
      });
    }
    const edges = [...document.querySelectorAll<SVGGElement>(".react-flow__edge")].map((g) => ({
      id: g.dataset.id!,
      source: g.getAttribute("data-source")!,
      target: g.getAttribute("data-target")!,
      d: g.querySelector(".react-flow__edge-path")!.getAttribute("d")!,
    }));
    const api = (
      window as unknown as {
        __stackdraw: { getState: () => { doc: { nodes: { id: string; parentId?: string | null }[] } } };
      }
    ).__stackdraw;
    const parents: Record<string, string | null> = {};
    for (const n of api.getState().doc.nodes) parents[n.id] = n.parentId ?? null;
    return { nodes, texts, edges, parents, view: { x: x0, y: y0, zoom: k } };
  });
}

/** The points of a path's `d`; throws on any command but absolute M, H and V. */
function parsePath(d: string): Point[] {
  const tokens = d.match(/[A-Za-z]|-?\d*\.?\d+(?:e[-+]?\d+)?/g) ?? [];
  const pts: Point[] = [];
  let i = 0;
  const num = () => {
    const v = Number(tokens[i++]);
    if (!Number.isFinite(v)) throw new Error(`bad number in ${d}`);
    return v;
  };
  while (i < tokens.length) {
    const c = tokens[i++];
    const last = pts[pts.length - 1];
    if (c === "M" && pts.length === 0) pts.push({ x: num(), y: num() });
    else if (c === "H" && last) pts.push({ x: num(), y: last.y });
    else if (c === "V" && last) pts.push({ x: last.x, y: num() });
    else throw new Error(`command ${c} in ${d}: only one M, then H and V`);
  }
  return pts;
}

/** Whether segment p–q (horizontal or vertical) passes through `o` shrunk by `inset` on every side. */
function crosses(p: Point, q: Point, o: Box, inset: number): boolean {
  const l = o.l + inset;
  const r = o.r - inset;
  const t = o.t + inset;
  const b = o.b - inset;
  if (l >= r || t >= b) return false;
  if (p.y === q.y) return p.y > t && p.y < b && Math.min(p.x, q.x) < r && Math.max(p.x, q.x) > l;
  return p.x > l && p.x < r && Math.min(p.y, q.y) < b && Math.max(p.y, q.y) > t;
}

function onSide(p: Point, o: Box, eps: number): boolean {
  const inX = p.x >= o.l - eps && p.x <= o.r + eps;
  const inY = p.y >= o.t - eps && p.y <= o.b + eps;
  return (
    inX &&
    inY &&
    (Math.abs(p.x - o.l) <= eps ||
      Math.abs(p.x - o.r) <= eps ||
      Math.abs(p.y - o.t) <= eps ||
      Math.abs(p.y - o.b) <= eps)
  );
}

/** Slack for the DOM's sub-pixel rounding, in screen px (converted to flow px by the zoom). */
const SLACK_PX = 0.75;

/** Every way the drawn edges break the routing contract; empty when they keep it. */
function violations(s: Seen): string[] {
  const out: string[] = [];
  const eps = SLACK_PX / s.view.zoom;
  const boxes = new Map(s.nodes.map((n) => [n.id, n.box]));
  const ancestry = (id: string) => {
    const up = new Set<string>();
    for (let c: string | null | undefined = id; c != null && !up.has(c); c = s.parents[c]) up.add(c);
    return up;
  };
  for (const e of s.edges) {
    let pts: Point[];
    try {
      pts = parsePath(e.d);
    } catch (err) {
      out.push(`${e.id}: ${(err as Error).message}`);
      continue;
    }
    if (pts.length < 2) out.push(`${e.id}: a path of ${pts.length} point(s)`);
    for (let k = 0; k + 1 < pts.length; k++)
      if (pts[k]!.x !== pts[k + 1]!.x && pts[k]!.y !== pts[k + 1]!.y)
        out.push(`${e.id}: segment ${k} is not orthogonal`);
    const src = boxes.get(e.source);
    const tgt = boxes.get(e.target);
    if (!src || !tgt) {
      out.push(`${e.id}: an end is not on the canvas`);
      continue;
    }
    if (!onSide(pts[0]!, src, eps))
      out.push(`${e.id}: starts off its source's sides (${JSON.stringify(pts[0])})`);
    if (!onSide(pts[pts.length - 1]!, tgt, eps))
      out.push(`${e.id}: ends off its target's sides (${JSON.stringify(pts[pts.length - 1])})`);
    const open = new Set([...ancestry(e.source), ...ancestry(e.target)]);
    for (let k = 0; k + 1 < pts.length; k++) {
      const p = pts[k]!;
      const q = pts[k + 1]!;
      for (const n of s.nodes)
        if (!open.has(n.id) && crosses(p, q, n.box, eps))
          out.push(`${e.id}: segment ${k} passes through node ${n.id}`);
      for (const t of s.texts)
        if (crosses(p, q, t.box, eps))
          out.push(`${e.id}: segment ${k} crosses the text "${t.text}" of ${t.owner}`);
    }
  }
  out.push(...closeParallels(s));
  return out;
}

/**
 * Parallel segments of different edges that overlap along their length closer than 6 px (less the
 * drawing's rounding): the router spreads them apart. Segments of edges that share an end may
 * meet where they leave or enter it, so only their overlap away from the shared box counts.
 */
function closeParallels(s: Seen): string[] {
  const out: string[] = [];
  const segs: { id: string; ends: Set<string>; horiz: boolean; at: number; lo: number; hi: number }[] = [];
  for (const e of s.edges) {
    let pts: Point[];
    try {
      pts = parsePath(e.d);
    } catch {
      continue;
    }
    for (let k = 0; k + 1 < pts.length; k++) {
      const p = pts[k]!;
      const q = pts[k + 1]!;
      const horiz = p.y === q.y;
      if (horiz && p.x === q.x) continue;
      segs.push({
        id: e.id,
        ends: new Set([e.source, e.target]),
        horiz,
        at: horiz ? p.y : p.x,
        lo: horiz ? Math.min(p.x, q.x) : Math.min(p.y, q.y),
        hi: horiz ? Math.max(p.x, q.x) : Math.max(p.y, q.y),
      });
    }
  }
  for (let i = 0; i < segs.length; i++)
    for (let j = i + 1; j < segs.length; j++) {
      const a = segs[i]!;
      const b = segs[j]!;
      if (a.id === b.id || a.horiz !== b.horiz) continue;
      const gap = Math.abs(a.at - b.at);
      const overlap = Math.min(a.hi, b.hi) - Math.max(a.lo, b.lo);
      const shared = [...a.ends].some((x) => b.ends.has(x));
      // Edges into one box converge on it: a short common stretch at the box is how they arrive.
      if (gap < 6 - 0.05 && overlap > (shared ? 12 : 0.5))
        out.push(`${a.id} and ${b.id} run ${gap.toFixed(2)} px apart for ${overlap.toFixed(0)} px`);
    }
  return out;
}

/** Waits until the drawing is what the store says: no gesture, every edge drawn, two frames painted. */
async function settled(page: Page, edges: number) {
  await page.waitForFunction((n) => {
    const api = (window as unknown as { __stackdraw: { getState: () => { gestureBase: unknown } } })
      .__stackdraw;
    return api.getState().gestureBase === null && document.querySelectorAll(".react-flow__edge").length === n;
  }, edges);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const edgeCount = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as { __stackdraw: { getState: () => { doc: { edges: unknown[] } } } }
      ).__stackdraw.getState().doc.edges.length,
  );

const selection = (page: Page) =>
  page.evaluate(() => {
    const s = (
      window as unknown as {
        __stackdraw: { getState: () => { selectedNodes: string[]; selectedEdge: string | null } };
      }
    ).__stackdraw.getState();
    return { nodes: [...s.selectedNodes], edge: s.selectedEdge };
  });

for (const [template, lang] of [
  ["ec2-docker-host", "en"],
  ["ecs-docker", "en"],
  ["ecs-docker", "ko"],
  ["ecs-vs-eks", "en"],
  ["ecs-vs-eks", "ko"],
  ["dev-to-prod", "ko"],
] as const) {
  test(`every edge of the ${template} template (${lang}) runs around the boxes and the text it does not belong to`, async ({
    page,
  }) => {
    const errors = await open(page, `lang=${lang}&template=${template}`);
    const n = await edgeCount(page);
    expect(n).toBeGreaterThan(0);
    await settled(page, n);
    const s = await seen(page);
    expect(s.edges).toHaveLength(n);
    expect(violations(s)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

for (const file of [
  "reverse-proxy-apps",
  "ecommerce-platform",
  "web-db-cache-worker",
  "monitoring",
  "elk-logging",
]) {
  test(`every edge of the ${file}.yml import runs around the boxes and the text it does not belong to`, async ({
    page,
  }) => {
    const errors = await open(page, "lang=en");
    const yaml = readFileSync(new URL(`../fixtures/compose/realistic/${file}.yml`, import.meta.url));
    await page.getByRole("button", { name: "Import" }).click();
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("menuitem", { name: "Docker Compose file…" }).click();
    await (await chooser).setFiles({ name: `${file}.yml`, mimeType: "text/yaml", buffer: yaml });
    await page.waitForFunction(
      () =>
        (
          window as unknown as { __stackdraw: { getState: () => { doc: { edges: unknown[] } } } }
        ).__stackdraw.getState().doc.edges.length > 0,
    );
    const n = await edgeCount(page);
    await settled(page, n);
    const s = await seen(page);
    expect(s.edges).toHaveLength(n);
    expect(violations(s)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

/** Three stacks side by side, with edges between containers across them and to a registry. */
const host = (h: string, containers: string[], vm = false) => {
  const base = vm ? `${h}-vm` : h;
  return [
    { id: h, kind: "physical-host", label: `Server ${h}` },
    ...(vm
      ? [
          { id: `${h}-kvm`, kind: "hypervisor", parentId: h, label: "KVM" },
          { id: `${h}-vm`, kind: "vm", parentId: `${h}-kvm`, label: `VM ${h}` },
        ]
      : []),
    {
      id: `${h}-os`,
      kind: "kernel",
      parentId: base,
      label: "Ubuntu",
      props: { family: "linux", distro: "Ubuntu" },
    },
    { id: `${h}-docker`, kind: "container-engine", parentId: `${h}-os`, label: "Docker Engine" },
    ...containers.map((c) => ({
      id: c,
      kind: "container",
      parentId: `${h}-docker`,
      label: c,
      props: { image: `${c}:1` },
    })),
  ];
};
const acrossStacks = {
  format: "stackdraw",
  version: 1,
  title: "Across stacks",
  nodes: [
    ...host("a", ["web", "api"]),
    ...host("b", ["cache", "queue"], true),
    ...host("c", ["db", "search"]),
    { id: "hub", kind: "registry", label: "Docker Hub" },
  ],
  edges: [
    { id: "web-db", kind: "network", source: "web", target: "db", label: "5432/tcp" },
    { id: "api-search", kind: "network", source: "api", target: "search" },
    { id: "web-api", kind: "network", source: "web", target: "api" },
    { id: "api-cache", kind: "network", source: "api", target: "cache" },
    { id: "queue-db", kind: "network", source: "queue", target: "db" },
    { id: "db-hub", kind: "pulls", source: "db", target: "hub" },
    { id: "web-hub", kind: "pulls", source: "web", target: "hub" },
  ],
};

async function openDocument(page: Page, doc: unknown) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("toolbar").getByRole("button", { name: "Open", exact: true }).click();
  await (
    await chooser
  ).setFiles({
    name: "across.stackdraw.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await expect(node(page, "Physical server: Server b")).toBeVisible();
}

/** The screen point of a flow point. */
const toScreen = (s: Seen, p: Point): Point => ({
  x: p.x * s.view.zoom + s.view.x,
  y: p.y * s.view.zoom + s.view.y,
});

test("edges between containers across stacks stay clear of every box and text, live while a stack is dragged and after the drop", async ({
  page,
}) => {
  const errors = await open(page);
  await openDocument(page, acrossStacks);
  const n = acrossStacks.edges.length;
  await settled(page, n);
  const before = await seen(page);
  expect(before.edges).toHaveLength(n);
  expect(violations(before)).toEqual([]);

  // Drag the server with the VM by its band, in steps, as a hand would: the edges into it follow
  // while the button is still down. (Grabbed near the band's right end: the canvas controls may
  // cover its left end.)
  const vmHost = node(page, "Physical server: Server b");
  const hb = (await vmHost.boundingBox())!;
  const grab = { x: hb.x + hb.width - 24, y: hb.y + hb.height - 8 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(grab.x + (60 * i) / 12, grab.y + (90 * i) / 12);
  const during = await seen(page);
  const dOf = (s: Seen, id: string) => s.edges.find((e) => e.id === id)!.d;
  expect(dOf(during, "api-cache")).not.toBe(dOf(before, "api-cache"));
  expect(dOf(during, "queue-db")).not.toBe(dOf(before, "queue-db"));
  await page.mouse.up();
  await settled(page, n);
  const after = await seen(page);
  const top = (v: Seen) => v.nodes.find((x) => x.id === "b")!.box.t;
  expect(top(after) - top(before)).toBeGreaterThan(60);
  expect(violations(after)).toEqual([]);
  expect(errors).toEqual([]);
});

test("a click beside an edge's stroke selects the node under it; a click on the stroke selects the edge", async ({
  page,
}) => {
  await open(page);
  await openDocument(page, acrossStacks);
  await settled(page, acrossStacks.edges.length);
  const s = await seen(page);
  const e = s.edges.find((x) => x.id === "web-api")!;
  const pts = parsePath(e.d);
  // The longest segment of web → api, which runs inside their engine.
  let k = 0;
  const len = (i: number) => Math.abs(pts[i + 1]!.x - pts[i]!.x) + Math.abs(pts[i + 1]!.y - pts[i]!.y);
  for (let i = 1; i + 1 < pts.length; i++) if (len(i) > len(k)) k = i;
  const p = pts[k]!;
  const q = pts[k + 1]!;
  const mid = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
  // 6 screen px to the side of the stroke (above a horizontal segment, left of a vertical one).
  const off = 6 / s.view.zoom;
  const beside = p.y === q.y ? { x: mid.x, y: mid.y - off } : { x: mid.x - off, y: mid.y };
  // The innermost node whose box holds that point is the one the click must select.
  const inside = (b: Box, x: Point) => x.x > b.l && x.x < b.r && x.y > b.t && x.y < b.b;
  const holders = s.nodes.filter((x) => inside(x.box, beside));
  expect(holders.length).toBeGreaterThan(0);
  const innermost = holders.reduce((a, b) =>
    (b.box.r - b.box.l) * (b.box.b - b.box.t) < (a.box.r - a.box.l) * (a.box.b - a.box.t) ? b : a,
  );
  const at = toScreen(s, beside);
  await page.mouse.click(at.x, at.y);
  await expect.poll(() => selection(page)).toEqual({ nodes: [innermost.id], edge: null });

  const on = toScreen(s, mid);
  await page.mouse.click(on.x, on.y);
  await expect.poll(() => selection(page)).toEqual({ nodes: [], edge: "web-api" });
  await expect(
    page.getByRole("complementary", { name: "Inspector" }).getByLabel("Connection kind"),
  ).toHaveValue("network");
});
