import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { documentOf, open } from "./helpers.ts";
import { TEMPLATES } from "../../src/templates/index.ts";
import { labelProbes, type TextProbe } from "../../src/browser/text-probe.ts";

/**
 * The first export of a session draws every node name. An SVG drawn as an image loads its
 * embedded fonts after it has decoded; drawn at once, the first PNG had boxes and kinds but no
 * names. Each template is opened in a fresh page and exported to PNG before anything else.
 */
/** For each probe: whether its box in the PNG (drawn at `scale`× the SVG) holds ink of its colour. */
function inked(page: Page, png: Buffer, probes: TextProbe[], scale: number): Promise<boolean[]> {
  return page.evaluate(
    async ([b64, probes, scale]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      return probes.map((p) => {
        const d = ctx.getImageData(
          Math.floor(p.x * scale),
          Math.floor(p.y * scale),
          Math.ceil(p.width * scale),
          Math.ceil(p.height * scale),
        ).data;
        let hits = 0;
        for (let i = 0; i < d.length; i += 4)
          if (
            Math.abs(d[i]! - p.rgb[0]) <= 48 &&
            Math.abs(d[i + 1]! - p.rgb[1]) <= 48 &&
            Math.abs(d[i + 2]! - p.rgb[2]) <= 48
          )
            hits++;
        // A name of n characters leaves far more than n pixels of ink at 2×.
        return hits >= Math.max(8, p.text.length * 2);
      });
    },
    [png.toString("base64"), probes, scale] as const,
  );
}

for (const lang of ["en", "ko"] as const)
  for (const { id } of TEMPLATES)
    test(`the first PNG export of ${id} (${lang}) draws every node name`, async ({ page }) => {
      await open(page, `lang=${lang}&template=${id}`);
      await expect(page.locator(".react-flow__node").first()).toBeVisible();
      const exportName = lang === "ko" ? "내보내기" : "Export";
      const menu = async (item: string) => {
        await page.getByRole("button", { name: new RegExp(`^${exportName}`) }).click();
        const download = page.waitForEvent("download");
        await page.getByRole("menuitem", { name: item }).click();
        return readFileSync((await (await download).path())!);
      };
      const png = await menu(lang === "ko" ? "PNG 이미지" : "PNG image");
      const svg = (await menu(lang === "ko" ? "SVG 이미지" : "SVG image")).toString("utf8");
      // Export ▸ SVG carries the font's subsets its text needs, as data URLs (the file looks the
      // same on a machine without the font): Hangul ones too, for a Korean diagram.
      const faces = [
        ...svg.matchAll(/@font-face\{[^}]*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{100,}\)/g),
      ];
      expect(faces.length).toBeGreaterThan(0);
      const svgWidth = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
      const scale = png.readUInt32BE(16) / svgWidth;

      // Every named node's name is in the SVG the PNG was drawn from…
      const doc = await documentOf(page);
      const probes = labelProbes(svg);
      const names = probes.map((p) => p.text);
      for (const n of doc.nodes as { label?: string }[])
        if (n.label?.trim())
          expect(names.some((t) => n.label!.trim().startsWith(t.replace(/…$/, "")))).toBe(true);
      // …and its pixels are in the PNG.
      expect(probes.length).toBeGreaterThan(0);
      const drawn = await inked(page, png, probes, scale);
      expect(probes.filter((_, i) => !drawn[i]).map((p) => p.text)).toEqual([]);
    });
