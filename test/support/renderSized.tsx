import {render} from 'ink-testing-library';
import {App} from '../../src/app.js';
import {ApiProvider} from '../../src/hooks/ApiProvider.js';
import {KeyRouter} from '../../src/hooks/keyRouter.js';
import {CLEAR} from '../../src/hooks/useRedraw.js';
import type {Route} from '../../src/hooks/navigation.js';
import {clientFor} from './renderApp.js';
import {tick} from './clock.js';
import type {Sandbox} from './sandbox.js';


/** Renders the app into a terminal of `columns`×`rows` (the shared helper is fixed at 100 wide). */
export async function renderSizedApp(s: Sandbox, route: Route, columns: number, rows: number) {
  const r = render(
    <ApiProvider client={clientFor(s.url, s.operatorToken)} info={{serverHost: '127.0.0.1', profileLabel: 'test', readOnly: false}}>
      <KeyRouter>
        <App initialRoute={route} />
      </KeyRouter>
    </ApiProvider>,
  );
  Object.defineProperty(r.stdout, 'columns', {value: columns});
  Object.defineProperty(r.stdout, 'rows', {value: rows});
  r.stdout.emit('resize');
  await tick(30);
  // The resize makes the app clear and repaint the screen (useRedrawOnResize) a moment later.
  // In a terminal that repaint shows the last frame again; Ink's debug mode (this test
  // renderer) writes only the clear, so the screen is the last frame that had content.
  const screen = (): string => (r.frames.findLast((f) => f.replace(CLEAR, '') !== '') ?? '').replace(CLEAR, '');
  const waitFor = async (ok: (f: string) => boolean) => {
    for (let i = 0; i < 500; i++) {
      const f = screen();
      if (ok(f)) return f;
      await tick(10);
    }
    throw new Error(`timed out; screen:\n${screen()}`);
  };
  return {r, waitFor};
}

