// Tokens: space / `*` marks, `x` with marks → one confirmation with the breakdown and the typed count → progress → report.
import {afterEach, describe, expect, it} from 'vitest';
import {bulkRevokeKey, NEW_BULK_CONFIRM} from '../../src/screens/BulkRevokeFlow.js';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
let app: Rendered | undefined;
afterEach(() => app?.unmount());
const press = (name: string) => ({name, input: name.length === 1 ? name : ''});

describe('bulk revoke keys', () => {
  it('more than one token needs exactly the number typed; Enter alone never confirms', () => {
    let c = NEW_BULK_CONFIRM;
    expect(bulkRevokeKey('confirm', c, press('return'), 37, 0)).toEqual({confirm: {typed: '', mismatch: true}, action: 'none'});
    for (const k of ['3', 'x', '7']) c = bulkRevokeKey('confirm', c, press(k), 37, 0).confirm;
    expect(c.typed).toBe('37');
    expect(bulkRevokeKey('confirm', c, press('return'), 37, 0).action).toBe('start');
    expect(bulkRevokeKey('confirm', c, press('return'), 36, 0).action).toBe('none');
    expect(bulkRevokeKey('confirm', c, press('escape'), 37, 0).action).toBe('cancel');
  });
  it('one token: y; running: Esc stops; report: r retries only when something failed', () => {
    expect(bulkRevokeKey('confirm', NEW_BULK_CONFIRM, press('y'), 1, 0).action).toBe('start');
    expect(bulkRevokeKey('confirm', NEW_BULK_CONFIRM, press('n'), 1, 0).action).toBe('cancel');
    expect(bulkRevokeKey('confirm', NEW_BULK_CONFIRM, press('q'), 0, 0).action).toBe('cancel');
    expect(bulkRevokeKey('running', NEW_BULK_CONFIRM, press('escape'), 5, 0).action).toBe('stop');
    expect(bulkRevokeKey('running', NEW_BULK_CONFIRM, press('q'), 5, 0).action).toBe('none');
    expect(bulkRevokeKey('done', NEW_BULK_CONFIRM, press('r'), 5, 2).action).toBe('retry');
    expect(bulkRevokeKey('done', NEW_BULK_CONFIRM, press('r'), 5, 0).action).toBe('none');
    expect(bulkRevokeKey('done', NEW_BULK_CONFIRM, press('escape'), 5, 0).action).toBe('close');
  });
});

describe('Tokens: marking and bulk revoke', () => {
  it('* marks what the filter shows, x confirms with a breakdown and the typed count, and the report is exact', async () => {
    const s = sandbox();
    const {id} = await s.addProject({slug: 'bulk-ui', name: 'Bulk UI'});
    await s.seedTokens(id, 40, {state: 'mixed'});
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'bulk-ui'});
    await app.waitFor('40 tokens');
    await app.press('*');
    await app.waitFor('40 marked');
    await app.press('x');
    await app.waitFor('revoke 10 live · skip 10 expired, 10 consumed, 10 revoked');
    await app.press('return');
    await app.waitFor('type exactly 10');
    await app.press('1', '0', 'return');
    const report = await app.waitFor('Bulk revoke finished', 15_000);
    expect(report).toContain('revoked 10 · already revoked 0 · consumed 0 · failed 0 (of 10)');
    await app.press('escape');
    await app.waitFor((f) => /live 0 · expired 10 · consumed 10 · revoked 20/.test(f) && !f.includes('marked'));
  });

  it('space marks one row, a second * clears, Esc clears marks before going back', async () => {
    const s = sandbox();
    const {id} = await s.addProject({slug: 'bulk-marks', name: 'Bulk marks'});
    await s.seedTokens(id, 5, {state: 'live'});
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'bulk-marks'});
    await app.waitFor('5 tokens');
    await app.press(' ');
    await app.waitFor('1 marked');
    expect(app.lastFrame()).toContain('●');
    await app.press('*');
    await app.waitFor('5 marked');
    await app.press('*');
    await app.waitFor((f) => !f.includes('marked') && !f.includes('●'));
    await app.press('down', ' ', 'escape');
    await app.waitFor((f) => !f.includes('marked') && f.includes('5 tokens'));
  });
});
