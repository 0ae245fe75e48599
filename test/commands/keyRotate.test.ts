// key rotate and whoami × text/json/yaml × exit codes, against the in-process sandbox.
import {describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {run} from './fixtures/harness.js';
import {useCommandSandbox} from './fixtures/sandbox.js';

const ctx = useCommandSandbox();
const demo = () => ctx.sb.demo as NonNullable<typeof ctx.sb.demo>;
const UNKNOWN = '0190a8b8-0000-7000-8000-0000000000ff';
const parse = (mode: string, s: string): Record<string, unknown> =>
  (mode === 'json' ? JSON.parse(s) : parseYaml(s)) as Record<string, unknown>;

describe('key rotate --dry-run', () => {
  it('text summarises node, peer, count, pending flag and duration; no edge list', async () => {
    const r = await ctx.op(['key', 'rotate', '--node', demo().manyEdgesNodeId, '--dry-run']);
    expect(r).toMatchObject({code: 0, stderr: ''});
    expect(r.stdout).toMatch(
      new RegExp(`^node: ${demo().manyEdgesNodeId}\npeer: [0-9a-f-]{36}\naffected_peers: ${demo().manyEdgesCount}\nalready_pending: false\nestimated_duration: (\\d+h)?(\\d+m)?(\\d+s)?\n$`),
    );
  });

  it.each(['json', 'yaml'])('%s is the preview verbatim, edges included', async (mode) => {
    const r = await ctx.op(['key', 'rotate', '--node', demo().manyEdgesNodeId, '--preview', '--output', mode]);
    const p = parse(mode, r.stdout);
    expect(p).toMatchObject({node_id: demo().manyEdgesNodeId, affected_peer_count: demo().manyEdgesCount, already_pending: false});
    expect(p.affected_edges).toHaveLength(demo().manyEdgesCount);
    expect(p.estimated_duration_seconds).toEqual(expect.any(Number));
  });

  it('records nothing: the node stays not pending after any number of previews', async () => {
    const node = await ctx.sb.addNode({edges: 2});
    for (let i = 0; i < 2; i++) expect((await ctx.op(['key', 'rotate', '--node', node.id, '--dry-run'])).code).toBe(0);
    const after = await ctx.op(['key', 'rotate', '--node', node.id, '--dry-run', '--output', 'json']);
    expect(JSON.parse(after.stdout)).toMatchObject({already_pending: false, affected_peer_count: 2});
  });
});

describe('key rotate', () => {
  it('text prints the handle, then says plainly that a repeat was already pending (exit 0 both times)', async () => {
    const node = await ctx.sb.addNode({edges: 3});
    const first = await ctx.op(['key', 'rotate', '--node', node.id]);
    expect(first).toMatchObject({code: 0, stderr: ''});
    expect(first.stdout).toMatch(/^rotation_id: [0-9a-f-]{36}\npeer_id: [0-9a-f-]{36}\nalready_pending: false\n$/);
    const again = await ctx.op(['key', 'rotate', '--node', node.id]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(first.stdout.split('\n')[0]);
    expect(again.stdout).toContain('already_pending: true\n');
    expect(again.stdout).toContain(`rotation already pending for node ${node.id}; nothing new was recorded`);
    const preview = await ctx.op(['key', 'rotate', '--node', node.id, '--dry-run']);
    expect(preview.stdout).toContain('already_pending: true');
  });

  it.each(['json', 'yaml'])('%s prints the handle verbatim', async (mode) => {
    const node = await ctx.sb.addNode({edges: 1});
    const r = await ctx.op(['key', 'rotate', '--node', node.id, '--output', mode]);
    expect(r).toMatchObject({code: 0, stderr: ''});
    expect(parse(mode, r.stdout)).toEqual({rotation_id: expect.any(String), peer_id: node.peerId, already_pending: false});
    const pending = await ctx.op(['key', 'rotate', '--node', demo().pendingRotationNodeId, '--output', mode]);
    expect(pending.code).toBe(0);
    expect(parse(mode, pending.stdout)).toMatchObject({already_pending: true});
  });

  it('the viewer gets a ReBAC 403 → exit 77 on both paths, before any existence check', async () => {
    for (const extra of [[], ['--dry-run']]) {
      for (const node of [demo().pendingRotationNodeId, UNKNOWN]) {
        const r = await ctx.viewer(['key', 'rotate', '--node', node, ...extra]);
        expect(r).toMatchObject({code: 77, stdout: ''});
        expect(r.stderr).toMatch(/^plexconsole: 403 Forbidden: .*\(correlation [0-9a-f-]+\)\n$/);
      }
    }
  });

  it('an unknown node is 404 node_not_found → exit 4 on both paths', async () => {
    for (const extra of [[], ['--dry-run']]) {
      const r = await ctx.op(['key', 'rotate', '--node', UNKNOWN, ...extra, '--output', 'json']);
      expect(r).toMatchObject({code: 4, stdout: ''});
      expect(r.stderr).toContain('[node_not_found]');
    }
  });

  it('a wrong bearer exits 3', async () => {
    const r = await run(['key', 'rotate', '--node', demo().pendingRotationNodeId], {env: {PLEXSPHERE_URL: ctx.sb.url, PLEXSPHERE_TOKEN: 'psat_wrong'}});
    expect(r).toMatchObject({code: 3, stdout: ''});
  });
});

describe('whoami', () => {
  it('text lists the principal as key: value lines', async () => {
    const r = await ctx.op(['whoami']);
    expect(r).toMatchObject({code: 0, stderr: ''});
    expect(r.stdout).toMatch(/^subject: \S+\nprincipal_type: user\nprincipal_scope: domain\ndomain_id: \S+\nemail: operator@\S+\n/);
  });

  it.each(['json', 'yaml'])('%s is the payload verbatim, for the viewer too, with PLEXSPHERE_TOKEN', async (mode) => {
    const r = await run(['whoami', '--output', mode], {env: {PLEXSPHERE_URL: ctx.sb.url, PLEXSPHERE_TOKEN: ctx.sb.viewerToken}});
    expect(r).toMatchObject({code: 0, stderr: ''});
    expect(parse(mode, r.stdout)).toMatchObject({principal_type: 'user', email: expect.stringMatching(/^viewer@/)});
  });

  it('a wrong bearer exits 3; no server configured exits 2', async () => {
    expect((await run(['whoami'], {env: {PLEXSPHERE_URL: ctx.sb.url, PLEXSPHERE_TOKEN: 'psat_wrong'}})).code).toBe(3);
    const r = await run(['whoami'], {env: {PLEXSPHERE_TOKEN: 'psat_wrong'}});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PLEXSPHERE_URL');
  });

  it('--reveal-secrets and --yes are accepted and change nothing', async () => {
    const a = await ctx.op(['whoami', '--output', 'json']);
    const b = await ctx.op(['whoami', '--output', 'json', '--reveal-secrets', '--yes']);
    expect(b).toEqual(a);
  });
});
