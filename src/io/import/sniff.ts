/**
 * Which importer a dropped file is for, from its first bytes (docs/import.md: dropping a .yml,
 * .yaml or .json file picks the importer by content). Cheap and without a YAML parser, so the
 * editor can ask before loading one: the importer itself then reads the file properly and refuses,
 * naming the right importer, whatever this guessed wrong.
 */
export type DroppedFormat = "stackdraw" | "compose" | "k8s" | "ecs";

/** The format of a file's text, judged on its first 64 KB; undefined when nothing says. */
export function sniffFormat(text: string): DroppedFormat | undefined {
  const head = text.slice(0, 65_536).replace(/^\uFEFF/, "");
  if (/"format"\s*:\s*"stackdraw"/.test(head)) return "stackdraw";
  if (/AWS::ECS::TaskDefinition|["']?containerDefinitions["']?\s*:|^\s*\{\s*"taskDefinition"\s*:/m.test(head))
    return "ecs";
  const json = /^\s*[{[]/.test(head);
  const key = (k: string) => (json ? new RegExp(`"${k}"\\s*:`) : new RegExp(`^${k}\\s*:`, "m"));
  if (key("apiVersion").test(head) && key("kind").test(head)) return "k8s";
  if (!json && /^(services|include|name|version|volumes|networks|x-[\w-]+)\s*:/m.test(head)) return "compose";
  return undefined;
}
