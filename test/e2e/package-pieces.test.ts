import {execFile} from 'node:child_process';
import {chmodSync, cpSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../support/sandbox.js';
import {BINARY} from './support/tmux.js';

// The split bundle (scripts/build.mjs): each path loads only its piece, with the code cache
// the build wrote; a cache from another Node is refused by V8 and the piece still runs.
const sh = promisify(execFile);
const DEBUG = {...process.env, PLEXCONSOLE_DEBUG_PIECES: '1'};
const pieces = (stderr: string) => [...stderr.matchAll(/piece (\w+): (code cache \w+|no code cache)/g)].map((m) => `${m[1]}: ${m[2]}`);

// What a headless verb loads of Node's own modules: a process-exit hook lists them.
const LIST_BUILTINS = `process.on('exit', () => process.stderr.write('builtins: ' + process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)).join(' ') + '\\n'));`;
const builtins = (stderr: string) => (/builtins: (.*)/.exec(stderr)?.[1] ?? '').split(' ');

describe('pieces of the bundle', () => {
  const sandbox = useSandbox();
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

  it('a verb against a plain-http server runs from the code cache and loads no TLS, HTTP/2 or readline', async () => {
    // The build writes the caches after undici's parser is compiled (scripts/undici-patches.mjs
    // sets and resets a V8 flag): they must still match a fresh start's flag hash.
    const dir = mkdtempSync(join(tmpdir(), 'plexconsole-verb-'));
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, `${sandbox().operatorToken}\n`);
    chmodSync(tokenFile, 0o600);
    const hook = join(dir, 'list-builtins.cjs');
    writeFileSync(hook, LIST_BUILTINS);
    // A CA bundle in the environment, as on many hosts: plain http never needs it.
    const env = {...DEBUG, NODE_EXTRA_CA_CERTS: join(dir, 'token')};
    const r = await sh(process.execPath, ['-r', hook, BINARY, 'whoami', '--output', 'json', '--server', sandbox().url, '--token-file', tokenFile], {env});
    expect(JSON.parse(r.stdout)).toMatchObject({principal_type: 'user'});
    expect(pieces(r.stderr)).toEqual(['commands: code cache accepted', 'api: code cache accepted', 'vendor: code cache accepted']);
    const loaded = builtins(r.stderr);
    expect(loaded).toContain('http');
    for (const m of ['tls', '_tls_wrap', 'http2', 'readline', 'crypto']) expect(loaded).not.toContain(m);
  });
});
