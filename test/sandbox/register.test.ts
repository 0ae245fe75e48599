import {randomBytes, randomUUID} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {useSandbox} from '../support/sandbox.js';
import {call, client} from './http.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-register-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const sandbox = useSandbox({dataDir: dir});
const op = client(() => sandbox().url, () => sandbox().operatorToken);
const pid = () => sandbox().demo!.tokenProjectId;

const key = () => randomBytes(32).toString('base64');
async function issue(opts: {kind?: string; ttl?: number; project?: string; env?: string} = {}) {
  const r = await op('POST', `/v1/projects/${opts.project ?? pid()}/bootstrap-tokens`, {
    body: {kind: opts.kind ?? 'node', env_prefix: opts.env ?? 'prod', ttl_seconds: opts.ttl ?? 3600},
  });
  expect(r.status).toBe(201);
  return r.body as {token_id: string; token: string};
}
const register = (token: string, over: Record<string, unknown> = {}) =>
  call(sandbox().url, 'POST', '/v1/register', {
    body: {project_id: pid(), resource_handle: 'edge-router-01', bootstrap_token: token, nonce: randomUUID(), public_key: key(), ...over},
  });
const meta = async (id: string, project = pid()) => (await op('GET', `/v1/projects/${project}/bootstrap-tokens/${id}`)).body;

describe('storage', () => {
  test('only an Argon2id hash is stored: the plaintext is nowhere in the SQLite file', async () => {
    const {token} = await issue();
    const file = readFileSync(sandbox().dbFile!);
    expect(file.includes(Buffer.from(token))).toBe(false);
    expect(file.includes(Buffer.from(token.split('_').at(-1)!))).toBe(false);
    expect(file.includes(Buffer.from('$argon2id$v=19$m=19456,t=2,p=1$'))).toBe(true);
  });
});

describe('redemption', () => {
  test('201 RegisterResponse, the token becomes consumed, and a second use is 403 token_consumed', async () => {
    const {token, token_id} = await issue();
    const r = await register(token, {resource_handle: 'edge-router-07'});
    expect(r.status).toBe(201);
    expect(r.body.mesh_ip).toMatch(/^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.\d+\.\d+$/);
    expect(r.body.domain_mesh_cidr).toBe('100.64.0.0/10');
    expect(r.body.peer_snapshot.length).toBeGreaterThan(0);
    expect(Buffer.from(r.body.nsk, 'base64')).toHaveLength(32);
    expect(await meta(token_id)).toHaveProperty('consumed_at');
    const nodes = (await op('GET', '/v1/nodes?limit=200')).body.items as {id: string; name?: string}[];
    expect(nodes.find((n) => n.id === r.body.node_id)?.name).toBe('edge-router-07');
    const again = await register(token);
    expect([again.status, again.body.code]).toEqual([403, 'token_consumed']);
  });

  test('a bridge token at the Node endpoint is 403 kind_mismatch and stays unconsumed', async () => {
    const {token, token_id} = await issue({kind: 'bridge'});
    const r = await register(token);
    expect([r.status, r.body.code]).toEqual([403, 'kind_mismatch']);
    expect(await meta(token_id)).not.toHaveProperty('consumed_at');
  });

  test('a token of another Project is 403 project_mismatch', async () => {
    const other = sandbox().demo!.projects['edge-staging']!;
    const {token} = await issue({project: other});
    const r = await register(token);
    expect([r.status, r.body.code]).toEqual([403, 'project_mismatch']);
  });

  test('expired is 403 token_expired; revoked is 403 token_revoked; both is token_expired (precedence)', async () => {
    const expiring = await issue({ttl: 300});
    const both = await issue({ttl: 300});
    const revoked = await issue({ttl: 3600});
    for (const t of [both, revoked]) expect((await op('DELETE', `/v1/projects/${pid()}/bootstrap-tokens/${t.token_id}`)).status).toBe(204);
    sandbox().advance(301_000);
    expect((await register(expiring.token)).body.code).toBe('token_expired');
    expect((await register(both.token)).body.code).toBe('token_expired');
    expect((await register(revoked.token)).body.code).toBe('token_revoked');
  });

  test('a nonce already used in the Project is 403 nonce_collision and the second token stays live', async () => {
    const a = await issue();
    const b = await issue();
    const nonce = randomUUID();
    expect((await register(a.token, {nonce})).status).toBe(201);
    const r = await register(b.token, {nonce});
    expect([r.status, r.body.code]).toEqual([403, 'nonce_collision']);
    expect(await meta(b.token_id)).not.toHaveProperty('consumed_at');
  });

  test.each([
    ['too short', Buffer.alloc(31, 1).toString('base64')],
    ['all zero', Buffer.alloc(32).toString('base64')],
    ['not base64', '!'.repeat(43) + '='],
  ])('a %s public_key is 400 public_key_invalid and does not burn the token', async (_why, publicKey) => {
    const {token, token_id} = await issue();
    const r = await register(token, {public_key: publicKey});
    expect([r.status, r.body.code]).toEqual([400, 'public_key_invalid']);
    expect(await meta(token_id)).not.toHaveProperty('consumed_at');
    expect((await register(token)).status).toBe(201);
  });

  test('an unknown Project is 404 project_not_found', async () => {
    const {token} = await issue();
    const r = await register(token, {project_id: '01900000-0000-7000-8000-00000000dead'});
    expect([r.status, r.body.code]).toEqual([404, 'project_not_found']);
  });

  test('missing or empty fields are 422 naming the field', async () => {
    const {token} = await issue();
    for (const [field, value] of [['bootstrap_token', ''], ['nonce', undefined], ['project_id', 'nope']] as const) {
      const r = await register(token, {[field]: value});
      expect(r.status).toBe(422);
      expect(r.body.detail).toContain(field);
    }
  });

  test('an unknown plaintext in the right format is a 403 with a code the contract lists, and burns nothing', async () => {
    const {token, token_id} = await issue();
    const forged = token.replace(/_[a-z2-7]+$/, `_${'a'.repeat(40)}`);
    const r = await register(forged);
    expect([r.status, r.body.code]).toEqual([403, 'token_consumed']);
    expect(r.body.detail).toMatch(/never issued/);
    expect(await meta(token_id)).not.toHaveProperty('consumed_at');
  });

  test('a plaintext not in the documented format is a 422 naming bootstrap_token', async () => {
    for (const t of ['not-a-token', 'psb_prod_x_node_short', 'psb_Prod_aaaa_node_aaaaaaaaaaaaaaaaaaaaaaaa']) {
      const r = await register(t);
      expect([r.status, r.body.code]).toEqual([422, 'invalid_register_request']);
      expect(r.body.detail).toContain('bootstrap_token');
    }
  });

  test('an unknown resource_handle is 404 resource_not_found and the token stays live', async () => {
    const {token, token_id} = await issue();
    const r = await register(token, {resource_handle: 'no-such-router'});
    expect([r.status, r.body.code]).toEqual([404, 'resource_not_found']);
    expect(r.body.detail).toContain('no-such-router');
    expect(await meta(token_id)).not.toHaveProperty('consumed_at');
    expect((await register(token)).status).toBe(201);
  });

  test('a handle of another Project is not found either; an added Resource is, and names the Node', async () => {
    const {token} = await issue();
    expect((await register(token, {resource_handle: 'lab-vm-01'})).body.code).toBe('resource_not_found');
    await sandbox().addResource({projectId: pid(), handle: 'edge-lb-9', kind: 'bridge'});
    const r = await register(token, {resource_handle: 'edge-lb-9'});
    expect(r.status).toBe(201);
    const node = ((await op('GET', '/v1/nodes?limit=200')).body.items as {id: string; name?: string; kind?: string}[]).find((n) => n.id === r.body.node_id);
    expect(node).toMatchObject({name: 'edge-lb-9', kind: 'bridge'});
  });

  test('a body that is JSON but not an object is a 422, never a 400', async () => {
    for (const raw of ['[]', '"x"', 'null', '42']) {
      const r = await call(sandbox().url, 'POST', '/v1/register', {raw});
      expect([r.status, r.body.code]).toEqual([422, 'invalid_register_request']);
    }
  });
});
