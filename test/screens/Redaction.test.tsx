// The exact credential the client holds never reaches the console: not on the status line
// (`whoami failed: <title>` on the :whoami view), not on an error page, not in a crash report. The token is
// letters only, which the old `Bearer <word with a digit>` pattern could never catch.
import {afterAll, beforeAll, expect, it} from 'vitest';
import type {ApiClient} from '../../src/api/client.js';
import {crashMessage} from '../../src/console.js';
import {problem, startFaultServer, type FaultServer} from '../support/faultServer.js';
import {clientFor, renderApp} from '../support/renderApp.js';

const TOKEN = 'consolebearerlettersonly';
const P = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0';

let fault: FaultServer;
let client: ApiClient;
beforeAll(async () => {
  fault = await startFaultServer();
  client = clientFor(fault.url, TOKEN);
});
afterAll(async () => {
  await client.close();
  await fault.close();
});

it('a server echoing the bearer in its Problems gets it onto neither the status line nor an error page', async () => {
  fault.route('GET', '/v1/auth/whoami', problem(401, {title: `bad token ${TOKEN}`, detail: `token ${TOKEN} unknown`}));
  fault.route('GET', `/v1/projects/${P}`, problem(404, {title: 'Not Found', detail: `while checking ${TOKEN}`, correlation_id: TOKEN}));
  const app = await renderApp(client, {name: 'tokens', project: P});
  await app.waitFor('while checking [redacted]');
  await app.waitFor('(whoami failed)');
  // One step at a time, each seen on screen: a key sent before its layer listens is lost under load.
  await app.press(':');
  await app.waitFor((f) => (f.split('\n').at(-1) ?? '').startsWith(':'));
  await app.press('whoami');
  await app.waitFor(':whoami');
  await app.press('return');
  // :whoami is a view now: its error page shows the redacted title and detail.
  await app.waitFor((f) => f.includes('whoami failed: 401 bad token [redacted]') && f.includes('token [redacted] unknown'));
  expect(app.frames.filter((f) => f.includes(TOKEN))).toEqual([]);
  app.unmount();
});

it('a crash report never carries the bearer', () => {
  expect(crashMessage(new Error(`state dump: token=${TOKEN}`))).toContain('token=[redacted]');
  expect(crashMessage(new Error(`state dump: token=${TOKEN}`))).not.toContain(TOKEN);
});
