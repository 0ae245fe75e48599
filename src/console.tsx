import {render} from 'ink';
import type {Readable, Writable} from 'node:stream';
import type {ApiClient} from './api/client.js';
import {redactCredentials} from './api/credential.js';
import {App} from './app.js';
import {sanitize} from './domain/sanitize.js';
import {NO_JOURNAL, type Journal} from './journal/journal.js';
import {ApiProvider, type ConsoleInfo} from './hooks/ApiProvider.js';
import {JournalProvider} from './hooks/journal.js';
import {KeyRouter} from './hooks/keyRouter.js';
import {TerminalSessionProvider} from './hooks/terminalSession.js';
import type {Route} from './hooks/navigation.js';
import {enterAltScreen} from './terminal/altScreen.js';
import {TerminalSession} from './terminal/session.js';
import {installTerminalGuards, isTerminalGone, SIGNAL_EXIT_CODES} from './terminal/signals.js';

export type ConsoleOptions = {
  readonly client: ApiClient;
  readonly info: ConsoleInfo;
  readonly initialRoute: Route;
  readonly stdin: Readable & {isTTY?: boolean};
  readonly stdout: Writable & {isTTY?: boolean; rows?: number; columns?: number};
  readonly stderr: Writable;
  /** Defaults to one on /dev/tty with process.env. */
  readonly session?: TerminalSession;
  /** Where mutations are recorded (decisions.md "Local journal"); none when absent. */
  readonly journal?: Journal;
};

/**
 * Runs the interactive console on the alternate screen and resolves with the exit
 * code once the operator quits, a signal arrives, or the app crashes. The terminal
 * (main screen, cursor, raw mode) is restored on every one of those paths.
 */
export async function runConsole(opts: ConsoleOptions): Promise<number> {
  const {stdout, stderr} = opts;
  const session = opts.session ?? new TerminalSession();
  const leaveAltScreen = enterAltScreen(stdout);
  const instance = render(
    <ApiProvider client={opts.client} info={opts.info}>
      <TerminalSessionProvider value={session}>
        <JournalProvider journal={opts.journal ?? NO_JOURNAL}>
          <KeyRouter>
            <App initialRoute={opts.initialRoute} />
          </KeyRouter>
        </JournalProvider>
      </TerminalSessionProvider>
    </ApiProvider>,
    {
      stdin: opts.stdin as NodeJS.ReadStream,
      stdout: stdout as NodeJS.WriteStream,
      stderr: stderr as NodeJS.WriteStream,
      // The app routes ctrl+c itself: it quits from anywhere, except that the plaintext
      // modal asks first (src/hooks/interrupt.ts).
      exitOnCtrlC: false,
      // Only changed lines are rewritten: few bytes per keypress over slow SSH links.
      // PLEXCONSOLE_RENDER=full restores Ink's default full redraw, the bench's reference.
      incrementalRendering: process.env['PLEXCONSOLE_RENDER'] !== 'full',
      // A frame that follows another within 1000/maxFps ms waits for the throttle: a key
      // pressed just after a background update (a page of a loading roster) waited up to
      // 33 ms at 30 fps, the bulk of the worst key latencies while loading (BENCHMARKS.md).
      // Frames still come only from keys, the 750 ms load progress and 1 s ticks, so the
      // bytes on a slow link are the same; the throttle only bounds a burst, now at 60/s.
      maxFps: 60,
    },
  );

  let finish: (code: number) => void = () => {};
  const interrupted = new Promise<number>((resolve) => (finish = resolve));
  let restored = false;
  // Every exit path comes through here: unmount (Ink writes its last frame), then clear the
  // alternate screen and leave it, then say which issued tokens were left unclosed.
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      instance.unmount();
    } catch {
      // Already unmounted, or the terminal is gone (SIGHUP): nothing left to restore.
    }
    safely(() => leaveAltScreen({scrollback: session.anyPlaintextShown}));
    for (const notice of session.exitNotices(Date.now())) safely(() => stderr.write(notice));
  };
  let crashed = false;
  const onCrash = (error: unknown) => {
    // Report once: a report that fails (terminal gone) must not report itself again.
    if (crashed) return;
    crashed = true;
    restore();
    if (isTerminalGone(error)) return finish(SIGNAL_EXIT_CODES.SIGHUP);
    safely(() => stderr.write(crashMessage(error)));
    finish(70);
  };
  const removeGuards = installTerminalGuards((signal) => {
    restore();
    finish(SIGNAL_EXIT_CODES[signal]);
  }, onCrash);
  // A dead terminal surfaces as an 'error' event on the streams, not a signal.
  const onStreamError = (error: unknown) => onCrash(error);
  stdout.on('error', onStreamError);
  stderr.on('error', onStreamError);

  try {
    return await Promise.race([instance.waitUntilExit().then(() => 0), interrupted]);
  } catch (error) {
    restore();
    safely(() => stderr.write(crashMessage(error)));
    return 70;
  } finally {
    removeGuards();
    restore();
    // Keep swallowing: a late write to a vanished terminal must not crash the exit path.
    stdout.off('error', onStreamError).on('error', () => {});
    stderr.off('error', onStreamError).on('error', () => {});
  }
}

// A write to a terminal that went away (SSH dropped) throws EIO; restoring must not.
function safely(fn: () => unknown): void {
  try {
    fn();
  } catch {
    /* the terminal is gone */
  }
}

/** The crash report for stderr: sanitised, and never the credential the client holds. */
export function crashMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `plexconsole: internal error: ${redactCredentials(sanitize(message))}\nThe terminal has been restored. Please report this with the steps that led to it.\n`;
}
