/** Runs the CLI in-process and writes scratch files for it: shared by the CLI tests. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/main.ts";

export function scratchDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    path: (name: string) => join(dir, name),
    /** Writes a file (JSON-encoding anything that is not text or bytes) and returns its path. */
    file(name: string, content: unknown): string {
      const p = join(dir, name);
      writeFileSync(
        p,
        typeof content === "string" || content instanceof Uint8Array ? content : JSON.stringify(content),
      );
      return p;
    },
  };
}

export async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}
