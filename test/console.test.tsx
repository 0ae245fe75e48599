import {Console} from 'node:console';
import {EventEmitter} from 'node:events';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {createClient} from '../src/api/client.js';
import {runConsole} from '../src/console.js';
import type {ConsoleInfo} from '../src/hooks/ApiProvider.js';
import {TerminalSession} from '../src/terminal/session.js';

/** A terminal's input side as Ink needs it (raw mode, ref/unref), fed by nothing. */
class FakeTtyIn extends EventEmitter {
  isTTY = true;
  setRawMode() {}
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read() {
    return null;
  }
}

function fakeTtyOut(): {out: PassThrough & {isTTY: boolean; columns: number; rows: number}; text(): string} {
  const out = Object.assign(new PassThrough(), {isTTY: true, columns: 80, rows: 24});
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  return {out, text: () => chunks.join('')};
}

// Ink patches `console` through `console.Console`, which vitest's console object lacks.
Object.assign(console, {Console});

describe('runConsole exit paths', () => {
  it('a render crash erases the alternate screen before leaving it, then reports on stderr with 70', async () => {
    const stdout = fakeTtyOut();
    const stderr = fakeTtyOut();
    // The header reads the server host while rendering: throwing there is a render crash.
    const info = {profileLabel: 'test', readOnly: false, get serverHost(): string {
      throw new Error('boom in render');
    }} as ConsoleInfo;
    const session = new TerminalSession({}, '/nonexistent/tty');
    // Pretend a plaintext was shown and left open: the crash path must clear the scrollback and name it.
    session.plaintextShown({tokenId: '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1', projectId: '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0', expiresAt: '2999-01-01T00:00:00Z'});
    const client = createClient({server: 'http://127.0.0.1:9', token: 'pst_test', timeoutMs: 200});
    const code = await runConsole({client, info, initialRoute: {name: 'projects'}, stdin: new FakeTtyIn() as never, stdout: stdout.out, stderr: stderr.out, session});
    await client.close();
    expect(code).toBe(70);
    const out = stdout.text();
    expect(out.startsWith('\x1b[?1049h\x1b[H')).toBe(true);
    expect(out.endsWith('\x1b[H\x1b[2J\x1b[3J\x1b[?25h\x1b[?1049l')).toBe(true);
    const err = stderr.text();
    expect(err).toContain('--token-id 0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1');
    expect(err).toContain('plexconsole: internal error: boom in render');
  });
});
