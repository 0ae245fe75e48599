import {sanitize} from '../domain/sanitize.js';
import {useClock} from './useClock.js';
import type {Freshness} from './useRequest.js';

/** What the list says about its freshness: nothing while refresh works, else how old the data is. */
export type Staleness = {readonly text: string; readonly failed: boolean};

/** `just now`, `20s ago`, `3m ago`: tens of seconds, then minutes, so the clock ticks rarely. */
export function formatAgo(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 10) return 'just now';
  if (s < 60) return `${Math.floor(s / 10) * 10}s ago`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m ago` : `${Math.floor(m / 60)}h${m % 60 ? `${m % 60}m` : ''} ago`;
}

/**
 * Staleness shown when refresh is off (`--refresh 0`) or the last background refresh
 * failed; undefined (and no clock running) while refresh keeps the data current.
 */
export function useStaleness(f: Freshness, refreshMs: number | undefined): Staleness | undefined {
  const shown = f.updatedAt !== undefined && (f.refreshError !== undefined || refreshMs === 0);
  const age = shown ? Date.now() - (f.updatedAt ?? 0) : 0;
  // Ticks only while the text is on screen, at the granularity it displays.
  const now = useClock(shown ? (age < 60_000 ? 10_000 : 60_000) : 3_600_000);
  if (!shown || f.updatedAt === undefined) return undefined;
  const ago = formatAgo(Math.max(now, Date.now()) - f.updatedAt);
  if (f.refreshError) {
    const e = f.refreshError;
    return {text: `⚠ refresh failed: ${e.status ? `${e.status} ` : ''}${sanitize(e.title)} · showing data from ${ago} · r retry`, failed: true};
  }
  return {text: `updated ${ago}`, failed: false};
}
