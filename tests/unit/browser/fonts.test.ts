import { facesFor, parseUnicodeRange, withFontCss, type FontFaceSource } from "../../../src/browser/fonts.ts";

const faces: FontFaceSource[] = [
  { url: "/a.woff2", unicodeRange: "U+0000-00FF, U+0131", weight: "45 920" },
  { url: "/hangul.woff2", unicodeRange: "U+AC00-AD7F", weight: "45 920" },
  { url: "/more-hangul.woff2", unicodeRange: "U+B000-B0FF, U+4??", weight: "45 920" },
];

describe("font subsets for the PNG export", () => {
  it("parses unicode ranges, wildcards included", () => {
    expect(parseUnicodeRange("U+0000-00FF, U+0131")).toEqual([
      [0, 255],
      [0x131, 0x131],
    ]);
    expect(parseUnicodeRange("U+4??")).toEqual([[0x400, 0x4ff]]);
    expect(parseUnicodeRange("nonsense, U+zz")).toEqual([]);
  });
  it("picks only the subsets the drawing's characters need", () => {
    expect(facesFor(faces, "Docker").map((f) => f.url)).toEqual(["/a.woff2"]);
    expect(facesFor(faces, "가상 머신").map((f) => f.url)).toEqual(["/a.woff2", "/hangul.woff2"]);
    expect(facesFor(faces, "\u0410").map((f) => f.url)).toEqual(["/more-hangul.woff2"]);
  });
  it("puts the faces inside the SVG, right after its opening tag", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2"><rect/></svg>';
    expect(withFontCss(svg, "@font-face{}")).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="2"><defs><style>@font-face{}</style></defs><rect/></svg>',
    );
    expect(withFontCss(svg, "")).toBe(svg);
  });
});
