// :rotations lists the session's rotations with live progress; completion is announced wherever the operator is.
import {describe, expect, it} from 'vitest';
import {clientFor, renderApp} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';
import {recording} from './tokenTestKit.js';

const sandbox = useSandbox();
const operator = () => clientFor(sandbox().url, sandbox().operatorToken);

describe(':rotations', () => {
  it('is empty before any rotation, and Tab completes the verb', async () => {
    const app = await renderApp(operator(), {name: 'nodes'});
    await app.waitFor('NAME');
    await app.press(':', 'rotati', 'tab');
    await app.waitFor(':rotations ');
    await app.press('return');
    await app.waitFor('No rotation confirmed in this session yet.');
    await app.press('escape');
    await app.waitFor('NAME');
    app.unmount();
  });

  it('4 opens it from any list, and Esc comes back', async () => {
    const app = await renderApp(operator(), {name: 'projects'});
    await app.waitFor('edge-prod');
    await app.press('4');
    await app.waitFor('No rotation confirmed in this session yet.');
    await app.press('escape');
    await app.waitFor('edge-prod');
    app.unmount();
  });

  it('lists a confirmed rotation as pending, then announces its completion on another screen', async () => {
    await sandbox().addNode({name: 'rot-list-a', edges: 2});
    const app = await renderApp(operator(), {name: 'rotationPreview', node: 'rot-list-a'});
    await app.waitFor('Affected edges');
    await app.press('return');
    await app.waitFor('and press Enter');
    await app.press('rot-list-a', 'return');
    await app.waitFor('rotation id');
    await app.press(':', 'rotations', 'return');
    const listed = await app.waitFor('1 this session · 1 pending');
    expect(listed).toMatch(/pending\s+\d+s of ~4s\s+single\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+rot-list-a/);
    await app.press('1');
    await app.waitFor('edge-prod');
    sandbox().advance(5_000);
    const announced = await app.waitFor('rotation of rot-list-a completed', 8_000);
    expect(announced).toContain('edge-prod');
    await app.press(':', 'rotations', 'return');
    expect(await app.waitFor('0 pending · 1 ended')).toMatch(/completed\s+\d+s of ~4s\s+single/);
    app.unmount();
  });

  it('polls a pending rotation once per slot: the open result screen polls, the session list does not as well', async () => {
    const {id} = await sandbox().addNode({name: 'rot-once', edges: 1});
    const {client, sent} = recording(operator());
    const app = await renderApp(client, {name: 'rotationPreview', node: 'rot-once'});
    await app.waitFor('Affected edges');
    await app.press('return');
    await app.waitFor('and press Enter');
    await app.press('rot-once', 'return');
    await app.waitFor('rotation id');
    const from = sent.findIndex((r) => r.startsWith('POST'));
    // Completed before the first poll: one poll sees it.
    sandbox().advance(5_000);
    await app.waitFor('rotation complete', 8_000);
    await app.press(':', 'rotations', 'return');
    await app.waitFor('0 pending · 1 ended');
    const polls = sent.slice(from).filter((r) => r.startsWith('GET') && r.includes(id) && r.endsWith('/preview'));
    expect(polls).toHaveLength(1);
    app.unmount();
  });

  it('lists the nodes of a fleet run, each ended, and announces the completions', async () => {
    const app = await renderApp(operator(), {name: 'nodes'});
    await app.waitFor('edge-agent-01');
    await app.press('/');
    await app.write('edge-agent-0');
    await app.press('return', '*');
    await app.waitFor('9 marked');
    await app.press('return');
    await app.waitFor('Rotate the mesh keys of 9 nodes?');
    await app.press('+', '+', '+', '+', '+', '+', '+', '+');
    const timer = setInterval(() => sandbox().advance(5_000), 100);
    try {
      await app.press('9', 'return');
      await app.waitFor('Fleet rotation finished', 30_000);
      expect(app.frames.some((f) => /rotation of edge-agent-0\d completed/.test(f))).toBe(true);
    } finally {
      clearInterval(timer);
    }
    await app.press(':', 'rotations', 'return');
    const listed = await app.waitFor('9 this session · 0 pending · 9 ended');
    expect(listed.match(/completed\s+\d+s of ~\d+s\s+fleet/g)?.length).toBeGreaterThanOrEqual(5);
    app.unmount();
  }, 60_000);
});
