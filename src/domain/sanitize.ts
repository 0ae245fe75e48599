// Terminal escape sequences and control characters, matched in one pass:
// - CSI: ESC [ or 8-bit 0x9b, parameters, intermediates, final byte (final may be cut off);
// - string sequences: OSC (ESC ] / 0x9d), DCS (ESC P / 0x90), SOS (ESC X / 0x98),
//   PM (ESC ^ / 0x9e), APC (ESC _ / 0x9f), up to BEL, ST (ESC \ or 0x9c) or the end of the
//   text; an unterminated one is dropped whole, as a terminal would swallow it;
// - any other ESC with its intermediates and final byte (ESC c, ESC ( B, …);
// - remaining C0 (except tab, LF, CR, handled below), DEL and C1;
// - invisible format characters (Unicode category Cf): bidi overrides and isolates
//   (U+202A–202E, U+2066–2069), marks (U+200E/F, U+061C), zero-width spaces and joiners
//   (U+200B–200D, U+2060, U+FEFF), tag characters. A cut table cell can leave an unclosed
//   right-to-left override that flips the rest of the line; a zero-width character makes
//   two different names look the same. None of them carries meaning an operator can see,
//   except a zero-width joiner between two emoji (👩‍💻), which is kept.
const SEQUENCES =
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)|\x1b[ -/]*[0-~]?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|(?!\u200d)\p{Cf}|\u200d(?!\p{Extended_Pictographic})|(?<!\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\uFE0F]?)\u200d/gu;
// Line and paragraph separators (U+2028/2029) break a line like LF does.
const WHITESPACE_CONTROLS = /[\t\n\r\u2028\u2029]/g;
const ANY_CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\p{Cf}]/u;

/** Makes untrusted text safe for a terminal: strips escape sequences, C0/C1 controls and
 * invisible bidi/zero-width characters, keeps printable Unicode; tabs and newlines become spaces. */
export function sanitize(text: unknown): string {
  const s = text === undefined || text === null ? '' : typeof text === 'string' ? text : String(text);
  // Fast path: most names and slugs are plain; rosters sanitise thousands of cells per frame.
  if (!ANY_CONTROL.test(s)) return s;
  return s.replace(SEQUENCES, '').replace(WHITESPACE_CONTROLS, ' ');
}

/** True when `text` holds anything `sanitize` would change (a control, escape or invisible character). */
export function hasUnsafeText(text: string): boolean {
  return ANY_CONTROL.test(text);
}

declare const safeTextBrand: unique symbol;
/** Server text that went through `sanitize` where it entered (src/api/credential.ts `serverText`): safe to render. */
export type SafeText = string & {readonly [safeTextBrand]: true};

