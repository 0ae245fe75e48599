import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {dropConnection, type FaultServer} from '../support/faultServer.js';
import {clipboardWrites} from '../support/osc52.js';
import {useSandbox} from '../support/sandbox.js';
import {emptyProjectServer, FAULT_ISSUE, FAULT_PROJECT, recording, selectedLine} from './tokenTestKit.js';

const sandbox = useSandbox();
let app: Rendered | undefined;
afterEach(() => app?.unmount());

const BANNER = 'WARNING: this is the only time this plaintext will be displayed';
const QUESTION = 'The plaintext cannot be shown again. Close? (y/N)';

async function openForm(project: string, token: 'operatorToken' | 'viewerToken' = 'operatorToken') {
  const s = sandbox();
  app = await renderApp(clientFor(s.url, s[token]), {name: 'tokens', project});
  await app.waitFor((f) => /[\d,]+ tokens/.test(f));
  await app.press('n');
  await app.waitFor('Issue a bootstrap token');
  return app;
}

describe('Issue form and plaintext modal', () => {
  it('validates as you type, issues once, shows the plaintext once, then selects the new live token', async () => {
    const s = sandbox();
    const {id} = await s.addProject({slug: 'issue-flow', name: 'Issue Flow'});
    await s.seedTokens(id, 5);
    const a = await openForm('issue-flow');
    expect(a.lastFrame()).toMatch(/› Kind: \(•\) node/);
    await a.press('right');
    await a.waitFor('(•) bridge');
    await a.press('tab', 'Prod1');
    await a.waitFor('lowercase letters a–z only');
    await a.press('backspace', 'backspace', 'backspace', 'backspace', 'backspace', 'edge');
    await a.waitFor((f) => f.includes('Env prefix: edge') && !f.includes('lowercase letters a–z only'));
    await a.press('tab', 'backspace', 'backspace', '1m');
    await a.waitFor('between 5m and 24h');
    expect(a.lastFrame()).not.toContain('expires 20');
    await a.press('backspace', 'backspace', '2h');
    await a.waitFor((f) => /expires 20\d\d-/.test(f));
    expect(a.lastFrame()).toContain('(in 2h)');
    await a.press('return');
    const modal = await a.waitFor(BANNER);
    const plaintext = /psb_edge_[a-z2-7]+_bridge_[a-z2-7]+/.exec(modal)?.[0];
    expect(plaintext).toBeDefined();
    const tokenId = /token id {2}([0-9a-f-]{36})/.exec(modal)![1]!;
    await a.press('c');
    const copied = await a.waitFor('plaintext sent to terminal clipboard (OSC 52)');
    expect(copied.split('\n').at(-2)).not.toContain(plaintext!);
    // The bytes the terminal received decode to exactly the plaintext shown.
    expect(clipboardWrites(a.ttyBytes())).toEqual([plaintext]);
    await a.press('escape');
    await a.waitFor(QUESTION);
    await a.press('n');
    await a.waitFor((f) => !f.includes(QUESTION) && f.includes(plaintext!));
    await a.press('escape');
    await a.waitFor(QUESTION);
    const closedAt = a.frames.length;
    await a.press('y');
    const roster = await a.waitFor('6 tokens');
    expect(selectedLine(roster)).toContain(tokenId);
    expect(selectedLine(roster)).toMatch(/bridge .* live\s*$/);
    for (const f of a.frames.slice(closedAt)) expect(f).not.toContain(plaintext!);
  });

  it('Enter on Env prefix moves to TTL and mints nothing; Enter on TTL submits', async () => {
    const s = sandbox();
    const {id} = await s.addProject({slug: 'enter-moves', name: 'Enter Moves'});
    await s.seedTokens(id, 1);
    const {client, sent} = recording(clientFor(s.url, s.operatorToken));
    app = await renderApp(client, {name: 'tokens', project: 'enter-moves'});
    await app.waitFor('1 token');
    await app.press('n');
    await app.waitFor('Issue a bootstrap token');
    await app.press('return', 'prod', 'return');
    await app.waitFor('› TTL: 1h');
    expect(sent.filter((r) => r.startsWith('POST'))).toEqual([]);
    await app.press('return');
    await app.waitFor(BANNER);
    expect(sent.filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });

  it('? on Kind opens the help overlay; in a text field it is text', async () => {
    const a = await openForm('edge-prod');
    await a.press('?');
    const help = await a.waitFor('Keys on this screen');
    expect(help).toContain('next field');
    await a.press('escape');
    await a.waitFor('Issue a bootstrap token');
    await a.press('tab', 'ab?');
    await a.waitFor('Env prefix: ab?');
    expect(a.lastFrame()).not.toContain('Keys on this screen');
  });

  it('Esc cancels the form without a request', async () => {
    const s = sandbox();
    const {client, sent} = recording(clientFor(s.url, s.operatorToken));
    const a = (app = await renderApp(client, {name: 'tokens', project: 'edge-prod'}));
    await a.waitFor('120 tokens');
    await a.press('n');
    await a.waitFor('Issue a bootstrap token');
    await a.press('tab', 'esc', 'escape');
    await a.waitFor((f) => !f.includes('Issue a bootstrap token') && f.includes('120 tokens'));
    // Enter on the roster opens the detail: a request after Esc proves the queue is drained.
    await a.press('return');
    await a.waitFor('issued_by_user_id');
    expect(sent.filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  it('a viewer sees the 403 in the form with its reason and correlation id', async () => {
    const a = await openForm('edge-staging', 'viewerToken');
    await a.press('tab', 'staging', 'return', 'return');
    // (Enter on Env prefix moved to TTL; the second Enter submitted.)
    const frame = await a.waitFor('403 Forbidden');
    expect(frame).toContain('reason: insufficient_relation');
    expect(frame).toMatch(/correlation id: [0-9a-f-]{36}/);
    expect(frame).toContain('Env prefix: staging');
  });
});

describe('Issue over a dropped connection', () => {
  const P = FAULT_PROJECT;
  let fault: FaultServer;
  beforeAll(async () => {
    fault = await emptyProjectServer('flaky');
    fault.route('POST', FAULT_ISSUE, dropConnection());
  });
  afterAll(() => fault.close());

  it('shows the error, keeps everything typed, and never retries the POST', async () => {
    app = await renderApp(clientFor(fault.url, 'pst_test_token'), {name: 'tokens', project: P});
    await app.waitFor('No bootstrap tokens in flaky yet.');
    await app.press('n', ' ', 'tab', 'staging', 'tab', 'backspace', 'backspace', '45m', 'return');
    const frame = await app.waitFor('Not retried automatically');
    expect(frame).toContain('(•) bridge');
    expect(frame).toContain('Env prefix: staging');
    expect(frame).toContain('TTL: 45m');
    expect(fault.hits('POST', `/v1/projects/${P}/bootstrap-tokens`)).toBe(1);
    // Enter sends again, by the operator's hand: exactly one more request. The error shows
    // only once the client gave up on it, so a retry would already be counted by then.
    const from = app.frames.length;
    await app.press('return');
    await app.waitFor((f) => app!.frames.slice(from).some((g) => g.includes('Issuing…')) && f.includes('Not retried automatically'));
    expect(fault.hits('POST', `/v1/projects/${P}/bootstrap-tokens`)).toBe(2);
  });
});
