import {useCallback, useEffect, useRef, useState} from 'react';
import {lostTriggerError, triggerRotationChecked} from '../api/rotation.js';
import {failureFields, failureOutcome} from '../journal/journal.js';
import {useApi} from './ApiProvider.js';
import {useJournal} from './journal.js';
import {useRotationRegistry} from './rotationRegistry.js';
import {pollRotation} from './pollRotation.js';
import {barTickMs, recallRotation, rememberRotation, type RotationHandoff} from './rotationProgress.js';
import type {ApiError, RotationPreview} from './types.js';
import {toApiError} from './useRequest.js';

/** What the session's rotation list shows for a trigger: the node's name and the preview's estimate. */
export type RotationAbout = {readonly label: string; readonly estimateSeconds: number};

export type TriggerOutcome = {readonly ok: true; readonly handoff: RotationHandoff} | {readonly ok: false; readonly error: ApiError};

/**
 * The rotation trigger. Exactly one POST per call, and calls while one is in flight share
 * it (a second Enter cannot POST twice). Never re-sent: when the answer is lost the preview
 * is read and the error says honestly whether a rotation is pending (it may be the one just
 * sent). Not aborted on unmount: the request has been sent, and abandoning the answer would
 * not undo the rotation.
 */
export function useRotationTrigger(): (nodeId: string, edgeCount: number, about?: RotationAbout) => Promise<TriggerOutcome> {
  const client = useApi();
  const journal = useJournal();
  const registry = useRotationRegistry();
  const inFlight = useRef<Promise<TriggerOutcome> | undefined>(undefined);
  return useCallback(
    (nodeId, edgeCount, about) => {
      inFlight.current ??= triggerRotationChecked(client, nodeId)
        .then((checked): TriggerOutcome => {
          if (checked.sent !== true) {
            void journal.record({action: 'rotate', targets: {node_id: nodeId}, outcome: 'unknown', ...failureFields(checked.error)});
            return {ok: false, error: lostTriggerError(checked)};
          }
          const res = checked.response;
          const handoff: RotationHandoff = {nodeId, handle: res.data, status: res.status, triggeredAt: Date.now(), edgeCount};
          rememberRotation(handoff);
          // The session's `:rotations` list watches it from here, wherever the operator goes.
          if (about) registry.started({nodeId, label: about.label, fleet: false, startedAt: handoff.triggeredAt, estimateMs: about.estimateSeconds * 1000}, true);
          const h = res.data;
          const targets = {node_id: nodeId, ...(h.rotation_id ? {rotation_id: h.rotation_id} : {})};
          void journal.record({action: 'rotate', targets, outcome: h.already_pending ? 'already_pending' : 'requested', status: res.status});
          return {ok: true, handoff};
        })
        .catch((e: unknown): TriggerOutcome => {
          void journal.record({action: 'rotate', targets: {node_id: nodeId}, outcome: failureOutcome(e), ...failureFields(e)});
          return {ok: false, error: toApiError(e)};
        })
        .finally(() => {
          inFlight.current = undefined;
        });
      return inFlight.current;
    },
    [client, journal, registry],
  );
}

/** Whether the rotation is still pending, has been observed complete, or polling failed. */
export type RotationWatch =
  | {readonly status: 'running'}
  | {readonly status: 'done'; readonly preview: RotationPreview; readonly at: number}
  | {readonly status: 'error'; readonly error: ApiError};

export type RotationProgressState = {
  readonly watch: RotationWatch;
  /** The trigger's answer, when this console triggered the rotation. */
  readonly handoff?: RotationHandoff;
  readonly elapsedMs: number;
  readonly estimateMs: number;
  /** Polls again at once after an error (the `r` key). */
  readonly retry: () => void;
};

function startOf(handoff: RotationHandoff | undefined, mountedAt: number): number {
  // The plexctl-docs handle says when the (possibly earlier) rotation was requested.
  const requested = handoff?.handle.requested_at ? Date.parse(handoff.handle.requested_at) : NaN;
  if (Number.isFinite(requested) && requested <= Date.now()) return requested;
  return handoff?.triggeredAt ?? mountedAt;
}

/**
 * Watches a triggered rotation by re-polling its preview until `already_pending` turns
 * false. Polls sparingly (see `nextPollDelayMs`) and repaints the bar at cell granularity;
 * once done or failed, no timer runs, so an idle screen writes nothing.
 */
export function useRotationProgress(nodeId: string, estimateSeconds: number): RotationProgressState {
  const client = useApi();
  const registry = useRotationRegistry();
  // While this screen polls, the session registry does not; what it sees, the registry hears.
  useEffect(() => registry.hold(nodeId), [registry.hold, nodeId]); // eslint-disable-line react-hooks/exhaustive-deps
  const {ended} = registry;
  const [handoff] = useState(() => recallRotation(nodeId));
  const [startedAt] = useState(() => startOf(handoff, Date.now()));
  const estimateMs = Math.max(0, estimateSeconds) * 1000;
  const [watch, setWatch] = useState<RotationWatch>({status: 'running'});
  const [now, setNow] = useState(() => Date.now());
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (watch.status !== 'running') return;
    return pollRotation(client, {
      nodeId,
      startedAt,
      estimateMs,
      // After `r`, poll at once; otherwise the first poll waits for the schedule.
      immediately: attempt > 0,
      onDone: (preview) => {
        setWatch({status: 'done', preview, at: Date.now()});
        ended(nodeId, true);
      },
      onError: (e) => {
        setWatch({status: 'error', error: toApiError(e)});
        return 'stop';
      },
    });
  }, [client, nodeId, startedAt, estimateMs, watch.status, attempt, ended]);

  useEffect(() => {
    if (watch.status !== 'running') return;
    const timer = setInterval(() => setNow(Date.now()), barTickMs(estimateMs));
    return () => clearInterval(timer);
  }, [watch.status, estimateMs]);

  const retry = useCallback(() => {
    setWatch((w) => (w.status === 'error' ? {status: 'running'} : w));
    setAttempt((a) => a + 1);
  }, []);

  const end = watch.status === 'done' ? watch.at : now;
  return {watch, handoff, elapsedMs: Math.max(0, end - startedAt), estimateMs, retry};
}
