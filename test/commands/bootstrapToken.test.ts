// bootstrap-token × text/json/yaml × exit codes, against the in-process sandbox over HTTP.
import {chmodSync, copyFileSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {TOKEN_COLUMNS} from '../../src/commands/bootstrapTokenList.js';
import {run} from './fixtures/harness.js';
import {useCommandSandbox} from './fixtures/sandbox.js';

const ctx = useCommandSandbox();
const TS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const project = (): string => ctx.sb.demo?.tokenProjectId ?? '';
const tok = (): NonNullable<typeof ctx.sb.demo>['tokens'] => (ctx.sb.demo as NonNullable<typeof ctx.sb.demo>).tokens;
const issueArgs = (): string[] => ['bootstrap-token', 'issue', '--project', project(), '--kind', 'node', '--env-prefix', 'prod', '--ttl', '1h'];

describe('bootstrap-token issue', () => {
  it('text prints the banner, the plaintext once, then token_id, issued_at, expires_at', async () => {
    const r = await ctx.op(issueArgs());
    expect(r).toMatchObject({code: 0, stderr: ''});
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('# WARNING: this is the only time this plaintext will be displayed');
    expect(lines[1]).toMatch(/^psb_prod_[a-z2-7]+_node_[a-z2-7]{20,}$/);
    expect(lines[2]).toMatch(/^token_id: [0-9a-f-]{36}$/);
    expect(lines[3]?.replace('issued_at: ', '')).toMatch(TS);
    expect(lines[4]?.replace('expires_at: ', '')).toMatch(TS);
    expect(lines.slice(5)).toEqual(['']);
    const issued = Date.parse(lines[3]?.slice(11) ?? '');
    expect(Date.parse(lines[4]?.slice(12) ?? '') - issued).toBe(3_600_000);
    expect(r.stdout.split(lines[1] ?? '').length).toBe(2);
  });

  it.each(['json', 'yaml'])('%s prints the response body verbatim, without the banner', async (mode) => {
    const r = await ctx.op([...issueArgs(), '--kind', 'bridge', '--env-prefix', 'staging', '--ttl', '15m', '--output', mode]);
    expect(r).toMatchObject({code: 0, stderr: ''});
    expect(r.stdout).not.toContain('WARNING');
    const body = (mode === 'json' ? JSON.parse(r.stdout) : parseYaml(r.stdout)) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['expires_at', 'issued_at', 'token', 'token_id']);
    expect(body.token).toMatch(/^psb_staging_[a-z2-7]+_bridge_/);
    const meta = await ctx.op(['bootstrap-token', 'get', '--project', project(), '--token-id', body.token_id ?? '', '--output', 'json']);
    expect(JSON.parse(meta.stdout)).toMatchObject({id: body.token_id, kind: 'bridge', env_prefix: 'staging'});
    expect(meta.stdout).not.toContain(body.token);
  });

  it('the viewer gets 403 → exit 4 with one error line and nothing on stdout', async () => {
    const r = await ctx.viewer(issueArgs());
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^plexconsole: 403 Forbidden: .+ \(correlation [0-9a-f-]+\)\n$/);
  });

  it('an unknown project is 404 → exit 4', async () => {
    const r = await ctx.op([...issueArgs(), '--project', '0190a8b8-0000-7000-8000-000000000000']);
    expect(r).toMatchObject({code: 4, stdout: ''});
    expect(r.stderr).toMatch(/^plexconsole: 404 /);
  });

  it('a wrong bearer is 401 → exit 3', async () => {
    const r = await run(issueArgs(), {env: {PLEXSPHERE_URL: ctx.sb.url, PLEXSPHERE_TOKEN: 'psat_not_a_real_token'}});
    expect(r).toMatchObject({code: 3, stdout: ''});
    expect(r.stderr).toMatch(/^plexconsole: 401 /);
  });

  it('missing credentials exit 3; a token file readable by others exits 3', async () => {
    expect((await run(issueArgs(), {env: {PLEXSPHERE_URL: ctx.sb.url}})).code).toBe(3);
    const loose = join(mkdtempSync(join(tmpdir(), 'plexconsole-loose-')), 'op.token');
    copyFileSync(ctx.sb.tokenFiles.operator, loose);
    chmodSync(loose, 0o644);
    const r = await run([...issueArgs(), '--server', ctx.sb.url, '--token-file', loose]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('chmod 600');
  });
});

describe('bootstrap-token list', () => {
  it('text is the seed table: exact header, one row per token, derived STATE', async () => {
    const r = await ctx.op(['bootstrap-token', 'list', '--project', project(), '--limit', '200']);
    expect(r).toMatchObject({code: 0, stderr: ''});
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header?.split(/ +/)).toEqual([...TOKEN_COLUMNS]);
    const byId = new Map(rows.map((l) => l.split(/ +/)).map((c) => [c[0], c]));
    for (const s of ['live', 'expired', 'consumed', 'revoked'] as const) expect(byId.get(tok()[s])?.[6]).toBe(s);
    for (const c of byId.values()) {
      expect(c).toHaveLength(7);
      expect(c[1]).toBe(project());
      expect(c[4]).toMatch(TS);
      expect(c[5]).toMatch(TS);
    }
  });

  it('one page at a time: the next cursor goes to stderr and continues the roster', async () => {
    const first = await ctx.op(['bootstrap-token', 'list', '--project', project(), '--limit', '5']);
    expect(first.stdout.trimEnd().split('\n')).toHaveLength(6);
    const m = /^# next page: --cursor (\S+)\n$/.exec(first.stderr);
    expect(m).not.toBeNull();
    const second = await ctx.op(['bootstrap-token', 'list', '--project', project(), '--limit=5', `--cursor=${m?.[1]}`]);
    expect(second.code).toBe(0);
    const ids = (s: string): string[] => s.trimEnd().split('\n').slice(1).map((l) => l.split(' ')[0] ?? '');
    expect(ids(second.stdout).filter((id) => ids(first.stdout).includes(id))).toEqual([]);
  });

  it.each(['json', 'yaml'])('%s prints the page verbatim with its next_cursor', async (mode) => {
    const r = await ctx.op(['bootstrap-token', 'list', '--project', project(), '--limit', '3', '--output', mode]);
    expect(r).toMatchObject({code: 0, stderr: ''});
    const page = (mode === 'json' ? JSON.parse(r.stdout) : parseYaml(r.stdout)) as {items: {id: string}[]; next_cursor?: string};
    expect(page.items).toHaveLength(3);
    expect(typeof page.next_cursor).toBe('string');
    expect(Object.keys(page.items[0] ?? {})).toContain('issued_by_user_id');
  });

  it('--all merges every page into {items} in json, yaml and text', async () => {
    const all = await ctx.op(['bootstrap-token', 'list', '--project', project(), '--all', '--limit', '7', '--output', 'json']);
    expect(all.code).toBe(0);
    const merged = JSON.parse(all.stdout) as {items: {id: string}[]};
    expect(Object.keys(merged)).toEqual(['items']);
    const single = JSON.parse((await ctx.op(['bootstrap-token', 'list', '--project', project(), '--limit', '200', '--output', 'json'])).stdout) as {items: {id: string}[]};
    expect(merged.items.map((t) => t.id).sort()).toEqual(single.items.map((t) => t.id).sort());
    const yaml = parseYaml((await ctx.op(['bootstrap-token', 'list', '--project', project(), '--all', '--output', 'yaml'])).stdout) as {items: unknown[]};
    expect(yaml.items).toHaveLength(merged.items.length);
    const text = await ctx.op(['bootstrap-token', 'list', '--project', project(), '--all', '--limit', '4']);
    expect(text.stderr).toBe('');
    expect(text.stdout.trimEnd().split('\n')).toHaveLength(merged.items.length + 1);
  });

  it('the viewer may read the roster', async () => {
    expect((await ctx.viewer(['bootstrap-token', 'list', '--project', project()])).code).toBe(0);
  });

  it('an unknown project exits 4', async () => {
    const r = await ctx.op(['bootstrap-token', 'list', '--project', '0190a8b8-0000-7000-8000-000000000000']);
    expect(r).toMatchObject({code: 4, stdout: ''});
  });
});

describe('bootstrap-token get', () => {
  it('text shows the metadata, consumed_at and the derived state', async () => {
    const r = await ctx.op(['bootstrap-token', 'get', '--project', project(), '--token-id', tok().consumed]);
    expect(r).toMatchObject({code: 0, stderr: ''});
    expect(r.stdout).toMatch(new RegExp(`^id: ${tok().consumed}\nproject_id: ${project()}\nenv_prefix: [a-z]+\nkind: (node|bridge)\n`));
    expect(r.stdout).toMatch(/\nconsumed_at: \S+Z\n/);
    expect(r.stdout).toMatch(/\nissued_by_user_id: [0-9a-f-]{36}\nstate: consumed\n$/);
  });

  it.each(['json', 'yaml'])('%s prints the metadata verbatim', async (mode) => {
    const r = await ctx.op(['bootstrap-token', 'get', '--project', project(), '--token-id', tok().revoked, '--output', mode]);
    const body = (mode === 'json' ? JSON.parse(r.stdout) : parseYaml(r.stdout)) as Record<string, unknown>;
    expect(body).toMatchObject({id: tok().revoked, project_id: project()});
    expect(body.revoked_at).toEqual(expect.any(String));
    expect(body).not.toHaveProperty('state');
  });

  it('an unknown token exits 4', async () => {
    const r = await ctx.op(['bootstrap-token', 'get', '--project', project(), '--token-id', '0190a8b8-0000-7000-8000-000000000001']);
    expect(r).toMatchObject({code: 4, stdout: ''});
    expect(r.stderr).toContain('token_not_found');
  });
});
