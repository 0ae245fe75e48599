// A full disk under a running sandbox, through the persistence fault seam: nothing that failed
// to persist is acknowledged, visible or resurrected by a restart; health says why; reads go
// on; recovery needs no restart.
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import type {DiskStep} from '../../src/sandbox/persist.js';
import {assertSchema} from '../support/contract.js';
import {startTestSandbox, type Sandbox} from '../support/sandbox.js';
import {call} from './http.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-full-'));
let failing: DiskStep | undefined;
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC', errno: -28, syscall: 'write'});
const diskFault = (step: DiskStep) => {
  if (step === failing) throw enospc();
};
let sb: Sandbox;
beforeAll(async () => {
  sb = await startTestSandbox({dataDir: dir, diskFault});
});
afterEach(() => {
  failing = undefined;
});
afterAll(async () => {
  await sb.close();
  rmSync(dir, {recursive: true, force: true});
});

const op = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) =>
  call(sb.url, method, path, {token: sb.operatorToken, body, check: false});
const base = () => `/v1/projects/${sb.demo!.tokenProjectId}/bootstrap-tokens`;
const issue = () => op('POST', base(), {kind: 'node', env_prefix: 'prod', ttl_seconds: 3600});
const rosterIds = async () => ((await op('GET', `${base()}?limit=200`)).body.items as {id: string}[]).map((t) => t.id);
const health = () => call(sb.url, 'GET', '/v1/health');

/** The 503 every refused mutation answers: a Problem that promises nothing changed. */
function expectUnavailable(r: Awaited<ReturnType<typeof call>>) {
  expect(r.status).toBe(503);
  expect(r.headers['content-type']).toBe('application/problem+json');
  assertSchema('Problem', r.body);
  expect(r.body.code).toBe('datastore_unavailable');
  expect(r.body.detail).toMatch(/nothing was changed/);
  expect(r.headers['retry-after']).toMatch(/^\d+$/);
  expect(r.body.correlation_id).toBe(r.headers['x-correlation-id']);
}

describe('a write that cannot reach the disk', () => {
  test('an issue answers 503, leaves no token in the roster, and health turns degraded with the reason', async () => {
    const before = await rosterIds();
    failing = 'write';
    const r = await issue();
    expectUnavailable(r);
    expect(r.body).not.toHaveProperty('token');
    expect(await rosterIds()).toEqual(before);
    const h = await health();
    expect(h.body.status).toBe('degraded');
    const db = h.body.checks.find((c: {name: string}) => c.name === 'database');
    expect(db.status).toBe('degraded');
    expect(db.detail).toContain('ENOSPC');
    expect(db.detail).toContain(sb.dbFile);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]); // the failed temp file is gone
  });

  test('a revoke answers 503 and the token stays live, so a retry revokes it', async () => {
    const issued = await issue();
    expect(issued.status).toBe(201);
    const path = `${base()}/${issued.body.token_id}`;
    for (const step of ['write', 'fsync', 'rename', 'dirsync'] as const) {
      failing = step;
      expectUnavailable(await op('DELETE', path));
      const meta = await op('GET', path); // reads keep working while writes fail
      expect(meta.status).toBe(200);
      expect(meta.body, `after a failed ${step}`).not.toHaveProperty('revoked_at');
    }
    failing = undefined;
    expect((await op('DELETE', path)).status).toBe(204);
    expect((await op('GET', path)).body).toHaveProperty('revoked_at');
  });

  test('lists, gets, whoami and previews are served while the disk is full', async () => {
    failing = 'write';
    expectUnavailable(await issue());
    expect((await op('GET', '/v1/projects')).status).toBe(200);
    expect((await op('GET', `${base()}/${sb.demo!.tokens.live}`)).status).toBe(200);
    expect((await op('GET', '/v1/auth/whoami')).status).toBe(200);
    expect((await op('GET', `/v1/nodes/${sb.demo!.manyEdgesNodeId}/keys/rotate/preview`)).status).toBe(200);
    expectUnavailable(await op('POST', `/v1/nodes/${sb.demo!.manyEdgesNodeId}/keys/rotate`));
    expect((await op('GET', `/v1/nodes/${sb.demo!.manyEdgesNodeId}/keys/rotate/preview`)).body.already_pending).toBe(false);
  });

  test('a rotation that falls due while the disk is full still previews, as pending, and completes once it is not', async () => {
    const node = sb.demo!.pendingRotationNodeId;
    const preview = () => op('GET', `/v1/nodes/${node}/keys/rotate/preview`);
    expect((await preview()).body.already_pending).toBe(true);
    failing = 'write';
    sb.advance(16 * 60_000); // past the seeded rotation's estimate
    const during = await preview();
    expect(during.status).toBe(200);
    expect(during.body.already_pending).toBe(true);
    failing = undefined;
    expect((await preview()).body.already_pending).toBe(false);
  });

  test('when space returns, health recovers and writes succeed, without a restart', async () => {
    failing = 'write';
    expectUnavailable(await issue());
    expect((await health()).body.status).toBe('degraded');
    failing = undefined;
    sb.advance(1000); // health retries the disk at most once a second
    const h = await health();
    expect(h.body.status).toBe('ok');
    expect(h.body.checks.find((c: {name: string}) => c.name === 'database').status).toBe('ok');
    expect((await issue()).status).toBe(201);
  });

  test('a restart finds every acknowledged write and none of the refused ones', async () => {
    const kept = await issue();
    expect(kept.status).toBe(201);
    const revokeMe = await issue();
    failing = 'write';
    expectUnavailable(await op('DELETE', `${base()}/${revokeMe.body.token_id}`));
    expectUnavailable(await issue());
    const visible = await rosterIds();
    failing = undefined;
    await sb.close();
    sb = await startTestSandbox({dataDir: dir, diskFault});
    expect(await rosterIds()).toEqual(visible);
    expect(visible).toContain(kept.body.token_id);
    expect((await op('GET', `${base()}/${revokeMe.body.token_id}`)).body).not.toHaveProperty('revoked_at');
    expect((await health()).body.status).toBe('ok');
  });
});
