import type {ApiClient, ApiResponse} from './client.js';
import {ApiError} from './errors.js';
import {HealthSchema, type Health} from './schemas.js';

/** GET /v1/health (no auth). A 503 carrying a health snapshot (`status: down`) resolves with status 503. */
export async function getHealth(c: ApiClient, opts: {signal?: AbortSignal} = {}): Promise<ApiResponse<Health>> {
  try {
    return await c.request({method: 'GET', path: '/v1/health', schema: HealthSchema, expect: [200], retry: true, signal: opts.signal});
  } catch (e) {
    // 503 is the contract's "down" answer with the failing checks in the body; a 503 Problem
    // (authz_unavailable, …) does not parse as a snapshot and stays an error.
    const snapshot = e instanceof ApiError && e.status === 503 ? HealthSchema.safeParse(e.body) : undefined;
    if (snapshot?.success) return {status: 503, data: snapshot.data, raw: (e as ApiError).body, headers: {}};
    throw e;
  }
}
