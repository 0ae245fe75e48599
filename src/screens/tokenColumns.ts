import {formatRelative} from '../domain/duration.js';
import {sanitize} from '../domain/sanitize.js';
import {utcMinute} from '../domain/time.js';
import {stateAt, type TokenRow} from '../hooks/tokenRoster.js';
import type {Column} from './shared/WindowedTable.js';
import {stateRole} from './shared/theme.js';

// The base columns take 80 cells with a whole ID; the wide ones 17 + 17 + 36 more.
const WIDE_FROM = 155;

/**
 * The roster columns. At 80 columns every column fits and the ID keeps its 36 cells;
 * narrower, ISSUED, KIND and ENV go first, the ID truncates with `…`, STATE never goes.
 * Wide terminals (≈155 columns and up) also get the absolute UTC times and the issuer.
 */
export function tokenColumns(now: number, width: number): Column<TokenRow>[] {
  const wide = width >= WIDE_FROM;
  return [
    {key: 'id', header: 'ID', width: 'flex', minWidth: 13, maxWidth: 36, priority: 5, value: (r) => r.id},
    {key: 'env', header: 'ENV', width: 7, priority: 3, value: (r) => sanitize(r.env_prefix)},
    {key: 'kind', header: 'KIND', width: 6, priority: 2, value: (r) => r.kind},
    {key: 'issued', header: 'ISSUED', width: 8, priority: 1, value: (r) => formatRelative(r.issuedMs, now)},
    ...(wide ? [{key: 'issuedAt', header: 'ISSUED AT (UTC)', width: 17, priority: 0, value: (r: TokenRow) => utcMinute(r.issuedMs)}] : []),
    {key: 'expires', header: 'EXPIRES', width: 8, priority: 4, value: (r) => formatRelative(r.expiresMs, now)},
    ...(wide
      ? [
          {key: 'expiresAt', header: 'EXPIRES AT (UTC)', width: 17, priority: 0, value: (r: TokenRow) => utcMinute(r.expiresMs)},
          {key: 'issuer', header: 'ISSUED BY', width: 36, priority: 0, value: (r: TokenRow) => sanitize(r.issued_by_user_id)},
        ]
      : []),
    // The word itself carries the meaning; colour only repeats it.
    {key: 'state', header: 'STATE', width: 8, priority: 10, value: (r) => stateAt(r, now), role: (r) => stateRole(stateAt(r, now))},
  ];
}
