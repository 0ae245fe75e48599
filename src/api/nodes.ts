import type {ApiClient, ApiResponse} from './client.js';
import {collectAll, getPage, type ListAllOptions, type ListAllResult, type PageQuery} from './paginate.js';
import {NodeListSchema, type NodeList, type NodeSummary} from './schemas.js';

/** GET /v1/nodes: one page. */
export function listNodes(c: ApiClient, q: PageQuery = {}): Promise<ApiResponse<NodeList>> {
  return getPage(c, '/v1/nodes', NodeListSchema, q);
}

/** Every node the caller may read, following `next_cursor`. */
export function listAllNodes(c: ApiClient, opts: ListAllOptions<NodeSummary> = {}): Promise<ListAllResult<NodeSummary>> {
  return collectAll((cursor, limit, signal) => listNodes(c, {cursor, limit, signal}), opts);
}
