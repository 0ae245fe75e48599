// Every verb mutation appends exactly one journal line, and the journal never holds a secret.
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {journalPath} from '../../src/journal/journal.js';
import {forbid, run} from './fixtures/harness.js';
import {useCommandSandbox} from './fixtures/sandbox.js';
import {problem, startTestServer, type TestServer} from './fixtures/testServer.js';

const ctx = useCommandSandbox();
const demo = () => ctx.sb.demo as NonNullable<typeof ctx.sb.demo>;
const P = (): string => demo().tokenProjectId;
const freshHome = () => mkdtempSync(join(tmpdir(), 'plexconsole-journal-cmd-'));
const lines = (home: string): Record<string, unknown>[] => {
  let text = '';
  try {
    text = readFileSync(journalPath({}, home), 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
};
const issue = (homeDir: string) =>
  ctx.op(['bootstrap-token', 'issue', '--project', P(), '--kind', 'node', '--env-prefix', 'jr', '--ttl', '10m', '--output', 'json'], {homeDir});

describe('journal of verb mutations', () => {
  it('issue, revoke and rotate each append one line, and none holds a plaintext or bearer', async () => {
    const home = freshHome();
    const plaintexts: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await issue(home);
      const body = JSON.parse(r.stdout) as {token: string; token_id: string};
      plaintexts.push(body.token);
      ids.push(body.token_id);
    }
    expect(lines(home)).toHaveLength(3);
    await ctx.op(['bootstrap-token', 'revoke', '--project', P(), '--token-id', ids[0]!, '--yes'], {homeDir: home});
    await ctx.op(['bootstrap-token', 'revoke', '--project', P(), '--token-id', ids[0]!, '--yes'], {homeDir: home});
    await ctx.op(['bootstrap-token', 'revoke', '--project', P(), '--token-id', demo().tokens.consumed, '--yes'], {homeDir: home});
    await ctx.op(['key', 'rotate', '--node', demo().nodes['gw-ams-1']!], {homeDir: home});
    await ctx.op(['key', 'rotate', '--node', demo().nodes['gw-ams-1']!, '--dry-run'], {homeDir: home});
    const all = lines(home);
    expect(all.map((l) => `${String(l.action)} ${String(l.outcome)}`)).toEqual([
      'issue issued', 'issue issued', 'issue issued',
      'revoke revoked', 'revoke already_revoked', 'revoke consumed',
      'rotate requested',
    ]);
    expect(all[0]).toMatchObject({server: ctx.sb.url, profile: 'flags', subject: expect.any(String), status: 201, targets: {project_id: P(), token_id: ids[0]}});
    expect(all[6]).toMatchObject({targets: {node_id: demo().nodes['gw-ams-1'], rotation_id: expect.any(String)}, status: 200});
    const text = readFileSync(journalPath({}, home), 'utf8');
    for (const secret of [...plaintexts, ctx.sb.operatorToken, ctx.sb.viewerToken]) expect(text).not.toContain(secret);
  });

  it('a denied mutation is journalled with its status and correlation id', async () => {
    const home = freshHome();
    const r = await ctx.viewer(['key', 'rotate', '--node', demo().nodes['gw-fra-1']!], {homeDir: home});
    expect(r.code).toBe(77);
    const [line] = lines(home);
    expect(line).toMatchObject({action: 'rotate', outcome: 'failed', status: 403, correlation_id: expect.any(String)});
  });

  it('--no-journal writes nothing; reads and bad input write nothing either', async () => {
    const home = freshHome();
    await ctx.op(['bootstrap-token', 'issue', '--project', P(), '--kind', 'node', '--env-prefix', 'jr', '--ttl', '10m', '--no-journal'], {homeDir: home});
    await ctx.op(['bootstrap-token', 'list', '--project', P()], {homeDir: home});
    await ctx.op(['bootstrap-token', 'issue', '--project', P(), '--kind', 'boat', '--env-prefix', 'jr', '--ttl', '10m'], {homeDir: home});
    expect(lines(home)).toEqual([]);
  });

  it('plexconsole journal prints the lines as a table, as json, and --since filters', async () => {
    const home = freshHome();
    await issue(home);
    const text = await run(['journal'], {homeDir: home});
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^TIME\s+ACTION\s+OUTCOME\s+STATUS\s+TARGET/);
    expect(text.stdout).toMatch(/\n\S+Z\s+issue\s+issued\s+201\s+[0-9a-f-]{36}\s/);
    const json = await run(['journal', '--output', 'json', '--since', '1h'], {homeDir: home});
    expect(JSON.parse(json.stdout)).toHaveLength(1);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect(JSON.parse((await run(['journal', '--output', 'json', '--since', future], {homeDir: home})).stdout)).toEqual([]);
    expect((await run(['journal', '--since', 'yesterday'], {homeDir: home})).code).toBe(2);
  });
});

describe('journal when the answer is lost', () => {
  const TOKEN = 'pst_journal_fault_9a8b7c';
  let server: TestServer;
  beforeAll(async () => {
    forbid(TOKEN);
    server = await startTestServer((req) => (req.method === 'POST' ? {drop: true} : problem(503, 'Service Unavailable', 'authz_unavailable')));
  });
  afterAll(() => server.close());

  it('a dropped issue is journalled as unknown; the POST is still sent once', async () => {
    const home = freshHome();
    const P0 = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0';
    const r = await run(['bootstrap-token', 'issue', '--project', P0, '--kind', 'node', '--env-prefix', 'prod', '--ttl', '1h'], {
      env: {PLEXSPHERE_URL: server.url, PLEXSPHERE_TOKEN: TOKEN},
      homeDir: home,
    });
    expect(r.code).toBe(1);
    expect(server.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
    expect(server.requests.filter((q) => q.method !== 'POST').every((q) => q.path === '/v1/auth/whoami')).toBe(true);
    const [line, ...rest] = lines(home);
    expect(rest).toEqual([]);
    expect(line).toMatchObject({action: 'issue', outcome: 'unknown', profile: 'env', targets: {project_id: P0}});
    expect(line).not.toHaveProperty('subject');
    expect(readFileSync(journalPath({}, home), 'utf8')).not.toContain(TOKEN);
  });
});
