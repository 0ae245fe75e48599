// The tolerant reader (decisions.md "Requests"): unknown display-only enum values are shown
// as received, one unreadable list item is skipped and counted, any 2xx issue body is an
// issued token, and a list walk against a runaway server ends with a clear error.
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {issueBootstrapToken, getBootstrapToken, listAllBootstrapTokens, listBootstrapTokens} from '../../src/api/bootstrapTokens.js';
import {createClient, type ApiClient} from '../../src/api/client.js';
import {errorFromResponse} from '../../src/api/errors.js';
import {listNodes} from '../../src/api/nodes.js';
import {triggerRotation, triggerRotationChecked} from '../../src/api/rotation.js';
import {getWhoami} from '../../src/api/whoami.js';
import {delay, dropConnection, json, problem, startFaultServer, type FaultServer, type Handler} from '../support/faultServer.js';

const P = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a2';
const TOKENS = `/v1/projects/${P}/bootstrap-tokens`;
const uuid = (n: number): string => `0190a8b8-a0c0-7a0a-8a0a-${n.toString(16).padStart(12, '0')}`;
const token = (n: number, extra: Record<string, unknown> = {}) => ({
  id: uuid(n),
  project_id: P,
  kind: 'node',
  env_prefix: 'prod',
  issued_at: '2026-04-25T10:00:00Z',
  expires_at: '2026-04-25T11:00:00Z',
  issued_by_user_id: uuid(0),
  ...extra,
});

let fault: FaultServer;
let c: ApiClient;
beforeAll(async () => {
  fault = await startFaultServer();
  c = createClient({server: fault.url, token: 'tolerant-reader-token', env: {}});
});
afterEach(() => fault.reset());
afterAll(async () => {
  await c.close();
  await fault.close();
});

describe('unknown values of display-only enums are shown as received, sanitised', () => {
  test('a token of a future kind lists and reads', async () => {
    fault.route('GET', TOKENS, json(200, {items: [token(1), token(2, {kind: 'worker\x1b[2J'})]}));
    fault.route('GET', `${TOKENS}/${uuid(2)}`, json(200, token(2, {kind: 'worker'})));
    const page = await listBootstrapTokens(c, P);
    expect(page.data.items.map((t) => t.kind)).toEqual(['node', 'worker']);
    expect(page.data.skipped).toEqual([]);
    expect((await getBootstrapToken(c, P, uuid(2))).data.kind).toBe('worker');
  });

  test('an unknown principal_type and principal_scope still resolve whoami', async () => {
    fault.route('GET', '/v1/auth/whoami', json(200, {principal_type: 'robot', principal_scope: 'galaxy', subject: 's-1'}));
    expect((await getWhoami(c)).data).toMatchObject({principal_type: 'robot', principal_scope: 'galaxy', subject: 's-1'});
  });

  test('an unknown rotation state is kept on the handle', async () => {
    const node = uuid(7);
    fault.route('POST', `/v1/nodes/${node}/keys/rotate`, json(200, {rotation_id: uuid(4), node_id: node, state: 'queued_for_dawn'}));
    expect((await triggerRotation(c, node)).data.state).toBe('queued_for_dawn');
  });

  test('an unknown denial reason is carried, sanitised', () => {
    const e = errorFromResponse(403, JSON.stringify({title: 'Forbidden', detail: '', reason: 'moon_phase\x07', correlation_id: 'c'}));
    expect(e.reason).toBe('moon_phase');
  });
});

describe('an unreadable item is skipped and counted, never the whole list', () => {
  test('one page: the readable items and the index and reason of the rest', async () => {
    fault.route('GET', TOKENS, json(200, {items: [token(1), token(2, {id: 'nope'}), token(3, {expires_at: undefined})]}));
    const {data, raw} = await listBootstrapTokens(c, P);
    expect(data.items.map((t) => t.id)).toEqual([uuid(1)]);
    expect(data.skipped).toEqual([
      {index: 1, reason: 'id: Invalid UUID'},
      {index: 2, reason: expect.stringContaining('expires_at')},
    ]);
    expect((raw as {items: unknown[]}).items).toHaveLength(3);
  });

  test('list-all counts skipped items across pages by their position in the whole listing', async () => {
    fault.route('GET', TOKENS, (req, res, ctx) => {
      const second = new URL(req.url ?? '/', 'http://x').searchParams.get('cursor') === 'c1';
      const body = second ? {items: [token(3), token(4, {issued_by_user_id: 7})]} : {items: [token(1), token(2)], next_cursor: 'c1'};
      return json(200, body)(req, res, ctx);
    });
    const all = await listAllBootstrapTokens(c, P);
    expect(all.items.map((t) => t.id)).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect(all.skipped).toEqual([{index: 3, reason: expect.stringContaining('issued_by_user_id')}]);
    // Verbatim output keeps what the server sent, unreadable items included.
    expect(all.raw).toHaveLength(4);
  });

  test('a node that cannot be read leaves the other nodes listed', async () => {
    const node = (n: number) => ({id: uuid(n), domain_id: uuid(0), created_at: '2026-04-25T10:00:00Z'});
    fault.route('GET', '/v1/nodes', json(200, {items: [node(1), {...node(2), created_at: 'yesterday'}, node(3)]}));
    const {data} = await listNodes(c);
    expect(data.items.map((n) => n.id)).toEqual([uuid(1), uuid(3)]);
    expect(data.skipped).toEqual([{index: 1, reason: 'created_at: Invalid RFC 3339 timestamp'}]);
  });
});

describe('issue', () => {
  const issued = {token_id: uuid(9), token: 'psb_prod_aebagbafaydqqbrhibbsa3kqaq_node_xxxxxxxxxxxxxxxxxxxxxxxxxx', issued_at: '2026-04-25T10:00:00Z', expires_at: '2026-04-25T11:00:00Z'};

  test.each([200, 201, 202])('a %i with a valid issue body is an issued token', async (status) => {
    fault.route('POST', TOKENS, json(status, issued));
    const res = await issueBootstrapToken(c, P, {kind: 'node', env_prefix: 'prod', ttl_seconds: 3600});
    expect(res.data.token).toBe(issued.token);
    expect(res.status).toBe(status);
  });
});

describe('list walks are bounded', () => {
  // A fresh cursor every time, as the issue's runaway server did (47,706 requests in 20 s).
  const endless = (items: (n: number) => unknown[]): Handler => (req, res, ctx) =>
    json(200, {items: items(ctx.n), next_cursor: `fresh-${ctx.n}`})(req, res, ctx);

  test('empty pages with fresh cursors stop after a few, with a clear error', async () => {
    fault.route('GET', TOKENS, endless(() => []));
    await expect(listAllBootstrapTokens(c, P)).rejects.toMatchObject({code: 'empty_pages', detail: expect.stringContaining('5 empty pages in a row')});
    expect(fault.hits('GET', TOKENS)).toBe(5);
  });

  test('tiny pages that never end stop at the request budget', async () => {
    fault.route('GET', TOKENS, endless((n) => [token(n + 1)]));
    await expect(listAllBootstrapTokens(c, P, {limit: 10, max: 10})).rejects.toMatchObject({code: 'too_many_pages'});
    // ceil(10 / 10) × 4 + 5 requests, then the walk gives up.
    expect(fault.hits('GET', TOKENS)).toBe(9);
  });

  test('a walk that outlives its deadline fails as a timeout, the request in flight included', async () => {
    fault.route('GET', TOKENS, delay(150, endless((n) => [token(n + 1)])));
    const e = await listAllBootstrapTokens(c, P, {deadlineMs: 400}).catch((x: unknown) => x);
    expect(e).toMatchObject({kind: 'timeout', code: 'list_deadline', title: 'listing timed out after 400ms'});
    expect(fault.hits('GET', TOKENS)).toBeLessThan(5);
  });
});

describe('a rotation POST whose answer is lost is never re-sent', () => {
  const node = uuid(7);
  const ROTATE = `/v1/nodes/${node}/keys/rotate`;
  const preview = (pending: boolean) =>
    json(200, {node_id: node, peer_id: uuid(8), affected_peer_count: 0, affected_edges: [], already_pending: pending, estimated_duration_seconds: 30});

  test('a dropped connection, then a pending preview: it may be the one just sent', async () => {
    fault.route('POST', ROTATE, dropConnection());
    fault.route('GET', `${ROTATE}/preview`, preview(true));
    const out = await triggerRotationChecked(c, node);
    expect(out).toMatchObject({sent: 'unknown', pending: true, error: {kind: 'transport'}});
    expect(fault.hits('POST', ROTATE)).toBe(1);
  });

  test('a dropped connection, then nothing pending: said so', async () => {
    fault.route('POST', ROTATE, dropConnection());
    fault.route('GET', `${ROTATE}/preview`, preview(false));
    expect(await triggerRotationChecked(c, node)).toMatchObject({sent: 'unknown', pending: false});
    expect(fault.hits('POST', ROTATE)).toBe(1);
  });

  test('a refusal the server answered is reported as it is, without reading the preview', async () => {
    fault.route('POST', ROTATE, problem(404, {title: 'Not Found', code: 'node_not_found'}));
    await expect(triggerRotationChecked(c, node)).rejects.toMatchObject({status: 404});
    expect(fault.hits('GET', `${ROTATE}/preview`)).toBe(0);
  });
});
