// bootstrap-token revoke --all: selectors, dry run, confirmation, per-token lines, exit codes.
import {mkdtempSync, readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {journalPath} from '../../src/journal/journal.js';
import {forbid, run} from './fixtures/harness.js';
import {useCommandSandbox} from './fixtures/sandbox.js';
import {problem, startTestServer, type Handler, type TestServer} from './fixtures/testServer.js';

const ctx = useCommandSandbox();
let n = 0;
/** A fresh Project with `count` tokens seeded in the sandbox. */
async function project(count: number, opts: Parameters<typeof ctx.sb.seedTokens>[2] = {state: 'live'}): Promise<{id: string; tokens: string[]}> {
  const {id} = await ctx.sb.addProject({slug: `bulk-${++n}-${Date.now()}`, name: 'Bulk'});
  return {id, tokens: await ctx.sb.seedTokens(id, count, opts)};
}
const revokeAll = (p: string, ...extra: string[]) => ['bootstrap-token', 'revoke', '--project', p, '--all', ...extra];
async function states(p: string): Promise<Record<string, number>> {
  const r = await ctx.op(['bootstrap-token', 'list', '--project', p, '--all']);
  const counts: Record<string, number> = {};
  for (const l of r.stdout.trim().split('\n').slice(1)) {
    const s = l.trim().split(/\s+/)[6] ?? '';
    counts[s] = (counts[s] ?? 0) + 1;
  }
  return counts;
}
const home = () => mkdtempSync(join(tmpdir(), 'plexconsole-bulk-'));

describe('bootstrap-token revoke --all against the sandbox', () => {
  it('revokes 1,000 live tokens: a line per token, an exact summary, one journal line each', async () => {
    const p = await project(1000);
    const h = home();
    const r = await ctx.op(revokeAll(p.id, '--yes'), {homeDir: h});
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1001);
    expect(lines.slice(0, -1).every((l) => /^revoked {9}[0-9a-f-]{36}$/.test(l))).toBe(true);
    expect(new Set(lines.slice(0, -1).map((l) => l.slice(16)))).toEqual(new Set(p.tokens));
    expect(lines.at(-1)).toBe('revoked 1000 · already revoked 0 · consumed 0 · failed 0 (1000 selected)');
    expect(await states(p.id)).toEqual({revoked: 1000});
    const journal = readFileSync(journalPath({}, h), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as {outcome: string; batch: string; targets: {token_id: string}});
    expect(journal).toHaveLength(1000);
    expect(new Set(journal.map((j) => j.targets.token_id))).toEqual(new Set(p.tokens));
    expect(new Set(journal.map((j) => `${j.outcome} ${j.batch}`)).size).toBe(1);
    expect(readFileSync(journalPath({}, h), 'utf8')).not.toContain(ctx.sb.operatorToken);
  }, 60_000);

  it('--dry-run lists what would be revoked and sends nothing', async () => {
    const p = await project(8, {state: 'mixed'});
    const r = await ctx.op(revokeAll(p.id, '--dry-run'));
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^would revoke {4}\S+ prod \w+ live$/gm)).toHaveLength(2);
    expect(r.stdout).toMatch(/\n2 tokens selected \(revoke 2 live\); nothing was sent\n$/);
    expect(await states(p.id)).toEqual({live: 2, expired: 2, consumed: 2, revoked: 2});
    const all = await ctx.op(revokeAll(p.id, '--dry-run', '--state', 'all', '--output', 'json'));
    expect((JSON.parse(all.stdout) as {outcome: string}[]).map((x) => x.outcome)).toEqual(Array(8).fill('would_revoke'));
  });

  it('selectors combine: env prefix, kind and issued-before', async () => {
    const p = await project(10, {state: 'live', envPrefix: 'ci', kind: 'mixed'});
    const r = await ctx.op(revokeAll(p.id, '--dry-run', '--env-prefix', 'ci', '--kind', 'bridge', '--output', 'json'));
    const picked = JSON.parse(r.stdout) as {kind: string; env_prefix: string}[];
    expect(picked.length).toBeGreaterThan(0);
    expect(picked.every((t) => t.kind === 'bridge' && t.env_prefix === 'ci')).toBe(true);
    expect(JSON.parse((await ctx.op(revokeAll(p.id, '--dry-run', '--env-prefix', 'prod', '--output', 'json'))).stdout)).toEqual([]);
    const future = JSON.parse((await ctx.op(revokeAll(p.id, '--dry-run', '--issued-after', '2099-01-01T00:00:00Z', '--output', 'json'))).stdout);
    expect(future).toEqual([]);
    const before = JSON.parse((await ctx.op(revokeAll(p.id, '--dry-run', '--issued-before', '0s', '--output', 'json'))).stdout);
    expect(before).toHaveLength(10);
  });

  it('--state all: consumed tokens make it exit 1, revoked ones are no-ops, json has one record per token', async () => {
    const p = await project(8, {state: 'mixed'});
    const h = home();
    const r = await ctx.op(revokeAll(p.id, '--state', 'all', '--yes', '--output', 'json'), {homeDir: h});
    expect(r.code).toBe(1);
    const records = JSON.parse(r.stdout) as {outcome: string; state: string; at?: string}[];
    expect(records).toHaveLength(8);
    const by = (s: string) => records.filter((x) => x.state === s).map((x) => x.outcome);
    expect(by('live')).toEqual(['revoked', 'revoked']);
    expect(by('expired')).toEqual(['revoked', 'revoked']);
    expect(by('consumed')).toEqual(['consumed', 'consumed']);
    expect(by('revoked')).toEqual(['already_revoked', 'already_revoked']);
    expect(records.filter((x) => x.outcome === 'consumed').every((x) => /Z$/.test(x.at ?? ''))).toBe(true);
    // Only the four DELETEs that were sent are journalled.
    expect(readFileSync(journalPath({}, h), 'utf8').trim().split('\n')).toHaveLength(4);
  });

  it('nothing selected is success with a sentence', async () => {
    const p = await project(0);
    expect(await ctx.op(revokeAll(p.id, '--yes'))).toEqual({code: 0, stdout: `no token of project ${p.id} matches; nothing was sent\n`, stderr: ''});
  });

  it('off a terminal without --yes it exits 2 and sends nothing; on one the number must be typed', async () => {
    const p = await project(3);
    const off = await ctx.op(revokeAll(p.id));
    expect(off.code).toBe(2);
    expect(off.stderr).toContain('--yes');
    const wrong = await ctx.op(revokeAll(p.id), {isTTY: true, stdin: 'y\n'});
    expect(wrong).toMatchObject({code: 1, stdout: ''});
    expect(wrong.stderr).toContain(`Revoke 3 tokens of project ${p.id} (revoke 3 live)? Type 3 to confirm:`);
    expect(await states(p.id)).toEqual({live: 3});
    const typed = await ctx.op(revokeAll(p.id), {isTTY: true, stdin: '3\n'});
    expect(typed.code).toBe(0);
    expect(await states(p.id)).toEqual({revoked: 3});
  });

  it('the viewer: every token fails with its 403, exit 1', async () => {
    const p = await project(2);
    const r = await ctx.viewer(revokeAll(p.id, '--yes'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^failed {10}\S+: 403 Forbidden: .*\[permission_denied\] \[insufficient_relation\] \(relation .*\) \(correlation \S+\)$/m);
    expect(r.stdout).toMatch(/failed 2 \(2 selected\)\n$/);
  });
});

describe('usage errors exit 2 before any request', () => {
  const P = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0';
  it.each([
    [['--all', '--token-id', P, '--yes'], '--all cannot be combined with --token-id'],
    [['--token-id', P, '--state', 'live', '--yes'], '--state needs --all'],
    [['--token-id', P, '--dry-run'], '--dry-run needs --all'],
    [['--all', '--state', 'dead', '--yes'], '--state must be live, expired, consumed, revoked or all'],
    [['--all', '--issued-before', 'last week', '--yes'], '--issued-before "last week" is neither'],
    [['--all', '--kind', 'boat', '--yes'], '--kind must be node or bridge'],
    [['--all', '--env-prefix', 'Prod', '--yes'], '--env-prefix "Prod" must be'],
    [['--all', '--concurrency', '0', '--yes'], '--concurrency must be an integer in [1, 32]'],
  ])('%j', async (flags, message) => {
    const r = await run(['bootstrap-token', 'revoke', '--project', P, ...flags], {env: {PLEXSPHERE_URL: 'http://127.0.0.1:9', PLEXSPHERE_TOKEN: 'x'}});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('revoke --all under pressure (test server)', () => {
  const TOKEN = 'pst_bulk_secret_5e6f7a';
  const P = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0';
  const ids = ['0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a001', '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a002', '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a003'];
  const meta = (id: string) => ({id, project_id: P, kind: 'node', env_prefix: 'prod', issued_at: '2026-05-01T10:00:00Z', expires_at: '2099-01-01T00:00:00Z', issued_by_user_id: P});
  let server: TestServer;
  let handler: Handler;
  beforeAll(async () => {
    forbid(TOKEN);
    server = await startTestServer((req) => handler(req));
  });
  afterAll(() => server.close());
  const env = () => ({PLEXSPHERE_URL: server.url, PLEXSPHERE_TOKEN: TOKEN});

  it('a 429 pauses for its Retry-After and the token is sent again; a 500 fails only its token', async () => {
    const seen = new Map<string, number>();
    handler = (req) => {
      if (req.method === 'GET') return {status: 200, json: {items: ids.map(meta)}};
      const id = req.path.split('/').pop() ?? '';
      const count = (seen.get(id) ?? 0) + 1;
      seen.set(id, count);
      if (id === ids[0] && count === 1) return {...problem(429, 'Too Many Requests', 'rate_limited'), headers: {'retry-after': '1'}};
      if (id === ids[2]) return problem(500, 'Internal Server Error', 'internal');
      return {status: 204};
    };
    const started = Date.now();
    const r = await run(['bootstrap-token', 'revoke', '--project', P, '--all', '--yes', '--no-journal'], {env: env()});
    expect(r.code).toBe(1);
    expect(seen.get(ids[0]!)).toBe(2);
    expect(seen.get(ids[2]!)).toBe(1);
    const deleteTimes = server.requests.filter((q) => q.method === 'DELETE' && q.path.endsWith(ids[0]!));
    expect(deleteTimes).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(r.stdout).toContain(`revoked         ${ids[0]}\n`);
    expect(r.stdout).toContain(`failed          ${ids[2]}: 500 Internal Server Error`);
    expect(r.stdout).toMatch(/revoked 2 · already revoked 0 · consumed 0 · failed 1 \(3 selected\)\n$/);
  });

  it('never more requests in flight than --concurrency', async () => {
    const many = Array.from({length: 20}, (_, i) => `0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0b${String(i).padStart(3, '0')}`);
    let inFlight = 0;
    let peak = 0;
    // Answers each DELETE after 20 ms, counting how many the client has open at once.
    const slow = createServer((req, res) => {
      if (req.method === 'GET') {
        res.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify({items: many.map(meta)}));
        return;
      }
      peak = Math.max(peak, ++inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(204).end();
      }, 20);
    });
    await new Promise<void>((ok) => slow.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    try {
      const r = await run(['bootstrap-token', 'revoke', '--project', P, '--all', '--yes', '--concurrency', '3', '--no-journal', '--output', 'json'], {
        env: {PLEXSPHERE_URL: url, PLEXSPHERE_TOKEN: TOKEN},
      });
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as {outcome: string}[]).map((x) => x.outcome)).toEqual(Array(20).fill('revoked'));
      expect(peak).toBeLessThanOrEqual(3);
      expect(peak).toBeGreaterThan(1);
    } finally {
      slow.closeAllConnections();
      await new Promise((ok) => slow.close(ok));
    }
  });
});
