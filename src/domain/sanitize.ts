// Terminal escape sequences and control characters, matched in one pass:
// - CSI: ESC [ or 8-bit 0x9b, parameters, intermediates, final byte (final may be cut off);
// - string sequences: OSC (ESC ] / 0x9d), DCS (ESC P / 0x90), SOS (ESC X / 0x98),
//   PM (ESC ^ / 0x9e), APC (ESC _ / 0x9f), up to BEL, ST (ESC \ or 0x9c) or the end of the
//   text; an unterminated one is dropped whole, as a terminal would swallow it;
// - any other ESC with its intermediates and final byte (ESC c, ESC ( B, …);
// - remaining C0 (except tab, LF, CR, handled below), DEL and C1.
const SEQUENCES =
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)|\x1b[ -/]*[0-~]?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
const WHITESPACE_CONTROLS = /[\t\n\r]/g;
const ANY_CONTROL = /[\x00-\x1f\x7f-\x9f]/;

/** Makes untrusted server text safe for a terminal: strips escape sequences and C0/C1 controls, keeps printable Unicode; tabs and newlines become spaces. */
export function sanitize(text: unknown): string {
  const s = text === undefined || text === null ? '' : typeof text === 'string' ? text : String(text);
  // Fast path: most names and slugs are plain; rosters sanitise thousands of cells per frame.
  if (!ANY_CONTROL.test(s)) return s;
  return s.replace(SEQUENCES, '').replace(WHITESPACE_CONTROLS, ' ');
}
