/**
 * The SVG renderer: well-formed output, every label drawn once as escaped text, nothing from a
 * document ever becoming markup (reliability.md, promise 7), themes, overlay, edges, problems.
 */
import fc from "fast-check";
import type { StackDocument, StackNode } from "../../../src/domain/document.ts";
import { indexDocument } from "../../../src/domain/diagram.ts";
import { EDGE_KIND_DEFS, KIND_DEFS } from "../../../src/domain/kinds/catalog.ts";
import { renderSvg } from "../../../src/render/svg.ts";
import { renderThumbnail } from "../../../src/render/thumbnail.ts";
import { THEMES } from "../../../src/render/colors.ts";
import { documentArb } from "../io/arbitraries.ts";
import { elements, parseXml, textsOfClass, type XmlElement } from "./xml-check.ts";
import { contractProblems, readDrawing } from "./contract.ts";

const doc = (
  nodes: StackNode[],
  edges: StackDocument["edges"] = [],
  view?: StackDocument["view"],
): StackDocument => ({
  format: "stackdraw",
  version: 1,
  nodes,
  edges,
  ...(view ? { view } : {}),
});

/** A small realistic stack: cloud ⊃ VM ⊃ kernel ⊃ engine ⊃ containers, a host, an image. */
const STACK = doc(
  [
    { id: "aws", kind: "cloud", label: "AWS Seoul" },
    { id: "vm", kind: "vm", parentId: "aws", label: "web-1", props: { product: "EC2" } },
    { id: "k", kind: "kernel", parentId: "vm", label: "Ubuntu 24.04" },
    { id: "eng", kind: "container-engine", parentId: "k", label: "Docker Engine" },
    {
      id: "c1",
      kind: "container",
      parentId: "eng",
      label: "nginx",
      props: { image: "nginx:1.27", ports: [{ host: 80, container: 80, protocol: "tcp" }] },
    },
    {
      id: "c2",
      kind: "container",
      parentId: "eng",
      label: "api 서버",
      props: { ports: [{ host: 80, container: 8080, protocol: "tcp" }] },
    },
    { id: "h", kind: "physical-host", label: "db-host" },
    { id: "k2", kind: "kernel", parentId: "h", label: "Debian 12" },
    { id: "pg", kind: "server-app", parentId: "k2", label: "PostgreSQL" },
    { id: "img", kind: "image", label: "nginx-image" },
  ],
  [
    { id: "e1", kind: "network", source: "c2", target: "pg", label: "5432/tcp" },
    { id: "e2", kind: "pulls", source: "c1", target: "img" },
    { id: "e3", kind: "moves", source: "c1", target: "c2" },
  ],
);

/**
 * What the renderer may show of a label: invalid XML characters dropped, line breaks as spaces
 * (in an attribute, `keepBreaks`: kept, as character references).
 */
function visible(s: string, keepBreaks = false): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 9 || c === 10 || c === 13) out += keepBreaks ? ch : " ";
    else if (
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0xd800 && c <= 0xdfff) ||
      c === 0xfffe ||
      c === 0xffff
    )
      continue;
    else out += ch;
  }
  return out;
}

/** `shown` is `label` itself, or a prefix of it followed by "…", or nothing (no room at all). */
function showsLabel(shown: string, label: string): boolean {
  const v = visible(label);
  return shown === v || shown === "" || (shown.endsWith("…") && v.startsWith(shown.slice(0, -1)));
}

function escapeText(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * No scripts, no foreign content, no event handlers, no references to anything outside: the only
 * references are `marker-end="url(#id)"` to the drawing's own markers, and the only ids are theirs.
 */
function expectInert(svg: string, root: XmlElement): void {
  expect(svg.toLowerCase()).not.toContain("<script");
  expect(svg).not.toContain("foreignObject");
  const allowed = new Set(["svg", "defs", "marker", "g", "rect", "path", "polygon", "text"]);
  const ids = new Set<string>();
  for (const el of elements(root)) {
    const id = el.attrs.get("id");
    if (id === undefined) continue;
    if (el.name !== "marker") throw new Error(`an id on <${el.name}>`);
    if (!/^sd[0-9a-f]{8}-[a-z-]+$/.test(id)) throw new Error(`marker id ${id}`);
    ids.add(id);
  }
  for (const el of elements(root)) {
    if (!allowed.has(el.name)) throw new Error(`unexpected element <${el.name}>`);
    for (const [name, value] of el.attrs) {
      if (name.toLowerCase().startsWith("on") || /href$/i.test(name))
        throw new Error(`attribute ${name} on <${el.name}>`);
      if (name === "marker-end") {
        const m = /^url\(#([^)]+)\)$/.exec(value);
        if (!m || !ids.has(m[1]!)) throw new Error(`marker-end="${value}" names no marker of the drawing`);
        continue;
      }
      if (/url\(|javascript:/i.test(value)) throw new Error(`reference in ${name}="${value}"`);
    }
  }
}

function fills(root: XmlElement): string[] {
  return [...elements(root)]
    .filter((e) => e.name === "rect" || e.name === "path")
    .map((e) => e.attrs.get("fill") ?? "");
}

describe("renderSvg", () => {
  it("draws a well-formed, inert SVG with every label exactly once as text", () => {
    const { svg, width, height } = renderSvg(STACK);
    const root = parseXml(svg);
    expect(root.name).toBe("svg");
    expectInert(svg, root);
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
    expect(root.attrs.get("width")).toBe(String(width));
    for (const n of STACK.nodes) expect(count(svg, `>${escapeText(n.label!)}</text>`)).toBe(1);
    expect(textsOfClass(root, "sd-label").sort()).toEqual(STACK.nodes.map((n) => n.label!).sort());
    // Key props and kind names.
    expect(textsOfClass(root, "sd-prop")).toContain("nginx:1.27");
    expect(textsOfClass(root, "sd-kind")).toContain(KIND_DEFS.container.name.en.toUpperCase());
    expect(root.attrs.get("font-family")).toContain("Noto Sans KR");
  });

  it("fits the viewBox, from 0 0, to the diagram plus the margin, and scales width and height", () => {
    const bare = { ...STACK, edges: [] };
    const a = renderSvg(bare, { margin: 10 });
    const b = renderSvg(bare, { margin: 10, scale: 2 });
    const [vx, vy, vw, vh] = parseXml(a.svg).attrs.get("viewBox")!.split(" ").map(Number);
    expect([vx, vy]).toEqual([0, 0]);
    expect(a.width).toBe(vw);
    expect(a.height).toBe(vh);
    expect(b.width).toBe(vw! * 2);
    expect(b.height).toBe(vh! * 2);
    expect(parseXml(b.svg).attrs.get("viewBox")).toBe(parseXml(a.svg).attrs.get("viewBox"));
    // The nodes' extent plus the margin on every side.
    const d = readDrawing(a.svg);
    const right = Math.max(...d.nodes.map((n) => n.box.r));
    const bottom = Math.max(...d.nodes.map((n) => n.box.b));
    expect(Math.min(...d.nodes.map((n) => n.box.l))).toBe(10);
    expect(Math.min(...d.nodes.map((n) => n.box.t))).toBe(10);
    expect(vw).toBe(Math.ceil(right + 10));
    expect(vh).toBe(Math.ceil(bottom + 10));
  });

  it("is deterministic", () => {
    expect(renderSvg(STACK).svg).toBe(renderSvg(structuredClone(STACK)).svg);
  });

  it("draws an empty document", () => {
    const r = renderSvg(doc([]));
    parseXml(r.svg);
    expect(r.width).toBe(48);
  });

  it("escapes hostile labels: they show as characters, never as markup", () => {
    const nasty = [
      "</text><script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      'Tom & Jerry\'s "db"',
      "&amp; &lt;already&gt;",
      "abc\u202edef",
      "🐳 도커 👩‍👩‍👧",
      "]]><!-- -->",
    ];
    const d = doc(
      nasty.map((label, i) => ({ id: `n${i}`, kind: "server-app", label, size: { width: 600, height: 64 } })),
    );
    const { svg } = renderSvg(d);
    const root = parseXml(svg);
    expectInert(svg, root);
    expect(textsOfClass(root, "sd-label")).toEqual(nasty);
    for (const l of nasty) expect(count(svg, `>${escapeText(l)}</text>`)).toBe(1);
    expect(svg).toContain("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("drops what XML cannot hold and keeps the rest", () => {
    const d = doc([
      {
        id: "a",
        kind: "server-app",
        label: "a\u0000b\u0007c\ud800d\udc00e\uffff\tf\ng",
        size: { width: 400, height: 64 },
      },
    ]);
    const root = parseXml(renderSvg(d).svg);
    expect(textsOfClass(root, "sd-label")).toEqual(["abcde f g"]);
  });

  it("elides a 10,000-character label to the box, with an ellipsis", () => {
    const long = "x".repeat(5_000) + "<&>".repeat(1_700);
    const { svg } = renderSvg(doc([{ id: "a", kind: "server-app", label: long }]));
    const [shown] = textsOfClass(parseXml(svg), "sd-label");
    expect(shown!.endsWith("…")).toBe(true);
    expect(shown!.length).toBeGreaterThan(5);
    expect(shown!.length).toBeLessThan(60);
    expect(long.startsWith(shown!.slice(0, -1))).toBe(true);
    expect(svg.length).toBeLessThan(5_000);
  });

  it("never splits an emoji or a surrogate pair when eliding", () => {
    const label = "👩‍👩‍👧".repeat(40);
    const [shown] = textsOfClass(
      parseXml(renderSvg(doc([{ id: "a", kind: "server-app", label }])).svg),
      "sd-label",
    );
    expect(shown!.endsWith("…")).toBe(true);
    expect(shown!.slice(0, -1).length % "👩‍👩‍👧".length).toBe(0);
  });

  it("draws one path per edge, styled by kind, with an arrowhead marker per kind and colour", () => {
    const root = parseXml(renderSvg(STACK).svg);
    const lines = [...elements(root)].filter((e) => e.attrs.get("class") === "sd-edge-line");
    expect(lines).toHaveLength(STACK.edges.length);
    expect(lines.map((l) => l.attrs.get("data-edge-id"))).toEqual(["e1", "e2", "e3"]);
    // network solid, pulls dashed, moves bold.
    expect(lines.map((l) => l.attrs.get("stroke-dasharray") ?? "solid")).toEqual(["solid", "6 4", "solid"]);
    expect(lines.map((l) => l.attrs.get("stroke-width"))).toEqual(["1.5", "1.5", "3"]);
    const markers = [...elements(root)].filter((e) => e.name === "marker");
    expect(new Set(markers.map((m) => m.attrs.get("id"))).size).toBe(markers.length);
    const ends = new Set(lines.map((l) => l.attrs.get("marker-end")));
    expect(ends.size).toBe(3); // three kinds, none in a problem
    expect(markers).toHaveLength(3);
  });

  it("labels every edge: the person's label, else its kind in words, in the drawing's language", () => {
    // Boxes far apart: every route has room for its words.
    const at = (id: string, x: number, y: number): StackNode => ({
      id,
      kind: "container",
      label: id,
      position: { x, y },
      size: { width: 160, height: 64 },
    });
    const spaced = doc(
      [
        at("a", 0, 0),
        at("b", 400, 0),
        at("c", 0, 200),
        at("d", 400, 200),
        at("f", 0, 400),
        at("g", 400, 400),
      ],
      [
        { id: "e1", kind: "network", source: "a", target: "b", label: "5432/tcp" },
        { id: "e2", kind: "network", source: "c", target: "d" },
        { id: "e3", kind: "moves", source: "f", target: "g", label: "  " },
      ],
    );
    const words = (lang: "en" | "ko") =>
      textsOfClass(parseXml(renderSvg(spaced, { lang, problems: false }).svg), "sd-edge-label");
    expect(words("en")).toEqual(["5432/tcp", "network", "moves"]);
    expect(words("ko")).toEqual(["5432/tcp", EDGE_KIND_DEFS.network.verb.ko, EDGE_KIND_DEFS.moves.verb.ko]);
    expect(EDGE_KIND_DEFS.pulls.verb.en).toBe("pulls");
    expect(EDGE_KIND_DEFS["launched-from"].verb.en).toBe("launched from");
  });

  it("never hides a node's name under an edge's words: without room on the route, the kind goes unsaid", () => {
    // Two containers side by side: the route between them is one gap long.
    const tight = doc(
      [
        { id: "eng", kind: "container-engine", label: "Docker" },
        { id: "a", kind: "container", parentId: "eng", label: "web" },
        { id: "b", kind: "container", parentId: "eng", label: "db" },
      ],
      [{ id: "e", kind: "network", source: "a", target: "b" }],
    );
    const d = readDrawing(renderSvg(tight, { problems: false }).svg);
    expect(d.edges[0]!.labelText).toBeNull();
    expect(d.legend!.map((e) => e.words)).toEqual(["network"]);
    // The person's own label is always drawn.
    const own = { ...tight, edges: [{ ...tight.edges[0]!, label: "5432/tcp" }] };
    expect(readDrawing(renderSvg(own, { problems: false }).svg).edges[0]!.labelText).toBe("5432/tcp");
  });

  it("draws an edge in a problem, its arrowhead and its label in the error colour", () => {
    const d = doc(
      [
        { id: "a", kind: "container", label: "a" },
        { id: "i", kind: "image", label: "i" },
      ],
      // An image does not pull: the edge's ends are wrong (edge/endpoints).
      [{ id: "bad", kind: "pulls", source: "i", target: "a" }],
    );
    const root = parseXml(renderSvg(d).svg);
    const line = [...elements(root)].find((e) => e.attrs.get("data-edge-id") === "bad")!;
    expect(line.attrs.get("stroke")).toBe(THEMES.light.error);
    const id = /^url\(#(.+)\)$/.exec(line.attrs.get("marker-end")!)![1];
    const marker = [...elements(root)].find((e) => e.attrs.get("id") === id)!;
    expect([...elements(marker)].find((e) => e.name === "polygon")!.attrs.get("fill")).toBe(
      THEMES.light.error,
    );
    const label = [...elements(root)].find((e) => e.attrs.get("class") === "sd-edge-label")!;
    expect(label.attrs.get("fill")).toBe(THEMES.light.error);
    // The legend's sample is drawn as a plain edge of its kind.
    const sample = [...elements(root)].find((e) => e.attrs.get("class") === "sd-legend-line")!;
    expect(sample.attrs.get("marker-end")).not.toBe(line.attrs.get("marker-end"));
  });

  it("draws the title at the top, escaped, and the legend under the diagram", () => {
    const d = readDrawing(renderSvg({ ...STACK, title: "Prod <east> & co" }).svg);
    expect(d.title).toBe("Prod <east> & co");
    const title = [...elements(parseXml(renderSvg({ ...STACK, title: "Prod" }).svg))].find(
      (e) => e.attrs.get("class") === "sd-title",
    )!;
    expect(Number(title.attrs.get("y"))).toBeLessThan(Math.min(...d.nodes.map((n) => n.box.t)));
    expect(d.legend!.map((e) => e.key)).toEqual(["edge:network", "edge:pulls", "edge:moves"]);
    expect(d.legend!.map((e) => e.words)).toEqual(["network", "pulls", "moves"]);
    // Without a title or edges, neither is drawn; the options turn them off.
    const plain = readDrawing(renderSvg({ ...STACK, edges: [] }).svg);
    expect(plain.title).toBeNull();
    expect(plain.legend).toBeNull();
    const off = readDrawing(renderSvg({ ...STACK, title: "Prod" }, { title: false, legend: false }).svg);
    expect(off.title).toBeNull();
    expect(off.legend).toBeNull();
  });

  it("carries the overlay's legend, in the drawing's language, when the overlay is on", () => {
    const plain = { ...STACK, edges: [] };
    expect(readDrawing(renderSvg(plain).svg).legend).toBeNull();
    expect(readDrawing(renderSvg(plain, { overlay: true }).svg).legend).toEqual([
      { key: "overlay:user", words: "You manage it" },
      { key: "overlay:provider", words: "The provider manages it" },
    ]);
    expect(
      readDrawing(renderSvg({ ...plain, view: { overlay: "managedBy" } }, { lang: "ko" }).svg).legend,
    ).toEqual([
      { key: "overlay:user", words: "사용자가 관리" },
      { key: "overlay:provider", words: "제공자가 관리" },
    ]);
    // Edge kinds first, then the overlay.
    expect(readDrawing(renderSvg(STACK, { overlay: true }).svg).legend!.map((e) => e.key)).toEqual([
      "edge:network",
      "edge:pulls",
      "edge:moves",
      "overlay:user",
      "overlay:provider",
    ]);
  });

  it("gives its markers ids of its own, so two drawings inlined in one page do not share them", () => {
    const ids = (svg: string) =>
      [...elements(parseXml(svg))].filter((e) => e.name === "marker").map((e) => e.attrs.get("id"));
    const a = ids(renderSvg(STACK).svg);
    const b = ids(renderSvg(STACK, { theme: "dark" }).svg);
    const c = ids(renderSvg({ ...STACK, title: "other" }).svg);
    expect(a.length).toBeGreaterThan(0);
    for (const other of [b, c]) for (const id of other) expect(a).not.toContain(id);
  });

  it("draws edges after (on top of) every node", () => {
    const svg = renderSvg(STACK).svg;
    expect(svg.indexOf('class="sd-edge-line"')).toBeGreaterThan(svg.lastIndexOf('class="sd-label"'));
  });

  it("draws a parent before its children", () => {
    const svg = renderSvg(STACK).svg;
    expect(svg.indexOf(">AWS Seoul<")).toBeLessThan(svg.indexOf(">web-1<"));
    expect(svg.indexOf(">Docker Engine<")).toBeLessThan(svg.indexOf(">nginx<"));
  });

  it("shows problem badges and outlines, or not", () => {
    // Two containers publish host port 80 on one engine: a port conflict on both.
    const on = parseXml(renderSvg(STACK).svg);
    const badges = textsOfClass(on, "sd-badge");
    expect(badges.length).toBeGreaterThanOrEqual(2);
    expect(renderSvg(STACK).svg).toContain(THEMES.light.error);
    const off = renderSvg(STACK, { problems: false }).svg;
    expect(textsOfClass(parseXml(off), "sd-badge")).toEqual([]);
    expect(off).not.toContain(THEMES.light.errorBg);
    expect(textsOfClass(parseXml(renderSvg(STACK, { problems: [] }).svg), "sd-badge")).toEqual([]);
  });

  it("draws no badge or red outline for a suppressed problem", () => {
    const doc: StackDocument = {
      format: "stackdraw",
      version: 2,
      nodes: [
        { id: "h", kind: "physical-host", label: "Server" },
        { id: "k", kind: "kernel", parentId: "h", label: "Ubuntu", props: { family: "linux" } },
        { id: "c", kind: "container", parentId: "k", label: "web", props: { image: "nginx" } },
      ],
      edges: [],
    };
    const before = parseXml(renderSvg(doc).svg);
    expect(textsOfClass(before, "sd-badge")).toEqual(["1"]);
    const suppressed = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === "c"
          ? { ...n, suppress: { "container/needs-engine": "drawn before the engine is chosen" } }
          : n,
      ),
    };
    const after = renderSvg(suppressed).svg;
    expect(textsOfClass(parseXml(after), "sd-badge")).toEqual([]);
    expect(after).not.toContain(THEMES.light.errorBg);
  });

  it("uses the theme's colours", () => {
    const light = parseXml(renderSvg(STACK, { theme: "light" }).svg);
    const dark = parseXml(renderSvg(STACK, { theme: "dark" }).svg);
    expect(fills(light)[0]).toBe(THEMES.light.background);
    expect(fills(dark)[0]).toBe(THEMES.dark.background);
    expect(THEMES.light.background).not.toBe(THEMES.dark.background);
    expect(fills(light)).toContain(THEMES.light.layers.container.fill);
    expect(fills(dark)).toContain(THEMES.dark.layers.container.fill);
  });

  it("recolours fills by who manages each node when the overlay is on", () => {
    const d = doc([
      { id: "f", kind: "fargate", label: "Fargate" },
      { id: "t", kind: "ecs-task", parentId: "f", label: "task", props: { managedBy: "user" } },
    ]);
    const plain = fills(parseXml(renderSvg(d).svg));
    const over = fills(parseXml(renderSvg(d, { overlay: true }).svg));
    expect(over).not.toEqual(plain);
    expect(over).toContain(THEMES.light.providerBg);
    expect(over).toContain(THEMES.light.userBg);
    expect(plain).not.toContain(THEMES.light.providerBg);
    // The document's own view turns it on by default.
    expect(fills(parseXml(renderSvg({ ...d, view: { overlay: "managedBy" } }).svg))).toEqual(over);
  });

  it("draws kind names in the chosen language", () => {
    const root = parseXml(renderSvg(doc([{ id: "a", kind: "kernel" }]), { lang: "ko" }).svg);
    expect(textsOfClass(root, "sd-label")).toEqual([KIND_DEFS.kernel.name.ko]);
  });
});

describe("renderThumbnail", () => {
  it("is the same drawing without problems and with a small margin", () => {
    const thumb = renderThumbnail(STACK);
    const root = parseXml(thumb);
    expectInert(thumb, root);
    expect(textsOfClass(root, "sd-badge")).toEqual([]);
    expect(textsOfClass(root, "sd-label").sort()).toEqual(STACK.nodes.map((n) => n.label!).sort());
    expect(Number(root.attrs.get("width"))).toBeLessThan(renderSvg(STACK).width);
  });
});

describe("renderSvg properties", () => {
  it("never throws for valid documents and shows every label (or its visible prefix)", () => {
    fc.assert(
      fc.property(
        documentArb(),
        fc.constantFrom("light" as const, "dark" as const),
        fc.constantFrom("en" as const, "ko" as const),
        (d, theme, lang) => {
          const { svg, width, height } = renderSvg(d, { theme, lang });
          const root = parseXml(svg);
          expectInert(svg, root);
          expect(Number.isFinite(width) && Number.isFinite(height)).toBe(true);
          const order = indexDocument(d).order;
          const shown = textsOfClass(root, "sd-label");
          expect(shown).toHaveLength(order.length);
          order.forEach((n, i) => {
            const label = n.label ?? KIND_DEFS[n.kind].name[lang];
            if (!showsLabel(shown[i]!, label))
              throw new Error(`label ${JSON.stringify(label)} shown as ${JSON.stringify(shown[i])}`);
          });
          const lines = [...elements(root)].filter((e) => e.attrs.get("class") === "sd-edge-line");
          expect(lines).toHaveLength(d.edges.length);
          // The contract holds for every document: attributes, paths, viewBox, title, legend.
          const drawing = readDrawing(svg);
          expect(contractProblems(drawing, { title: d.title && visible(d.title) })).toEqual([]);
          // Ids read back as they are, less what XML cannot hold.
          expect(drawing.nodes.map((n) => n.id)).toEqual(order.map((n) => visible(n.id, true)));
          expect(drawing.edges.map((e) => e.id)).toEqual(d.edges.map((e) => visible(e.id, true)));
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it("shows every label whole when its box has room for it", () => {
    fc.assert(
      fc.property(documentArb(), (d) => {
        // Without geometry every box is laid out by the stack layout, at least as wide as a leaf.
        const bare: StackDocument = { ...d, nodes: d.nodes.map(({ position: _p, size: _s, ...n }) => n) };
        const root = parseXml(renderSvg(bare, { problems: false }).svg);
        const shown = textsOfClass(root, "sd-label");
        indexDocument(bare).order.forEach((n, i) => {
          const label = n.label ?? KIND_DEFS[n.kind].name.en;
          expect(showsLabel(shown[i]!, label)).toBe(true);
          // A leaf box fits about 140 px of text: short labels are never cut.
          if ([...visible(label)].length <= 6) expect(shown[i]).toBe(visible(label));
        });
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
