import {formatRelative} from './duration.js';

/** The roster STATE of a bootstrap token, derived on the client (the API has no state field). */
export type TokenState = 'live' | 'expired' | 'consumed' | 'revoked';

/** Every STATE in display order. */
export const TOKEN_STATES: readonly TokenState[] = ['live', 'expired', 'consumed', 'revoked'];

/** The timestamps STATE is derived from; `consumed_at`/`revoked_at` may be absent or null. */
export type TokenTimes = {
  readonly expires_at: string;
  readonly consumed_at?: string | null;
  readonly revoked_at?: string | null;
};

type Terminal = {state: 'consumed' | 'revoked'; at: string};

// The recorded terminal event, if any. Both set is a data anomaly: the earlier event is
// what actually happened first, so it wins (a revoke after consumption had no effect).
function terminalEvent(t: TokenTimes): Terminal | undefined {
  const revoked = t.revoked_at ?? undefined;
  const consumed = t.consumed_at ?? undefined;
  if (revoked !== undefined && consumed !== undefined) {
    return Date.parse(consumed) < Date.parse(revoked)
      ? {state: 'consumed', at: consumed}
      : {state: 'revoked', at: revoked};
  }
  if (revoked !== undefined) return {state: 'revoked', at: revoked};
  if (consumed !== undefined) return {state: 'consumed', at: consumed};
  return undefined;
}

/** STATE per decisions.md: revoked > consumed > expired (now >= expires_at) > live. */
export function deriveState(t: TokenTimes, nowMs: number): TokenState {
  const terminal = terminalEvent(t);
  if (terminal) return terminal.state;
  return nowMs >= Date.parse(t.expires_at) ? 'expired' : 'live';
}

/** A short human reason for the STATE, e.g. `consumed at 2026-05-01T10:31:00Z` or `expires in 14m`. */
export function stateReason(t: TokenTimes, nowMs: number): string {
  const terminal = terminalEvent(t);
  if (terminal) return `${terminal.state} at ${terminal.at}`;
  const expiresMs = Date.parse(t.expires_at);
  if (Number.isNaN(expiresMs)) return `expires at ${t.expires_at}`;
  return nowMs >= expiresMs
    ? `expired ${formatRelative(expiresMs, nowMs)}`
    : `expires ${formatRelative(expiresMs, nowMs)}`;
}

/** Parses a `--state` filter value; `active` and `issued` are aliases of `live`. */
export function parseStateFilter(s: string): TokenState | undefined {
  const v = s.trim().toLowerCase();
  if (v === 'active' || v === 'issued') return 'live';
  return (TOKEN_STATES as readonly string[]).includes(v) ? (v as TokenState) : undefined;
}

/** Epoch ms of the next live→expired flip among `tokens`, so a clock can re-render exactly then. */
export function nextExpiryChange(tokens: Iterable<TokenTimes>, nowMs: number): number | undefined {
  let next: number | undefined;
  for (const t of tokens) {
    if ((t.revoked_at ?? t.consumed_at ?? undefined) !== undefined) continue;
    const at = Date.parse(t.expires_at);
    if (at > nowMs && (next === undefined || at < next)) next = at;
  }
  return next;
}
