import {useCallback, useEffect, useRef, useState} from 'react';
import type {ApiClient} from '../api/client.js';
import {ApiError} from '../api/errors.js';
import {useApi} from './ApiProvider.js';
import type {Loadable} from './types.js';

export type RequestState<T> = Loadable<T> & {
  /** Runs the request again (the `r` key), then calls `then` with the outcome. Keeps showing old data while reloading. */
  readonly reload: (then?: (outcome: Loadable<T>) => void) => void;
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
  // Who asked for the running reload to be reported (the `r` key's feedback).
  const onSettled = useRef<((outcome: Loadable<T>) => void) | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    setRefreshing(true);
    const then = onSettled.current;
    onSettled.current = undefined;
    const settle = (outcome: Loadable<T>) => {
      if (controller.signal.aborted) return;
      setState(outcome);
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
    setState({status: 'loading'});
  }

  const reload = useCallback((then?: (outcome: Loadable<T>) => void) => {
    onSettled.current = then;
    setGeneration((g) => g + 1);
  }, []);
  return {...state, reload, refreshing};
}
