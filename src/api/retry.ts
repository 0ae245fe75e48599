/** Statuses worth another try for a safe request. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
/** At most this many tries per request, the first included. */
export const MAX_TRIES = 3;
// A server asking for a longer pause than this is effectively down for an interactive tool.
const RETRY_AFTER_CAP_MS = 30_000;
const BASE_BACKOFF_MS = 200;

/** Parses `Retry-After` (delta seconds or an HTTP date) into ms, capped; undefined when absent or invalid. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  let ms: number;
  if (/^\d+$/.test(v)) ms = Number(v) * 1000;
  else {
    // Only an HTTP-date (it names a weekday and month); Date.parse accepts bare numbers like "-1".
    const at = /[a-z]/i.test(v) ? Date.parse(v) : Number.NaN;
    if (Number.isNaN(at)) return undefined;
    ms = at - nowMs;
  }
  return Math.min(Math.max(ms, 0), RETRY_AFTER_CAP_MS);
}

/** Jittered exponential backoff before try `attempt + 1` (attempt counts from 1). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = BASE_BACKOFF_MS * 2 ** (attempt - 1);
  // "Equal jitter": never less than half the ceiling, so retries do not hammer a struggling server.
  return ceiling / 2 + random() * (ceiling / 2);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, {once: true});
  });
}
