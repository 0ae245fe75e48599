import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {PassThrough} from 'node:stream';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {runSandbox} from '../../src/sandbox/cli.js';
import {bundleFixture} from './fixtures/bundle.js';
import {call} from './http.js';

let entry = '';
const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
beforeAll(async () => {
  entry = await bundleFixture('cli');
});
afterAll(() => {
  rmSync(dataDir, {recursive: true, force: true});
  if (entry) rmSync(dirname(entry), {recursive: true, force: true});
});

/** Runs the bundled `sandbox` verb until it prints the token-file lines, then sends `signal`. */
async function runUntilReady(args: string[], signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [entry, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  await new Promise<void>((ok, fail) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/viewer token: .+\n/.test(out)) ok();
    });
    child.once('exit', () => fail(new Error(`exited early: ${err}`)));
  });
  const lines = out.trim().split('\n');
  const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0]!)?.[1];
  const health = url ? (await call(url, 'GET', '/v1/health')).status : 0;
  child.kill(signal);
  return {lines, url, health, code: await exit, err};
}

describe('plexconsole sandbox (child process)', () => {
  test('--port 0 prints the listening line and the token files, and SIGINT stops it with 0', async () => {
    const r = await runUntilReady(['--port', '0', '--seed', 'empty'], 'SIGINT');
    expect(r.url).toBeDefined();
    expect(r.health).toBe(200);
    expect(r.lines[1]).toMatch(/^operator token: \/.+\/operator\.token$/);
    expect(r.lines[2]).toMatch(/^viewer token: \/.+\/viewer\.token$/);
    expect(r.code).toBe(0);
    const tokenDir = dirname(r.lines[1]!.replace('operator token: ', ''));
    expect(existsSync(tokenDir)).toBe(false); // the in-memory sandbox's temp dir goes with it
  });

  test('with --data-dir the files live there, 0600 in a private dir, and SIGTERM stops it with 0', async () => {
    const r = await runUntilReady(['--port', '0', '--data-dir', dataDir], 'SIGTERM');
    expect(r.lines[1]).toBe(`operator token: ${join(dataDir, 'operator.token')}`);
    expect(r.code).toBe(0);
    expect(statSync(join(dataDir, 'operator.token')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, 'plexsphere.sqlite'))).toBe(true);
  });
});

describe('runSandbox flag errors', () => {
  test.each([
    [['--bogus']],
    [['--port', 'eighty']],
    [['--port', '70000']],
    [['--seed', 'huge']],
    [['extra-positional']],
  ])('%j → exit 2 with a message on stderr and nothing on stdout', async (argv) => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    expect(await runSandbox(argv, {stdout, stderr, env: {}})).toBe(2);
    expect(err).toMatch(/^plexconsole sandbox: .+\nusage: plexconsole sandbox/);
    expect(out).toBe('');
  });
});
