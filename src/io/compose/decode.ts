/**
 * Stage 1 of the Docker Compose importer, decode: the file's text — strict UTF-8 (a byte-order
 * mark dropped) and at most LIMITS.bytes, refused before the YAML parser sees any of it.
 */
import { checkSize } from "../read/size.ts";
import { firstInvalidUtf8 } from "../read/json-text.ts";
import type { ComposeError } from "../errors/types.ts";

export type DecodeResult = { ok: true; text: string } | { ok: false; errors: ComposeError[] };

/** Text as it is, or bytes decoded as UTF-8 (or UTF-16 with its byte order mark); then the size limit. */
export function decodeCompose(input: string | Uint8Array): DecodeResult {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    const utf16 =
      input[0] === 0xff && input[1] === 0xfe
        ? "utf-16le"
        : input[0] === 0xfe && input[1] === 0xff
          ? "utf-16be"
          : undefined;
    try {
      text = new TextDecoder(utf16 ?? "utf-8", { fatal: true }).decode(input);
      if (utf16 !== undefined && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    } catch {
      // The reader's rule: refused, naming the first byte that is not UTF-8.
      const offset = utf16 !== undefined ? 0 : (firstInvalidUtf8(input) ?? 0);
      return { ok: false, errors: [{ path: "$", code: "cannotRead", params: { cause: "notUtf8", offset } }] };
    }
  }
  if (!checkSize(text).ok) return { ok: false, errors: [{ path: "$", code: "composeTooLarge", params: {} }] };
  return { ok: true, text };
}
