import {randomUUID} from 'node:crypto';
import {useCallback, useEffect, useRef, useState} from 'react';
import {revokeMany, type RevokeResult} from '../api/bulkRevoke.js';
import {failureFields, failureOutcome} from '../journal/journal.js';
import {useApi} from './ApiProvider.js';
import {useDenials} from './denials.js';
import {useJournal} from './journal.js';
import type {BootstrapToken} from './types.js';

export type {RevokeKind, RevokeResult} from '../api/bulkRevoke.js';
export {countOutcomes, describeOutcomes} from '../api/bulkRevoke.js';

/** A bulk revoke run: `results` grows as tokens end (flushed a few times a second). */
export type BulkRevokeState =
  | {readonly status: 'idle'}
  | {readonly status: 'running'; readonly total: number; readonly results: readonly RevokeResult[]; readonly stopping: boolean}
  | {readonly status: 'done'; readonly total: number; readonly results: readonly RevokeResult[]; readonly stopped: boolean};

export type BulkRevokeActions = {
  /** Starts a run over `tokens`; ignored while one is running. */
  start(tokens: readonly BootstrapToken[]): void;
  /** Esc: no new requests; those in flight finish and report. */
  stop(): void;
  reset(): void;
};

const FLUSH_MS = 100;

/**
 * Revokes many tokens of one Project with bounded concurrency (api/bulkRevoke.ts) and
 * journals every DELETE sent. Progress is flushed at most every 100 ms, so 1,000 tokens
 * cost a few dozen renders, not 1,000. `onDone` gets the fresh metadata for the roster.
 */
export function useBulkRevoke(projectId: string | undefined, onDone?: (tokens: BootstrapToken[]) => void): BulkRevokeState & BulkRevokeActions {
  const client = useApi();
  const journal = useJournal();
  const denials = useDenials();
  const [state, setState] = useState<BulkRevokeState>({status: 'idle'});
  const controller = useRef<AbortController>(undefined);
  const running = useRef(false);
  const mounted = useRef(true);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const start = useCallback(
    (tokens: readonly BootstrapToken[]) => {
      if (running.current || !projectId || tokens.length === 0) return;
      running.current = true;
      const ac = new AbortController();
      controller.current = ac;
      const batch = randomUUID();
      const done: RevokeResult[] = [];
      const total = tokens.length;
      setState({status: 'running', total, results: [], stopping: false});
      const flush = setInterval(() => {
        if (mounted.current) setState((s) => (s.status === 'running' ? {...s, results: [...done]} : s));
      }, FLUSH_MS);
      void revokeMany(client, projectId, tokens as BootstrapToken[], {
        signal: ac.signal,
        onResult: (r) => {
          done.push(r);
          if (!r.sent) return;
          const targets = {project_id: projectId, token_id: r.token.id};
          const extra = r.kind === 'failed' ? failureFields(r.error) : 'status' in r && r.status !== undefined ? {status: r.status} : {};
          const outcome = r.kind === 'failed' ? failureOutcome(r.error) : r.kind;
          void journal.record({action: 'revoke', targets, outcome, batch, ...extra});
          if (r.kind === 'failed') denials.record(projectId, 'revoke', r.error);
        },
      }).then((results) => {
        clearInterval(flush);
        running.current = false;
        if (!mounted.current) return;
        setState({status: 'done', total, results, stopped: ac.signal.aborted});
        const changed = results.filter((r) => r.kind === 'revoked').map((r) => ({...r.token, revoked_at: r.token.revoked_at ?? new Date().toISOString()}));
        const refreshed = results.filter((r) => r.sent && r.kind !== 'revoked' && r.kind !== 'failed').map((r) => r.token);
        onDoneRef.current?.([...changed, ...refreshed]);
      });
    },
    [client, journal, denials, projectId],
  );

  const stop = useCallback(() => {
    controller.current?.abort();
    setState((s) => (s.status === 'running' ? {...s, stopping: true} : s));
  }, []);
  const reset = useCallback(() => {
    if (!running.current) setState({status: 'idle'});
  }, []);
  return {...state, start, stop, reset};
}
