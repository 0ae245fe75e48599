// The console at 80×24, the smallest terminal it supports (ink-testing-library is 100 wide).
import {EventEmitter} from 'node:events';
import {render} from 'ink';
import stringWidth from 'string-width';
import {expect, it} from 'vitest';
import {App} from '../../src/app.js';
import {ApiProvider} from '../../src/hooks/ApiProvider.js';
import {KeyRouter} from '../../src/hooks/keyRouter.js';
import type {Route} from '../../src/hooks/navigation.js';
import {clientFor} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Screen extends EventEmitter {
  readonly columns = 80;
  readonly rows = 24;
  last = '';
  write = (frame: string) => {
    this.last = frame;
    return true;
  };
}
class Keys extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (d: string) => {
    this.data = d;
    this.emit('readable');
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

async function at80(route: Route, token?: string) {
  const stdout = new Screen();
  const stdin = new Keys();
  const s = sandbox();
  const info = {serverHost: '127.0.0.1', profileLabel: 'test', readOnly: false};
  const ink = render(<ApiProvider client={clientFor(s.url, token ?? s.operatorToken)} info={info}><KeyRouter><App initialRoute={route} /></KeyRouter></ApiProvider>, {
    stdout: stdout as never, stdin: stdin as never, stderr: new Screen() as never, debug: true, exitOnCtrlC: false, patchConsole: false,
  });
  await tick(30);
  const waitFor = async (text: string) => {
    const end = Date.now() + 8000;
    while (!stdout.last.includes(text)) {
      if (Date.now() > end) throw new Error(`waitFor(${text}) timed out:\n${stdout.last}`);
      await tick(10);
    }
    return stdout.last;
  };
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      stdin.write(k);
      await tick(20);
    }
  };
  return {waitFor, press, frame: () => stdout.last, unmount: () => ink.unmount()};
}

// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
function fits(frame: string): void {
  const lines = plain(frame).split('\n');
  expect(lines.length).toBeLessThan(24);
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
}

it('Nodes, the preview, the confirmation and the result fit 80×24', async () => {
  const {id} = await sandbox().addNode({name: 'narrow-1', edges: 2});
  const ui = await at80({name: 'nodes'});
  fits(await ui.waitFor('edge-agent-01'));
  expect(ui.frame()).toMatch(/ID\s+CREATED/);
  await ui.press('/');
  await ui.waitFor('/ filter');
  await ui.press('narrow', '\r', '\r');
  let frame = await ui.waitFor('Affected edges');
  fits(frame);
  expect(frame).toContain(id);
  await ui.press('\r');
  fits(await ui.waitFor('and press Enter'));
  await ui.press('narrow-2', '\r');
  fits(await ui.waitFor('does not match'));
  await ui.press('\x7f', '1', '\r');
  fits(await ui.waitFor('rotation id'));
  sandbox().advance(6_000);
  frame = await ui.waitFor('rotation complete');
  fits(frame);
  ui.unmount();
});

it('the many-edges preview and a 403 fit 80×24', async () => {
  const ui = await at80({name: 'rotationPreview', node: 'relay-hub-1'});
  fits(await ui.waitFor('Affected edges'));
  ui.unmount();
  const viewer = await at80({name: 'rotationPreview', node: 'relay-hub-1'}, sandbox().viewerToken);
  const frame = await viewer.waitFor('correlation id');
  fits(frame);
  expect(plain(frame)).toContain('reason: insufficient_relation');
  viewer.unmount();
});
