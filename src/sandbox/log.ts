/** Writes one line to the operator's terminal (stderr by default). */
export type LogLine = (line: string) => void;

/** Logs one event of `kind` as one line. */
export type EventLog = (kind: string, line: string) => void;

/**
 * One line per event, at most one line per kind every `everyMs`: the events an unauthenticated
 * caller can cause (aborted uploads, say) must not let it fill the operator's terminal. The
 * events dropped in between are counted on the next line of that kind.
 */
export function rateLimitedLog(write: LogLine, everyMs = 10_000, now: () => number = () => performance.now()): EventLog {
  const last = new Map<string, {at: number; dropped: number}>();
  return (kind, line) => {
    const t = now();
    const seen = last.get(kind);
    if (seen && t - seen.at < everyMs) {
      seen.dropped++;
      return;
    }
    const dropped = seen?.dropped ? ` (${seen.dropped} more since the last such line)` : '';
    last.set(kind, {at: t, dropped: 0});
    write(`plexconsole sandbox: ${line.replace(/[\r\n]+/g, ' ')}${dropped}\n`);
  };
}
