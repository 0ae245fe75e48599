import {deriveState, type TokenState} from '../domain/tokenState.js';
import {rowText} from './intern.js';
import type {BootstrapToken, SafeText} from './types.js';

/**
 * A roster row: one token's metadata in one flat object, timestamps as epoch ms (parsed once
 * for every sort, filter and clock tick) and repeated strings interned. A 100,000-token
 * roster used to hold the parsed token (nine strings, four of them ISO timestamps) beside
 * its row: ≈ 480 bytes a token, now ≈ 190. `rowToken` gives the metadata back.
 */
export type TokenRow = {
  readonly id: string;
  readonly project_id: string;
  readonly kind: SafeText;
  readonly env_prefix: SafeText;
  readonly issued_by_user_id: string;
  readonly issuedMs: number;
  readonly expiresMs: number;
  readonly consumedMs: number | undefined;
  readonly revokedMs: number | undefined;
  /** `consumed`/`revoked` when a terminal event is recorded; `live` means "decided by the clock". */
  readonly fixed: TokenState;
};

const {intern} = rowText;
const msOf = (at: string | null | undefined): number | undefined => (at == null ? undefined : Date.parse(at));

/** Reads a token into a row; STATE rules stay in `deriveState`. */
export function toRow(token: BootstrapToken): TokenRow {
  return {
    id: token.id,
    project_id: intern(token.project_id),
    kind: intern(token.kind),
    env_prefix: intern(token.env_prefix),
    issued_by_user_id: intern(token.issued_by_user_id),
    issuedMs: Date.parse(token.issued_at),
    expiresMs: Date.parse(token.expires_at),
    consumedMs: msOf(token.consumed_at),
    revokedMs: msOf(token.revoked_at),
    // At -Infinity no expiry has passed, so deriveState reports only the recorded terminal event.
    fixed: deriveState(token, Number.NEGATIVE_INFINITY),
  };
}

// Every timestamp the schema accepts parses (RFC 3339 with offset), so this is the same
// instant; the console only ever shows timestamps through `utc`/`utcMinute`, in UTC.
const isoOf = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString() : '');

/** The row's metadata as a token (for revoke and bulk revoke); absent timestamps read null. */
export function rowToken(row: TokenRow): BootstrapToken {
  return {
    id: row.id,
    project_id: row.project_id,
    kind: row.kind,
    env_prefix: row.env_prefix,
    issued_at: isoOf(row.issuedMs),
    expires_at: isoOf(row.expiresMs),
    consumed_at: row.consumedMs === undefined ? null : isoOf(row.consumedMs),
    revoked_at: row.revokedMs === undefined ? null : isoOf(row.revokedMs),
    issued_by_user_id: row.issued_by_user_id,
  };
}

/** Same metadata (null and absent timestamps alike; the same instant in any notation). */
export function sameRow(a: TokenRow, b: TokenRow): boolean {
  return (
    a.id === b.id &&
    a.project_id === b.project_id &&
    a.kind === b.kind &&
    a.env_prefix === b.env_prefix &&
    a.issued_by_user_id === b.issued_by_user_id &&
    Object.is(a.issuedMs, b.issuedMs) &&
    Object.is(a.expiresMs, b.expiresMs) &&
    Object.is(a.consumedMs, b.consumedMs) &&
    Object.is(a.revokedMs, b.revokedMs)
  );
}

/** The row's STATE at `nowMs` (same answer as `deriveState`, without re-parsing dates). */
export function stateAt(row: TokenRow, nowMs: number): TokenState {
  if (row.fixed !== 'live') return row.fixed;
  return nowMs >= row.expiresMs ? 'expired' : 'live';
}
