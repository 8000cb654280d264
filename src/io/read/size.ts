/** Stage 1, size: refuses input over LIMITS.bytes before decoding or parsing any of it. */
import { LIMITS } from "../../domain/document.ts";
import { fail, type StageResult } from "./stage.ts";

function bytesOfUtf8(s: string, stopAbove: number): number {
  let bytes = 0;
  for (let i = 0; i < s.length && bytes <= stopAbove; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The input itself when it is at most LIMITS.bytes (as UTF-8), else `tooLarge`. */
export function checkSize(input: string | Uint8Array): StageResult<string | Uint8Array> {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so long strings are refused unmeasured.
  const bytes =
    typeof input === "string"
      ? input.length > LIMITS.bytes
        ? input.length
        : input.length * 3 <= LIMITS.bytes
          ? input.length
          : bytesOfUtf8(input, LIMITS.bytes)
      : input.byteLength;
  if (bytes > LIMITS.bytes) return fail("$", "tooLarge", { bytes });
  return { ok: true, value: input };
}
