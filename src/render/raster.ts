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
