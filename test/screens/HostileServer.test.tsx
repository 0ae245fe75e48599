// The hostile-server test for the console: a server whose every string field (from the
// vendored contract) carries C0, C1, OSC 52, OSC 0, CSI, bidi and zero-width characters, or
// runs very long. No frame may hold an escape sequence but the console's own colours, on any
// screen: header principal, the `:whoami` view and its `whoami failed: <status> <title>`, the
// issue form's title, Tokens, token detail, Nodes and the rotation preview.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {ApiClient} from '../../src/api/client.js';
import type {Route} from '../../src/hooks/navigation.js';
import {json, problem, startFaultServer, type FaultServer} from '../support/faultServer.js';
import {contractResponses, firstUnsafe, HOSTILE_LONG, hostileInstance} from '../support/hostile.js';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';

const P = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0';
const T = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1';
const N = '0190a8b8-b1c1-7b1b-8b1b-b1b1b1b1b1b1';
// The console's own SGR colours are allowed; nothing else that starts with ESC.
const OWN_SGR = /\x1b\[[0-9;]*m/g;

const responses = contractResponses();
const schemaOf = (op: string) => responses.find((r) => r.operationId === op && r.status < 300)?.schema ?? {};

/** Every GET the console makes, answered from the contract with hostile text. */
function serveHostile(fault: FaultServer, text?: string, whoamiFails = false): void {
  const body = (op: string) => hostileInstance(schemaOf(op), {text}) as Record<string, unknown>;
  // Lists end after one page: a hostile cursor would (correctly) stop the walk with an error.
  const page = (op: string, firstId: string) => {
    const b = body(op);
    delete b.next_cursor;
    b.items = [{...(b.items as Record<string, unknown>[])[0], id: firstId}];
    return b;
  };
  const project = {...body('GetProject'), id: P};
  const token = {...body('GetBootstrapTokenMetadata'), id: T, project_id: P};
  fault.route('GET', '/v1/auth/whoami', whoamiFails ? problem(500, hostileInstance(responses.find((r) => r.operationId === 'GetAuthWhoami' && r.status === 500)?.schema ?? {}, {text}) as Record<string, unknown>) : json(200, body('GetAuthWhoami')));
  fault.route('GET', '/v1/projects', json(200, {...page('ListProjects', P)}));
  fault.route('GET', `/v1/projects/${P}`, json(200, project));
  fault.route('GET', `/v1/projects/${P}/bootstrap-tokens`, json(200, page('ListBootstrapTokens', T)));
  fault.route('GET', `/v1/projects/${P}/bootstrap-tokens/${T}`, json(200, token));
  fault.route('GET', '/v1/nodes', json(200, page('ListNodes', N)));
  fault.route('GET', `/v1/nodes/${N}/keys/rotate/preview`, json(200, {...body('GetNodeKeysRotatePreview'), node_id: N}));
}

/** Every frame the console wrote, minus its own colours, must be clean. */
function expectInert(app: Rendered, where: string): void {
  for (const frame of app.frames) expect(firstUnsafe(frame.replace(OWN_SGR, '')), where).toBeUndefined();
}

let fault: FaultServer;
let client: ApiClient;
let app: Rendered | undefined;
beforeAll(async () => {
  fault = await startFaultServer();
  client = clientFor(fault.url, 'hostile-console-bearer');
});
afterEach(() => {
  app?.unmount();
  app = undefined;
  fault.reset();
});
afterAll(async () => {
  await client.close();
  await fault.close();
});

const open = async (route: Route) => (app = await renderApp(client, route));

/** The status line is transient (a few seconds): look through every frame written, not only the last. */
async function waitForAnyFrame(a: Rendered, ok: (frame: string) => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!a.frames.some(ok)) {
    if (Date.now() > end) throw new Error(`no frame matched; last frame:\n${a.lastFrame()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each([['hostile', undefined], ['very long', HOSTILE_LONG]])('%s server text', (_name, text) => {
  it('the header principal and the :whoami view', async () => {
    serveHostile(fault, text);
    const a = await open({name: 'projects'});
    // The header (first line) names the principal once whoami answered.
    await a.waitFor((f) => (f.split('\n')[0] ?? '').includes('· HOSTILE'));
    // One step at a time, each seen on screen: a key sent before its layer listens is lost under load.
    await a.press(':');
    await a.waitFor((f) => (f.split('\n').at(-1) ?? '').startsWith(':'));
    await a.press('whoami');
    await a.waitFor(':whoami');
    await a.press('return');
    // The view shows the principal, sanitised.
    await waitForAnyFrame(a, (f) => /principal\s+HOSTILE/.test(f));
    expectInert(a, 'projects + :whoami');
  });

  it('whoami failed: <title> in the :whoami view', async () => {
    serveHostile(fault, text, true);
    const a = await open({name: 'projects'});
    await a.waitFor('(whoami failed)');
    // One step at a time, each seen on screen: a key sent before its layer listens is lost under load.
    await a.press(':');
    await a.waitFor((f) => (f.split('\n').at(-1) ?? '').startsWith(':'));
    await a.press('whoami');
    await a.waitFor(':whoami');
    await a.press('return');
    await waitForAnyFrame(a, (f) => f.includes('whoami failed: 500 HOSTILE'));
    expectInert(a, ':whoami failed');
  });

  it('Tokens, the issue form title and the token detail', async () => {
    serveHostile(fault, text);
    const a = await open({name: 'tokens', project: P});
    await a.waitFor('· 1 token │');
    await a.press('n');
    await a.waitFor('Issue a bootstrap token in HOSTILE');
    await a.press('escape');
    await a.waitFor((f) => !f.includes('Issue a bootstrap token'));
    await a.press('return');
    await a.waitFor(T);
    expectInert(a, 'tokens, form, detail');
  });

  it('Nodes and the rotation preview', async () => {
    serveHostile(fault, text);
    const a = await open({name: 'nodes'});
    await a.waitFor('HOSTILE');
    const b = await renderApp(client, {name: 'rotationPreview', node: N});
    try {
      await b.waitFor('Affected edges');
      expectInert(b, 'rotation preview');
    } finally {
      b.unmount();
    }
    expectInert(a, 'nodes');
  });
});
