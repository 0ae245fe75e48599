// The console reads what the server sends tolerantly (issue 8): a token of a future kind and
// an unknown principal_type are shown as received; an item that cannot be read is counted on
// a line of its own, and the rest of the roster stays on screen.
import {afterAll, afterEach, beforeAll, expect, it} from 'vitest';
import type {ApiClient} from '../../src/api/client.js';
import {json, startFaultServer, type FaultServer} from '../support/faultServer.js';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';

const P = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0';
const uuid = (n: number): string => `0190a8b8-a0c0-7a0a-8a0a-${n.toString(16).padStart(12, '0')}`;
const token = (n: number, extra: Record<string, unknown> = {}) => ({
  id: uuid(n), project_id: P, kind: 'node', env_prefix: 'prod', issued_at: '2026-04-25T10:00:00Z',
  expires_at: '2099-04-25T11:00:00Z', issued_by_user_id: uuid(0), ...extra,
});
const node = (n: number, extra: Record<string, unknown> = {}) => ({id: uuid(n), domain_id: uuid(0), name: `node-${n}`, created_at: '2026-04-25T10:00:00Z', ...extra});

let fault: FaultServer;
let client: ApiClient;
let app: Rendered | undefined;
beforeAll(async () => {
  fault = await startFaultServer();
  client = clientFor(fault.url, 'tolerant-console-bearer');
});
afterEach(() => {
  app?.unmount();
  fault.reset();
});
afterAll(async () => {
  await client.close();
  await fault.close();
});

function serve(): void {
  fault.route('GET', '/v1/auth/whoami', json(200, {principal_type: 'robot', subject: 's-1', email: 'op@example.test'}));
  fault.route('GET', `/v1/projects/${P}`, json(200, {id: P, domain_id: uuid(0), name: 'Edge', slug: 'edge', created_at: '2026-04-25T10:00:00Z', updated_at: '2026-04-25T10:00:00Z'}));
  fault.route('GET', `/v1/projects/${P}/bootstrap-tokens`, json(200, {items: [token(1), token(2, {kind: 'worker'}), token(3, {id: 'broken'})]}));
  fault.route('GET', '/v1/nodes', json(200, {items: [node(1), node(2, {kind: 'satellite'}), node(3, {created_at: 'yesterday'})]}));
}

it('Tokens shows a future kind and counts the unreadable token on one line', async () => {
  serve();
  app = await renderApp(client, {name: 'tokens', project: P});
  const frame = await app.waitFor('2 tokens');
  expect(frame).toContain('worker');
  expect(frame).toContain('⚠ 1 token could not be read and is not shown (item 2: id: Invalid UUID)');
  // The header names the principal although its type is unknown.
  expect(await app.waitFor('op@example.test')).not.toContain('(whoami failed)');
});

it('Nodes shows a future kind and counts the unreadable node on one line', async () => {
  serve();
  app = await renderApp(client, {name: 'nodes'});
  const frame = await app.waitFor('node-2');
  expect(frame).toContain('satelli…'); // a future kind, shown as received (cut to the column)
  expect(frame).toContain('⚠ 1 node could not be read and is not shown (item 2: created_at: Invalid RFC 3339 timestamp)');
});

it('the roster loader stops a server that sends empty pages with fresh cursors forever, and says so', async () => {
  serve();
  fault.route('GET', `/v1/projects/${P}/bootstrap-tokens`, (req, res, ctx) => json(200, {items: [], next_cursor: `fresh-${ctx.n}`})(req, res, ctx));
  app = await renderApp(client, {name: 'tokens', project: P});
  await app.waitFor('listing stopped');
  expect(app.lastFrame()).toContain('the server sent 5 empty pages in a row');
  expect(fault.hits('GET', `/v1/projects/${P}/bootstrap-tokens`)).toBe(5);
});
