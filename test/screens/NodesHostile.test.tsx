import {expect, it} from 'vitest';
import {clientFor, renderApp} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
const operator = () => clientFor(sandbox().url, sandbox().operatorToken);
const CLIPBOARD_WRITE = 'evil\x1b]52;c;SGVsbG8=\x07';
const CLEAR_SCREEN = 'wipe\x1b[2Jme';
const hostile = (frames: string[]) => frames.some((f) => f.includes('\x1b]52') || f.includes('\x1b[2J') || f.includes('\x07'));

it('hostile node names reach the list, the preview, the edges and the confirmation without their escape sequences', async () => {
  await sandbox().addNode({name: CLIPBOARD_WRITE, edges: 1});
  await sandbox().addNode({name: CLEAR_SCREEN, edges: 1});
  const app = await renderApp(operator(), {name: 'nodes'});
  await app.waitFor('34 nodes');
  await app.press('/');
  await app.waitFor('/ filter:');
  await app.press('wipe', 'return');
  await app.waitFor('1 of 34 nodes match');
  expect(app.lastFrame()).toMatch(/^> wipeme\s/m);
  await app.press('return');
  await app.waitFor('Affected edges');
  expect(app.lastFrame()).toMatch(/Node\s+wipeme\s/);
  await app.press('return');
  expect(await app.waitFor('and press Enter')).toContain('Type wipeme (the node name)');
  await app.press('escape', 'escape');
  await app.waitFor('NAME');

  // gw-fra-1 is the oldest node, so both hostile nodes were meshed with it: they are its peers.
  const preview = await renderApp(operator(), {name: 'rotationPreview', node: 'gw-fra-1'});
  const frame = await preview.waitFor('Affected edges');
  expect(frame).toMatch(/^. evil\s/m);
  expect(frame).toMatch(/^. wipeme\s/m);
  expect(hostile(app.frames)).toBe(false);
  expect(hostile(preview.frames)).toBe(false);
  app.unmount();
  preview.unmount();
});

it(':rotate evil finds the node by the name the operator sees (the sanitised one)', async () => {
  const app = await renderApp(operator(), {name: 'rotationPreview', node: 'evil'});
  const frame = await app.waitFor('Affected edges');
  expect(frame).toMatch(/Node\s+evil\s/);
  expect(hostile(app.frames)).toBe(false);
  app.unmount();
});
