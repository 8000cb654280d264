/**
 * Text from a document on its way into SVG: made valid XML 1.0 and escaped, so that it is only
 * ever drawn as characters (reliability.md, promise 7: text stays text).
 */

/** Whether `c` (a UTF-16 code unit that is not a surrogate) may not appear in the output. */
function dropped(c: number): boolean {
  // C0 controls (tab, LF, CR are handled by the callers), DEL and C1 controls, and the two
  // noncharacters XML 1.0 forbids.
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffe || c === 0xffff;
}

/**
 * Makes `text` drawable on one line: tabs and line breaks become spaces; control characters,
 * lone surrogates and the characters XML 1.0 forbids are removed. Everything else (emoji,
 * Hangul, bidi marks) is kept as it is. Not escaped yet: see {@link escapeXml}.
 */
export function cleanText(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const lo = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        i++;
        continue;
      }
    } else if (!(c >= 0xdc00 && c <= 0xdfff) && !dropped(c)) continue;
    out += text.slice(from, i);
    if (c === 0x09 || c === 0x0a || c === 0x0d) out += " ";
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

const ENTITY: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Escapes `text` for XML character data or a quoted attribute value: `& < > " '` become entities,
 * and whatever XML 1.0 cannot hold (control characters other than tab and line breaks, lone
 * surrogates, U+FFFE, U+FFFF) is removed, so the result is always well-formed.
 */
export function escapeXml(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let rep: string;
    if (c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x27) rep = ENTITY[text[i]!]!;
    else if (c >= 0x20 && c < 0x7f) continue;
    else if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const lo = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        i++;
        continue;
      }
      rep = "";
    } else if ((c >= 0xdc00 && c <= 0xdfff) || dropped(c)) rep = "";
    else continue;
    out += text.slice(from, i) + rep;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Escapes `text` for a quoted attribute value: as {@link escapeXml}, and tabs and line breaks as
 * character references, which XML's attribute-value normalization would otherwise turn into
 * spaces. What a reader gets back is the text itself, less what XML 1.0 cannot hold.
 */
export function escapeAttr(text: string): string {
  const e = escapeXml(text);
  return /[\t\n\r]/.test(e) ? e.replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;") : e;
}
