import {useCallback} from 'react';
import {listAllNodes} from '../api/nodes.js';
import type {ListAllResult} from '../api/paginate.js';
import type {Loadable, NodeSummary, Skipped} from './types.js';
import {useRequest, type RequestState} from './useRequest.js';

/** Every readable Node, plus the ones the reader had to skip (index and reason), for a one-line notice. */
export type NodesState = RequestState<readonly NodeSummary[]> & {readonly skipped: readonly Skipped[]};

const NONE: readonly Skipped[] = [];

/** The walk's outcome as the screens see it: the readable items only. */
const itemsOf = (o: Loadable<ListAllResult<NodeSummary>>): Loadable<readonly NodeSummary[]> => (o.status === 'ready' ? {status: 'ready', data: o.data.items} : o);

/** Every Node the caller may read (all pages of `ListNodes`); `reload` is the `r` key. */
export function useNodes(): NodesState {
  const r = useRequest('nodes', (client, signal) => listAllNodes(client, {signal}));
  const {reload: reloadAll} = r;
  const reload = useCallback((then?: (outcome: Loadable<readonly NodeSummary[]>) => void) => reloadAll(then && ((o) => then(itemsOf(o)))), [reloadAll]);
  if (r.status !== 'ready') return {...r, reload, skipped: NONE};
  // `items` keeps its identity between renders, so memoised views downstream stay valid.
  return {...r, reload, data: r.data.items, skipped: r.data.skipped};
}
