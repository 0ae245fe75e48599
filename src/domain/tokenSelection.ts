// Which tokens a bulk revoke addresses: the selectors of `revoke --all`, and the breakdown
// the console's confirmation shows. Pure: no I/O, time passed in.
import {deriveState, TOKEN_STATES, type TokenState, type TokenTimes} from './tokenState.js';

export type SelectableToken = TokenTimes & {readonly id: string; readonly kind: string; readonly env_prefix: string; readonly issued_at: string};

/** Every selector is optional; a token must match all that are given. */
export type TokenSelectors = {
  /** `undefined` means every state. */
  readonly state?: TokenState;
  readonly envPrefix?: string;
  readonly kind?: string;
  /** Epoch ms, exclusive: issued strictly before. */
  readonly issuedBefore?: number;
  /** Epoch ms, inclusive: issued at or after. */
  readonly issuedAfter?: number;
};

/** The tokens matching every given selector, in the order given. */
export function selectTokens<T extends SelectableToken>(tokens: readonly T[], s: TokenSelectors, nowMs: number): T[] {
  return tokens.filter((t) => {
    if (s.state !== undefined && deriveState(t, nowMs) !== s.state) return false;
    if (s.envPrefix !== undefined && t.env_prefix !== s.envPrefix) return false;
    if (s.kind !== undefined && t.kind !== s.kind) return false;
    const issued = Date.parse(t.issued_at);
    if (s.issuedBefore !== undefined && !(issued < s.issuedBefore)) return false;
    if (s.issuedAfter !== undefined && !(issued >= s.issuedAfter)) return false;
    return true;
  });
}

export type StateCounts = Readonly<Record<TokenState, number>>;

/** How many of `tokens` are in each STATE now. */
export function countByState(tokens: Iterable<TokenTimes>, nowMs: number): StateCounts {
  const counts: Record<TokenState, number> = {live: 0, expired: 0, consumed: 0, revoked: 0};
  for (const t of tokens) counts[deriveState(t, nowMs)]++;
  return counts;
}

/** `revoke 37 live · skip 5 expired, 2 consumed, 1 revoked`: what marking these tokens will do.
 * Only live tokens are sent; the rest are listed as skipped so nothing is a surprise. */
export function describeBulkRevoke(counts: StateCounts): string {
  const skips = TOKEN_STATES.filter((s) => s !== 'live' && counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return `revoke ${counts.live} live${skips.length > 0 ? ` · skip ${skips.join(', ')}` : ''}`;
}
