// The bearer credential the client holds, redacted by its exact value wherever anything is
// printed: a server that echoes the token (in a Problem detail, a name, a body excerpt)
// must not get it onto the operator's screen, a CI log or a crash report. A pattern such as
// `Bearer <word>` misses a letters-only token and a bare echo; the exact string does not.
import {sanitize, type SafeText} from '../domain/sanitize.js';

const held = new Set<string>();
// Replacing a two-letter "token" everywhere would shred every message; real bearers are long.
const MIN_LENGTH = 6;

/** Remembers a credential this process sends, so no printed text can carry it. */
export function holdCredential(token: string): void {
  if (token.length >= MIN_LENGTH) held.add(token);
}

/** Replaces every credential this process holds by `[redacted]`. */
export function redactCredentials(text: string): string {
  let out = text;
  for (const t of held) if (out.includes(t)) out = out.split(t).join('[redacted]');
  return out;
}

/** Untrusted server text made safe to print: escape sequences, controls and invisible
 * characters removed, and the held credential redacted (before and after, so a token split
 * by an escape sequence is caught once the sequence is gone). */
export function serverText(value: unknown): SafeText {
  const s = value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value);
  return redactCredentials(sanitize(redactCredentials(s))) as SafeText;
}
