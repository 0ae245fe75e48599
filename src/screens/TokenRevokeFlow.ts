import {matches} from '../hooks/keymap.js';
import {utc} from '../domain/time.js';
import type {RevokeState} from '../hooks/useRevokeToken.js';
import type {StatusTone} from '../hooks/useStatus.js';

/** What a key does in the revoke confirm: `y` revokes (or tries again), anything else closes. */
export function revokeKey(name: string, state: RevokeState): 'revoke' | 'close' | 'ignore' {
  if (state.status === 'running') return 'ignore';
  if ((state.status === 'idle' || state.status === 'error') && matches('confirm.yes', name)) return 'revoke';
  return 'close';
}

/** The status line after a revoke, and whether the confirm closes by itself (plain success only). */
export function revokeNotice(state: RevokeState): {text: string; tone: StatusTone; close: boolean} | undefined {
  if (state.status !== 'done') return undefined;
  const o = state.outcome;
  if (o.kind === 'revoked') return {text: `Token ${state.tokenId} revoked`, tone: 'ok', close: true};
  if (o.kind === 'already-revoked') return {text: `Token ${state.tokenId} was already revoked at ${utc(o.at)}`, tone: 'info', close: false};
  return {text: `Token ${state.tokenId}: a redeemer used it at ${utc(o.at)}; revoking had no effect`, tone: 'warn', close: false};
}
