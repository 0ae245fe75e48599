import {describe, expect, it} from 'vitest';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
const operator = () => clientFor(sandbox().url, sandbox().operatorToken);
const lineWith = (frame: string, text: string) => frame.split('\n').find((l) => l.includes(text)) ?? '';
const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('> ')) ?? '';

async function nodes(): Promise<Rendered> {
  const app = await renderApp(operator(), {name: 'nodes'});
  await app.waitFor('edge-agent-01');
  return app;
}

describe('Nodes screen', () => {
  it('lists every node, with — for an omitted name and kind', async () => {
    const app = await nodes();
    const {demo} = sandbox();
    expect(app.lastFrame()).toContain('32 nodes · 1 without a name (—)');
    await app.press('G');
    const unnamed = lineWith(await app.waitFor(demo!.nodes.unnamed!), demo!.nodes.unnamed!);
    expect(unnamed).toMatch(/^> —\s+—\s+[0-9a-f-]{36} \d{4}-\d\d-\d\d\s*$/);
    app.unmount();
  });

  it('/ filters as you type, Enter applies, and Enter opens the preview with count, edges and estimate', async () => {
    const app = await nodes();
    await app.press('/');
    await app.waitFor('/ filter:');
    await app.press('vm-fra-w');
    await app.waitFor('1 of 32 match');
    await app.press('return');
    await app.waitFor('1 of 32 nodes match "vm-fra-w"');
    expect(app.lastFrame()).not.toContain('edge-agent-01');
    await app.press('return');
    const frame = await app.waitFor('Affected edges');
    expect(lineWith(frame, 'Node')).toContain('vm-fra-web-1');
    expect(frame).toContain('7 affected peers · estimated 5s');
    expect(frame).toContain('Affected edges 1–7 of 7');
    // Peers are named from the node list, sorted by name; the unnamed peer shows its id.
    expect(frame.indexOf('gw-ams-1')).toBeLessThan(frame.indexOf('worker-ams-1'));
    expect(frame).toContain(sandbox().demo!.nodes.unnamed!.slice(0, 18));
    app.unmount();
  });

  it('Esc clears an applied filter before it goes back', async () => {
    const app = await nodes();
    await app.press('/');
    await app.press('gw-', 'return');
    await app.waitFor('2 of 32 nodes match "gw-"');
    await app.press('escape');
    await app.waitFor('32 nodes · 1 without a name');
    app.unmount();
  });

  it('typing q into the filter is text, not quit', async () => {
    const app = await nodes();
    await app.press('/');
    await app.waitFor('/ filter:');
    await app.press('q', '?', ':');
    expect(await app.waitFor('/ filter: q?:')).toContain('0 of 32 match');
    app.unmount();
  });

  it('a batched /q1 types q1 into the filter instead of quitting or jumping', async () => {
    const app = await nodes();
    await app.write('/q1');
    expect(await app.waitFor('/ filter: q1')).toContain('0 of 32 match');
    app.unmount();
  });

  it('batched ↓↓⏎ opens the row two below, as if typed one by one', async () => {
    const app = await nodes();
    await app.write('\x1b[B\x1b[B\r');
    const frame = await app.waitFor('Affected edges');
    expect(lineWith(frame, 'Node')).toContain('edge-agent-03');
    expect(frame).toContain('1 affected peer · estimated 4s');
    app.unmount();
  });

  it('coming back from the preview keeps the filter, sort and selected node', async () => {
    const app = await nodes();
    await app.press('/');
    await app.waitFor('/ filter:');
    await app.press('vm-', 'return', 'S', 'down', 'return');
    await app.waitFor('Affected edges');
    expect(app.lastFrame()).toMatch(/Node\s+vm-fra-web-1/);
    await app.press('escape');
    const frame = await app.waitFor('nodes match "vm-"');
    expect(frame).toContain('NAME▼');
    expect(selectedLine(frame)).toContain('vm-fra-web-1');
    app.unmount();
  });

  it('s moves the sort to the next column and S reverses it', async () => {
    const app = await nodes();
    await app.press('s');
    await app.waitFor('KIND▲');
    expect(selectedLine(app.lastFrame())).toContain('bridge');
    await app.press('S');
    await app.waitFor('KIND▼');
    expect(selectedLine(app.lastFrame())).toMatch(/worker/);
    await app.press('s', 's');
    await app.waitFor('CREATED▲');
    expect(selectedLine(app.lastFrame())).toContain('gw-fra-1');
    app.unmount();
  });

  it('r refreshes and shows a node added meanwhile', async () => {
    const app = await nodes();
    await sandbox().addNode({name: 'late-joiner', kind: 'vm'});
    await app.press('r');
    await app.waitFor('33 nodes');
    await app.waitFor('refreshed · 33 nodes'); // r says it did something
    await app.press('/');
    await app.press('late', 'return');
    expect(await app.waitFor('late-joiner')).toContain('vm');
    app.unmount();
  });

  it('shows a failed load in place, with what to press next', async () => {
    const app = await renderApp(clientFor(sandbox().url, 'psat_not-a-valid-token'), {name: 'nodes'});
    const frame = await app.waitFor('401');
    expect(frame).toContain('r retry · esc back');
    app.unmount();
  });
});
