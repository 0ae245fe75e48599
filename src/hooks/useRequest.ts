import {useCallback, useEffect, useRef, useState} from 'react';
import type {ApiClient} from '../api/client.js';
import {ApiError} from '../api/errors.js';
import {useApi} from './ApiProvider.js';
import type {Loadable} from './types.js';

export type RequestState<T> = Loadable<T> & {
  /** Runs the request again (the `r` key). Keeps showing old data while reloading. */
  readonly reload: () => void;
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
  const [refreshing, setRefreshing] = useState(false);
  const [generation, setGeneration] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  useEffect(() => {
    const controller = new AbortController();
    setRefreshing(true);
    fetcherRef.current(client, controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setState({status: 'ready', data});
        setRefreshing(false);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({status: 'error', error: toApiError(error)});
        setRefreshing(false);
      },
    );
    return () => controller.abort();
  }, [client, key, generation]);

  // A new key means different data: show loading rather than the old screen's data.
  const lastKey = useRef(key);
  if (lastKey.current !== key) {
    lastKey.current = key;
    setState({status: 'loading'});
  }

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return {...state, reload, refreshing};
}
