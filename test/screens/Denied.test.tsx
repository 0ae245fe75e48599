// n / x as a principal the server already denied (403) in this Project say why on the status line
// instead of opening the form or the confirmation again.
import {afterEach, describe, expect, it} from 'vitest';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
let app: Rendered | undefined;
afterEach(() => app?.unmount());

async function asViewer(project: string): Promise<Rendered> {
  const s = sandbox();
  app = await renderApp(clientFor(s.url, s.viewerToken), {name: 'tokens', project});
  await app.waitFor((f) => /[\d,]+ tokens/.test(f));
  return app;
}

describe('after a 403', () => {
  it('n says the issue was denied instead of opening the form again', async () => {
    const a = await asViewer('edge-staging');
    await a.press('n');
    await a.waitFor('Issue a bootstrap token');
    await a.press('tab', 'staging', 'return', 'return');
    await a.waitFor('403 Forbidden');
    await a.press('escape');
    await a.waitFor((f) => !f.includes('Issue a bootstrap token'));
    const frames = await a.pressUntil(['n'], 'Denied earlier this session (403 insufficient_relation): issuing tokens here');
    expect(frames.some((f) => f.includes('Issue a bootstrap token'))).toBe(false);
  });

  it('x says the revoke was denied, on the roster and on the token detail', async () => {
    const a = await asViewer('edge-prod');
    await a.press('f');
    await a.waitFor('live 30');
    await a.press('x');
    await a.waitFor('Revoke');
    await a.press('y');
    await a.waitFor('403');
    await a.press('escape');
    await a.waitFor((f) => !f.includes('403'));
    const frames = await a.pressUntil(['x'], 'Denied earlier this session (403 insufficient_relation): revoking tokens');
    expect(frames.some((f) => /Revoke .*\?/.test(f))).toBe(false);
    await a.press('return');
    await a.waitFor('revoked_at');
    await a.pressUntil(['x'], 'Denied earlier this session (403 insufficient_relation): revoking tokens');
  });
});
