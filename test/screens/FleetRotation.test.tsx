// Nodes: mark → Enter → aggregate preview → typed node count → waves with live progress → report.
import {afterEach, describe, expect, it} from 'vitest';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
let app: Rendered | undefined;
let timer: NodeJS.Timeout | undefined;
afterEach(() => {
  app?.unmount();
  clearInterval(timer);
  sandbox().faults.clear();
});
/** The sandbox clock runs fast, so each rotation completes at its first poll. */
const fastClock = () => (timer = setInterval(() => sandbox().advance(5_000), 100));

async function markAgents(filter: string): Promise<Rendered> {
  const s = sandbox();
  const r = await renderApp(clientFor(s.url, s.operatorToken), {name: 'nodes'});
  await r.waitFor('edge-agent-01');
  await r.press('/');
  await r.write(filter);
  await r.press('return', '*');
  return r;
}

describe('Nodes: a fleet rotation', () => {
  it('marks, previews in aggregate, asks for the node count, runs the waves and reports', async () => {
    app = await markAgents('edge-agent-0');
    await app.waitFor('9 marked');
    await app.press('return');
    const preview = await app.waitFor('Rotate the mesh keys of 9 nodes?');
    expect(preview).toMatch(/affected edges\s+9/);
    expect(preview).toMatch(/distinct peers\s+1/);
    expect(preview).toMatch(/wave size\s+1/);
    await app.press('+', '+', 'return');
    await app.waitFor('type exactly 9');
    fastClock();
    await app.press('9', 'return');
    await app.waitFor((f) => /Wave \d\/3/.test(f));
    const done = await app.waitFor('Fleet rotation finished', 30_000);
    expect(done).toContain('completed 9 · failed 0 · not started 0 · of 9');
    expect(done.match(/✓ completed/g)?.length).toBe(9);
  }, 60_000);

  it('an injected failure stops after its wave, says which node and why, and r resumes the rest', async () => {
    sandbox().faults.failRotation('edge-agent-12', '500');
    app = await markAgents('edge-agent-1');
    await app.waitFor('10 marked');
    await app.press('return');
    await app.waitFor('Rotate the mesh keys of 10 nodes?');
    await app.press('+', '+', '+', '+');
    fastClock();
    await app.press('1', '0', 'return');
    const done = await app.waitFor('Fleet rotation finished', 30_000);
    expect(done).toMatch(/stopped: edge-agent-12 failed: the trigger failed: 500/);
    expect(done).toContain('completed 4 · failed 1 · not started 5 · of 10');
    sandbox().faults.clear();
    await app.press('r');
    await app.waitFor('Rotate the mesh keys of 6 nodes?');
  }, 60_000);
});
