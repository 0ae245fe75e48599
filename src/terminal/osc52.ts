import {closeSync, openSync, writeSync} from 'node:fs';

// Terminals cap OSC sequences; Gemini CLI settled on 100,000 bytes. A bootstrap
// token is ~100 bytes, so hitting the cap means something is wrong: refuse.
const MAX_SEQUENCE_BYTES = 100_000;
// GNU screen truncates DCS strings longer than 256 bytes.
const SCREEN_CHUNK = 240;

export type CopyResult = {readonly ok: true; readonly via: string} | {readonly ok: false; readonly why: string};

/** The OSC 52 "set clipboard" sequences for `text`, wrapped for tmux or screen as `env` says. */
export function osc52Sequences(text: string, env: NodeJS.ProcessEnv): string[] {
  const payload = Buffer.from(text, 'utf8').toString('base64');
  const osc = `\x1b]52;c;${payload}\x07`;
  if (osc.length > MAX_SEQUENCE_BYTES) return [];
  if (env['TMUX']) {
    // Raw OSC 52 reaches the clipboard when tmux has `set-clipboard on`; the DCS
    // passthrough (ESC doubled inside) when it has `allow-passthrough on`. Sending
    // both covers either setup and sets the same value twice at worst.
    return [osc, `\x1bPtmux;${osc.replaceAll('\x1b', '\x1b\x1b')}\x1b\\`];
  }
  if ((env['TERM'] ?? '').startsWith('screen') || env['STY']) {
    const chunks: string[] = [];
    for (let i = 0; i < osc.length; i += SCREEN_CHUNK) chunks.push(`\x1bP${osc.slice(i, i + SCREEN_CHUNK)}\x1b\\`);
    return [chunks.join('')];
  }
  return [osc];
}

/**
 * Writes the clipboard sequence to the controlling terminal (`/dev/tty`), not to
 * stdout, which may be piped or owned by Ink. We cannot know whether the terminal
 * honoured it, so callers must say "sent", never "copied".
 */
export function copyToClipboard(text: string, env: NodeJS.ProcessEnv = process.env, ttyPath = '/dev/tty'): CopyResult {
  if (env['TERM'] === 'dumb') return {ok: false, why: 'this terminal (TERM=dumb) has no clipboard support'};
  const sequences = osc52Sequences(text, env);
  if (sequences.length === 0) return {ok: false, why: 'value too large for the terminal clipboard'};
  let fd: number;
  try {
    fd = openSync(ttyPath, 'w');
  } catch {
    return {ok: false, why: 'no controlling terminal to send the clipboard sequence to'};
  }
  try {
    for (const seq of sequences) writeSync(fd, seq);
  } finally {
    closeSync(fd);
  }
  const via = env['TMUX'] ? 'OSC 52 via tmux' : env['STY'] ? 'OSC 52 via screen' : 'OSC 52';
  return {ok: true, via};
}
