import {render} from 'ink-testing-library';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {useEffect, type ReactElement} from 'react';
import {createClient, type ApiClient} from '../../src/api/client.js';
import {App} from '../../src/app.js';
import {ApiProvider, type ConsoleInfo} from '../../src/hooks/ApiProvider.js';
import {KeyRouter} from '../../src/hooks/keyRouter.js';
import type {Route} from '../../src/hooks/navigation.js';
import {TerminalSessionProvider} from '../../src/hooks/terminalSession.js';
import {TerminalSession} from '../../src/terminal/session.js';

/** Escape sequences for named keys, as a terminal sends them. */
export const KEYS = {
  up: '\x1b[A', down: '\x1b[B', left: '\x1b[D', right: '\x1b[C', return: '\r', escape: '\x1b',
  tab: '\t', 'shift+tab': '\x1b[Z', backspace: '\x7f', pageup: '\x1b[5~', pagedown: '\x1b[6~',
  home: '\x1b[H', end: '\x1b[F', 'ctrl+c': '\x03', 'ctrl+d': '\x04', 'ctrl+u': '\x15',
} as const;

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Rendered = {
  lastFrame(): string;
  /** Every frame written so far (to check a secret never appears after a point). */
  frames: string[];
  /** Sends keys one write each: names from KEYS, or literal text (written as one chunk). */
  press(...keys: string[]): Promise<void>;
  /** Writes raw bytes in one chunk (batched input, as over a slow SSH link). */
  write(raw: string): Promise<void>;
  /**
   * Sends `keys`, then waits for `marker` (text a later key brings up). Keys act in order, so by
   * then every earlier key has been handled: a deterministic point to check something did NOT
   * happen. Returns every frame rendered meanwhile.
   */
  pressUntil(keys: string[], marker: string): Promise<string[]>;
  /** Polls the last frame until it contains `text` (or the predicate holds); fails after `ms`. */
  waitFor(text: string | ((frame: string) => boolean), ms?: number): Promise<string>;
  unmount(): void;
  /** True once the app quit (Ink's exit unmounted the tree). */
  exited(): boolean;
  /** The run's terminal session: its clipboard writes go to a file, read by `ttyBytes`. */
  session: TerminalSession;
  /** Everything sent to the "controlling terminal" (OSC 52 sequences) so far. */
  ttyBytes(): string;
};

/** Client pointed at a (sandbox) URL with a token, as the console builds it. */
export function clientFor(url: string, token: string): ApiClient {
  return createClient({server: url, token, timeoutMs: 5000});
}

/** Renders any element inside the providers, with Ink's timing handled. */
export async function renderWith(element: ReactElement, client: ApiClient, info?: Partial<ConsoleInfo>): Promise<Rendered> {
  const full: ConsoleInfo = {serverHost: '127.0.0.1', profileLabel: 'test', readOnly: false, ...info};
  const tty = join(mkdtempSync(join(tmpdir(), 'plexconsole-tty-')), 'tty');
  writeFileSync(tty, '');
  // Never the real /dev/tty: a test run must not write the developer's clipboard.
  const session = new TerminalSession({TERM: 'xterm-256color'}, tty);
  let exited = false;
  const r = render(
    <ApiProvider client={client} info={full}>
      <TerminalSessionProvider value={session}>
        <KeyRouter>{element}</KeyRouter>
        <OnUnmount run={() => (exited = true)} />
      </TerminalSessionProvider>
    </ApiProvider>,
  );
  // Ink subscribes to stdin in an effect: keys written before it would be lost.
  await tick(30);
  const self: Rendered = {
    lastFrame: () => r.lastFrame() ?? '',
    frames: r.frames,
    async press(...keys) {
      for (const k of keys) {
        r.stdin.write(k in KEYS ? KEYS[k as keyof typeof KEYS] : k);
        // Ink waits briefly after a lone ESC to tell it from an escape sequence.
        await tick(k === 'escape' ? 40 : 15);
      }
    },
    async pressUntil(keys, marker) {
      const from = r.frames.length;
      await self.press(...keys);
      await self.waitFor(marker);
      return r.frames.slice(from);
    },
    async write(raw) {
      r.stdin.write(raw);
      await tick(30);
    },
    async waitFor(want, ms = 5000) {
      const ok = typeof want === 'string' ? (f: string) => f.includes(want) : want;
      const end = Date.now() + ms;
      for (;;) {
        const frame = r.lastFrame() ?? '';
        if (ok(frame)) return frame;
        if (Date.now() > end) throw new Error(`waitFor(${typeof want === 'string' ? JSON.stringify(want) : 'predicate'}) timed out; last frame:\n${frame}`);
        await tick(10);
      }
    },
    unmount: () => r.unmount(),
    exited: () => exited,
    session,
    ttyBytes: () => readFileSync(tty, 'utf8'),
  };
  return self;
}

/** Calls `run` when Ink tears the tree down, which `useApp().exit()` does. */
function OnUnmount({run}: {readonly run: () => void}) {
  useEffect(() => run, [run]);
  return null;
}

/** Renders the whole console app at `initialRoute` against `client`. */
export function renderApp(client: ApiClient, initialRoute: Route, info?: Partial<ConsoleInfo>): Promise<Rendered> {
  return renderWith(<App initialRoute={initialRoute} />, client, info);
}
