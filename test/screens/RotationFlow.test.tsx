import {describe, expect, it} from 'vitest';
import {previewRotation} from '../../src/api/rotation.js';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
const operator = () => clientFor(sandbox().url, sandbox().operatorToken);
const isPending = async (nodeId: string) => (await previewRotation(operator(), nodeId)).data.already_pending;

async function preview(node: string, info?: {readOnly: boolean}): Promise<Rendered> {
  const app = await renderApp(operator(), {name: 'rotationPreview', node}, info);
  await app.waitFor('Affected edges');
  return app;
}

async function openConfirm(app: Rendered): Promise<void> {
  await app.press('return');
  await app.waitFor('and press Enter');
}

describe('Rotation preview', () => {
  it('resolves a node by name and shows node, peer, impact and the edges sorted by peer', async () => {
    const {id} = await sandbox().addNode({name: 'preview-a', edges: 3});
    const app = await preview('preview-a');
    const frame = app.lastFrame();
    expect(frame).toMatch(new RegExp(`Node\\s+preview-a\\s+${id}`));
    expect(frame).toMatch(/Peer\s+[0-9a-f-]{36}/);
    expect(frame).toContain('3 affected peers · estimated 4s');
    expect(frame).toContain('Affected edges 1–3 of 3');
    expect(frame).toMatch(/gw-ams-1[\s\S]*gw-fra-1[\s\S]*vm-fra-web-1/);
    expect(frame).toContain('⏎ rotate…');
    app.unmount();
  });

  it('shows ALREADY PENDING for a node with a rotation in flight', async () => {
    const app = await preview(sandbox().demo!.pendingRotationNodeId);
    expect(app.lastFrame()).toContain('ALREADY PENDING');
    app.unmount();
  });

  it('scrolls a long edge table with ↓ and PgDn', async () => {
    const app = await preview('relay-hub-1');
    const count = sandbox().demo!.manyEdgesCount;
    expect(app.lastFrame()).toContain(`of ${count}`);
    expect(app.lastFrame()).toContain('edge-agent-01');
    await app.press('pagedown', 'pagedown', 'G');
    const frame = await app.waitFor(`–${count} of ${count}`);
    expect(frame).not.toContain('edge-agent-01 ');
    app.unmount();
  });

  it('says clearly when no node has the given name', async () => {
    const app = await renderApp(operator(), {name: 'rotationPreview', node: 'no-such-node'});
    const frame = await app.waitFor('Node not found');
    expect(frame).toContain('no node is named "no-such-node"');
    app.unmount();
  });

  it('explains a 404 node_not_found for an unknown id', async () => {
    const app = await renderApp(operator(), {name: 'rotationPreview', node: '01900000-0000-7000-8000-000000000000'});
    const frame = await app.waitFor('404');
    expect(frame).toContain('no node with this id');
    expect(frame).toContain('code: node_not_found');
    app.unmount();
  });

  it('a viewer sees the 403 in place with reason and correlation id', async () => {
    const app = await renderApp(clientFor(sandbox().url, sandbox().viewerToken), {name: 'rotationPreview', node: sandbox().demo!.nodes['gw-fra-1']!});
    const frame = await app.waitFor('403');
    expect(frame).toContain('reason: insufficient_relation');
    expect(frame).toMatch(/correlation id: [0-9a-f-]{36}/);
    expect(frame).toContain('r retry · esc back');
    expect(frame).not.toContain('⏎ rotate…');
    app.unmount();
  });

  it('read-only: Enter does not open the confirmation and the hint is hidden', async () => {
    const app = await preview('gw-ams-1', {readOnly: true});
    expect(app.lastFrame()).not.toContain('rotate…');
    expect(app.lastFrame()).toContain('READ-ONLY');
    // Once ? has opened the help, the Enter before it has been handled.
    for (const f of await app.pressUntil(['return', '?'], 'Keys on this screen')) expect(f).not.toContain('and press Enter');
    await app.press('escape');
    await app.waitFor('Affected edges');
    app.unmount();
  });
});

describe('Rotation confirm and result', () => {
  it('Enter alone does nothing, a wrong name keeps the text with an error, Esc cancels', async () => {
    const {id} = await sandbox().addNode({name: 'confirm-a', edges: 1});
    const app = await preview('confirm-a');
    await openConfirm(app);
    expect(app.lastFrame()).toContain('Type confirm-a (the node name)');
    // Once the typed x shows, both Enters before it have been handled.
    for (const f of await app.pressUntil(['return', 'return', 'x'], 'name: x')) {
      expect(f).not.toContain('Rotating');
      expect(f).not.toContain('does not match');
    }
    await app.press('backspace', 'confirm-b', 'return');
    const frame = await app.waitFor('does not match');
    expect(frame).toContain('name: confirm-b');
    await app.press('escape');
    await app.waitFor('Affected edges');
    expect(await isPending(id)).toBe(false);
    app.unmount();
  });

  it('a prefix of the name, or the name in another case, does not confirm', async () => {
    const {id} = await sandbox().addNode({name: 'exact-Name', edges: 1});
    const app = await preview('exact-Name');
    await openConfirm(app);
    for (const attempt of ['exact-Nam', 'exact', 'EXACT-NAME', 'exact-name']) {
      await app.press(attempt, 'return');
      expect(await app.waitFor('does not match')).toContain(`name: ${attempt}`);
      await app.press('ctrl+u');
      await app.waitFor((f) => !f.includes('does not match'));
    }
    // The exact name still works: the refusals above were the comparison, not a broken form.
    await app.press('exact-Name', 'return');
    await app.waitFor('rotation id');
    expect(await isPending(id)).toBe(true);
    app.unmount();
  });

  it('an unnamed node: a shorter id prefix, or the id in upper case, does not confirm', async () => {
    const {id} = await sandbox().addNode({edges: 1});
    const app = await preview(id);
    await openConfirm(app);
    const short = id.slice(0, 7);
    const upper = id.slice(0, 8).toUpperCase();
    expect(upper).not.toBe(id.slice(0, 8)); // a UUIDv7 starts with hex letters within its first 8
    for (const attempt of [short, upper]) {
      await app.press(attempt, 'return');
      expect(await app.waitFor('does not match')).toContain(`id: ${attempt}`);
      await app.press('ctrl+u');
      await app.waitFor((f) => !f.includes('does not match'));
    }
    expect(await isPending(id)).toBe(false);
    app.unmount();
  });

  it('q, ? and : typed into the confirmation are text', async () => {
    await sandbox().addNode({name: 'confirm-q', edges: 1});
    const app = await preview('confirm-q');
    await openConfirm(app);
    await app.press('q', '?', ':');
    expect(await app.waitFor('name: q?:')).toContain('Rotate the mesh key of confirm-q?');
    app.unmount();
  });

  it('the right name rotates once, and the result reports completion', async () => {
    const {id} = await sandbox().addNode({name: 'confirm-ok', edges: 2});
    const app = await preview('confirm-ok');
    await openConfirm(app);
    await app.press('confirm-ok', 'return');
    let frame = await app.waitFor('rotation id');
    expect(frame).toContain('a new rotation was started');
    expect(frame).toMatch(/rotation id\s+[0-9a-f-]{36}/);
    expect(frame).toMatch(/\[[█░]+\]\s+\d+ % · \d+s of ~4s/);
    expect(await isPending(id)).toBe(true);
    // The node "reports" its new key once the estimate has passed on the sandbox clock.
    sandbox().advance(5_000);
    frame = await app.waitFor('rotation complete', 8_000);
    expect(frame).toContain('rotation complete · 2 edges re-keyed');
    expect(frame).toContain('100 %');
    await app.press('return');
    await app.waitFor('NAME');
    app.unmount();
  });

  it('Enter, the name and Enter batched in one read rotate, with no global key firing', async () => {
    await sandbox().addNode({name: 'batch-1q', edges: 1});
    const app = await preview('batch-1q');
    await app.write('\rbatch-1q\r');
    expect(await app.waitFor('rotation id')).toContain('a new rotation was started');
    app.unmount();
  });

  it('accepts a pasted name⏎ in one chunk', async () => {
    await sandbox().addNode({name: 'paste-me', edges: 1});
    const app = await preview('paste-me');
    await openConfirm(app);
    await app.write('paste-me\r');
    expect(await app.waitFor('rotation id')).toContain('a new rotation was started');
    app.unmount();
  });

  it('an unnamed node is confirmed with the first 8 characters of its id', async () => {
    const {id} = await sandbox().addNode({edges: 1});
    const app = await preview(id);
    await openConfirm(app);
    expect(app.lastFrame()).toContain(`Type ${id.slice(0, 8)} (the first 8 characters of the node id)`);
    await app.press(id.slice(0, 8), 'return');
    await app.waitFor('rotation id');
    app.unmount();
  });

  it('an unnamed node is confirmed by its full id too (what an operator pastes)', async () => {
    const {id} = await sandbox().addNode({edges: 1});
    const app = await preview(id);
    await openConfirm(app);
    await app.press(id, 'return');
    await app.waitFor('rotation id');
    app.unmount();
  });

  it('confirming a node whose rotation is pending says already pending', async () => {
    const app = await preview('vm-fra-db-1');
    await openConfirm(app);
    expect(app.lastFrame()).toContain('ALREADY PENDING: confirming returns the rotation in flight, not a new one.');
    await app.press('vm-fra-db-1', 'return');
    const frame = await app.waitFor('rotation id');
    expect(frame).toContain('ALREADY PENDING · a rotation was already in flight; no new one was started');
    app.unmount();
  });
});
