import {listAllNodes} from '../api/nodes.js';
import type {NodeSummary} from './types.js';
import {useRequest, type RequestState} from './useRequest.js';

/** Every Node the caller may read (all pages of `ListNodes`); `reload` is the `r` key. */
export function useNodes(): RequestState<readonly NodeSummary[]> {
  return useRequest('nodes', async (client, signal) => (await listAllNodes(client, {signal})).items);
}
