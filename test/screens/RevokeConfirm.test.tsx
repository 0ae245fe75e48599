import {afterEach, describe, expect, it} from 'vitest';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';
import {selectedLine} from './tokenTestKit.js';

const sandbox = useSandbox();
let app: Rendered | undefined;
afterEach(() => app?.unmount());

/** A fresh project with one token in `state`, the roster open with that token selected. */
async function rosterWith(state: 'live' | 'consumed' | 'revoked', token: 'operatorToken' | 'viewerToken' = 'operatorToken') {
  const s = sandbox();
  const {id} = await s.addProject({slug: `rv-${state}-${token.length}-${Math.random().toString(36).slice(2, 7)}`, name: 'Revoke'});
  const [tokenId] = await s.seedTokens(id, 1, {state, envPrefix: 'rv'});
  app = await renderApp(clientFor(s.url, s[token]), {name: 'tokens', project: id});
  await app.waitFor((f) => f.includes('· 1 token') && !f.includes('1 tokens'));
  return {app, tokenId: tokenId!};
}

describe('Revoke confirm', () => {
  it('y revokes a live token: status line says so and the row shows revoked', async () => {
    const {app: a, tokenId} = await rosterWith('live');
    await a.press('x');
    const panel = await a.waitFor('Revoke bootstrap token?');
    expect(panel).toContain(`id     ${tokenId}`);
    expect(panel).toContain('env    rv');
    expect(panel).toMatch(/state {2}live/);
    await a.press('y');
    const frame = await a.waitFor(`Token ${tokenId} revoked`);
    expect(selectedLine(frame)).toMatch(/ revoked\s*$/);
    expect(frame).toContain('revoked 1');
  });

  it('any other key cancels without revoking', async () => {
    const {app: a} = await rosterWith('live');
    await a.press('x');
    await a.waitFor('Revoke bootstrap token?');
    await a.press('n');
    const frame = await a.waitFor((f) => !f.includes('Revoke bootstrap token?'));
    expect(selectedLine(frame)).toMatch(/ live\s*$/);
  });

  it('409 on a consumed token explains that a redeemer used it', async () => {
    const {app: a} = await rosterWith('consumed');
    await a.press('x', 'y');
    const frame = await a.waitFor('A redeemer used this token at');
    expect(frame).toContain('revoking had no effect');
    expect(frame).not.toContain('✗');
    await a.press('escape');
    await a.waitFor((f) => !f.includes('Revoke bootstrap token?'));
  });

  it('409 on a revoked token says already revoked, not an error', async () => {
    const {app: a} = await rosterWith('revoked');
    await a.press('x', 'y');
    const frame = await a.waitFor('Already revoked at');
    expect(frame).not.toContain('✗');
  });

  it('a viewer sees the 403 in place with reason and correlation id', async () => {
    const {app: a} = await rosterWith('live', 'viewerToken');
    await a.press('x', 'y');
    const frame = await a.waitFor('403 Forbidden');
    expect(frame).toContain('reason: insufficient_relation');
    expect(frame).toMatch(/correlation id: [0-9a-f-]{36}/);
    expect(frame).toContain('Revoke bootstrap token?');
  });
});
