import type {ApiClient, ApiResponse} from './client.js';
import {serverText} from './credential.js';
import {ApiError} from './errors.js';
import {outcomeUnknown} from './outcome.js';
import {RotationHandleSchema, RotationPreviewSchema, type RotationHandle, type RotationPreview} from './schemas.js';

const rotatePath = (nodeId: string): string => `/v1/nodes/${encodeURIComponent(nodeId)}/keys/rotate`;

/** GET /v1/nodes/{id}/keys/rotate/preview: the impact of a rotation, without side effects. */
export function previewRotation(c: ApiClient, nodeId: string, opts: {signal?: AbortSignal} = {}): Promise<ApiResponse<RotationPreview>> {
  return c.request({method: 'GET', path: `${rotatePath(nodeId)}/preview`, schema: RotationPreviewSchema, expect: [200], retry: true, signal: opts.signal});
}

/**
 * POST /v1/nodes/{id}/keys/rotate, sent once. A `409 already_pending` (plexctl docs) resolves
 * with status 409 and `already_pending: true`. Never retried: a repeat answers
 * `already_pending: true` also when the first attempt is the one that recorded it, and the
 * operator would read "nothing new was recorded" (see `triggerRotationChecked`).
 */
export async function triggerRotation(c: ApiClient, nodeId: string, opts: {signal?: AbortSignal} = {}): Promise<ApiResponse<RotationHandle>> {
  try {
    return await c.request({method: 'POST', path: rotatePath(nodeId), schema: RotationHandleSchema, expect: [200, 201, 202], retry: false, signal: opts.signal});
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 409 || e.code !== 'already_pending') throw e;
    const body = (e.body ?? {}) as Record<string, unknown>;
    const data: RotationHandle = {already_pending: true};
    for (const k of ['rotation_id', 'peer_id', 'node_id', 'requested_at'] as const) {
      if (typeof body[k] === 'string') data[k] = serverText(body[k]);
    }
    if (typeof body.state === 'string') data.state = serverText(body.state);
    return {status: 409, data, raw: e.body, headers: {}};
  }
}

/** A trigger whose answer was lost, and what the preview showed afterwards. */
export type LostTrigger = {
  readonly error: ApiError;
  /** The preview's `already_pending` after the failure; undefined when the check failed too. */
  readonly pending?: boolean;
  readonly checkError?: ApiError;
};

/** The trigger's answer, or — when the POST may have arrived but its answer did not — what the preview shows. */
export type CheckedTrigger = {readonly sent: true; readonly response: ApiResponse<RotationHandle>} | ({readonly sent: 'unknown'} & LostTrigger);

/** Sends the trigger once; after a failure that may hide a recorded rotation, reads the preview instead of re-sending. */
export async function triggerRotationChecked(c: ApiClient, nodeId: string, opts: {signal?: AbortSignal} = {}): Promise<CheckedTrigger> {
  try {
    return {sent: true, response: await triggerRotation(c, nodeId, opts)};
  } catch (e) {
    if (!(e instanceof ApiError) || !outcomeUnknown(e) || e.kind === 'aborted') throw e;
    try {
      const {data} = await previewRotation(c, nodeId, opts);
      return {sent: 'unknown', error: e, pending: data.already_pending};
    } catch (check) {
      return {sent: 'unknown', error: e, checkError: check instanceof ApiError ? check : undefined};
    }
  }
}

/** The honest sentence for a lost trigger (decisions.md "Requests"). */
export function describeLostTrigger(l: LostTrigger): string {
  if (l.pending === true) return 'a rotation is pending; it may be the one just sent';
  if (l.pending === false) return 'no rotation is pending now: the request was not recorded, or it already completed; check the node before rotating again';
  return 'the rotation may or may not have been recorded, and the preview could not be read to tell';
}

/** A lost trigger as one error: the failure, then what the preview showed (for screens). */
export function lostTriggerError(l: LostTrigger): ApiError {
  const {error: e} = l;
  const detail = [e.detail, describeLostTrigger(l)].filter((s) => s !== '').join('; ');
  return new ApiError({kind: e.kind, status: e.status, code: e.code, title: e.title, detail, correlationId: e.correlationId, cause: e});
}
