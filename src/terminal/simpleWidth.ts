// string-width measures any non-ASCII string by grapheme (Intl.Segmenter), and the first
// segmenter in a process loads ICU's break-iterator data: ~20–40 ms of the console's first
// frame here, spent on a header whose only non-ASCII character is `·`. For text made only of
// code points that are each one narrow cell and their own grapheme — Latin-1, the
// punctuation, arrows, box drawing and shapes the console draws — the width is the number of
// code points, exactly what string-width would say. The build routes every string-width call
// through this first (scripts/string-width-fast.mjs); anything else goes to string-width.

/**
 * One cell each, in every string-width this bundle holds (Ink's 8.x and wrap-ansi's 7.x;
 * test/terminal/simpleWidth.test.ts checks every one): no controls, no soft hyphen, no
 * combining marks, nothing with an emoji presentation (©, ®, ‼, ↔, ▶, ◀, ◽… are left out:
 * string-width 7 counts them 2).
 */
const SIMPLE =
  /^[\u0020-\u007e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u00ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u2190-\u2193\u219a-\u21a8\u21ab-\u21ff\u2248\u23ce\u2500-\u25a9\u25ac-\u25b5\u25b7-\u25bf\u25c1-\u25fa\u25ff\u2713\u2717]*$/;

/** The width of `s` when every code point is one of the SIMPLE ones, else undefined. */
export function simpleWidth(s: string): number | undefined {
  // All of SIMPLE is in the Basic Multilingual Plane: one UTF-16 unit per code point.
  return SIMPLE.test(s) ? s.length : undefined;
}
