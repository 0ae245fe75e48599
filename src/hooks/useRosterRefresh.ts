import {useCallback, useEffect, useRef, useState} from 'react';
import {getBootstrapToken, listAllBootstrapTokens, listBootstrapTokens} from '../api/bootstrapTokens.js';
import {useApi} from './ApiProvider.js';
import {mergeTokens, replaceTokens, type TokenRow} from './tokenRoster.js';
import type {ApiError, BootstrapToken} from './types.js';
import type {Freshness} from './useRequest.js';
import {toApiError} from './useRequest.js';

/** Up to this many tokens a refresh walks the whole roster (10 pages of 200). */
export const FULL_WALK_MAX_ROWS = 2_000;
/**
 * Above it, each refresh re-reads the newest page and the rows on screen by id; the full walk
 * (100,000 tokens ≈ 500 requests, 29 MB) runs this often, ≈ 2 MB/min averaged (BENCHMARKS.md).
 */
export const FULL_WALK_EVERY_MS = 15 * 60_000;

type Target = {readonly projectId: string; readonly rows: readonly TokenRow[]};

/**
 * A roster refresh whose cost is bounded: a small roster is walked whole; a big one re-reads
 * only the newest page plus the rows on screen and the ones this session touched, by id, and
 * is walked whole every 15 minutes. Rows change only when the server's answer differs, so an
 * unchanged roster re-renders nothing and writes nothing.
 */
export function useRosterRefresh(target: Target | undefined, setRows: (fn: (rows: readonly TokenRow[]) => readonly TokenRow[]) => void) {
  const client = useApi();
  // A ref, not state: a refresh that changes nothing must not even re-render (zero bytes written).
  const updatedAt = useRef(Date.now());
  const [refreshError, setRefreshError] = useState<ApiError>();
  const running = useRef(false);
  const lastWalk = useRef(Date.now());
  const touched = useRef(new Set<string>());
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  const refresh = useCallback(
    (onScreen: readonly string[]) => {
      if (!target || running.current) return;
      running.current = true;
      const {projectId, rows} = target;
      const whole = rows.length <= FULL_WALK_MAX_ROWS || Date.now() - lastWalk.current >= FULL_WALK_EVERY_MS;
      const work = async (): Promise<(rows: readonly TokenRow[]) => readonly TokenRow[]> => {
        if (whole) {
          const all = await listAllBootstrapTokens(client, projectId);
          lastWalk.current = Date.now();
          return (r) => replaceTokens(r, all.items);
        }
        const ids = [...new Set([...onScreen, ...touched.current])];
        const [head, ...singles] = await Promise.all([
          listBootstrapTokens(client, projectId, {limit: 200}),
          ...ids.map((id) => getBootstrapToken(client, projectId, id).then((r) => r.data)),
        ]);
        const tokens: BootstrapToken[] = [...head.data.items, ...(singles as BootstrapToken[])];
        return (r) => mergeTokens(r, tokens);
      };
      work().then(
        (apply) => {
          running.current = false;
          if (!alive.current) return;
          updatedAt.current = Date.now();
          setRows(apply);
          setRefreshError(undefined); // a no-op (no render) unless an error was showing
        },
        (e: unknown) => {
          running.current = false;
          if (!alive.current) return;
          setRefreshError(toApiError(e));
        },
      );
    },
    [client, target, setRows],
  );

  /** Marks a token this session changed (issued, revoked), so cheap refreshes keep re-reading it. */
  const touch = useCallback((id: string) => void touched.current.add(id), []);
  const fresh: Freshness = {updatedAt: updatedAt.current, refreshError};
  return {...fresh, refresh, touch};
}
