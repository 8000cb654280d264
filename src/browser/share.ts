/**
 * Share links: the document, deflated and base64url-encoded, in the URL fragment (never sent to
 * any server), and unpacked again with a decompression limit (a small link can be a zip bomb).
 */

export { SHARE_PREFIX } from "./share-prefix.ts";
import { SHARE_PREFIX } from "./share-prefix.ts";
/** Links longer than this are refused: browsers and chat apps cut long URLs. */
export const SHARE_MAX_CHARS = 1_500_000;

function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    // A small link can inflate into gigabytes (a zip bomb): stop at the document limit.
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function shareFragment(json: string): Promise<string> {
  const packed = await pipe(
    new TextEncoder().encode(json),
    new CompressionStream("deflate-raw"),
    Number.POSITIVE_INFINITY,
  );
  return SHARE_PREFIX + toBase64Url(packed!);
}

export type ShareDecode =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: "too-long" | "broken" | "too-large" };

/** Unpacks a share fragment into the document's bytes (then read them with readDocument). */
export async function decodeShareFragment(hash: string, maxBytes: number): Promise<ShareDecode> {
  const body = hash.slice(SHARE_PREFIX.length);
  if (body.length > SHARE_MAX_CHARS) return { ok: false, reason: "too-long" };
  const packed = fromBase64Url(body);
  if (!packed) return { ok: false, reason: "broken" };
  try {
    const bytes = await pipe(packed, new DecompressionStream("deflate-raw"), maxBytes);
    return bytes ? { ok: true, bytes } : { ok: false, reason: "too-large" };
  } catch {
    return { ok: false, reason: "broken" };
  }
}
