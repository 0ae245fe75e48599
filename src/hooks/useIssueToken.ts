import {useCallback, useEffect, useRef, useState} from 'react';
import {issueBootstrapToken, type IssueRequest} from '../api/bootstrapTokens.js';
import {failureFields, failureOutcome} from '../journal/journal.js';
import {useApi} from './ApiProvider.js';
import {useDenials} from './denials.js';
import {useJournal} from './journal.js';
import {useTerminalSession} from './terminalSession.js';
import type {ApiError, IssuedToken} from './types.js';

export type {IssueRequest} from '../api/bootstrapTokens.js';
import {toApiError} from './useRequest.js';

export type IssueState =
  | {readonly status: 'idle'}
  | {readonly status: 'submitting'}
  | {readonly status: 'error'; readonly error: ApiError}
  /** `issued.token` is the plaintext: this state is its only home, and `close()` drops it. */
  | {readonly status: 'issued'; readonly issued: IssuedToken};

export type IssueActions = {
  /** Sends one POST; false (and nothing sent) while another is in flight. Never retried. */
  submit(projectId: string, req: IssueRequest): boolean;
  /** Forgets the plaintext (or the error) and returns the issued token's id, if any. */
  close(): string | undefined;
};

/**
 * Issues a bootstrap token. The plaintext lives only here, in React state, until the modal
 * closes: it never goes to the status line, a log, an error, route params or the roster.
 */
export function useIssueToken(): IssueState & IssueActions {
  const client = useApi();
  const session = useTerminalSession();
  const journal = useJournal();
  const denials = useDenials();
  const [state, setState] = useState<IssueState>({status: 'idle'});
  // A ref, not state: two Enters in one read must not both pass the "not in flight" check.
  const inFlight = useRef(false);
  const current = useRef(state);
  current.current = state;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const submit = useCallback(
    (projectId: string, req: IssueRequest) => {
      if (inFlight.current) return false;
      inFlight.current = true;
      setState({status: 'submitting'});
      const settled = session.issueStarted(projectId);
      // No abort on unmount: cancelling cannot un-mint a token, and there is no retry.
      issueBootstrapToken(client, projectId, req).then(
        (res) => {
          inFlight.current = false;
          settled();
          // The id only: the plaintext never leaves this hook's state.
          void journal.record({action: 'issue', targets: {project_id: projectId, token_id: res.data.token_id}, outcome: 'issued', status: res.status});
          if (!mounted.current) return;
          setState({status: 'issued', issued: res.data});
          // Until close(), quitting throws the only copy away: the exit path names the token.
          session.plaintextShown({tokenId: res.data.token_id, projectId, expiresAt: res.data.expires_at});
        },
        (e: unknown) => {
          inFlight.current = false;
          settled();
          void journal.record({action: 'issue', targets: {project_id: projectId}, outcome: failureOutcome(e), ...failureFields(e)});
          denials.record(projectId, 'issue', e);
          if (mounted.current) setState({status: 'error', error: toApiError(e)});
        },
      );
      return true;
    },
    [client, session, journal, denials],
  );

  const close = useCallback(() => {
    const s = current.current;
    const id = s.status === 'issued' ? s.issued.token_id : undefined;
    if (s.status === 'submitting') return undefined;
    if (id) session.plaintextClosed(id);
    current.current = {status: 'idle'};
    setState({status: 'idle'});
    return id;
  }, [session]);

  return {...state, submit, close};
}
