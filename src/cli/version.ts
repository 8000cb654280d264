/** Stackdraw's version, from package.json (read once, beside the sources, not from the working directory). */
import { readFileSync } from "node:fs";

let version: string | undefined;

export function stackdrawVersion(): string {
  if (version === undefined) {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version?: unknown;
    };
    version = typeof pkg.version === "string" ? pkg.version : "0.0.0";
  }
  return version;
}
