/**
 * Embedding the UI font (src/render/fonts.ts, shared by the editor's export and the CLI): which
 * subsets of the web font's dynamic-subset stylesheet a drawing's characters need, and where their
 * @font-face rules go in the SVG.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  drawnText,
  embeddedFacesCss,
  facesFor,
  parseFontFaceCss,
  parseUnicodeRange,
  withFontCss,
} from "../../../src/render/fonts.ts";
import { renderSvg } from "../../../src/render/svg.ts";

const CSS = `/* [0] */
@font-face {
	font-family: 'Pretendard Variable';
	font-weight: 45 920;
	src: url(./woff2-dynamic-subset/PretendardVariable.subset.0.woff2) format('woff2-variations');
	unicode-range: U+ac00-ac0f, U+0041;
}
@font-face { font-family: "Other"; src: url(other.woff2) format("woff2"); }
@font-face { font-family: Pretendard; font-weight: 700; src: url(b.woff) format('woff'), url("b.woff2") format("woff2"); }
@font-face { font-family: Pretendard; src: url(only.ttf) format("truetype"); }`;

describe("the web font's subsets", () => {
  it("are read from a dynamic-subset stylesheet: woff2 file, range and weight of each Pretendard face", () => {
    expect(parseFontFaceCss(CSS)).toEqual([
      {
        url: "./woff2-dynamic-subset/PretendardVariable.subset.0.woff2",
        unicodeRange: "U+ac00-ac0f, U+0041",
        weight: "45 920",
      },
      { url: "b.woff2", unicodeRange: "", weight: "700" },
    ]);
  });

  it("of the bundled package cover Latin and every Hangul syllable", () => {
    const require = createRequire(import.meta.url);
    const css = readFileSync(
      require.resolve("pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css"),
      "utf8",
    );
    const faces = parseFontFaceCss(css);
    expect(faces.length).toBeGreaterThan(50);
    for (const cp of [0x41, 0x7a, 0xac00, 0xd7a3, 0x2192]) {
      const covering = faces.filter((f) =>
        parseUnicodeRange(f.unicodeRange).some(([a, b]) => cp >= a && cp <= b),
      );
      expect(covering, `U+${cp.toString(16)}`).toHaveLength(1);
    }
    expect(facesFor(faces, "Docker").length).toBe(1);
    expect(facesFor(faces, "도커 Docker").length).toBeGreaterThan(1);
  });

  it("are picked for the characters a drawing draws, not for its markup", () => {
    const svg = renderSvg({
      format: "stackdraw",
      version: 1,
      nodes: [{ id: "가", kind: "container", label: "a < b & 도커" }],
      edges: [],
    }).svg;
    const drawn = drawnText(svg);
    expect(drawn).toContain("a < b & 도커");
    expect(drawn).not.toContain("xmlns");
    // The id is in an attribute only: no subset for it.
    expect(drawn).not.toContain("가");
  });
});

describe("the faces in the SVG", () => {
  it("go into the renderer's <defs>, before its markers", () => {
    const { svg } = renderSvg({
      format: "stackdraw",
      version: 1,
      nodes: [
        { id: "a", kind: "container" },
        { id: "b", kind: "container" },
      ],
      edges: [{ id: "e", kind: "network", source: "a", target: "b" }],
    });
    const css = embeddedFacesCss([
      { src: "data:font/woff2;base64,AAAA", weight: "45 920", unicodeRange: "U+0041" },
    ]);
    expect(css).toBe(
      '@font-face{font-family:"Pretendard";font-weight:45 920;src:url(data:font/woff2;base64,AAAA) format("woff2");unicode-range:U+0041;}',
    );
    const out = withFontCss(svg, css);
    expect(out).toMatch(/^<svg [^>]*><defs><style>@font-face\{[^<]*\}<\/style><marker /);
    expect(out.match(/<defs>/g)).toHaveLength(1);
    expect(withFontCss(svg, "")).toBe(svg);
  });
});
