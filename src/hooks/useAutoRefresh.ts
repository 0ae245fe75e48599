import {useEffect, useRef} from 'react';
import {useConsoleInfo} from './ApiProvider.js';

/**
 * Calls `refresh` every `--refresh` interval while `active` (the screen is on top and no
 * modal or prompt is open). Off when the interval is 0, or absent (an embedding that never
 * configured it, such as the screen tests). Returns the interval.
 */
export function useAutoRefresh(refresh: () => void, active: boolean): number | undefined {
  const {refreshMs} = useConsoleInfo();
  const ref = useRef(refresh);
  ref.current = refresh;
  useEffect(() => {
    if (!active || refreshMs === undefined || refreshMs <= 0) return;
    const timer = setInterval(() => ref.current(), refreshMs);
    return () => clearInterval(timer);
  }, [active, refreshMs]);
  return refreshMs;
}
