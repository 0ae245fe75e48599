import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {CLOSE_QUESTION, PLAINTEXT_BANNER} from '../../src/screens/PlaintextModal.js';
import {delay, json, type FaultServer} from '../support/faultServer.js';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';
import {emptyProjectServer, FAULT_ISSUE, FAULT_PROJECT, recording} from './tokenTestKit.js';

// ctrl+c is the copy reflex on the plaintext modal: it must ask, not throw the only copy away.
const sandbox = useSandbox();
let app: Rendered | undefined;
const ROSTER = (f: string) => /· [\d,]+ tokens │/.test(f);
afterEach(() => app?.unmount());

async function roster(): Promise<{a: Rendered; sent: string[]}> {
  const s = sandbox();
  const {client, sent} = recording(clientFor(s.url, s.operatorToken));
  const a = (app = await renderApp(client, {name: 'tokens', project: 'edge-prod'}));
  await a.waitFor(ROSTER);
  return {a, sent};
}

/** Issues a token through the form; returns its id as the modal shows it. */
async function issue(a: Rendered): Promise<string> {
  await a.press('n');
  await a.waitFor('Issue a bootstrap token');
  await a.press('tab', 'ctrlc', 'return', 'return');
  const modal = await a.waitFor(PLAINTEXT_BANNER);
  return /token id {2}([0-9a-f-]{36})/.exec(modal)![1]!;
}

describe('ctrl+c', () => {
  it('in the plaintext modal asks the close question instead of quitting; n goes back to the plaintext', async () => {
    const {a} = await roster();
    await issue(a);
    await a.press('ctrl+c');
    await a.waitFor(CLOSE_QUESTION);
    expect(a.exited()).toBe(false);
    await a.press('n');
    const frame = await a.waitFor((f) => !f.includes(CLOSE_QUESTION) && f.includes(PLAINTEXT_BANNER));
    expect(frame).toMatch(/psb_ctrlc_/);
    expect(a.exited()).toBe(false);
  });

  it('a second ctrl+c at the close question quits, and the exit notice names the live token', async () => {
    const {a} = await roster();
    const tokenId = await issue(a);
    await a.press('ctrl+c');
    await a.waitFor(CLOSE_QUESTION);
    await a.press('ctrl+c');
    await waitUntil(a.exited);
    const [notice, ...more] = a.session.exitNotices(Date.now());
    expect(more).toEqual([]);
    expect(notice).toContain(`a live bootstrap token was issued`);
    expect(notice).toContain(`token id ${tokenId}`);
    expect(notice).toMatch(new RegExp(`bootstrap-token revoke --project [0-9a-f-]{36} --token-id ${tokenId}`));
    expect(notice).not.toMatch(/psb_/);
  });

  it('after the modal was closed with y, quitting leaves no notice', async () => {
    const {a} = await roster();
    await issue(a);
    await a.press('escape');
    await a.waitFor(CLOSE_QUESTION);
    await a.press('y');
    await a.waitFor((f) => !f.includes(PLAINTEXT_BANNER) && ROSTER(f));
    await a.press('ctrl+c');
    await waitUntil(a.exited);
    expect(a.session.anyPlaintextShown).toBe(true);
    expect(a.session.exitNotices(Date.now())).toEqual([]);
  });

  it('quits from the issue form (a captured layer) without sending the form', async () => {
    const {a, sent} = await roster();
    await a.press('n');
    await a.waitFor('Issue a bootstrap token');
    await a.press('tab', 'abc', 'ctrl+c');
    await waitUntil(a.exited);
    expect(sent.filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  it('quits from the roster and from the command line overlay', async () => {
    const first = await roster();
    await first.a.press('ctrl+c');
    await waitUntil(first.a.exited);
    first.a.unmount();
    const second = await roster();
    await second.a.press(':', 'tok');
    await second.a.waitFor(':tok');
    await second.a.press('ctrl+c');
    await waitUntil(second.a.exited);
  });
});

describe('ctrl+c while the issue request is in flight', () => {
  const P = FAULT_PROJECT;
  let fault: FaultServer;
  beforeAll(async () => {
    fault = await emptyProjectServer('slow');
    // Never answers within the test: the console quits while the POST is out.
    fault.route('POST', FAULT_ISSUE, delay(60_000, json(201, {})));
  });
  afterAll(() => fault.close());

  it('quits, and the exit notice says a token may have been issued in that project', async () => {
    const a = (app = await renderApp(clientFor(fault.url, 'pst_test_token'), {name: 'tokens', project: P}));
    await a.waitFor('No bootstrap tokens in slow yet.');
    await a.press('n', 'tab', 'slow', 'return', 'return');
    await a.waitFor('Issuing…');
    await a.press('ctrl+c');
    await waitUntil(a.exited);
    expect(a.session.exitNotices(Date.now())).toEqual([expect.stringContaining(`an issue request was still in flight when the console quit: a live token may have been issued in project ${P}`)]);
  });
});

/** Polls a condition the app sets synchronously on quit; fails after 5 s. */
async function waitUntil(ok: () => boolean): Promise<void> {
  for (const end = Date.now() + 5000; !ok(); ) {
    if (Date.now() > end) throw new Error('the console did not quit');
    await new Promise((r) => setTimeout(r, 10));
  }
}
