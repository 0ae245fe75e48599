import type {ApiClient, ApiResponse} from './client.js';
import {ApiError} from './errors.js';
import {RotationHandleSchema, RotationPreviewSchema, type RotationHandle, type RotationPreview} from './schemas.js';

const rotatePath = (nodeId: string): string => `/v1/nodes/${encodeURIComponent(nodeId)}/keys/rotate`;

/** GET /v1/nodes/{id}/keys/rotate/preview: the impact of a rotation, without side effects. */
export function previewRotation(c: ApiClient, nodeId: string, opts: {signal?: AbortSignal} = {}): Promise<ApiResponse<RotationPreview>> {
  return c.request({method: 'GET', path: `${rotatePath(nodeId)}/preview`, schema: RotationPreviewSchema, expect: [200], retry: true, signal: opts.signal});
}

/** POST /v1/nodes/{id}/keys/rotate. A `409 already_pending` (plexctl docs) resolves with status 409 and `already_pending: true`. */
export async function triggerRotation(c: ApiClient, nodeId: string, opts: {signal?: AbortSignal} = {}): Promise<ApiResponse<RotationHandle>> {
  try {
    // Retried: the server makes the trigger idempotent (a repeat returns the pending handle).
    return await c.request({method: 'POST', path: rotatePath(nodeId), schema: RotationHandleSchema, expect: [200, 201, 202], retry: true, signal: opts.signal});
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 409 || e.code !== 'already_pending') throw e;
    const body = (e.body ?? {}) as Record<string, unknown>;
    const data: RotationHandle = {already_pending: true};
    for (const k of ['rotation_id', 'peer_id', 'node_id', 'state', 'requested_at'] as const) {
      if (typeof body[k] === 'string') data[k] = body[k];
    }
    return {status: 409, data, raw: e.body, headers: {}};
  }
}
