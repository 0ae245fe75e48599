import {afterEach, describe, expect, it} from 'vitest';
import {issueBootstrapToken, revokeBootstrapToken} from '../../src/api/bootstrapTokens.js';
import type {ApiClient, ApiRequest} from '../../src/api/client.js';
import {ApiError} from '../../src/api/errors.js';
import {clearOfMinuteBoundary, tick} from '../support/clock.js';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';
import {recording, selectedLine} from './tokenTestKit.js';

const sandbox = useSandbox();
let app: Rendered | undefined;
afterEach(() => app?.unmount());
const LIVE = {refreshMs: 1000};

describe('lists refresh on their own (--refresh)', () => {
  it('a token issued and one revoked from a second client show up, keeping the filter and the selection', async () => {
    const s = sandbox();
    const {id} = await s.addProject({slug: `live-${Math.random().toString(36).slice(2, 7)}`, name: 'Live'});
    const ids = await s.seedTokens(id, 6, {state: 'live'});
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: id}, LIVE);
    await app.waitFor('6 tokens');
    await app.press('f', 'down', 'down');
    const before = await app.waitFor((f) => f.includes('state: live') && f.includes('3/6'));
    const chosen = selectedLine(before)!.slice(2, 38);
    const other = clientFor(s.url, s.operatorToken);
    await issueBootstrapToken(other, id, {kind: 'bridge', env_prefix: 'fromelsewhere', ttl_seconds: 3600});
    const victim = ids.find((t) => t !== chosen)!;
    await revokeBootstrapToken(other, id, victim);
    const after = await app.waitFor((f) => f.includes('7 tokens') && f.includes('revoked 1'), 5000);
    expect(after).toMatch(/fromel.* bridge /);
    expect(after).toContain('state: live');
    expect(selectedLine(after)).toContain(chosen);
  });

  it('writes nothing while nothing changes', async () => {
    const s = sandbox();
    const {client, sent} = recording(clientFor(s.url, s.operatorToken));
    app = await renderApp(client, {name: 'tokens', project: 'edge-prod'}, LIVE);
    await app.waitFor('120 tokens');
    // The minute tick of the relative times is a legitimate render; keep it out of the window.
    await clearOfMinuteBoundary(3000);
    await tick(300);
    const frames = app.frames.length;
    const requests = sent.length;
    await tick(2600);
    expect(sent.length).toBeGreaterThan(requests); // it did refresh
    expect(app.frames.length).toBe(frames); // and rendered nothing
  });

  it('Nodes pick up a node added elsewhere without r', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'nodes'}, LIVE);
    const first = await app.waitFor((f) => /\d+ nodes/.test(f));
    const count = Number(/(\d+) nodes/.exec(first)![1]);
    await s.addNode({name: 'zz-live-node', kind: 'vm'});
    await app.waitFor(`${count + 1} nodes`, 5000);
  });

  it('a failed refresh keeps the data with a banner and r retry, then recovers', async () => {
    const s = sandbox();
    const inner = clientFor(s.url, s.operatorToken);
    let down = false;
    // A control plane that starts answering 503 (a wrapper client, like the request recorder).
    const client: ApiClient = {
      server: inner.server,
      close: () => inner.close(),
      request<T>(req: ApiRequest<T>) {
        if (down) return Promise.reject(new ApiError({kind: 'http', status: 503, title: 'Service Unavailable', detail: 'maintenance'}));
        return inner.request(req);
      },
    };
    app = await renderApp(client, {name: 'tokens', project: 'edge-prod'}, LIVE);
    await app.waitFor('120 tokens');
    down = true;
    const failed = await app.waitFor('refresh failed', 5000);
    expect(failed).toContain('⚠ refresh failed: 503 Service Unavailable · showing data from');
    expect(failed).toContain('r retry');
    expect(failed).toContain('120 tokens'); // the roster stays
    down = false;
    await app.press('r');
    await app.waitFor((f) => !f.includes('refresh failed') && f.includes('120 tokens'), 5000);
  });

  it('with --refresh 0 nothing refreshes, and the roster says how old it is', async () => {
    const s = sandbox();
    const {client, sent} = recording(clientFor(s.url, s.operatorToken));
    app = await renderApp(client, {name: 'projects'}, {refreshMs: 0});
    const frame = await app.waitFor('edge-prod');
    expect(frame).toMatch(/updated (just now|\d+s ago)/);
    const requests = sent.length;
    await tick(1500);
    expect(sent.length).toBe(requests);
  });
});
