import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createInterface} from 'node:readline';
import {BINARY} from './tmux.js';

const BRIDGE = new URL('./pty.py', import.meta.url).pathname;

/** One read from the terminal: when (ms since spawn) and what. */
export type Chunk = {readonly t: number; readonly data: Buffer};

// CSI, OSC/DCS/... strings, and two-byte escapes.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[?>=!]?[0-9;:]*[ -/]*[@-~]|\x1b[\]P^_X][\s\S]*?(?:\x07|\x1b\\)|\x1b[^[\]P^_X]/g;

/** The text of terminal output without escape sequences. */
export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

/** Ink's synchronized-output end: every frame is wrapped in ESC[?2026h … ESC[?2026l. */
export const FRAME_END = '\x1b[?2026l';

export const KEYS = {down: '\x1b[B', up: '\x1b[A', pageDown: '\x1b[6~', pageUp: '\x1b[5~', escape: '\x1b', enter: '\r'} as const;

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A program on a real pseudo-terminal (test/e2e/support/pty.py, Python's `pty`), for
 * tests that look at the exact bytes the console writes. For what the screen shows,
 * use tmux (./tmux.ts).
 */
export class PtyProcess {
  readonly chunks: Chunk[] = [];
  exitCode: number | undefined;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly exited: Promise<number>;

  constructor(args: string[], opts: {columns?: number; rows?: number; env?: Record<string, string>} = {}) {
    // PLEXCONSOLE_E2E_BINARY: run the same tests against another build (e.g. bench/.out/ variants).
    const binary = process.env['PLEXCONSOLE_E2E_BINARY'] ?? BINARY;
    if (!existsSync(binary)) throw new Error(`${binary} is missing: run npm run build (npm test does)`);
    const env: Record<string, string | undefined> = {...process.env, TERM: 'xterm-256color', ...opts.env};
    delete env['CI'];
    delete env['CONTINUOUS_INTEGRATION'];
    delete env['NO_COLOR'];
    this.child = spawn('python3', [BRIDGE, String(opts.columns ?? 120), String(opts.rows ?? 40), '--', process.execPath, binary, ...args], {env});
    const lines = createInterface({input: this.child.stdout});
    this.exited = new Promise((resolve) => {
      lines.on('line', (line) => {
        const m = JSON.parse(line) as {t?: number; d?: string; exit?: number};
        if (m.d !== undefined) this.chunks.push({t: m.t ?? 0, data: Buffer.from(m.d, 'base64')});
        if (m.exit !== undefined) {
          this.exitCode = m.exit;
          resolve(m.exit);
        }
      });
      this.child.once('exit', (code) => resolve(this.exitCode ?? code ?? -1));
    });
  }

  /** A position in the output, for `since`. */
  mark(): number {
    return this.chunks.length;
  }

  since(mark = 0): Buffer {
    return Buffer.concat(this.chunks.slice(mark).map((c) => c.data));
  }

  /** All output since `mark`, escape sequences removed. */
  text(mark = 0): string {
    return stripAnsi(this.since(mark).toString('utf8'));
  }

  write(data: string): void {
    this.child.stdin.write(JSON.stringify({w: Buffer.from(data, 'utf8').toString('base64')}) + '\n');
  }

  resize(columns: number, rows: number): void {
    this.child.stdin.write(JSON.stringify({resize: [columns, rows]}) + '\n');
  }

  /** Waits until the output since `mark` (escape sequences removed) satisfies `want`. */
  async waitFor(want: string | RegExp | ((text: string) => boolean), opts: {mark?: number; timeoutMs?: number} = {}): Promise<string> {
    const ok = typeof want === 'function' ? want : (s: string) => (typeof want === 'string' ? s.includes(want) : want.test(s));
    const end = Date.now() + (opts.timeoutMs ?? 15_000);
    for (;;) {
      const s = this.text(opts.mark);
      if (ok(s)) return s;
      if (this.exitCode !== undefined) throw new Error(`program exited (${this.exitCode}) before ${String(want)}; output:\n${s.slice(-2000)}`);
      if (Date.now() > end) throw new Error(`waitFor(${String(want)}) timed out; output:\n${s.slice(-2000)}`);
      await tick(25);
    }
  }

  /** Resolves once nothing has been written for `quietMs` (measured from now at the earliest). */
  async waitQuiet(quietMs: number, timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    let count = this.chunks.length;
    let since = Date.now();
    for (;;) {
      await tick(Math.min(25, quietMs));
      if (this.chunks.length !== count) {
        count = this.chunks.length;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) return;
      if (Date.now() > end) throw new Error(`output did not go quiet for ${quietMs} ms within ${timeoutMs} ms`);
    }
  }

  /** Sends `q` and waits for the exit; SIGKILL if it does not come. */
  async close(): Promise<number> {
    if (this.exitCode === undefined) {
      try {
        this.write('q');
      } catch {
        /* bridge gone */
      }
      const timer = setTimeout(() => {
        if (this.exitCode === undefined) this.child.stdin.write(JSON.stringify({kill: 9}) + '\n');
      }, 5000);
      const code = await Promise.race([this.exited, tick(8000).then(() => -1)]);
      clearTimeout(timer);
      if (code === -1) this.child.kill('SIGKILL');
      this.child.stdin.end();
      return code;
    }
    this.child.stdin.end();
    return this.exitCode;
  }
}

/** What one terminal update did, from its escape sequences (Ink's writers; see bench/ptyharness.py). */
export function analyseUpdate(bytes: Buffer | string) {
  const s = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  const count = (re: RegExp) => (s.match(re) ?? []).length;
  // Ink's incremental writer rewrites a changed line as ESC[1G (cursorTo 0) + text + ESC[K,
  // and skips an unchanged line with ESC[E (cursorNextLine).
  // eslint-disable-next-line no-control-regex
  const rewritten = [...s.matchAll(/\x1b\[1?G([\s\S]*?)\x1b\[K/g)].map((m) => stripAnsi(m[1] ?? ''));
  return {
    bytes: Buffer.byteLength(s),
    // eslint-disable-next-line no-control-regex
    clearScreen: count(/\x1b\[2J/g),
    // eslint-disable-next-line no-control-regex
    eraseLine: count(/\x1b\[2K/g),
    // eslint-disable-next-line no-control-regex
    skipped: count(/\x1b\[\d*E/g),
    rewritten,
    frames: s.split(FRAME_END).length - 1,
  };
}
