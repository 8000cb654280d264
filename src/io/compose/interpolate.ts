/**
 * Compose's variable interpolation (the Compose Specification, "Interpolation"): `$VAR`,
 * `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`,
 * `${VAR:+alt}`, `${VAR+alt}`, defaults that hold further `${…}`, and `$$` for a literal `$`.
 * Applied to the values the importer reads (image, platform, build context, network_mode,
 * profiles, dependency names), never to keys; environment values, commands and labels are never
 * read. An unset variable without a default becomes "" and is named; `:?` / `?` fail with their message.
 */

/** The variables: `.env` beside the file, then (in the CLI) the environment, which wins. */
export type Variables = ReadonlyMap<string, string>;

export type Interpolated =
  { ok: true; value: string; unset: string[] } | { ok: false; name: string; message: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Interpolates one value. Never throws; nesting is bounded by the text's length. */
export function interpolate(text: string, vars: Variables, depth = 0): Interpolated {
  if (!text.includes("$") || depth > 16) return { ok: true, value: text, unset: [] };
  let out = "";
  const unset: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== "$") {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === "$") {
      out += "$";
      i += 2;
      continue;
    }
    if (next === "{") {
      // Find the matching brace, counting nested ${…}.
      let j = i + 2;
      let level = 1;
      while (j < text.length && level > 0) {
        if (text[j] === "$" && text[j + 1] === "{") {
          level++;
          j += 2;
          continue;
        }
        if (text[j] === "}") level--;
        if (level > 0) j++;
      }
      if (level > 0) {
        out += text.slice(i); // unclosed: kept as written
        break;
      }
      const inner = text.slice(i + 2, j);
      const m = NAME.exec(inner);
      if (!m) {
        out += text.slice(i, j + 1);
        i = j + 1;
        continue;
      }
      const name = m[0];
      const rest = inner.slice(name.length);
      const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest)?.[0];
      const word = op !== undefined ? rest.slice(op.length) : "";
      const has = vars.has(name);
      const val = vars.get(name) ?? "";
      const sub = (w: string): string | Interpolated => {
        const r = interpolate(w, vars, depth + 1);
        if (!r.ok) return r;
        unset.push(...r.unset);
        return r.value;
      };
      let piece: string | Interpolated;
      if (op === undefined) {
        if (rest !== "") piece = text.slice(i, j + 1);
        else {
          if (!has) unset.push(name);
          piece = val;
        }
      } else if (op === ":-") piece = has && val !== "" ? val : sub(word);
      else if (op === "-") piece = has ? val : sub(word);
      else if (op === ":?" || op === "?") {
        if (has && (op === "?" || val !== "")) piece = val;
        else {
          const msg = sub(word);
          return typeof msg === "string" ? { ok: false, name, message: msg } : msg;
        }
      } else if (op === ":+") piece = has && val !== "" ? sub(word) : "";
      else piece = has ? sub(word) : "";
      if (typeof piece !== "string") return piece;
      out += piece;
      i = j + 1;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (m) {
      if (!vars.has(m[0])) unset.push(m[0]);
      out += vars.get(m[0]) ?? "";
      i += 1 + m[0].length;
      continue;
    }
    out += "$";
    i++;
  }
  return { ok: true, value: out, unset: [...new Set(unset)] };
}

/** A `.env` file's variables: `NAME=value` lines, `#` comments, optional `export `, quotes removed. */
export function parseDotEnv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2]!;
    if (
      (v.startsWith('"') && v.endsWith('"') && v.length >= 2) ||
      (v.startsWith("'") && v.endsWith("'") && v.length >= 2)
    )
      v = v.slice(1, -1);
    else v = v.replace(/\s+#.*$/, "");
    out.set(m[1]!, v);
  }
  return out;
}
