import type {ApiClient, ApiResponse} from './client.js';
import {collectAll, type ListAllOptions, type ListAllResult} from './paginate.js';
import type {PageQuery} from './projects.js';
import {NodeListSchema, type NodeList, type NodeSummary} from './schemas.js';

/** GET /v1/nodes: one page. */
export function listNodes(c: ApiClient, q: PageQuery = {}): Promise<ApiResponse<NodeList>> {
  return c.request({
    method: 'GET',
    path: '/v1/nodes',
    query: {cursor: q.cursor, limit: q.limit},
    schema: NodeListSchema,
    expect: [200],
    retry: true,
    signal: q.signal,
  });
}

/** Every node the caller may read, following `next_cursor`. */
export function listAllNodes(c: ApiClient, opts: ListAllOptions<NodeSummary> = {}): Promise<ListAllResult<NodeSummary>> {
  return collectAll((cursor, limit) => listNodes(c, {cursor, limit, signal: opts.signal}), opts);
}
