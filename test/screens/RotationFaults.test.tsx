// Shapes the sandbox does not produce: 501 not provisioned, the plexctl-docs 409 already_pending,
// and a failing poll — from a small scripted server.
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {json, problem, sequence, startFaultServer, type FaultServer} from '../support/faultServer.js';

const DOMAIN = '01900000-0000-7000-8000-00000000d000';
const NODE = '01900000-0000-7000-8000-0000000000a1';
const PEER = '01900000-0000-7000-8000-0000000000b1';
const OTHER = '01900000-0000-7000-8000-0000000000a2';
const ROTATION = '01900000-0000-7000-8000-0000000000c1';
const PREVIEW_PATH = `/v1/nodes/${NODE}/keys/rotate/preview`;
const ROTATE_PATH = `/v1/nodes/${NODE}/keys/rotate`;

const previewBody = (pending: boolean) => ({
  node_id: NODE,
  peer_id: PEER,
  affected_peer_count: 1,
  affected_edges: [{peer_node_id: OTHER, current_kid: 'kid-1', current_wrap_key_version: 2}],
  already_pending: pending,
  estimated_duration_seconds: 1,
});

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.route('GET', '/v1/auth/whoami', json(200, {principal_type: 'user', subject: '01900000-0000-7000-8000-0000000000e1', email: 'op@example.test'}));
  server.route('GET', '/v1/nodes', json(200, {items: [
    {id: NODE, domain_id: DOMAIN, name: 'fault-a', created_at: '2026-05-01T10:00:00Z'},
    {id: OTHER, domain_id: DOMAIN, created_at: '2026-05-01T10:00:00Z'},
  ]}));
});

async function confirmRotation(): Promise<Rendered> {
  const app = await renderApp(clientFor(server.url, 'psat_test'), {name: 'rotationPreview', node: 'fault-a'});
  await app.waitFor('Affected edges');
  await app.press('return');
  await app.waitFor('and press Enter');
  await app.press('fault-a', 'return');
  return app;
}

describe('rotation against other control plane builds', () => {
  it('a 501 preview says this build does not offer key rotation yet', async () => {
    server.route('GET', PREVIEW_PATH, problem(501, {title: 'Not Implemented', code: 'node_keys_rotate_preview_not_provisioned', detail: 'deferred wiring'}));
    const app = await renderApp(clientFor(server.url, 'psat_test'), {name: 'rotationPreview', node: NODE});
    const frame = await app.waitFor('501');
    expect(frame).toContain('This control plane build does not offer key rotation yet.');
    expect(frame).toContain('code: node_keys_rotate_preview_not_provisioned');
    expect(frame).not.toContain('rotate…');
    app.unmount();
  });

  it('a 501 trigger keeps the confirmation open and explains it', async () => {
    server.route('GET', PREVIEW_PATH, json(200, previewBody(false)));
    server.route('POST', ROTATE_PATH, problem(501, {title: 'Not Implemented', code: 'node_keys_rotate_not_provisioned'}));
    const app = await confirmRotation();
    const frame = await app.waitFor('does not offer key rotation yet');
    expect(frame).toContain('name: fault-a');
    expect(frame).toContain('code: node_keys_rotate_not_provisioned');
    expect(server.hits('POST', ROTATE_PATH)).toBe(1);
    app.unmount();
  });

  it('a 409 already_pending trigger is a success that says already pending, POSTed once, and completion is observed', async () => {
    server.route('GET', PREVIEW_PATH, sequence(json(200, previewBody(true)), json(200, previewBody(false))));
    server.route('POST', ROTATE_PATH, problem(409, {
      title: 'Conflict', code: 'already_pending', rotation_id: ROTATION, node_id: NODE, state: 'pending',
      requested_at: new Date(Date.now() - 500).toISOString(),
    }));
    const app = await confirmRotation();
    let frame = await app.waitFor('rotation id');
    expect(frame).toContain('ALREADY PENDING · a rotation was already in flight; no new one was started (409)');
    expect(frame).toContain(ROTATION);
    expect(frame).toMatch(/state\s+pending/);
    frame = await app.waitFor('rotation complete', 8_000);
    expect(frame).toContain('rotation complete · 1 edge re-keyed');
    expect(server.hits('POST', ROTATE_PATH)).toBe(1);
    app.unmount();
  });

  it('a failed poll is shown with r retry, and retrying goes on watching', async () => {
    server.route('GET', PREVIEW_PATH, sequence(
      json(200, previewBody(false)),
      problem(500, {title: 'Internal Server Error', code: 'datastore_broken', detail: 'try later'}),
      json(200, previewBody(false)),
    ));
    server.route('POST', ROTATE_PATH, json(200, {rotation_id: ROTATION, peer_id: PEER, already_pending: false}));
    const app = await confirmRotation();
    expect(await app.waitFor('rotation id')).toContain('a new rotation was started');
    const frame = await app.waitFor('Checking the rotation failed', 8_000);
    expect(frame).toContain('500 Internal Server Error');
    expect(frame).toContain('r retry');
    await app.press('r');
    await app.waitFor('rotation complete · 1 edge re-keyed');
    expect(server.hits('POST', ROTATE_PATH)).toBe(1);
    app.unmount();
  });
});
