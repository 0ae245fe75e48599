import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {executableName, seaUnsupported} from '../../scripts/package.mjs';
import {bastionEnv, nodeOnPath, run, serveSandbox, type ServedSandbox} from './support/bastion.js';
import {openPane, sh, type Pane} from './support/tmux.js';

// The single executable (`npm run package`; npm test builds it first) on a "bastion": no
// node on the PATH, nothing inherited from this environment. It serves its own sandbox,
// runs verbs against it and opens the console on it in a real terminal.
const DIST = new URL('../../dist/', import.meta.url).pathname;
const SEA = join(DIST, executableName());
const why = seaUnsupported();

describe.skipIf(why !== undefined)(`the single executable ${executableName()}${why ? ` (skipped: ${why})` : ''}`, () => {
  const env = bastionEnv();
  let sandbox: ServedSandbox;
  let operatorToken: string;
  let edgeProd: string;
  let pane: Pane | undefined;

  beforeAll(async () => {
    if (!existsSync(SEA)) throw new Error(`${SEA} is missing: run npm run package (npm test does)`);
    sandbox = await serveSandbox(SEA, env);
    operatorToken = readFileSync(join(sandbox.dataDir, 'operator.token'), 'utf8').trim();
    // The test itself may use Node's fetch; only the executable runs without Node.
    const res = await fetch(`${sandbox.url}/v1/projects`, {headers: {authorization: `Bearer ${operatorToken}`}});
    const body = (await res.json()) as {items: {id: string; slug: string}[]};
    edgeProd = body.items.find((p) => p.slug === 'edge-prod')?.id ?? '';
  }, 90_000);
  afterAll(async () => {
    pane?.kill();
    await sandbox?.stop();
  });

  const connection = () => ['--server', sandbox.url, '--token-file', join(sandbox.dataDir, 'operator.token')];

  it('the environment it runs in has no node at all', () => {
    expect(nodeOnPath(env)).toBe(false);
    expect(nodeOnPath({PATH: process.env['PATH'] ?? ''})).toBe(true);
  });

  it('matches its SHA256SUMS line', () => {
    const sums = readFileSync(join(DIST, 'SHA256SUMS'), 'utf8');
    expect(sums).toMatch(new RegExp(`^[0-9a-f]{64}  ${executableName()}\\n$`));
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], {cwd: DIST, encoding: 'utf8'})).toBe(`${executableName()}: OK\n`);
  });

  it('--version, --help and completion', async () => {
    const version = await run(SEA, ['--version'], env);
    expect(version).toMatchObject({code: 0, stdout: `plexconsole ${JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version}\n`});
    const help = await run(SEA, ['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('bootstrap-token list');
    const completion = await run(SEA, ['completion', 'bash'], env);
    expect(completion.code).toBe(0);
    expect(completion.stdout).toContain('complete -o default -F _plexconsole plexconsole');
  });

  it('whoami against the sandbox it serves', async () => {
    const who = await run(SEA, ['whoami', ...connection()], env);
    expect(who).toMatchObject({code: 0, stderr: ''});
    expect(who.stdout).toContain('email: operator@demo.plexsphere.test');
  });

  it('bootstrap-token issue, list --all, get (yaml), revoke against it', async () => {
    const issued = await run(SEA, ['bootstrap-token', 'issue', '--project', edgeProd, '--kind', 'node', '--env-prefix', 'bastion', '--ttl', '1h', '--output', 'json', ...connection()], env);
    expect(issued.code).toBe(0);
    const token = JSON.parse(issued.stdout) as {token_id: string; token: string};
    expect(token.token).toMatch(/^psb_bastion_/);

    const list = await run(SEA, ['bootstrap-token', 'list', '--project', edgeProd, '--all', ...connection()], env);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^ID\s+PROJECT\s+ENV\s+KIND\s+ISSUED_AT\s+EXPIRES_AT\s+STATE$/);
    expect(list.stdout).toMatch(new RegExp(`^${token.token_id}\\s.*\\slive$`, 'm'));

    const yaml = await run(SEA, ['bootstrap-token', 'get', '--project', edgeProd, '--token-id', token.token_id, '--output', 'yaml', ...connection()], env);
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toContain(`id: ${token.token_id}`);

    const revoke = await run(SEA, ['bootstrap-token', 'revoke', '--project', edgeProd, '--token-id', token.token_id, '--yes', ...connection()], env);
    expect(revoke.code).toBe(0);
    const after = await run(SEA, ['bootstrap-token', 'get', '--project', edgeProd, '--token-id', token.token_id, ...connection()], env);
    expect(after.stdout).toMatch(/revoked/);
  });

  it('exit codes: bad input 2, no credentials 3', async () => {
    expect((await run(SEA, ['bootstrap-token', 'get', '--project', edgeProd, '--token-id', 'nope', ...connection()], env)).code).toBe(2);
    expect((await run(SEA, ['whoami', '--server', sandbox.url], env)).code).toBe(3);
  });

  it('the console in a terminal: Projects → Tokens and back, q restores the shell', async () => {
    const command = ['/usr/bin/env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), SEA, ...connection()].map(sh).join(' ');
    pane = await openPane(`${command}; echo "exit=$?"`, {columns: 100, rows: 30});
    await pane.waitFor((s) => s.includes('edge-prod') && s.split('\n')[0]!.startsWith('plexconsole ·'));
    await pane.keys('/');
    await pane.text('edge-prod');
    await pane.keys('Enter');
    await pane.waitFor((s) => !s.includes('edge-staging'));
    await pane.keys('Enter');
    const roster = await pane.waitFor(/live \d+ · expired \d+ · consumed \d+ · revoked \d+/);
    expect(roster.split('\n')[0]).toContain('tokens · edge-prod');
    await pane.keys('Escape');
    await pane.waitFor((s) => s.split('\n')[0]!.endsWith('projects'));
    await pane.keys('q');
    const shell = await pane.waitFor(/exit=\d+/);
    expect(shell).toContain('exit=0');
    expect(pane.alternateOn()).toBe(false);
  });

  it('--demo: the embedded sandbox (sql.js and hash-wasm from the executable) under the console', async () => {
    pane?.kill();
    const command = ['/usr/bin/env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), SEA, '--demo'].map(sh).join(' ');
    pane = await openPane(`${command}; echo "exit=$?"`, {columns: 100, rows: 30});
    const screen = await pane.waitFor((s) => s.includes('edge-prod') && s.includes('operator@'), 30_000);
    expect(screen.split('\n')[0]).toMatch(/^plexconsole · 127\.0\.0\.1:\d+ · demo sandbox · /);
    await pane.keys('q');
    expect(await pane.waitFor(/exit=\d+/)).toContain('exit=0');
  });
});
