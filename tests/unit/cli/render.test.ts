// @vitest-environment node
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run, scratchDir } from "./harness.ts";
import { renderSvg } from "../../../src/render/svg.ts";
import { withEmbeddedFonts } from "../../../src/cli/render.ts";
import { parseUnicodeRange } from "../../../src/render/fonts.ts";
import { escapeXml } from "../../../src/render/xml.ts";
import { readDocument } from "../../../src/io/read.ts";
import { writeDocument } from "../../../src/io/write.ts";
import { TEMPLATES } from "../../../src/templates/index.ts";

const { path, file } = scratchDir("stackdraw-render-");

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Width and height from the PNG's IHDR chunk (bytes 16–23, big-endian). */
function ihdr(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.toString("latin1", 12, 16)).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const LABELS = ["Host <one> & co", "Debian 12", "도커 엔진", 'web "front"', "db"];
const fixture = {
  format: "stackdraw",
  version: 1,
  title: "render fixture",
  nodes: [
    { id: "host", kind: "physical-host", label: LABELS[0] },
    { id: "linux", kind: "kernel", parentId: "host", label: LABELS[1], props: { family: "linux" } },
    { id: "docker", kind: "container-engine", parentId: "linux", label: LABELS[2] },
    { id: "web", kind: "container", parentId: "docker", label: LABELS[3], props: { image: "nginx:1.27" } },
    { id: "db", kind: "container", parentId: "docker", label: LABELS[4] },
  ],
  edges: [{ id: "e1", kind: "network", source: "web", target: "db" }],
};
const good = file("fixture.stackdraw.json", fixture);
const parsed = readDocument(readFileSync(good));
if (!parsed.ok) throw new Error("fixture does not read");

describe("stackdraw render", () => {
  it("writes an SVG that holds every label as escaped text", async () => {
    const out = path("fixture.svg");
    const r = await run("render", good, "-o", out);
    expect(r).toMatchObject({ code: 0, err: "" });
    const svg = readFileSync(out, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    for (const label of LABELS) expect(svg).toContain(`>${escapeXml(label)}</text>`);
    expect(svg).not.toContain("<one>");
    expect(svg).toBe(await withEmbeddedFonts(renderSvg(parsed.document, { theme: "light", lang: "en" }).svg));
  });

  it("embeds the font subsets its text needs, Hangul included, as @font-face data URLs", async () => {
    const out = path("fonts.svg");
    expect(await run("render", good, "-o", out)).toMatchObject({ code: 0, err: "" });
    const svg = readFileSync(out, "utf8");
    const faces = [...svg.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => m[1]!);
    expect(faces.length).toBeGreaterThan(1);
    for (const f of faces) {
      expect(f).toContain('font-family:"Pretendard"');
      expect(f).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]+=*\) format\("woff2"\)/);
    }
    // Every character the drawing draws is in some embedded subset: "도커 엔진" too.
    const ranges = faces.flatMap((f) => parseUnicodeRange(/unicode-range:([^;]*)/.exec(f)?.[1] ?? ""));
    for (const ch of "도커 엔진Host<one>&co") {
      const cp = ch.codePointAt(0)!;
      if (ch !== " ")
        expect(
          ranges.some(([a, b]) => cp >= a && cp <= b),
          ch,
        ).toBe(true);
    }
    // Only what it needs: an English drawing carries fewer subsets than the Korean one.
    const english = file("english.stackdraw.json", {
      ...fixture,
      nodes: fixture.nodes
        .filter((n) => n.id !== "docker")
        .map((n) => (n.parentId === "docker" ? { ...n, parentId: "linux" } : n)),
    });
    await run("render", english, "-o", path("english.svg"));
    const fewer = readFileSync(path("english.svg"), "utf8").match(/@font-face/g)!.length;
    expect(fewer).toBeLessThan(faces.length);
    // PNG is drawn by resvg from the font files, not from an SVG that carries them.
    expect(svg.length).toBeGreaterThan(renderSvg(parsed.document).svg.length + 10_000);
  });

  it("writes a PNG whose IHDR size is the SVG size times --scale (default 2)", async () => {
    const { width, height } = renderSvg(parsed.document);
    for (const scale of [undefined, 1, 3]) {
      const out = path(`fixture-${scale ?? "default"}.png`);
      const r = await run(
        "render",
        good,
        "-o",
        out,
        ...(scale === undefined ? [] : ["--scale", String(scale)]),
      );
      expect(r).toMatchObject({ code: 0, err: "" });
      const s = scale ?? 2;
      expect(ihdr(readFileSync(out))).toEqual({
        width: Math.round(width * s),
        height: Math.round(height * s),
      });
    }
  });

  it("draws --theme dark differently from light, and --lang ko with Korean kind names", async () => {
    await run("render", good, "-o", path("light.svg"));
    await run("render", good, "-o", path("dark.svg"), "--theme", "dark");
    await run("render", good, "-o", path("ko.svg"), "--lang=ko");
    const light = readFileSync(path("light.svg"), "utf8");
    const dark = readFileSync(path("dark.svg"), "utf8");
    expect(dark).not.toBe(light);
    expect(dark).toBe(await withEmbeddedFonts(renderSvg(parsed.document, { theme: "dark" }).svg));
    expect(readFileSync(path("ko.svg"), "utf8")).toBe(
      await withEmbeddedFonts(renderSvg(parsed.document, { lang: "ko" }).svg),
    );

    await run("render", good, "-o", path("light.png"), "--scale", "1");
    await run("render", good, "-o", path("dark.png"), "--scale", "1", "--theme", "dark");
    expect(readFileSync(path("dark.png")).equals(readFileSync(path("light.png")))).toBe(false);
  });

  it("exits 2 for an invalid document, naming the file and the JSON path", async () => {
    const bad = file("bad.stackdraw.json", {
      format: "stackdraw",
      version: 1,
      nodes: [{ id: "a", kind: "vm", parentId: "vm-9" }],
    });
    const out = path("bad.png");
    const r = await run("render", bad, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(bad);
    expect(r.err).toContain("nodes[0].parentId");
    expect(() => readFileSync(out)).toThrow();

    const missing = await run("render", path("nope.stackdraw.json"), "-o", path("nope.svg"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nope.stackdraw.json");
  });

  it("exits 2 with a message for bad arguments", async () => {
    const cases: [string[], RegExp][] = [
      [[good, "-o", path("x.jpg")], /\.svg or \.png/],
      [[good, "-o", path("noext")], /\.svg or \.png/],
      [[good], /no output/],
      [["-o", path("x.svg")], /no FILE/],
      [[good, "-o", path("x.png"), "--theme", "blue"], /--theme/],
      [[good, "-o", path("x.png"), "--lang", "fr"], /--lang/],
      [[good, "-o", path("x.png"), "--scale", "0"], /--scale/],
      [[good, "-o", path("x.png"), "--scale", "abc"], /--scale/],
      [[good, "-o", path("x.png"), "--bogus"], /unknown option/],
    ];
    for (const [args, message] of cases) {
      const r = await run("render", ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(message);
    }
  });

  it("is in --help", async () => {
    const r = await run("--help");
    expect(r.out).toMatch(/stackdraw render FILE -o OUT\.svg\|OUT\.png/);
  });

  it("renders every template to PNG in both languages", async () => {
    for (const t of TEMPLATES)
      for (const lang of ["en", "ko"] as const) {
        const src = file(`${t.id}.${lang}.stackdraw.json`, writeDocument(t.build(lang)));
        const out = path(`${t.id}.${lang}.png`);
        const r = await run("render", src, "-o", out, "--lang", lang, "--scale", "1");
        expect(r, `${t.id} ${lang}`).toMatchObject({ code: 0, err: "" });
        const { width, height } = renderSvg(t.build(lang), { lang });
        expect(ihdr(readFileSync(out))).toEqual({ width, height });
      }
  }, 60_000);
});
