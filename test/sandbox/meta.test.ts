import {request} from 'undici';
import {describe, expect, test} from 'vitest';
import {assertConforms, assertSchema} from '../support/contract.js';
import {useSandbox} from '../support/sandbox.js';
import {call} from './http.js';

const sandbox = useSandbox({seed: 'empty'});
const url = () => sandbox().url;

describe('meta endpoints', () => {
  test('health answers ok without a bearer', async () => {
    const r = await call(url(), 'GET', '/v1/health');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
    expect(r.body.checks.map((c: {name: string}) => c.name)).toContain('database');
  });

  test('version answers build metadata without a bearer', async () => {
    const r = await call(url(), 'GET', '/v1/version');
    expect(r.status).toBe(200);
    expect(r.body.version).toMatch(/^v\d+\.\d+\.\d+/);
  });

  test('whoami describes the operator and the viewer as domain-scoped users', async () => {
    const op = await call(url(), 'GET', '/v1/auth/whoami', {token: sandbox().operatorToken});
    const vw = await call(url(), 'GET', '/v1/auth/whoami', {token: sandbox().viewerToken});
    expect(op.body).toMatchObject({principal_type: 'user', principal_scope: 'domain', email: 'operator@demo.plexsphere.test'});
    expect(vw.body.email).toBe('viewer@demo.plexsphere.test');
    for (const b of [op.body, vw.body]) expect(b.subject).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(op.body.subject).not.toBe(vw.body.subject);
    expect(op.body.domain_id).toBe(vw.body.domain_id);
  });
});

describe('authentication', () => {
  const pid = '01900000-0000-7000-8000-000000000001';
  test.each([
    ['GET', '/v1/auth/whoami'],
    ['GET', '/v1/projects'],
    ['GET', '/v1/nodes'],
    ['GET', `/v1/projects/${pid}`],
    ['GET', `/v1/projects/${pid}/bootstrap-tokens`],
    ['POST', `/v1/projects/${pid}/bootstrap-tokens`],
    ['DELETE', `/v1/projects/${pid}/bootstrap-tokens/${pid}`],
    ['POST', `/v1/nodes/${pid}/keys/rotate`],
    ['GET', `/v1/nodes/${pid}/keys/rotate/preview`],
  ] as const)('%s %s without a bearer is a 401 unauthenticated problem', async (method, path) => {
    const r = await call(url(), method, path, {body: method === 'POST' ? {} : undefined});
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('unauthenticated');
    expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  test('an unknown bearer is a 401, and so is a non-Bearer scheme', async () => {
    expect((await call(url(), 'GET', '/v1/auth/whoami', {token: 'psat_nope'})).status).toBe(401);
    const res = await request(`${url()}/v1/auth/whoami`, {headers: {authorization: `Basic ${sandbox().operatorToken}`}});
    const body = await res.body.json();
    assertConforms('GET', '/v1/auth/whoami', res.statusCode, res.headers['content-type'], body);
    expect(res.statusCode).toBe(401);
  });

  test('the token files hold the bearers and are private (0600)', async () => {
    const {readFile, stat} = await import('node:fs/promises');
    const {tokenFiles, operatorToken, viewerToken} = sandbox();
    expect((await readFile(tokenFiles.operator, 'utf8')).trim()).toBe(operatorToken);
    expect((await readFile(tokenFiles.viewer, 'utf8')).trim()).toBe(viewerToken);
    expect((await stat(tokenFiles.operator)).mode & 0o777).toBe(0o600);
    expect((await stat(tokenFiles.viewer)).mode & 0o777).toBe(0o600);
  });
});

describe('routing and bodies', () => {
  test('an unknown route is a 404 Problem', async () => {
    const r = await call(url(), 'GET', '/v1/nope', {check: false});
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toBe('application/problem+json');
    assertSchema('Problem', r.body);
    expect(r.body.instance).toBe('/v1/nope');
  });

  test('a wrong method is a 405 Problem with Allow', async () => {
    const r = await call(url(), 'DELETE', '/v1/projects', {token: sandbox().operatorToken, check: false});
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET');
    assertSchema('Problem', r.body);
  });

  test('a body over 8 KiB is a 413 Problem', async () => {
    const {demo} = sandbox();
    expect(demo).toBeUndefined(); // the empty seed has no Projects: 413 must come from the body cap alone
    const r = await call(url(), 'POST', '/v1/register', {raw: JSON.stringify({pad: 'x'.repeat(9000)}), check: false});
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('request_body_too_large');
    assertSchema('Problem', r.body);
  });

  test('malformed JSON at /v1/register is a 422 Problem: the contract keeps its 400 for public_key shape', async () => {
    const r = await call(url(), 'POST', '/v1/register', {raw: '{"project_id":'});
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('invalid_register_request');
    expect(r.body.detail).toContain('not valid JSON');
  });
});
