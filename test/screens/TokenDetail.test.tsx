import {afterEach, describe, expect, it} from 'vitest';
import {clipboardWrites} from '../support/osc52.js';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
let app: Rendered | undefined;
afterEach(() => app?.unmount());

describe('Token detail', () => {
  it('shows every metadata field, absolute UTC times and STATE with its reason', async () => {
    const s = sandbox();
    const d = s.demo!;
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokenDetail', projectId: d.tokenProjectId, tokenId: d.tokens.consumed});
    const frame = await app.waitFor('issued_by_user_id');
    expect(frame).toContain(d.tokens.consumed);
    expect(frame).toContain(d.operatorId);
    expect(frame).toMatch(/STATE\s+consumed {2}\(consumed at \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\)/);
    expect(frame).toMatch(/issued_at\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ/);
    expect(frame).toMatch(/revoked_at\s+—/);
    await app.waitFor('edge-prod');
  });

  it('c sends the token id to the clipboard', async () => {
    const s = sandbox();
    const d = s.demo!;
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokenDetail', projectId: d.tokenProjectId, tokenId: d.tokens.live});
    await app.waitFor('issued_by_user_id');
    await app.press('c');
    await app.waitFor(`token id ${d.tokens.live} sent to terminal clipboard (OSC 52)`);
    expect(clipboardWrites(app.ttyBytes())).toEqual([d.tokens.live]);
  });

  it('x revokes from the detail too, and the STATE updates in place', async () => {
    const s = sandbox();
    const {id} = await s.addProject({slug: 'detail-revoke', name: 'Detail Revoke'});
    const [tokenId] = await s.seedTokens(id, 1, {state: 'live'});
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokenDetail', projectId: id, tokenId: tokenId!});
    await app.waitFor((f) => /STATE\s+live/.test(f));
    await app.press('x');
    await app.waitFor('Revoke bootstrap token?');
    await app.press('y');
    const frame = await app.waitFor(`Token ${tokenId} revoked`);
    expect(frame).toMatch(/STATE\s+revoked {2}\(revoked at /);
  });

  it('a missing token is an error in place', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokenDetail', projectId: s.demo!.tokenProjectId, tokenId: '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1'});
    const frame = await app.waitFor('404');
    expect(frame).toContain('token_not_found');
    expect(frame).toContain('r retry · esc back');
  });
});
