// :whoami is a view (principal, type, scope, subject, server, settings source), not a cut-off status line.
import {describe, expect, it} from 'vitest';
import {clientFor, renderApp} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();

describe(':whoami', () => {
  it('shows the principal in a view and Esc goes back', async () => {
    const s = sandbox();
    const app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'projects'}, {serverHost: 'plex.example', profileLabel: 'env'});
    await app.waitFor('edge-prod');
    await app.press(':', 'who', 'return');
    const frame = await app.waitFor('settings');
    expect(frame.split('\n')[0]).toContain('whoami');
    expect(frame).toMatch(/principal\s+\S+/);
    expect(frame).toMatch(/type\s+\w+/);
    expect(frame).toMatch(/scope\s+\S+/);
    expect(frame).toMatch(/subject\s+\S+/);
    expect(frame).toMatch(/server\s+plex\.example/);
    expect(frame).toContain('env (environment variables)');
    await app.press('escape');
    await app.waitFor('edge-prod');
    app.unmount();
  });
});
