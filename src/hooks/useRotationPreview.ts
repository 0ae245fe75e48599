import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {previewRotation} from '../api/rotation.js';
import {useApi} from './ApiProvider.js';
import {nodeNames} from './nodeLabel.js';
import type {ApiError, Loadable, NodeSummary, RotationPreview} from './types.js';
import {useNode} from './useNode.js';
import {toApiError} from './useRequest.js';

/** A preview older than this is fetched again before the operator's confirmation is acted on (console-ux.md §8). */
export const PREVIEW_STALE_MS = 30_000;

/** How the impact moved between the preview shown before and a fresh one. */
export type PreviewChange = {readonly fromCount: number; readonly toCount: number; readonly fromPending: boolean; readonly toPending: boolean};

export type PreviewData = {
  readonly nodeId: string;
  /** The node's summary, when the node list has it (names are usually omitted). */
  readonly node?: NodeSummary;
  readonly preview: RotationPreview;
  /** Epoch ms when this preview arrived. */
  readonly fetchedAt: number;
  /** Set when the latest fetch found a different impact than the preview shown before it. */
  readonly changed?: PreviewChange;
  /** Node id → sanitised name, to name the peers in the edge table. */
  readonly peerNames: ReadonlyMap<string, string>;
};

export type RotationPreviewState = Loadable<PreviewData> & {
  readonly refreshing: boolean;
  /** Re-fetches the node list and the preview (the `r` key); a failure replaces the screen with the error. */
  readonly reload: () => void;
  /** Re-fetches the preview before a confirmation; a failure is returned, and the preview shown stays. */
  readonly refetch: () => Promise<RefetchOutcome>;
};

/** A confirmation-time re-fetch: the fresh preview and how it differs, or why it failed. */
export type RefetchOutcome = {ok: true; preview: RotationPreview; change?: PreviewChange} | {ok: false; error: ApiError};

type Fetched =
  | {status: 'idle' | 'loading'}
  | {status: 'error'; error: ApiError}
  | {status: 'ready'; preview: RotationPreview; fetchedAt: number; changed?: PreviewChange};

function changeBetween(before: RotationPreview | undefined, after: RotationPreview): PreviewChange | undefined {
  if (!before) return undefined;
  if (before.affected_peer_count === after.affected_peer_count && before.already_pending === after.already_pending) return undefined;
  return {fromCount: before.affected_peer_count, toCount: after.affected_peer_count, fromPending: before.already_pending, toPending: after.already_pending};
}

/**
 * The rotation impact of a node given by id or name, with the node list alongside so the
 * screen can name the node and its peers. Ready only once both have settled (a failed node
 * list only costs the names), so the confirmation phrase cannot change under the operator.
 */
export function useRotationPreview(ref: string): RotationPreviewState {
  const client = useApi();
  const {nodes, target} = useNode(ref);
  const nodeId = target.status === 'ready' ? target.data.id : undefined;
  const [fetched, setFetched] = useState<Fetched>({status: 'idle'});
  const [refreshing, setRefreshing] = useState(false);
  const shown = useRef<RotationPreview | undefined>(undefined);
  const latest = useRef<AbortController | undefined>(undefined);

  // Each fetch aborts the one before, and only the newest may write state: a late answer
  // for an old fetch never replaces a newer one, and nothing writes after unmount.
  const run = useCallback(
    async (id: string, onError: 'show' | 'keep'): Promise<RefetchOutcome> => {
      latest.current?.abort();
      const controller = new AbortController();
      latest.current = controller;
      setRefreshing(true);
      try {
        const {data} = await previewRotation(client, id, {signal: controller.signal});
        if (controller.signal.aborted) return {ok: false, error: toApiError(new Error('superseded by a newer fetch'))};
        const change = changeBetween(shown.current, data);
        shown.current = data;
        setFetched({status: 'ready', preview: data, fetchedAt: Date.now(), changed: change});
        setRefreshing(false);
        return {ok: true as const, preview: data, change};
      } catch (e) {
        const error = toApiError(e);
        if (controller.signal.aborted) return {ok: false, error};
        if (onError === 'show') setFetched({status: 'error', error});
        setRefreshing(false);
        return {ok: false, error};
      }
    },
    [client],
  );

  useEffect(() => {
    if (nodeId === undefined) return;
    void run(nodeId, 'show');
  }, [nodeId, run]);
  useEffect(() => () => latest.current?.abort(), []);

  const reload = useCallback(() => {
    nodes.reload();
    if (nodeId !== undefined) void run(nodeId, 'show');
  }, [nodes.reload, nodeId, run]); // eslint-disable-line react-hooks/exhaustive-deps
  const refetch = useCallback(
    (): Promise<RefetchOutcome> => (nodeId === undefined ? Promise.resolve({ok: false, error: toApiError(new Error('no node to preview'))}) : run(nodeId, 'keep')),
    [nodeId, run],
  );

  const list = nodes.status === 'ready' ? nodes.data : undefined;
  const peerNames = useMemo(() => nodeNames(list), [list]);
  const actions = {refreshing: refreshing || nodes.refreshing, reload, refetch};
  if (target.status !== 'ready') return {...target, ...actions};
  if (fetched.status === 'error') return {status: 'error', error: fetched.error, ...actions};
  if (fetched.status !== 'ready' || nodes.status === 'loading') return {status: 'loading', ...actions};
  const data: PreviewData = {
    nodeId: target.data.id,
    node: target.data.node,
    preview: fetched.preview,
    fetchedAt: fetched.fetchedAt,
    changed: fetched.changed,
    peerNames,
  };
  return {status: 'ready', data, ...actions};
}
