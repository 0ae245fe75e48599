// The HTTP edge: media types, correlation ids, and what an aborted upload costs the operator's terminal.
import {connect} from 'node:net';
import {request} from 'undici';
import {describe, expect, test, vi} from 'vitest';
import {assertSchema} from '../support/contract.js';
import {useSandbox} from '../support/sandbox.js';
import {call} from './http.js';

const lines: string[] = [];
const sandbox = useSandbox({log: (line) => lines.push(line)});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const issuePath = () => `/v1/projects/${sandbox().demo!.tokenProjectId}/bootstrap-tokens`;
const issueBody = JSON.stringify({kind: 'node', env_prefix: 'prod', ttl_seconds: 3600});
const registerBody = () =>
  JSON.stringify({
    project_id: sandbox().demo!.tokenProjectId,
    resource_handle: 'edge-router-01',
    bootstrap_token: `psb_prod_x_node_${'a'.repeat(26)}`,
    nonce: 'n-1',
    public_key: Buffer.alloc(32, 7).toString('base64'),
  });

async function post(path: string, body: string, contentType: string | undefined, token = sandbox().operatorToken) {
  const headers: Record<string, string> = {authorization: `Bearer ${token}`};
  if (contentType !== undefined) headers['content-type'] = contentType;
  const res = await request(`${sandbox().url}${path}`, {method: 'POST', headers, body});
  const text = await res.body.text();
  return {status: res.statusCode, headers: res.headers, body: text ? JSON.parse(text) : undefined};
}
const rosterSize = async () => (await call(sandbox().url, 'GET', `${issuePath()}?limit=200`, {token: sandbox().operatorToken})).body.items.length as number;

describe('request media type', () => {
  test.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['text/json', 'text/json'],
    ['no Content-Type', undefined],
  ])('%s is a 415 Problem on every JSON endpoint, and issues nothing', async (_label, type) => {
      const before = await rosterSize();
      for (const [path, body] of [
        [issuePath(), issueBody],
        ['/v1/register', registerBody()],
      ] as const) {
        const r = await post(path, body, type);
        expect(r.status, `${path} with ${type}`).toBe(415);
        expect(r.headers['content-type']).toBe('application/problem+json');
        assertSchema('Problem', r.body);
        expect(r.body.code).toBe('unsupported_media_type');
        expect(r.body.detail).toContain('application/json');
        expect(r.headers['accept-post']).toBe('application/json');
      }
      expect(await rosterSize()).toBe(before);
  });

  test('application/json with a charset, and an application/*+json type, are accepted', async () => {
    expect((await post(issuePath(), issueBody, 'application/json; charset=utf-8')).status).toBe(201);
    expect((await post(issuePath(), issueBody, 'Application/JSON')).status).toBe(201);
    expect((await post(issuePath(), issueBody, 'application/vnd.plexsphere+json')).status).toBe(201);
  });

  test('authentication and authorisation still answer first', async () => {
    expect((await post(issuePath(), issueBody, 'text/plain', 'psat_nope')).status).toBe(401);
    expect((await post(issuePath(), issueBody, 'text/plain', sandbox().viewerToken)).status).toBe(403);
  });
});

describe('correlation ids', () => {
  test('every response carries X-Correlation-Id, and every problem the same id in its body', async () => {
    const s = sandbox();
    const replies = [
      await call(s.url, 'GET', '/v1/health'),
      await call(s.url, 'GET', '/v1/projects', {token: s.operatorToken}),
      await call(s.url, 'GET', '/v1/projects', {token: 'psat_nope'}),
      await call(s.url, 'POST', issuePath(), {token: s.viewerToken, body: {}}),
      await call(s.url, 'GET', `${issuePath()}/01900000-0000-7000-8000-00000000dead`, {token: s.operatorToken}),
      await call(s.url, 'GET', '/v1/projects?limit=0', {token: s.operatorToken}),
      await call(s.url, 'POST', '/v1/register', {raw: '[]'}),
      await call(s.url, 'GET', '/v1/nope', {check: false}),
      await call(s.url, 'DELETE', '/v1/projects', {token: s.operatorToken, check: false}),
    ];
    const ids = new Set<string>();
    for (const r of replies) {
      const id = r.headers['x-correlation-id'] as string;
      expect(id).toMatch(UUID);
      ids.add(id);
      if (r.status >= 400) expect(r.body.correlation_id, `${r.status} ${r.body.code}`).toBe(id);
    }
    expect(ids.size).toBe(replies.length);
    const issued = await call(s.url, 'POST', issuePath(), {token: s.operatorToken, body: JSON.parse(issueBody)});
    const revoked = await call(s.url, 'DELETE', `${issuePath()}/${issued.body.token_id}`, {token: s.operatorToken});
    expect(revoked.status).toBe(204);
    expect(revoked.headers['x-correlation-id']).toMatch(UUID);
  });
});

describe('aborted uploads', () => {
  /** Sends headers promising 4000 bytes, a few of them, then resets the connection. */
  const abortUpload = (port: number) =>
    new Promise<void>((done) => {
      const sock = connect(port, '127.0.0.1', () => {
        sock.write(`POST /v1/register HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{"project_id":`, () =>
          setImmediate(() => sock.resetAndDestroy()),
        );
      });
      sock.on('error', () => undefined);
      sock.on('close', () => done());
    });

  test('50 aborted uploads log one line each at most, rate-limited, with no stack trace', async () => {
    const port = Number(new URL(sandbox().url).port);
    const start = lines.length;
    for (let i = 0; i < 50; i++) await abortUpload(port);
    await vi.waitFor(() => expect(lines.length).toBeGreaterThan(start));
    expect((await call(sandbox().url, 'GET', '/v1/health')).status).toBe(200); // the server is unharmed
    const logged = lines.slice(start);
    expect(logged.length).toBeLessThan(5);
    for (const line of logged) {
      expect(line).toMatch(/^plexconsole sandbox: a client aborted its upload to POST \/v1\/register after \d+ bytes( \(\d+ more since the last such line\))?\n$/);
    }
  });
});
