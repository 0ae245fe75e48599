import {useCallback, useEffect, useRef, useState} from 'react';
import type {ApiClient} from '../api/client.js';
import {listAllBootstrapTokens} from '../api/bootstrapTokens.js';
import {useApi} from './ApiProvider.js';
import {toRow, type TokenRow} from './tokenRoster.js';
import type {BootstrapToken, Loadable, Project, Skipped} from './types.js';
import {resolveProject} from './useProject.js';
import {toApiError} from './useRequest.js';

/** A Project's roster: metadata only — an issued plaintext never comes near it. */
export type Roster = {
  readonly project: Project;
  readonly rows: readonly TokenRow[];
  /** False while later pages are still loading in the background. */
  readonly complete: boolean;
  /** True when the project holds more tokens than the console loads (100,000). */
  readonly truncated: boolean;
  /** Tokens the reader could not use (index and reason): counted on screen, never fatal. */
  readonly skipped: readonly Skipped[];
};

export type TokensState = Loadable<Roster> & {
  /**
   * Tokens received by the running load, or undefined when no load runs. It moves only when rows
   * are published (at most every PUBLISH_MS): a render per page would cost CPU the pages need.
   */
  readonly loading?: number;
  /** Reloads every page; the rows on screen stay until the new list is complete. */
  readonly reload: () => void;
  /** Replaces one token's metadata in place (after a revoke), without a refetch. */
  readonly patch: (token: BootstrapToken) => void;
  /** Applies a background refresh; returning the same array changes nothing (and renders nothing). */
  readonly setRows: (fn: (rows: readonly TokenRow[]) => readonly TokenRow[]) => void;
};

// Re-rendering for every 200-row page of a 100,000-token project would re-sort the whole
// roster 500 times; rows (and the progress count) are published at most this often while
// pages stream in. A render between pages also competes with the pages for the CPU: at 80 ms
// RTT a page arrives every ~90 ms, about as often as a 100 ms progress tick used to re-render.
const PUBLISH_MS = 750;

// The last complete roster per client and project, so Esc back from a detail shows the
// list at once (and refreshes behind it) instead of reloading 100,000 tokens from scratch.
const cache = new WeakMap<ApiClient, Map<string, Roster>>();
function cacheFor(client: ApiClient): Map<string, Roster> {
  let m = cache.get(client);
  if (!m) cache.set(client, (m = new Map()));
  return m;
}

function replaceRow(rows: readonly TokenRow[], token: BootstrapToken): readonly TokenRow[] {
  const i = rows.findIndex((r) => r.id === token.id);
  if (i < 0) return rows;
  const next = rows.slice();
  next[i] = toRow(token);
  return next;
}

/**
 * The bootstrap tokens of a Project given by id or slug. The first page is usable at once;
 * the rest load in the background with a count. Aborted on unmount and on reload, and a
 * late page of an old load never lands on a newer one.
 */
export function useTokens(projectRef: string): TokensState {
  const client = useApi();
  const [state, setState] = useState<Loadable<Roster>>(() => {
    const cached = cacheFor(client).get(projectRef);
    return cached ? {status: 'ready', data: cached} : {status: 'loading'};
  });
  const [loading, setLoading] = useState<number | undefined>(0);
  const [generation, setGeneration] = useState(0);
  const showing = useRef(state.status === 'ready');
  showing.current = state.status === 'ready';
  // The running load's buffer, so a patch also reaches rows that are not published yet.
  const running = useRef<TokenRow[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    const {signal} = controller;
    // A refresh keeps the current rows until the new list is whole: the selection and the
    // counts do not jump around while pages arrive.
    const progressive = !showing.current;
    let lastPublish = 0;
    let project: Project | undefined;
    running.current = [];
    let skipped: readonly Skipped[] = [];
    setLoading(0);
    const publish = (complete: boolean, truncated: boolean) => {
      if (!project || signal.aborted) return;
      // Once complete no page lands in the buffer any more, so the roster takes it as it is (one
      // array of 100k rows, not two); `patch` replaces it rather than writing into it.
      const data: Roster = {project, rows: complete ? running.current : running.current.slice(), complete, truncated, skipped: skipped.slice()};
      if (complete) cacheFor(client).set(projectRef, data);
      setState({status: 'ready', data});
    };
    (async () => {
      project = await resolveProject(client, projectRef, signal);
      const result = await listAllBootstrapTokens(client, project.id, {
        signal,
        keepItems: false, // the rows live in `running`; no second and third copy
        onPage: (page, loaded, unread) => {
          if (signal.aborted) return;
          if (loaded === page.length) running.current = []; // the lister restarted from page one
          skipped = unread;
          for (const t of page) running.current.push(toRow(t));
          const now = Date.now();
          if (loaded === page.length || now - lastPublish >= PUBLISH_MS) {
            lastPublish = now;
            setLoading(loaded);
            if (progressive) publish(false, false);
          }
        },
      });
      publish(true, result.truncated);
      if (!signal.aborted) setLoading(undefined);
    })().catch((e: unknown) => {
      if (signal.aborted) return;
      setState({status: 'error', error: toApiError(e)});
      setLoading(undefined);
    });
    return () => controller.abort();
  }, [client, projectRef, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const patch = useCallback(
    (token: BootstrapToken) => {
      running.current = replaceRow(running.current, token) as TokenRow[];
      setState((s) => {
        if (s.status !== 'ready') return s;
        const data = {...s.data, rows: replaceRow(s.data.rows, token)};
        if (data.complete) cacheFor(client).set(projectRef, data);
        return {status: 'ready', data};
      });
    },
    [client, projectRef],
  );
  const setRows = useCallback(
    (fn: (rows: readonly TokenRow[]) => readonly TokenRow[]) =>
      setState((s) => {
        if (s.status !== 'ready') return s;
        const rows = fn(s.data.rows);
        if (rows === s.data.rows) return s;
        const data = {...s.data, rows};
        if (data.complete) cacheFor(client).set(projectRef, data);
        return {status: 'ready', data};
      }),
    [client, projectRef],
  );
  return {...state, loading, reload, patch, setRows};
}
