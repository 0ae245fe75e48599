import {useEffect, useState} from 'react';

/**
 * The current time, re-rendering only at the next multiple of `granularityMs`
 * (or at `nextChangeAt`, whichever is sooner). Idle means silent: a screen that
 * shows minutes must not repaint every second.
 */
export function useClock(granularityMs: number, nextChangeAt?: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const current = Date.now();
    let due = current - (current % granularityMs) + granularityMs;
    if (nextChangeAt !== undefined && nextChangeAt > current && nextChangeAt < due) due = nextChangeAt;
    // +5 ms so the boundary has really passed when we re-read the clock.
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, due - current) + 5);
    return () => clearTimeout(timer);
  }, [now, granularityMs, nextChangeAt]);
  return now;
}
