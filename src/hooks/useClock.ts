import {useEffect, useState} from 'react';

/**
 * The current time, re-rendering only at the next multiple of `granularityMs`
 * (or at `nextChangeAt`, whichever is sooner). Idle means silent: a screen that
 * shows minutes must not repaint every second. `nextChangeAt` may be a function, asked
 * whenever the next tick is planned: what depends on the data (the next token to expire)
 * then needs no state of its own, whose update would render the screen a second time.
 */
export function useClock(granularityMs: number, nextChangeAt?: number | (() => number | undefined)): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const current = Date.now();
    const next = typeof nextChangeAt === 'function' ? nextChangeAt() : nextChangeAt;
    let due = current - (current % granularityMs) + granularityMs;
    if (next !== undefined && next > current && next < due) due = next;
    // +5 ms so the boundary has really passed when we re-read the clock.
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, due - current) + 5);
    return () => clearTimeout(timer);
  }, [now, granularityMs, nextChangeAt]);
  return now;
}
