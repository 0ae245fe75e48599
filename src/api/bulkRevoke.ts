// Revoke many tokens of one Project: bounded concurrency, 429 Retry-After honoured, every
// token ending in exactly one outcome. Shared by `revoke --all` and the console's marks.
import {deriveState} from '../domain/tokenState.js';
import {getBootstrapToken, revokeBootstrapToken} from './bootstrapTokens.js';
import type {ApiClient} from './client.js';
import {ApiError} from './errors.js';
import {backoffMs} from './retry.js';
import type {BootstrapToken} from './schemas.js';

/** How one token ended. `sent` says whether a DELETE went out (only those are journalled). */
export type RevokeResult =
  | {readonly kind: 'revoked'; readonly token: BootstrapToken; readonly sent: true; readonly status: 204}
  | {readonly kind: 'already_revoked' | 'consumed'; readonly token: BootstrapToken; readonly sent: boolean; readonly status?: 409; readonly at: string}
  | {readonly kind: 'failed'; readonly token: BootstrapToken; readonly sent: boolean; readonly error: ApiError}
  /** Stopped (Esc, a signal) before its request was sent: nothing happened to it. */
  | {readonly kind: 'not_attempted'; readonly token: BootstrapToken; readonly sent: false};

export type RevokeKind = RevokeResult['kind'];

export type BulkRevokeOptions = {
  /** Requests in flight at once (default 8, at most 32). */
  readonly concurrency?: number;
  /** Aborting stops new requests; those in flight finish and report. */
  readonly signal?: AbortSignal;
  /** Called as each token ends, in completion order. */
  readonly onResult?: (r: RevokeResult, index: number) => void;
  readonly now?: () => number;
};

export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 32;
// A 429 was not processed, so sending again is safe; give up after this many.
const MAX_429_TRIES = 6;

const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError({kind: 'transport', title: 'request failed', detail: e instanceof Error ? e.message : String(e)});

/** How many results ended in each way. */
export function countOutcomes(results: readonly RevokeResult[]): Record<RevokeKind, number> {
  const n: Record<RevokeKind, number> = {revoked: 0, already_revoked: 0, consumed: 0, failed: 0, not_attempted: 0};
  for (const r of results) n[r.kind]++;
  return n;
}

/** `revoked 37 · already revoked 1 · consumed 2 · failed 0`, plus `not attempted N` when stopped early. */
export function describeOutcomes(results: readonly RevokeResult[]): string {
  const n = countOutcomes(results);
  return (
    `revoked ${n.revoked} · already revoked ${n.already_revoked} · consumed ${n.consumed} · failed ${n.failed}` +
    (n.not_attempted > 0 ? ` · not attempted ${n.not_attempted}` : '')
  );
}

/** Runs the revokes; resolves with one result per token, in the input order. Never throws. */
export async function revokeMany(c: ApiClient, projectId: string, tokens: readonly BootstrapToken[], o: BulkRevokeOptions = {}): Promise<RevokeResult[]> {
  const now = o.now ?? Date.now;
  const results: RevokeResult[] = new Array<RevokeResult>(tokens.length);
  const width = Math.max(1, Math.min(o.concurrency ?? DEFAULT_CONCURRENCY, MAX_CONCURRENCY));
  // One gate for all workers: a 429 pauses everyone until its Retry-After has passed.
  let pausedUntil = 0;
  let next = 0;
  const stopped = () => o.signal?.aborted === true;

  const one = async (t: BootstrapToken): Promise<RevokeResult> => {
    const state = deriveState(t, now());
    // Known from the roster: a request could change nothing, so none is sent.
    if (state === 'revoked') return {kind: 'already_revoked', token: t, sent: false, at: t.revoked_at ?? ''};
    if (state === 'consumed') return {kind: 'consumed', token: t, sent: false, at: t.consumed_at ?? ''};
    for (let tries = 1; ; tries++) {
      const wait = pausedUntil - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (stopped()) return {kind: 'not_attempted', token: t, sent: false};
      try {
        await revokeBootstrapToken(c, projectId, t.id);
        return {kind: 'revoked', token: t, sent: true, status: 204};
      } catch (e) {
        const err = asApiError(e);
        if (err.status === 429 && tries < MAX_429_TRIES) {
          pausedUntil = Math.max(pausedUntil, now() + (err.retryAfterMs ?? backoffMs(tries)));
          continue;
        }
        if (err.status !== 409) return {kind: 'failed', token: t, sent: true, error: err};
        return explainConflict(c, projectId, t, err);
      }
    }
  };

  const worker = async (): Promise<void> => {
    while (next < tokens.length) {
      const i = next++;
      const t = tokens[i] as BootstrapToken;
      const r = await one(t);
      results[i] = r;
      o.onResult?.(r, i);
    }
  };
  await Promise.all(Array.from({length: Math.min(width, tokens.length)}, worker));
  return results;
}

/** A 409 means consumed or already revoked; the metadata says which, and when. */
async function explainConflict(c: ApiClient, projectId: string, t: BootstrapToken, conflict: ApiError): Promise<RevokeResult> {
  try {
    const {data} = await getBootstrapToken(c, projectId, t.id);
    if (data.consumed_at && deriveState(data, Date.now()) === 'consumed') {
      return {kind: 'consumed', token: data, sent: true, status: 409, at: data.consumed_at};
    }
    if (data.revoked_at) return {kind: 'already_revoked', token: data, sent: true, status: 409, at: data.revoked_at};
    return {kind: 'failed', token: t, sent: true, error: conflict};
  } catch (e) {
    return {kind: 'failed', token: t, sent: true, error: asApiError(e)};
  }
}
