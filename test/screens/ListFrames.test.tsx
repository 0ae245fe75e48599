// A frame is a full render of the screen: on a 100k roster one costs 10-30 ms of the thread the
// keys need, and at start-up the first ones are the coldest. What arrives is drawn once; nothing
// renders the screen again just because something mounted or arrived (the test renderer records
// every render as a frame, so a render that changed nothing is two equal frames in a row).
import {afterEach, expect, it} from 'vitest';
import {clearOfMinuteBoundary, tick} from '../support/clock.js';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
const repeats = (frames: readonly string[]) => frames.filter((f, i) => i > 0 && f === frames[i - 1]);
let app: Rendered | undefined;
afterEach(() => app?.unmount());

it('a roster that arrives is drawn in one frame, with no second render from its own effects', async () => {
  await clearOfMinuteBoundary(2000); // the minute tick of the relative times is a real render
  const s = sandbox();
  app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'});
  await app.waitFor('120 tokens');
  await tick(300);
  expect(app.frames.filter((f) => f.includes('120 tokens'))).toHaveLength(1);
  expect(repeats(app.frames)).toEqual([]);
});

it('Projects and Nodes too: no render repeats the frame before it', async () => {
  await clearOfMinuteBoundary(2000);
  const s = sandbox();
  app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'projects'});
  await app.waitFor((f) => /\d+ projects/.test(f) && f.includes('operator@'));
  await tick(300);
  expect(repeats(app.frames)).toEqual([]);
  app.unmount();
  app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'nodes'});
  await app.waitFor((f) => /\d+ nodes/.test(f) && f.includes('operator@'));
  await tick(300);
  expect(repeats(app.frames)).toEqual([]);
});
