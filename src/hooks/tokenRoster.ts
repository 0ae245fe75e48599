import {formatRelative} from '../domain/duration.js';
import {utc} from '../domain/time.js';
import {TOKEN_STATES, type TokenState} from '../domain/tokenState.js';
import {sameRow, stateAt, toRow, type TokenRow} from './tokenRow.js';
import type {BootstrapToken} from './types.js';

export {rowToken, sameRow, stateAt, toRow, type TokenRow} from './tokenRow.js';

/** Epoch ms of the next live→expired flip among rows, for the clock. */
export function nextFlip(rows: readonly TokenRow[], nowMs: number): number | undefined {
  let next: number | undefined;
  for (const r of rows) {
    if (r.fixed === 'live' && r.expiresMs > nowMs && (next === undefined || r.expiresMs < next)) next = r.expiresMs;
  }
  return next;
}

export type StateCounts = Readonly<Record<TokenState, number>>;

/** Tokens per STATE, one pass. */
export function countStates(rows: readonly TokenRow[], nowMs: number): StateCounts {
  const c: Record<TokenState, number> = {live: 0, expired: 0, consumed: 0, revoked: 0};
  for (const r of rows) c[stateAt(r, nowMs)]++;
  return c;
}

/** The roster sort columns in `s` order; `issued` descending (newest first) is the default. */
export const TOKEN_SORTS = ['issued', 'expires', 'state', 'env', 'kind', 'id'] as const;
export type TokenSort = (typeof TOKEN_SORTS)[number];

/** The `f` cycle: all → live → expired → consumed → revoked. */
export const STATE_FILTERS: readonly ('all' | TokenState)[] = ['all', ...TOKEN_STATES];
export type StateFilter = (typeof STATE_FILTERS)[number];

const STATE_ORDER: Record<TokenState, number> = {live: 0, expired: 1, consumed: 2, revoked: 3};

/** A sorted copy; ties fall back to newest first, then id, so the order is stable across refreshes. */
export function sortRows(rows: readonly TokenRow[], key: TokenSort, desc: boolean, nowMs: number): TokenRow[] {
  const dir = desc ? -1 : 1;
  const tie = (a: TokenRow, b: TokenRow) => b.issuedMs - a.issuedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const str = (f: (r: TokenRow) => string) => (a: TokenRow, b: TokenRow) => {
    const x = f(a);
    const y = f(b);
    return x < y ? -dir : x > y ? dir : tie(a, b);
  };
  const num = (f: (r: TokenRow) => number) => (a: TokenRow, b: TokenRow) => dir * (f(a) - f(b)) || tie(a, b);
  const cmp = {
    issued: num((r) => r.issuedMs),
    expires: num((r) => r.expiresMs),
    // Decorated once: computing STATE inside the comparator would do it n·log n times.
    state: undefined,
    env: str((r) => r.env_prefix),
    kind: str((r) => r.kind),
    id: str((r) => r.id),
  }[key];
  if (cmp) return [...rows].sort(cmp);
  const decorated = rows.map((r) => ({r, s: STATE_ORDER[stateAt(r, nowMs)]}));
  decorated.sort((a, b) => dir * (a.s - b.s) || tie(a.r, b.r));
  return decorated.map((d) => d.r);
}

/** Rows matching the STATE filter and the `/` text (case-insensitive, over id, env, kind and STATE). */
export function filterRows(rows: readonly TokenRow[], text: string, state: StateFilter, nowMs: number): readonly TokenRow[] {
  const needle = text.trim().toLowerCase();
  if (!needle && state === 'all') return rows;
  return rows.filter((r) => {
    const s = stateAt(r, nowMs);
    if (state !== 'all' && s !== state) return false;
    if (!needle) return true;
    return r.id.includes(needle) || r.env_prefix.toLowerCase().includes(needle) || r.kind.includes(needle) || s === needle;
  });
}


/** The detail screen's reason, e.g. `consumed at 2026-05-01 10:31:00Z` or `expires in 14m`. */
export function tokenReason(row: TokenRow, nowMs: number): string {
  const s = stateAt(row, nowMs);
  if (s === 'consumed' || s === 'revoked') {
    const at = s === 'consumed' ? row.consumedMs : row.revokedMs;
    return `${s} at ${at === undefined ? '' : utc(at)}`;
  }
  return `${s === 'live' ? 'expires' : 'expired'} ${formatRelative(row.expiresMs, nowMs)}`;
}

/** `rows` with `tokens` merged in (changed ones replaced, new ones added); the same array when nothing changed. */
export function mergeTokens(rows: readonly TokenRow[], tokens: readonly BootstrapToken[]): readonly TokenRow[] {
  // Index only the ids being merged (id → row index): a live refresh merges a page or two into a
  // roster of up to 100k rows every few seconds, and a Map of every row built each time stalled
  // the keys (bench, 100k rows: keypress p95 15.5 ms with it, 10 ms with refresh off).
  const at = new Map<string, number | undefined>(tokens.map((t) => [t.id, undefined]));
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i]!.id;
    if (at.has(id)) at.set(id, i);
  }
  let next: TokenRow[] | undefined;
  for (const t of tokens) {
    const i = at.get(t.id);
    const row = toRow(t);
    // `next` once anything changed: a token read twice (newest page and by id) may sit at an appended index.
    if (i !== undefined && sameRow((next ?? rows)[i]!, row)) continue;
    next ??= rows.slice();
    if (i === undefined) at.set(t.id, next.push(row) - 1);
    else next[i] = row;
  }
  return next ?? rows;
}

/** The whole roster replaced by a full walk's `tokens`; the same array when nothing changed. */
export function replaceTokens(rows: readonly TokenRow[], tokens: readonly BootstrapToken[]): readonly TokenRow[] {
  if (tokens.length === rows.length) {
    const merged = mergeTokens(rows, tokens);
    if (merged === rows) return rows;
  }
  return tokens.map(toRow);
}
