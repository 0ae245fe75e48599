// Reads back what a test "terminal" received: the payloads of OSC 52 set-clipboard sequences.

// eslint-disable-next-line no-control-regex
const OSC52 = /\x1b\]52;c;([A-Za-z0-9+/=]*)\x07/g;

/** The decoded text of every OSC 52 clipboard write in `bytes`, in order. */
export function clipboardWrites(bytes: string): string[] {
  return [...bytes.matchAll(OSC52)].map((m) => Buffer.from(m[1] ?? '', 'base64').toString('utf8'));
}
