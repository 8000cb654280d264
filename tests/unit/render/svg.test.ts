/**
 * The SVG renderer: well-formed output, every label drawn once as escaped text, nothing from a
 * document ever becoming markup (reliability.md, promise 7), themes, overlay, edges, problems.
 */
import fc from "fast-check";
import type { StackDocument, StackNode } from "../../../src/domain/document.ts";
import { indexDocument } from "../../../src/domain/diagram.ts";
import { KIND_DEFS } from "../../../src/domain/kinds/catalog.ts";
import { renderSvg } from "../../../src/render/svg.ts";
import { renderThumbnail } from "../../../src/render/thumbnail.ts";
import { THEMES } from "../../../src/render/colors.ts";
import { documentArb } from "../io/arbitraries.ts";
import { elements, parseXml, textsOfClass, type XmlElement } from "./xml-check.ts";

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

/** What the renderer may show of a label: invalid XML characters dropped, line breaks as spaces. */
function visible(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 9 || c === 10 || c === 13) out += " ";
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

/** No scripts, no foreign content, no event handlers, no references to anything outside. */
function expectInert(svg: string, root: XmlElement): void {
  expect(svg.toLowerCase()).not.toContain("<script");
  expect(svg).not.toContain("foreignObject");
  const allowed = new Set(["svg", "g", "rect", "path", "polygon", "text"]);
  for (const el of elements(root)) {
    if (!allowed.has(el.name)) throw new Error(`unexpected element <${el.name}>`);
    for (const [name, value] of el.attrs) {
      if (name.toLowerCase().startsWith("on") || /href$/i.test(name))
        throw new Error(`attribute ${name} on <${el.name}>`);
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

  it("fits the viewBox to the diagram plus the margin, and scales width and height", () => {
    const a = renderSvg(STACK, { margin: 10 });
    const b = renderSvg(STACK, { margin: 10, scale: 2 });
    const [, , vw, vh] = parseXml(a.svg).attrs.get("viewBox")!.split(" ").map(Number);
    expect(a.width).toBe(Math.ceil(vw!));
    expect(a.height).toBe(Math.ceil(vh!));
    expect(b.width).toBe(Math.ceil(vw! * 2));
    expect(parseXml(b.svg).attrs.get("viewBox")).toBe(parseXml(a.svg).attrs.get("viewBox"));
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

  it("draws one line and one arrowhead per edge, dashed by kind, with the person's labels only", () => {
    const root = parseXml(renderSvg(STACK).svg);
    const lines = [...elements(root)].filter((e) => e.attrs.get("class") === "sd-edge-line");
    expect(lines).toHaveLength(STACK.edges.length);
    expect(lines.map((l) => l.attrs.get("stroke-dasharray") ?? "solid")).toEqual(["solid", "6 4", "2 4"]);
    expect([...elements(root)].filter((e) => e.name === "polygon")).toHaveLength(STACK.edges.length);
    // As on the canvas, the line style tells the kind; kind names would clutter every figure.
    expect(textsOfClass(root, "sd-edge-label")).toEqual(["5432/tcp"]);
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
