import {useCallback, useEffect, useRef, useState} from 'react';
import type {ApiClient} from '../api/client.js';
import {ApiError} from '../api/errors.js';
import {useApi} from './ApiProvider.js';
import type {Loadable} from './types.js';

/** How fresh the data on screen is: when it was last fetched, and the last background refresh's error. */
export type Freshness = {readonly updatedAt?: number; readonly refreshError?: ApiError};

export type RequestState<T> = Loadable<T> &
  Freshness & {
    /** Runs the request again (the `r` key), then calls `then` with the outcome. Keeps showing old data while reloading. */
    readonly reload: (then?: (outcome: Loadable<T>) => void) => void;
    /**
     * A background refresh: no loading or refreshing state, data replaced only when it changed
     * (so an unchanged list writes nothing), and a failure keeps the data and sets `refreshError`.
     */
    readonly refresh: () => void;
    /** True while a reload runs over data already shown. */
    readonly refreshing: boolean;
  };

/** Wraps any thrown value as an ApiError so screens render one error type. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError({kind: 'transport', title: 'Unexpected error', detail: message});
}

/**
 * Runs `fetcher` against the shared client whenever `key` changes. Each run has
 * its own AbortController: a newer run aborts the older one, and a late answer
 * from an old run never overwrites a newer one, nor sets state after unmount.
 */
export function useRequest<T>(key: string, fetcher: (client: ApiClient, signal: AbortSignal) => Promise<T>): RequestState<T> {
  const client = useApi();
  const [state, setState] = useState<Loadable<T>>({status: 'loading'});
  // updatedAt is a ref: a background refresh that changes nothing must not re-render.
  const updatedAt = useRef<number | undefined>(undefined);
  const [refreshError, setRefreshError] = useState<ApiError>();
  // True from the start: the first fetch starts on mount, and its `setRefreshing(true)` must not
  // render the screen a second time right after its first frame.
  const [refreshing, setRefreshing] = useState(true);
  const [generation, setGeneration] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  // Who asked for the running reload to be reported (the `r` key's feedback).
  const onSettled = useRef<((outcome: Loadable<T>) => void) | undefined>(undefined);
  // The JSON of the data on screen: a refresh that brings the same answer changes nothing.
  const shownJson = useRef<string | undefined>(undefined);
  const current = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    current.current = controller;
    setRefreshing(true);
    const then = onSettled.current;
    onSettled.current = undefined;
    const settle = (outcome: Loadable<T>) => {
      if (controller.signal.aborted) return;
      if (outcome.status === 'error' && shownJson.current !== undefined) {
        // A failed reload over data on screen keeps the data, with a banner (not an error page).
        setRefreshError(outcome.error);
      } else {
        if (outcome.status === 'ready') shownJson.current = JSON.stringify(outcome.data);
        updatedAt.current = outcome.status === 'ready' ? Date.now() : undefined;
        setState(outcome);
        setRefreshError(undefined);
      }
      setRefreshing(false);
      then?.(outcome);
    };
    fetcherRef.current(client, controller.signal).then(
      (data) => settle({status: 'ready', data}),
      (error: unknown) => settle({status: 'error', error: toApiError(error)}),
    );
    return () => controller.abort();
  }, [client, key, generation]);

  // A new key means different data: show loading rather than the old screen's data.
  const lastKey = useRef(key);
  if (lastKey.current !== key) {
    lastKey.current = key;
    shownJson.current = undefined;
    setState({status: 'loading'});
  }

  const reload = useCallback((then?: (outcome: Loadable<T>) => void) => {
    onSettled.current = then;
    setGeneration((g) => g + 1);
  }, []);

  const refresh = useCallback(() => {
    const run = current.current;
    if (!run || run.signal.aborted) return;
    // Tied to the current run: a reload or unmount aborts it with that run.
    fetcherRef.current(client, run.signal).then(
      (data) => {
        if (run.signal.aborted) return;
        const json = JSON.stringify(data);
        updatedAt.current = Date.now();
        if (json !== shownJson.current) {
          shownJson.current = json;
          setState({status: 'ready', data});
        }
        setRefreshError(undefined); // no render unless an error was showing
      },
      (error: unknown) => {
        if (run.signal.aborted) return;
        setRefreshError(toApiError(error));
      },
    );
  }, [client]);

  return {...state, updatedAt: updatedAt.current, refreshError, reload, refresh, refreshing};
}
