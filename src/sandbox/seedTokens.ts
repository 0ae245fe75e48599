import {randomBytes} from 'node:crypto';
import {TOKEN_STATES, type TokenState} from '../domain/tokenState.js';
import type {TokenKind} from '../domain/validate.js';
import {base32, uuidv7} from './ids.js';
import type {Store} from './store.js';
import {unredeemableHash} from './tokens.js';

export type SeedTokensOptions = {
  /** One state for every row, or `mixed` (default): the four states in turn. */
  state?: TokenState | 'mixed';
  /** Default `mixed`: one in five is a bridge token. */
  kind?: TokenKind | 'mixed';
  /** Default `prod`. */
  envPrefix?: string;
  /** Live rows expire between 2 and 10 minutes from now (the "about to flip" case). */
  expiringSoon?: boolean;
  /** Defaults to the operator principal. */
  issuedBy?: string;
};

const TTLS = [300, 900, 3600, 14_400, 86_400];
const WEEK = 6 * 86_400_000;
const PER_ROW = 64; // random bytes per row: 10 uuid + 48 hash + 3 hint + 3 timing

/**
 * Bulk-inserts `count` tokens with realistic timestamps for their state, in one transaction
 * with one prepared statement and one random buffer: 100,000 rows take about a second.
 * Their plaintexts never existed, so they can never be redeemed (see `unredeemableHash`).
 */
export function seedTokens(store: Store, projectId: string, count: number, now: number, issuedBy: string, opts: SeedTokensOptions = {}): string[] {
  const rnd = randomBytes(count * PER_ROW);
  const ids: string[] = [];
  const frac = (i: number, k: number) => (rnd[i * PER_ROW + 61 + k] ?? 0) / 256;
  const env = opts.envPrefix ?? 'prod';
  store.tx(() => {
    for (let i = 0; i < count; i++) {
      const o = i * PER_ROW;
      const state = !opts.state || opts.state === 'mixed' ? TOKEN_STATES[i % 4]! : opts.state;
      const kind = opts.kind && opts.kind !== 'mixed' ? opts.kind : i % 5 === 4 ? 'bridge' : 'node';
      const ttl = opts.expiringSoon ? 3600 : TTLS[Math.floor(frac(i, 0) * TTLS.length)]!;
      let issued: number;
      if (state === 'live') {
        issued = opts.expiringSoon
          ? now - ttl * 1000 + 120_000 + Math.floor(frac(i, 1) * 480_000)
          : now - Math.floor(frac(i, 1) * (ttl * 1000 - 120_000));
      } else if (state === 'expired') {
        issued = now - ttl * 1000 - 1000 - Math.floor(frac(i, 1) * WEEK);
      } else {
        issued = now - 60_000 - Math.floor(frac(i, 1) * WEEK);
      }
      // A terminal event lands inside the token's live window and before now.
      const endAt = issued + Math.max(1000, Math.floor(frac(i, 2) * Math.min(ttl * 1000, now - issued)));
      const id = uuidv7(issued, rnd.subarray(o, o + 10));
      ids.push(id);
      store.run(
        `INSERT INTO tokens (id, project_id, kind, env_prefix, lookup_hint, hash, issued_at, expires_at,
           consumed_at, revoked_at, issued_by_user_id, consumed_nonce)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id, projectId, kind, env, base32(rnd.subarray(o + 58, o + 61)).slice(0, 4),
          unredeemableHash(rnd.subarray(o + 10, o + 58)), issued, issued + ttl * 1000,
          state === 'consumed' ? endAt : null, state === 'revoked' ? endAt : null,
          opts.issuedBy ?? issuedBy, state === 'consumed' ? `seed-${id}` : null,
        ],
      );
    }
  });
  return ids;
}
