/**
 * Bidirectional text inside sentences. A label is the person's text: a right-to-left one, or one
 * holding an override such as U+202E, must not reorder the sentence around it ("the kernel
 * "‮abc" runs …" mirrored whole). Wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
 * (U+2068 … U+2069), it is laid out on its own and every embedding or override it opens ends with
 * it (Unicode Bidirectional Algorithm, rule X6a). Text with no right-to-left letter and no bidi
 * control is left as it is, so ordinary messages stay byte-for-byte what they were.
 */

/** Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo… and their presentation forms) and bidi controls. */
const BIDI_SENSITIVE =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\ud802[\udc00-\udfff]|\ud803[\udc00-\udfff]|\ud83a[\udc00-\udfff]|\ud83b[\udc00-\udeff]/;

export const FSI = "\u2068";
export const PDI = "\u2069";

/** Whether `text` holds a right-to-left letter or a bidi control. */
export function needsIsolation(text: string): boolean {
  return BIDI_SENSITIVE.test(text);
}

/** `text` isolated for use inside a sentence, when it needs it. */
export function isolate(text: string): string {
  return needsIsolation(text) ? `${FSI}${text}${PDI}` : text;
}
