import {execFile} from 'node:child_process';
import {cpSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {BINARY} from './support/tmux.js';

// The split bundle (scripts/build.mjs): each path loads only its piece, with the code cache
// the build wrote; a cache from another Node is refused by V8 and the piece still runs.
const sh = promisify(execFile);
const DEBUG = {...process.env, PLEXCONSOLE_DEBUG_PIECES: '1'};
const pieces = (stderr: string) => [...stderr.matchAll(/piece (\w+): (code cache \w+|no code cache)/g)].map((m) => `${m[1]}: ${m[2]}`);

describe('pieces of the bundle', () => {
  it('--version loads no piece at all', async () => {
    const r = await sh(process.execPath, [BINARY, '--version'], {env: DEBUG});
    expect(r.stdout).toMatch(/^plexconsole \d/);
    expect(pieces(r.stderr)).toEqual([]);
  });

  it('--help and completion load only the commands piece, from its code cache', async () => {
    for (const args of [['--help'], ['completion', 'zsh'], ['help', 'whoami']]) {
      const r = await sh(process.execPath, [BINARY, ...args], {env: DEBUG});
      expect(r.stdout.length).toBeGreaterThan(100);
      expect(pieces(r.stderr)).toEqual(['commands: code cache accepted']);
    }
  });

  it('the sandbox loads only the sandbox piece', async () => {
    const r = await sh(process.execPath, [BINARY, 'sandbox', '--help'], {env: DEBUG}).catch((e: {stdout: string; stderr: string}) => e);
    expect(r.stdout + r.stderr).toContain('usage: plexconsole sandbox');
    expect(pieces(r.stderr)).toEqual(['sandbox: code cache accepted']);
  });

  it('a code cache V8 refuses (another Node made it) costs speed, not correctness', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'plexconsole-dist-'));
    cpSync(join(BINARY, '..'), dist, {recursive: true, filter: (src) => !/plexconsole-(linux|darwin|win32)-/.test(src)});
    writeFileSync(join(dist, 'chunks', 'commands.cjs.cache'), Buffer.alloc(4096, 7));
    const fresh = await sh(process.execPath, [BINARY, 'completion', 'bash'], {env: DEBUG});
    const r = await sh(process.execPath, [join(dist, 'plexconsole.cjs'), 'completion', 'bash'], {env: DEBUG});
    expect(pieces(r.stderr)).toEqual(['commands: code cache rejected']);
    expect(r.stdout).toBe(fresh.stdout);
  });
});
