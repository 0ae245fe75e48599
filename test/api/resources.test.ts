import diagnostics from 'node:diagnostics_channel';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {
  getBootstrapToken,
  issueBootstrapToken,
  listAllBootstrapTokens,
  revokeBootstrapToken,
} from '../../src/api/bootstrapTokens.js';
import {createClient, type ApiClient} from '../../src/api/client.js';
import {ApiError} from '../../src/api/errors.js';
import {getHealth} from '../../src/api/health.js';
import {listAllNodes} from '../../src/api/nodes.js';
import {getProject, listAllProjects} from '../../src/api/projects.js';
import {previewRotation, triggerRotation} from '../../src/api/rotation.js';
import {dropConnection, json, problem, sequence, startFaultServer, type FaultServer, type Handler} from '../support/faultServer.js';

const P = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a2';
const TOKENS = `/v1/projects/${P}/bootstrap-tokens`;
const uuid = (n: number): string => `0190a8b8-a0c0-7a0a-8a0a-${n.toString(16).padStart(12, '0')}`;
const token = (n: number) => ({
  id: uuid(n),
  project_id: P,
  kind: 'node',
  env_prefix: 'prod',
  issued_at: '2026-04-25T10:00:00Z',
  expires_at: '2026-04-25T11:00:00Z',
  issued_by_user_id: uuid(0),
});
const invalidCursor = problem(400, {title: 'Bad Request', code: 'invalid_cursor', detail: 'cursor rejected'});

// Serves `pages` (arrays of item numbers) with cursors c1, c2, …; `override` replaces a cursor's answer.
function paged(pages: number[][], override: Record<string, Handler> = {}, make: (n: number) => unknown = token): Handler {
  return (req, res, ctx) => {
    const cursor = new URL(req.url ?? '/', 'http://x').searchParams.get('cursor') ?? 'c0';
    const o = override[cursor];
    if (o) return o(req, res, ctx);
    const i = Number(cursor.slice(1));
    const next = i + 1 < pages.length ? {next_cursor: `c${i + 1}`} : {};
    return json(200, {items: (pages[i] ?? []).map(make), ...next})(req, res, ctx);
  };
}

// First call answers `first`, later calls `then` (a per-handler count, unlike the route's ctx.n).
function firstThen(first: Handler, then: Handler): Handler {
  let calls = 0;
  return (req, res, ctx) => (calls++ === 0 ? first : then)(req, res, ctx);
}

let fault: FaultServer;
let c: ApiClient;
beforeAll(async () => {
  fault = await startFaultServer();
  c = createClient({server: fault.url, token: 't', env: {}});
});
afterEach(() => fault.reset());
afterAll(async () => {
  await c.close();
  await fault.close();
});

describe('bootstrap tokens', () => {
  test('an issue POST whose connection drops was received exactly once and is not retried', async () => {
    fault.route('POST', TOKENS, dropConnection());
    const e = await issueBootstrapToken(c, P, {kind: 'node', env_prefix: 'prod', ttl_seconds: 3600}).catch((x: unknown) => x);
    expect(e).toMatchObject({kind: 'transport'});
    expect(fault.hits('POST', TOKENS)).toBe(1);
  });

  test('an issue answered 503 is not retried', async () => {
    fault.route('POST', TOKENS, problem(503, {title: 'Service Unavailable', code: 'datastore_unavailable'}, {'retry-after': '0'}));
    await expect(issueBootstrapToken(c, P, {kind: 'node', env_prefix: 'prod', ttl_seconds: 3600})).rejects.toMatchObject({status: 503});
    expect(fault.hits('POST', TOKENS)).toBe(1);
  });

  test('issue sends exactly the three contract fields and returns the once-only plaintext', async () => {
    const issued = {token_id: uuid(9), token: 'psb_prod_aebagbafaydqqbrhibbsa3kqaq_node_xxxxxxxxxxxxxxxxxxxxxxxxxx', issued_at: '2026-04-25T10:00:00Z', expires_at: '2026-04-25T11:00:00Z'};
    fault.route('POST', TOKENS, json(201, issued, {location: `${TOKENS}/${uuid(9)}`}));
    const extra = {kind: 'bridge', env_prefix: 'dev', ttl_seconds: 300, issued_by_user_id: 'spoof'} as const;
    const res = await issueBootstrapToken(c, P, extra);
    expect(JSON.parse(fault.requests[0]?.body ?? '')).toEqual({kind: 'bridge', env_prefix: 'dev', ttl_seconds: 300});
    expect(res.status).toBe(201);
    expect(res.data.token).toBe(issued.token);
    expect(res.headers.location).toBe(`${TOKENS}/${uuid(9)}`);
  });

  test('revoke resolves on 204', async () => {
    fault.route('DELETE', `${TOKENS}/${uuid(1)}`, (_q, res) => void res.writeHead(204).end());
    await expect(revokeBootstrapToken(c, P, uuid(1))).resolves.toBeUndefined();
  });

  test('revoke of a consumed or revoked token throws ApiError 409', async () => {
    fault.route('DELETE', `${TOKENS}/${uuid(1)}`, problem(409, {title: 'Conflict', detail: 'token already consumed'}));
    await expect(revokeBootstrapToken(c, P, uuid(1))).rejects.toMatchObject({status: 409, kind: 'http'});
    expect(fault.hits('DELETE', `${TOKENS}/${uuid(1)}`)).toBe(1);
  });

  test('get accepts null terminal timestamps', async () => {
    fault.route('GET', `${TOKENS}/${uuid(1)}`, json(200, {...token(1), consumed_at: null, revoked_at: '2026-04-25T10:30:00Z'}));
    const res = await getBootstrapToken(c, P, uuid(1));
    expect(res.data.consumed_at).toBeNull();
    expect(res.data.revoked_at).toBe('2026-04-25T10:30:00Z');
  });

  test('path ids are URL-encoded', async () => {
    fault.route('GET', '/v1/projects/a%2F..%2Fb', json(404, {title: 'Not Found'}));
    await expect(getProject(c, 'a/../b')).rejects.toMatchObject({status: 404});
    expect(fault.requests[0]?.path).toBe('/v1/projects/a%2F..%2Fb');
  });
});

describe('list all', () => {
  test('short and empty pages with a cursor are followed until the cursor is absent', async () => {
    fault.route('GET', TOKENS, paged([[1, 2], [], [3], [], [4, 5]]));
    const seen: Array<[number, number]> = [];
    const all = await listAllBootstrapTokens(c, P, {onPage: (page, loaded) => seen.push([page.length, loaded])});
    expect(all.items.map((t) => t.id)).toEqual([1, 2, 3, 4, 5].map(uuid));
    expect(all.truncated).toBe(false);
    expect(seen).toEqual([[2, 2], [0, 2], [1, 3], [0, 3], [2, 5]]);
    expect(fault.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('limit'))).toEqual(['200', '200', '200', '200', '200']);
  });

  test('raw keeps the items exactly as received', async () => {
    fault.route('GET', TOKENS, paged([[1]], {}, (n) => ({...token(n), future_field: 'x'})));
    const all = await listAllBootstrapTokens(c, P);
    expect(all.raw).toEqual([{...token(1), future_field: 'x'}]);
    expect(all.items[0]).not.toHaveProperty('future_field');
  });

  test('invalid_cursor on the second page restarts from the first page once', async () => {
    fault.route('GET', TOKENS, paged([[1, 2], [3]], {c1: firstThen(invalidCursor, paged([[1, 2], [3]]))}));
    const loadedAfterEachPage: number[] = [];
    const all = await listAllBootstrapTokens(c, P, {onPage: (_p, loaded) => loadedAfterEachPage.push(loaded)});
    expect(all.items.map((t) => t.id)).toEqual([1, 2, 3].map(uuid));
    expect(loadedAfterEachPage).toEqual([2, 2, 3]);
    expect(fault.hits('GET', TOKENS)).toBe(4);
  });

  test('invalid_cursor again after the restart is reported', async () => {
    fault.route('GET', TOKENS, paged([[1, 2], [3]], {c1: invalidCursor}));
    await expect(listAllBootstrapTokens(c, P)).rejects.toMatchObject({status: 400, code: 'invalid_cursor'});
    expect(fault.hits('GET', TOKENS)).toBe(4);
  });

  test('cursor_binding_mismatch restarts too', async () => {
    const mismatch = problem(403, {title: 'Forbidden', code: 'cursor_binding_mismatch'});
    const project = (n: number) => ({id: uuid(n), domain_id: uuid(0), name: `p${n}`, slug: `p${n}`, created_at: '2026-04-25T10:00:00Z', updated_at: '2026-04-25T10:00:00Z'});
    fault.route('GET', '/v1/projects', paged([[1], [2]], {c1: firstThen(mismatch, paged([[1], [2]], {}, project))}, project));
    const all = await listAllProjects(c);
    expect(all.items.map((p) => p.slug)).toEqual(['p1', 'p2']);
  });

  test('an invalid_cursor on the first page is not retried as a restart', async () => {
    fault.route('GET', '/v1/nodes', invalidCursor);
    await expect(listAllNodes(c)).rejects.toMatchObject({code: 'invalid_cursor'});
    expect(fault.hits('GET', '/v1/nodes')).toBe(1);
  });

  test('max caps the items and reports truncation', async () => {
    fault.route('GET', TOKENS, paged([[1, 2, 3], [4, 5, 6], [7]]));
    const all = await listAllBootstrapTokens(c, P, {max: 5});
    expect(all.items).toHaveLength(5);
    expect(all.raw).toHaveLength(5);
    expect(all.truncated).toBe(true);
    expect(fault.hits('GET', TOKENS)).toBe(2);
  });

  test('reaching max exactly at the end of the stream is not truncation', async () => {
    fault.route('GET', TOKENS, paged([[1, 2], [3]]));
    expect((await listAllBootstrapTokens(c, P, {max: 3})).truncated).toBe(false);
  });

  test('aborting between pages stops paging', async () => {
    fault.route('GET', TOKENS, paged([[1], [2], [3], [4]]));
    const ac = new AbortController();
    const e = await listAllBootstrapTokens(c, P, {signal: ac.signal, onPage: () => ac.abort()}).catch((x: unknown) => x);
    expect(e).toMatchObject({kind: 'aborted'});
    expect(fault.hits('GET', TOKENS)).toBe(1);
  });

  test('a server that repeats the same cursor is an error, not an endless loop', async () => {
    fault.route('GET', TOKENS, (req, res, ctx) => json(200, {items: [], next_cursor: 'same'})(req, res, ctx));
    await expect(listAllBootstrapTokens(c, P)).rejects.toMatchObject({kind: 'schema', code: 'cursor_loop'});
  });

  test('a walk after another request sends every page on the one connection already open', async () => {
    fault.route('GET', TOKENS, paged([[1], [2], [3], [4], [5]]));
    fault.route('GET', '/v1/health', json(200, {status: 'ok', checks: []}));
    const fresh = createClient({server: fault.url, token: 't', env: {}});
    const before = fault.connections;
    try {
      await getHealth(fresh); // as the console resolves the Project before its roster
      expect((await listAllBootstrapTokens(fresh, P)).items).toHaveLength(5);
    } finally {
      await fresh.close();
    }
    // A second connection costs a handshake: one round trip more to a control plane far away.
    expect(fault.connections - before).toBe(1);
  });

  test('onPage runs once the next page request is written to the socket, so its render never holds a page back', async () => {
    fault.route('GET', TOKENS, paged([[1], [2], [3]]));
    const written: string[] = [];
    const onSend = (m: unknown) => written.push(new URL((m as {request: {path: string}}).request.path, 'http://x').searchParams.get('cursor') ?? 'c0');
    diagnostics.subscribe('undici:client:sendHeaders', onSend);
    const writtenAtOnPage: string[][] = [];
    try {
      await listAllBootstrapTokens(c, P, {onPage: () => writtenAtOnPage.push([...written])});
    } finally {
      diagnostics.unsubscribe('undici:client:sendHeaders', onSend);
    }
    expect(writtenAtOnPage).toEqual([['c0', 'c1'], ['c0', 'c1', 'c2'], ['c0', 'c1', 'c2']]);
  });

  test('100,000 tokens load in 500 pages of 200', async () => {
    const page = JSON.stringify({items: Array.from({length: 200}, (_, i) => token(i))}).slice(0, -1);
    fault.route('GET', TOKENS, (req, res) => {
      const i = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('cursor') ?? '0');
      res.writeHead(200, {'content-type': 'application/json'}).end(i < 499 ? `${page},"next_cursor":"${i + 1}"}` : `${page}}`);
    });
    let pages = 0;
    const all = await listAllBootstrapTokens(c, P, {onPage: () => pages++});
    expect(all.items).toHaveLength(100_000);
    expect(pages).toBe(500);
    expect(all.truncated).toBe(false);
  });
});

describe('rotation', () => {
  const NODE = uuid(7);
  const ROTATE = `/v1/nodes/${NODE}/keys/rotate`;

  test('the contract handle resolves with already_pending as sent', async () => {
    fault.route('POST', ROTATE, json(200, {rotation_id: uuid(4), peer_id: uuid(5), already_pending: true}));
    const res = await triggerRotation(c, NODE);
    expect(res.data).toEqual({rotation_id: uuid(4), peer_id: uuid(5), already_pending: true});
  });

  test('the plexctl-docs handle resolves with already_pending false', async () => {
    const body = {rotation_id: uuid(4), node_id: NODE, state: 'pending', requested_at: '2026-05-01T10:00:00Z'};
    fault.route('POST', ROTATE, json(200, body));
    const res = await triggerRotation(c, NODE);
    expect(res.data).toEqual({...body, already_pending: false});
    expect(res.raw).toEqual(body);
  });

  test('409 already_pending resolves as an idempotent no-op with the problem as raw', async () => {
    fault.route('POST', ROTATE, problem(409, {title: 'Conflict', code: 'already_pending', detail: 'rotation already pending', rotation_id: uuid(4)}));
    const res = await triggerRotation(c, NODE);
    expect(res.status).toBe(409);
    expect(res.data).toEqual({already_pending: true, rotation_id: uuid(4)});
    expect(res.raw).toMatchObject({code: 'already_pending'});
  });

  test('another 409 still throws', async () => {
    fault.route('POST', ROTATE, problem(409, {title: 'Conflict', code: 'something_else'}));
    await expect(triggerRotation(c, NODE)).rejects.toMatchObject({status: 409, code: 'something_else'});
  });

  test('the trigger is sent once, even on a 503 with Retry-After: a repeat would misreport a fresh rotation as pending', async () => {
    fault.route('POST', ROTATE, sequence(problem(503, {title: 'Service Unavailable'}, {'retry-after': '0'}), json(200, {rotation_id: uuid(4), peer_id: uuid(5), already_pending: false})));
    await expect(triggerRotation(c, NODE)).rejects.toMatchObject({status: 503});
    expect(fault.hits('POST', ROTATE)).toBe(1);
  });

  test('501 not provisioned throws with its code', async () => {
    fault.route('POST', ROTATE, problem(501, {title: 'Not Implemented', code: 'node_keys_rotate_not_provisioned'}));
    fault.route('GET', `${ROTATE}/preview`, problem(501, {title: 'Not Implemented', code: 'node_keys_rotate_preview_not_provisioned'}));
    await expect(triggerRotation(c, NODE)).rejects.toMatchObject({status: 501, code: 'node_keys_rotate_not_provisioned'});
    await expect(previewRotation(c, NODE)).rejects.toMatchObject({status: 501, code: 'node_keys_rotate_preview_not_provisioned'});
  });

  test('a handle with neither peer_id nor node_id fails the schema', async () => {
    fault.route('POST', ROTATE, json(200, {rotation_id: uuid(4)}));
    await expect(triggerRotation(c, NODE)).rejects.toMatchObject({kind: 'schema', detail: expect.stringContaining('peer_id')});
  });
});

describe('health', () => {
  test('a 503 health snapshot resolves with the failing checks', async () => {
    const down = {status: 'down', checks: [{name: 'database', status: 'down', detail: 'dial tcp: connection refused'}]};
    fault.route('GET', '/v1/health', json(503, down, {'retry-after': '0'}));
    const res = await getHealth(c);
    expect(res.status).toBe(503);
    expect(res.data.status).toBe('down');
  });

  test('a 503 Problem from health is an error', async () => {
    fault.route('GET', '/v1/health', problem(503, {title: 'Service Unavailable', code: 'authz_unavailable'}, {'retry-after': '0'}));
    await expect(getHealth(c)).rejects.toBeInstanceOf(ApiError);
  });
});
