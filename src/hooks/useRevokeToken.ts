import {useCallback, useEffect, useRef, useState} from 'react';
import {getBootstrapToken, revokeBootstrapToken} from '../api/bootstrapTokens.js';
import {failureFields, failureOutcome} from '../journal/journal.js';
import {useApi} from './ApiProvider.js';
import {useDenials} from './denials.js';
import {useJournal} from './journal.js';
import type {ApiError, BootstrapToken} from './types.js';
import {toApiError} from './useRequest.js';

/** How a revoke ended. A 409 is explained from the token's metadata, never shown as a crash. */
export type RevokeOutcome =
  | {readonly kind: 'revoked'; readonly token: BootstrapToken}
  | {readonly kind: 'already-revoked'; readonly at: string; readonly token: BootstrapToken}
  | {readonly kind: 'consumed'; readonly at: string; readonly token: BootstrapToken};

export type RevokeState =
  | {readonly status: 'idle'}
  | {readonly status: 'running'; readonly tokenId: string}
  | {readonly status: 'done'; readonly tokenId: string; readonly outcome: RevokeOutcome}
  | {readonly status: 'error'; readonly tokenId: string; readonly error: ApiError};

/** Revokes tokens of one Project; `onDone` receives the fresh metadata so the roster can patch its row. */
export function useRevokeToken(projectId: string | undefined, onDone?: (token: BootstrapToken) => void) {
  const client = useApi();
  const journal = useJournal();
  const denials = useDenials();
  const [state, setState] = useState<RevokeState>({status: 'idle'});
  const inFlight = useRef(false);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  const controller = useRef<AbortController>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const revoke = useCallback(
    (target: BootstrapToken) => {
      const tokenId = target.id;
      if (inFlight.current || !projectId) return;
      inFlight.current = true;
      const ac = new AbortController();
      controller.current = ac;
      setState({status: 'running', tokenId});
      const finish = (s: RevokeState) => {
        inFlight.current = false;
        const targets = {project_id: projectId, token_id: tokenId};
        // Journalled even when the screen has gone: the mutation happened either way.
        if (s.status === 'done') {
          const outcome = s.outcome.kind === 'already-revoked' ? 'already_revoked' : s.outcome.kind;
          void journal.record({action: 'revoke', targets, outcome, status: s.outcome.kind === 'revoked' ? 204 : 409});
        } else if (s.status === 'error') {
          void journal.record({action: 'revoke', targets, outcome: failureOutcome(s.error), ...failureFields(s.error)});
          denials.record(projectId, 'revoke', s.error);
        }
        if (ac.signal.aborted) return;
        setState(s);
        if (s.status === 'done') onDoneRef.current?.(s.outcome.token);
      };
      const metadata = async () => (await getBootstrapToken(client, projectId, tokenId, {signal: ac.signal})).data;
      (async (): Promise<RevokeOutcome> => {
        try {
          await revokeBootstrapToken(client, projectId, tokenId, {signal: ac.signal});
        } catch (e) {
          if (toApiError(e).status !== 409) throw e;
          // 409: already consumed or already revoked. The metadata tells which.
          const token = await metadata();
          if (token.consumed_at) return {kind: 'consumed', at: token.consumed_at, token};
          return {kind: 'already-revoked', at: token.revoked_at ?? '', token};
        }
        // The real revoked_at for the row; if this read fails the revoke still happened.
        const token = await metadata().catch(() => ({...target, revoked_at: new Date().toISOString()}));
        return {kind: 'revoked', token};
      })().then(
        (outcome) => finish({status: 'done', tokenId, outcome}),
        (e: unknown) => finish({status: 'error', tokenId, error: toApiError(e)}),
      );
    },
    [client, projectId, journal, denials],
  );
  const reset = useCallback(() => {
    if (!inFlight.current) setState({status: 'idle'});
  }, []);
  return {state, revoke, reset};
}
