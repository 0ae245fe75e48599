// A fleet rotation: previews for every Node, then waves (src/domain/rotationWaves.ts), the
// next wave only once the previous one completed; the first failure stops the run.
import {planWaves} from '../domain/rotationWaves.js';
import type {ApiClient} from './client.js';
import {ApiError, formatErrorLine} from './errors.js';
import {previewRotation, triggerRotation} from './rotation.js';
import type {RotationHandle, RotationPreview} from './schemas.js';

export type FleetOutcome =
  | {readonly kind: 'completed'; readonly nodeId: string; readonly wave: number; readonly handle: RotationHandle; readonly status: number; readonly elapsedMs: number; readonly assumed: boolean}
  | {readonly kind: 'failed'; readonly nodeId: string; readonly wave: number; readonly reason: string; readonly error?: ApiError; readonly handle?: RotationHandle; readonly status?: number}
  | {readonly kind: 'not_started'; readonly nodeId: string; readonly wave: number};

export type FleetEvent =
  | {readonly type: 'wave'; readonly wave: number; readonly nodes: readonly string[]}
  | {readonly type: 'triggered'; readonly nodeId: string; readonly handle: RotationHandle; readonly status: number}
  | {readonly type: 'trigger-failed'; readonly nodeId: string; readonly error: ApiError}
  | {readonly type: 'done'; readonly outcome: FleetOutcome};

export type FleetOptions = {
  /** Nodes per wave (default 1). */
  readonly waveSize?: number;
  /** Aborting stops before the next wave; the current one finishes. */
  readonly signal?: AbortSignal;
  readonly onEvent?: (e: FleetEvent) => void;
  readonly now?: () => number;
};

/** Extra wait past a rotation's estimate before it counts as stuck: half the estimate, at least 5 s. */
export const marginMs = (estimateMs: number): number => Math.max(5_000, Math.round(estimateMs / 2));
const pollEveryMs = (estimateMs: number): number => Math.min(2_000, Math.max(250, Math.round(estimateMs / 4)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError({kind: 'transport', title: 'request failed', detail: e instanceof Error ? e.message : String(e)});

/** The previews of every Node, in order; throws `{nodeId, error}` for the first that fails. */
export async function previewFleet(c: ApiClient, nodeIds: readonly string[], opts: {signal?: AbortSignal} = {}): Promise<RotationPreview[]> {
  const out: RotationPreview[] = [];
  for (const nodeId of nodeIds) {
    try {
      out.push((await previewRotation(c, nodeId, opts)).data);
    } catch (e) {
      throw new FleetPreviewError(nodeId, asApiError(e));
    }
  }
  return out;
}

/** A preview failed before anything was rotated. */
export class FleetPreviewError extends Error {
  constructor(readonly nodeId: string, readonly error: ApiError) {
    super(`preview of node ${nodeId} failed: ${formatErrorLine(error)}`);
  }
}

/** The aggregate preview of a fleet: what the operator confirms. */
export type FleetSummary = {
  readonly nodes: number;
  readonly affectedEdges: number;
  readonly distinctPeers: number;
  readonly longestEstimateSeconds: number;
  readonly alreadyPending: readonly string[];
};

export function summariseFleet(previews: readonly RotationPreview[]): FleetSummary {
  return {
    nodes: previews.length,
    affectedEdges: previews.reduce((n, p) => n + p.affected_peer_count, 0),
    distinctPeers: new Set(previews.flatMap((p) => p.affected_edges.map((e) => e.peer_node_id))).size,
    longestEstimateSeconds: Math.max(0, ...previews.map((p) => p.estimated_duration_seconds)),
    alreadyPending: previews.filter((p) => p.already_pending).map((p) => p.node_id),
  };
}

/** The waves for these previews. */
export function fleetWaves(previews: readonly RotationPreview[], waveSize: number): string[][] {
  return planWaves(previews.map((p) => ({id: p.node_id, peers: p.affected_edges.map((e) => e.peer_node_id)})), waveSize);
}

/** Rotates wave by wave; resolves with one outcome per Node in plan order. Never throws. */
export async function runFleet(c: ApiClient, previews: readonly RotationPreview[], o: FleetOptions = {}): Promise<FleetOutcome[]> {
  const now = o.now ?? Date.now;
  const byId = new Map(previews.map((p) => [p.node_id, p]));
  const waves = fleetWaves(previews, o.waveSize ?? 1);
  const outcomes: FleetOutcome[] = [];
  let stop = false;
  for (const [i, nodes] of waves.entries()) {
    const wave = i + 1;
    if (stop || o.signal?.aborted) {
      outcomes.push(...nodes.map((nodeId): FleetOutcome => ({kind: 'not_started', nodeId, wave})));
      continue;
    }
    o.onEvent?.({type: 'wave', wave, nodes});
    const results = await Promise.all(nodes.map((nodeId) => rotateOne(c, nodeId, wave, byId.get(nodeId), now, o.onEvent)));
    outcomes.push(...results);
    if (results.some((r) => r.kind === 'failed')) stop = true;
  }
  return outcomes;
}

/** Trigger, then watch the preview until `already_pending` turns false or the estimate plus margin passes. */
async function rotateOne(c: ApiClient, nodeId: string, wave: number, p: RotationPreview | undefined, now: () => number, onEvent?: (e: FleetEvent) => void): Promise<FleetOutcome> {
  const done = (outcome: FleetOutcome): FleetOutcome => {
    onEvent?.({type: 'done', outcome});
    return outcome;
  };
  let handle: RotationHandle;
  let status: number;
  try {
    ({data: handle, status} = await triggerRotation(c, nodeId));
  } catch (e) {
    const error = asApiError(e);
    onEvent?.({type: 'trigger-failed', nodeId, error});
    return done({kind: 'failed', nodeId, wave, reason: `the trigger failed: ${formatErrorLine(error)}`, error});
  }
  onEvent?.({type: 'triggered', nodeId, handle, status});
  const started = now();
  const estimateMs = (p?.estimated_duration_seconds ?? 0) * 1000;
  const deadline = started + estimateMs + marginMs(estimateMs);
  for (;;) {
    await sleep(Math.max(0, Math.min(pollEveryMs(estimateMs), deadline - now())));
    let pending: boolean;
    try {
      pending = (await previewRotation(c, nodeId)).data.already_pending;
    } catch (e) {
      const error = asApiError(e);
      // No preview on this build: the estimate plus its margin is all there is to go by.
      if (error.status === 501) {
        await sleep(Math.max(0, deadline - now()));
        return done({kind: 'completed', nodeId, wave, handle, status, elapsedMs: now() - started, assumed: true});
      }
      return done({kind: 'failed', nodeId, wave, handle, status, error, reason: `its preview could not be read: ${formatErrorLine(error)}`});
    }
    if (!pending) return done({kind: 'completed', nodeId, wave, handle, status, elapsedMs: now() - started, assumed: false});
    if (now() >= deadline) {
      const secs = (ms: number) => `${Math.round(ms / 1000)}s`;
      return done({kind: 'failed', nodeId, wave, handle, status, reason: `still pending ${secs(now() - started)} after the trigger (estimate ${secs(estimateMs)} + margin ${secs(marginMs(estimateMs))})`});
    }
  }
}
