// TLS (--ca-file, NODE_EXTRA_CA_CERTS) and the plexctl profile file, through the BUILT binary
// (dist/plexconsole.mjs, rebuilt by the suite's globalSetup when older than src/), against a
// loopback HTTPS server whose certificate is made for this run.
import {execFile} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:https';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {tlsPair} from './support/tlsPair.js';
import {BINARY} from './support/tmux.js';

const TOKEN = 'binary-tls-profile-bearer';
const WHOAMI = {principal_type: 'user', subject: 's-tls', email: 'tls@example.test'};

let server: Server;
let url: string;
let caFile: string;
const seen: string[] = [];

beforeAll(async () => {
  const pair = tlsPair();
  caFile = pair.caFile;
  server = createServer({key: pair.key, cert: pair.cert}, (req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization === `Bearer ${TOKEN}` ? 'auth-ok' : 'auth-bad'}`);
    res.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify(WHOAMI));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

type Run = {code: number; stdout: string; stderr: string};
function bin(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    // A clean environment: no proxy, no CA, no profile leaks in from the machine running the tests.
    execFile(process.execPath, [BINARY, ...args], {env: {PATH: process.env.PATH, ...env}, timeout: 20_000}, (err, stdout, stderr) => {
      resolve({code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr});
    });
  });
}

function home(profile?: {doc: unknown; mode: number}): {HOME: string; path?: string} {
  const dir = mkdtempSync(join(tmpdir(), 'plexconsole-home-'));
  if (!profile) return {HOME: dir};
  const path = join(dir, '.config', 'plexctl', 'config.json');
  mkdirSync(join(path, '..'), {recursive: true});
  writeFileSync(path, JSON.stringify(profile.doc));
  chmodSync(path, profile.mode);
  return {HOME: dir, path};
}

function tokenFile(mode = 0o600): string {
  const path = join(mkdtempSync(join(tmpdir(), 'plexconsole-token-')), 'token');
  writeFileSync(path, `${TOKEN}\n`);
  chmodSync(path, mode);
  return path;
}

describe('TLS through the built binary', () => {
  it('--ca-file trusts the test CA: whoami answers over https', async () => {
    const r = await bin(['whoami', '--server', url, '--token-file', tokenFile(), '--ca-file', caFile, '--output', 'json'], {HOME: home().HOME});
    expect(r).toMatchObject({code: 0, stderr: ''});
    expect(JSON.parse(r.stdout)).toEqual(WHOAMI);
    expect(seen.at(-1)).toBe('GET /v1/auth/whoami auth-ok');
  });

  it('NODE_EXTRA_CA_CERTS works as well', async () => {
    const r = await bin(['whoami', '--server', url, '--token-file', tokenFile()], {HOME: home().HOME, NODE_EXTRA_CA_CERTS: caFile});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('subject: s-tls\n');
  });

  it('without the CA the certificate is refused: exit 1, a certificate error, no bearer printed', async () => {
    const before = seen.length;
    const r = await bin(['whoami', '--server', url, '--token-file', tokenFile()], {HOME: home().HOME});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^plexconsole: connection failed: .*(certificate|CERT|SELF_SIGNED|VERIFY)/i);
    expect(r.stderr).not.toContain(TOKEN);
    expect(seen.length).toBe(before);
  });

  it('a token file readable by the group is refused before any request (exit 3)', async () => {
    const before = seen.length;
    const path = tokenFile(0o640);
    const r = await bin(['whoami', '--server', url, '--token-file', path, '--ca-file', caFile], {HOME: home().HOME});
    expect(r).toMatchObject({code: 3, stderr: `plexconsole: insecure credentials: chmod 600 ${path}\n`});
    expect(seen.length).toBe(before);
  });
});

describe('the plexctl profile file through the built binary', () => {
  const doc = () => ({default: 'prod', profiles: {prod: {url, token: TOKEN}, other: {server: 'https://127.0.0.1:9', token: 'x'}}});

  it('the default profile supplies server (as `url`) and token', async () => {
    const h = home({doc: doc(), mode: 0o600});
    const r = await bin(['whoami', '--ca-file', caFile], {HOME: h.HOME});
    expect(r).toMatchObject({code: 0, stderr: ''});
    expect(r.stdout).toContain('email: tls@example.test\n');
    expect(seen.at(-1)).toBe('GET /v1/auth/whoami auth-ok');
  });

  it('XDG_CONFIG_HOME moves it, and --profile selects another', async () => {
    const h = home({doc: doc(), mode: 0o600});
    const r = await bin(['whoami', '--ca-file', caFile, '--profile', 'nope'], {HOME: mkdtempSync(join(tmpdir(), 'empty-')), XDG_CONFIG_HOME: join(h.HOME, '.config')});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown profile "nope"');
    expect(r.stderr).toContain('known: prod, other');
  });

  it.each([0o640, 0o604].map((m) => [m.toString(8), m] as const))('a profile file with mode %s is refused when its token is used (exit 3)', async (_octal, mode) => {
    const before = seen.length;
    const h = home({doc: doc(), mode});
    const r = await bin(['whoami', '--ca-file', caFile], {HOME: h.HOME});
    expect(r).toMatchObject({code: 3, stderr: `plexconsole: insecure credentials: chmod 600 ${h.path}\n`});
    expect(seen.length).toBe(before);
  });
});
