// Every resource function and every error branch of decisions.md against the real sandbox.
import {randomUUID} from 'node:crypto';
import {Agent, type Dispatcher} from 'undici';
import {afterAll, describe, expect, test} from 'vitest';
import {
  getBootstrapToken,
  issueBootstrapToken,
  listAllBootstrapTokens,
  listBootstrapTokens,
  revokeBootstrapToken,
} from '../../src/api/bootstrapTokens.js';
import {createClient, type ApiClient, type ApiResponse, type ClientOptions} from '../../src/api/client.js';
import {ApiError, formatErrorLine, isPermissionDenied} from '../../src/api/errors.js';
import {getHealth} from '../../src/api/health.js';
import {listAllNodes, listNodes} from '../../src/api/nodes.js';
import {getProject, listAllProjects, listProjects} from '../../src/api/projects.js';
import {previewRotation, triggerRotation} from '../../src/api/rotation.js';
import {getVersion} from '../../src/api/version.js';
import {getWhoami} from '../../src/api/whoami.js';
import {deriveState} from '../../src/domain/tokenState.js';
import {assertConforms} from '../support/contract.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
const clients: ApiClient[] = [];
afterAll(() => Promise.all(clients.map((c) => c.close())));

function client(who: 'operator' | 'viewer' | string = 'operator', extra: Partial<ClientOptions> = {}): ApiClient {
  const s = sandbox();
  const token = who === 'operator' ? s.operatorToken : who === 'viewer' ? s.viewerToken : who;
  const c = createClient({server: s.url, token, env: {}, ...extra});
  clients.push(c);
  return c;
}
const demo = () => {
  const d = sandbox().demo;
  if (!d) throw new Error('the demo seed is missing');
  return d;
};
function conforms(method: string, path: string, res: ApiResponse<unknown>): void {
  assertConforms(method, path, res.status, res.headers['content-type'], res.raw);
}
// Awaits a rejection, checks it is an ApiError free of bearer tokens and, given the method,
// that the Problem body conforms to the contract for the operation at its `instance` path.
async function failure(p: Promise<unknown>, method?: string): Promise<ApiError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(ApiError);
  const err = e as ApiError;
  const s = sandbox();
  for (const secret of [s.operatorToken, s.viewerToken]) expect(`${err.message} ${JSON.stringify(err.body ?? null)}`).not.toContain(secret);
  if (method && err.status !== undefined && err.instance) assertConforms(method, err.instance, err.status, 'application/problem+json', err.body);
  return err;
}

describe('meta and identity', () => {
  test('health, version and whoami parse and conform', async () => {
    const c = client();
    const health = await getHealth(c);
    conforms('GET', '/v1/health', health);
    expect(health.data.status).toBe('ok');
    conforms('GET', '/v1/version', await getVersion(c));
    const who = await getWhoami(c);
    conforms('GET', '/v1/auth/whoami', who);
    expect(who.data.subject).toBe(demo().operatorId);
  });

  test('a bad bearer token is 401 without echoing the token', async () => {
    const bad = `psk_${randomUUID()}`;
    const e = await failure(getWhoami(client(bad)), 'GET');
    expect(e.status).toBe(401);
    expect(formatErrorLine(e)).not.toContain(bad);
  });
});

describe('projects and nodes', () => {
  test('a project page, all projects and one project by id', async () => {
    const c = client();
    const page = await listProjects(c, {limit: 2});
    conforms('GET', '/v1/projects?limit=2', page);
    expect(page.data.items).toHaveLength(2);
    expect(page.data.next_cursor).toBeTruthy();
    const all = await listAllProjects(c, {limit: 1});
    expect(all.items.map((p) => p.slug)).toEqual(expect.arrayContaining(Object.keys(demo().projects)));
    const one = await getProject(c, demo().tokenProjectId);
    conforms('GET', `/v1/projects/${demo().tokenProjectId}`, one);
    expect(one.data.slug).toBe('edge-prod');
  });

  test('an unknown project is 404 project_not_found', async () => {
    const id = randomUUID();
    const e = await failure(getProject(client(), id), 'GET');
    expect(e).toMatchObject({status: 404, code: 'project_not_found'});
  });

  test('a node page and all nodes, unnamed ones included', async () => {
    const c = client();
    const page = await listNodes(c, {limit: 3});
    conforms('GET', '/v1/nodes?limit=3', page);
    const all = await listAllNodes(c, {limit: 5});
    const ids = all.items.map((n) => n.id);
    for (const id of Object.values(demo().nodes)) expect(ids).toContain(id);
    expect(all.items.find((n) => n.id === demo().nodes.unnamed)?.name ?? undefined).toBeUndefined();
  });
});

describe('bootstrap tokens', () => {
  const body = {kind: 'node', env_prefix: 'apitest', ttl_seconds: 3600} as const;

  test('issue, get, list and revoke a token end to end', async () => {
    const c = client();
    const pid = demo().tokenProjectId;
    const issued = await issueBootstrapToken(c, pid, body);
    conforms('POST', `/v1/projects/${pid}/bootstrap-tokens`, issued);
    expect(issued.status).toBe(201);
    expect(issued.data.token).toMatch(/^psb_apitest_[a-z2-7]+_node_[a-z2-7]{20,}$/);
    const meta = await getBootstrapToken(c, pid, issued.data.token_id);
    conforms('GET', `/v1/projects/${pid}/bootstrap-tokens/${issued.data.token_id}`, meta);
    expect(deriveState(meta.data, Date.now())).toBe('live');
    expect(JSON.stringify(meta.raw)).not.toContain(issued.data.token);
    await revokeBootstrapToken(c, pid, issued.data.token_id);
    const after = await getBootstrapToken(c, pid, issued.data.token_id);
    expect(deriveState(after.data, Date.now())).toBe('revoked');
  });

  test('revoking a revoked token is 409', async () => {
    const pid = demo().tokenProjectId;
    const e = await failure(revokeBootstrapToken(client(), pid, demo().tokens.revoked), 'DELETE');
    expect(e.status).toBe(409);
  });

  test('revoking a consumed token is 409', async () => {
    const pid = demo().tokenProjectId;
    const e = await failure(revokeBootstrapToken(client(), pid, demo().tokens.consumed), 'DELETE');
    expect(e.status).toBe(409);
    const meta = await getBootstrapToken(client(), pid, demo().tokens.consumed);
    expect(deriveState(meta.data, Date.now())).toBe('consumed');
  });

  test('an out-of-range TTL is a 400 validation problem', async () => {
    const e = await failure(issueBootstrapToken(client(), demo().tokenProjectId, {...body, ttl_seconds: 10}), 'POST');
    expect(e.status).toBe(400);
    expect(e.detail).toContain('ttl_seconds');
  });

  test('the viewer may not issue: 403 PermissionDenied with reason and correlation id', async () => {
    const e = await failure(issueBootstrapToken(client('viewer'), demo().tokenProjectId, body), 'POST');
    expect(e.status).toBe(403);
    expect(isPermissionDenied(e)).toBe(true);
    expect(e.reason).toBe('insufficient_relation');
    expect(e.correlationId).toBeTruthy();
    expect(formatErrorLine(e)).toContain(`(correlation ${e.correlationId})`);
  });

  test('an unknown token is 404', async () => {
    const e = await failure(getBootstrapToken(client(), demo().tokenProjectId, randomUUID()), 'GET');
    expect(e.status).toBe(404);
  });

  test('listing everything pages through the demo roster with every STATE', async () => {
    const c = client();
    const pid = demo().tokenProjectId;
    const first = await listBootstrapTokens(c, pid, {limit: 7});
    conforms('GET', `/v1/projects/${pid}/bootstrap-tokens?limit=7`, first);
    const pages: number[] = [];
    const all = await listAllBootstrapTokens(c, pid, {limit: 7, onPage: (p) => pages.push(p.length)});
    expect(pages.length).toBeGreaterThan(10);
    expect(new Set(all.items.map((t) => t.id)).size).toBe(all.items.length);
    const now = sandbox().now();
    const states = new Set(all.items.map((t) => deriveState(t, now)));
    expect([...states].sort()).toEqual(['consumed', 'expired', 'live', 'revoked']);
    for (const [state, id] of Object.entries(demo().tokens)) {
      const t = all.items.find((x) => x.id === id);
      expect(t && deriveState(t, now)).toBe(state === 'expiringSoon' ? 'live' : state);
    }
  });

  test('a tampered cursor is 400 invalid_cursor', async () => {
    const e = await failure(listBootstrapTokens(client(), demo().tokenProjectId, {cursor: 'not-a-cursor', limit: 5}), 'GET');
    expect(e).toMatchObject({status: 400, code: 'invalid_cursor'});
  });

  test("replaying the operator's cursor as the viewer is 403 cursor_binding_mismatch", async () => {
    const pid = demo().tokenProjectId;
    const cursor = (await listBootstrapTokens(client(), pid, {limit: 5})).data.next_cursor ?? '';
    const e = await failure(listBootstrapTokens(client('viewer'), pid, {cursor, limit: 5}), 'GET');
    expect(e).toMatchObject({status: 403, code: 'cursor_binding_mismatch'});
  });

  test('a cursor the server rejects mid-listing restarts from the first page once', async () => {
    // Corrupts the cursor of the second page request, once: the sandbox answers a real invalid_cursor.
    let corrupted = 0;
    const dispatcher = new Agent().compose((dispatch: Dispatcher['dispatch']) => (opts, handler) => {
      const path = String(opts.path);
      if (path.includes('cursor=') && corrupted === 0) {
        corrupted++;
        return dispatch({...opts, path: path.replace(/cursor=[^&]+/, 'cursor=AAAA')}, handler);
      }
      return dispatch(opts, handler);
    });
    const c = client('operator', {dispatcher});
    const loaded: number[] = [];
    const all = await listAllBootstrapTokens(c, demo().tokenProjectId, {limit: 50, onPage: (_p, n) => loaded.push(n)});
    await dispatcher.close();
    expect(corrupted).toBe(1);
    expect(loaded[0]).toBe(50);
    expect(loaded[1]).toBe(50); // the restart begins again at the first page
    const plain = await listAllBootstrapTokens(client(), demo().tokenProjectId, {limit: 50});
    expect(all.items.map((t) => t.id)).toEqual(plain.items.map((t) => t.id));
  });

  test('a thousand seeded tokens load in pages of 200', async () => {
    const {id} = await sandbox().addProject({slug: 'api-bulk', name: 'API bulk'});
    await sandbox().seedTokens(id, 1000);
    const all = await listAllBootstrapTokens(client(), id);
    expect(all.items).toHaveLength(1000);
    expect(all.truncated).toBe(false);
    const capped = await listAllBootstrapTokens(client(), id, {max: 450});
    expect(capped).toMatchObject({truncated: true});
    expect(capped.items).toHaveLength(450);
  });
});

describe('rotation', () => {
  test('the preview lists every affected edge', async () => {
    const id = demo().manyEdgesNodeId;
    const res = await previewRotation(client(), id);
    conforms('GET', `/v1/nodes/${id}/keys/rotate/preview`, res);
    expect(res.data.affected_edges).toHaveLength(demo().manyEdgesCount);
    expect(res.data.affected_peer_count).toBe(demo().manyEdgesCount);
  });

  test('a pending rotation answers already_pending', async () => {
    const id = demo().pendingRotationNodeId;
    const res = await triggerRotation(client(), id);
    conforms('POST', `/v1/nodes/${id}/keys/rotate`, res);
    expect(res.data.already_pending).toBe(true);
  });

  test('a fresh trigger is not pending, a repeat is', async () => {
    const {id} = await sandbox().addNode({name: 'api-rotate', edges: 2});
    const first = await triggerRotation(client(), id);
    expect(first.data).toMatchObject({already_pending: false, peer_id: expect.any(String), rotation_id: expect.any(String)});
    const again = await triggerRotation(client(), id);
    expect(again.data).toMatchObject({already_pending: true, rotation_id: first.data.rotation_id});
  });

  test('the viewer may not rotate: 403 PermissionDenied', async () => {
    const e = await failure(triggerRotation(client('viewer'), demo().pendingRotationNodeId), 'POST');
    expect(isPermissionDenied(e)).toBe(true);
    expect(e.correlationId).toBeTruthy();
  });

  test('an unknown node is 404 node_not_found', async () => {
    const e = await failure(previewRotation(client(), randomUUID()), 'GET');
    expect(e).toMatchObject({status: 404, code: 'node_not_found'});
  });
});
