import type {ApiClient, ApiResponse} from './client.js';
import {VersionSchema, type VersionInfo} from './schemas.js';

/** GET /v1/version (no auth): build metadata of the control plane. */
export function getVersion(c: ApiClient, opts: {signal?: AbortSignal} = {}): Promise<ApiResponse<VersionInfo>> {
  return c.request({method: 'GET', path: '/v1/version', schema: VersionSchema, expect: [200], retry: true, signal: opts.signal});
}
