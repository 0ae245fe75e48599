// Shapes the contract-following sandbox never produces, from a small counting server.
import {beforeEach, describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {run} from './fixtures/harness.js';
import {problem, useTestServer, type Handler, type Reply} from './fixtures/testServer.js';

const TOKEN = 'pst_faults_secret_4f7d2a91c3';
const P = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0';
const T = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1';
const N = '0190a8b8-b1c1-7b1b-8b1b-b1b1b1b1b1b1';
const R = '0190a8b8-c2c2-7c2c-8c2c-c2c2c2c2c2c2';
const meta = (extra: Record<string, unknown>): Record<string, unknown> => ({
  id: T, project_id: P, kind: 'node', env_prefix: 'prod', issued_at: '2026-05-01T10:00:00Z',
  expires_at: '2026-05-01T11:00:00Z', issued_by_user_id: R, ...extra,
});

let handler: Handler = () => ({status: 500});
const fx = useTestServer(TOKEN, (req) => handler(req));

const rotate = ['key', 'rotate', '--node', N];
// The tests that pin a mutation's exact requests turn the journal off: its one-time whoami
// GET is another request (test/commands/journal.test.ts covers the journal on this server).
const NJ = '--no-journal';
const methods = (): string[] => fx.server.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);

describe('key rotate: 409 already_pending (plexctl docs shape)', () => {
  beforeEach(() => {
    handler = () => problem(409, 'Conflict', 'already_pending');
  });
  it('text says so plainly and exits 0', async () => {
    const r = await run(rotate, {env: fx.env});
    expect(r).toMatchObject({code: 0, stderr: ''});
    expect(r.stdout).toContain(`rotation already pending for node ${N}; nothing new was recorded`);
  });
  it.each(['json', 'yaml'])('%s keeps stdout empty (plexctl prints no payload) and exits 0', async (mode) => {
    const r = await run([...rotate, '--output', mode], {env: fx.env});
    expect(r).toMatchObject({code: 0, stdout: ''});
    expect(r.stderr).toContain('already pending');
  });
});

describe('key rotate: plexctl-docs handle {rotation_id, node_id, state, requested_at}', () => {
  it('prints the fields present', async () => {
    handler = () => ({status: 200, json: {rotation_id: R, node_id: N, state: 'pending', requested_at: '2026-05-01T10:00:00.5Z'}});
    const r = await run(rotate, {env: fx.env});
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`rotation_id: ${R}\nnode_id: ${N}\nstate: pending\nalready_pending: false\nrequested_at: 2026-05-01T10:00:00Z\n`);
  });
});

describe('key rotate --dry-run never POSTs', () => {
  it('only the preview GET reaches the server, in every output mode', async () => {
    const preview = {node_id: N, peer_id: R, affected_peer_count: 1, already_pending: false, estimated_duration_seconds: 45,
      affected_edges: [{peer_node_id: T, current_kid: 'kid-1', current_wrap_key_version: 3}]};
    handler = (req) => (req.method === 'GET' ? {status: 200, json: preview} : {status: 500});
    const text = await run([...rotate, '--dry-run'], {env: fx.env});
    expect(text.stdout).toBe(`node: ${N}\npeer: ${R}\naffected_peers: 1\nalready_pending: false\nestimated_duration: 45s\n`);
    for (const mode of ['json', 'yaml']) expect((await run([...rotate, '--preview', '--output', mode], {env: fx.env})).code).toBe(0);
    expect(JSON.parse((await run([...rotate, '--dry-run', '--output', 'json'], {env: fx.env})).stdout)).toEqual(preview);
    expect(new Set(methods())).toEqual(new Set([`GET /v1/nodes/${N}/keys/rotate/preview`]));
    expect(fx.server.requests.every((q) => q.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });
});

describe('501 not provisioned exits 64 on both rotate paths', () => {
  it.each([
    ['trigger', [...rotate, NJ], 'node_keys_rotate_not_provisioned', 'POST'],
    ['preview', [...rotate, '--dry-run'], 'node_keys_rotate_preview_not_provisioned', 'GET'],
  ])('%s', async (_n, argv, code, method) => {
    handler = () => problem(501, 'Not Implemented', code);
    for (const mode of ['text', 'json', 'yaml']) {
      const r = await run([...argv, '--output', mode], {env: fx.env});
      expect(r).toMatchObject({code: 64, stdout: ''});
      expect(r.stderr).toMatch(new RegExp(`^plexconsole: 501 Not Implemented: .*\\[${code}\\]\\n$`));
    }
    expect(new Set(fx.server.requests.map((q) => q.method))).toEqual(new Set([method]));
  });
});

describe('403 on the key family', () => {
  it('rebac_denied exits 77', async () => {
    handler = () => problem(403, 'Forbidden', 'rebac_denied');
    expect((await run(rotate, {env: fx.env})).code).toBe(77);
    expect((await run([...rotate, '--preview'], {env: fx.env})).code).toBe(77);
  });
  it('a 403 that is no ReBAC decision (CSRF) falls back to 4', async () => {
    handler = () => problem(403, 'Forbidden', 'csrf_origin_mismatch');
    expect((await run(rotate, {env: fx.env})).code).toBe(4);
  });
});

describe('issue is sent exactly once', () => {
  it('a connection dropped after sending reports an unknown outcome and exits 1', async () => {
    handler = () => ({drop: true});
    const r = await run(['bootstrap-token', 'issue', '--project', P, '--kind', 'node', '--env-prefix', 'prod', '--ttl', '1h', NJ], {env: fx.env});
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('may or may not have been issued');
    expect(r.stderr).toContain(`plexconsole bootstrap-token list --project ${P}`);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(methods()).toEqual([`POST /v1/projects/${P}/bootstrap-tokens`]);
    expect(JSON.parse(fx.server.requests[0]?.body ?? '')).toEqual({kind: 'node', env_prefix: 'prod', ttl_seconds: 3600});
  });
  it.each([
    ['a body that fails the schema', {status: 201, json: {token_id: 'not-a-uuid', token: 'psb_prod_aebagbafaydqqbrhibbsa3kqaq_node_plaintextplaintextplain'}}],
    ['a body that is not JSON', {status: 201, json: undefined, raw: 'token=psb_prod_aebagbafaydqqbrhibbsa3kqaq_node_plaintextplaintextplain'}],
  ])('%s: exit 1, unknown outcome, and the plaintext is not echoed', async (_n, reply) => {
    handler = () => reply as Reply;
    const r = await run(['bootstrap-token', 'issue', '--project', P, '--kind', 'node', '--env-prefix', 'prod', '--ttl', '1h', NJ], {env: fx.env});
    expect(r).toMatchObject({code: 1, stdout: ''});
    expect(r.stderr).toContain('may or may not have been issued');
    expect(r.stderr).not.toContain('_node_plaintext');
    expect(fx.server.requests).toHaveLength(1);
  });
  it('a 503 is not retried either', async () => {
    handler = () => problem(503, 'Service Unavailable', 'datastore_unavailable');
    const r = await run(['bootstrap-token', 'issue', '--project', P, '--kind', 'bridge', '--env-prefix', 'staging', '--ttl', '15m', NJ], {env: fx.env});
    expect(r.code).toBe(1);
    expect(fx.server.requests).toHaveLength(1);
  });
});

describe('revoke 409', () => {
  const revoke = ['bootstrap-token', 'revoke', '--project', P, '--token-id', T, '--yes'];
  const conflictThen = (m: Record<string, unknown>): Handler => (req) =>
    req.method === 'DELETE' ? problem(409, 'Conflict', 'token_closed') : {status: 200, json: meta(m)};
  it('of a consumed token says when a redeemer used it and exits 1', async () => {
    handler = conflictThen({consumed_at: '2026-05-01T10:31:00Z'});
    for (const mode of ['text', 'json']) {
      const r = await run([...revoke, '--output', mode, NJ], {env: fx.env});
      expect(r).toEqual({code: 1, stdout: '', stderr: 'plexconsole: a redeemer used this token at 2026-05-01T10:31:00Z; revoking had no effect\n'});
    }
    const pair = [`DELETE /v1/projects/${P}/bootstrap-tokens/${T}`, `GET /v1/projects/${P}/bootstrap-tokens/${T}`];
    expect(methods()).toEqual([...pair, ...pair]);
  });
  it('of an already revoked token is a no-op: exit 0, note on stderr', async () => {
    handler = conflictThen({revoked_at: '2026-05-01T10:20:00Z', consumed_at: null});
    const r = await run(revoke, {env: fx.env});
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('already revoked at 2026-05-01T10:20:00Z');
  });
});

describe('server text is sanitised', () => {
  it('escape sequences in a Problem detail never reach stderr', async () => {
    handler = () => ({status: 404, problem: true, json: {title: 'Not \u001b[2JFound', status: 404, detail: 'evil\u001b]52;c;ZXZpbA==\u0007 node', code: 'node_not_found'}});
    const r = await run(rotate, {env: fx.env});
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('plexconsole: 404 Not Found: evil node [node_not_found]\n');
  });
  it('a list page with control characters stays a clean table', async () => {
    handler = () => ({status: 200, json: {items: [meta({env_prefix: 'pr\u001b[31mod'})], next_cursor: 'c\u001b[2J1'}});
    const r = await run(['bootstrap-token', 'list', '--project', P], {env: fx.env});
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout).toContain(' prod ');
    expect(r.stderr).toBe('# next page: --cursor c1\n');
  });
});

describe('other runtime failures exit 1', () => {
  it.each([
    ['a 500', () => problem(500, 'Internal Server Error', 'internal')],
    ['a body that fails the schema', () => ({status: 200, json: {subject: 42}})],
    ['a dropped connection', () => ({drop: true})],
  ] as [string, Handler][])('%s', async (_n, h) => {
    handler = h;
    const r = await run(['whoami', '--output', 'yaml'], {env: fx.env});
    expect(r).toMatchObject({code: 1, stdout: ''});
    expect(r.stderr).toMatch(/^plexconsole: .+\n$/);
  });
  it('a 401 exits 3', async () => {
    handler = () => problem(401, 'Unauthorized', 'unauthenticated');
    expect((await run(['whoami'], {env: fx.env})).code).toBe(3);
  });
  it('a cursor that starts with a dash is printed as --cursor=C so it pastes back as one flag', async () => {
    handler = () => ({status: 200, json: {items: [], next_cursor: '-AbC_1'}});
    const r = await run(['bootstrap-token', 'list', '--project', P], {env: fx.env});
    expect(r.stderr).toBe('# next page: --cursor=-AbC_1\n');
    const again = await run(['bootstrap-token', 'list', '--project', P, '--cursor=-AbC_1'], {env: fx.env});
    expect(again.code).toBe(0);
    expect(fx.server.requests[1]?.path).toContain('cursor=-AbC_1');
  });
  it('list --limit 0 lets the server pick (no limit sent)', async () => {
    handler = () => ({status: 200, json: {items: []}});
    const r = await run(['bootstrap-token', 'list', '--project', P, '--limit', '0', '--output', 'yaml'], {env: fx.env});
    expect(r.code).toBe(0);
    expect(parseYaml(r.stdout)).toEqual({items: []});
    expect(fx.server.requests[0]?.path).toBe(`/v1/projects/${P}/bootstrap-tokens`);
  });
});
