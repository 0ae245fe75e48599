import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {randomBytes} from 'node:crypto';

/** Path of the built single-file binary the e2e tests drive (npm test builds it first). */
export const BINARY = new URL('../../../dist/plexconsole.cjs', import.meta.url).pathname;

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Pane = {
  /** The tmux socket name (`tmux -L <socket> …`), e.g. to read the paste buffer. */
  readonly socket: string;
  /** Sends tmux key names (`Down`, `Enter`, `Escape`, `C-c`) or literal text (`-l`). */
  keys(...keys: string[]): Promise<void>;
  text(s: string): Promise<void>;
  /** The visible screen. */
  screen(): string;
  /** Everything in the pane's history plus the screen (`capture-pane -S -`). */
  history(): string;
  /** 1 while the program has the alternate screen. */
  alternateOn(): boolean;
  waitFor(want: string | RegExp | ((screen: string) => boolean), ms?: number): Promise<string>;
  /** The pid of the program running in the pane. */
  pid(): number;
  kill(): void;
};

/**
 * Runs `command` in a shell inside a fresh tmux server (its own socket, so it never
 * touches the user's tmux) in a pane of the given size. The shell stays after the
 * program exits, so tests can check what the terminal looks like afterwards.
 */
export async function openPane(command: string, opts: {columns?: number; rows?: number; env?: Record<string, string>} = {}): Promise<Pane> {
  if (!existsSync(BINARY)) throw new Error(`${BINARY} is missing: run npm run build (npm test does)`);
  const socket = `plexconsole-e2e-${randomBytes(4).toString('hex')}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
  // CI=0: the tmux server inherits the runner's environment, and CI=true on a CI box.
  const envs = Object.entries({TERM: 'xterm-256color', CI: '0', ...opts.env}).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  tmux('new-session', '-d', '-s', 'e2e', '-x', String(opts.columns ?? 80), '-y', String(opts.rows ?? 24), ...envs, 'bash --norc --noprofile');
  tmux('set-option', '-g', 'history-limit', '5000');
  tmux('set-option', '-g', 'set-clipboard', 'on');
  tmux('send-keys', '-t', 'e2e', '-l', `PS1='$ '; ${command}`);
  tmux('send-keys', '-t', 'e2e', 'Enter');
  const pane: Pane = {
    socket,
    async keys(...keys) {
      for (const k of keys) {
        tmux('send-keys', '-t', 'e2e', k);
        await tick(k === 'Escape' ? 80 : 40);
      }
    },
    async text(s) {
      tmux('send-keys', '-t', 'e2e', '-l', s);
      await tick(40);
    },
    screen: () => tmux('capture-pane', '-p', '-t', 'e2e'),
    history: () => tmux('capture-pane', '-p', '-S', '-', '-t', 'e2e'),
    alternateOn: () => tmux('display-message', '-p', '-t', 'e2e', '#{alternate_on}').trim() === '1',
    async waitFor(want, ms = 15_000) {
      const ok = typeof want === 'function' ? want : (s: string) => (typeof want === 'string' ? s.includes(want) : want.test(s));
      const end = Date.now() + ms;
      for (;;) {
        const s = pane.screen();
        if (ok(s)) return s;
        if (Date.now() > end) throw new Error(`waitFor(${String(want)}) timed out; screen:\n${s}`);
        await tick(50);
      }
    },
    pid() {
      const shell = Number(tmux('display-message', '-p', '-t', 'e2e', '#{pane_pid}').trim());
      const child = execFileSync('pgrep', ['-P', String(shell)], {encoding: 'utf8'}).trim().split('\n')[0];
      return Number(child);
    },
    kill() {
      try {
        tmux('kill-server');
      } catch {
        /* already gone */
      }
    },
  };
  return pane;
}

/** Shell-quotes one argument. */
export function sh(arg: string): string {
  return `'${arg.replaceAll("'", "'\\''")}'`;
}
