/**
 * A tiny XML well-formedness checker for the renderer's tests (no XML parser among the
 * dependencies): elements must nest, attributes must be quoted and unique, `&` must start a
 * known entity, `<` never appears in text, and every character must be allowed by XML 1.0.
 * Returns the element tree with entities decoded.
 */
export interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /^[A-Za-z_][\w:.-]*/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;

function decode(s: string, at: number): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "<") throw new Error(`'<' in text or attribute near ${at + i}`);
    if (c !== "&") {
      out += c;
      continue;
    }
    const m = ENTITY.exec(s.slice(i));
    if (!m) throw new Error(`bad entity near ${at + i}: ${JSON.stringify(s.slice(i, i + 12))}`);
    const e = m[1]!;
    out +=
      e === "amp"
        ? "&"
        : e === "lt"
          ? "<"
          : e === "gt"
            ? ">"
            : e === "quot"
              ? '"'
              : e === "apos"
                ? "'"
                : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    i += m[0].length - 1;
  }
  return out;
}

/** Throws when a character is not allowed in an XML 1.0 document. */
export function assertXmlChars(xml: string): void {
  for (let i = 0; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const lo = xml.charCodeAt(i + 1);
      if (!(lo >= 0xdc00 && lo <= 0xdfff)) throw new Error(`lone high surrogate at ${i}`);
      i++;
      continue;
    }
    const ok =
      c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd);
    if (!ok) throw new Error(`character U+${c.toString(16)} not allowed at ${i}`);
  }
}

/** Parses `xml` (one root element, no prolog needed) or throws with the reason. */
export function parseXml(xml: string): XmlElement {
  assertXmlChars(xml);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > i) {
      const t = decode(xml.slice(i, textEnd), i);
      if (stack.length > 0) stack[stack.length - 1]!.children.push(t);
      else if (t.trim() !== "") throw new Error(`text outside the root at ${i}`);
    }
    if (lt === -1) break;
    const gt = xml.indexOf(">", lt);
    if (gt === -1) throw new Error(`unterminated tag at ${lt}`);
    let tag = xml.slice(lt + 1, gt);
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name)
        throw new Error(`</${name}> closes ${open ? `<${open.name}>` : "nothing"} at ${lt}`);
      i = gt + 1;
      continue;
    }
    if (tag.startsWith("!") || tag.startsWith("?"))
      throw new Error(`unexpected markup <${tag.slice(0, 10)} at ${lt}`);
    const selfClosing = tag.endsWith("/");
    if (selfClosing) tag = tag.slice(0, -1);
    const nm = NAME.exec(tag);
    if (!nm) throw new Error(`bad tag name at ${lt}`);
    const el: XmlElement = { name: nm[0], attrs: new Map(), children: [] };
    let rest = tag.slice(nm[0].length);
    while (rest.trim() !== "") {
      const am = /^\s+([A-Za-z_][\w:.-]*)="([^"]*)"/.exec(rest);
      if (!am)
        throw new Error(`bad attribute in <${el.name}> at ${lt}: ${JSON.stringify(rest.slice(0, 30))}`);
      if (el.attrs.has(am[1]!)) throw new Error(`duplicate attribute ${am[1]} at ${lt}`);
      el.attrs.set(am[1]!, decode(am[2]!, lt));
      rest = rest.slice(am[0].length);
    }
    if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
    else if (root) throw new Error(`second root element at ${lt}`);
    else root = el;
    if (!selfClosing) stack.push(el);
    i = gt + 1;
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]!.name}> never closed`);
  if (!root) throw new Error("no root element");
  return root;
}

/** Every element of the tree, depth first, document order. */
export function* elements(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) if (typeof c !== "string") yield* elements(c);
}

/** The text content of an element. */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === "string" ? c : textContent(c))).join("");
}

/** Text contents of the elements with this `class`, in document order. */
export function textsOfClass(root: XmlElement, cls: string): string[] {
  const out: string[] = [];
  for (const e of elements(root)) if (e.attrs.get("class") === cls) out.push(textContent(e));
  return out;
}
