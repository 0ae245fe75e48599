/** Exit codes a shell reports for a process ended by these signals (128 + n). */
export const SIGNAL_EXIT_CODES = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;
export type HandledSignal = keyof typeof SIGNAL_EXIT_CODES;

type Target = Pick<NodeJS.Process, 'on' | 'off'>;

/**
 * Calls `onSignal` once for SIGINT/SIGTERM/SIGHUP and `onCrash` for uncaught
 * errors. Node's `exit` hook does not run on an external signal, so without these
 * a dropped SSH link (SIGHUP) would leave the terminal in the alt screen and raw mode.
 */
export function installTerminalGuards(
  onSignal: (signal: HandledSignal) => void,
  onCrash: (error: unknown) => void,
  target: Target = process,
): () => void {
  const signalHandlers = (Object.keys(SIGNAL_EXIT_CODES) as HandledSignal[]).map((signal) => {
    const handler = () => onSignal(signal);
    target.on(signal, handler);
    return [signal, handler] as const;
  });
  const crash = (error: unknown) => onCrash(error);
  target.on('uncaughtException', crash);
  target.on('unhandledRejection', crash);
  return () => {
    for (const [signal, handler] of signalHandlers) target.off(signal, handler);
    target.off('uncaughtException', crash);
    target.off('unhandledRejection', crash);
  };
}

const GONE_CODES = new Set(['EIO', 'EPIPE', 'ENXIO', 'EBADF', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/**
 * True for the errors a write raises once the terminal has gone away (the SSH link
 * dropped, tmux killed). Nothing can be shown any more, so the only right move is
 * to exit quietly; reporting it would fail the same way, forever.
 */
export function isTerminalGone(error: unknown): boolean {
  const code = (error as {code?: unknown} | null)?.code;
  return typeof code === 'string' && GONE_CODES.has(code);
}
