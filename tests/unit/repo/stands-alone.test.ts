/**
 * The repository stands on its own: a clone with nothing beside it builds, tests and documents
 * itself. No tracked file may point outside the checkout at the brief the project started from.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
// Spelled in pieces so that this file does not match itself.
const OUTSIDE = ["..", "shared"].join("/");

function trackedFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  });
  return out.split("\0").filter((f) => f !== "");
}

describe("the repository stands on its own", () => {
  it("no tracked file names the folder beside the checkout", () => {
    const offenders: string[] = [];
    for (const file of trackedFiles()) {
      let text: string;
      try {
        text = readFileSync(path.join(root, file), "utf8");
      } catch {
        continue; // deleted in the working tree
      }
      text.split("\n").forEach((line, i) => {
        if (line.includes(OUTSIDE)) offenders.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it("the rule fixtures the tests judge are the repository's own copy", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts["test:fixtures"]).toContain("tests/fixtures/rules");
    expect(trackedFiles()).toContain("tests/fixtures/rules/expected.json");
  });
});
