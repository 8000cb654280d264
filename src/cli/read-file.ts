/**
 * How the CLI reads an input file: the size is checked before a byte is read, and the read is
 * bounded (at most LIMITS.bytes + 1 bytes, however the file grows meanwhile), so a 1 GB file is
 * refused at once and a device such as /dev/zero (endless, size 0) is refused instead of read
 * forever. Only regular files are read.
 */
import { open } from "node:fs/promises";
import { LIMITS } from "../domain/limits.ts";
import type { IoError } from "../io/errors/types.ts";
import { cannotRead } from "./errors.ts";

export type ReadInput =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; error: IoError<"cannotRead" | "tooLarge" | "composeTooLarge"> };

/** The kind of a file that is not a regular file, as the message names it. */
function kindOf(st: {
  isDirectory(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
}): "directory" | "device" | "pipe" | "socket" | "other" {
  if (st.isDirectory()) return "directory";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "device";
  if (st.isFIFO()) return "pipe";
  if (st.isSocket()) return "socket";
  return "other";
}

/** Reads `file` within the size limit; `as` says which error a file over it gets. */
export async function readInput(file: string, as: "document" | "compose" = "document"): Promise<ReadInput> {
  const max = LIMITS.bytes;
  const tooLarge = (bytes: number): ReadInput =>
    as === "compose"
      ? { ok: false, error: { path: "$", code: "composeTooLarge", params: {} } }
      : { ok: false, error: { path: "$", code: "tooLarge", params: { bytes } } };
  let handle;
  try {
    handle = await open(file, "r");
  } catch (e) {
    return { ok: false, error: cannotRead(e) };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile())
      return {
        ok: false,
        error: { path: "$", code: "cannotRead", params: { cause: "notAFile", kind: kindOf(st) } },
      };
    if (st.size > max) return tooLarge(st.size);
    // Bounded: one byte past the limit tells a file that grew since stat.
    const buf = new Uint8Array(Math.min(st.size, max) + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got > max) return tooLarge(got);
      if (got === buf.length) break;
    }
    return { ok: true, bytes: buf.subarray(0, got) };
  } catch (e) {
    return { ok: false, error: cannotRead(e) };
  } finally {
    await handle.close();
  }
}
