import {listAllNodes} from '../api/nodes.js';
import type {NodeSummary, Skipped} from './types.js';
import {useRequest, type RequestState} from './useRequest.js';

/** Every readable Node, plus the ones the reader had to skip (index and reason), for a one-line notice. */
export type NodesState = RequestState<readonly NodeSummary[]> & {readonly skipped: readonly Skipped[]};

const NONE: readonly Skipped[] = [];

/** Every Node the caller may read (all pages of `ListNodes`); `reload` is the `r` key. */
export function useNodes(): NodesState {
  const r = useRequest('nodes', (client, signal) => listAllNodes(client, {signal}));
  if (r.status !== 'ready') return {...r, skipped: NONE};
  // `items` keeps its identity between renders, so memoised views downstream stay valid.
  return {...r, data: r.data.items, skipped: r.data.skipped};
}
