// Incident response in a real terminal (tmux): bulk revoke with the typed count, a fleet
// rotation stopped by a fault armed with `plexconsole sandbox --fail-rotation`, the journal.
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {startSandbox} from '../../src/sandbox/server.js';
import {BINARY, openPane, sh, type Pane} from './support/tmux.js';

let pane: Pane | undefined;
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  pane?.kill();
  pane = undefined;
  for (const c of cleanups.splice(0)) await c();
});

const verb = (url: string, tokenFile: string, args: string[]) => ['node', BINARY, ...args, '--server', url, '--token-file', tokenFile].map(sh).join(' ');
const journalLines = (state: string) =>
  readFileSync(join(state, 'plexconsole', 'journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

/** `plexconsole sandbox` as its own process, as an operator would start it. */
async function sandboxProcess(args: string[]): Promise<{url: string; tokenFile: string; token: string}> {
  const dir = mkdtempSync(join(tmpdir(), 'plexconsole-e2e-sb-'));
  const child: ChildProcess = spawn(process.execPath, [BINARY, 'sandbox', '--port', '0', '--data-dir', dir, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
  cleanups.push(() => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))));
  let out = '';
  const url = await new Promise<string>((ok, fail) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m && out.includes('viewer token:')) ok(m[1]!);
    });
    child.once('exit', (code) => fail(new Error(`sandbox exited ${code}`)));
  });
  const tokenFile = join(dir, 'operator.token');
  return {url, tokenFile, token: readFileSync(tokenFile, 'utf8').trim()};
}

describe('incident response in tmux', () => {
  it('revoke --all on a terminal: typed count, a line per token, an exact summary, 1,000 journal lines, no bearer', async () => {
    const sb = await startSandbox({port: 0, seed: 'empty'});
    cleanups.push(() => sb.close());
    const {id} = await sb.addProject({slug: 'leak', name: 'Leaked CI log'});
    await sb.seedTokens(id, 1000, {state: 'live', envPrefix: 'ci'});
    const state = mkdtempSync(join(tmpdir(), 'plexconsole-e2e-state-'));
    pane = await openPane(`${verb(sb.url, sb.tokenFiles.operator, ['bootstrap-token', 'revoke', '--project', id, '--all', '--env-prefix', 'ci'])} | tail -n 3`, {
      columns: 120,
      rows: 30,
      env: {XDG_STATE_HOME: state},
    });
    await pane.waitFor(`(revoke 1000 live)? Type 1000 to confirm:`);
    await pane.text('1000');
    await pane.keys('Enter');
    const screen = await pane.waitFor('(1000 selected)', 60_000);
    expect(screen).toContain('revoked 1000 · already revoked 0 · consumed 0 · failed 0 (1000 selected)');
    expect(screen).toMatch(/revoked {9}[0-9a-f-]{36}\n/);
    const lines = journalLines(state);
    expect(lines).toHaveLength(1000);
    expect(new Set(lines.map((l) => l.outcome))).toEqual(new Set(['revoked']));
    expect(readFileSync(join(state, 'plexconsole', 'journal.jsonl'), 'utf8')).not.toContain(sb.operatorToken);
  }, 120_000);

  it('a fleet of 10 Nodes in waves stops on the fault armed with --fail-rotation, naming the Node', async () => {
    const sb = await sandboxProcess(['--fail-rotation', 'edge-agent-08']);
    const nodes = (await (await fetch(`${sb.url}/v1/nodes?limit=200`, {headers: {authorization: `Bearer ${sb.token}`}})).json()) as {items: {id: string; name?: string}[]};
    const agent = (i: number) => nodes.items.find((n) => n.name === `edge-agent-${String(i).padStart(2, '0')}`)!.id;
    const ids = Array.from({length: 10}, (_, i) => agent(i + 1));
    const state = mkdtempSync(join(tmpdir(), 'plexconsole-e2e-state-'));
    pane = await openPane(`${verb(sb.url, sb.tokenFile, ['key', 'rotate', ...ids.flatMap((n) => ['--node', n]), '--wave', '5'])}; echo "exit=$?"`, {
      columns: 160,
      rows: 30,
      env: {XDG_STATE_HOME: state},
    });
    // The command line itself shows `exit=$?`: wait for the line the shell printed.
    const screen = await pane.waitFor(/^exit=\d+$/m, 90_000);
    expect(screen).toMatch(/^exit=1$/m);
    expect(screen.match(/^completed {4}\S+ wave 1\/2 in \S+$/gm)).toHaveLength(5);
    expect(screen).toMatch(new RegExp(`^failed {7}${agent(8)} wave 2/2: the trigger failed: 500 `, 'm'));
    expect(screen).toMatch(new RegExp(`plexconsole: stopped: node ${agent(8)} failed: the trigger failed: 500`));
    expect(screen).toContain('completed 9 · failed 1 · not started 0 (10 nodes, 2 waves)');
    const lines = journalLines(state);
    expect(lines.map((l) => l.outcome).sort()).toEqual([...Array(9).fill('requested'), 'failed'].sort());
  }, 120_000);

  it('console: * marks 1,000 live tokens, x shows the breakdown, the typed count runs with progress, the report is exact', async () => {
    const sb = await startSandbox({port: 0, seed: 'empty'});
    cleanups.push(() => sb.close());
    const {id} = await sb.addProject({slug: 'leak-ui', name: 'Leaked CI log'});
    await sb.seedTokens(id, 1000, {state: 'live'});
    await sb.seedTokens(id, 6, {state: 'consumed'});
    const state = mkdtempSync(join(tmpdir(), 'plexconsole-e2e-state-'));
    pane = await openPane(['node', BINARY, '--server', sb.url, '--token-file', sb.tokenFiles.operator, '--project', 'leak-ui'].map(sh).join(' '), {
      columns: 120,
      rows: 30,
      env: {XDG_STATE_HOME: state},
    });
    await pane.waitFor('1,006 tokens', 30_000);
    await pane.keys('*');
    await pane.waitFor('1,006 marked');
    await pane.keys('x');
    await pane.waitFor('revoke 1000 live · skip 6 consumed');
    await pane.text('1000');
    await pane.keys('Enter');
    await pane.waitFor((s) => /\] [\d,]+\/1,000/.test(s), 30_000);
    const report = await pane.waitFor('Bulk revoke finished', 90_000);
    expect(report).toContain('revoked 1,000 · already revoked 0 · consumed 0 · failed 0 (of 1,000)');
    await pane.keys('Escape');
    await pane.waitFor('live 0 · expired 0 · consumed 6 · revoked 1,000', 30_000);
    await pane.keys('q');
    await pane.waitFor((s) => /^\$ ?$/m.test(s) && !pane!.alternateOn());
    expect(journalLines(state)).toHaveLength(1000);
  }, 180_000);

  it('console: marked Nodes rotate in waves and stop on the injected failure', async () => {
    const sb = await sandboxProcess(['--fail-rotation', 'edge-agent-04']);
    pane = await openPane(['node', BINARY, '--server', sb.url, '--token-file', sb.tokenFile].map(sh).join(' '), {columns: 120, rows: 30});
    await pane.waitFor('edge-prod');
    await pane.keys('3');
    await pane.waitFor('edge-agent-01');
    await pane.keys('/');
    await pane.text('edge-agent-0');
    await pane.keys('Enter', '*');
    await pane.waitFor('9 marked');
    await pane.keys('Enter');
    await pane.waitFor('Rotate the mesh keys of 9 nodes?');
    await pane.keys('+', '+');
    await pane.text('9');
    await pane.keys('Enter');
    await pane.waitFor('rotating…', 20_000);
    const done = await pane.waitFor('Fleet rotation finished', 90_000);
    expect(done).toMatch(/stopped: edge-agent-04 failed: the trigger failed: 500/);
    expect(done).toContain('completed 5 · failed 1 · not started 3 · of 9');
  }, 180_000);
});
