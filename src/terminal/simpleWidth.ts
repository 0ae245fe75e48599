// string-width, slice-ansi and Ink's ansi-tokenize split text into graphemes with
// Intl.Segmenter, and the first segmenter in a process loads ICU's break-iterator data:
// ~17–40 ms of the console's first frame here, for a screen whose only non-ASCII characters
// are `·`, `…` and arrows. For text made only of code points that are each one narrow cell
// and their own grapheme — Latin-1, the punctuation, arrows, box drawing and shapes the
// console draws — the width is the number of code points and every code point is a
// grapheme, exactly what string-width and Intl.Segmenter would say. The build routes every
// string-width call and every one of those segmenters through here first
// (scripts/string-width-fast.mjs); anything else goes to the real ones, made on first use.

/**
 * One cell each, in every string-width this bundle holds (Ink's 8.x and wrap-ansi's 7.x;
 * test/terminal/simpleWidth.test.ts checks every one): no controls, no soft hyphen, no
 * combining marks, nothing with an emoji presentation (©, ®, ‼, ↔, ▶, ◀, ◽… are left out:
 * string-width 7 counts them 2).
 */
const SIMPLE_SET =
  '\\u0020-\\u007e\\u00a0-\\u00a8\\u00aa-\\u00ac\\u00af-\\u00ff\\u2010-\\u2027\\u2030-\\u203b\\u203d-\\u2048\\u204a-\\u205e\\u2190-\\u2193\\u219a-\\u21a8\\u21ab-\\u21ff\\u2248\\u23ce\\u2500-\\u25a9\\u25ac-\\u25b5\\u25b7-\\u25bf\\u25c1-\\u25fa\\u25ff\\u2713\\u2717';
const SIMPLE = new RegExp(`^[${SIMPLE_SET}]*$`);
/** SIMPLE plus the controls (ESC of an SGR sequence, tab, newline…), each its own grapheme;
 * not CR, which pairs with a following LF. */
const SIMPLE_OR_CONTROL = new RegExp(`^[${SIMPLE_SET}\\u0000-\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$`);

/** The width of `s` when every code point is one of the SIMPLE ones, else undefined. */
export function simpleWidth(s: string): number | undefined {
  // All of SIMPLE is in the Basic Multilingual Plane: one UTF-16 unit per code point.
  return SIMPLE.test(s) ? s.length : undefined;
}

type Segment = {segment: string; index: number; input: string};
type Segments = Iterable<Segment> & {containing(index?: number): Segment | undefined};
type GraphemeSegmenter = {segment(input: string): Segments};

/**
 * Stands in for `new Intl.Segmenter(locales, options)` at grapheme granularity: text of
 * SIMPLE code points and controls is split one code point per grapheme without ICU; other
 * text goes to a real Intl.Segmenter, made the first time one is needed.
 */
export function graphemeSegmenter(locales?: string | string[], options?: {granularity?: string}): GraphemeSegmenter | Intl.Segmenter {
  if (options?.granularity !== undefined && options.granularity !== 'grapheme') return new Intl.Segmenter(locales, options as Intl.SegmenterOptions);
  let real: Intl.Segmenter | undefined;
  return {
    segment(input: string): Segments {
      if (!SIMPLE_OR_CONTROL.test(input)) return (real ??= new Intl.Segmenter(locales, {granularity: 'grapheme'})).segment(input);
      const at = (index: number): Segment | undefined => (index >= 0 && index < input.length ? {segment: input[index] as string, index, input} : undefined);
      return {
        *[Symbol.iterator]() {
          for (let i = 0; i < input.length; i++) yield at(i) as Segment;
        },
        containing: (index = 0) => at(Math.trunc(index)),
      };
    },
  };
}
