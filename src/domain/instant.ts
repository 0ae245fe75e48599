// A point in time given on the command line: RFC 3339, or a Go duration meaning "that long ago".
import {parseGoDuration} from './duration.js';

// RFC 3339 date-time (Z or ±hh:mm offset); Date.parse alone would accept many other shapes.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Epoch ms of `2026-05-01T10:00:00Z` or of `now - 1h` for `1h`; undefined when neither. */
export function parseInstant(s: string, nowMs: number): number | undefined {
  const text = s.trim();
  if (RFC3339.test(text)) {
    const ms = Date.parse(text.replace(' ', 'T'));
    return Number.isNaN(ms) ? undefined : ms;
  }
  const ago = parseGoDuration(text);
  return ago === undefined || ago < 0 ? undefined : nowMs - ago;
}
