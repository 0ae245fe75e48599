import {createServer} from 'node:net';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {z} from 'zod';
import {createClient, type ApiClient, type ClientOptions} from '../../src/api/client.js';
import {ApiError, formatErrorLine, isPermissionDenied} from '../../src/api/errors.js';
import {RotationPreviewSchema} from '../../src/api/schemas.js';
import {
  declaredHuge,
  delay,
  hugeBody,
  json,
  problem,
  resetMidBody,
  sequence,
  stallMidBody,
  startFaultServer,
  text,
  type FaultServer,
} from '../support/faultServer.js';

const TOKEN = 'psk_secret-bearer-value-never-shown';
const ID = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1';
const Ok = z.object({ok: z.boolean()});

let fault: FaultServer;
const clients: ApiClient[] = [];
function client(extra: Partial<ClientOptions> = {}): ApiClient {
  const c = createClient({server: fault.url, token: TOKEN, env: {}, ...extra});
  clients.push(c);
  return c;
}
async function failure(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiError);
  const err = e as ApiError;
  // Whatever failed, the bearer token must never reach an error.
  expect(`${err.message} ${formatErrorLine(err)} ${JSON.stringify(err.body ?? null)}`).not.toContain(TOKEN);
  return err;
}
const get = (c: ApiClient, path = '/x', extra: {retry?: boolean; signal?: AbortSignal} = {}) =>
  c.request({method: 'GET', path, schema: Ok, expect: [200], retry: extra.retry ?? true, signal: extra.signal});

beforeAll(async () => {
  fault = await startFaultServer();
});
afterEach(async () => {
  fault.reset();
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(() => fault.close());

describe('requests', () => {
  test('every request carries the bearer token, user agent and accept header', async () => {
    fault.route('GET', '/x', json(200, {ok: true}));
    await get(client());
    const h = fault.requests[0]?.headers;
    expect(h?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(h?.['user-agent']).toMatch(/^plexconsole\/\d/);
    expect(h?.accept).toContain('application/json');
  });

  test('the server path prefix is kept and undefined query values are dropped', async () => {
    fault.route('GET', '/api/v1/things', json(200, {ok: true}));
    const c = client({server: `${fault.url}/api/`});
    await c.request({method: 'GET', path: '/v1/things', query: {limit: 200, cursor: undefined}, schema: Ok, expect: [200], retry: false});
    expect(fault.requests[0]?.url).toBe('/api/v1/things?limit=200');
  });

  test('a JSON request body is sent with its content type', async () => {
    fault.route('POST', '/x', json(201, {ok: true}));
    await client().request({method: 'POST', path: '/x', body: {a: 1}, schema: Ok, expect: [201], retry: false});
    expect(fault.requests[0]?.body).toBe('{"a":1}');
    expect(fault.requests[0]?.headers['content-type']).toBe('application/json');
  });

  test('raw keeps the body as received while data drops unknown fields', async () => {
    fault.route('GET', '/x', json(200, {ok: true, extra: 'kept in raw'}));
    const res = await get(client());
    expect(res.data).toEqual({ok: true});
    expect(res.raw).toEqual({ok: true, extra: 'kept in raw'});
    expect(res.headers['content-type']).toBe('application/json');
  });
});

describe('connections', () => {
  test('a request sent as soon as the previous response is read goes on the same connection', async () => {
    fault.route('GET', '/x', json(200, {ok: true}));
    fault.route('GET', '/y', json(200, {ok: true}));
    const c = client();
    const before = fault.connections;
    // As the console does: a Project lookup, then at once the first page of its roster.
    await get(c, '/x').then(() => get(c, '/y'));
    await get(c, '/x');
    // A second connection would cost a handshake: one more round trip to a server far away.
    expect(fault.connections - before).toBe(1);
  });
});

describe('transport failures', () => {
  test('a connection reset mid-body is retried for a safe request', async () => {
    fault.route('GET', '/x', sequence(resetMidBody(), json(200, {ok: true})));
    const res = await get(client());
    expect(res.data.ok).toBe(true);
    expect(fault.hits('GET', '/x')).toBe(2);
  });

  test('a connection reset on every try fails as transport after three tries', async () => {
    fault.route('GET', '/x', resetMidBody());
    const e = await failure(get(client()));
    expect(e.kind).toBe('transport');
    expect(formatErrorLine(e)).toMatch(/^connection failed: /);
    expect(fault.hits('GET', '/x')).toBe(3);
  });

  test('a refused connection is a transport error naming the cause', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as {port: number}).port;
        s.close(() => resolve(p));
      });
    });
    const c = createClient({server: `http://127.0.0.1:${port}`, token: TOKEN, env: {}});
    clients.push(c);
    const e = await failure(get(c, '/x', {retry: false}));
    expect(e.kind).toBe('transport');
    expect(e.code).toBe('ECONNREFUSED');
    expect(formatErrorLine(e)).toContain('ECONNREFUSED');
  });

  test('a server slower than the deadline fails as timeout', async () => {
    fault.route('GET', '/x', delay(2_000, json(200, {ok: true})));
    const started = Date.now();
    const e = await failure(get(client({timeoutMs: 200})));
    expect(e.kind).toBe('timeout');
    expect(formatErrorLine(e)).toBe('timed out after 200ms');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  test('a deadline of 1500ms is reported as 1.5s, not rounded to another value', async () => {
    fault.route('GET', '/x', delay(3_000, json(200, {ok: true})));
    const e = await failure(get(client({timeoutMs: 1500})));
    expect(formatErrorLine(e)).toBe('timed out after 1.5s');
  });

  test('a body that stalls after the headers still fails at the deadline', async () => {
    fault.route('GET', '/x', stallMidBody());
    const e = await failure(get(client({timeoutMs: 300})));
    expect(e.kind).toBe('timeout');
  });

  test('a caller abort fails as aborted, not timeout', async () => {
    fault.route('GET', '/x', delay(2_000, json(200, {ok: true})));
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const e = await failure(get(client(), '/x', {signal: ac.signal}));
    expect(e.kind).toBe('aborted');
  });
});

describe('retries', () => {
  test('503 with Retry-After is retried after the advertised pause and then succeeds', async () => {
    // A path of its own: a late request of an earlier test on /x (the server shares this busy
    // process) would otherwise take the 503 and leave the 200 for this test's first try.
    fault.route('GET', '/retry-after', sequence(problem(503, {title: 'Service Unavailable', code: 'datastore_unavailable'}, {'retry-after': '1'}), json(200, {ok: true})));
    const started = Date.now();
    const res = await get(client(), '/retry-after');
    expect(res.data.ok).toBe(true);
    expect(fault.hits('GET', '/retry-after')).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  test('persistent 503 gives up after three tries with the problem code', async () => {
    fault.route('GET', '/x', problem(503, {title: 'Service Unavailable', code: 'authz_unavailable'}, {'retry-after': '0'}));
    const e = await failure(get(client()));
    expect(e.status).toBe(503);
    expect(e.code).toBe('authz_unavailable');
    expect(e.retryAfterMs).toBe(0);
    expect(fault.hits('GET', '/x')).toBe(3);
  });

  test.each([429, 502, 504])('%d is retried', async (status) => {
    fault.route('GET', '/x', sequence(text(status, 'busy'), json(200, {ok: true})));
    await get(client());
    expect(fault.hits('GET', '/x')).toBe(2);
  });

  test('500 is not retried', async () => {
    fault.route('GET', '/x', problem(500, {title: 'Internal Server Error', code: 'internal'}));
    await failure(get(client()));
    expect(fault.hits('GET', '/x')).toBe(1);
  });

  test('a request marked retry false is sent once even on 503', async () => {
    fault.route('GET', '/x', text(503, 'busy'));
    await failure(get(client(), '/x', {retry: false}));
    expect(fault.hits('GET', '/x')).toBe(1);
  });

  test('a Retry-After longer than the deadline fails at once with the 503 instead of waiting', async () => {
    fault.route('GET', '/x', problem(503, {title: 'Service Unavailable'}, {'retry-after': '20'}));
    const started = Date.now();
    const e = await failure(get(client({timeoutMs: 2_000})));
    expect(e.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fault.hits('GET', '/x')).toBe(1);
  });

  test('aborting during the retry pause stops retrying', async () => {
    fault.route('GET', '/x', problem(503, {title: 'Service Unavailable'}, {'retry-after': '5'}));
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const e = await failure(get(client(), '/x', {signal: ac.signal}));
    expect(e.kind).toBe('aborted');
    expect(fault.hits('GET', '/x')).toBe(1);
  });
});

describe('bodies', () => {
  test('a body that is not JSON is a schema error, not a crash', async () => {
    fault.route('GET', '/x', text(200, '{"ok": tru', 'application/json'));
    const e = await failure(get(client()));
    expect(e.kind).toBe('schema');
    expect(e.detail).toContain('not JSON');
  });

  test('a body failing the schema names the offending field', async () => {
    const edge = {peer_node_id: ID, current_kid: 'kid-1', current_wrap_key_version: 1};
    const edges = Array.from({length: 7}, () => ({...edge}));
    (edges[5] as {peer_node_id: string}).peer_node_id = 'not-a-uuid';
    const preview = {node_id: ID, peer_id: ID, affected_peer_count: 7, affected_edges: edges, already_pending: false, estimated_duration_seconds: 30};
    fault.route('GET', '/preview', json(200, preview));
    const e = await failure(client().request({method: 'GET', path: '/preview', schema: RotationPreviewSchema, expect: [200], retry: true}));
    expect(e.kind).toBe('schema');
    expect(e.detail).toBe('affected_edges[5].peer_node_id: Invalid UUID');
    expect(formatErrorLine(e)).toBe('invalid response body: affected_edges[5].peer_node_id: Invalid UUID');
  });

  test('a 100 MB body stops at the cap with too_large and bounded memory', async () => {
    fault.route('GET', '/x', hugeBody(100 * 1024 * 1024));
    const before = process.memoryUsage.rss();
    const e = await failure(get(client()));
    const growth = process.memoryUsage.rss() - before;
    expect(e.kind).toBe('too_large');
    expect(formatErrorLine(e)).toBe('response too large: the body exceeds the 16 MiB limit');
    expect(growth).toBeLessThan(60 * 1024 * 1024);
  });

  test('a declared content-length over the cap fails before reading', async () => {
    fault.route('GET', '/x', declaredHuge(50 * 1024 * 1024));
    const e = await failure(get(client()));
    expect(e.kind).toBe('too_large');
  });

  test('maxBodyBytes lowers the cap', async () => {
    fault.route('GET', '/x', json(200, {ok: true, pad: 'x'.repeat(2_000)}));
    const e = await failure(get(client({maxBodyBytes: 1_024})));
    expect(e.kind).toBe('too_large');
  });
});

describe('error bodies', () => {
  test('a Problem body becomes an ApiError with every field', async () => {
    fault.route('GET', '/x', problem(404, {type: 'https://plexsphere.com/errors/not-found', title: 'Not Found', detail: 'project not found', code: 'project_not_found', instance: '/x'}));
    const e = await failure(get(client()));
    expect(e).toMatchObject({kind: 'http', status: 404, code: 'project_not_found', title: 'Not Found', detail: 'project not found', instance: '/x'});
    expect(formatErrorLine(e)).toBe('404 Not Found: project not found [project_not_found]');
  });

  test('a PermissionDenied body carries reason, relation path and correlation id', async () => {
    const body = {
      type: 'https://plexsphere.com/errors/permission-denied',
      title: 'Permission Denied',
      status: 403,
      detail: 'request rejected by authorization policy',
      instance: '/x',
      reason: 'insufficient_relation',
      relation_path: ['project:p#manage'],
      correlation_id: '01HXYZABCDEFGHJKMNPQRSTVWX',
    };
    fault.route('GET', '/x', json(403, body));
    const e = await failure(get(client()));
    expect(e).toMatchObject({reason: 'insufficient_relation', relationPath: ['project:p#manage'], correlationId: '01HXYZABCDEFGHJKMNPQRSTVWX'});
    expect(e.body).toEqual(body);
    expect(isPermissionDenied(e)).toBe(true);
    // decisions.md: `[code] [reason]`, the relation path, then the correlation id.
    expect(formatErrorLine(e)).toBe(
      '403 Permission Denied: request rejected by authorization policy [insufficient_relation] (relation project:p#manage) (correlation 01HXYZABCDEFGHJKMNPQRSTVWX)',
    );
  });

  test('a non-JSON error body gets the status text as title and a sanitised excerpt as detail', async () => {
    fault.route('GET', '/x', text(502, `<html>bad \x1b]52;c;AAAA\x07gateway\x1b[2J ${'z'.repeat(500)}</html>`, 'text/html'));
    const e = await failure(get(client(), '/x', {retry: false}));
    expect(e.title).toBe('Bad Gateway');
    expect(e.detail).toMatch(/^<html>bad gateway z+…$/);
    expect(e.detail.length).toBeLessThanOrEqual(201);
  });

  test('an unexpected success status is an error too', async () => {
    fault.route('GET', '/x', json(202, {ok: true}));
    const e = await failure(get(client()));
    expect(e.status).toBe(202);
  });
});

describe('transport security', () => {
  test('plain http to a remote host is refused', () => {
    expect(() => createClient({server: 'http://cp.example.com', token: TOKEN, env: {}})).toThrow(
      expect.objectContaining({kind: 'transport', code: 'insecure_http'}),
    );
  });

  test.each(['http://127.0.0.1:1', 'http://127.8.9.10', 'http://[::1]:8080', 'http://localhost:8080', 'https://cp.example.com'])(
    '%s is allowed without a warning',
    async (server) => {
      const warnings: string[] = [];
      const c = createClient({server, token: TOKEN, env: {}, onWarning: (w) => warnings.push(w)});
      await c.close();
      expect(warnings).toEqual([]);
    },
  );

  test('allowInsecureHttp permits remote http and warns exactly once', async () => {
    const warnings: string[] = [];
    const c = createClient({server: 'http://cp.example.com', token: TOKEN, allowInsecureHttp: true, env: {}, onWarning: (w) => warnings.push(w)});
    await c.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('cp.example.com');
    expect(warnings[0]).not.toContain(TOKEN);
  });

  test('a server URL that is not http(s) is refused', () => {
    expect(() => createClient({server: 'ftp://cp.example.com', token: TOKEN, env: {}})).toThrow(ApiError);
    expect(() => createClient({server: 'not a url', token: TOKEN, env: {}})).toThrow(ApiError);
  });
});
