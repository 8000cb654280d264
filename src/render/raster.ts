/**
 * How large a PNG of a diagram may be. Browsers refuse canvases past 32,767 px a side or about
 * 268 Mpx in all (Chromium), encoding time grows with the pixels (64 Mpx took 1.5 s), and a
 * huge PNG helps nobody: past these caps the density drops below the asked-for scale instead.
 */
export const PNG_LIMITS = { side: 8_192, pixels: 16_000_000 } as const;

/** The scale to rasterise a `width` × `height` drawing at: `wanted`, or less to stay in the caps. */
export function pngScale(width: number, height: number, wanted: number): number {
  if (!(width > 0 && height > 0)) return wanted;
  return Math.min(
    wanted,
    PNG_LIMITS.side / width,
    PNG_LIMITS.side / height,
    Math.sqrt(PNG_LIMITS.pixels / (width * height)),
  );
}

/**
 * The smallest text a PNG draws, in its own pixels. Below it a line of text is a smudge nobody can
 * read, and drawing it is most of the cost of a huge PNG (the browser lays out every `<text>`).
 */
export const MIN_TEXT_PX = 3;

/**
 * `svg` (from src/render/svg.ts) without the `<text>` elements that would come out smaller than
 * {@link MIN_TEXT_PX} in a PNG of `density` pixels per SVG unit; the boxes, colours, edges and
 * the text big enough to read stay. The same `svg` when every text is big enough.
 */
export function legibleText(svg: string, density: number, minPx = MIN_TEXT_PX): string {
  // The renderer escapes text content, so a `<text>` holds no `<` until its end tag.
  return svg.replace(/<text\b[^>]*\bfont-size="([\d.]+)"[^>]*>[^<]*<\/text>/g, (whole, size: string) =>
    Number(size) * density < minPx ? "" : whole,
  );
}
