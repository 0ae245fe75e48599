import {randomUUID} from 'node:crypto';
import {useCallback, useEffect, useRef, useState} from 'react';
import {FleetPreviewError, fleetWaves, previewFleet, runFleet, summariseFleet, type FleetOutcome, type FleetSummary} from '../api/fleetRotation.js';
import {failureFields, failureOutcome} from '../journal/journal.js';
import {useApi} from './ApiProvider.js';
import {useJournal} from './journal.js';
import {useRotationRegistry} from './rotationRegistry.js';
import type {ApiError, RotationPreview} from './types.js';
import {toApiError} from './useRequest.js';

export type {FleetOutcome, FleetSummary} from '../api/fleetRotation.js';
export {fleetWaves} from '../api/fleetRotation.js';

/** Where one Node stands during a run. */
export type NodeProgress =
  | {readonly kind: 'waiting'}
  | {readonly kind: 'rotating'; readonly since: number}
  | {readonly kind: 'ended'; readonly outcome: FleetOutcome};

export type FleetState =
  | {readonly status: 'loading'}
  | {readonly status: 'error'; readonly nodeId?: string; readonly error: ApiError}
  | {readonly status: 'ready'; readonly previews: readonly RotationPreview[]; readonly summary: FleetSummary}
  | {
      readonly status: 'running' | 'done';
      readonly previews: readonly RotationPreview[];
      readonly summary: FleetSummary;
      readonly waves: readonly (readonly string[])[];
      readonly wave: number;
      readonly progress: ReadonlyMap<string, NodeProgress>;
      /** Esc pressed: the current wave finishes, no next one starts. */
      readonly stopping: boolean;
    };

/**
 * A fleet rotation for the console: previews every Node on mount, then `start(waveSize)`
 * runs the waves (api/fleetRotation.ts) with live per-Node progress, journalling each
 * trigger. Not aborted on unmount once started: a triggered rotation cannot be called back.
 */
export function useFleetRotation(nodeIds: readonly string[], labels: Readonly<Record<string, string>> = {}): {state: FleetState; start(waveSize: number): void; stop(): void} {
  const client = useApi();
  const journal = useJournal();
  const registry = useRotationRegistry();
  const [state, setState] = useState<FleetState>({status: 'loading'});
  const stopper = useRef<AbortController>(undefined);
  const mounted = useRef(true);
  const key = nodeIds.join(',');

  useEffect(() => {
    mounted.current = true;
    const ac = new AbortController();
    setState({status: 'loading'});
    previewFleet(client, nodeIds, {signal: ac.signal}).then(
      (previews) => !ac.signal.aborted && setState({status: 'ready', previews, summary: summariseFleet(previews)}),
      (e: unknown) => {
        if (ac.signal.aborted) return;
        setState(e instanceof FleetPreviewError ? {status: 'error', nodeId: e.nodeId, error: e.error} : {status: 'error', error: toApiError(e)});
      },
    );
    return () => {
      mounted.current = false;
      ac.abort();
    };
  }, [client, key]); // eslint-disable-line react-hooks/exhaustive-deps

  const start = useCallback(
    (waveSize: number) => {
      if (state.status !== 'ready') return;
      const {previews, summary} = state;
      const waves = fleetWaves(previews, waveSize);
      const progress = new Map<string, NodeProgress>(previews.map((p) => [p.node_id, {kind: 'waiting'}]));
      const ac = new AbortController();
      stopper.current = ac;
      const batch = randomUUID();
      const publish = (status: 'running' | 'done', wave: number) => {
        if (mounted.current) setState({status, previews, summary, waves, wave, progress: new Map(progress), stopping: ac.signal.aborted});
      };
      let wave = 1;
      publish('running', wave);
      void runFleet(client, previews, {
        waveSize,
        signal: ac.signal,
        onEvent: (e) => {
          if (e.type === 'wave') {
            wave = e.wave;
            for (const id of e.nodes) progress.set(id, {kind: 'rotating', since: Date.now()});
          } else if (e.type === 'triggered') {
            const targets = {node_id: e.nodeId, ...(e.handle.rotation_id ? {rotation_id: e.handle.rotation_id} : {})};
            void journal.record({action: 'rotate', targets, outcome: e.handle.already_pending ? 'already_pending' : 'requested', status: e.status, batch});
            // runFleet watches each Node itself: the session list only records start and end.
            const p = previews.find((x) => x.node_id === e.nodeId);
            registry.started({nodeId: e.nodeId, label: labels[e.nodeId] ?? e.nodeId, fleet: true, startedAt: Date.now(), estimateMs: (p?.estimated_duration_seconds ?? 0) * 1000}, false);
          } else if (e.type === 'trigger-failed') {
            void journal.record({action: 'rotate', targets: {node_id: e.nodeId}, outcome: failureOutcome(e.error), batch, ...failureFields(e.error)});
          } else if (e.type === 'done') {
            progress.set(e.outcome.nodeId, {kind: 'ended', outcome: e.outcome});
            if (e.outcome.kind !== 'not_started') registry.ended(e.outcome.nodeId, e.outcome.kind === 'completed');
          }
          publish('running', wave);
        },
      }).then((outcomes) => {
        for (const o of outcomes) progress.set(o.nodeId, {kind: 'ended', outcome: o});
        publish('done', wave);
      });
    },
    [client, journal, registry, labels, state],
  );

  const stop = useCallback(() => {
    stopper.current?.abort();
    setState((s) => (s.status === 'running' ? {...s, stopping: true} : s));
  }, []);
  return {state, start, stop};
}
