/** The colour tables: one source for the canvas stylesheet and the exports. */
import { readFileSync } from "node:fs";
import { KIND_DEFS, KINDS } from "../../../src/domain/kinds/catalog.ts";
import { THEMES, layerCssVariables, themeCssVariables } from "../../../src/render/colors.ts";

/** `--name: value;` declarations of one block of styles.css. */
function declarations(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  const block = css.slice(start, css.indexOf("}", start));
  return new Map([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

describe("colour tables", () => {
  it("names three variables per layer, as the stylesheet reads them", () => {
    const vars = layerCssVariables("light");
    expect(Object.keys(vars)).toHaveLength(Object.keys(THEMES.light.layers).length * 3);
    expect(vars["--hardware"]).toBe("#eef1f5");
    expect(vars["--hardware-b"]).toBe("#6b7686");
    expect(vars["--hardware-band"]).toBe("#d9dee6");
    expect(layerCssVariables("dark")["--container-b"]).toBe("#e3b341");
    expect(themeCssVariables("dark")["--bg"]).toBe(THEMES.dark.background);
  });

  it("agrees with every colour styles.css still declares", () => {
    const css = readFileSync(new URL("../../../src/styles.css", import.meta.url), "utf8");
    for (const [theme, selector] of [
      ["light", ":root"],
      ["dark", ':root[data-theme="dark"]'],
    ] as const) {
      const declared = declarations(css, selector);
      for (const [name, value] of Object.entries(themeCssVariables(theme))) {
        if (name === "--xy-edge-stroke") continue;
        const v = declared.get(name);
        if (v !== undefined) expect(`${name}: ${value}`).toBe(`${name}: ${v}`);
      }
    }
  });

  it("gives every layer of the catalog its colour rule in styles.css, reading the table's variables", () => {
    // The node view, the palette and the inspector's swatch set `sd-layer-<layer>` from the kind's
    // declared layer; the rule maps it to the colours colors.ts sets on :root.
    const css = readFileSync(new URL("../../../src/styles.css", import.meta.url), "utf8");
    const layers = new Set(KINDS.map((k) => KIND_DEFS[k].layer));
    expect([...layers].sort()).toEqual(Object.keys(THEMES.light.layers).sort());
    for (const layer of layers) {
      const declared = declarations(css, `.sd-layer-${layer}`);
      expect(Object.fromEntries(declared), layer).toEqual({
        "--fill": `var(--${layer})`,
        "--b": `var(--${layer}-b)`,
        "--band": `var(--${layer}-band)`,
      });
    }
  });
});
