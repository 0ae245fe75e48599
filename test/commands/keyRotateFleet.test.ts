// key rotate with several Nodes: waves that never share an edge, stop on the first failure.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {listAllNodes} from '../../src/api/nodes.js';
import {journalPath} from '../../src/journal/journal.js';
import {run} from './fixtures/harness.js';
import {useCommandSandbox} from './fixtures/sandbox.js';

const ctx = useCommandSandbox();
let byName = new Map<string, string>();
beforeAll(async () => {
  const c = createClient({server: ctx.sb.url, token: ctx.sb.operatorToken});
  byName = new Map((await listAllNodes(c)).items.map((n) => [n.name ?? '', n.id]));
  await c.close();
});
afterEach(() => ctx.sb.faults.clear());
const agent = (i: number): string => byName.get(`edge-agent-${String(i).padStart(2, '0')}`) ?? '';
const hub = (): string => byName.get('relay-hub-1') ?? '';
const nodeFlags = (ids: string[]) => ids.flatMap((id) => ['--node', id]);

/** Runs with the sandbox clock moving fast, so rotations complete at the first poll. */
async function fast<T>(fn: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => ctx.sb.advance(5_000), 100);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
  }
}

describe('key rotate, a fleet', () => {
  it('--dry-run plans waves: the hub alone, its agents together, nothing recorded', async () => {
    const ids = [hub(), agent(1), agent(2), agent(3)];
    const r = await ctx.op(['key', 'rotate', ...nodeFlags(ids), '--wave', '5', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wave 1/2: ${hub()}\nwave 2/2: ${agent(1)} ${agent(2)} ${agent(3)}\n`);
    expect(r.stdout).toMatch(/^nodes: 4\naffected_edges: \d+\ndistinct_peers: \d+\nlongest_estimate: \S+\nalready_pending: none\n/);
    const json = JSON.parse((await ctx.op(['key', 'rotate', ...nodeFlags(ids), '--wave', '5', '--dry-run', '--output', 'json'])).stdout) as {wave: number}[];
    expect(json.map((x) => x.wave)).toEqual([1, 2, 2, 2]);
    const after = await ctx.op(['key', 'rotate', '--node', agent(1), '--dry-run']);
    expect(after.stdout).toContain('already_pending: false');
  });

  it('10 agents in waves of 5: a line per node, exit 0, one journal line per trigger', async () => {
    const ids = Array.from({length: 10}, (_, i) => agent(i + 1));
    const home = mkdtempSync(join(tmpdir(), 'plexconsole-fleet-'));
    const r = await fast(() => ctx.op(['key', 'rotate', ...nodeFlags(ids), '--wave', '5'], {homeDir: home}));
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('completed 10 · failed 0 · not started 0 (10 nodes, 2 waves)');
    const done = lines.slice(0, -1);
    expect(done.every((l) => /^completed {4}\S+ wave [12]\/2 in \S+$/.test(l))).toBe(true);
    // Lines come as nodes complete, and every wave-1 node completes before wave 2 starts.
    expect(done.map((l) => l.includes('wave 1/2') ? 1 : 2)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    const journal = readFileSync(journalPath({}, home), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as {action: string; outcome: string; targets: {node_id: string}});
    expect(journal.map((j) => `${j.action} ${j.outcome}`)).toEqual(Array(10).fill('rotate requested'));
    expect(new Set(journal.map((j) => j.targets.node_id))).toEqual(new Set(ids));
  }, 60_000);

  it('an injected 500 stops the run after its wave: who failed, why, and what is left', async () => {
    const ids = Array.from({length: 6}, (_, i) => agent(i + 11));
    ctx.sb.faults.failRotation(ids[2]!, '500');
    const r = await fast(() => ctx.op(['key', 'rotate', ...nodeFlags(ids), '--wave', '2', '--output', 'json']));
    expect(r.code).toBe(1);
    const records = JSON.parse(r.stdout) as {node_id: string; wave: number; outcome: string; reason?: string; status?: number}[];
    expect(records.map((x) => [x.wave, x.outcome])).toEqual([[1, 'completed'], [1, 'completed'], [2, 'failed'], [2, 'completed'], [3, 'not_started'], [3, 'not_started']]);
    expect(records[2]).toMatchObject({node_id: ids[2], status: 500, reason: expect.stringContaining('the trigger failed: 500')});
    expect(r.stderr).toBe(`plexconsole: stopped: node ${ids[2]} failed: ${records[2]?.reason}; resume with: --node ${ids[4]} --node ${ids[5]}\n`);
  }, 60_000);

  it('a rotation stuck past its estimate plus margin fails the run', async () => {
    const ids = [agent(17), agent(18)];
    ctx.sb.faults.failRotation(ids[0]!, 'stuck');
    const r = await fast(() => ctx.op(['key', 'rotate', ...nodeFlags(ids)]));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^failed {7}${ids[0]} wave 1/2: still pending \\d+s after the trigger \\(estimate 4s \\+ margin 5s\\)\\n`));
    expect(r.stdout).toContain(`not started  ${ids[1]} wave 2/2\n`);
    expect(r.stdout).toMatch(/completed 0 · failed 1 · not started 1 \(2 nodes, 2 waves\)\n$/);
  }, 60_000);

  it('--nodes-file reads ids, skips comments, and rotates nothing when a preview fails', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plexconsole-nodes-')), 'nodes.txt');
    writeFileSync(file, `# incident 42\n${agent(19)}\n\n0190a8b8-0000-7000-8000-00000000dead  # gone\n`);
    const r = await ctx.op(['key', 'rotate', '--nodes-file', file]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^plexconsole: preview of node 0190a8b8-0000-7000-8000-00000000dead failed, nothing was rotated: 404 /);
    expect((await ctx.op(['key', 'rotate', '--node', agent(19), '--dry-run'])).stdout).toContain('already_pending: false');
    const plan = await ctx.op(['key', 'rotate', '--nodes-file', file.replace('nodes.txt', 'missing.txt')]);
    expect(plan.code).toBe(2);
  });

  it.each([
    [['--wave', '0'], '--wave must be a whole number'],
    [['--wave', 'two'], '--wave must be a whole number'],
    [['--node', 'nope', '--node', '0190a8b8-0000-7000-8000-000000000001'], '--node "nope" is not a UUID'],
  ])('usage %j exits 2 before any request', async (flags, message) => {
    const r = await run(['key', 'rotate', '--node', '0190a8b8-0000-7000-8000-000000000002', ...flags], {env: {PLEXSPHERE_URL: 'http://127.0.0.1:9', PLEXSPHERE_TOKEN: 'x'}});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
