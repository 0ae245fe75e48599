import {describe, expect, test} from 'vitest';
import {base32} from '../../src/sandbox/ids.js';
import {useSandbox} from '../support/sandbox.js';
import {client} from './http.js';

const sandbox = useSandbox();
const op = client(() => sandbox().url, () => sandbox().operatorToken);
const viewer = client(() => sandbox().url, () => sandbox().viewerToken);
const pid = () => sandbox().demo!.tokenProjectId;
const base = () => `/v1/projects/${pid()}/bootstrap-tokens`;
const CONTRACT_RE = /^psb_[a-z]+_[a-z2-7]+_(node|bridge)_[a-z2-7]{20,}$/;
const MISSING = '01900000-0000-7000-8000-00000000dead';

describe('issue', () => {
  test('201 with the plaintext once, a Location, and expires_at = issued_at + ttl', async () => {
    const r = await op('POST', base(), {body: {kind: 'node', env_prefix: 'prod', ttl_seconds: 3600}});
    expect(r.status).toBe(201);
    expect(r.headers.location).toBe(`${base()}/${r.body.token_id}`);
    expect(Date.parse(r.body.expires_at) - Date.parse(r.body.issued_at)).toBe(3_600_000);
    expect(r.body.token).toMatch(CONTRACT_RE);
  });

  test('the plaintext encodes env, the Project UUID in base32 and kind, then 26 random chars (130 bits)', async () => {
    const r = await op('POST', base(), {body: {kind: 'bridge', env_prefix: 'canary', ttl_seconds: 300}});
    const [psb, env, project, kind, random] = String(r.body.token).split('_');
    expect([psb, env, kind]).toEqual(['psb', 'canary', 'bridge']);
    expect(project).toBe(base32(Buffer.from(pid().replace(/-/g, ''), 'hex')));
    expect(project).toHaveLength(26);
    expect(random).toMatch(/^[a-z2-7]{26}$/);
  });

  test('metadata binds issued_by_user_id to the caller and never carries the plaintext', async () => {
    const issued = await op('POST', base(), {body: {kind: 'node', env_prefix: 'prod', ttl_seconds: 900, issued_by_user_id: MISSING}});
    const meta = await viewer('GET', `${base()}/${issued.body.token_id}`);
    expect(meta.status).toBe(200);
    expect(meta.body.issued_by_user_id).toBe(sandbox().demo!.operatorId);
    expect(Object.keys(meta.body).sort()).toEqual(['env_prefix', 'expires_at', 'id', 'issued_at', 'issued_by_user_id', 'kind', 'project_id']);
    expect(JSON.stringify(meta.body)).not.toContain(issued.body.token);
  });

  test.each([
    [{env_prefix: 'prod', ttl_seconds: 3600}, 'invalid_kind', 'kind'],
    [{kind: 'vm', env_prefix: 'prod', ttl_seconds: 3600}, 'invalid_kind', 'kind'],
    [{kind: 'node', env_prefix: 'Prod', ttl_seconds: 3600}, 'invalid_env_prefix', 'env_prefix'],
    [{kind: 'node', env_prefix: '', ttl_seconds: 3600}, 'invalid_env_prefix', 'env_prefix'],
    [{kind: 'node', env_prefix: 'a'.repeat(33), ttl_seconds: 3600}, 'invalid_env_prefix', 'env_prefix'],
    [{kind: 'node', env_prefix: 'prod', ttl_seconds: 299}, 'invalid_ttl', 'ttl_seconds'],
    [{kind: 'node', env_prefix: 'prod', ttl_seconds: 86_401}, 'invalid_ttl', 'ttl_seconds'],
    [{kind: 'node', env_prefix: 'prod', ttl_seconds: 600.5}, 'invalid_ttl', 'ttl_seconds'],
    [{kind: 'node', env_prefix: 'prod', ttl_seconds: '3600'}, 'invalid_ttl', 'ttl_seconds'],
    [['node'], 'invalid_body', 'JSON object'],
  ])('%j is a 400 %s naming the field', async (body, code, field) => {
    const r = await op('POST', base(), {body});
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(code);
    expect(r.body.detail).toContain(field);
  });

  test('the TTL bounds themselves are accepted', async () => {
    for (const ttl of [300, 86_400]) expect((await op('POST', base(), {body: {kind: 'node', env_prefix: 'x', ttl_seconds: ttl}})).status).toBe(201);
  });

  test('an unknown Project is 404 project_not_found; a malformed id is 400 invalid_project_id', async () => {
    const body = {kind: 'node', env_prefix: 'prod', ttl_seconds: 300};
    const r = await op('POST', `/v1/projects/${MISSING}/bootstrap-tokens`, {body});
    expect([r.status, r.body.code]).toEqual([404, 'project_not_found']);
    const bad = await op('POST', '/v1/projects/nope/bootstrap-tokens', {body});
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid_project_id']);
  });
});

describe('list and get', () => {
  test('lists newest first with consumed_at / revoked_at absent unless set', async () => {
    const r = await viewer('GET', `${base()}?limit=200`);
    const items = r.body.items as Record<string, string>[];
    expect(items.length).toBeGreaterThan(100);
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1]!, items[i]!];
      expect(a.issued_at! > b.issued_at! || (a.issued_at === b.issued_at && a.id! > b.id!)).toBe(true);
    }
    const {tokens} = sandbox().demo!;
    const find = (id: string) => items.find((t) => t.id === id)!;
    expect(find(tokens.consumed)).toHaveProperty('consumed_at');
    expect(find(tokens.consumed)).not.toHaveProperty('revoked_at');
    expect(find(tokens.revoked)).toHaveProperty('revoked_at');
    expect(find(tokens.live)).not.toHaveProperty('consumed_at');
    expect(Date.parse(find(tokens.expired).expires_at!)).toBeLessThan(sandbox().now());
    const soon = Date.parse(find(tokens.expiringSoon).expires_at!) - sandbox().now();
    expect(soon).toBeGreaterThan(60_000);
    expect(soon).toBeLessThan(11 * 60_000);
  });

  test('an unknown token or Project is 404', async () => {
    expect((await op('GET', `${base()}/${MISSING}`)).body.code).toBe('token_not_found');
    expect((await op('GET', `/v1/projects/${MISSING}/bootstrap-tokens`)).body.code).toBe('project_not_found');
    const other = sandbox().demo!.projects['lab-sandbox']!;
    const tokenOfOther = sandbox().demo!.tokens.live;
    expect((await op('GET', `/v1/projects/${other}/bootstrap-tokens/${tokenOfOther}`)).status).toBe(404);
  });
});

describe('revoke', () => {
  test('204, then 409 token_already_revoked on a second revoke', async () => {
    const issued = await op('POST', base(), {body: {kind: 'node', env_prefix: 'prod', ttl_seconds: 600}});
    const path = `${base()}/${issued.body.token_id}`;
    const first = await op('DELETE', path);
    expect(first.status).toBe(204);
    expect(first.body).toBeUndefined();
    expect((await op('GET', path)).body).toHaveProperty('revoked_at');
    const again = await op('DELETE', path);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('token_already_revoked');
    expect(again.body.detail).toContain('revoked');
  });

  test('a consumed token is 409 token_already_consumed', async () => {
    const r = await op('DELETE', `${base()}/${sandbox().demo!.tokens.consumed}`);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('token_already_consumed');
    expect(r.body.detail).toContain('consumed');
  });

  test('an unknown token or Project is 404', async () => {
    expect((await op('DELETE', `${base()}/${MISSING}`)).body.code).toBe('token_not_found');
    expect((await op('DELETE', `/v1/projects/${MISSING}/bootstrap-tokens/${MISSING}`)).body.code).toBe('project_not_found');
  });
});

describe('viewer', () => {
  const denied = (body: Record<string, unknown>) => {
    expect(body).toMatchObject({status: 403, code: 'permission_denied', reason: 'insufficient_relation'});
    expect(body.correlation_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(Array.isArray(body.relation_path) && body.relation_path.length > 0).toBe(true);
  };

  test('issue is a 403 PermissionDenied, even for a Project that does not exist', async () => {
    for (const p of [pid(), MISSING]) {
      const r = await viewer('POST', `/v1/projects/${p}/bootstrap-tokens`, {body: {kind: 'node', env_prefix: 'prod', ttl_seconds: 300}});
      expect(r.status).toBe(403);
      denied(r.body);
    }
  });

  test('revoke is a 403 PermissionDenied and leaves the token live', async () => {
    const live = sandbox().demo!.tokens.live;
    const r = await viewer('DELETE', `${base()}/${live}`);
    expect(r.status).toBe(403);
    denied(r.body);
    expect((await viewer('GET', `${base()}/${live}`)).body).not.toHaveProperty('revoked_at');
  });
});
