import {afterEach, describe, expect, it} from 'vitest';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
let app: Rendered | undefined;
afterEach(() => app?.unmount());

describe('Projects screen', () => {
  it('lists every project with slug, name and id', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'projects'});
    const frame = await app.waitFor('edge-prod');
    expect(frame).toContain('Edge Production');
    expect(frame).toContain(s.demo!.projects['edge-prod']);
    expect(frame).toContain('core-services');
  });

  it('Enter opens the selected project\'s tokens with STATE counts', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'projects'});
    await app.waitFor('edge-prod');
    // Sorted by slug: core-services, edge-prod, …
    await app.press('down', 'return');
    const frame = await app.waitFor((f) => /live \d+ · expired \d+ · consumed \d+ · revoked \d+/.test(f) && f.includes('tokens'));
    expect(frame).toContain('edge-prod');
  });

  it('↓⏎ arriving in one read opens the second project', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'projects'});
    await app.waitFor('edge-prod');
    await app.write('\u001b[B\r');
    await app.waitFor((f) => f.includes('tokens · edge-prod') && f.includes('120 tokens'));
  });

  it('/ filters as you type, Enter keeps it, Esc clears, s and S sort', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'projects'});
    await app.waitFor('edge-prod');
    await app.press('/', 'staging');
    let frame = await app.waitFor('/staging▏ ⏎ keep · esc clear · 1 of 4 match');
    expect(frame).not.toContain('core-services');
    await app.press('return');
    frame = await app.waitFor('1/1 · filter "staging" · 1 of 4 match');
    expect(frame).not.toContain('core-services');
    await app.press('/', 'escape');
    frame = await app.waitFor('core-services');
    await app.press('s');
    await app.waitFor('NAME▲');
    await app.press('S');
    frame = await app.waitFor('NAME▼');
    const rows = frame.split('\n').filter((l) => /^[> ] \S/.test(l) && !l.includes('SLUG'));
    expect(rows[0]).toContain('Lab Sandbox');
  });
});
