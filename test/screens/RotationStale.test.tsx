import {afterEach, expect, it, vi} from 'vitest';
import {previewRotation} from '../../src/api/rotation.js';
import {clientFor, renderApp} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
const operator = () => clientFor(sandbox().url, sandbox().operatorToken);
afterEach(() => vi.restoreAllMocks());

it('a preview older than 30 s is fetched again on confirm; a changed impact is shown and not rotated', async () => {
  const nodeId = sandbox().demo!.nodes['gw-fra-1']!;
  const app = await renderApp(operator(), {name: 'rotationPreview', node: nodeId});
  await app.waitFor('7 affected peers');
  await app.press('return');
  await app.waitFor('and press Enter');
  await app.press('gw-fra-1');
  await app.waitFor('name: gw-fra-1');

  // The operator looked away for 31 s, and meanwhile a node meshed with gw-fra-1.
  const realNow = Date.now.bind(Date);
  vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 31_000);
  await sandbox().addNode({name: 'newcomer', edges: 1});
  await app.press('return');

  const frame = await app.waitFor('The impact changed since you looked');
  expect(frame).toContain('7 → 8 affected peers');
  expect(frame).toContain('8 affected peers · estimated');
  expect(frame).toContain('name: gw-fra-1');
  expect((await previewRotation(operator(), nodeId)).data.already_pending).toBe(false);

  // The fresh preview is now under 30 s old: Enter confirms the impact shown.
  await app.press('return');
  expect(await app.waitFor('rotation id')).toContain('a new rotation was started');
  app.unmount();
});
