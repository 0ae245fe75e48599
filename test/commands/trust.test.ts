// Issue 8 on the headless verbs: tolerant reading, honest rotation reports, seed-faithful
// error lines, messages that name the real value, and the exact credential redacted.
import {beforeEach, describe, expect, it} from 'vitest';
import {run} from './fixtures/harness.js';
import {problem, useTestServer, type Handler} from './fixtures/testServer.js';

// Letters only: the old `Bearer <word with a digit>` pattern could never catch it.
const TOKEN = 'lettersonlybearercredential';
const P = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0';
const T = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1';
const N = '0190a8b8-b1c1-7b1b-8b1b-b1b1b1b1b1b1';
const R = '0190a8b8-c2c2-7c2c-8c2c-c2c2c2c2c2c2';
const meta = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: T, project_id: P, kind: 'node', env_prefix: 'prod', issued_at: '2026-05-01T10:00:00Z',
  expires_at: '2026-05-01T11:00:00Z', issued_by_user_id: R, ...extra,
});
const PLAINTEXT = 'psb_prod_aebagbafaydqqbrhibbsa3kqaq_node_xxxxxxxxxxxxxxxxxxxxxxxxxx';

let handler: Handler = () => ({status: 500});
const fx = useTestServer(TOKEN, (req) => handler(req));

const list = ['bootstrap-token', 'list', '--project', P];

describe('a token of an unknown kind', () => {
  beforeEach(() => {
    handler = (req) => ({status: 200, json: req.path.includes(T) ? meta({kind: 'worker'}) : {items: [meta({kind: 'worker'})]}});
  });
  it.each(['text', 'json', 'yaml'])('is listed as received in %s', async (mode) => {
    const r = await run([...list, '--output', mode], {env: fx.env});
    expect(r).toMatchObject({code: 0, stderr: ''});
    expect(r.stdout).toContain('worker');
  });
  it('is shown by get', async () => {
    const r = await run(['bootstrap-token', 'get', '--project', P, '--token-id', T], {env: fx.env});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kind: worker\n');
  });
  it('and an unknown principal_type is shown by whoami', async () => {
    handler = () => ({status: 200, json: {principal_type: 'robot', subject: 's-1'}});
    const r = await run(['whoami'], {env: fx.env});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('principal_type: robot\n');
  });
});

describe('an unreadable list item', () => {
  beforeEach(() => {
    handler = () => ({status: 200, json: {items: [meta(), meta({id: 'not-a-uuid'})]}});
  });
  it('is skipped in text with a count and the reason on stderr', async () => {
    const r = await run(list, {env: fx.env});
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(r.stderr).toBe('# skipped 1 unreadable item: [1] id: Invalid UUID\n');
  });
  it('stays in json verbatim, with a note that it does not match the contract', async () => {
    const r = await run([...list, '--output', 'json'], {env: fx.env});
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items).toHaveLength(2);
    expect(r.stderr).toBe('# 1 item does not match the contract: [1] id: Invalid UUID\n');
  });
  it('is counted by list --all too', async () => {
    const r = await run([...list, '--all'], {env: fx.env});
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('# skipped 1 unreadable item');
  });
});

describe('list --all against a server that never ends', () => {
  it('stops after a few empty pages with a clear error and exit 1', async () => {
    let n = 0;
    handler = () => ({status: 200, json: {items: [], next_cursor: `fresh-${n++}`}});
    const r = await run([...list, '--all'], {env: fx.env});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^plexconsole: listing stopped: the server sent 5 empty pages in a row/);
    expect(fx.server.requests).toHaveLength(5);
  });
});

describe('issue', () => {
  it('a 200 with a valid issue body prints the plaintext and exits 0', async () => {
    handler = () => ({status: 200, json: {token_id: T, token: PLAINTEXT, issued_at: '2026-05-01T10:00:00Z', expires_at: '2026-05-01T11:00:00Z'}});
    const r = await run(['bootstrap-token', 'issue', '--project', P, '--kind', 'node', '--env-prefix', 'prod', '--ttl', '1h'], {env: fx.env});
    expect(r).toMatchObject({code: 0, stderr: ''});
    expect(r.stdout).toContain(`${PLAINTEXT}\ntoken_id: ${T}\n`);
  });
});

describe('key rotate after a dropped connection', () => {
  const preview = (pending: boolean) => ({
    status: 200,
    json: {node_id: N, peer_id: R, affected_peer_count: 0, affected_edges: [], already_pending: pending, estimated_duration_seconds: 30},
  });
  it('reads the preview instead of re-sending, and says a pending rotation may be the one just sent', async () => {
    handler = (req) => (req.method === 'POST' ? {drop: true} : preview(true));
    const r = await run(['key', 'rotate', '--node', N], {env: fx.env});
    // The rotation paths only: the journal may also read whoami once after a mutation.
    const rotation = fx.server.requests.filter((q) => q.path.includes('/keys/rotate'));
    expect(rotation.map((q) => `${q.method} ${q.path.endsWith('/preview') ? 'preview' : 'trigger'}`)).toEqual(['POST trigger', 'GET preview']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^plexconsole: connection failed: .*; a rotation is pending; it may be the one just sent\n$/);
    expect(r.stderr).not.toContain('nothing new was recorded');
  });
  it('exits 1 when nothing is pending afterwards', async () => {
    handler = (req) => (req.method === 'POST' ? {drop: true} : preview(false));
    const r = await run(['key', 'rotate', '--node', N], {env: fx.env});
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no rotation is pending now');
    expect(fx.server.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
  });
});

describe('seed fidelity', () => {
  it('a 403 on bootstrap-token carries reason and the relation needed (exit 4)', async () => {
    handler = () => problem(403, 'Forbidden', 'permission_denied', {reason: 'insufficient_relation', need: 'project:manage or project:deploy', correlation_id: 'c-1'});
    const r = await run(['bootstrap-token', 'revoke', '--project', P, '--token-id', T, '--yes'], {env: fx.env});
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      'plexconsole: 403 Forbidden: Forbidden (permission_denied) [permission_denied] [insufficient_relation] (need project:manage or project:deploy) (correlation c-1)\n',
    );
  });
  it('--ttl -5m names the negative TTL, not a missing value', async () => {
    const r = await run(['bootstrap-token', 'issue', '--project', P, '--kind', 'node', '--env-prefix', 'prod', '--ttl', '-5m'], {env: fx.env});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('TTL must be a positive duration between 5m and 24h (got -5m)');
    expect(fx.server.requests).toHaveLength(0);
  });
  it('--timeout 1500ms reports a 1.5s deadline', async () => {
    // A server that accepts and never answers: a raw TCP listener.
    const {createServer} = await import('node:net');
    const hang = createServer(() => {});
    await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
    const port = (hang.address() as {port: number}).port;
    try {
      const r = await run(['whoami', '--timeout', '1500ms'], {env: {...fx.env, PLEXSPHERE_URL: `http://127.0.0.1:${port}`}});
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('plexconsole: timed out after 1.5s\n');
    } finally {
      hang.close();
    }
  });
});

describe('the exact bearer credential is redacted wherever it is printed', () => {
  it('a server echoing the letters-only token in a Problem never gets it onto stderr', async () => {
    handler = () => problem(401, 'Unauthorized', 'unauthenticated', {detail: `token ${TOKEN} is not valid`});
    const r = await run(['whoami'], {env: fx.env});
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('plexconsole: 401 Unauthorized: token [redacted] is not valid [unauthenticated]\n');
  });
  it('a server echoing it in a displayed field never gets it onto stdout', async () => {
    handler = () => ({status: 200, json: {principal_type: 'user', subject: `you are ${TOKEN}`}});
    for (const mode of ['text', 'json', 'yaml']) {
      const r = await run(['whoami', '--output', mode], {env: fx.env});
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('[redacted]');
    }
  });
});
