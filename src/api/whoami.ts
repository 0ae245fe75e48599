import type {ApiClient, ApiResponse} from './client.js';
import {WhoamiSchema, type Whoami} from './schemas.js';

/** GET /v1/auth/whoami: the principal the bearer token resolves to. */
export function getWhoami(c: ApiClient, opts: {signal?: AbortSignal} = {}): Promise<ApiResponse<Whoami>> {
  return c.request({method: 'GET', path: '/v1/auth/whoami', schema: WhoamiSchema, expect: [200], retry: true, signal: opts.signal});
}
